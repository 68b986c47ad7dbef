"""A learner's sheet: the A4 page a training session ends on, for the learner rather than a room. Their score
and its share per aspect, each card missed with the answer given, the right one, why and the source, and when
it comes back; readable in black and white, written from the session's log alone like a workshop's sheet."""

from __future__ import annotations

from datetime import datetime

from game.debrief.page import Sheet, rates_chart
from game.progress.ending import LearnerEnding
from game.wording.catalogue import tr
from game.wording.learner import missed_status, next_review_line, right_line, score_line


def learner_sheet(ending: LearnerEnding, started: datetime) -> bytes:
    """The learner's sheet as an A4 PDF."""
    title = tr("learner.title", profile=ending.profile)
    pdf = Sheet(title, started, subject=tr("progress.subject"), kind=tr("learner.sheet_kind"))
    pdf.add_page()
    pdf.text_block(tr("learner.sheet_kind"), size=10, grey=True)
    pdf.text_block(title, size=20, style="B", height=10)
    pdf.text_block(f"{ending.title} · {started.strftime(tr('date.time'))}", size=10, grey=True)
    pdf.ln(2)
    pdf.text_block(score_line(ending), size=14, style="B", height=8)
    pdf.text_block(next_review_line(ending), size=11)
    if ending.aspects:
        rates_chart(pdf, ending.aspects, tr("learner.aspects"))
    if ending.missed:
        pdf.heading(tr("learner.missed", n=len(ending.missed)))
    for missed in ending.missed:
        first = missed.first
        if pdf.will_page_break(30):
            pdf.add_page()
        pdf.text_block(f"{first.aspect_label} · {missed_status(missed, ending.ended)}", size=8, grey=True)
        pdf.text_block(first.prompt, size=10, style="B")
        pdf.text_block(tr("learner.given", answer=first.given), size=9)
        pdf.text_block(right_line(first), size=9, style="B")
        if first.feedback:
            pdf.text_block(first.feedback, size=9, grey=True)
        if first.source:
            pdf.text_block(tr("play.source", source=first.source), size=8, grey=True)
        pdf.ln(2)
    return bytes(pdf.output())
