"""Authoring errors carry a file, a line and a column so a lab author can go straight to the mistake."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    """One mistake in one file, in plain French; line and column start at 1."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class ContentInvalid(Exception):
    """Raised when content cannot be used; holds every error found, sorted by place."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def display_path(path: Path) -> str:
    """A path relative to the working folder when possible: shorter, and clickable in editors."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
