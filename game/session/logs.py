"""The session logs of a folder: which one was interrupted, without loading the rules.

A session's end is written to its log (an automatic `over` event), so the home screen finds the
session to resume by reading lines, before its first frame needs pydantic or the engine.
"""

from __future__ import annotations

import json
from pathlib import Path

from game.session.log import LogError, read_log


def latest_unfinished(folder: Path, look_at: int = 10) -> Path | None:
    """The most recent log whose session has not ended, among the last few (start-up stays light)."""
    return next((p for p in _recent(folder, look_at) if not is_finished(p)), None)


def pending(folder: Path, look_at: int = 10) -> tuple[Path | None, list[Path]]:
    """Among the last few logs, each read once: the most recent unfinished session, and the sessions that ended
    without their sheet (the program was stopped between the last action and the sheet, or the disk was full).
    The scraps a killed program left behind (a sheet half written beside its place) are removed first."""
    from game.atomic import clear_scraps

    clear_scraps(folder)
    unfinished, missing = None, []
    for path in _recent(folder, look_at):
        ended = _ended(path)
        if ended is False and unfinished is None:
            unfinished = path
        elif ended and not (path.with_suffix(".pdf").exists() and path.with_suffix(".csv").exists()):
            missing.append(path)  # the sheet and its CSV go together: either one missing, both are written
    return unfinished, missing


def _recent(folder: Path, look_at: int) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True)[:look_at]


def is_finished(path: Path) -> bool:
    """Whether a log's session has reached its end; unreadable logs count as finished (nothing to resume)."""
    return _ended(path) is not False


def _ended(path: Path) -> bool | None:
    """Whether a log's session has reached its end; None for a log that cannot be read."""
    try:
        events = read_log(path).events
    except LogError:
        return None
    version = events[0].get("format", 1)
    if isinstance(version, int) and version >= 2:
        return any(e.get("type") == "over" and e.get("auto") for e in events)
    # A format-1 log, written before the end was logged: only replaying it tells; the rules load here.
    from game.session.replay import replay_log

    try:
        return replay_log(path).finished
    except LogError:
        return None


def profile_of(log: Path) -> str | None:
    """The learner's profile a log's start record names, read from its first line alone; None for any other log
    (a workshop's, or a first line not whole yet). A log that cannot be opened raises OSError."""
    with open(log, encoding="utf-8", errors="replace") as lines:
        try:
            start = json.loads(lines.readline())
        except ValueError:
            return None
    profile = start.get("profile") if isinstance(start, dict) and start.get("type") == "start" else None
    return profile if isinstance(profile, str) else None
