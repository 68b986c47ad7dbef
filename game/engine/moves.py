"""Every move of the game, declared once: who plays it, in which phases, paused or not, undoable or not, and
its own check. The legal actions and the refusals both come from this table, as boardgame.io's moves map does."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from game.content.kinds import Facing, PlayingCard
from game.engine.records import State, majority, split
from game.engine.vocabulary import (
    Action,
    ActionType,
    IllegalAction,
    Phase,
    Refusal,
)

if TYPE_CHECKING:  # the engine never loads the authoring models: cards and scenario are only read
    pass

NOTE_MAX = 280


EXTENSION = 300.0  # seconds one "five more minutes" adds


PLAYING = frozenset({Phase.ANSWER, Phase.DISCUSS, Phase.REVEAL})


class Rules(Protocol):
    """What a move's check reads of the game (the `Game` of `rules`, which reads this table)."""

    every_team: bool
    teams: tuple[str, ...]
    cards: tuple[PlayingCard, ...]
    limit: float

    def facing(self, state: State) -> Facing: ...

    def answering_teams(self, state: State) -> tuple[int, ...]: ...

    def tied(self, state: State) -> tuple[tuple[int, ...], ...]: ...


Check = Callable[[Rules, State, Action], "Refusal | IllegalAction | None"]  # a refusal with values, ready made


@dataclass(frozen=True)
class Move:
    """One kind of action: where it is allowed, and what more it asks of the action itself."""

    phases: frozenset[Phase]
    wrong_phase: Refusal = Refusal.OVER  # the reason given in a phase not listed
    paused: bool | None = False  # False: not while paused; True: only while paused; None: either way
    undoable: bool = False
    by_program: bool = False  # the program writes it (a reopening); a table never sends it
    check: Check | None = None


def _check_answer(game: Rules, state: State, action: Action) -> Refusal | None:
    sets = game.facing(state).legal_answers
    if not game.every_team:
        return None if action.choices in sets and not action.teams else Refusal.NO_SUCH_CHOICE
    if len(action.teams) != len(game.teams):
        return Refusal.EVERY_TEAM
    if any(choices not in sets for choices in action.teams):
        return Refusal.NO_SUCH_CHOICE
    if not game.cards[state.index].room_decides:
        return Refusal.NO_SUCH_CHOICE if action.choices else None
    tied = split(action.teams)
    if tied:
        return None if action.choices in tied else Refusal.TIE
    return None if action.choices in ((), majority(action.teams)[0]) else Refusal.NO_SUCH_CHOICE


def _check_enter(game: Rules, state: State, action: Action) -> Refusal | None:
    if action.team not in game.answering_teams(state):
        return Refusal.NOT_ANSWERING
    return None if action.choices in game.facing(state).legal_answers else Refusal.NO_SUCH_CHOICE


def _check_clear(game: Rules, state: State, action: Action) -> Refusal | None:
    if action.team not in game.answering_teams(state):
        return Refusal.NOT_ANSWERING
    return Refusal.NOTHING_TO_CLEAR if state.entries[action.team] is None else None


def _check_reveal(game: Rules, state: State, action: Action) -> Refusal | IllegalAction | None:
    """Every answering team has an answer, or the facilitator reveals anyway (`force`) with at least one; on a
    split room whose majority choice happens, the facilitator's pick among the tied choices."""
    teams = game.answering_teams(state)
    missing = [t for t in teams if state.entries[t] is None]
    if len(missing) == len(teams):  # the teams named: « l'équipe 2 n'a pas répondu » one team in turn
        return IllegalAction(Refusal.NOBODY, teams=[t + 1 for t in missing])
    if missing and not action.force:
        return IllegalAction(Refusal.MISSING, teams=[t + 1 for t in missing])
    tied = game.tied(state)
    if tied:
        return None if action.choices in tied else Refusal.TIE
    return None if not action.choices else Refusal.NO_SUCH_CHOICE


def _check_extend(game: Rules, state: State, action: Action) -> Refusal | None:
    return None if math.isfinite(game.limit) else Refusal.UNTIMED


def _check_note(game: Rules, state: State, action: Action) -> Refusal | None:
    return Refusal.NOTE_TOO_LONG if "\n" in action.text or len(action.text) > NOTE_MAX else None


def _check_undo(game: Rules, state: State, action: Action) -> Refusal | None:
    return Refusal.NOTHING_TO_UNDO if state.previous is None else None


_REFUSAL_VALUES: dict[Refusal, dict[str, Any]] = {Refusal.NOTE_TOO_LONG: {"max": NOTE_MAX}}


def refused(reason: Refusal | IllegalAction, action: Action) -> IllegalAction:
    if isinstance(reason, IllegalAction):
        return reason
    values = {"action": action.type} if reason == Refusal.UNKNOWN else _REFUSAL_VALUES.get(reason, {})
    return IllegalAction(reason, **values)


MOVES: dict[str, Move] = {
    ActionType.ANSWER: Move(frozenset({Phase.ANSWER}), Refusal.NO_ANSWER_EXPECTED, undoable=True, check=_check_answer),
    ActionType.ENTER: Move(frozenset({Phase.ANSWER}), Refusal.NO_ANSWER_EXPECTED, check=_check_enter),
    ActionType.CLEAR: Move(frozenset({Phase.ANSWER}), Refusal.NO_ANSWER_EXPECTED, check=_check_clear),
    ActionType.REVEAL: Move(frozenset({Phase.ANSWER}), Refusal.NO_ANSWER_EXPECTED, undoable=True, check=_check_reveal),
    ActionType.EXTEND: Move(PLAYING, paused=None, check=_check_extend),
    ActionType.NEXT: Move(frozenset({Phase.DISCUSS, Phase.REVEAL}), Refusal.ANSWER_FIRST, undoable=True),
    ActionType.SKIP: Move(frozenset({Phase.ANSWER, Phase.DISCUSS}), Refusal.ALREADY_ANSWERED, undoable=True),
    ActionType.NOTE: Move(frozenset({Phase.DISCUSS}), Refusal.NOTE_IN_DEBATE, undoable=True, check=_check_note),
    ActionType.PAUSE: Move(PLAYING),
    ActionType.RESUME: Move(PLAYING, paused=True),
    ActionType.UNDO: Move(PLAYING, check=_check_undo),
    ActionType.END: Move(PLAYING, paused=None),
    ActionType.REOPEN: Move(PLAYING, paused=None, by_program=True),
}


TABLE_MOVES = tuple(ActionType(t) for t, move in MOVES.items() if not move.by_program)
