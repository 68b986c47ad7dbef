"""The folders a command writes to: an option refused when a file is in the way, and where session logs go."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.wording.catalogue import tr

if TYPE_CHECKING:  # a bare `python -m game` builds no parser: the home screen must not wait for one
    import argparse

def folder(text: str) -> Path:
    """A folder option: refused at once when a file of that name is in the way."""
    import argparse

    path = Path(text)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(tr("cli.not_a_folder", path=text))
    return path


def sessions_folder(args: argparse.Namespace) -> Path:
    """Where this command keeps session logs: --out, else --sessions-dir, else the user's data folder. The
    scraps a killed program left there are removed."""
    from game.atomic import clear_scraps

    if getattr(args, "out", None) is not None:
        found = args.out
    elif getattr(args, "sessions_dir", None) is not None:
        found = args.sessions_dir
    else:
        from game.paths import default_sessions_dir

        found = default_sessions_dir()
    clear_scraps(found)
    return found
