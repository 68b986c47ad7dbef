"""Text fitting: long words are cut to the box, and the work grows linearly with the text's length
(a 5,000-character word in a feedback once made `validate` take four minutes)."""

from __future__ import annotations

import pygame
import pytest

from game.ui.text import ELLIPSIS, FontBook, with_ellipsis, wrap


class Measured:
    """A font that counts the characters it is asked to measure: the cost of fitting, without a clock."""

    def __init__(self, font: pygame.font.Font):
        self.font = font
        self.characters = 0

    def size(self, text: str) -> tuple[int, int]:
        self.characters += len(text)
        return self.font.size(text)


@pytest.fixture(scope="module")
def font() -> pygame.font.Font:
    return FontBook().get(24)


def test_a_long_word_is_cut_into_lines_that_fit_and_lose_nothing(font):
    url = "https://www.service-public.fr/" + "a-tres-long-chemin/" * 60
    lines = wrap(font, f"Source : {url} fin", 500)
    assert len(lines) > 5
    assert all(font.size(line)[0] <= 500 for line in lines)
    assert "".join(lines).replace(" ", "") == f"Source:{url}fin"


@pytest.mark.parametrize("text", ["x" * 1000, "mot " * 250, "https://exemple.fr/" * 50])
def test_fitting_costs_grow_linearly_with_the_text(font, text):
    costs = []
    for times in (2, 10):
        measured = Measured(font)
        wrap(measured, text * times, 600)
        costs.append(measured.characters)
    assert costs[1] <= 6 * costs[0], costs  # five times the text: about five times the work, not 25 or 125


def test_the_ellipsis_keeps_what_fits_and_costs_little(font):
    name = "Équipe " + "é" * 5000
    measured = Measured(font)
    shown = with_ellipsis(measured, name, 300)
    assert shown.endswith(ELLIPSIS) and shown.startswith("Équipe é")
    assert font.size(shown)[0] <= 300
    assert font.size(name[:len(shown)] + ELLIPSIS)[0] > 300  # one more character would not have fitted
    assert measured.characters < 20 * 300


@pytest.mark.parametrize("text", ["\u200d", "\u202e", "\u200b\u200b"])
def test_a_text_of_zero_width_characters_renders_as_nothing(text):
    """Found by the fuzz run: pygame refuses to render text of zero width ("Text has zero width")."""
    from game.ui.text import TextCache

    assert TextCache(FontBook()).render(text, 20, (0, 0, 0)).get_width() == 1


def test_a_nul_from_a_hand_edited_log_is_drawn_as_a_box_not_a_crash():
    """Found by the fuzz run: SDL refuses a NUL in a text ("A null character was found in the text")."""
    from game.ui.text import TextCache

    assert TextCache(FontBook()).render("Carte\x00 1", 20, (0, 0, 0)).get_width() > 20


def test_opendyslexic_measures_the_plain_space_it_draws_for_a_no_break_space():
    """Its no-break space is nearly twice a space: it is drawn as a plain space, so it is measured as one, and
    still never breaks a line before « % » or « : »."""
    from game.ui.text import TextCache, drawn, text_width

    fonts = FontBook("opendyslexic")
    font = fonts.get(30)
    assert font.size("40\u00a0%")[0] > font.size("40 %")[0]
    assert text_width(font, "40\u00a0%") == font.size("40 %")[0] == TextCache(fonts).render("40\u202f%", 30, (0, 0, 0)).get_width()
    assert drawn(FontBook("atkinson").get(30), "40\u00a0%") == "40\u00a0%"  # a font with a proper one keeps it
    narrow = text_width(font, "Elles sont 40 %") + 2
    assert all(not line.startswith("%") for line in wrap(font, "Elles sont 40\u00a0% à le dire", narrow))


def test_a_text_cut_just_after_its_own_ellipsis_ends_with_one(font):
    """« Un refus de télétravail doit être… (plusieurs réponses) » cut where its own « … » ends: « être… », never
    « être…… »."""
    text = "Un refus de télétravail doit être… (plusieurs réponses)"
    room = font.size("Un refus de télétravail doit être……")[0] + 1  # its own … and the one added would fit
    cut = with_ellipsis(font, text, room)
    assert cut.endswith("être…") and not cut.endswith(ELLIPSIS * 2)
