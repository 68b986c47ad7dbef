"""xAPI 1.0.3 statements as the game writes them: our own models, checked as they are built.

Only the parts of the specification the game uses are modelled, with the constraints an LRS enforces: IRIs are
absolute, a registration is a UUID, scores are numbers (scaled within -1..1, raw within min..max), an actor is
identified by an account. `as_json()` gives the statement as it travels (camelCase, no empty field).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

VERSION = "1.0.3"


def _absolute(iri: str) -> str:
    parts = urlsplit(iri)
    if not parts.scheme or not (parts.netloc or parts.scheme == "urn"):
        raise ValueError(f"not an absolute IRI: {iri!r}")
    return iri


def _uuid(text: str) -> str:
    return str(uuid.UUID(text))


IRI = Annotated[str, AfterValidator(_absolute)]
UUID = Annotated[str, AfterValidator(_uuid)]
LanguageMap = dict[str, str]


class XapiModel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, frozen=True, extra="forbid")


class Account(XapiModel):
    home_page: IRI
    name: str = Field(min_length=1)


class Agent(XapiModel):
    object_type: Literal["Agent"] = "Agent"
    account: Account


class Group(XapiModel):
    """An identified group: a team, named by its label in the session."""

    object_type: Literal["Group"] = "Group"
    name: str = Field(min_length=1)
    account: Account


class Verb(XapiModel):
    id: IRI
    display: LanguageMap


class Component(XapiModel):
    """One choice of an interaction, by its id (its place in the author's order)."""

    id: str = Field(min_length=1, pattern=r"^\S+$")
    description: LanguageMap


class Definition(XapiModel):
    name: LanguageMap
    description: LanguageMap | None = None
    type: IRI
    interaction_type: Literal["choice", "true-false"] | None = None
    correct_responses_pattern: list[str] | None = None
    choices: list[Component] | None = None
    extensions: dict[IRI, Any] | None = None


class Activity(XapiModel):
    object_type: Literal["Activity"] = "Activity"
    id: IRI
    definition: Definition | None = None


class Score(XapiModel):
    scaled: float | None = Field(default=None, ge=-1, le=1)
    raw: float | None = None
    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _raw_within(self) -> Score:
        if self.raw is not None and ((self.min is not None and self.raw < self.min)
                                     or (self.max is not None and self.raw > self.max)):
            raise ValueError("score.raw outside score.min..score.max")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("score.min above score.max")
        return self


class Result(XapiModel):
    score: Score | None = None
    success: bool | None = None
    completion: bool | None = None
    response: str | None = None
    duration: str | None = Field(default=None, pattern=r"^P(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
    extensions: dict[IRI, Any] | None = None


class ContextActivities(XapiModel):
    parent: list[Activity] | None = None
    grouping: list[Activity] | None = None
    category: list[Activity] | None = None


class Context(XapiModel):
    registration: UUID
    instructor: Agent | None = None
    team: Group | None = None
    context_activities: ContextActivities | None = None
    platform: str | None = None
    language: str | None = None
    extensions: dict[IRI, Any] | None = None


class Statement(XapiModel):
    id: UUID
    actor: Agent | Group
    verb: Verb
    object: Activity
    result: Result | None = None
    context: Context
    timestamp: str = Field(pattern=r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")

    def as_json(self) -> dict[str, Any]:
        """The statement as sent: camelCase names, absent fields left out."""
        return self.model_dump(by_alias=True, exclude_none=True, mode="json")
