"""The rules of a session as a pure state machine, in the spirit of OpenSpiel's Python games.

`Game` holds what never changes in a session (scenario, cards, teams); `State` is an immutable
snapshot; `Game.apply(state, action, t)` returns the next state or raises `IllegalAction` with
the reason. Time enters only as the `t` (seconds) carried by each action, so replaying the same
actions gives the same state. Undo returns the snapshot kept before the last undoable action.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from itertools import combinations
from typing import Any

from game.content.models import ScenarioInfo
from game.engine.draw import ROTATING_KINDS

# Actions a table can take; "reopen" is written by the program when a session is resumed.
PLAYER_ACTIONS = ("answer", "next", "skip", "note", "pause", "resume", "undo", "end")
SYSTEM_ACTIONS = ("reopen",)
UNDOABLE = frozenset({"answer", "next", "skip", "note"})
RATING_POINTS = {"best": 2, "acceptable": 1, "poor": 0}
NOTE_MAX = 280


class IllegalAction(Exception):
    """An action refused in the current state; the message says why, in French."""


@dataclass(frozen=True)
class Action:
    type: str
    choices: tuple[int, ...] = ()
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type}
        if self.choices:
            data["choices"] = list(self.choices)
        if self.text:
            data["text"] = self.text
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Action:
        return cls(str(data["type"]), tuple(int(c) for c in data.get("choices", ())), str(data.get("text", "")))


@dataclass(frozen=True)
class Play:
    """What happened to one card: a row of the debriefing sheet."""

    index: int
    card_id: str
    kind: str
    aspect: str
    team: int | None
    outcome: str  # answered | skipped | discussed | event
    choices: tuple[int, ...] = ()
    correct: bool | None = None
    rating: str | None = None
    points: int = 0
    deltas: tuple[tuple[str, int], ...] = ()
    gauges: tuple[int, ...] = ()  # every gauge's value once this card is done
    seconds: float = 0.0
    note: str = ""


@dataclass(frozen=True)
class State:
    phase: str  # answer | discuss | reveal | over
    index: int  # the card on the table
    turn: int  # answered rotating cards so far: the active team is turn % teams
    scores: tuple[int, ...]
    panoramas: tuple[frozenset[str], ...]
    gauges: tuple[int, ...]
    plays: tuple[Play, ...]
    note: str
    paused: bool
    elapsed: float  # seconds of play, pauses and closed periods excluded
    last_t: float
    card_started: float
    end_reason: str | None  # cards | time | panorama | gauges | facilitator
    previous: State | None

    def but(self, **changes: Any) -> State:
        """A copy with some fields changed: dataclasses.replace, which re-runs __init__ field by
        field, took most of a simulated session's time."""
        unknown = changes.keys() - _STATE_FIELDS
        if unknown:
            raise TypeError(f"State has no field {sorted(unknown)}")
        new = object.__new__(State)
        new.__dict__.update(self.__dict__, **changes)
        return new


_STATE_FIELDS = frozenset(f.name for f in fields(State))


class Game:
    """The fixed facts of one session and the rules that move its state."""

    def __init__(self, scenario: ScenarioInfo, cards: Sequence[Any], teams: Sequence[str]):
        if not teams or not cards:
            raise ValueError("a session needs at least one team and one card")
        self.scenario = scenario
        self.cards = tuple(cards)
        self.teams = tuple(teams)
        self.gauges = tuple(scenario.gauges)
        self.panorama = frozenset(c.aspect for c in self.cards if c.kind == "question")
        self._answers = [self._answer_actions(c) for c in self.cards]

    @staticmethod
    def _answer_actions(card: Any) -> tuple[Action, ...]:
        if card.kind == "question":
            n = len(card.answers)
            if card.multiple:
                return tuple(Action("answer", combo) for k in range(1, n + 1)
                             for combo in combinations(range(n), k))
            return tuple(Action("answer", (i,)) for i in range(n))
        if card.kind in ("persona", "situation"):
            return tuple(Action("answer", (i,)) for i in range(len(card.options)))
        return ()

    # -- reading the state -------------------------------------------------------------

    def initial_state(self, t: float) -> State:
        n = len(self.teams)
        state = State("answer", 0, 0, (0,) * n, (frozenset(),) * n, tuple(g.start for g in self.gauges),
                      (), "", False, 0.0, t, 0.0, None, None)
        return self._enter(state, 0)

    def card(self, state: State) -> Any | None:
        return self.cards[state.index] if state.index < len(self.cards) else None

    def current_team(self, state: State) -> int | None:
        """The team that answers the card on the table, or None for a table-wide card or the end."""
        card = self.card(state)
        if state.phase == "over" or card is None or card.kind not in ROTATING_KINDS:
            return None
        return state.turn % len(self.teams)

    def is_terminal(self, state: State) -> bool:
        return state.phase == "over"

    def answer_actions(self, state: State) -> tuple[Action, ...]:
        """The legal answers alone (empty when no answer is expected): what a player or bot picks from."""
        if state.phase != "answer" or state.paused:
            return ()
        return self._answers[state.index]

    def legal_actions(self, state: State) -> list[Action]:
        """Every action allowed now; a note's text is free, so it is listed once with no text."""
        if state.phase == "over":
            return []
        if state.paused:
            return [Action("resume"), Action("end")]
        actions: list[Action] = []
        if state.phase == "answer":
            actions += self._answers[state.index]
            actions.append(Action("skip"))
        elif state.phase == "discuss":
            actions += [Action("next"), Action("note"), Action("skip")]
        else:
            actions.append(Action("next"))
        if state.previous is not None:
            actions.append(Action("undo"))
        actions += [Action("pause"), Action("end")]
        return actions

    def refusal(self, state: State, action: Action) -> str | None:
        """Why the action is not allowed now, or None if it is."""
        kind = action.type
        if kind in SYSTEM_ACTIONS:
            return "la partie est terminée" if state.phase == "over" else None
        if kind not in PLAYER_ACTIONS:
            return f"action inconnue : {kind}"
        if state.phase == "over":
            return "la partie est terminée"
        if state.paused and kind not in ("resume", "end"):
            return "la partie est en pause : reprenez-la d'abord"
        if kind == "resume" and not state.paused:
            return "la partie n'est pas en pause"
        if kind == "undo" and state.previous is None:
            return "il n'y a rien à annuler"
        if kind == "answer":
            if state.phase != "answer":
                return "cette carte n'attend pas de réponse"
            if action not in self._answers[state.index]:
                return "ce choix n'existe pas pour cette carte"
        if kind == "next" and state.phase == "answer":
            return "la carte attend encore une réponse (ou passez-la)"
        if kind == "skip" and state.phase not in ("answer", "discuss"):
            return "la réponse est donnée : passez à la carte suivante"
        if kind == "note":
            if state.phase != "discuss":
                return "une note ne se prend que pendant un débat"
            if "\n" in action.text or len(action.text) > NOTE_MAX:
                return f"la note tient sur une ligne de {NOTE_MAX} caractères au plus"
        return None

    # -- moving the state --------------------------------------------------------------

    def apply(self, state: State, action: Action, t: float) -> State:
        reason = self.refusal(state, action)
        if reason is None and t < state.last_t:
            reason = "l'horodatage de l'action précède celui de la précédente"
        if reason is not None:
            raise IllegalAction(reason)
        if action.type == "reopen":
            return state.but(last_t=t)
        elapsed = state.elapsed if state.paused else state.elapsed + (t - state.last_t)
        clocked = state.but(elapsed=elapsed, last_t=t)
        handler = getattr(self, f"_on_{action.type}")
        new: State = handler(clocked, action)
        if action.type in UNDOABLE:
            new = new.but(previous=clocked)
        return new

    def _on_pause(self, state: State, action: Action) -> State:
        return state.but(paused=True)

    def _on_resume(self, state: State, action: Action) -> State:
        return state.but(paused=False)

    def _on_undo(self, state: State, action: Action) -> State:
        back = state.previous
        assert back is not None
        return back.but(elapsed=state.elapsed, last_t=state.last_t, paused=False)

    def _on_note(self, state: State, action: Action) -> State:
        return state.but(note=action.text.strip())

    def _on_end(self, state: State, action: Action) -> State:
        if state.phase == "discuss":
            state = self._record(state, self._play(state, "discussed", note=state.note))
        return state.but(phase="over", end_reason="facilitator", paused=False)

    def _on_skip(self, state: State, action: Action) -> State:
        return self._advance(self._record(state, self._play(state, "skipped")))

    def _on_next(self, state: State, action: Action) -> State:
        if state.phase == "discuss":
            return self._advance(self._record(state, self._play(state, "discussed", note=state.note)))
        card = self.cards[state.index]
        turn = state.turn + 1 if card.kind in ROTATING_KINDS else state.turn
        return self._advance(state.but(turn=turn))

    def _on_answer(self, state: State, action: Action) -> State:
        card = self.cards[state.index]
        team = state.turn % len(self.teams)
        if card.kind == "question":
            correct = set(action.choices) == set(card.correct_choices)
            play = self._play(state, "answered", team=team, choices=action.choices,
                              correct=correct, points=int(correct))
            panoramas = state.panoramas
            if correct:
                panoramas = tuple(p | {card.aspect} if i == team else p for i, p in enumerate(panoramas))
            state = state.but(panoramas=panoramas)
        else:
            option = card.options[action.choices[0]]
            gauges, deltas = self._effects(state.gauges, option.effects)
            state = state.but(gauges=gauges)
            play = self._play(state, "answered", team=team, choices=action.choices, rating=option.rating,
                              points=RATING_POINTS[option.rating], deltas=deltas)
        scores = tuple(s + play.points if i == team else s for i, s in enumerate(state.scores))
        return self._record(state, play).but(scores=scores, phase="reveal")

    # -- helpers ---------------------------------------------------------------------------

    def _effects(self, gauges: tuple[int, ...], effects: dict[str, int]) -> tuple[tuple[int, ...], tuple[tuple[str, int], ...]]:
        values = list(gauges)
        deltas = []
        for i, gauge in enumerate(self.gauges):
            if gauge.id in effects:
                new = min(gauge.max, max(gauge.min, values[i] + effects[gauge.id]))
                deltas.append((gauge.id, new - values[i]))
                values[i] = new
        return tuple(values), tuple(deltas)

    def _play(self, state: State, outcome: str, **fields: Any) -> Play:
        card = self.cards[state.index]
        fields.setdefault("gauges", state.gauges)
        return Play(state.index, card.id, card.kind, card.aspect, fields.pop("team", None), outcome,
                    seconds=round(state.elapsed - state.card_started, 3), **fields)

    @staticmethod
    def _record(state: State, play: Play) -> State:
        return state.but(plays=state.plays + (play,), note="")

    def _advance(self, state: State) -> State:
        """Leave the card on the table: end the game if a rule says so, else show the next card."""
        reason = None
        if self.scenario.win == "panorama" and self.panorama and any(p >= self.panorama for p in state.panoramas):
            reason = "panorama"
        elif any(g.losing(v) for g, v in zip(self.gauges, state.gauges)):
            reason = "gauges"
        elif state.elapsed >= self.scenario.minutes.max * 60:
            reason = "time"
        elif state.index + 1 >= len(self.cards):
            reason = "cards"
        if reason is not None:
            return state.but(phase="over", end_reason=reason, index=state.index + 1)
        return self._enter(state, state.index + 1)

    def _enter(self, state: State, index: int) -> State:
        card = self.cards[index]
        state = state.but(index=index, card_started=state.elapsed, note="")
        if card.kind == "debate":
            return state.but(phase="discuss")
        if card.kind == "event":
            gauges, deltas = self._effects(state.gauges, card.effects)
            state = state.but(gauges=gauges)
            return self._record(state, self._play(state, "event", deltas=deltas)).but(phase="reveal")
        return state.but(phase="answer")

    # -- results -----------------------------------------------------------------------------

    def winners(self, state: State) -> tuple[int, ...]:
        """Winning teams once over: a full panorama, else most points; gauges are won by all or none."""
        if state.phase != "over":
            return ()
        n = range(len(self.teams))
        if self.scenario.win == "gauges":
            lost = any(g.losing(v) for g, v in zip(self.gauges, state.gauges))
            return () if lost else tuple(n)
        if self.scenario.win == "panorama" and self.panorama:
            full = tuple(i for i in n if state.panoramas[i] >= self.panorama)
            if full:
                return full
        best = max(state.scores)
        return tuple(i for i in n if state.scores[i] == best) if best > 0 else ()
