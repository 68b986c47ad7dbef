"""Files written whole or not at all: a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write beside the target, then rename over it (atomic on one file system). On failure the
    scrap is removed and the OSError raised; the old file, if any, is left untouched."""
    write_together([(path, data)])


def write_together(files: list[tuple[Path, bytes]]) -> None:
    """Several files that go together (a session's sheet and its CSV): every one written beside its target
    first, then all put in place, the last one last. A kill leaves either none in place, or the first ones
    without the last, which the reader of the last one treats as missing: never a half-written file. An error
    names the user's file, never the scrap (`.name.pid.tmp`, removed)."""
    scraps = [(path, path.with_name(f".{path.name}.{os.getpid()}.tmp")) for path, _ in files]
    target = files[0][0] if files else Path()
    try:
        for (path, scrap), (_, data) in zip(scraps, files):
            target = path
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(scrap, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        for path, scrap in scraps:
            target = path
            os.replace(scrap, path)
    except OSError as exc:
        if exc.filename is None or str(exc.filename) in {str(s) for _, s in scraps}:  # a full disk names no file
            exc.filename = str(target)
        raise
    finally:
        for _, scrap in scraps:
            try:
                scrap.unlink(missing_ok=True)
            except OSError:  # its folder is a file, or unreadable: no scrap was written, and the first error is said
                pass


# this program's scraps, and only those: a sheet, a log, a store or a deck half written (with the pid of the program
# writing it), or a profile's log being renamed (no pid: judged by its age)
SCRAP = re.compile(r"^\..+\.(?:pdf|csv|jsonl|json|sqlite3|yaml|xlsx)\.(?:(\d+)|rename)\.tmp$")
STALE = 3600.0  # seconds: a scrap no running program can still be writing, where its pid cannot be asked


def clear_scraps(folder: Path) -> int:
    """Remove the scraps a killed program left in `folder` (its pid gone, or an hour old where a pid cannot be
    asked without harm); how many. Any other hidden file is not this program's, and stays."""
    removed = 0
    for path in folder.glob(".*.tmp") if folder.is_dir() else []:
        found = SCRAP.match(path.name)
        if found is None:
            continue
        try:
            if _abandoned(path, int(found.group(1)) if found.group(1) else None):
                path.unlink()
                removed += 1
        except OSError:  # gone meanwhile, or not ours to remove: left
            continue
    return removed


def _abandoned(path: Path, pid: int | None) -> bool:
    if pid is not None and os.name == "posix":  # on Windows os.kill(pid, 0) would end the process
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:  # another user's running program
            return False
        return False
    return time.time() - path.stat().st_mtime > STALE
