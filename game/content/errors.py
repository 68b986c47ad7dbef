"""Authoring errors carry a file, a line and a column so a lab author can go straight to the mistake."""

from __future__ import annotations

from typing import NamedTuple

from game.wording.authors import Message


class ContentError(NamedTuple):
    """One mistake in one file; line and column start at 1; the message is worded in the reader's language."""

    path: str
    line: int
    column: int
    message: Message

    def text(self, lang: str | None = None) -> str:
        """The error in `lang`, or in the language in use."""
        return f"{self.path}:{self.line}:{self.column}: {self.message.text(lang)}"

    def __str__(self) -> str:
        return self.text()

    @property
    def is_note(self) -> bool:
        """A check that could not be made because of an error reported elsewhere: said, but not counted."""
        return self.message.key.startswith("unchecked.")

    def sort_key(self) -> tuple[bool, str, int, int, str]:
        return self.is_note, self.path, self.line, self.column, self.message.key


class ContentInvalid(Exception):
    """Raised when content cannot be used; holds every error found, sorted by place."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=ContentError.sort_key)
        super().__init__("\n".join(str(e) for e in self.errors))

    @property
    def count(self) -> int:
        return mistakes(self.errors)


def mistakes(errors: list[ContentError]) -> int:
    """The mistakes to fix; the notes of checks left undone follow from them."""
    return sum(not e.is_note for e in errors)


def elsewhere(errors: list[ContentError], reported: list[ContentError]) -> list[ContentError]:
    """Those of `errors` at a place where none of `reported` is: one mistake, one message."""
    taken = {(e.path, e.line, e.column) for e in reported}
    return [e for e in errors if (e.path, e.line, e.column) not in taken]
