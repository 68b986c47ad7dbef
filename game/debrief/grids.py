"""The sheet's grids when every team answered each card: success per team and aspect, the number each team raised."""

from __future__ import annotations

from game.debrief.page import FONT, Sheet, cell_text, end_row, grid_head, shade, tick
from game.present.sheet import Report
from game.wording.catalogue import tr


def team_rates(pdf: Sheet, report: Report) -> None:
    """Each team's right answers per aspect; a grey cell is an aspect of its panorama filled."""
    labels = [r.label for r in report.team_rates[0].rates]
    pdf.heading(tr("sheet.team_rates"), room=22 + 7 * len(report.team_rates))
    first, last = 38.0, 24.0
    widths = [first] + [(pdf.epw - first - last) / len(labels)] * len(labels) + [last]
    grid_head(pdf, [tr("sheet.team_column")] + labels + [tr("sheet.panorama_column")], widths)
    row_h = 7.0
    for team, line in zip(report.team_rates, report.team_lines):
        y = pdf.get_y()
        pdf.set_font(FONT, "", 9)
        cell_text(pdf, pdf.l_margin + 0.5, y + 4.6, team.name, first - 1)
        x = pdf.l_margin + first
        for rate in team.rates:
            if rate.right:
                shade(pdf, x, y, widths[1], row_h)
            pdf.text(x + 1.5, y + 4.6, f"{rate.right}/{rate.answered}")
            x += widths[1]
        done = f"{len(line.panorama)}/{len(labels)}"
        pdf.set_font(FONT, "B" if line.completed is not None else "", 9)
        pdf.text(x + 1.5, y + 4.6, done + (f" · {int(line.completed)} min" if line.completed is not None else ""))
        end_row(pdf, y, row_h)
    pdf.ln(2)
    pdf.text_block(tr("sheet.team_rates_legend"), size=8, grey=True)


def answers_grid(pdf: Sheet, report: Report) -> None:
    """The number each team raised for each card, ticked or crossed: the whole room at a glance."""
    rows = [c for c in report.cards if c.answers]
    if not rows:
        return
    pdf.heading(tr("sheet.answers_grid"), room=40)
    pdf.text_block(tr("sheet.answers_grid_legend"), size=8, grey=True)
    pdf.ln(1)
    first, expected = 50.0, 16.0
    widths = [first, expected] + [(pdf.epw - first - expected) / len(report.teams)] * len(report.teams)
    heads = [tr("sheet.card_column"), tr("sheet.expected_column")] + report.teams
    grid_head(pdf, heads, widths)
    row_h = 6.0
    for card in rows:
        if pdf.will_page_break(row_h):
            pdf.add_page()
            grid_head(pdf, heads, widths)
        y = pdf.get_y()
        pdf.set_font(FONT, "", 8)
        cell_text(pdf, pdf.l_margin + 0.5, y + 4, f"{card.number}. {card.aspect_label}", first - 1)
        pdf.text(pdf.l_margin + first + 1.5, y + 4, card.expected)
        x = pdf.l_margin + first + expected
        for answer in card.answers:
            if answer.success:
                shade(pdf, x, y, widths[2], row_h)
            pdf.set_font(FONT, "B" if answer.answered else "", 9 if answer.answered else 7)
            # several answers in a narrow column (six teams): smaller, never under the tick
            cell_text(pdf, x + 1.5, y + 4.2, answer.numbers if answer.answered else tr("sheet.silent"), widths[2] - 7.5)
            if answer.answered:
                tick(pdf, x + widths[2] - 4, y + row_h / 2, None if answer.acceptable else answer.success)
            x += widths[2]
        end_row(pdf, y, row_h)
