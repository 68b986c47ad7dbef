"""Where the shipped content and the user's sessions live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "atelier-service-public"
_PACKAGE = Path(__file__).resolve().parent


def display_path(path: Path) -> str:
    """A path relative to the working folder when possible: shorter, and clickable in editors."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def content_root() -> Path:
    """The folder holding decks/, scenarios/ and assets/: the source checkout, else the wheel's copy.

    The checkout comes first so an editable install always uses the files being edited.
    """
    checkout = _PACKAGE.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "decks").is_dir():
        return checkout
    return _PACKAGE / "_content"


def shipped_decks() -> Path:
    return content_root() / "decks"


def shipped_scenarios() -> Path:
    return content_root() / "scenarios"


def default_sessions_dir() -> Path:
    """The per-user data folder (XDG on Linux, Application Support on macOS, AppData on Windows)."""
    return user_folder("data") / "sessions"


def default_cache_dir() -> Path:
    """The per-user cache folder: anything in it can be deleted and is rebuilt."""
    return user_folder("cache")


def default_config_dir() -> Path:
    return user_folder("config")


_XDG = {"data": ("XDG_DATA_HOME", ".local/share"), "config": ("XDG_CONFIG_HOME", ".config"),
        "cache": ("XDG_CACHE_HOME", ".cache")}


def user_folder(kind: str) -> Path:
    """This program's per-user folder of `kind` (data, config or cache).

    On Linux the XDG Base Directory rules are read here directly, as platformdirs reads them (a test holds
    the two equal): importing platformdirs costs 3 % of the home screen's first frame. Elsewhere, platformdirs
    knows each system's place."""
    if sys.platform.startswith("linux"):
        variable, default = _XDG[kind]
        chosen = os.environ.get(variable, "")
        base = Path(chosen) if os.path.isabs(chosen) else Path.home() / default  # a relative one is ignored
        return base / APP_NAME
    import platformdirs

    return getattr(platformdirs, f"user_{kind}_path")(APP_NAME, appauthor=False)
