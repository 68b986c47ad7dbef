"""An event card: something that happens to the service, and its effects on the gauges."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from pydantic import (
    Field,
)

from game.content.cardbase import CardBase
from game.content.fields import Id, Text, Whole


class EventCard(CardBase):
    kind: Literal["event"]
    default_minutes: ClassVar[float] = 0.5
    prompt: Text
    effects: dict[Id, Whole] = Field(default_factory=dict)

    def arrival_effects(self) -> Mapping[str, int]:
        return self.effects

    def effect_places(self) -> list[tuple[tuple[str | int, ...], Mapping[str, int]]]:
        return [(("effects",), self.effects)]
