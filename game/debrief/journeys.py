"""The sheet's parcours section: each usager's path taken, drawn as boxes beside the path of the best choices."""

from __future__ import annotations

from game.debrief.page import FONT, GREY, INK, MARGIN, Sheet, cell_lines
from game.present.sheet import Report, StepBox
from game.wording.catalogue import tr

BOX_W, BOX_H, ARROW = 33.0, 11.0, 6.0  # a step of a parcours in the diagram, and the gap its arrow crosses

def journeys(pdf: Sheet, report: Report) -> None:
    """Each usager's parcours as two rows of boxes, the path taken above the path of the best choices: where
    they part is what the group discusses."""
    pdf.heading(tr("sheet.journeys"), room=60)
    for journey in report.journeys:
        if pdf.will_page_break(2 * BOX_H + 30):
            pdf.add_page()
        pdf.text_block(f"{journey.number}. {journey.who} — {journey.need}", size=10, style="B")
        _path_row(pdf, tr("sheet.path_taken"), journey.taken, journey.reached)
        if journey.same:
            pdf.text_block(tr("sheet.also_best"), size=9, style="I", indent=3)
        else:
            _path_row(pdf, tr("sheet.best_path"), journey.best, journey.best_reached)
        pdf.ln(3)


def _path_row(pdf: Sheet, title: str, steps: list[StepBox], ending: StepBox) -> None:
    """Boxes joined by arrows, left to right, going on to the next line when the page is full; the outcome
    last, in a box with a double border."""
    left, right = MARGIN + 24, pdf.w - MARGIN
    pdf.set_font(FONT, "B", 8)
    pdf.set_text_color(GREY)
    pdf.text(MARGIN, pdf.get_y() + BOX_H / 2 + 1, title)
    pdf.set_text_color(INK)
    x, y = left, pdf.get_y() + 1
    boxes = [(s.title, s.mark, False) for s in steps] + [(ending.title, ending.mark, True)]
    for i, (text, mark, last) in enumerate(boxes):
        width = BOX_W * 1.4 if last else BOX_W
        if x + width > right:  # on to the next line, which an arrow enters: the path goes on
            x, y = left, y + BOX_H + 3
            _arrow(pdf, x - ARROW + 0.8, x - 0.8, y + BOX_H / 2)
        pdf.set_draw_color(INK)
        pdf.set_line_width(0.6 if last else 0.3)
        pdf.rect(x, y, width, BOX_H, round_corners=True)
        if last:
            pdf.rect(x + 0.8, y + 0.8, width - 1.6, BOX_H - 1.6, round_corners=True)
        pdf.set_font(FONT, "B" if last else "", 7.5)
        lines = cell_lines(pdf, text, width - 2, 2 if mark else 3)
        top = y + (BOX_H - 3 * (len(lines) + bool(mark))) / 2 + 2.4
        for k, words in enumerate(lines):
            pdf.text(x + 1.5, top + 3 * k, words)
        if mark:
            pdf.set_font(FONT, "I", 6.5)
            pdf.set_text_color(GREY)
            pdf.text(x + 1.5, top + 3 * len(lines), mark)
            pdf.set_text_color(INK)
        if i < len(boxes) - 1 and x + BOX_W + ARROW + BOX_W <= right:
            _arrow(pdf, x + BOX_W + 0.8, x + BOX_W + ARROW - 0.8, y + BOX_H / 2)
        x += BOX_W + ARROW
    pdf.set_line_width(0.2)
    pdf.set_y(y + BOX_H + 3)


def _arrow(pdf: Sheet, start: float, end: float, y: float) -> None:
    pdf.set_line_width(0.3)
    pdf.line(start, y, end, y)
    pdf.line(end - 1.4, y - 1.0, end, y)
    pdf.line(end - 1.4, y + 1.0, end, y)
