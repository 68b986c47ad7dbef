"""What a session's state is made of: each team's answer, each card played, the state itself, and the
transitions the rules make on their own; immutable records, and how a room's answers make a majority."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from game.engine.vocabulary import (
    Automatic,
    EndReason,
    Outcome,
    Phase,
)

if TYPE_CHECKING:  # the engine never loads the authoring models: cards and scenario are only read
    pass

class TeamAnswer(NamedTuple):
    """One team's answer to a card and what it was worth. Named tuples, like `Play`: immutable, and made
    three times faster than frozen dataclasses, which a batch of simulations makes by the hundred thousand."""

    team: int
    choices: tuple[int, ...]
    success: bool  # the right answer, or the best option
    points: int
    correct: bool | None = None  # questions only
    rating: str | None = None  # options only


class Play(NamedTuple):
    """What happened to one card: a row of the debriefing sheet."""

    index: int  # type: ignore[assignment]  # the card's place; tuple.index is never called on a Play
    card_id: str
    kind: str
    aspect: str
    outcome: Outcome
    answers: tuple[TeamAnswer, ...] = ()  # the answering team's, or every team's in team order
    applied: tuple[int, ...] = ()  # the choices whose effects happened: the team's, or the room's majority
    deltas: tuple[tuple[str, int], ...] = ()
    gauges: tuple[int, ...] = ()  # every gauge's value once this card is done
    seconds: float = 0.0  # on this card
    elapsed: float = 0.0  # of play when the card was played
    note: str = ""
    at: float = 0.0  # the time stamp of the action that settled the card (the clock's reading passed in)
    step: str = ""  # the parcours step answered (one play per step)
    leads: str = ""  # where the choice made at that step leads: the next step, or an outcome
    reached: str = ""  # the outcome, when the step ended the parcours
    completes: tuple[int, ...] = ()  # the teams whose panorama this answer completed


@dataclass(frozen=True)
class State:
    phase: Phase
    index: int  # the card on the table
    turn: int  # answered team cards so far: the active team is turn % teams (one team at a time)
    scores: tuple[int, ...]
    panoramas: tuple[frozenset[str], ...]
    completed: tuple[float | None, ...]  # seconds of play when each team completed its panorama
    gauges: tuple[int, ...]
    plays: tuple[Play, ...]
    note: str
    paused: bool
    elapsed: float  # seconds of play, pauses and closed periods excluded
    last_t: float
    card_started: float
    end_reason: EndReason | None
    previous: State | None
    step: str = ""  # the parcours step on the table; empty for a card answered at once
    flags: frozenset[str] = frozenset()  # set by the parcours's choices so far
    route: str = ""  # where the step just answered leads: the next step, or an outcome
    steps: int = 0  # steps answered in this parcours
    entries: tuple[tuple[int, ...] | None, ...] = ()  # each team's answer entered so far on the card on the table
    extra: float = 0.0  # seconds the facilitator added to the target and the maximum
    finished_in: tuple[int | None, ...] = ()  # the round (one team in turn) or the play (every team) of each panorama
    coming: tuple[int, ...] = ()  # the cards still to deal after the one on the table, in order (by index)
    dealt: int = 1  # cards put on the table so far, a card dealt again included

    def but(self, **changes: Any) -> State:
        """A copy with some fields changed. dataclasses.replace, which re-runs __init__ field by field,
        took most of a simulated session's time; this copies the fields' dictionary. Field names are
        checked once by a test (`test_state_copies_name_only_state_fields`), not on every call."""
        new = object.__new__(State)
        object.__setattr__(new, "__dict__", {**self.__dict__, **changes})
        return new


@dataclass(frozen=True)
class Transition:
    """A change the rules made by themselves, written to the log after the action that caused it."""

    type: Automatic
    card: str = ""
    deltas: tuple[tuple[str, int], ...] = ()
    reason: EndReason | None = None
    winners: tuple[int, ...] = ()
    step: str = ""
    to: str = ""

    def to_json(self) -> dict[str, Any]:
        if self.type == Automatic.EFFECTS:
            return {"type": str(self.type), "auto": True, "card": self.card, "deltas": dict(self.deltas)}
        if self.type == Automatic.ROUTE:  # the log tells the path taken without replaying it
            return {"type": str(self.type), "auto": True, "card": self.card, "step": self.step, "to": self.to}
        return {"type": str(self.type), "auto": True, "reason": str(self.reason), "winners": list(self.winners)}


def majority(answers: Sequence[tuple[int, ...]]) -> tuple[tuple[int, ...], ...]:
    """The answers given by the most teams, in choice order: one, or several when the room is split."""
    counts: dict[tuple[int, ...], int] = {}
    for choices in answers:
        counts[choices] = counts.get(choices, 0) + 1
    most = max(counts.values(), default=0)
    return tuple(sorted(c for c, n in counts.items() if n == most))


def split(answers: Sequence[tuple[int, ...]]) -> tuple[tuple[int, ...], ...]:
    """The choices these answers tie for the room's majority, or nothing when one choice leads."""
    top = majority(answers)
    return top if len(top) > 1 else ()
