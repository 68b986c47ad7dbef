"""The decks and scenarios once loaded: each deck with its document, those that could not be read, and the
library that holds them with their errors and gives a scenario its pool of cards."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.content.errors import ContentError
from game.content.models import (
    ID_PATTERN,
    DeckInfo,
    DrawRule,
    Gauge,
    ScenarioInfo,
)
from game.content.yamldoc import YamlDocument


@dataclass
class LoadedDeck:
    info: DeckInfo
    entries: list[tuple[int, Any]]  # (index in the file's card list, valid card)
    doc: YamlDocument
    priority: int

    @property
    def cards(self) -> list[Any]:
        return [card for _, card in self.entries]

    @property
    def aspects(self) -> list[str]:
        return list(self.info.aspects)


@dataclass
class UnreadDeck:
    """A deck whose header was refused: it cannot be played, but its cards are still checked, so one mistake in
    the header does not hide the others."""

    aspects: list[str]  # the keys written under `deck.aspects`, refused ones included
    entries: list[tuple[int, Any]]
    doc: YamlDocument


def raw_aspects(doc: YamlDocument) -> list[tuple[int, str]]:
    """Each card's aspect as written, invalid cards included, so a wrong aspect is reported with the rest."""
    raw = doc.data.get("cards") if isinstance(doc.data, dict) else None
    if not isinstance(raw, list):
        return []
    return [(i, card["aspect"]) for i, card in enumerate(raw)
            if isinstance(card, dict) and isinstance(card.get("aspect"), str) and ID.match(card["aspect"])]


@dataclass
class LoadedScenario:
    info: ScenarioInfo
    doc: YamlDocument
    priority: int


@dataclass
class Library:
    """Everything loaded, and every error met while loading; usable even when some files are wrong."""

    decks: dict[str, LoadedDeck] = field(default_factory=dict)
    scenarios: dict[str, LoadedScenario] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)  # files whose errors are reported
    authoring: bool = False  # the authoring tools' extra checks are made
    # What could not be loaded, so that its consequences are one note and not a cascade of false errors:
    unread_files: list[YamlDocument] = field(default_factory=list)  # decks and scenarios that are not YAML data
    unread_decks: dict[str, UnreadDeck] = field(default_factory=dict)  # by the id written in the refused header
    flawed_decks: dict[str, str] = field(default_factory=dict)  # deck id -> its file, when some cards were refused
    unread_gauges: set[str] = field(default_factory=set)  # gauge ids written in refused scenarios

    def pool(self, scenario: ScenarioInfo) -> list[Any]:
        """The cards a scenario may draw: those of its decks that match one of its draw rules."""
        rules = scenario.draw_rules
        return [card for deck_id in scenario.decks if deck_id in self.decks
                for card in self.decks[deck_id].cards
                if any(matches(rule, card) for rule in rules)]

    def origins(self, scenario: ScenarioInfo) -> dict[str, tuple[str, int]]:
        """Each card of the scenario's decks with its deck's id and version: what a learner's history keeps."""
        return {card.id: (deck_id, self.decks[deck_id].info.version) for deck_id in scenario.decks
                if deck_id in self.decks for card in self.decks[deck_id].cards}

    def languages(self, scenario: ScenarioInfo) -> dict[str, str]:
        """The language each of the scenario's decks is written in (deck id -> tag): what a learning record says."""
        return {deck_id: self.decks[deck_id].info.language for deck_id in scenario.decks if deck_id in self.decks}

    def gauge_ids(self) -> set[str]:
        """The gauges an effect may name: those of loaded scenarios and those written in refused ones."""
        return {g.id for g in self.gauges()} | self.unread_gauges

    def gauges(self) -> list[Gauge]:
        """Every gauge some loaded scenario defines, once per id (the first source's definition)."""
        found: dict[str, Gauge] = {}
        for scenario in self.scenarios.values():
            for gauge in scenario.info.gauges:
                found.setdefault(gauge.id, gauge)
        return list(found.values())

    def aspect_labels(self, scenario: ScenarioInfo) -> dict[str, str]:
        labels: dict[str, str] = {}
        for deck_id in scenario.decks:
            if deck_id in self.decks:
                for key, label in self.decks[deck_id].info.aspects.items():
                    labels.setdefault(key, label)
        return labels


ID = re.compile(ID_PATTERN)


def matches(rule: DrawRule, card: Any) -> bool:
    return card.kind in rule.kinds and (rule.aspects is None or card.aspect in rule.aspects)


def deck_reported(library: Library, deck: LoadedDeck | UnreadDeck) -> bool:
    return deck.doc.shown in library.checked


def card_effects(card: Any, i: int = 0) -> list[tuple[tuple[Any, ...], Mapping[str, int]]]:
    """The gauge changes a card can make, each with its place in a deck whose card list has it at `i`."""
    return [(("cards", i) + place, effects) for place, effects in card.effect_places()]
