"""The session log: one JSON object per line, each flushed and fsynced before the game moves on.

A crash can only ever cut the last line; reading drops such a cut line and reports it, so a
session resumes losing at most the action that was being written.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content.errors import display_path


class LogError(Exception):
    """A log that cannot be used; the message names the file and line."""


@dataclass
class LogContents:
    events: list[dict[str, Any]]
    good_bytes: int  # length of the file up to the end of the last whole, readable line
    dropped_tail: bool  # a cut last line was left out


def read_log(path: Path) -> LogContents:
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LogError(f"{shown} : journal de session introuvable") from None
    except OSError as exc:
        raise LogError(f"{shown} : impossible de lire le journal ({exc.strerror or exc})") from None
    events: list[dict[str, Any]] = []
    offset = 0
    lines = raw.split(b"\n")
    for number, line in enumerate(lines, start=1):
        last = number == len(lines)
        if not line.strip():
            offset += len(line) + (0 if last else 1)
            continue
        try:
            event = json.loads(line.decode("utf-8"))
            if not isinstance(event, dict) or "type" not in event or "t" not in event:
                raise ValueError("not an event")
        except ValueError:
            if last or (number == len(lines) - 1 and not lines[-1]):
                return LogContents(events, offset, True)
            raise LogError(f"{shown}:{number}: ligne illisible au milieu du journal : "
                           "le fichier a été modifié ou abîmé") from None
        events.append(event)
        offset += len(line) + (0 if last else 1)
    if not events or events[0].get("type") != "start":
        raise LogError(f"{shown}:1: ce fichier n'est pas un journal de session (pas d'événement de départ)")
    return LogContents(events, offset, False)


class LogWriter:
    """Appends events durably: the lines are on disk when `append_all` returns."""

    def __init__(self, path: Path, truncate_at: int | None = None):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._file = open(path, "ab")
        if truncate_at is not None:
            self._file.truncate(truncate_at)
            self._file.seek(truncate_at)
            if truncate_at > 0 and not path.read_bytes()[truncate_at - 1:truncate_at] == b"\n":
                self._file.write(b"\n")

    def append_all(self, events: list[dict[str, Any]]) -> None:
        """An action and the transitions it caused go down in one write and one fsync."""
        self._file.write(b"".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
                                  for e in events))
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()  # closing twice is harmless
