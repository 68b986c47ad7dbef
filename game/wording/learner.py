"""How a training session's ending is worded for the learner: the score, what was missed and the right answer,
when it comes back. The screen, the terminal and the learner's sheet put these same sentences together."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.progress.report import OPTION_MARKS
from game.wording.catalogue import tr
from game.wording.players import day, review_when

if TYPE_CHECKING:
    from game.present.sheet import AspectRate
    from game.progress.answers import Answer
    from game.progress.ending import LearnerEnding, Missed


def score_line(ending: LearnerEnding) -> str:
    if not ending.answered:  # stopped at once: no score out of nothing
        return tr("learner.nothing_answered")
    return tr("learner.score", right=ending.right, answered=ending.answered, percent=ending.percent)


def aspect_line(rate: AspectRate) -> str:
    return tr("learner.aspect", label=rate.label, right=rate.right, answered=rate.answered)


def right_line(answer: Answer) -> str:
    """The right answer of a question, the best option of an usager's or a partner's card."""
    key = "learner.best" if answer.mark in OPTION_MARKS else "learner.right"
    return tr(key, answer=answer.right)


def missed_status(missed: Missed, now: float) -> str:
    """Whether the card was caught up when it came back, and when it comes back for review."""
    return tr("learner.caught_up" if missed.relearnt else "learner.still_missed", when=review_when(missed.due, now))


def next_review_line(ending: LearnerEnding) -> str:
    due = ending.next_review
    if not ending.answered:
        return ""
    if due is None:
        return tr("learner.none_missed")
    return tr("learner.next_now") if due <= ending.ended else tr("learner.next_on", date=day(due))


def learner_lines(ending: LearnerEnding) -> list[str]:
    """The ending as the terminal tells it."""
    lines = [tr("learner.title", profile=ending.profile), score_line(ending)]
    lines += [f"  {aspect_line(rate)}" for rate in ending.aspects]
    if ending.missed:
        lines += ["", tr("learner.missed", n=len(ending.missed))]
    for missed in ending.missed:
        first = missed.first
        lines.append(f"  • {first.prompt}")
        lines += [f"    {tr('learner.given', answer=first.given)}", f"    {right_line(first)}"]
        if first.feedback:
            lines.append(f"    {first.feedback}")
        if first.source:
            lines.append(f"    {tr('play.source', source=first.source)}")
        lines.append(f"    {missed_status(missed, ending.ended)}")
    return [*lines, "", next_review_line(ending)] if ending.answered else lines
