"""What a failed file operation means for the user: which file, and what to do, in the language in use.

The system's own text (strerror) is English and says nothing of what to do; every place that writes
a file words its failure here, from the screen's dialogs to the commands' messages.
"""

from __future__ import annotations

import errno
from pathlib import Path

from game.paths import display_path
from game.wording.catalogue import tr

_DISK = {errno.ENOSPC: "disk.full", errno.EDQUOT: "disk.quota", errno.EROFS: "disk.read_only",
         errno.EACCES: "disk.denied", errno.EPERM: "disk.denied", errno.EISDIR: "disk.is_folder",
         errno.ENOTDIR: "disk.not_folder", errno.EEXIST: "disk.not_folder", errno.ENOENT: "disk.gone",
         errno.EIO: "disk.io"}


def disk_problem(error: OSError, path: object = None) -> str:
    """A failed file operation as a sentence: which file, and what to do (the system's own text is English)."""
    where = error.filename or path
    known = _DISK.get(error.errno or 0)
    why = tr(known) if known else str(error.strerror or error)
    return tr("disk.where", path=display_path(Path(str(where))), why=why) if where else why


def sheet_problem(error: Exception, log: object = None) -> str:
    """Why a session's sheet was not written: a disk's refusal, or (never expected) a fault of the program's
    own, said in a sentence that keeps the log safe and names it, instead of a traceback."""
    if isinstance(error, OSError):
        return disk_problem(error)
    if log:
        return tr("disk.sheet_fault_log", error=type(error).__name__, log=display_path(Path(str(log))))
    return tr("disk.sheet_fault", error=type(error).__name__)
