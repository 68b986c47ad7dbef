"""A debate card: an open question the room discusses, with leads and the facilitator's note."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import (
    Field,
)

from game.content.cardbase import CardBase
from game.content.fields import Text


class DebateCard(CardBase):
    kind: Literal["debate"]
    default_minutes: ClassVar[float] = 3.0
    prompt: Text
    hints: list[Text] = Field(default_factory=list)

    discussed: ClassVar[bool] = True
