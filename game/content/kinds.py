"""The words of the card format that the rules also use: card kinds, option ratings, a verdict.

Plain enumerations and a dataclass with no pydantic, so the engine can name them without loading
the authoring models. A `StrEnum` equals its string, so YAML files and logs keep plain strings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, Self


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


class Facing(Protocol):
    """What a table answers, as the rules and the views read it: a card, or the parcours step on the table."""

    @property
    def several(self) -> bool: ...

    @property
    def legal_answers(self) -> tuple[tuple[int, ...], ...]: ...

    @property
    def judgements(self) -> Mapping[tuple[int, ...], Judgement]: ...

    def choice_texts(self) -> tuple[str, ...]: ...

    def right_choices(self) -> tuple[int, ...]: ...

    def acceptable_choices(self) -> tuple[int, ...]: ...

    def judge(self, choices: Sequence[int]) -> Judgement: ...

    def explain(self, choices: Sequence[int]) -> Explanation | None: ...


class Step(Facing, Protocol):
    """One step of a parcours: answered as a card is, and named."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def prompt(self) -> str: ...


class Ending(Protocol):
    """How a parcours ends."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def result(self) -> str: ...

    @property
    def feedback(self) -> str: ...


class PlayingCard(Facing, Protocol):
    """A card as the rules, the table and the presentation layer read it; every card model of `content` is one.
    The engine names this protocol rather than the models, so it never loads pydantic."""

    @property
    def id(self) -> str: ...

    @property
    def aspect(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def team_answers(self) -> bool: ...

    @property
    def scores_aspect(self) -> bool: ...

    @property
    def room_decides(self) -> bool: ...

    @property
    def discussed(self) -> bool: ...

    @property
    def branches(self) -> bool: ...

    @property
    def notes(self) -> str | None: ...

    @property
    def estimated_minutes(self) -> float: ...

    @property
    def turn_minutes(self) -> float: ...

    @property
    def first_step(self) -> str: ...

    def at(self, step: str) -> Facing: ...

    def has_step(self, ident: str) -> bool: ...

    def outcome(self, ident: str) -> Ending | None: ...

    def route(self, step: str, choice: int, flags: frozenset[str], gauges: Mapping[str, int]) -> str: ...

    def flags_set(self, step: str, choice: int) -> frozenset[str]: ...

    def arrival_effects(self) -> Mapping[str, int]: ...

    def orderable(self) -> dict[str, int]: ...

    def in_order(self, orders: Mapping[str, Sequence[int]]) -> Self: ...

