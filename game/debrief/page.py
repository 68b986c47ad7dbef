"""An A4 page of the program's sheets in the shipped font, and what their sections draw with: text blocks,
headings, charts told apart by pattern and marker, grid cells, ticks and crosses.

Charts carry their meaning in patterns, markers and labels, never in colour alone, so a sheet reads in
black and white and once photocopied. The shipped Unicode font is embedded (subset).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from fpdf import FPDF
from fpdf.enums import MethodReturnValue

from game import __version__
from game.fonts import font_path, on_paper
from game.present.sheet import AspectRate
from game.wording.catalogue import language, tr

FONT = "Atkinson"
MARGIN = 15.0
INK = 0  # black
GREY = 110  # text of secondary importance, still dark enough to photocopy
LIGHT = 215  # backgrounds and grid lines
# Each gauge line is told apart by its dash pattern and marker, not by its colour.
DASHES = [(0.0, 0.0), (2.2, 1.2), (0.6, 1.0), (3.5, 1.2)]
MARKERS = ["circle", "square", "triangle", "diamond"]


class Sheet(FPDF):
    """An A4 page in the shipped font, its footer naming the document, its date and the page: the
    debriefing sheet's, and the solo learner's progress sheet's."""

    def __init__(self, title: str, started: datetime, subject: str | None = None, kind: str | None = None):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        for style, name in (("", "regular"), ("B", "bold"), ("I", "italic"), ("BI", "bolditalic")):
            self.add_font(FONT, style, str(font_path("paper", name)))
        self.title_text, self.started = title, started
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 5)
        self.set_title(on_paper(f"{kind or tr('sheet.kind')} — {title}"))
        self.set_subject(subject or tr("sheet.subject"))
        self.set_lang(language())
        self.set_creator(f"Atelier service public {__version__}")
        self.set_author("Atelier service public")

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(FONT, "", 8)
        self.set_text_color(GREY)
        started = self.started.strftime(tr("date.day"))
        self.cell(0, 5, on_paper(tr("sheet.footer", title=self.title_text, date=started, page=self.page_no(),
                                    pages="{nb}")), align="C")
        self.set_text_color(INK)

    # -- text helpers ---------------------------------------------------------------------

    def text_block(self, text: str, size: float = 10, style: str = "", grey: bool = False, indent: float = 0,
                   height: float | None = None) -> None:
        self.set_font(FONT, style, size)
        self.set_text_color(GREY if grey else INK)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, height or size * 0.47, on_paper(text), align="L",
                        new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(INK)

    def heading(self, text: str, room: float = 30) -> None:
        """A section title, never alone at the bottom of a page."""
        if self.will_page_break(room):
            self.add_page()
        self.ln(3)
        self.set_font(FONT, "B", 13)
        self.cell(0, 7, on_paper(text), new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(INK)
        self.set_line_width(0.4)
        self.line(self.l_margin, self.get_y(), self.l_margin + self.epw, self.get_y())
        self.ln(2)

    def bullets(self, items: list[str], size: float = 10) -> None:
        for item in items:
            self.text_block(f"•  {item}", size=size, indent=2)
            self.ln(0.8)


def gauge_shape(n: int) -> str:
    return MARKERS[n % len(MARKERS)]


def series(pdf: Sheet, points: list[tuple[float, float]], n: int, shape: str,
           marked: list[tuple[float, float]] | None = None) -> None:
    """The n-th line of a chart: its dash pattern, then its markers (on `marked`, or on every point)."""
    pdf.set_dash_pattern(*DASHES[n % len(DASHES)])
    pdf.set_line_width(0.6)
    for a, b in zip(points, points[1:]):
        pdf.line(*a, *b)
    pdf.set_dash_pattern()
    for x, y in points if marked is None else marked:
        marker(pdf, shape, x, y)


def legend(pdf: Sheet, labels: list[str], columns: int, shape: Callable[[int], str], limit: int | None = None) -> None:
    """What each line of a chart stands for, `columns` to a row: a sample of the line and its marker, its label
    (cut at `limit` characters)."""
    pdf.set_font(FONT, "", 8)
    for n, label in enumerate(labels):
        x, y = pdf.l_margin + 8 + (n % columns) * 180 / columns, pdf.get_y() + 2
        series(pdf, [(x, y), (x + 10, y)], n, shape(n), [(x + 5, y)])
        pdf.text(x + 12, y + 1.2, on_paper(label)[:limit])
        if n % columns == columns - 1 or n == len(labels) - 1:
            pdf.ln(5)
    pdf.ln(2)


def marker(pdf: Sheet, shape: str, x: float, y: float, r: float = 1.1) -> None:
    pdf.set_fill_color(INK)
    pdf.set_line_width(0.3)
    if shape == "circle":
        pdf.circle(x, y, r, style="F")
    elif shape == "square":
        pdf.rect(x - r, y - r, 2 * r, 2 * r, style="F")
    elif shape == "triangle":
        pdf.polygon([(x, y - r * 1.3), (x + r * 1.2, y + r), (x - r * 1.2, y + r)], style="F")
    else:
        pdf.set_fill_color(255)
        pdf.polygon([(x, y - r * 1.4), (x + r * 1.2, y), (x, y + r * 1.4), (x - r * 1.2, y)], style="DF")


def rates_chart(pdf: Sheet, rates: list[AspectRate], title: str | None = None) -> None:
    """Success per aspect: hatched bars on a light background, each with its figures written out."""
    pdf.heading(title or tr("sheet.rates"), room=12 + 8 * len(rates))
    label_w, bar_w, row_h = 45.0, pdf.epw - 45 - 32, 7.0
    for rate in rates:
        y = pdf.get_y()
        x = pdf.l_margin + label_w
        pdf.set_font(FONT, "", 10)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(label_w - 2, row_h, on_paper(rate.label))
        pdf.set_fill_color(LIGHT + 25)
        pdf.set_draw_color(INK)
        pdf.set_line_width(0.3)
        pdf.rect(x, y + 1, bar_w, row_h - 2, style="DF")
        filled = bar_w * rate.right / rate.answered if rate.answered else 0
        if filled > 0:
            with pdf.rect_clip(x, y + 1, filled, row_h - 2):
                pdf.set_line_width(0.5)
                offset = -row_h
                while offset < filled:
                    pdf.line(x + offset, y + row_h - 1, x + offset + row_h, y + 1)
                    offset += 1.6
            pdf.set_line_width(0.6)
            pdf.rect(x, y + 1, filled, row_h - 2)
        pdf.set_xy(x + bar_w + 2, y)
        pdf.cell(30, row_h, on_paper(tr("sheet.rate", right=rate.right, answered=rate.answered, percent=rate.percent)))
        pdf.set_y(y + row_h + 1)


def cell_lines(pdf: Sheet, text: str, width: float, most: int) -> list[str]:
    """`text` wrapped to `width` in at most `most` lines, the last one cut with an ellipsis; the font shrinks
    (down to 6 pt) until its longest word fits, so a word is never broken."""
    longest = max(on_paper(text).split() or [""], key=pdf.get_string_width)
    while pdf.get_string_width(longest) > width - 2 * pdf.c_margin - 0.2 and pdf.font_size_pt > 6:
        pdf.set_font_size(pdf.font_size_pt - 0.5)
    lines = pdf.multi_cell(width, 3, on_paper(text), dry_run=True, output=MethodReturnValue.LINES)
    if len(lines) > most:
        lines = lines[:most]
        while lines[-1] and pdf.get_string_width(lines[-1] + "…") > width - 1:
            lines[-1] = lines[-1][:-1]
        lines[-1] += "…"
    return lines


def cell_text(pdf: Sheet, x: float, y: float, text: str, width: float) -> None:
    """One line of `text` in a cell, shrunk or cut to fit; the font's size is restored for the next cell."""
    size = pdf.font_size_pt
    pdf.text(x, y, cell_lines(pdf, text, width, 1)[0])
    pdf.set_font_size(size)


def shade(pdf: Sheet, x: float, y: float, width: float, height: float) -> None:
    """A grey cell: a right answer, an acquired aspect."""
    pdf.set_fill_color(LIGHT + 15)
    pdf.rect(x + 0.3, y + 0.3, width - 0.6, height - 0.6, style="F")


def end_row(pdf: Sheet, y: float, height: float) -> None:
    """A light rule under a grid's row, and the cursor below it."""
    pdf.set_draw_color(LIGHT)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, y + height, pdf.l_margin + pdf.epw, y + height)
    pdf.set_y(y + height)


def grid_head(pdf: Sheet, heads: list[str], widths: list[float]) -> None:
    """A header row of wrapped, bold titles (team names, aspect labels), ruled below."""
    pdf.set_font(FONT, "B", 8)
    y, x = pdf.get_y(), pdf.l_margin
    for head, width in zip(heads, widths):
        pdf.set_font_size(8)
        for k, line in enumerate(cell_lines(pdf, head, width - 1, 2)):
            pdf.text(x + 0.5, y + 3.2 + k * 3.4, line)
        x += width
    pdf.set_draw_color(INK)
    pdf.set_line_width(0.4)
    pdf.line(pdf.l_margin, y + 8, pdf.l_margin + sum(widths), y + 8)
    pdf.set_y(y + 8)


def tick(pdf: Sheet, x: float, y: float, right: bool | None) -> None:
    """A drawn tick, cross, or for an acceptable option (neither) a dash: Atkinson Hyperlegible has no such glyphs,
    and a shape survives a photocopy."""
    pdf.set_draw_color(INK)
    pdf.set_line_width(0.5)
    if right is None:
        pdf.line(x - 1.4, y, x + 1.4, y)
    elif right:
        pdf.polyline([(x - 1.6, y), (x - 0.4, y + 1.3), (x + 1.8, y - 1.6)])
    else:
        pdf.line(x - 1.3, y - 1.3, x + 1.3, y + 1.3)
        pdf.line(x - 1.3, y + 1.3, x + 1.3, y - 1.3)
