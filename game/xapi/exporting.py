"""Which sessions have statements to give, and their statements as a file a lab collects."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from game.atomic import write_text_atomic
from game.session.log import LogError
from game.session.logs import is_finished
from game.session.replay import replay_log
from game.wording.catalogue import tr
from game.xapi.identity import Identity
from game.xapi.models import Statement
from game.xapi.statements import session_statements


def finished_sessions(folder: Path) -> list[Path]:
    """The folder's session logs whose session has ended, oldest first (unreadable ones included: they are said)."""
    if not folder.is_dir():
        return []
    return sorted((log for log in folder.glob("*.jsonl") if is_finished(log)), key=lambda p: p.name)


def statements_of(log: Path, identity: Identity) -> list[Statement]:
    """A finished session's statements; a log that is damaged or whose session goes on is refused in a sentence."""
    replayed = replay_log(log)
    if replayed.contents.damaged:  # statements of half a session would tell the lab what did not happen
        raise LogError(replayed.contents.damaged)
    if not replayed.finished:
        raise LogError(tr("xapi.unfinished", path=log.name))
    return session_statements(replayed, identity)


def write_statements(logs: Sequence[Path], out: Path, identity: Identity) -> int:
    """Every log's statements, one JSON object a line, written whole or not at all; how many statements."""
    lines = [json.dumps(s.as_json(), ensure_ascii=False) for log in logs for s in statements_of(log, identity)]
    write_text_atomic(out, "".join(line + "\n" for line in lines))
    return len(lines)
