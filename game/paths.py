"""Where the shipped content and the user's sessions live."""

from __future__ import annotations

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
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "sessions"


def default_cache_dir() -> Path:
    """The per-user cache folder: anything in it can be deleted and is rebuilt."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)
