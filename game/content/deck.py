"""A deck file: its header and its cards."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    Field,
)

from game.content.cardbase import Strict
from game.content.cards import Card
from game.content.fields import Flag, Id, Text


class DeckInfo(Strict):
    id: Id
    replaces: Flag = False  # stands in for a deck of the same id (a shipped one): without it, an error
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
