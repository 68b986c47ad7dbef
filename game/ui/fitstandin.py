"""Stand-in cards for the fit check: one layout answers for every card of the same shape whose texts are no longer.

Laying out a card in all its views takes milliseconds, so checking each of 10,000 cards at three settings took half
a minute. Most cards are far from the screen's limits, and many share a skeleton: the same kind, deck, aspect,
answers, ratings and effects, only their texts differ. A stand-in for a group of such cards has their skeleton and,
in place of each text, as many words as the longest of the group's texts there, each as wide as their widest word
(with a margin for other sizes and for bold). Wrapped greedily at any width where its words fit, a line of a real
text then holds at least as many words as a line of the stand-in's, so the real text takes no more lines (a test
checks it on texts of any letters, at any size). A word too long for the narrowest box the play screen wraps a
card's text in would be cut letter by letter, which the stand-in does not follow: its card is laid out itself.
The play screen gives more lines more room, never less, so when the stand-in has nothing cut, shrunk or (at the
default settings) spread over views, neither has any card of its group. Where a group's stand-in does not fit, a
stand-in for fewer of its cards is tried; the cards no stand-in clears are laid out themselves, which says exactly
which of their texts is too long.
"""

from __future__ import annotations

import math
from typing import Any

from game.fonts import printable
from game.ui.text import FontBook, text_width

REFERENCE = 100  # pixels: words are measured once, at this size, in both weights
MARGIN = 1.15  # what a word's width may gain, against the stand-in's, at another size than the reference
EXTRA = 10  # pixels at the reference size: the rounding of small sizes
NARROWEST = 11  # font sizes: the narrowest box the play screen wraps a card's text in (a test watches it)
LONGEST = NARROWEST * REFERENCE * 0.9  # pixels at the reference size: a word wider may not fit a box at some size
WIDE = "W"  # the stand-in's words are made of this letter, among the widest of both families
# a card's free texts of one line or more, in reading order
TEXT_FIELDS = ("name", "partner", "prompt", "situation", "need", "quote", "explanation", "source")
# everything of a card but its free texts: the part of its shape that must be the same for a stand-in to answer
SHAPE_EXCLUDED: dict[str, Any] = {
    "id": True, "age": True, "hints": True, **{name: True for name in TEXT_FIELDS},
    "answers": {"__all__": {"text"}}, "options": {"__all__": {"text", "feedback"}},
    "steps": {"__all__": {"prompt": True, "options": {"__all__": {"text", "feedback"}}}},
    "outcomes": {"__all__": {"title", "feedback"}},
}


Shape = tuple[int, int, int]  # a text's paragraphs, its most words in one paragraph, its widest word in WIDE letters


def skeleton(deck: str, card: Any, places: tuple[tuple[Any, ...], ...]) -> tuple[str, str, tuple[tuple[Any, ...], ...]]:
    """What cards must share to share a stand-in: their deck, everything but their texts, where their texts are."""
    return deck, card.model_dump_json(exclude=SHAPE_EXCLUDED), places


def widest(shapes: list[tuple[Shape, ...]]) -> tuple[Shape, ...]:
    """The shape of a group's stand-in: at each place, the most paragraphs, words and letters of the group."""
    return tuple(tuple(map(max, *column)) if len(shapes) > 1 else column[0]
                 for column in zip(*shapes))


def by_size(members: list[int], shapes: list[tuple[Shape, ...]]) -> list[int]:
    """A group's cards from the least text to the most (as their stand-ins would be long), so that a run of the
    first ones has a stand-in near each of them."""
    return sorted(members, key=lambda c: sum(p * w * k for p, w, k in shapes[c]))


class WordWidths(dict[str, int]):
    """A family's word widths at the reference size, the wider of regular and bold, each word measured once."""

    def __init__(self, family: str):
        super().__init__()
        fonts = FontBook(family)
        self.regular, self.bold = fonts.get(REFERENCE), fonts.get(REFERENCE, True)
        self._letters: dict[int, int] = {}  # width wanted → letters of the stand-in's word
        self._shapes: dict[str, Shape | None] = {}

    def __missing__(self, word: str) -> int:
        width = self[word] = max(text_width(self.regular, word), text_width(self.bold, word))
        return width

    def letters(self, width: int) -> int:
        """How many WIDE letters make a word wider than any word `width` wide at the reference size, at any size."""
        found = self._letters.get(width)
        if found is None:
            wanted = width * MARGIN + EXTRA
            found = max(1, math.ceil(wanted / text_width(self.regular, WIDE)))
            while text_width(self.regular, WIDE * found) < wanted:  # kerning between two WIDE letters
                found += 1
            self._letters[width] = found
        return found

    def shape(self, text: str) -> Shape | None:
        """A text's shape: its paragraphs, its most words in one, its stand-in's letters per word; None for a text
        with a word too long to fit every box."""
        if text not in self._shapes:  # answers, prompts and sources repeat from card to card
            self._shapes[text] = self._shaped(printable(text))
        return self._shapes[text]

    def _shaped(self, text: str) -> Shape | None:
        paragraphs = text.split("\n") if "\n" in text else (text,)
        widest = max(map(self.__getitem__, text.replace("\n", " ").split(" ")))
        if widest > LONGEST:
            return None
        return len(paragraphs), max(p.count(" ") for p in paragraphs) + 1, self.letters(widest)

    def card_shape(self, card: Any, texts: list[tuple[tuple[Any, ...], str]]) -> tuple[Shape, ...] | None:
        """The shape of each of a card's texts, or None when one has no shape; a name followed by an age (« Marie,
        45 ans ») counts the age as one more word of the name, since the stand-in's age is 0."""
        age = card.__dict__.get("age")
        shapes = tuple(self.shape(f"{text} {age}" if place == ("name",) and age is not None else text)
                       for place, text in texts)
        return None if None in shapes else shapes  # type: ignore[return-value]


def shape_text(shape: Shape) -> str:
    """The stand-in's text for a shape."""
    paragraphs, words, letters = shape
    return "\n".join([" ".join([WIDE * letters] * words)] * paragraphs)


def stand_in(card: Any, places: tuple[tuple[Any, ...], ...], shapes: tuple[Shape, ...]) -> Any:
    """`card` with the text at each of its `places` (as `fitcheck` lists them) replaced by its shape's stand-in
    text, and its age by 0; a constraint keeps its label, which is the same for every card."""
    if getattr(card, "age", None) is not None:
        card = card.model_copy(update={"age": 0})
    for place, shape in zip(places, shapes):
        if place[0] != "constraints":
            card = _replaced(card, place, shape_text(shape))
    return card


def _replaced(model: Any, place: tuple[Any, ...], value: str) -> Any:
    """A copy of `model` with `value` at `place` (a field, or a list's field and an index, and so on)."""
    name, rest = place[0], place[1:]
    if not rest:
        return model.model_copy(update={name: value})
    items = list(getattr(model, name))
    index, deeper = rest[0], rest[1:]
    items[index] = _replaced(items[index], deeper, value) if deeper else value
    return model.model_copy(update={name: items})
