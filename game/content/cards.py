"""Every kind of card the authoring format knows: a card's `kind` picks its model."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from game.content.debate import DebateCard
from game.content.event import EventCard
from game.content.parcours import ParcoursCard
from game.content.persona import PersonaCard
from game.content.question import QuestionCard
from game.content.situation import SituationCard

Card = Annotated[
    Union[QuestionCard, DebateCard, PersonaCard, SituationCard, EventCard, ParcoursCard],
    Field(discriminator="kind"),
]
