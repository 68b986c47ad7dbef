"""A parcours card: an usager's journey over steps, each option leading to a step or an outcome."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import (
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    field_validator,
    model_validator,
)

from game.content.cardbase import CardBase, Choices, Option, Strict, reordered
from game.content.fields import ID_PATTERN, Flag, Id, Text, Whole, refuse
from game.content.kinds import (
    MAX_PARCOURS_STEPS,
    Explanation,
    Judgement,
)
from game.content.persona import Usager
from game.wording.authors import Message, say, say_near


class Condition(Strict):
    """What a route of a parcours asks of what happened before: a flag set or not by an earlier choice, or a
    gauge at or above a value (`at_least`), or under it (`below`)."""

    # what `_one_test` refuses, told to the editor too
    model_config = ConfigDict(json_schema_extra={
        "oneOf": [{"required": ["flag"]}, {"required": ["no_flag"]}, {"required": ["gauge"]}],
        "dependencies": {"at_least": ["gauge"], "below": ["gauge"],
                         "gauge": {"oneOf": [{"required": ["at_least"]}, {"required": ["below"]}]}}})

    flag: Id | None = None
    no_flag: Id | None = None
    gauge: Id | None = None
    at_least: Whole | None = None
    below: Whole | None = None

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
    default_minutes: ClassVar[float] = 1.5  # per step of its best path
    steps: list[Step] = Field(min_length=1, max_length=20)
    outcomes: list[ParcoursOutcome] = Field(min_length=1, max_length=10)
    shuffle: Flag = True

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

    def flags_set(self, step: str, choice: int) -> frozenset[str]:
        return frozenset(self.at(step).options[choice].sets)

    def at(self, step: str) -> Step:
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
        steps = [s.model_copy(update={"options": reordered(s.options, orders.get(s.id))}) if s.id in orders else s
                 for s in self.steps]
        card = self.model_copy(update={"steps": steps})
        card._begin = self._begin
        return card

    # asked of the card as a whole (an answer-card's slots, a lone preview), a parcours answers as its first step
    def choice_texts(self) -> tuple[str, ...]:
        return self.at(self.first_step).choice_texts()

    def right_choices(self) -> tuple[int, ...]:
        return self.at(self.first_step).right_choices()

    def acceptable_choices(self) -> tuple[int, ...]:
        return self.at(self.first_step).acceptable_choices()

    def judge(self, choices: Sequence[int]) -> Judgement:
        return self.at(self.first_step).judge(choices)

    def explain(self, choices: Sequence[int]) -> Explanation | None:
        return self.at(self.first_step).explain(choices)

    @property
    def estimated_minutes(self) -> float:
        """Each step of the best path takes an option card's time."""
        return self.minutes if self.minutes is not None else self.default_minutes * len(best_path(self)[0])

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
