"""Renaming and deleting a learner's profile. The session logs are the source of truth, so both act on them:
a rename rewrites each log's start record under the new name, a delete removes the learner's logs with their
sheets. The progress store follows at its next opening, being only a cache of the logs."""

from __future__ import annotations

import json
from pathlib import Path

from game.atomic import write_bytes_atomic
from game.progress.profiles import profile_problem
from game.session.log import MAX_LOG_BYTES
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
    """Every session of `old` now under `new`; how many logs were rewritten. A name already used is refused:
    two learners' histories are never merged by a rename."""
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
    for log in logs:
        data = log.read_bytes()
        first, _, rest = data.partition(b"\n")
        start = json.loads(first.decode("utf-8"))
        start["profile"] = new
        if start.get("teams") == [old]:
            start["teams"] = [new]
        line = json.dumps(start, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_bytes_atomic(log, line + b"\n" + rest)  # a kill leaves the old log or the new one, never half
    return len(logs)


def delete_profile(sessions: Path, profile: str) -> int:
    """The profile's logs removed, with their sheets and tables; how many sessions."""
    from game.wording.catalogue import tr

    logs = logs_of(sessions, profile)
    if not logs:
        raise ProfileError(tr("profile.unknown", profile=profile))
    for log in logs:
        for path in (log.with_suffix(".pdf"), log.with_suffix(".csv"), log):
            path.unlink(missing_ok=True)
    return len(logs)

