"""Copy the sessions played under a profile from their logs into the progress store.

Run each time the store is opened: a log already read as it is now is skipped, so the cost is a
`stat` per log; a session played since, or cut short by a kill, is copied whole.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.diskerrors import disk_problem
from game.paths import display_path
from game.present.room import played
from game.present.sheet import card_line
from game.progress.answers import Answer, item_of
from game.progress.report import ProgressReport, progress_report
from game.progress.store import STORE_NAME, ProgressError, Store, StoreDamaged
from game.session.log import LogError
from game.session.logs import profile_of
from game.table.table import DAMAGED, Table
from game.wording.catalogue import tr


def open_store(sessions: Path) -> Store:
    """The progress store of a sessions folder, brought up to date with its logs. A damaged store is set aside
    (kept beside it, as a damaged log is) and rebuilt from the logs; `store.notice` says so."""
    path = sessions / STORE_NAME
    notice = ""
    try:
        store = Store(path)
    except StoreDamaged:
        aside = path.with_name(path.name + DAMAGED)
        path.replace(aside)
        store = Store(path)
        notice = tr("store.rebuilt", path=display_path(aside))
    store.notice = notice
    sync(store, sessions)
    return store


def learner(sessions: Path, profile: str) -> tuple[ProgressReport, list[str], str]:
    """The profile's progress, the profiles known in this sessions folder, and why they could not be read
    ("" when they could): a screen shows the sentence rather than stopping."""
    try:
        store = open_store(sessions)
    except ProgressError as exc:
        return progress_report(profile, []), [], str(exc)
    except OSError as exc:
        return progress_report(profile, []), [], disk_problem(exc, sessions)
    try:
        return progress_report(profile, store.answers(profile)), store.profiles(), store.notice
    finally:
        store.close()


def sync(store: Store, sessions: Path) -> None:
    """Read the logs not read since they last changed, and forget those gone. A log is noted as it was before it
    was read: what another window writes to it meanwhile makes it differ from that note, so it is read again at
    the next opening."""
    logs = [log for log in (sessions.glob("*.jsonl") if sessions.is_dir() else [])
            if not log.is_symlink() and log.is_file()]  # a pipe would block the reading, a device or a link has no end
    store.forget_gone({str(log.resolve()) for log in logs})
    noted = [(log, seen) for log in logs if (seen := _stat(log)) is not None]
    noted.sort(key=lambda pair: (pair[1].st_mtime_ns, pair[0].name))  # oldest first: of one session's logs, a copy is newer
    for log, seen in noted:  # each log noted as it was before it is read
        try:
            if store.read_before(log, seen):
                continue
            profile = profile_of(log)
            table = Table.read(log) if profile is not None else None
        except (LogError, OSError):
            continue  # a log that cannot be read now is tried again at the next opening
        if profile is None or table is None:  # a workshop's log: noted as read, nothing to copy
            store.record(log.stem, [], log, seen)
        else:
            store.record(session_key(table), answers_of(table, profile), log, seen)


def _stat(log: Path) -> os.stat_result | None:
    try:
        return log.stat()
    except OSError:  # gone meanwhile: tried again at the next opening
        return None


def session_key(table: Table) -> str:
    """The session's id, or for a log without one, its file's name."""
    return table.facts().session_id or (table.path.stem if table.path else "")


def answers_of(table: Table, profile: str) -> list[Answer]:
    """The answered cards of a session played under `profile`, as the history keeps them."""
    origins = table.facts().origins
    found = []
    for play in played(table):
        if not play.verdicts:  # skipped, discussed, or an event: nothing was answered
            continue
        line = card_line(play, every_team=False)
        verdict = play.verdicts[0]
        deck, version = origins.get(play.card_id, ("", 0))
        found.append(Answer(
            session_key(table), play.number, profile, item_of(play.card_id, play.step_id),
            deck, version, play.face.kind, play.aspect, play.aspect_label, play.at, str(verdict.mark),
            verdict.success, f"{line.who} — {line.prompt}" if line.who else line.prompt, line.given or "",
            " ; ".join(play.choices[i] for i in play.right), line.explanation or "", line.source or ""))
    return found

