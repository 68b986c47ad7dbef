"""The names the rules use, as enumerations (each one equals its string, which is what the log holds),
and the two things a front end exchanges with a table: the `Action` it sends, the `IllegalAction` it
may get back. Front ends import these, never the rules themselves.

Front ends word them (a refusal's reason, an end's cause) from their own catalogue; nothing here is
French or meant for a reader.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, NamedTuple


class ActionType(StrEnum):
    ANSWER = "answer"  # every answering team's answer and the reveal in one move (a bot's, a log of format 3)
    ENTER = "enter"  # one team's answer entered, or corrected: `team`, `choices`
    CLEAR = "clear"  # one team's answer taken back: `team`
    REVEAL = "reveal"  # the answers judged: when every answering team has one, or `force`d without the missing
    EXTEND = "extend"  # five more minutes, to the target and to the maximum
    NEXT = "next"
    SKIP = "skip"
    NOTE = "note"
    PAUSE = "pause"
    RESUME = "resume"
    UNDO = "undo"
    END = "end"
    REOPEN = "reopen"  # written by the program when a session is resumed


class Phase(StrEnum):
    ANSWER = "answer"  # the card waits for an answer
    DISCUSS = "discuss"  # an open debate, the facilitator may note it
    REVEAL = "reveal"  # the answer's verdict, or what an event did
    OVER = "over"


class Outcome(StrEnum):
    """What happened to one card."""

    ANSWERED = "answered"
    SKIPPED = "skipped"
    DISCUSSED = "discussed"
    EVENT = "event"


class EndReason(StrEnum):
    CARDS = "cards"
    TIME = "time"
    PANORAMA = "panorama"
    GAUGES = "gauges"
    FACILITATOR = "facilitator"


class Automatic(StrEnum):
    """Transitions the rules make by themselves; logged with `"auto": true` after the action that caused them."""

    EFFECTS = "effects"  # an event card changed the gauges as it arrived
    OVER = "over"  # the game ended, with its reason and winners
    ROUTE = "route"  # a parcours step was answered: where its choice leads (a step or an outcome)


class Refusal(StrEnum):
    """Why an action is refused: a key the front end words."""

    UNKNOWN = "unknown"
    OVER = "over"
    PAUSED = "paused"
    NOT_PAUSED = "not_paused"
    NOTHING_TO_UNDO = "nothing_to_undo"
    NO_ANSWER_EXPECTED = "no_answer_expected"
    NO_SUCH_CHOICE = "no_such_choice"
    ANSWER_FIRST = "answer_first"
    ALREADY_ANSWERED = "already_answered"
    NOTE_IN_DEBATE = "note_in_debate"
    NOTE_TOO_LONG = "note_too_long"
    PROGRAM_ONLY = "program_only"
    EVERY_TEAM = "every_team"  # all-teams mode: one answer per team is needed
    TIE = "tie"  # all-teams mode: the room is split, the facilitator picks which choice happens
    MISSING = "missing"  # a reveal before every answering team has an answer: `teams` names them (from 1)
    NOBODY = "nobody"  # a reveal with no answer at all: skip the card instead
    NOT_ANSWERING = "not_answering"  # an entry for a team that does not answer this card
    NOTHING_TO_CLEAR = "nothing_to_clear"  # that team has no answer to take back
    UNTIMED = "untimed"  # minutes added to a session without a clock
    TIME_BACKWARDS = "time_backwards"
    NOT_SAVED = "not_saved"  # not a rule: the table could not write the action to its log (a full disk)


class IllegalAction(Exception):
    """An action refused in the current state; `reason` is a key, `values` fill its wording."""

    def __init__(self, reason: Refusal, **values: Any):
        super().__init__(reason.value)
        self.reason = reason
        self.values = values


class Action(NamedTuple):
    """`choices`: the answering team's choices (one team at a time), or, when every team answers, the
    facilitator's pick among tied choices; `teams`: every team's choices, in team order, when every
    team answers the card. A named tuple: immutable, and quick to make (a bot makes one per move)."""

    type: str
    choices: tuple[int, ...] = ()
    text: str = ""
    teams: tuple[tuple[int, ...], ...] = ()
    team: int | None = None  # the team whose answer is entered or cleared, from 0
    force: bool = False  # a reveal with the missing teams recorded as giving no answer

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": str(self.type)}
        if self.team is not None:
            data["team"] = self.team
        if self.choices:
            data["choices"] = list(self.choices)
        if self.teams:
            data["teams"] = [list(c) for c in self.teams]
        if self.text:
            data["text"] = self.text
        if self.force:
            data["force"] = True
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Action:
        force = data.get("force", False)
        if not isinstance(force, bool):
            raise ValueError(f"force invalide ({force!r})")
        team = data.get("team")
        return cls(str(data["type"]), tuple(_index(c) for c in data.get("choices", ())), str(data.get("text", "")),
                   tuple(tuple(_index(c) for c in team) for team in data.get("teams", ())),
                   None if team is None else _index(team), force)


def _index(value: Any) -> int:
    """A choice's number as a log holds it; ValueError for anything else (text, true, 1.5, infinity)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    raise ValueError(f"choix invalide ({value!r})")


LATEST = 253_402_214_400.0  # a time stamp of the year 9999: past it, no calendar shows the date of a play
