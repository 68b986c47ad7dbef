"""Sessions whose every event reaches the disk before the state moves: nothing is lost on a crash."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from game.content.errors import display_path
from game.content.models import ScenarioInfo
from game.engine.record import Session, new_session
from game.engine.rules import Action, IllegalAction, State
from game.session.log import LogContents, LogError, LogWriter, read_log


class RecordedSession:
    """A `Session` tied to its log file; `act` writes the event, then moves the state."""

    def __init__(self, session: Session, writer: LogWriter, dropped_tail: bool = False):
        self.session = session
        self.writer = writer
        self.dropped_tail = dropped_tail

    @property
    def path(self) -> Path:
        return self.writer.path

    @property
    def state(self) -> State:
        return self.session.state

    @classmethod
    def start(cls, folder: Path, scenario: ScenarioInfo, pool: Sequence[Any], teams: Sequence[str], seed: int,
              aspects: dict[str, str], now: float) -> RecordedSession:
        """A new session, drawn and logged in `folder` under a name that sorts by date."""
        session_id = uuid.uuid4().hex[:12]
        stamp = datetime.fromtimestamp(now).strftime("%Y%m%d-%H%M%S")
        path = folder / f"{stamp}-{scenario.id}-{session_id[:6]}.jsonl"
        return cls.create(path, new_session(scenario, pool, teams, seed, now, aspects, session_id))

    @classmethod
    def create(cls, path: Path, session: Session) -> RecordedSession:
        """Start the log of a new session with its start event."""
        writer = LogWriter(path)
        writer.append(session.events[0])
        return cls(session, writer)

    @classmethod
    def resume(cls, path: Path, t: float) -> RecordedSession:
        """Replay the log, cut any broken last line, and mark the reopening so closed time is not counted."""
        contents = read_log(path)
        session = replay_log(path, contents)
        recorded = cls(session, LogWriter(path, truncate_at=contents.good_bytes), contents.dropped_tail)
        if not session.game.is_terminal(session.state):
            recorded.act(Action("reopen"), max(t, session.state.last_t))
        return recorded

    def act(self, action: Action, t: float) -> dict[str, Any]:
        state, event = self.session.preview(action, t)
        self.writer.append(event)
        self.session.commit(state, event)
        return event

    def close(self) -> None:
        self.writer.close()


def replay_log(path: Path, contents: LogContents | None = None) -> Session:
    """The session a log file holds; a log the rules cannot replay is reported, never a traceback."""
    contents = contents if contents is not None else read_log(path)
    try:
        return Session.replay(contents.events)
    except (IllegalAction, KeyError, ValueError, TypeError) as exc:
        raise LogError(f"{display_path(path)} : le journal ne se rejoue pas ({exc})") from None


def latest_unfinished(folder: Path, look_at: int = 10) -> Path | None:
    """The most recent log whose session has not ended, among the last few (start-up stays light)."""
    if not folder.is_dir():
        return None
    logs = sorted(folder.glob("*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True)[:look_at]
    return next((p for p in logs if not is_finished(p)), None)


def is_finished(path: Path) -> bool:
    """Whether a log's session has reached its end; unreadable logs count as finished (nothing to resume)."""
    try:
        session = replay_log(path)
    except LogError:
        return True
    return session.game.is_terminal(session.state)
