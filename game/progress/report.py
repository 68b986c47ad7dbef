"""A learner's progress as the screen, the terminal and the progress sheet show it: built once, worded by each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.content.kinds import Rating
from game.progress.answers import Answer
from game.progress.schedule import AspectMastery, CardProgress, card_progress, mastery

OPTION_MARKS = frozenset(Rating)  # a persona's or a situation's options are rated, not right or wrong


@dataclass(frozen=True)
class ChoiceLine:
    """How often the learner picked the best option for usagers or partners of one aspect."""

    aspect: str
    label: str
    best: int
    answers: int


@dataclass(frozen=True)
class ProgressReport:
    profile: str
    answers: int
    sessions: int
    first: float | None
    last: float | None
    aspects: list[AspectMastery]  # in the order first met
    choices: list[ChoiceLine]
    review: list[CardProgress]  # missed and not yet learnt, the soonest due first
    sources: list[str]  # of the cards to review, once each

    def due_now(self, now: float) -> list[CardProgress]:
        return [c for c in self.review if c.due <= now]


def progress_report(profile: str, answers: Sequence[Answer]) -> ProgressReport:
    cards = card_progress(answers)
    review = sorted((c for c in cards.values() if c.to_review), key=lambda c: (c.due, c.card))
    choices: dict[tuple[str, str], ChoiceLine] = {}  # by deck and aspect, as mastery: two decks stay apart
    for answer in answers:
        if answer.mark in OPTION_MARKS:
            key = (answer.deck, answer.aspect)
            line = choices.get(key, ChoiceLine(answer.aspect, answer.aspect_label, 0, 0))
            choices[key] = ChoiceLine(line.aspect, line.label, line.best + (answer.mark == "best"),
                                                line.answers + 1)
    times = [a.at for a in answers]
    return ProgressReport(
        profile=profile, answers=len(answers), sessions=len({a.session for a in answers}),
        first=min(times, default=None), last=max(times, default=None), aspects=mastery(answers),
        choices=list(choices.values()), review=review,
        sources=list(dict.fromkeys(c.last.source for c in review if c.last.source)))

