"""Files written whole or not at all: a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import os
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write beside the target, then rename over it (atomic on one file system). On failure the
    scrap is removed and the OSError raised; the old file, if any, is left untouched."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scrap = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(scrap, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(scrap, path)
    except BaseException:
        scrap.unlink(missing_ok=True)
        raise
