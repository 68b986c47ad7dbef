"""Opening and printing a file with what the system offers, saying plainly when it offers nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from game.paths import display_path
from game.wording.players import tr


def _run(command: list[str]) -> bool:
    try:
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        return False
    return True


def open_file(path: Path) -> str:
    """Open with the system's viewer; the sentence says what happened."""
    if sys.platform.startswith("win"):
        os.startfile(path)  # type: ignore[attr-defined]  # noqa: S606 - the user's own file
        return tr("desktop.opening", name=path.name)
    opener = "open" if sys.platform == "darwin" else shutil.which("xdg-open")
    if opener and _run([opener, str(path)]):
        return tr("desktop.opening", name=path.name)
    return tr("desktop.no_viewer", path=path)


def print_file(path: Path) -> str:
    """Send to the default printer with lp or lpr when present."""
    for command in ("lp", "lpr"):
        found = shutil.which(command)
        if found and _run([found, str(path)]):
            return tr("desktop.printed", name=path.name)
    return tr("desktop.no_printer", path=path)


def saved_and_opened(key: str, path: Path) -> str:
    """Where a file was just written (the sentence `key`, given its name and folder), then opened as above."""
    return tr(key, name=path.name, folder=display_path(path.parent)) + " " + open_file(path)
