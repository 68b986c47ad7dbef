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

    def text(self, lang: str = "fr") -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message.text(lang)}"

    def __str__(self) -> str:
        return self.text("fr")

    def sort_key(self) -> tuple[str, int, int, str]:
        return self.path, self.line, self.column, self.message.key


class ContentInvalid(Exception):
    """Raised when content cannot be used; holds every error found, sorted by place."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=ContentError.sort_key)
        super().__init__("\n".join(str(e) for e in self.errors))


def elsewhere(errors: list[ContentError], reported: list[ContentError]) -> list[ContentError]:
    """Those of `errors` at a place where none of `reported` is: one mistake, one message."""
    taken = {(e.path, e.line, e.column) for e in reported}
    return [e for e in errors if (e.path, e.line, e.column) not in taken]
