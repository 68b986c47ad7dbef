"""The first event of a session log as a typed record: everything needed to rebuild the game.

It embeds the scenario and the drawn cards themselves, not only their ids, so a log replays,
resumes and prints the same sheet even after its deck files have been edited. Its format version
is checked when a log is read: a log written by a newer program is refused with a sentence.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import TypeAdapter, ValidationError

from game.content.models import Card, DrawRule, ScenarioInfo
from game.engine.draw import draw_cards, panorama_aspects, rotation_teams
from game.engine.rules import Game
from game.engine.shuffle import Orders, displayed, option_orders, order_problem
from game.engine.vocabulary import LATEST
from game.fonts import profile_name_problem, team_name_problem
from game.wording.catalogue import ntr, tr

LOG_FORMAT = 4  # 4: each card's choices in the session's shuffled order; each team's entry a move; one team
# in turn, a full panorama ends the game at the end of its round;
# 3: every team may answer each card, the panorama's aspects are recorded;
# 2: automatic transitions are logged. Logs of formats 1 to 3 still replay (their choices in authored order).
_CARDS = TypeAdapter(list[Card])


class StartError(ValueError):
    """A start event that cannot be used; the message is a sentence for the user."""


class NoCards(StartError):
    """The draw deals no card for this many teams: the message says so; `validate` tells the author first."""


class TooManyTeams(ValueError):
    """One team in turn, more teams than the scenario's time gives each a round per aspect of its panorama."""

    def __init__(self, served: int):
        super().__init__(f"rotation serves {served} teams")
        self.served = served


@dataclass(frozen=True)
class SessionStart:
    session_id: str
    t: float
    seed: int
    teams: tuple[str, ...]
    scenario: ScenarioInfo
    cards: tuple[Any, ...]
    aspects: Mapping[str, str]  # the drawn cards' aspects and their labels, in the decks' order
    format: int = LOG_FORMAT
    panorama: tuple[str, ...] | None = None  # the aspects a full panorama needs; None: those of the cards
    profile: str | None = None  # a solo learner's profile: the session counts in their progress
    origins: Mapping[str, tuple[str, int]] = field(default_factory=dict)  # card id -> (deck id, deck version)
    orders: Orders = field(default_factory=dict)  # card id -> place -> the choices' display order
    languages: Mapping[str, str] = field(default_factory=dict)  # deck id -> the language its cards are written in
    game: Game = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """The game plays the cards as the table sees them: `cards` stay as authored (the log's copy),
        their choices shown in the session's `orders`."""
        object.__setattr__(self, "game", Game(self.scenario, displayed(self.cards, self.orders), self.teams,
                                              self.panorama, full_rounds=self.format >= 4))

    @classmethod
    def new(cls, scenario: ScenarioInfo, pool: Sequence[Any], teams: Sequence[str], seed: int, t: float,
            aspects: Mapping[str, str], session_id: str = "", answering: str | None = None,
            profile: str | None = None, origins: Mapping[str, tuple[str, int]] | None = None,
            chosen: Sequence[str] | None = None, languages: Mapping[str, str] | None = None) -> SessionStart:
        """Draw the session's cards from the pool. `answering` overrides the scenario's answering mode (the
        facilitator's choice on the setup screen); the log keeps the scenario as played. `origins` tells
        each card's deck and version, kept for the drawn cards: a learner's history outlives deck edits, and a
        lab's learning records name them; `languages`, the drawn cards' decks' languages (deck id -> tag).
        `chosen`: the cards a trainer chose for the workshop (a session plan), every one played, in the draw's
        fair order; the panorama stays the scenario's."""
        if answering is not None and answering != scenario.answering:
            if answering not in get_args(ScenarioInfo.model_fields["answering"].annotation):
                raise ValueError(f"unknown answering mode {answering!r}")
            scenario = scenario.model_copy(update={"answering": answering})
        if scenario.answering == "rotation" and len(teams) > 1 and chosen is None:
            served = rotation_teams(scenario, pool, len(teams))
            if served < len(teams):
                raise TooManyTeams(served)
        cards = draw_chosen(scenario, pool, chosen, len(teams), seed)
        if not cards:
            raise NoCards(tr("start.no_cards", teams=ntr("count.teams", len(teams)), title=scenario.title))
        panorama = panorama_aspects(scenario, pool)
        labels = _aspect_labels(cards, aspects, panorama)
        drawn = {c.id: tuple(origins[c.id]) for c in cards if origins and c.id in origins}
        decks = {deck for deck, _ in drawn.values()}
        return cls(session_id, t, seed, tuple(teams), scenario, tuple(cards), labels,
                   panorama=tuple(a for a in labels if a in panorama), profile=profile, origins=drawn,
                   orders=option_orders(cards, seed),
                   languages={deck: tag for deck, tag in (languages or {}).items() if deck in decks})

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": 0, "type": "start", "t": self.t, "format": self.format, "session": self.session_id,
            "seed": self.seed, "teams": list(self.teams), "scenario": self.scenario.model_dump(mode="json"),
            "aspects": dict(self.aspects), "cards": [c.model_dump(mode="json") for c in self.cards],
            **({"panorama": list(self.panorama)} if self.panorama is not None else {}),
            **({"profile": self.profile} if self.profile is not None else {}),
            **({"origins": {card: list(origin) for card, origin in self.origins.items()}} if self.origins else {}),
            **({"orders": {card: {place: list(order) for place, order in places.items()}
                           for card, places in self.orders.items()}} if self.orders else {}),
            **({"languages": dict(self.languages)} if self.languages else {}),
        }

    @classmethod
    def from_json(cls, event: Mapping[str, Any]) -> SessionStart:
        """The record a log's first line holds; every field is checked, the format first."""
        version = event.get("format", 1)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise StartError(tr("start.format", version=repr(version)))
        if version > LOG_FORMAT:
            raise StartError(tr("start.newer", version=version, known=LOG_FORMAT))
        t = event.get("t")
        if not isinstance(t, (int, float)) or isinstance(t, bool) or not math.isfinite(t) or not 0 <= t <= LATEST:
            raise StartError(tr("start.time", t=repr(t)))
        teams = event.get("teams")
        if not isinstance(teams, list) or not teams or not all(isinstance(n, str) and n.strip() for n in teams):
            raise StartError(tr("start.teams"))
        for name in teams:
            problem = team_name_problem(name) if name != event.get("profile") else None  # a learner: checked below
            if problem is not None:
                raise StartError(problem)
        aspects = event.get("aspects", {})
        if not isinstance(aspects, dict) or not all(isinstance(v, str) for v in aspects.values()):
            raise StartError(tr("start.aspects"))
        seed = event.get("seed", 0)
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise StartError(tr("start.seed", seed=repr(seed)))
        try:
            scenario = ScenarioInfo.model_validate(event.get("scenario"))
            cards = _CARDS.validate_python(event.get("cards"))
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(part) for part in first["loc"])
            raise StartError(tr("start.content", where=where, problem=first["msg"])) from None
        panorama = event.get("panorama")
        if panorama is not None and (not isinstance(panorama, list) or not all(isinstance(a, str) for a in panorama)):
            raise StartError(tr("start.panorama"))
        profile = event.get("profile")
        if profile is not None and (not isinstance(profile, str) or profile_name_problem(profile) is not None):
            problem = profile_name_problem(profile) if isinstance(profile, str) else repr(profile)
            raise StartError(tr("start.profile", profile=problem))
        origins = event.get("origins", {})
        if not isinstance(origins, dict) or not all(
                isinstance(o, list) and len(o) == 2 and isinstance(o[0], str) and isinstance(o[1], int)
                and not isinstance(o[1], bool) for o in origins.values()):
            raise StartError(tr("start.origins"))
        orders = _orders(event.get("orders", {}), cards)
        languages = event.get("languages", {})
        if not isinstance(languages, dict) or not all(isinstance(v, str) for v in languages.values()):
            raise StartError(tr("start.languages"))
        try:
            return cls(str(event.get("session", "")), float(t), seed, tuple(teams), scenario, tuple(cards),
                       aspects, version, tuple(panorama) if panorama is not None else None, profile,
                       {card: (o[0], o[1]) for card, o in origins.items()}, orders, languages)
        except ValueError as exc:
            raise StartError(str(exc)) from None


def draw_chosen(scenario: ScenarioInfo, pool: Sequence[Any], chosen: Sequence[str] | None, teams: int,
                seed: int) -> list[Any]:
    """The scenario's draw, or every one of the `chosen` cards, in the order the draw gives cards: one per team
    on the same aspect (one team in turn) or round-robin by aspect, the cards every team discusses spread
    between them."""
    if chosen is None:
        return draw_cards(scenario, pool, teams, seed)
    wanted = set(chosen)
    cards = [card for card in pool if card.id in wanted]
    answered = sorted({c.kind for c in cards if c.team_answers})
    shared = sorted({c.kind for c in cards if not c.team_answers})
    rules = [DrawRule(kinds=kinds, count=sum(c.kind in kinds for c in cards)) for kinds in (answered, shared) if kinds]
    return draw_cards(scenario.model_copy(update={"draw": rules}), cards, teams, seed)


def _orders(raw: Any, cards: Sequence[Any]) -> dict[str, dict[str, tuple[int, ...]]]:
    """The recorded display orders, each checked against its card: a log edited by hand is refused, not misread."""
    if not isinstance(raw, dict) or not all(isinstance(places, dict) for places in raw.values()):
        raise StartError(tr("start.orders"))
    by_id = {card.id: card for card in cards}
    orders: dict[str, dict[str, tuple[int, ...]]] = {}
    for card_id, places in raw.items():
        if card_id not in by_id:
            raise StartError(tr("start.order_of_absent", card=repr(card_id)))
        if not all(isinstance(o, list) and all(isinstance(i, int) and not isinstance(i, bool) for i in o)
                   for o in places.values()):
            raise StartError(tr("start.order_of", card=card_id))
        problem = order_problem(by_id[card_id], places)
        if problem is not None:
            raise StartError(tr(problem[0], **problem[1]))
        orders[card_id] = {place: tuple(order) for place, order in places.items()}
    return orders


def _aspect_labels(cards: Sequence[Any], labels: Mapping[str, str], panorama: set[str]) -> dict[str, str]:
    """The drawn cards' and the panorama's aspects with their labels, in the decks' order (the sheet's)."""
    used = {c.aspect for c in cards} | panorama
    ordered = {a: label for a, label in labels.items() if a in used}
    ordered.update({a: a for a in sorted(used - ordered.keys())})
    return ordered
