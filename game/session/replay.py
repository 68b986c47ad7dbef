"""A session log read back: its start record and the session its events rebuild.

Replaying is how resume and the sheet learn what a log holds; a log the rules cannot replay is
reported as a sentence, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.engine.session import Session
from game.paths import display_path
from game.session.log import LogContents, LogError, read_log, set_aside
from game.session.start import SessionStart, StartError
from game.wording.catalogue import tr


@dataclass
class Replayed:
    start: SessionStart
    session: Session
    contents: LogContents

    @property
    def finished(self) -> bool:
        return self.session.game.is_terminal(self.session.state)


def replay_log(path: Path) -> Replayed:
    """The session a log file holds, up to its first event that is damaged or does not replay (the
    contents are then cut there, and say what was left out)."""
    contents = read_log(path)
    shown = display_path(path)
    try:
        start = SessionStart.from_json(contents.events[0])
    except StartError as exc:
        raise LogError(f"{shown}:1: {exc}") from None
    session = Session.replay(start.game, start.t, contents.events[1:])
    if session.stopped is not None:
        k, why = session.stopped
        bad = k + 1  # the start event comes first
        contents = contents.cut(bad, tr("log.not_replayed", where=f"{shown}:{contents.lines[bad]}", why=why,
                                        rest=set_aside(len(contents.events) - bad - 1)))
    return Replayed(start, session, contents)
