"""Who is training: several agents may share a workstation, each with a named profile."""

from __future__ import annotations

import getpass

from game.fonts import team_name_problem

DEFAULT_PROFILE = "Agent"


def default_profile() -> str:
    """The system user's name, else "Agent" (no name in the environment, or one the fonts cannot show)."""
    try:
        name = getpass.getuser().strip()
    except (KeyError, OSError):  # no user name in the environment nor in the password database
        return DEFAULT_PROFILE
    return name if name and team_name_problem(name) is None else DEFAULT_PROFILE


def profile_problem(name: str) -> str | None:
    """Why a profile name cannot be used, or None: the rule of team names, shown on the same screens and sheets."""
    return team_name_problem(name) if name.strip() else "nom vide"
