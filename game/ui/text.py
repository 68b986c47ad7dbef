"""French text in boxes: word wrapping, shrinking to a floor, and a flag when it still cannot fit.

The same code lays out the screen and will tell lab authors when a card's text is too long, so
it needs no window: only pygame's font module.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import pygame

from game.fonts import font_path, printable

ELLIPSIS = "…"


class Fitted(NamedTuple):
    lines: tuple[str, ...]
    size: int
    line_height: int
    overflow: bool  # even at the smallest size, the text had to be cut

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


class FontBook:
    """Fonts by family, style and pixel size, loaded once."""

    def __init__(self, family: str = "atkinson"):
        if not pygame.font.get_init():
            pygame.font.init()
        self.family = family

    def get(self, size: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        style = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
        return _font(self.family, style, max(6, int(size)))


# Fonts whose no-break space is three spaces wide (OpenDyslexic): a plain space is drawn in its place, once
# the lines are cut, and measured in its place too, so that what is measured is what is drawn.
_PLAIN_NBSP: set[pygame.font.Font] = set()


@lru_cache(maxsize=256)
def _font(family: str, style: str, size: int) -> pygame.font.Font:
    font = pygame.font.Font(str(font_path(family, style)), size)
    if family == "opendyslexic":
        _PLAIN_NBSP.add(font)
    return font


def forget_fonts() -> None:
    """Open every font afresh from now on. A forked process inherits its parent's open fonts, and with them the
    files' read positions, which the two would then move under each other (« Couldn't find glyph »)."""
    _font.cache_clear()
    wrap.cache_clear()
    _PLAIN_NBSP.clear()


def drawn(font: pygame.font.Font, text: str) -> str:
    """`text` as `font` draws it: a no-break space becomes a plain one where the font's own is too wide."""
    return text.replace("\u00a0", " ") if font in _PLAIN_NBSP else text


def text_width(font: pygame.font.Font, text: str) -> int:
    return font.size(drawn(font, text))[0]


@lru_cache(maxsize=4096)
def wrap(font: pygame.font.Font, text: str, room: int) -> tuple[str, ...]:
    """Lines no wider than `room` pixels, broken between words; a no-break space never breaks, and a word
    wider than the box (a long URL) is cut. The cost grows linearly with the text's length; a text is
    measured once per font and width (the layout and the drawing of a card, its every reveal, ask again)."""
    lines: list[str] = []
    for paragraph in printable(text).split("\n"):
        if len(paragraph) <= room and text_width(font, paragraph) <= room:  # most labels: one measure
            lines.append(paragraph)
            continue
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= room and text_width(font, candidate) <= room:
                line = candidate
                continue
            if line:
                lines.append(line)
            while len(word) > 1:  # a word wider than the box: cut it where it stops fitting
                cut = _fitting_prefix(font, word, room)
                if cut == len(word):
                    break
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return tuple(lines)


def _fitting_prefix(font: pygame.font.Font, text: str, room: int, after: str = "") -> int:
    """The most characters from the start of `text` that fit `room` pixels followed by `after` (at least 1).

    A glyph is at least a pixel wide, so no more than `room` characters are ever measured, and a
    binary search measures only a dozen prefixes: a 5,000-character word costs what a short one does."""
    low, high = 1, min(len(text), room + 1)
    if text_width(font, text[:high] + after) <= room:
        return high
    while low < high - 1:  # text[:low] fits (or is the one-character floor), text[:high] does not
        middle = (low + high) // 2
        if text_width(font, text[:middle] + after) <= room:
            low = middle
        else:
            high = middle
    return low


def fit(fonts: FontBook, text: str, width: int, height: int, size: int, floor: int,
        bold: bool = False, spacing: float = 1.08) -> Fitted:
    """The largest size from `size` down to `floor` at which `text` fits the box; cut with … below that."""
    size = max(size, floor)
    while True:
        font = fonts.get(size, bold)
        line_height = int(font.get_linesize() * spacing)
        lines = wrap(font, text, width)
        if line_height * (len(lines) - 1) + font.get_height() <= height:
            return Fitted(tuple(lines), size, line_height, False)
        if size <= floor:
            break
        size = max(floor, int(size * 0.92))
    keep = max(1, height // line_height)
    cut = list(lines[:keep])
    cut[-1] = with_ellipsis(font, cut[-1], width)
    return Fitted(tuple(cut), size, line_height, True)


def with_ellipsis(font: pygame.font.Font, text: str, room: int) -> str:
    """`text` shortened from its end until it and a final … fit `room` pixels."""
    text = text[:_fitting_prefix(font, text, room, ELLIPSIS)] if text else ""
    while text and text_width(font, text + ELLIPSIS) > room:  # the one-character floor may still be too wide
        text = text[:-1]
    return text.rstrip().rstrip(ELLIPSIS).rstrip() + ELLIPSIS  # a text cut just after its own … ends with one


class TextCache:
    """Rendered lines kept between frames: rendering text is the costly part of a frame."""

    def __init__(self, fonts: FontBook, limit: int = 600):
        self.fonts = fonts
        self.limit = limit
        self._cache: dict[tuple[object, ...], pygame.Surface] = {}

    def render(self, text: str, size: int, color: tuple[int, int, int], bold: bool = False,
               italic: bool = False) -> pygame.Surface:
        key = (text, size, color, bold, italic, self.fonts.family)
        surface = self._cache.get(key)
        if surface is None:
            if len(self._cache) >= self.limit:
                self._cache.clear()
            font = self.fonts.get(size, bold, italic)
            shown = drawn(font, printable(text))
            try:
                surface = font.render(shown, True, color)
            except pygame.error:  # only zero-width characters (a joiner, a lone accent): nothing to see
                surface = pygame.Surface((1, font.get_height()), pygame.SRCALPHA)
            self._cache[key] = surface
        return surface
