"""Renaming and deleting a learner's profile. The session logs are the source of truth, so both act on them:
a rename rewrites each log's start record under the new name, a delete removes the learner's logs with their
sheets. The progress store follows at its next opening, being only a cache of the logs."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from game.atomic import write_bytes_atomic
from game.diskerrors import disk_problem
from game.paths import display_path
from game.progress.profiles import profile_problem, sheet_name
from game.session.log import MAX_LOG_BYTES, lock
from game.session.logs import profile_of


class ProfileError(ValueError):
    """A rename or delete that cannot be done; the message is a sentence for the learner."""


def logs_of(sessions: Path, profile: str) -> list[Path]:
    """The logs of the sessions played under `profile` in this folder (read from their first line alone)."""
    found = []
    for log in sorted(sessions.glob("*.jsonl")) if sessions.is_dir() else []:
        try:
            if not log.is_symlink() and log.is_file() and log.stat().st_size <= MAX_LOG_BYTES \
                    and profile_of(log) == profile:
                found.append(log)
        except OSError:  # gone or unreadable meanwhile: not one of the profile's logs to act on
            continue
    return found


def rename_profile(sessions: Path, old: str, new: str) -> int:
    """Every session of `old` now under `new`; how many sessions. All its logs are renamed or none: each is
    written beside itself first, then all are put in place, and a failure puts back those already replaced. A
    log keeps its modification time: renaming a learner does not make their sessions newer (the store counts a
    session found in two logs from the older). A name already used is refused: two learners' histories are
    never merged by a rename."""
    from game.wording.catalogue import tr

    new = new.strip()
    problem = profile_problem(new)
    if problem is not None:
        raise ProfileError(tr("train.bad_profile", problem=problem))
    logs = logs_of(sessions, old)
    if not logs:
        raise ProfileError(tr("profile.unknown", profile=old))
    if new != old and logs_of(sessions, new):
        raise ProfileError(tr("profile.taken", profile=new))
    with _held(logs):  # no window may go on writing a log that is about to be replaced
        return _rename(sessions, logs, old, new)


def _rename(sessions: Path, logs: list[Path], old: str, new: str) -> int:
    from game.wording.catalogue import tr

    before = {log: log.read_bytes() for log in logs}
    drafts = {log: log.with_name(f".{log.name}.rename.tmp") for log in logs}
    done: list[Path] = []
    try:
        for log, data in before.items():
            drafts[log].write_bytes(_renamed(data, old, new))
            os.utime(drafts[log], ns=(log.stat().st_atime_ns, log.stat().st_mtime_ns))
        for log in logs:
            os.replace(drafts[log], log)
            done.append(log)
    except OSError as exc:
        for log in done:  # put back what was renamed: the learner is wholly under one name
            _put_back(log, before[log])
        raise ProfileError(tr("profile.not_renamed", path=display_path(log), problem=disk_problem(exc, log))) from None
    finally:
        for draft in drafts.values():
            draft.unlink(missing_ok=True)
    (sessions / sheet_name(old)).unlink(missing_ok=True)  # it named the old name; written anew on demand
    return len({_session(data) for data in before.values()})


@contextmanager
def _held(logs: list[Path]) -> Iterator[None]:
    """Every log locked as a playing window locks it; a log another program holds refuses the whole change."""
    from game.wording.catalogue import tr

    with ExitStack() as stack:
        for log in logs:
            handle = stack.enter_context(open(log, "ab"))
            if not lock(handle):
                raise ProfileError(tr("profile.busy", path=display_path(log)))
        if os.name == "nt":  # Windows cannot replace or remove a file held open: checked, then let go
            stack.close()
        yield


def _renamed(data: bytes, old: str, new: str) -> bytes:
    first, _, rest = data.partition(b"\n")
    start = json.loads(first.decode("utf-8", errors="replace"))
    start["profile"] = new
    if start.get("teams") == [old]:
        start["teams"] = [new]
    return json.dumps(start, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n" + rest


def _put_back(log: Path, data: bytes) -> None:
    stat = log.stat()
    write_bytes_atomic(log, data)
    os.utime(log, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def _session(data: bytes) -> str:
    start = json.loads(data.partition(b"\n")[0].decode("utf-8", errors="replace"))
    return str(start.get("session", ""))


def delete_profile(sessions: Path, profile: str) -> int:
    """The profile's logs removed, with their sheets and tables, and its progress sheet; how many sessions."""
    from game.wording.catalogue import tr

    logs = logs_of(sessions, profile)
    if not logs:
        raise ProfileError(tr("profile.unknown", profile=profile))
    count = len({_session(log.read_bytes()) for log in logs})
    with _held(logs):  # a session still being played under this profile is not deleted under its window
        for log in logs:
            for path in (log.with_suffix(".pdf"), log.with_suffix(".csv"), log):
                path.unlink(missing_ok=True)
    (sessions / sheet_name(profile)).unlink(missing_ok=True)
    return count


def sessions_of(sessions: Path, profile: str) -> int:
    """How many sessions the profile played in this folder (a session copied in two logs once)."""
    return len({_session(log.read_bytes()) for log in logs_of(sessions, profile)})
