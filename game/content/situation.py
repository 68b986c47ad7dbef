"""A situation card: a dilemma with a partner, and its options."""

from __future__ import annotations

from typing import ClassVar, Literal

from game.content.cardbase import OptionsCard
from game.content.fields import Text


class SituationCard(OptionsCard):
    kind: Literal["situation"]
    default_minutes: ClassVar[float] = 2.0
    partner: Text | None = None
    prompt: Text
