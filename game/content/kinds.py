"""The words of the card format that the rules also use: card kinds, option ratings, a verdict.

Plain enumerations and a dataclass with no pydantic, so the engine can name them without loading
the authoring models. A `StrEnum` equals its string, so YAML files and logs keep plain strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class CardKind(StrEnum):
    QUESTION = "question"
    DEBATE = "debate"
    PERSONA = "persona"
    SITUATION = "situation"
    EVENT = "event"
    PARCOURS = "parcours"


class Rating(StrEnum):
    BEST = "best"
    ACCEPTABLE = "acceptable"
    POOR = "poor"


MAX_PARCOURS_STEPS = 30  # steps answered in one parcours before it is ended: a loop never holds a session

RATING_POINTS: dict[str, int] = {Rating.BEST: 2, Rating.ACCEPTABLE: 1, Rating.POOR: 0}


@dataclass(frozen=True)
class Judgement:
    """What one answer to a card is worth: the card model decides, the rules apply it."""

    success: bool  # the right answer, or the best option
    points: int
    correct: bool | None = None  # questions only
    rating: Rating | None = None  # options only
    effects: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Explanation:
    """What the reveal says after an answer: the explanation or the option's feedback, and a source."""

    text: str
    source: str | None = None
