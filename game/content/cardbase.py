"""What every card model shares: strict blocks, answers and options, and how a card behaves at the table
(who answers it, what counts as right, what the reveal says), asked of the card instead of testing its kind."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Annotated, Any, ClassVar, Self, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
)

from game.content.fields import NOT_TEXT_INT, NOT_TEXT_NUMBER, Flag, Id, Rating, Text, Whole, refuse
from game.content.kinds import (
    RATING_POINTS,
    Explanation,
    Judgement,
)
from game.content.kinds import Rating as RatingKind
from game.wording.authors import Message


class Strict(BaseModel):
    """Base of every authored block: unknown keys are errors; numbers given for text are accepted."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Answer(Strict):
    text: Text
    correct: Flag = False


class Option(Strict):
    text: Text
    rating: Rating
    effects: dict[Id, Whole] = Field(default_factory=dict)
    feedback: Text


class Choosable(Strict):
    """What a table answers by picking among numbered choices (a card, or one step of a parcours): the rules
    and the front ends ask it what is legal, what is right and what the reveal says."""

    @property
    def several(self) -> bool:
        """Whether an answer picks several choices at once (then validated together)."""
        return False

    def choice_texts(self) -> tuple[str, ...]:
        """The numbered choices shown to the table: answers or options; none for other cards."""
        return ()

    def answer_sets(self) -> tuple[tuple[int, ...], ...]:
        """Every legal answer, as the chosen choices' indices."""
        return tuple((i,) for i in range(len(self.choice_texts())))

    def right_choices(self) -> tuple[int, ...]:
        """The right answers, or the best options: what the reveal shows as right."""
        return ()

    def acceptable_choices(self) -> tuple[int, ...]:
        """The options neither best nor to avoid: what the reveal shows as neither right nor wrong."""
        return ()

    def judge(self, choices: Sequence[int]) -> Judgement:
        raise TypeError(f"a {type(self).__name__} is not answered")

    @cached_property
    def legal_answers(self) -> tuple[tuple[int, ...], ...]:
        """`answer_sets()` worked out once per card: a batch of simulations lists the same card's answers
        thousands of times."""
        return self.answer_sets()

    @cached_property
    def judgements(self) -> Mapping[tuple[int, ...], Judgement]:
        """What each legal answer is worth, judged once per card for the same reason."""
        return {choices: self.judge(choices) for choices in self.legal_answers}

    def __copy__(self) -> Self:
        """A copy forgets the cached answers: `model_copy(update=...)` may change what they depend on."""
        return _forgetting(super().__copy__())

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        return _forgetting(super().__deepcopy__(memo))

    def explain(self, choices: Sequence[int]) -> Explanation | None:
        """What the reveal says after `choices`; None when there is nothing to explain."""
        return None


class CardBase(Choosable):
    """What every card has, and how a card behaves at the table: the rules and the front ends ask the
    card (who answers it, what counts as right, what the reveal says) instead of testing its kind."""

    id: Id
    aspect: Id
    minutes: Annotated[float, Field(gt=0, le=60), NOT_TEXT_NUMBER] | None = None
    difficulty: Annotated[int, Field(ge=1, le=3), NOT_TEXT_INT] | None = None
    notes: Text | None = None  # for the facilitator's eyes only: the presenter window, never the room's screen

    default_minutes: ClassVar[float]  # what the card takes at the table when the author gives no estimate
    team_answers: ClassVar[bool] = False  # a team (or every team) answers it
    scores_aspect: ClassVar[bool] = False  # a right answer fills its aspect in a team's panorama
    room_decides: ClassVar[bool] = False  # when every team answers, the room's majority choice happens
    discussed: ClassVar[bool] = False  # an open discussion, with the facilitator's note
    branches: ClassVar[bool] = False  # a parcours: answered step by step, each answer leading on

    @property
    def estimated_minutes(self) -> float:
        return self.minutes if self.minutes is not None else self.default_minutes

    @property
    def turn_minutes(self) -> float:
        """Minutes of one answer at the table: the card's, or one step's of a parcours."""
        return self.estimated_minutes

    @property
    def first_step(self) -> str:
        """The step a parcours starts at; empty for a card answered at once."""
        return ""

    def at(self, step: str) -> Choosable:
        """What the table answers at `step` of the card (the card itself, but for a parcours)."""
        return self

    def outcome(self, ident: str) -> Any:
        """How a parcours ends at `ident`; no other card has an ending."""
        return None

    def route(self, step: str, choice: int, flags: frozenset[str], gauges: Mapping[str, int]) -> str:
        """Where a parcours's choice leads; no other card is answered step by step."""
        raise TypeError(f"a {type(self).__name__} has no steps to route between")

    def flags_set(self, step: str, choice: int) -> frozenset[str]:
        """The flags a parcours's choice sets, for the routes after it; no other card sets any."""
        return frozenset()

    def has_step(self, ident: str) -> bool:
        """Whether `ident` names a step of the card (a parcours's)."""
        return False

    def arrival_effects(self) -> Mapping[str, int]:
        """Gauge changes the card makes as soon as it is on the table."""
        return {}

    def effect_places(self) -> list[tuple[tuple[str | int, ...], Mapping[str, int]]]:
        """Every gauge change the card can make, with its place inside the card."""
        return []

    def gauge_tests(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every gauge a condition of the card reads, with its place inside the card."""
        return []

    def problems(self) -> list[tuple[tuple[str | int, ...], Message]]:
        """Mistakes between the card's own fields that its model cannot refuse field by field, each at its place."""
        return []

    def orderable(self) -> dict[str, int]:
        """Where the card's choices may be shuffled for a session: each place (empty for the card itself, a step's
        id in a parcours) with its number of choices. None for a card that has no choices, or whose author pinned
        their order, or a true/false question (Vrai comes before Faux)."""
        return {}

    def in_order(self, orders: Mapping[str, Sequence[int]]) -> Self:
        """The card with its choices shown in `orders` (per place, the authored indices in display order)."""
        return self


def reordered(items: Sequence[Any], order: Sequence[int] | None) -> list[Any]:
    return list(items) if order is None else [items[i] for i in order]


CardT = TypeVar("CardT", bound=Choosable)


def _forgetting(card: CardT) -> CardT:
    for name in ("legal_answers", "judgements", "_steps", "_outcomes"):  # the cached properties
        card.__dict__.pop(name, None)
    return card


def holding(field: str, value: object) -> dict[str, Any]:
    """JSON Schema: an item whose `field` is `value` (for `contains`)."""
    return {"properties": {field: {"const": value}}, "required": [field]}


class Choices(Choosable):
    """Options to choose from, one of them best at least: a persona's, a situation's, a parcours step's."""

    model_config = ConfigDict(json_schema_extra={"allOf": [{"properties": {"options": {"contains": holding(
        "rating", "best")}}}]})

    options: list[Option] = Field(min_length=2, max_length=5)

    @field_validator("options")
    @classmethod
    def _one_best(cls, options: list[Option]) -> list[Option]:
        if not any(o.rating == "best" for o in options):
            raise refuse("options.no_best")
        return options

    def choice_texts(self) -> tuple[str, ...]:
        return tuple(o.text for o in self.options)

    def right_choices(self) -> tuple[int, ...]:
        return tuple(i for i, o in enumerate(self.options) if o.rating == "best")

    def acceptable_choices(self) -> tuple[int, ...]:
        return tuple(i for i, o in enumerate(self.options) if o.rating == "acceptable")

    def judge(self, choices: Sequence[int]) -> Judgement:
        option = self.options[choices[0]]
        return Judgement(success=option.rating == "best", points=RATING_POINTS[option.rating],
                         rating=RatingKind(option.rating), effects=option.effects)

    def explain(self, choices: Sequence[int]) -> Explanation:
        return Explanation(self.options[choices[0]].feedback)


class OptionsCard(Choices, CardBase):
    shuffle: Flag = True

    team_answers: ClassVar[bool] = True
    room_decides: ClassVar[bool] = True

    def orderable(self) -> dict[str, int]:
        return {"": len(self.options)} if self.shuffle else {}

    def in_order(self, orders: Mapping[str, Sequence[int]]) -> Self:
        return self.model_copy(update={"options": reordered(self.options, orders.get(""))}) if orders else self

    def effect_places(self) -> list[tuple[tuple[str | int, ...], Mapping[str, int]]]:
        return [(("options", k, "effects"), o.effects) for k, o in enumerate(self.options)]
