"""A session log read back: its start record and the session its events rebuild.

Replaying is how resume and the sheet learn what a log holds; a log the rules cannot replay is
reported as a sentence, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.content.errors import display_path
from game.engine.vocabulary import IllegalAction
from game.engine.session import Session
from game.session.log import LogContents, LogError, read_log
from game.session.start import SessionStart, StartError


@dataclass
class Replayed:
    start: SessionStart
    session: Session
    contents: LogContents

    @property
    def finished(self) -> bool:
        return self.session.game.is_terminal(self.session.state)


def replay_log(path: Path) -> Replayed:
    """The session a log file holds."""
    contents = read_log(path)
    shown = display_path(path)
    try:
        start = SessionStart.from_json(contents.events[0])
    except StartError as exc:
        raise LogError(f"{shown}:1: {exc}") from None
    try:
        session = Session.replay(start.game, start.t, contents.events[1:])
    except (IllegalAction, KeyError, ValueError, TypeError) as exc:
        raise LogError(f"{shown} : le journal ne se rejoue pas ({exc})") from None
    return Replayed(start, session, contents)
