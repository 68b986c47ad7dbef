"""Which sessions have statements to give, and their statements as a file a lab collects."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from game.atomic import write_text_atomic
from game.session.log import LogError
from game.session.replay import replay_log
from game.wording.catalogue import tr
from game.xapi.identity import Identity
from game.xapi.models import Statement
from game.xapi.statements import session_statements


class Unfinished(LogError):
    """The session goes on (or was left to be resumed): it has no records to give yet."""


def session_logs(folder: Path) -> list[Path]:
    """The folder's session logs, oldest first (their names begin with the date)."""
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def statements_of(log: Path, identity: Identity) -> list[Statement]:
    """A finished session's statements, its log read once; a log that is damaged, or whose session goes on
    (`Unfinished`), is refused in a sentence."""
    replayed = replay_log(log)
    if replayed.contents.damaged:  # statements of half a session would tell the lab what did not happen
        raise LogError(replayed.contents.damaged)
    if not replayed.finished:
        raise Unfinished(tr("xapi.unfinished", path=log.name))
    return session_statements(replayed, identity)


def write_statements(logs: Sequence[Path], out: Path, identity: Identity) -> int:
    """Every log's statements, one JSON object a line, written whole or not at all; how many statements."""
    lines = [json.dumps(s.as_json(), ensure_ascii=False) for log in logs for s in statements_of(log, identity)]
    write_text_atomic(out, "".join(line + "\n" for line in lines))
    return len(lines)
