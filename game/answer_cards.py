"""Answer cards for the tables: one A4 page per team, six cards to cut out and raise.

Each number has its own colour *and* its own shape, so the facilitator reads a raised card from the
front of the room, on a black-and-white photocopy as well, and colour-blind players tell them apart.
The team's name is on every card, so cards that stray to another table find their way back.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF

from game import __version__
from game.atomic import write_bytes_atomic
from game.fonts import font_path, on_paper
from game.palette import OKABE_ITO
from game.wording.catalogue import language, tr

FONT = "Atkinson"
NUMBERS = 6  # the most choices a card offers
# One shape per number, named on the card (`shape.<name>` in the catalogue) so the room can say "le triangle".
SHAPES = ("circle", "square", "triangle", "diamond", "hexagon", "star")
MARGIN = 10.0
HEADER = 16.0


def write_answer_cards(title: str, teams: Sequence[str], path: Path) -> Path:
    """The cards of every team, one page each, written whole or not at all (an OSError says why)."""
    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    for style, name in (("", "regular"), ("B", "bold")):
        pdf.add_font(FONT, style, str(font_path("paper", name)))
    pdf.set_auto_page_break(False)
    pdf.set_title(on_paper(tr("cards.title", title=title)))
    pdf.set_lang(language())
    pdf.set_creator(f"Atelier service public {__version__}")
    for number, team in enumerate(teams, start=1):
        _page(pdf, title, team, number, len(teams))
    write_bytes_atomic(path, bytes(pdf.output()))
    return path


def _page(pdf: FPDF, title: str, team: str, number: int, count: int) -> None:
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.set_xy(MARGIN, MARGIN - 2)
    pdf.cell(0, 8, on_paper(tr("cards.team_title", team=team)))
    pdf.set_font(FONT, "", 9)
    pdf.set_xy(MARGIN, MARGIN + 5)
    pdf.cell(0, 5, on_paper(tr("cards.how", title=title, number=number, count=count)))
    columns, rows = 3, 2
    width = (pdf.w - 2 * MARGIN) / columns
    height = (pdf.h - 2 * MARGIN - HEADER) / rows
    top = MARGIN + HEADER
    pdf.set_draw_color(120)
    pdf.set_line_width(0.3)
    pdf.set_dash_pattern(2, 2)
    for c in range(columns + 1):
        pdf.line(MARGIN + c * width, top, MARGIN + c * width, top + rows * height)
    for r in range(rows + 1):
        pdf.line(MARGIN, top + r * height, MARGIN + columns * width, top + r * height)
    pdf.set_dash_pattern()
    for k in range(NUMBERS):
        _card(pdf, k, team, MARGIN + (k % columns) * width, top + (k // columns) * height, width, height)


def _card(pdf: FPDF, k: int, team: str, x: float, y: float, width: float, height: float) -> None:
    """The shape in its colour, outlined thick in black; the number on it; the number small in two corners."""
    cx, cy = x + width / 2, y + height * 0.46
    radius = min(width, height) * 0.36
    pdf.set_fill_color(*OKABE_ITO[k])
    pdf.set_draw_color(0)
    pdf.set_line_width(1.2)
    _shape(pdf, SHAPES[k], cx, cy, radius)
    label = str(k + 1)
    pdf.set_text_color(0)
    pdf.set_font(FONT, "B", 88)
    pdf.text(cx - pdf.get_string_width(label) / 2, cy + 11 + (radius * 0.18 if SHAPES[k] == "triangle" else 0), label)
    pdf.set_font(FONT, "B", 20)
    pdf.text(x + 4, y + 10, label)
    pdf.text(x + width - 4 - pdf.get_string_width(label), y + height - 4, label)
    pdf.set_font(FONT, "B", 12)
    name = on_paper(team)
    while pdf.get_string_width(name) > width - 30 and len(name) > 1:
        name = name[:-2] + "…"
    pdf.text(cx - pdf.get_string_width(name) / 2, y + height - 10, name)
    pdf.set_font(FONT, "", 9)
    name = tr(f"shape.{SHAPES[k]}")
    pdf.text(cx - pdf.get_string_width(name) / 2, y + height - 4.5, name)


def _shape(pdf: FPDF, shape: str, cx: float, cy: float, r: float) -> None:
    if shape == "circle":
        pdf.circle(cx, cy, r, style="DF")
        return
    if shape == "square":
        side = r * 1.6
        pdf.rect(cx - side / 2, cy - side / 2, side, side, style="DF")
        return
    sides, turn, inner = {"triangle": (3, -90, None), "diamond": (4, -90, None), "hexagon": (6, 0, None),
                          "star": (5, -90, 0.55)}[shape]
    points = []
    steps = sides * 2 if inner else sides
    for i in range(steps):
        angle = math.radians(turn + 360 * i / steps)
        reach = r * (inner if inner and i % 2 else 1) * (1.12 if shape == "triangle" else 1)
        points.append((cx + reach * math.cos(angle), cy + reach * math.sin(angle) + (r * 0.2 if shape == "triangle"
                                                                                    else 0)))
    pdf.polygon(points, style="DF")
