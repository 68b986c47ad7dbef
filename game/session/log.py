"""The session log: one JSON object per line, each flushed and fsynced before the game moves on.

A crash can only ever cut the last line; reading drops such a cut line and reports it, so a
session resumes losing at most the action that was being written. A line damaged further up (a
hand edit, a disk fault) stops the reading there: what comes before it still plays.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.diskerrors import disk_problem
from game.paths import display_path
from game.wording.catalogue import tr


class LogError(Exception):
    """A log that cannot be used; the message names the file and line."""


@dataclass
class LogContents:
    events: list[dict[str, Any]]
    ends: list[int]  # the byte offset just after each event's line
    lines: list[int]  # each event's line number
    dropped_tail: bool  # a cut last line was left out
    damaged: str = ""  # lines after a damaged one, left out: what was found where, for the reader

    @property
    def good_bytes(self) -> int:
        """Length of the file up to the end of the last whole, readable line."""
        return self.ends[-1]

    def cut(self, count: int, damaged: str) -> LogContents:
        """The first `count` events only: the rest does not replay."""
        return LogContents(self.events[:count], self.ends[:count], self.lines[:count], False, damaged)


MAX_LOG_BYTES = 50_000_000  # a day of sessions logs far less; a bigger file is not a log


def set_aside(following: int) -> str:
    """What is dropped of a log from a bad line on: that line and the `following` ones, told in agreement."""
    return tr(f"log.set_aside.{following if following < 2 else 'n'}", n=following)


def read_log(path: Path) -> LogContents:
    """Every readable event up to the first damaged line. A cut last line (a crash while writing) is
    dropped quietly; a damaged line further up stops the reading there, and `damaged` says so."""
    shown = display_path(path)
    if path.exists() and not path.is_file():
        raise LogError(tr("log.not_a_file", path=shown))
    try:
        if path.stat().st_size > MAX_LOG_BYTES:
            raise LogError(tr("log.too_big", path=shown, most=MAX_LOG_BYTES // 1_000_000))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LogError(tr("log.missing", path=shown)) from None
    except OSError as exc:
        raise LogError(disk_problem(exc, path) if exc.errno else tr("log.unreadable", path=shown, reason=exc)) from None
    events: list[dict[str, Any]] = []
    ends: list[int] = []
    numbers: list[int] = []
    offset = 0
    lines = raw.split(b"\n")
    written = len(lines) - (0 if lines[-1].strip() else 1)  # lines before the file's final newline
    dropped, damaged = False, ""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            event = _event(line)
            if event is None:
                rest = sum(1 for other in lines[number:] if other.strip())
                if number >= written or not rest:
                    dropped = True
                else:
                    damaged = tr("log.damaged", path=shown, line=number, rest=set_aside(rest))
                break
            events.append(event)
            ends.append(offset + len(line) + (1 if number < len(lines) else 0))
            numbers.append(number)
        offset += len(line) + 1
    if not events or events[0].get("type") != "start":
        raise LogError(tr("log.no_start", path=shown))
    return LogContents(events, ends, numbers, dropped, damaged)


def _event(line: bytes) -> dict[str, Any] | None:
    """One line's event, or None for a line that is not one (cut, edited, not UTF-8, nested too deep)."""
    try:
        event = json.loads(line.decode("utf-8"))
        if not isinstance(event, dict) or "type" not in event or "t" not in event:
            return None
        json.dumps(event, ensure_ascii=False).encode("utf-8")  # a lone surrogate could never be written back
    except (ValueError, RecursionError):
        return None
    return event


class LogBusy(LogError):
    """Another program is writing this session's log."""


class LogWriteError(LogError):
    """An event could not be written (a full disk, a removed USB key); the log is as it was before."""

    def __init__(self, path: Path, error: OSError):
        super().__init__(disk_problem(error, path))
        self.error = error


class LogWriter:
    """Appends events durably: the lines are on disk when `append_all` returns, or not at all."""

    def __init__(self, path: Path, truncate_at: int | None = None, backup: Path | None = None):
        """Opens the log for this program alone: a second program that opens it gets `LogBusy`, so two
        windows never write one session at once. `truncate_at` cuts what could not be read or replayed,
        after copying the whole file to `backup` when given (the cut lines stay for a person to read)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._file = open(path, "ab", buffering=0)  # unbuffered: a failed write is never retried behind our back
        if not lock(self._file):
            self._file.close()
            raise LogBusy(tr("log.busy", path=display_path(path)))
        if truncate_at is not None:
            if backup is not None and path.stat().st_size > truncate_at:
                shutil.copyfile(path, backup)
            self._file.truncate(truncate_at)
            self._file.seek(truncate_at)
            if truncate_at > 0 and not path.read_bytes()[truncate_at - 1:truncate_at] == b"\n":
                self._file.write(b"\n")

    def append_all(self, events: list[dict[str, Any]]) -> None:
        """An action and the transitions it caused go down in one write and one fsync. If the disk refuses
        them, what was written of them is cut off again (a torn line followed by later good ones would
        make the rest of the log unreadable) and `LogWriteError` says why: the action did not happen."""
        data = memoryview(b"".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
                                   for e in events))
        size = self._file.tell()
        try:
            while data:
                data = data[self._file.write(data):]
            os.fsync(self._file.fileno())
        except OSError as exc:
            try:
                self._file.truncate(size)
                self._file.seek(size)
            except OSError:
                pass  # the reader drops a cut last line: the log still resumes
            raise LogWriteError(self.path, exc) from None

    def close(self) -> None:
        self._file.close()  # closing twice is harmless


def lock(file: Any) -> bool:
    """An exclusive lock on an open file for as long as it stays open, or False if another holds it."""
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
