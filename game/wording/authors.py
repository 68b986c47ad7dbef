"""What a lab author reads about their files (validate, lint, preview): messages not yet put into words.

Errors carry a message key of the catalogue (`game.wording.catalogue`) and its values rather than a finished
sentence, so `validate --lang en` and the French default say the same thing.
"""

from __future__ import annotations

from difflib import get_close_matches
from typing import Any, NamedTuple

from game.wording.catalogue import template

LIST_MAX = 16  # known ids shown in a hint; beyond, the list hides the message



class Message(NamedTuple):
    """A sentence not yet put into words: a key of the catalogue and the values it names."""

    key: str
    values: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str | None = None) -> str:
        """The sentence in `lang`, or in the language in use."""
        return template(self.key, lang).format(**dict(self.values))

    def __str__(self) -> str:
        return self.text()


def known(message_key: str) -> bool:
    """Whether the catalogue has `message_key`; a key it lacks is a fault of ours, raised at once."""
    template(message_key)
    return True


def say(message_key: str, /, **values: Any) -> Message:
    """The message `key` with its values, written as text now so messages stay hashable and comparable."""
    known(message_key)
    return Message(message_key, tuple((name, _shown(value)) for name, value in values.items()))


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [str(v) for v in value]
        return ", ".join(items[:LIST_MAX]) + (", …" if len(items) > LIST_MAX else "") if items else "—"
    return str(value)


def nearest(value: Any, known: list[str] | tuple[str, ...]) -> str | None:
    """The known word closest to a misspelt one, when one is close enough to be a typo."""
    if not isinstance(value, str) or not known:
        return None
    found = get_close_matches(value.lower(), list(known), n=1, cutoff=0.7)
    return found[0] if found else None


def say_near(message_key: str, value: Any, known: list[str] | tuple[str, ...], /, **values: Any) -> Message:
    """`key`, or its `_near` variant with the closest known word when there is one."""
    near = nearest(value, known)
    if near is not None:
        return say(message_key + "_near", known=known, near=near, **values)
    return say(message_key, known=known, **values)
