"""The user's own folders: where sessions, settings and caches are kept."""

from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="elsewhere the folders come from platformdirs itself")
@pytest.mark.parametrize("value", [None, "", "relative/folder", "/srv/profil", "/srv/profil/"])
@pytest.mark.parametrize("kind", ["data", "config", "cache"])
def test_the_user_folders_are_where_platformdirs_puts_them(monkeypatch, kind, value):
    import platformdirs

    from game.paths import APP_NAME, user_folder

    variable = {"data": "XDG_DATA_HOME", "config": "XDG_CONFIG_HOME", "cache": "XDG_CACHE_HOME"}[kind]
    if value is None:
        monkeypatch.delenv(variable, raising=False)
    else:
        monkeypatch.setenv(variable, value)
    assert user_folder(kind) == getattr(platformdirs, f"user_{kind}_path")(APP_NAME, appauthor=False)
