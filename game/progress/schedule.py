"""What a learner's history means: which cards come back and when (a Leitner box), and mastery per aspect.

Pure functions of the answers and a time stamp, so the screen, the terminal, the sheet and the tests all
agree. A card answered right the first time is known and never scheduled. A missed card goes to the first
box and comes back at once; each right answer moves it up a box and spaces it further (1, 3 then 7 days);
a right answer from the last box masters it. A miss, at any box, sends it back to the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.progress.answers import Answer

DAY = 86_400.0
WAIT_DAYS = (0, 1, 3, 7)  # how long a card waits in boxes 1 to 4 before it comes back
MASTERED = len(WAIT_DAYS) + 1


@dataclass
class CardProgress:
    card: str
    last: Answer  # the latest answer, with the card's text as it was then
    box: int = 0  # 0: never missed; 1 to 4: to review; MASTERED: learnt after a miss
    due: float = 0.0

    @property
    def to_review(self) -> bool:
        return 1 <= self.box < MASTERED


def step(box: int, due: float, at: float, success: bool) -> tuple[int, float]:
    """A card's box and due time after one more answer: the whole rule, used wherever a card is scheduled."""
    if not success:
        return 1, at
    if not box:
        return 0, 0.0
    box = min(MASTERED, box + 1)
    return box, (at + WAIT_DAYS[box - 1] * DAY if box < MASTERED else 0.0)


def leitner(results: Iterable[tuple[float, bool]]) -> tuple[int, float]:
    """The box and due time of a card answered with these (time, success) results, oldest first."""
    box, due = 0, 0.0
    for at, success in results:
        box, due = step(box, due, at, success)
    return box, due


def card_progress(answers: Iterable[Answer]) -> dict[str, CardProgress]:
    """Each card's place in the boxes after these answers (taken in time order)."""
    cards: dict[str, CardProgress] = {}
    for answer in sorted(answers, key=lambda a: a.at):
        card = cards.setdefault(answer.card, CardProgress(answer.card, answer))
        card.last = answer
        card.box, card.due = step(card.box, card.due, answer.at, answer.success)
    return cards


@dataclass
class AspectMastery:
    aspect: str
    label: str
    seen: int = 0  # cards of this aspect answered at least once
    known: int = 0  # of which the latest answer is right (or the best option)
    trend: list[tuple[int, float]] = field(default_factory=list)  # (session's rank from 0, share known after it)

    @property
    def share(self) -> float:
        return self.known / self.seen if self.seen else 0.0


def mastery(answers: Sequence[Answer]) -> list[AspectMastery]:
    """Per aspect, the share of cards seen whose latest answer is right, and that share after each session.

    Counted as the answers go, never recounted: 10,000 answers take milliseconds."""
    aspects: dict[str, AspectMastery] = {}
    latest: dict[str, bool] = {}
    session, rank = None, 0
    for answer in sorted(answers, key=lambda a: a.at):
        if session is not None and answer.session != session:
            _mark_trend(aspects, rank)
            rank += 1
        session = answer.session
        found = aspects.get(answer.aspect)
        if found is None:
            found = aspects[answer.aspect] = AspectMastery(answer.aspect, answer.aspect_label)
        before = latest.get(answer.card)
        found.seen += before is None
        found.known += answer.success - bool(before)
        latest[answer.card] = answer.success
    if session is not None:
        _mark_trend(aspects, rank)
    return list(aspects.values())


def _mark_trend(aspects: dict[str, AspectMastery], rank: int) -> None:
    for found in aspects.values():
        found.trend.append((rank, found.share))
