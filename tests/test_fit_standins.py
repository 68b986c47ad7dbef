"""The fit check's stand-ins: a stand-in's text never takes fewer lines than the texts it stands for, and `validate`
measuring by stand-ins finds exactly what laying out every card finds."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from game.content.library import load_library
from game.paths import shipped_decks
from game.ui import fitcheck, sidepanel
from game.ui import text as text_module
from game.ui.fitstandin import NARROWEST, WordWidths, shape_text
from game.ui.text import FontBook, wrap

LETTERS = "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùüœABCDEMOQWXYZÉÈÀŒÆ0123456789.,;:!?«»’'()-–—…%€/@\u00a0"
WORDS = st.text(alphabet=LETTERS, min_size=1, max_size=30).filter(lambda w: w.strip("\u00a0") == w)


@settings(max_examples=150, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=40), paragraphs=st.integers(1, 3),
       family=st.sampled_from(["atkinson", "opendyslexic"]), size=st.integers(10, 80), bold=st.booleans(),
       width=st.integers(0, 1000))
def test_a_stand_in_text_takes_at_least_as_many_lines_as_its_text(words, paragraphs, family, size, bold, width):
    """At any size, in either weight and at any width the play screen wraps a card's text at, the lines of the real
    text (words of any letters, no-break spaces inside) are no more than the stand-in's: the ground on which a
    stand-in that fits clears its cards."""
    cut = max(1, len(words) // paragraphs)
    text = "\n".join(" ".join(words[i:i + cut]) for i in range(0, len(words), cut))
    shape = WordWidths(family).shape(text)
    assume(shape is not None)  # a word too long for some box: its card is laid out itself
    standing = shape_text(shape)
    font = FontBook(family).get(size, bold)
    width += NARROWEST * size
    assert len(wrap(font, text, width)) <= len(wrap(font, standing, width))


def deck_near_the_limits(path: Path, cards: int = 48, seed: int = 3) -> Path:
    """Questions of one skeleton (one group for the stand-ins) whose texts run from a few words to far too many, so
    that the group is split down to single cards, some of which are too long at one setting and not another."""
    rng = random.Random(seed)
    vocabulary = ("agent usager télétravail accueil préfecture rendez-vous démarche numérique sécurité données "
                  "retraite mobilité partenaire formation l’établissement d’accueil").split()

    def words(low: int, high: int) -> str:
        return " ".join(rng.choices(vocabulary, k=rng.randint(low, high))).capitalize()

    body = "".join(f"""  - id: bord-{n:03d}
    kind: question
    aspect: accueil
    prompt: "{words(4, 90)} ?"
    answers:
      - {{text: "{words(1, 30)}", correct: true}}
      - {{text: "{words(1, 30)}"}}
      - {{text: "{words(1, 8)}"}}
    explanation: "{words(5, 160)}."
    source: "{words(2, 12)}"
""" for n in range(cards))
    path.write_text("deck:\n  id: bord\n  title: Bord\n  license: CC-BY-4.0\n  aspects:\n    accueil: Accueil\n"
                    "cards:\n" + body, encoding="utf-8")
    return path


def watch_wrapping(monkeypatch) -> set[tuple[int, int]]:
    """The (font size, width) of every text the screens wrap from now on, but the side panel's (gauges and teams,
    no card's text)."""
    boxes: set[tuple[int, int]] = set()
    real = text_module.wrap

    def watched(font, text, room):
        boxes.add((font.point_size, room))
        return real(font, text, room)

    for module in list(sys.modules.values()):
        if module is not sidepanel and getattr(module, "wrap", None) is real:
            monkeypatch.setattr(module, "wrap", watched)
    return boxes


@pytest.mark.parametrize("source", ["near-the-limits", "shipped"])
def test_stand_ins_find_what_laying_out_every_card_finds(source, tmp_path, monkeypatch):
    """The same messages, at the same places, in the same order, with stand-ins as with every card laid out
    itself: on the shipped decks (nothing to say) and on a deck of cards on both sides of the limits."""
    path = deck_near_the_limits(tmp_path / "bord.yaml") if source == "near-the-limits" else shipped_decks()
    library = load_library([(path, True)])
    assert library.errors == []
    monkeypatch.setattr(fitcheck, "PARALLEL_FROM", 10**9)  # laid out here, where they are counted
    laid_out: list[str] = []
    measure = fitcheck.Measure.cut
    monkeypatch.setattr(fitcheck.Measure, "cut", lambda self, card, *rest: laid_out.append(card.id) or measure(
        self, card, *rest))
    standing = fitcheck.unfit_texts(library, set(library.checked))
    by_stand_ins = len(laid_out)
    monkeypatch.setattr(fitcheck, "ALONE", 10**9)  # every group laid out card by card
    boxes = watch_wrapping(monkeypatch)
    one_by_one = fitcheck.unfit_texts(library, set(library.checked))
    assert boxes and min(room / size for size, room in boxes) >= NARROWEST  # no word of a stand-in's text is cut
    assert [(e.line, e.column, e.message) for e in standing] == [(e.line, e.column, e.message) for e in one_by_one]
    cards = sum(len(deck.cards) for deck in library.decks.values())
    assert len(laid_out) - by_stand_ins == 3 * cards  # the check above did lay out every card at every setting
    if source == "near-the-limits":
        assert len({e.line for e in standing}) >= 10  # texts too long at some setting: the split reached them
    else:
        assert by_stand_ins < len(laid_out) - by_stand_ins  # stand-ins cleared groups of cards


@given(cards=st.integers(fitcheck.ALONE + 1, 5000), data=st.data())
def test_the_search_finds_the_longest_run_a_stand_in_clears(cards, data):
    """Whatever run of a group's first cards is the longest to fit (the whole group, none, or any between), the search
    ends on it, laying out no more stand-ins than a binary search does."""
    longest = data.draw(st.integers(0, cards))
    search = fitcheck.Search(0, (), list(range(cards)), cards)
    tried = []
    while not search.done:
        tried.append(search.tried)
        search.learn(search.tried <= longest)
    assert search.fitting == longest and search.members[search.fitting:] == list(range(longest, cards))
    assert len(tried) <= 2 + cards.bit_length() and (tried[0] == cards)
