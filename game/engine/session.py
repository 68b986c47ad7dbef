"""A session as a list of events after its start: each action, then what the rules did by themselves.

The state is a pure function of the actions, so replaying them rebuilds it; the automatic events
(an event card's effects, the end and its reason) are written too, so the log alone tells the whole
story, and are recomputed, not read, on replay.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from game.engine.records import State
from game.engine.rules import Game
from game.engine.vocabulary import LATEST, Action, IllegalAction


class Session:
    """A game, its current state, and every event after the start; `act` is the only way forward."""

    def __init__(self, game: Game, t: float, recorded: bool = True):
        """`recorded`: keep the events; a session no log will hold (a simulation, a preview) skips them."""
        self.game = game
        self.recorded = recorded
        self.state: State = game.initial_state(t)
        self.events: list[dict[str, Any]] = []
        self.stopped: tuple[int, str] | None = None  # a replay that stopped early: at which event, and why
        if recorded:
            self.events += self._numbered(t, [tr.to_json() for tr in game.transitions(None, self.state)])

    def _numbered(self, t: float, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Sequence numbers follow the start event, which is number 0."""
        first = len(self.events) + 1
        return [{"seq": first + k, "t": t, **event} for k, event in enumerate(events)]

    def preview(self, action: Action, t: float, by_program: bool = False) -> tuple[State, list[dict[str, Any]]]:
        """The state after `action` and the events that record it, without committing either."""
        state = self.game.apply(self.state, action, t, by_program)
        if not self.recorded:
            return state, []
        automatic = [tr.to_json() for tr in self.game.transitions(self.state, state)]
        return state, self._numbered(t, [action.to_json(), *automatic])

    def commit(self, state: State, events: list[dict[str, Any]]) -> None:
        self.state = state
        self.events += events

    def act(self, action: Action, t: float, by_program: bool = False) -> list[dict[str, Any]]:
        state, events = self.preview(action, t, by_program)
        self.commit(state, events)
        return events

    @classmethod
    def replay(cls, game: Game, t: float, events: Iterable[Mapping[str, Any]]) -> Session:
        """Rebuild a session from the events after its start; automatic events are recomputed. It stops at
        the first event that does not replay (a log edited by hand, two programs that wrote it at once):
        `stopped` then holds its position among `events` and why."""
        session = cls(game, t)
        for k, event in enumerate(events):
            if event.get("auto"):
                continue
            try:
                action = Action.from_json(event)
                moment = float(event["t"])
                if not math.isfinite(moment) or not 0 <= moment <= LATEST:
                    raise ValueError(f"heure invalide ({event['t']!r})")
                session.act(action, moment, by_program=action.type == "reopen")
            except (IllegalAction, KeyError, ValueError, TypeError) as exc:
                session.stopped = (k, str(exc))
                break
        return session
