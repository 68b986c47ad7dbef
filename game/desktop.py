"""Opening and printing a file with what the system offers, saying plainly when it offers nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from game.paths import display_path
from game.wording.players import tr

Way = tuple[str, ...]  # ("startfile", verb) on Windows (the shell's own verbs), else a command to run


def how_to_open(path: Path, platform: str = sys.platform, which: Callable[[str], str | None] = shutil.which
                ) -> Way | None:
    """The system's own way to open a file: Windows' shell, macOS's `open`, the desktop's `xdg-open`."""
    if platform.startswith("win"):
        return ("startfile", "open")
    opener = "open" if platform == "darwin" else which("xdg-open")
    return (opener, str(path)) if opener else None


def how_to_print(path: Path, platform: str = sys.platform, which: Callable[[str], str | None] = shutil.which
                 ) -> Way | None:
    """The system's own way to print a file on the default printer: Windows' shell « print » verb (the PDF
    reader prints it), CUPS' `lp` on macOS and Linux (or `lpr`)."""
    if platform.startswith("win"):
        return ("startfile", "print")
    found = next((which(command) for command in ("lp", "lpr") if which(command)), None)
    return (found, str(path)) if found else None


def _done(way: Way | None, path: Path) -> bool:
    if way is None:
        return False
    try:
        if way[0] == "startfile":
            os.startfile(path, way[1])  # type: ignore[attr-defined]  # noqa: S606 - the user's own file, Windows
        else:
            subprocess.Popen(list(way), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:  # no program for the file, no printer, or the command failed to start
        return False
    return True


def open_file(path: Path) -> str:
    """Open with the system's viewer; the sentence says what happened."""
    if _done(how_to_open(path), path):
        return tr("desktop.opening", name=path.name)
    return tr("desktop.no_viewer", path=path)


def print_file(path: Path) -> str:
    """Send to the default printer; the sentence says what happened, or where the file is to print it by hand."""
    if _done(how_to_print(path), path):
        return tr("desktop.printed", name=path.name)
    return tr("desktop.no_printer", path=path)


def saved_and_opened(key: str, path: Path) -> str:
    """Where a file was just written (the sentence `key`, given its name and folder), then opened as above."""
    return tr(key, name=path.name, folder=display_path(path.parent)) + " " + open_file(path)
