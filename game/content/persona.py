"""A persona card: an usager, their situation and need, and the options to serve them."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import (
    Field,
)

from game.content.cardbase import OptionsCard, Strict
from game.content.fields import NOT_TEXT_INT, Constraint, Text


class Usager(Strict):
    """Who a persona or a parcours is about: shown on the card's head, and on the sheet."""

    name: Text
    age: Annotated[int, Field(ge=0, le=120), NOT_TEXT_INT]
    situation: Text
    need: Text
    constraints: list[Constraint] = Field(default_factory=list)
    quote: Text | None = None
    portrait: Text | None = None


class PersonaCard(Usager, OptionsCard):
    kind: Literal["persona"]
    default_minutes: ClassVar[float] = 2.0
    prompt: Text = "Que lui proposez-vous ?"
