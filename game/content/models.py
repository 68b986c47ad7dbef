"""The authoring format as pydantic models: what labs write in YAML, checked field by field.

Unknown fields are rejected so a misspelt key is reported instead of silently ignored.
Checks that need several files (aspects, gauges, deck references) live in `library`.
Validators raise errors named after keys of the catalogue (`game.wording.catalogue`), so they read in the
author's language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from itertools import combinations
from typing import Annotated, Any, ClassVar, Literal, Self, TypeVar, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from game.content.kinds import (
    MAX_PARCOURS_STEPS,
    RATING_POINTS,
    CardKind,
    Explanation,
    Judgement,
)
from game.content.kinds import Rating as RatingKind
from game.wording.authors import Message, say, say_near
from game.wording.catalogue import template, tr

ID_PATTERN = r"^[a-z0-9]+([-_][a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def slug(name: str) -> str:
    """An id from what a person typed: « Accueil en mairie » → accueil-en-mairie, « Santé » → sante; empty
    when nothing of it can make an id. `validate` offers it as the correction of an invalid id."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[-_]*[^a-z0-9_]+[-_]*|[-_]{2,}", "-", plain).strip("-_")
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Kind = Literal["question", "debate", "persona", "situation", "event", "parcours"]
Rating = Literal["best", "acceptable", "poor"]

KINDS: tuple[str, ...] = tuple(k.value for k in CardKind)

# Minutes a card takes at the table when the author gives no estimate.
DEFAULT_MINUTES: dict[str, float] = {
    "question": 1.0, "debate": 3.0, "persona": 2.0, "situation": 2.0, "event": 0.5,
    "parcours": 1.5,  # per step of its best path
}

# The constraints a persona may carry; each has a label in the catalogue (`chip.<tag>`), shown on screen and on the
# sheet in the reader's language.
CONSTRAINTS = ("mobilite", "numerique", "langue", "handicap", "urgence", "isolement", "precarite", "sante", "horaires",
               "famille")
def _known_spelling(tag: str) -> str:
    """A known constraint mistyped (`mobilité`, `Numerique`) is a slip to correct, not a new tag to show."""
    if tag not in CONSTRAINTS and slug(tag) in CONSTRAINTS:
        raise refuse("constraint.spelling", value=tag, known=slug(tag), label=constraint_label(slug(tag)))
    return tag


# Any other constraint an author writes is shown as written: a short tag, on one chip.
Constraint = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30),
                       AfterValidator(_known_spelling)]


def constraint_label(tag: str) -> str:
    """What a persona's constraint chip says: a known one's label, any other as the author wrote it."""
    return tr(f"chip.{tag}") if tag in CONSTRAINTS else tag


def refuse(key: str, **values: object) -> PydanticCustomError:
    """A validation error worded by `wording` (its French text is pydantic's own message)."""
    return PydanticCustomError(key, template(key, "fr"), values)  # type: ignore[arg-type]


class Strict(BaseModel):
    """Base of every authored block: unknown keys are errors; numbers given for text are accepted."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Answer(Strict):
    text: Text
    correct: bool = False


class Option(Strict):
    text: Text
    rating: Rating
    effects: dict[Id, int] = Field(default_factory=dict)
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
    minutes: Annotated[float, Field(gt=0, le=60)] | None = None
    difficulty: Annotated[int, Field(ge=1, le=3)] | None = None

    team_answers: ClassVar[bool] = False  # a team (or every team) answers it
    scores_aspect: ClassVar[bool] = False  # a right answer fills its aspect in a team's panorama
    room_decides: ClassVar[bool] = False  # when every team answers, the room's majority choice happens
    discussed: ClassVar[bool] = False  # an open discussion, with the facilitator's note
    branches: ClassVar[bool] = False  # a parcours: answered step by step, each answer leading on

    @property
    def estimated_minutes(self) -> float:
        return self.minutes if self.minutes is not None else DEFAULT_MINUTES[self.kind]  # type: ignore[attr-defined]

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


def _reordered(items: Sequence[Any], order: Sequence[int] | None) -> list[Any]:
    return list(items) if order is None else [items[i] for i in order]


CardT = TypeVar("CardT", bound=Choosable)


def _forgetting(card: CardT) -> CardT:
    for name in ("legal_answers", "judgements", "_steps", "_outcomes"):  # the cached properties
        card.__dict__.pop(name, None)
    return card


def _holding(field: str, value: object) -> dict[str, Any]:
    """JSON Schema: an item whose `field` is `value` (for `contains`)."""
    return {"properties": {field: {"const": value}}, "required": [field]}


# what the validators below refuse, told to the editor too (the schema checks a file as it is typed)
_RIGHT = _holding("correct", True)
QUESTION_RULES = {"allOf": [
    {"properties": {"answers": {"contains": _RIGHT}}},
    {"if": {"properties": {"multiple": {"const": True}}, "required": ["multiple"]},
     "then": {"properties": {"answers": {"contains": _RIGHT, "minContains": 2}}},
     "else": {"properties": {"answers": {"contains": _RIGHT, "maxContains": 1}}}},
]}


class QuestionCard(CardBase):
    model_config = ConfigDict(json_schema_extra=QUESTION_RULES)

    kind: Literal["question"]
    prompt: Text
    multiple: bool = False
    answers: list[Answer] = Field(min_length=2, max_length=6)
    explanation: Text
    source: Text | None = None
    shuffle: bool = True

    @field_validator("answers")
    @classmethod
    def _right_answers(cls, answers: list[Answer], info: ValidationInfo) -> list[Answer]:
        count = sum(a.correct for a in answers)
        if count == 0:
            raise refuse("question.no_correct")
        multiple = info.data.get("multiple", False)
        if count > 1 and not multiple:
            raise refuse("question.single_several", count=count)
        if count == 1 and multiple:
            raise refuse("question.multiple_one")
        return answers

    team_answers: ClassVar[bool] = True
    scores_aspect: ClassVar[bool] = True

    @property
    def several(self) -> bool:
        return self.multiple

    def choice_texts(self) -> tuple[str, ...]:
        return tuple(a.text for a in self.answers)

    def answer_sets(self) -> tuple[tuple[int, ...], ...]:
        n = len(self.answers)
        if self.multiple:
            return tuple(combo for k in range(1, n + 1) for combo in combinations(range(n), k))
        return tuple((i,) for i in range(n))

    def right_choices(self) -> tuple[int, ...]:
        return tuple(i for i, a in enumerate(self.answers) if a.correct)

    def judge(self, choices: Sequence[int]) -> Judgement:
        correct = set(choices) == set(self.right_choices())
        return Judgement(success=correct, points=int(correct), correct=correct)

    def explain(self, choices: Sequence[int]) -> Explanation:
        return Explanation(self.explanation, self.source)

    def orderable(self) -> dict[str, int]:
        if not self.shuffle or _true_or_false([a.text for a in self.answers]):
            return {}
        return {"": len(self.answers)}

    def in_order(self, orders: Mapping[str, Sequence[int]]) -> Self:
        return self.model_copy(update={"answers": _reordered(self.answers, orders.get(""))}) if orders else self


_PAIRS = ({"vrai", "faux"}, {"true", "false"}, {"oui", "non"}, {"yes", "no"})


def _true_or_false(texts: Sequence[str]) -> bool:
    """Two answers that are a yes and a no: they keep the order they are always read in."""
    return len(texts) == 2 and {t.strip().rstrip(".!").lower() for t in texts} in _PAIRS


class DebateCard(CardBase):
    kind: Literal["debate"]
    prompt: Text
    hints: list[Text] = Field(default_factory=list)

    discussed: ClassVar[bool] = True


class Choices(Choosable):
    """Options to choose from, one of them best at least: a persona's, a situation's, a parcours step's."""

    model_config = ConfigDict(json_schema_extra={"allOf": [{"properties": {"options": {"contains": _holding(
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

    def judge(self, choices: Sequence[int]) -> Judgement:
        option = self.options[choices[0]]
        return Judgement(success=option.rating == "best", points=RATING_POINTS[option.rating],
                         rating=RatingKind(option.rating), effects=option.effects)

    def explain(self, choices: Sequence[int]) -> Explanation:
        return Explanation(self.options[choices[0]].feedback)


class _OptionsCard(Choices, CardBase):
    shuffle: bool = True

    team_answers: ClassVar[bool] = True
    room_decides: ClassVar[bool] = True

    def orderable(self) -> dict[str, int]:
        return {"": len(self.options)} if self.shuffle else {}

    def in_order(self, orders: Mapping[str, Sequence[int]]) -> Self:
        return self.model_copy(update={"options": _reordered(self.options, orders.get(""))}) if orders else self

    def effect_places(self) -> list[tuple[tuple[str | int, ...], Mapping[str, int]]]:
        return [(("options", k, "effects"), o.effects) for k, o in enumerate(self.options)]


class Usager(Strict):
    """Who a persona or a parcours is about: shown on the card's head, and on the sheet."""

    name: Text
    age: Annotated[int, Field(ge=0, le=120)]
    situation: Text
    need: Text
    constraints: list[Constraint] = Field(default_factory=list)
    quote: Text | None = None
    portrait: Text | None = None


class PersonaCard(Usager, _OptionsCard):
    kind: Literal["persona"]
    prompt: Text = "Que lui proposez-vous ?"


class Condition(Strict):
    """What a route of a parcours asks of what happened before: a flag set or not by an earlier choice, or a
    gauge at or above a value (`at_least`), or under it (`below`)."""

    flag: Id | None = None
    no_flag: Id | None = None
    gauge: Id | None = None
    at_least: int | None = None
    below: int | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        asked = [name for name in ("flag", "no_flag", "gauge") if getattr(self, name) is not None]
        if len(asked) != 1:
            raise refuse("condition.one")
        if (self.gauge is None) != (self.at_least is None and self.below is None) or \
                (self.at_least is not None and self.below is not None):
            raise refuse("condition.gauge")
        return self

    def holds(self, flags: frozenset[str], gauges: Mapping[str, int]) -> bool:
        if self.flag is not None:
            return self.flag in flags
        if self.no_flag is not None:
            return self.no_flag not in flags
        value = gauges.get(self.gauge or "")
        if value is None:  # a gauge the scenario does not have: the condition cannot hold
            return False
        return value >= self.at_least if self.at_least is not None else value < (self.below or 0)


class Route(Strict):
    """Where an option leads: a step or an outcome of the parcours, when its condition holds (always, without one)."""

    to: Id
    when: Condition | None = None


def _or_an_id(prop: dict[str, Any]) -> None:
    """The JSON Schema of `next`: a list of routes, or in short the id of a step or an outcome."""
    routes = {key: prop.pop(key) for key in list(prop) if key in ("type", "items", "minItems")}
    prop["anyOf"] = [{"type": "string", "pattern": ID_PATTERN}, routes]


class StepOption(Option):
    next: Annotated[list[Route], Field(min_length=1, json_schema_extra=_or_an_id)]
    sets: list[Id] = Field(default_factory=list)  # flags the choice sets, for later steps' conditions

    @field_validator("next", mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        """`next: documents`: always that step or outcome."""
        return [{"to": value}] if isinstance(value, str) else value


class Step(Choices):
    """One moment of a parcours: what happens, and the options the agent has."""

    id: Id
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)] | None = None
    prompt: Text
    options: list[StepOption] = Field(min_length=2, max_length=5)  # type: ignore[assignment]

    @property
    def title(self) -> str:
        """The step's name in the sheet's diagram: its label, or its id made readable."""
        return self.label or self.id.replace("-", " ").replace("_", " ").capitalize()


class ParcoursOutcome(Strict):
    """How a parcours ends: its title on the reveal, what it means for the usager."""

    id: Id
    title: Text
    result: Literal["success", "partial", "failure"]
    feedback: Text


class ParcoursCard(Usager, CardBase):
    """A persona's story over several steps: each option leads to a next step, or to an outcome."""

    kind: Literal["parcours"]
    steps: list[Step] = Field(min_length=1, max_length=20)
    outcomes: list[ParcoursOutcome] = Field(min_length=1, max_length=10)
    shuffle: bool = True

    team_answers: ClassVar[bool] = True
    scores_aspect: ClassVar[bool] = True
    room_decides: ClassVar[bool] = True
    branches: ClassVar[bool] = True
    _begin: str = PrivateAttr(default="")  # a step to begin at other than the first: see `leading`

    @cached_property
    def _steps(self) -> dict[str, Step]:
        return {step.id: step for step in self.steps}

    @cached_property
    def _outcomes(self) -> dict[str, ParcoursOutcome]:
        return {outcome.id: outcome for outcome in self.outcomes}

    @property
    def first_step(self) -> str:
        return self._begin or self.steps[0].id

    def at(self, step: str) -> Choosable:
        return self._steps.get(step) or self._steps[self.steps[0].id]

    def has_step(self, ident: str) -> bool:
        return ident in self._steps

    def leading(self, step: str, choice: int, target: str) -> ParcoursCard:
        """This parcours begun at `step`, whose option `choice` leads to `target` whatever came before: one step
        and one way on, as the fit check measures it and the preview shows it."""
        here = self.at(step)
        options = list(here.options)  # type: ignore[attr-defined]
        options[choice] = options[choice].model_copy(update={"next": [Route(to=target)]})
        changed = here.model_copy(update={"options": options})
        card = self.model_copy(update={"steps": [changed if s.id == step else s for s in self.steps]})
        card._begin = step
        return card

    def outcome(self, ident: str) -> ParcoursOutcome | None:
        return self._outcomes.get(ident)

    def orderable(self) -> dict[str, int]:
        return {step.id: len(step.options) for step in self.steps} if self.shuffle else {}

    def in_order(self, orders: Mapping[str, Sequence[int]]) -> Self:
        if not orders:
            return self
        steps = [s.model_copy(update={"options": _reordered(s.options, orders.get(s.id))}) if s.id in orders else s
                 for s in self.steps]
        card = self.model_copy(update={"steps": steps})
        card._begin = self._begin
        return card

    # asked of the card as a whole (an answer-card's slots, a lone preview), a parcours answers as its first step
    def choice_texts(self) -> tuple[str, ...]:
        return self.at(self.first_step).choice_texts()

    def right_choices(self) -> tuple[int, ...]:
        return self.at(self.first_step).right_choices()

    def judge(self, choices: Sequence[int]) -> Judgement:
        return self.at(self.first_step).judge(choices)

    def explain(self, choices: Sequence[int]) -> Explanation | None:
        return self.at(self.first_step).explain(choices)

    @property
    def estimated_minutes(self) -> float:
        """Each step of the best path takes an option card's time."""
        return self.minutes if self.minutes is not None else DEFAULT_MINUTES["parcours"] * len(best_path(self)[0])

    @property
    def turn_minutes(self) -> float:
        return self.estimated_minutes / len(best_path(self)[0])

    def route(self, step: str, choice: int, flags: frozenset[str], gauges: Mapping[str, int]) -> str:
        """Where `choice` at `step` leads, given the flags set so far (this choice's included) and the gauges."""
        for route in self.at(step).options[choice].next:  # type: ignore[attr-defined]
            if route.when is None or route.when.holds(flags, gauges):
                return route.to
        return ""  # refused by `problems` at loading: the last route has no condition

    def effect_places(self) -> list[tuple[tuple[str | int, ...], Mapping[str, int]]]:
        return [(("steps", s, "options", k, "effects"), o.effects)
                for s, step in enumerate(self.steps) for k, o in enumerate(step.options)]

    def gauge_tests(self) -> list[tuple[tuple[str | int, ...], str]]:
        return [(("steps", s, "options", k, "next", r, "when", "gauge"), route.when.gauge)
                for s, step in enumerate(self.steps) for k, o in enumerate(step.options)
                for r, route in enumerate(o.next) if route.when is not None and route.when.gauge is not None]

    def problems(self) -> list[tuple[tuple[str | int, ...], Message]]:
        """What a parcours's own links get wrong, each at its place: `next` to nothing, a choice that may lead
        nowhere, a flag tested but never set, a step no path reaches, a step from which no outcome can be
        reached (a loop with no way out)."""
        found: list[tuple[tuple[str | int, ...], Message]] = []
        steps, outcomes = [s.id for s in self.steps], [o.id for o in self.outcomes]
        names = steps + outcomes
        seen: set[str] = set()
        for where, ident in [(("steps", s, "id"), x) for s, x in enumerate(steps)] + \
                [(("outcomes", o, "id"), x) for o, x in enumerate(outcomes)]:
            if ident in seen:
                found.append((where, say("parcours.twice", id=ident)))
            seen.add(ident)
        flags = {flag for step in self.steps for option in step.options for flag in option.sets}
        for s, step in enumerate(self.steps):
            for k, option in enumerate(step.options):
                here = ("steps", s, "options", k, "next")
                for r, route in enumerate(option.next):
                    if route.to not in names:
                        found.append((here + (r, "to"), say_near("parcours.nowhere", route.to, names, to=route.to)))
                    test = route.when and ("flag" if route.when.flag else "no_flag" if route.when.no_flag else "")
                    tested = getattr(route.when, test) if test else None
                    if tested and tested not in flags:
                        found.append((here + (r, "when", test), say_near("parcours.flag", tested, sorted(flags),
                                                                          flag=tested)))
                if option.next[-1].when is not None:
                    found.append((here, say("parcours.no_default")))
        if found:  # where a link is broken, what it reaches is not known: one mistake, not its consequences
            return found
        links = {step.id: {route.to for option in step.options for route in option.next} for step in self.steps}
        reached = _reachable(self.steps[0].id, links)
        for s, step in enumerate(self.steps):
            if step.id not in reached:
                found.append((("steps", s, "id"), say("parcours.unreached", id=step.id)))
            elif not _reachable(step.id, links) & set(outcomes):
                found.append((("steps", s, "id"), say("parcours.no_way_out", id=step.id)))
        return found


def _reachable(start: str, links: Mapping[str, set[str]]) -> set[str]:
    """Every step and outcome some sequence of choices leads to from `start` (conditions aside), itself included."""
    found, todo = {start}, [start]
    while todo:
        for target in links.get(todo.pop(), ()):
            if target not in found:
                found.add(target)
                todo.append(target)
    return found


def best_path(card: ParcoursCard, gauges: Mapping[str, int] | None = None) -> tuple[tuple[str, ...], str]:
    """The steps a table choosing the first best option at each step goes through, and the outcome it reaches
    ("" if it loops past MAX_PARCOURS_STEPS): the path the sheet shows beside the one taken. Gauges move with
    the options' effects, from `gauges` (the values when the parcours began)."""
    values = dict(gauges or {})
    flags: frozenset[str] = frozenset()
    step, path = card.first_step, []
    while len(path) < MAX_PARCOURS_STEPS:
        path.append(step)
        here = card.at(step)
        choice = here.right_choices()[0]
        option = here.options[choice]  # type: ignore[attr-defined]
        flags |= set(option.sets)
        for gauge, delta in option.effects.items():
            if gauge in values:
                values[gauge] += delta
        target = card.route(step, choice, flags, values)
        if card.outcome(target) is not None or target not in card._steps:
            return tuple(path), target if card.outcome(target) is not None else ""
        step = target
    return tuple(path), ""


class SituationCard(_OptionsCard):
    kind: Literal["situation"]
    partner: Text | None = None
    prompt: Text


class EventCard(CardBase):
    kind: Literal["event"]
    prompt: Text
    effects: dict[Id, int] = Field(default_factory=dict)

    def arrival_effects(self) -> Mapping[str, int]:
        return self.effects

    def effect_places(self) -> list[tuple[tuple[str | int, ...], Mapping[str, int]]]:
        return [(("effects",), self.effects)]


Card = Annotated[
    Union[QuestionCard, DebateCard, PersonaCard, SituationCard, EventCard, ParcoursCard],
    Field(discriminator="kind"),
]


class DeckInfo(Strict):
    id: Id
    replaces: bool = False  # stands in for a deck of the same id (a shipped one): without it, an error
    title: Text
    language: Text = "fr"
    version: Annotated[int, Field(ge=1)] = 1
    license: Text
    description: Text | None = None
    authors: list[Text] = Field(default_factory=list)
    aspects: dict[Id, Text] = Field(min_length=1)


class DeckFile(Strict):
    deck: DeckInfo
    cards: list[Card] = Field(min_length=1)


MAX_TEAMS = 6  # what the screen's side panel and the answer cards are laid out for
MAX_MINUTES = 240  # the longest a scenario may last


def _whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # YAML's `yes` is a bool, not a count


def or_a_number(number: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    """The JSON Schema of a block that also takes the short form of a single `number` (`teams: 3`)."""
    def extra(prop: dict[str, Any]) -> None:
        options = prop.pop("anyOf", None) or [{"$ref": prop.pop("$ref")}]
        prop["anyOf"] = [number, *options]
    return extra


class TeamRange(Strict):
    min: Annotated[int, Field(ge=1, le=MAX_TEAMS)] = 1
    max: Annotated[int, Field(ge=1, le=MAX_TEAMS)] = MAX_TEAMS

    @model_validator(mode="before")
    @classmethod
    def _short(cls, data: Any) -> Any:
        """`teams: 3`: exactly three teams; anything but a count or a block is refused with both forms shown."""
        if _whole_number(data):
            if not 1 <= data <= MAX_TEAMS:
                raise refuse("teams.count", value=data)
            return {"min": data, "max": data}
        if not isinstance(data, Mapping):
            raise refuse("teams.form", value=data)
        return data

    @model_validator(mode="after")
    def _ordered(self) -> TeamRange:
        if self.min > self.max:
            raise refuse("range.min_max", min=self.min, max=self.max)
        return self


class Minutes(Strict):
    target: Annotated[float, Field(gt=0, le=MAX_MINUTES)] = 15
    max: Annotated[float, Field(gt=0, le=MAX_MINUTES)] = 20

    @model_validator(mode="before")
    @classmethod
    def _short(cls, data: Any) -> Any:
        """`minutes: 15`: a target of 15 minutes, and a third more at most (20), as the default."""
        if _whole_number(data) or isinstance(data, float):
            if not 0 < data <= MAX_MINUTES:
                raise refuse("minutes.count", value=data)
            return {"target": data, "max": min(MAX_MINUTES, data * 4 / 3)}
        if not isinstance(data, Mapping):
            raise refuse("minutes.form", value=data)
        return data

    @model_validator(mode="after")
    def _ordered(self) -> Minutes:
        if self.target > self.max:
            raise refuse("minutes.order", target=f"{self.target:g}", max=f"{self.max:g}")
        return self


class DrawRule(Strict):
    kinds: list[Kind] = Field(min_length=1)
    aspects: list[Id] | None = None
    count: Annotated[int, Field(ge=1)] | Literal["auto"] = "auto"
    balanced: bool = True

    def takes(self, card: Any) -> bool:
        """Whether this rule may draw the card: one of its kinds, and of its aspects if it names some."""
        return card.kind in self.kinds and (self.aspects is None or card.aspect in self.aspects)


class Gauge(Strict):
    id: Id
    label: Text
    start: int
    min: int = 0
    max: int = 10
    lose_below: int | None = None
    lose_above: int | None = None

    @model_validator(mode="after")
    def _coherent(self) -> Gauge:
        if self.min >= self.max:
            raise refuse("gauge.min_max", min=self.min, max=self.max)
        if not self.min <= self.start <= self.max:
            raise refuse("gauge.start", start=self.start, min=self.min, max=self.max)
        if self.lose_below is not None and not self.start >= self.lose_below:
            raise refuse("gauge.lost_below", start=self.start, limit=self.lose_below)
        if self.lose_above is not None and not self.start <= self.lose_above:
            raise refuse("gauge.lost_above", start=self.start, limit=self.lose_above)
        return self

    def losing(self, value: int) -> bool:
        return (self.lose_below is not None and value < self.lose_below) or (
            self.lose_above is not None and value > self.lose_above)


class Debrief(Strict):
    key_messages: list[Text] = Field(default_factory=list)
    discussion: list[Text] = Field(default_factory=list)


SCENARIO_RULES = {"allOf": [
    {"if": {"properties": {"win": {"const": "gauges"}}, "required": ["win"]},
     "then": {"properties": {"gauges": {"minItems": 1}}, "required": ["gauges"]}},
    {"if": {"properties": {"mode": {"const": "solo"}}, "required": ["mode"]},
     "then": {"properties": {"teams": {"anyOf": [{"type": "integer", "maximum": 1},
                                                 {"type": "object", "properties": {"max": {"maximum": 1}}},
                                                 {"type": "null"}]}}}},
]}


class ScenarioInfo(Strict):
    model_config = ConfigDict(json_schema_extra=SCENARIO_RULES)

    id: Id
    replaces: bool = False  # stands in for a scenario of the same id (a shipped one): without it, an error
    title: Text
    description: Text
    mode: Literal["teams", "solo"]
    answering: Literal["all", "rotation"] = "rotation"  # every team answers each card, or one team in turn
    teams: TeamRange | None = Field(None, json_schema_extra=or_a_number({"type": "integer", "minimum": 1,
                                                                           "maximum": MAX_TEAMS}))
    minutes: Minutes = Field(default_factory=Minutes, json_schema_extra=or_a_number(
        {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_MINUTES}))
    timed: bool = True  # false: the clock never ends the session (solo training without pressure)
    decks: list[Id] = Field(min_length=1)
    draw: list[DrawRule] | None = None
    win: Literal["panorama", "points", "gauges"]
    gauges: list[Gauge] = Field(default_factory=list, max_length=6)  # what the side panel can show
    debrief: Debrief = Field(default_factory=Debrief)

    @model_validator(mode="after")
    def _coherent(self) -> ScenarioInfo:
        if self.mode == "solo" and self.teams is not None and self.teams.max > 1:
            raise refuse("scenario.solo_teams")
        if self.win == "gauges" and not self.gauges:
            raise refuse("scenario.gauges_needed")
        ids = [g.id for g in self.gauges]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise refuse("scenario.gauge_twice", ids=", ".join(doubles))
        return self

    @property
    def team_range(self) -> TeamRange:
        if self.teams is not None:
            return self.teams
        return TeamRange(min=1, max=1) if self.mode == "solo" else TeamRange()

    @property
    def draw_rules(self) -> list[DrawRule]:
        """The scenario's draw, or by default every kind of its decks, balanced by aspect."""
        return self.draw if self.draw is not None else [DrawRule(kinds=list(KINDS))]


class ScenarioFile(Strict):
    scenario: ScenarioInfo
