"""The progress sheet: an A4 PDF a learner can keep or show, readable in black and white.

Mastery per aspect as lines over the sessions (each aspect its dash pattern and marker, as the
debriefing sheet's gauges), today's mastery as bars, the cards still to review with what was answered
and why it was wrong, and the sources to read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from game.atomic import write_bytes_atomic
from game.debrief.page import (
    DASHES,
    FONT,
    GREY,
    INK,
    LIGHT,
    MARKERS,
    Sheet,
    legend,
    rates_chart,
    series,
)
from game.present.sheet import AspectRate
from game.progress.report import ProgressReport
from game.progress.schedule import AspectMastery
from game.wording.learner import right_line
from game.wording.players import choice_line, progress_summary, review_when, tr

CHART_LINES = len(DASHES) * len(MARKERS)  # beyond, two aspects would look alike: the bars still show them all


def write_progress_sheet(report: ProgressReport, path: Path, now: float) -> Path:
    pdf = Sheet(tr("progress.title", profile=report.profile), datetime.fromtimestamp(now),
                subject=tr("progress.subject"), kind=tr("progress.kind"))
    pdf.add_page()
    pdf.text_block(tr("progress.title", profile=report.profile), size=20, style="B", height=10)
    pdf.text_block(progress_summary(report, now), size=10, grey=True)
    pdf.text_block(tr("progress.mastery_means"), size=10, grey=True)
    if report.sessions > 1:
        _trend_chart(pdf, report)
    rates_chart(pdf, [AspectRate(a.label, a.mastered, a.seen) for a in report.aspects], tr("progress.aspects"))
    if report.choices:
        pdf.heading(tr("progress.choices"), room=20)
        pdf.bullets([choice_line(choice) for choice in report.choices])
    pdf.heading(tr("progress.review", n=len(report.review)))
    if not report.review:
        pdf.text_block(tr("progress.review_none"))
    for card in report.review:
        if pdf.will_page_break(24):
            pdf.add_page()
        pdf.text_block(f"{card.card} · {card.last.aspect_label} · {review_when(card.due, now)}", size=8, grey=True)
        pdf.text_block(card.last.prompt, size=10, style="B")
        pdf.text_block(tr("progress.last_answer", given=card.last.given), size=9)
        if card.last.right:
            pdf.text_block(right_line(card.last), size=9, style="B")
        if card.last.feedback:
            pdf.text_block(card.last.feedback, size=9, grey=True)
        pdf.ln(2)
    if report.sources:
        pdf.heading(tr("progress.sources"), room=20)
        pdf.bullets(report.sources, size=9)
    write_bytes_atomic(path, bytes(pdf.output()))  # a full disk leaves no truncated sheet behind
    return path


def _trend_chart(pdf: Sheet, report: ProgressReport) -> None:
    """Each aspect's mastery after each session, 0 to 100 %."""
    drawn = report.aspects[:CHART_LINES]
    pdf.heading(tr("progress.trend"), room=80)
    width, height = pdf.epw - 16, 50
    x0, y0 = pdf.l_margin + 10, pdf.get_y() + 2
    steps = max(1, report.sessions - 1)

    def at(rank: int, share: float) -> tuple[float, float]:
        return x0 + width * rank / steps, y0 + height * (1 - share)

    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(GREY)
    pdf.set_line_width(0.2)
    pdf.set_draw_color(LIGHT)
    for percent in (0, 25, 50, 75, 100):
        _, y = at(0, percent / 100)
        pdf.line(x0, y, x0 + width, y)
        pdf.text(x0 - 9, y + 1, f"{percent} %")
    pdf.set_draw_color(INK)
    pdf.rect(x0, y0, width, height)
    pdf.text(x0, y0 + height + 4, "session 1")
    pdf.text(x0 + width - 14, y0 + height + 4, f"session {report.sessions}")
    pdf.set_text_color(INK)
    for n, points in enumerate(trend_points(drawn, at, y0, y0 + height)):
        series(pdf, points, n, _shape(n))
    pdf.set_y(y0 + height + 7)
    legend(pdf, [aspect.label for aspect in drawn], 3, _shape, limit=34)


def trend_points(aspects: list[AspectMastery], at: Callable[[int, float], tuple[float, float]], top: float,
                 bottom: float) -> list[list[tuple[float, float]]]:
    """Each aspect's points: aspects at the same share side by side rather than hidden under each other, yet never
    above 100 % (`top`) nor below 0 % (`bottom`), where the lines meet at the frame's edge."""
    points = []
    for n, aspect in enumerate(aspects):
        shift = (n - (len(aspects) - 1) / 2) * 0.7
        points.append([(x, min(bottom, max(top, y + shift))) for x, y in (at(rank, share)
                                                                           for rank, share in aspect.trend)])
    return points


def _shape(n: int) -> str:
    """The n-th aspect's marker: with its dash pattern, a different pair for each of the first 16 aspects."""
    return MARKERS[(n + n // len(DASHES)) % len(MARKERS)]
