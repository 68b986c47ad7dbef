"""How a training session ends for the learner: what they scored, what they missed and the right answer, and
when those cards come back. Built from the session alone (its log), so the screen, the terminal and the
learner's sheet say the same, and a sheet written again from the log says it again.

The score counts each card's first answer (a parcours: each step's), not the learning steps that followed a
miss. When a missed card comes back follows the schedule's rule: a miss puts it in the first box whatever came
before, so this session alone decides its next review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.present.sheet import AspectRate
from game.progress.answers import Answer
from game.progress.schedule import leitner
from game.progress.sync import answers_of
from game.table.table import Table


@dataclass(frozen=True)
class Missed:
    """A card (or parcours step) missed at its first answer in this session."""

    item: str  # what the history schedules: the card, or the parcours's step
    first: Answer  # the first answer, missed: the card's text, the answer given, the right one, why, the source
    relearnt: bool  # answered right when it came back in the session
    due: float  # when it comes back for review


@dataclass(frozen=True)
class LearnerEnding:
    profile: str
    title: str
    ended: float  # the time stamp of the last answer (or the start): "now" for the dates the sheet gives
    answered: int  # first answers
    right: int  # of which right, or the best option
    aspects: list[AspectRate]  # first answers per aspect, in the order met
    missed: list[Missed]  # in the order met

    @property
    def next_review(self) -> float | None:
        """When the first missed card comes back, or None when nothing was missed."""
        return min((m.due for m in self.missed), default=None)

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.answered) if self.answered else 0


def learner_ending(table: Table) -> LearnerEnding:
    """The ending of a training session (the table of a session played under a profile)."""
    facts = table.facts()
    profile = facts.profile or ""
    answers = answers_of(table, profile)
    firsts = _firsts(answers)
    aspects: dict[str, AspectRate] = {}
    for answer in firsts:
        rate = aspects.setdefault(answer.aspect, AspectRate(answer.aspect_label, 0, 0))
        rate.answered += 1
        rate.right += answer.success
    missed = []
    for answer in firsts:
        if answer.success:
            continue
        tries = [(a.at, a.success) for a in answers if a.card == answer.card]
        missed.append(Missed(answer.card, answer, any(ok for _, ok in tries), leitner(tries)[1]))
    return LearnerEnding(profile, facts.title, max((a.at for a in answers), default=facts.started), len(firsts),
                         sum(a.success for a in firsts), list(aspects.values()), missed)


def _firsts(answers: Sequence[Answer]) -> list[Answer]:
    """Each card's (or step's) first answer in the session, in order."""
    seen: dict[str, Answer] = {}
    for answer in answers:
        seen.setdefault(answer.card, answer)
    return list(seen.values())
