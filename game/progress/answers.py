"""One answer of a learner's history: what the store keeps and the schedule reads."""

from __future__ import annotations

from typing import NamedTuple


class Answer(NamedTuple):
    """One card a learner answered, as their history keeps it."""

    session: str
    number: int  # the card's place in its session
    profile: str
    card: str
    deck: str
    deck_version: int
    kind: str
    aspect: str
    aspect_label: str
    at: float  # when it was answered (a time stamp)
    mark: str  # right, wrong, best, acceptable, poor
    success: bool
    prompt: str
    given: str  # the answer or option chosen, in words
    right: str  # the right answer(s), or the best option(s), in words
    feedback: str
    source: str


def item_of(card: str, step: str = "") -> str:
    """What the learner's history schedules: a card, or one step of a parcours (scored step by step)."""
    return f"{card}#{step}" if step else card


def card_of(item: str) -> str:
    """The card of a scheduled item (a parcours's step is one of its card)."""
    return item.split("#", 1)[0]
