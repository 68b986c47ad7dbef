"""The reader's display settings survive a restart, and a damaged settings file only means the defaults."""

from __future__ import annotations

import pytest

from game.ui.settings import Settings


def test_settings_come_back_as_saved(tmp_path):
    path = tmp_path / "affichage.json"
    Settings(scale=1.3, high_contrast=True, dyslexia_font=True).save(path)
    again = Settings.load(path)
    assert (again.scale, again.high_contrast, again.dyslexia_font) == (1.3, True, True)


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", '"grand"', '{"scale": 7}', '{"scale": 1.3, "colour": 2}', "\x00"])
def test_a_damaged_settings_file_gives_the_defaults_or_what_it_holds_of_known_values(tmp_path, text):
    path = tmp_path / "affichage.json"
    path.write_text(text, encoding="utf-8")
    settings = Settings.load(path)
    assert settings.scale == (1.3 if "1.3" in text else 1.0)
    assert (settings.high_contrast, settings.dyslexia_font) == (False, False)
