"""Derive the printed sheet's faces from Atkinson Hyperlegible: the same font with a plain zero.

Atkinson Hyperlegible slashes its zero (0 and O are never confused on a screen), which on a printed handout
turns dates into « Ø3/12/2Ø26 ». Its zero is an outer oval and a counter cut in two by the slash: this script
replaces the two halves with one counter, the outer oval scaled inward by the stroke's width, and renames the
family (OFL 1.1 asks a modified version to be told apart). Run once when the fonts change:

    python assets/fonts/paper_zero.py

It writes AtkinsonPapier-*.ttf next to the originals; `game.fonts` gives them to the sheet only.
"""

from __future__ import annotations

from pathlib import Path

from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.reverseContourPen import ReverseContourPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

HERE = Path(__file__).parent
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
FAMILY = "Atkinson Papier"


def plain_zero(font: TTFont, name: str) -> None:
    """Glyph `name` (a zero): its outer contour kept, its two inner contours replaced by one. A zero made of
    another (the tabular one, a component of the plain) follows it."""
    if font["glyf"][name].isComposite():
        return
    glyphs = font.getGlyphSet()
    recorded = RecordingPen()
    glyphs[name].draw(recorded)
    contours: list[list[tuple[str, tuple]]] = []
    for operator, operands in recorded.value:  # a contour of off-curve points only starts without a moveTo
        if not contours or contours[-1][-1][0] in ("closePath", "endPath"):
            contours.append([])
        contours[-1].append((operator, operands))
    points = [[p for _, ops in contour for p in ops if p is not None] for contour in contours]
    boxes = [(min(x for x, _ in p), min(y for _, y in p), max(x for x, _ in p), max(y for _, y in p)) for p in points]
    outer = max(range(len(boxes)), key=lambda i: (boxes[i][2] - boxes[i][0]) * (boxes[i][3] - boxes[i][1]))
    inner = [b for i, b in enumerate(boxes) if i != outer]
    left, bottom, right, top = boxes[outer]
    # the counter's box: the two halves' union (the slash runs corner to corner, so it spans the whole counter)
    in_left, in_bottom = min(b[0] for b in inner), min(b[1] for b in inner)
    in_right, in_top = max(b[2] for b in inner), max(b[3] for b in inner)
    sx, sy = (in_right - in_left) / (right - left), (in_top - in_bottom) / (top - bottom)
    cx, cy = (left + right) / 2, (bottom + top) / 2
    icx, icy = (in_left + in_right) / 2, (in_bottom + in_top) / 2
    pen = TTGlyphPen(glyphs)

    def replay(target, contour):
        for operator, operands in contour:
            getattr(target, operator)(*operands)

    replay(pen, contours[outer])
    counter = TransformPen(ReverseContourPen(pen), (sx, 0, 0, sy, icx - cx * sx, icy - cy * sy))
    replay(counter, contours[outer])
    font["glyf"][name] = pen.glyph()


def rename(font: TTFont, style: str) -> None:
    """The family and full names told apart from Atkinson Hyperlegible's."""
    spaced = {"BoldItalic": "Bold Italic"}.get(style, style)
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = f"{FAMILY} {spaced}"
        elif record.nameID == 6:
            record.string = f"{FAMILY.replace(' ', '')}-{style}"
        elif record.nameID == 3:
            record.string = f"{FAMILY.replace(' ', '')}-{style};derived"


def main() -> None:
    for style in STYLES:
        font = TTFont(str(HERE / f"AtkinsonHyperlegible-{style}.ttf"))
        for name in ("zero", "zero.tf"):
            plain_zero(font, name)
        rename(font, style)
        font.save(str(HERE / f"AtkinsonPapier-{style}.ttf"))


if __name__ == "__main__":
    main()
