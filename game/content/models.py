"""The authoring format as pydantic models: what labs write in YAML, checked field by field. One module per
kind of card (`question`, `debate`, `persona`, `situation`, `event`, `parcours`), what they share in `cardbase`
and `fields`, decks in `deck`, scenarios in `scenario`; this module is their one door.

Unknown fields are rejected so a misspelt key is reported instead of silently ignored.
Checks that need several files (aspects, gauges, deck references) live in `library`.
Validators raise errors named after keys of the catalogue (`game.wording.catalogue`), so they read in the
author's language.
"""

from __future__ import annotations

from game.content.cardbase import Answer, CardBase, Choices, Choosable, Option, Strict
from game.content.cards import Card
from game.content.debate import DebateCard
from game.content.deck import DeckFile, DeckInfo
from game.content.event import EventCard
from game.content.fields import (
    CONSTRAINTS,
    ID_PATTERN,
    KINDS,
    Constraint,
    Id,
    Kind,
    Rating,
    Text,
    constraint_label,
    refuse,
    slug,
)
from game.content.parcours import Condition, ParcoursCard, ParcoursOutcome, Route, Step, StepOption, best_path
from game.content.persona import PersonaCard, Usager
from game.content.question import QuestionCard
from game.content.scenario import (
    MAX_MINUTES,
    MAX_TEAMS,
    Debrief,
    DrawRule,
    Gauge,
    Minutes,
    ScenarioFile,
    ScenarioInfo,
    TeamRange,
    or_a_number,
)
from game.content.situation import SituationCard

__all__ = [
    "CONSTRAINTS", "ID_PATTERN", "KINDS", "MAX_MINUTES", "MAX_TEAMS", "Answer", "Card", "CardBase",
    "Choices", "Choosable", "Condition", "Constraint", "DebateCard", "DeckFile", "DeckInfo", "Debrief", "DrawRule",
    "EventCard", "Gauge", "Id", "Kind", "Minutes", "Option", "ParcoursCard", "ParcoursOutcome", "PersonaCard",
    "QuestionCard", "Rating", "Route", "ScenarioFile", "ScenarioInfo", "SituationCard", "Step", "StepOption", "Strict",
    "TeamRange", "Text", "Usager", "best_path", "constraint_label", "or_a_number", "refuse", "slug",
]
