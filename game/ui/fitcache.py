"""What the fit check already measured: `validate` lays out only the cards that changed since its last run.

Laying out a card in every reveal takes milliseconds, so a 10,000-card deck took tens of seconds at each
check; an author edits a few cards between two checks. A card's findings depend only on its own content,
its deck's aspect labels, the gauges, the font and this program's code and fonts: all of them go into the
card's key, so a stale answer is never read (any change of code or font empties the record). The record
is a cache: unreadable, it is ignored; unwritable (read-only or full disk), only the speed-up is lost.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from game.atomic import write_text_atomic
from game.fonts import FAMILIES, font_path

VERSION = 1
LIMIT = 50_000  # cards remembered, the most recently checked kept: a few megabytes
_PACKAGE = Path(__file__).resolve().parent.parent


def code_digest(family: str) -> str:
    """A digest of everything that draws a card: the package's source, the family's font files, pygame's
    version and its text library's."""
    import pygame

    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{VERSION} {family} {pygame.version.ver} {pygame.font.get_sdl_ttf_version()}".encode())
    fonts = {font_path(family, style) for style in FAMILIES[family]}
    for path in sorted(_PACKAGE.rglob("*.py")) + sorted(fonts):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class FitRecord:
    """Card keys → the indexes of their cut texts, read from and saved to one JSON file."""

    def __init__(self, path: Path | None, code: str):
        self.path = path
        self.code = code
        self.known: dict[str, list[int]] = {}
        self.used: dict[str, list[int]] = {}
        self.measured = False
        if path is not None:
            try:
                document: Any = json.loads(path.read_text(encoding="utf-8"))
                if document["code"] == code and isinstance(document["cards"], dict):
                    self.known = document["cards"]
            except (OSError, ValueError, TypeError, KeyError):
                pass  # no record yet, or a damaged one: everything is measured again

    @staticmethod
    def context(*parts: object) -> bytes:
        """What a deck's cards share (font, aspects, gauges), as bytes to prefix each card's key with."""
        return json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str).encode()

    @staticmethod
    def key(context: bytes, card: bytes) -> str:
        """A card's key from its context and its content written without its id (`card.model_dump_json(exclude=
        {"id"})`, written once for every setting): the id is never shown, so identical cards are measured once."""
        return hashlib.blake2b(context + card, digest_size=16).hexdigest()

    def get(self, key: str) -> list[int] | None:
        found = self.used.get(key)
        if found is None:
            found = self.known.get(key)
            if isinstance(found, list) and all(isinstance(i, int) for i in found):
                self.used[key] = found
            else:
                found = None
        return found

    def put(self, key: str, cut: list[int]) -> None:
        self.used[key] = cut
        self.measured = True

    def save(self) -> None:
        """After new measures: this run's cards, then the most recent others, up to LIMIT; never fails."""
        if self.path is None or not self.measured:
            return
        cards = {k: v for k, v in self.known.items() if k not in self.used}
        cards.update(self.used)
        kept = dict(list(cards.items())[-LIMIT:])
        try:
            write_text_atomic(self.path, json.dumps({"code": self.code, "cards": kept}, separators=(",", ":")))
        except OSError:
            pass  # a read-only or full profile only loses the speed-up
