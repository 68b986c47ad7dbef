"""A scenario: its teams, minutes, draw rules, gauges and debriefing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    ConfigDict,
    Field,
    model_validator,
)

from game.content.cardbase import Strict
from game.content.fields import KINDS, NOT_TEXT_INT, NOT_TEXT_NUMBER, Flag, Id, Kind, Text, Whole, refuse

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
    min: Annotated[int, Field(ge=1, le=MAX_TEAMS), NOT_TEXT_INT] = 1
    max: Annotated[int, Field(ge=1, le=MAX_TEAMS), NOT_TEXT_INT] = MAX_TEAMS

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
    target: Annotated[float, Field(gt=0, le=MAX_MINUTES), NOT_TEXT_NUMBER] = 15
    max: Annotated[float, Field(gt=0, le=MAX_MINUTES), NOT_TEXT_NUMBER] = 20

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
    count: Annotated[int, Field(ge=1), NOT_TEXT_INT] | Literal["auto"] = "auto"
    balanced: Flag = True
    ordered: Flag = False  # deal the cards in the order of the decks (a review: the longest waiting first)

    def takes(self, card: Any) -> bool:
        """Whether this rule may draw the card: one of its kinds, and of its aspects if it names some."""
        return card.kind in self.kinds and (self.aspects is None or card.aspect in self.aspects)


class Gauge(Strict):
    id: Id
    label: Text
    start: Whole
    min: Whole = 0
    max: Whole = 10
    lose_below: Whole | None = None
    lose_above: Whole | None = None

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
    replaces: Flag = False  # stands in for a scenario of the same id (a shipped one): without it, an error
    title: Text
    description: Text
    mode: Literal["teams", "solo"]
    answering: Literal["all", "rotation"] = "rotation"  # every team answers each card, or one team in turn
    teams: TeamRange | None = Field(None, json_schema_extra=or_a_number({"type": "integer", "minimum": 1,
                                                                           "maximum": MAX_TEAMS}))
    minutes: Minutes = Field(default_factory=Minutes, json_schema_extra=or_a_number(
        {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_MINUTES}))
    timed: Flag = True  # false: the clock never ends the session (solo training without pressure)
    relearn: Flag = False  # solo: a missed card comes back later in the session, until answered right
    decks: list[Id] = Field(min_length=1)
    draw: list[DrawRule] | None = None
    win: Literal["panorama", "points", "gauges"]
    gauges: list[Gauge] = Field(default_factory=list, max_length=6)  # what the side panel can show
    debrief: Debrief = Field(default_factory=Debrief)

    @model_validator(mode="after")
    def _coherent(self) -> ScenarioInfo:
        if self.mode == "solo" and self.teams is not None and self.teams.max > 1:
            raise refuse("scenario.solo_teams")
        if self.relearn and self.mode != "solo":
            raise refuse("scenario.relearn_solo")
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
