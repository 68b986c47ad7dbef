"""The shipped fonts, shared by the screen and the sheet, and the text they can draw."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from game.paths import content_root
from game.wording.catalogue import tr

TEAM_NAME_MAX = 20  # characters: what the side panel shows on one line at the body size

FAMILIES = {
    "atkinson": {"regular": "AtkinsonHyperlegible-Regular.ttf", "bold": "AtkinsonHyperlegible-Bold.ttf",
                 "italic": "AtkinsonHyperlegible-Italic.ttf", "bolditalic": "AtkinsonHyperlegible-BoldItalic.ttf"},
    "opendyslexic": {"regular": "OpenDyslexic-Regular.otf", "bold": "OpenDyslexic-Bold.otf",
                     "italic": "OpenDyslexic-Regular.otf", "bolditalic": "OpenDyslexic-Bold.otf"},
    # the printed sheet's: Atkinson Hyperlegible with a plain zero (assets/fonts/paper_zero.py), so that a date on
    # a handout reads 03/12/2026 and not with slashed zeros; the screen keeps the slashed one, never taken for an O
    "paper": {"regular": "AtkinsonPapier-Regular.ttf", "bold": "AtkinsonPapier-Bold.ttf",
              "italic": "AtkinsonPapier-Italic.ttf", "bolditalic": "AtkinsonPapier-BoldItalic.ttf"},
}


def font_path(family: str = "atkinson", style: str = "regular") -> Path:
    return content_root() / "assets" / "fonts" / FAMILIES[family][style]


def printable(text: str) -> str:
    """Neither font has a narrow no-break space: a no-break space keeps French punctuation attached. A NUL
    (from a log edited by hand) becomes the replacement character: SDL refuses to draw it."""
    return text.replace("\u202f", "\u00a0").replace("\x00", "\ufffd")


def on_paper(text: str) -> str:
    """`printable`, with each character the fonts lack shown as "?": fpdf2 would drop it without a trace
    (a log edited by hand, or from another program, may hold any character)."""
    text = printable(text)
    missing = undrawable(text)
    return text.translate({ord(c): "?" for c in missing}) if missing else text


def undrawable(text: str) -> str:
    """The characters of `text` that a shipped font lacks (Arabic, Hebrew, emoji, control characters), each
    once: they would show as empty boxes on screen and vanish from the sheet, so they are refused instead."""
    missing = set(text) - _covered() - {"\n", "\u202f"}  # a narrow no-break space is drawn as a no-break space
    return "".join(c for c in dict.fromkeys(text) if c in missing)


def team_name_problem(name: str) -> str | None:
    """Why a team name cannot be used, or None: the setup screen's rule, checked again where names come from
    elsewhere (a log, the command line). A longer name would stall every frame; another script would not show."""
    if len(name) > TEAM_NAME_MAX:
        return tr("team.too_long", length=len(name), most=TEAM_NAME_MAX)
    missing = undrawable(name)
    if missing:
        return tr("team.undrawable", codes=code_points(missing))
    return None


PROFILE_MAX = 40  # characters of a learner's profile name
PROFILE_MARKS = " -'’"  # what a profile name may hold besides letters


def profile_name_problem(name: str) -> str | None:
    """Why a learner's profile name cannot be used, or None: one rule wherever a name comes from (typed, the
    system's user, a log). Letters the fonts draw, spaces, hyphens and apostrophes: nothing that makes a path."""
    if not name.strip():
        return tr("profile.empty")
    if len(name) > PROFILE_MAX:
        return tr("profile.too_long", length=len(name), most=PROFILE_MAX)
    wrong = "".join(dict.fromkeys(c for c in name if not (c.isalpha() or c in PROFILE_MARKS)))
    if wrong:
        return tr("profile.characters", codes=code_points(wrong))
    missing = undrawable(name)
    if missing:
        return tr("profile.undrawable", codes=code_points(missing))
    return None


def code_points(characters: str) -> str:
    """Characters named so any font can show them: U+0634, U+1F600."""
    return ", ".join(f"U+{ord(c):04X}" for c in characters)


@lru_cache(maxsize=1)
def _covered() -> frozenset[str]:
    """The characters every shipped font and style draws (the reader may switch fonts at any time).
    fontTools comes with fpdf2; reading the character maps takes about 80 ms, once."""
    from fontTools.ttLib import TTFont

    maps = []
    for family, styles in FAMILIES.items():
        for style in styles:
            with TTFont(str(font_path(family, style)), lazy=True) as font:
                maps.append({chr(code) for code in font.getBestCmap()})
    return frozenset(set.intersection(*maps))
