"""The plan files of a folder, read without loading the content models: the home screen asks before its first frame
whether there are any."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = (".yaml", ".yml")


def saved_plans(folder: Path) -> list[Path]:
    """The plan files in `folder`, the last saved first; none when the folder is missing or unreadable."""
    try:
        found = [(p.stat().st_mtime, p) for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file()]
    except OSError:
        return []
    return [p for _, p in sorted(found, key=lambda pair: -pair[0])]
