"""The debriefing sheet: an A4 PDF of a session, section by section, readable in black and white and once
photocopied. Its page and charts are in `page`, its sections of cards, grids and parcours beside this."""

from __future__ import annotations

from pathlib import Path

from game.atomic import write_bytes_atomic
from game.debrief.cardlist import cards, debates
from game.debrief.grids import answers_grid, team_rates
from game.debrief.journeys import journeys
from game.debrief.page import (
    FONT,
    GREY,
    INK,
    LIGHT,
    MARGIN,
    Sheet,
    gauge_shape,
    legend,
    rates_chart,
    series,
)
from game.fonts import on_paper
from game.present.sheet import Report
from game.wording.catalogue import ntr, tr
from game.wording.players import gauge_span, lower_first


def write_sheet(report: Report, path: Path) -> Path:
    """Write the report as an A4 PDF at `path`."""
    write_bytes_atomic(path, sheet_bytes(report))  # a full disk leaves no truncated sheet behind
    return path


def sheet_bytes(report: Report) -> bytes:
    """The report as an A4 PDF."""
    pdf = Sheet(report.title, report.started)
    pdf.add_page()
    _header(pdf, report)
    _result(pdf, report)
    if report.rates:
        rates_chart(pdf, report.rates)
    if report.every_team:
        if report.team_rates:
            team_rates(pdf, report)
        answers_grid(pdf, report)
    if report.journeys:
        journeys(pdf, report)
    cards(pdf, report)
    if report.debates:
        debates(pdf, report)
    _messages(pdf, report)
    _notes(pdf)
    return bytes(pdf.output())


def _header(pdf: Sheet, report: Report) -> None:
    pdf.set_font(FONT, "", 10)
    pdf.set_text_color(GREY)
    pdf.cell(0, 5, tr("sheet.kind"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(INK)
    pdf.text_block(report.title, size=20, style="B", height=9)
    minutes = int(round(report.play_minutes))
    pdf.text_block(tr("sheet.when", date=report.started.strftime(tr("date.time")), minutes=minutes,
                      mode=lower_first(tr("mode." + report.mode))), size=10)
    if report.mode != "solo":
        pdf.text_block(tr("sheet.teams", names=", ".join(report.teams)), size=10)
    pdf.text_block(tr("sheet.session", id=report.session_id, reason=report.end_reason), size=8, grey=True)


def _result(pdf: Sheet, report: Report) -> None:
    pdf.heading(tr("sheet.result"), room=50)
    if report.win == "gauges":
        pdf.text_block(report.headline + ".", size=12, style="B")
        pdf.ln(1)
        for gauge in report.gauges:
            pdf.text_block(tr("sheet.gauge_crossed" if gauge.crossed else "sheet.gauge", label=gauge.label,
                              span=gauge_span(gauge.start, gauge.end)), size=10, indent=2)
        _gauge_chart(pdf, report)
        return
    pdf.text_block(report.headline, size=12, style="B")
    pdf.ln(1)
    total = len(report.panorama)
    for team in report.team_lines:
        panorama = ""
        if report.win == "panorama":
            done = ", ".join(team.panorama) if team.panorama else tr("sheet.no_aspect")
            when = tr("sheet.complete_at", minutes=int(team.completed)) if team.completed is not None else ""
            panorama = tr("sheet.panorama", done=len(team.panorama), total=total, aspects=done, when=when)
        pdf.text_block(tr("sheet.team", name=team.name, points=ntr("count.points", team.points), panorama=panorama),
                       size=10, indent=2)
    if report.gauges and any(len(g.values) > 1 for g in report.gauges):
        _gauge_chart(pdf, report)


def _gauge_chart(pdf: Sheet, report: Report) -> None:
    """The gauges over the cards: one dash pattern and marker per gauge, thresholds dotted and named."""
    width, height = pdf.epw - 45, 48
    if pdf.will_page_break(height + 22):
        pdf.add_page()
    pdf.ln(3)
    x0, y0 = pdf.l_margin + 8, pdf.get_y()
    low = min(g.low for g in report.gauges)
    high = max(g.high for g in report.gauges)
    steps = max(1, max(len(g.values) for g in report.gauges) - 1)

    def at(i: int, v: float) -> tuple[float, float]:
        return x0 + width * i / steps, y0 + height * (1 - (v - low) / (high - low))

    pdf.set_line_width(0.2)
    pdf.set_draw_color(LIGHT)
    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(GREY)
    for v in range(low, high + 1, max(1, (high - low) // 5)):
        _, y = at(0, v)
        pdf.line(x0, y, x0 + width, y)
        pdf.text(x0 - 5, y + 1, str(v))
    pdf.set_draw_color(INK)
    pdf.rect(x0, y0, width, height)
    pdf.text(x0, y0 + height + 4, tr("sheet.start"))
    last = report.cards[-1].number if report.cards else steps  # the cards counted, not a parcours' steps
    pdf.text(x0 + width - 12, y0 + height + 4, tr("sheet.card_n", n=last))
    thresholds: dict[int, list[str]] = {}
    for gauge in report.gauges:
        for value in (gauge.lose_below, gauge.lose_above):
            if value is not None:
                thresholds.setdefault(value, []).append(gauge.label.split()[0])
    pdf.set_dash_pattern(0.4, 0.8)
    pdf.set_line_width(0.3)
    for value, names in thresholds.items():
        _, y = at(0, value)
        pdf.line(x0, y, x0 + width, y)
        pdf.text(x0 + width + 1, y + 1, on_paper(tr("sheet.threshold", names=", ".join(names)))[:38])
    pdf.set_text_color(INK)
    for n, gauge in enumerate(report.gauges):
        points = [at(i, v) for i, v in enumerate(gauge.values)]
        series(pdf, points, n, gauge_shape(n), points[:: max(1, len(points) // 12)] + points[-1:])
    pdf.set_y(y0 + height + 6)
    legend(pdf, [tr("sheet.gauge_legend", label=g.label, span=gauge_span(g.start, g.end)) for g in report.gauges], 2,
           gauge_shape)


def _messages(pdf: Sheet, report: Report) -> None:
    if report.key_messages:
        pdf.heading(tr("sheet.key_messages"))
        pdf.bullets(report.key_messages)
    if report.discussion:
        pdf.heading(tr("sheet.discussion"))
        pdf.bullets(report.discussion)
    if report.to_review:
        pdf.heading(tr("sheet.to_review"))
        pdf.bullets(report.to_review, size=9)


def _notes(pdf: Sheet) -> None:
    """Ruled lines for handwritten notes, at least eight of them, to the bottom of the page."""
    pdf.heading(tr("sheet.notes"), room=8 * 9 + 12)
    pdf.set_draw_color(GREY)
    pdf.set_line_width(0.2)
    y = pdf.get_y() + 8
    while y < pdf.h - MARGIN - 8:
        pdf.line(pdf.l_margin, y, pdf.l_margin + pdf.epw, y)
        y += 8
