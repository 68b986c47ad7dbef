"""The program's sentences, one gettext catalogue per language, and the language in use.

Every sentence a player, a facilitator or an author reads is a key of `locale/<lang>/LC_MESSAGES/game.po`
(compiled to `game.mo`, which the standard library reads). Translators edit the `.po` files with any
gettext tool and compile them with Babel (`pybabel compile -d game/wording/locale -D game`); a test fails
while a key exists in one language only, a placeholder differs, or a `.mo` is older than its `.po`.
Plural forms are gettext's: `ntr("count.teams", 3)` reads « 3 équipes » or "3 teams".
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

LANGUAGES = ("fr", "en")
DEFAULT = "fr"
NAMES = {"fr": "Français", "en": "English"}  # each language in its own words: the home screen's choice
LOCALE = Path(__file__).with_name("locale")
DOMAIN = "game"

_language = DEFAULT


def use(lang: str) -> None:
    """Speak `lang` from now on: the screens, the terminal, the sheets and the messages to authors."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (known: {', '.join(LANGUAGES)})")
    _language = lang


def language() -> str:
    return _language


def decimal(value: float, spec: str) -> str:
    """`value` formatted by `spec` (".1f", "g", ">6.1f"…) with the language's decimal mark: 38,3 in French."""
    text = format(value, spec)
    return text.replace(".", ",") if _language == "fr" else text


@cache
def _catalogue(lang: str) -> gettext.GNUTranslations:
    with open(LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as compiled:
        return gettext.GNUTranslations(compiled)


def template(key: str, lang: str | None = None) -> str:
    """The sentence of `key` with its {placeholders} still in it."""
    text = _catalogue(lang or _language).gettext(key)
    if text == key:
        raise KeyError(f"no sentence {key!r} in the {lang or _language!r} catalogue")
    return text


def has(key: str, lang: str | None = None) -> bool:
    try:
        template(key, lang)
    except KeyError:
        return False
    return True


def tr(key: str, /, lang: str | None = None, **values: object) -> str:
    """The sentence for `key` in the language in use (or `lang`), its {placeholders} filled in."""
    text = template(key, lang)
    return text.format(**values) if values else text


def ntr(key: str, n: int, /, lang: str | None = None, **values: object) -> str:
    """The sentence for `key` in the plural form `n` asks for in that language; `{n}` is `n`."""
    text = _catalogue(lang or _language).ngettext(key, key, n)
    if text == key:
        raise KeyError(f"no plural sentence {key!r} in the {lang or _language!r} catalogue")
    return text.format(n=n, **values)
