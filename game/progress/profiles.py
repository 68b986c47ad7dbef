"""Who is training: several agents may share a workstation, each with a named profile."""

from __future__ import annotations

import getpass
import hashlib

from game.content.fields import slug
from game.fonts import profile_name_problem

DEFAULT_PROFILE = "Agent"


def default_profile() -> str:
    """The system user's name, else "Agent" (no name in the environment, or one the fonts cannot show)."""
    try:
        name = getpass.getuser().strip()
    except (KeyError, OSError):  # no user name in the environment nor in the password database
        return DEFAULT_PROFILE
    return name if profile_problem(name) is None else DEFAULT_PROFILE


def profile_problem(name: str) -> str | None:
    """Why a profile name cannot be used, or None (`fonts.profile_name_problem`: one rule everywhere)."""
    return profile_name_problem(name)


def sheet_name(profile: str) -> str:
    """The progress sheet's file name: from a slug of the profile, never from the raw name. Two profiles the
    slug would make alike (« Carol » and « carol », « Éric » and « Eric ») get a short mark of their exact name."""
    name = slug(profile)
    if name != profile:
        name = f"{name or 'profil'}-{hashlib.sha256(profile.encode('utf-8')).hexdigest()[:6]}"
    return f"progres-{name}.pdf"
