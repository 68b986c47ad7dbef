"""A session as a list of events: the first one holds everything needed to rebuild the game.

The start event embeds the scenario and the drawn cards themselves, not only their ids, so a
log replays, resumes and prints the same sheet even after its deck files have been edited.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import TypeAdapter

from game.content.models import Card, ScenarioInfo
from game.engine.draw import draw_cards
from game.engine.rules import Action, Game, State

LOG_FORMAT = 1
_CARDS = TypeAdapter(list[Card])


def new_session(scenario: ScenarioInfo, pool: Sequence[Any], teams: Sequence[str], seed: int, t: float,
                aspects: dict[str, str], session_id: str = "") -> Session:
    """Draw the session's cards from the pool; the start event describes the whole session."""
    cards = draw_cards(scenario, pool, len(teams), seed)
    start = {
        "seq": 0, "type": "start", "t": t, "format": LOG_FORMAT, "session": session_id, "seed": seed,
        "teams": list(teams),
        "scenario": scenario.model_dump(mode="json"),
        "aspects": _aspect_labels(cards, aspects),
        "cards": [c.model_dump(mode="json") for c in cards],
    }
    return Session(start, Game(scenario, cards, teams))


def _aspect_labels(cards: Sequence[Any], labels: dict[str, str]) -> dict[str, str]:
    """The drawn cards' aspects with their labels, in the decks' order (the order of the sheet)."""
    used = {c.aspect for c in cards}
    ordered = {a: label for a, label in labels.items() if a in used}
    ordered.update({a: a for a in sorted(used - ordered.keys())})
    return ordered


def game_from_start(event: dict[str, Any]) -> Game:
    scenario = ScenarioInfo.model_validate(event["scenario"])
    return Game(scenario, _CARDS.validate_python(event["cards"]), event["teams"])


class Session:
    """A game, its current state, and every event so far; `act` is the only way forward."""

    def __init__(self, start: dict[str, Any], game: Game | None = None):
        self.game = game if game is not None else game_from_start(start)
        self.state: State = self.game.initial_state(float(start["t"]))
        self.events: list[dict[str, Any]] = [start]

    def preview(self, action: Action, t: float) -> tuple[State, dict[str, Any]]:
        """The state after `action` and the event that records it, without committing either."""
        state = self.game.apply(self.state, action, t)
        event = {"seq": len(self.events), "t": t, **action.to_json()}
        return state, event

    def commit(self, state: State, event: dict[str, Any]) -> None:
        self.state = state
        self.events.append(event)

    def act(self, action: Action, t: float) -> dict[str, Any]:
        state, event = self.preview(action, t)
        self.commit(state, event)
        return event

    @classmethod
    def replay(cls, events: Iterable[dict[str, Any]]) -> Session:
        """Rebuild a session from its events; an event the rules refuse means a corrupt log."""
        it = iter(events)
        session = cls(next(it))
        for event in it:
            session.act(Action.from_json(event), float(event["t"]))
        return session
