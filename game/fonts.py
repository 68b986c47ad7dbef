"""The shipped fonts, shared by the screen and the sheet, and the text they can draw."""

from __future__ import annotations

from pathlib import Path

from game.paths import content_root

FAMILIES = {
    "atkinson": {"regular": "AtkinsonHyperlegible-Regular.ttf", "bold": "AtkinsonHyperlegible-Bold.ttf",
                 "italic": "AtkinsonHyperlegible-Italic.ttf", "bolditalic": "AtkinsonHyperlegible-BoldItalic.ttf"},
    "opendyslexic": {"regular": "OpenDyslexic-Regular.otf", "bold": "OpenDyslexic-Bold.otf",
                     "italic": "OpenDyslexic-Regular.otf", "bolditalic": "OpenDyslexic-Bold.otf"},
}


def font_path(family: str = "atkinson", style: str = "regular") -> Path:
    return content_root() / "assets" / "fonts" / FAMILIES[family][style]


def printable(text: str) -> str:
    """Neither font has a narrow no-break space: a no-break space keeps French punctuation attached."""
    return text.replace("\u202f", "\u00a0")
