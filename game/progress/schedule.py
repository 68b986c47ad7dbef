"""What a learner's history means: which cards come back and when (a Leitner box), and mastery per aspect.

Pure functions of the answers and a time stamp, so the screen, the terminal, the sheet and the tests all
agree. A card answered right the first time is never scheduled. A missed card goes to the first box and
comes back at once; each right answer once its wait is over moves it up a box and spaces it further (1, 3
then 7 days); a right answer from the last box takes it out of the review. A right answer before the wait is
over changes nothing (reviewing early does not space a card); a miss, at any box, sends it back to the first.

Mastery is a separate, stricter figure: a card is mastered when its latest answer is right and was given on a
later day than the day the learner first met it, or last missed it. A right answer just after seeing the
answer, the same day, is not yet learnt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
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
    if not box or at < due:
        return box, due
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
    """One aspect of one deck: two decks may name an aspect alike, and they stay apart."""

    deck: str
    aspect: str
    label: str
    seen: int = 0  # cards of this aspect answered at least once
    mastered: int = 0  # of which the latest answer is right, given a later day than the last miss or first meeting
    trend: list[tuple[int, float]] = field(default_factory=list)  # (session's rank from 0, share mastered after it)

    @property
    def share(self) -> float:
        return self.mastered / self.seen if self.seen else 0.0


def calendar_day(at: float) -> date:
    """The learner's calendar day of a time stamp: mastery asks for a right answer on a later day."""
    return date.fromtimestamp(at)


def mastery(answers: Sequence[Answer]) -> list[AspectMastery]:
    """Per deck and aspect, the share of cards seen that are mastered, and that share after each session.

    Counted as the answers go, never recounted: 10,000 answers take milliseconds."""
    aspects: dict[tuple[str, str], AspectMastery] = {}
    since: dict[str, date] = {}  # each card's day first met, or last missed
    held: dict[str, bool] = {}  # each card mastered or not
    session, rank = None, 0
    for answer in sorted(answers, key=lambda a: a.at):
        if session is not None and answer.session != session:
            _mark_trend(aspects, rank)
            rank += 1
        session = answer.session
        key = (answer.deck, answer.aspect)
        found = aspects.get(key)
        if found is None:
            found = aspects[key] = AspectMastery(answer.deck, answer.aspect, answer.aspect_label)
        today = calendar_day(answer.at)
        if answer.card not in since or not answer.success:
            found.seen += answer.card not in since
            since[answer.card] = today
        now = answer.success and today > since[answer.card]
        found.mastered += now - held.get(answer.card, False)
        held[answer.card] = now
    if session is not None:
        _mark_trend(aspects, rank)
    return _apart(list(aspects.values()))


def _apart(aspects: list[AspectMastery]) -> list[AspectMastery]:
    """Two decks' aspects of the same name are told apart by their deck."""
    labels = [a.label for a in aspects]
    for found in aspects:
        if labels.count(found.label) > 1:
            found.label = f"{found.label} ({found.deck})"
    return aspects


def _mark_trend(aspects: dict[tuple[str, str], AspectMastery], rank: int) -> None:
    for found in aspects.values():
        found.trend.append((rank, found.share))
