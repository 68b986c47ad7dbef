"""The reader's display choices (text size, contrast, font, language), and what the last workshop was set up with
(its teams, who answered), kept between sessions in the user's folder."""

from __future__ import annotations

import json
from pathlib import Path

from game.atomic import write_text_atomic
from game.fonts import team_name_problem
from game.wording.catalogue import DEFAULT, LANGUAGES

SCALES = (0.9, 1.0, 1.15, 1.3, 1.5)


class Settings:
    """A plain class, not a dataclass: building a dataclass costs as much as the rest of the home screen's
    own imports, and these are read before the first frame."""

    __slots__ = ("scale", "high_contrast", "dyslexia_font", "language", "profile", "teams", "answering")

    def __init__(self, scale: float = 1.0, high_contrast: bool = False, dyslexia_font: bool = False,
                 language: str = DEFAULT, profile: str = "", teams: list[str] | None = None, answering: str = ""):
        self.scale = scale
        self.high_contrast = high_contrast
        self.dyslexia_font = dyslexia_font
        self.language = language
        self.profile = profile  # the learner who trained last on this computer ("" before anyone did)
        self.teams = teams or []  # the last workshop's team names, offered again by the setup screen
        self.answering = answering  # ... and who answered ("all" or "rotation"; "" before any workshop)

    def __repr__(self) -> str:
        return f"Settings({self.as_dict()})"

    def as_dict(self) -> dict[str, float | bool | str | list[str]]:
        return {name: getattr(self, name) for name in self.__slots__}

    @classmethod
    def load(cls, path: Path | None) -> Settings:
        """Saved settings, or the defaults when there are none or the file is unreadable."""
        if path is None or not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            settings = cls(**{k: v for k, v in data.items() if k in cls.__slots__})
        except (ValueError, TypeError, OSError, AttributeError):  # not JSON, or not an object of known values
            return cls()
        if settings.scale not in SCALES:
            settings.scale = 1.0
        if settings.language not in LANGUAGES:
            settings.language = DEFAULT
        if not isinstance(settings.profile, str):
            settings.profile = ""
        if not isinstance(settings.teams, list) or not all(
                isinstance(name, str) and name.strip() and team_name_problem(name) is None for name in settings.teams):
            settings.teams = []
        if settings.answering not in ("all", "rotation"):
            settings.answering = ""
        return settings

    def save(self, path: Path | None) -> None:
        if path is None:
            return
        try:
            write_text_atomic(path, json.dumps(self.as_dict()))
        except OSError:
            pass  # a read-only profile only loses the preference, never the game

    def remember(self, profile: str, path: Path | None) -> None:
        """The learner to offer next time (on screen and at the terminal alike), saved when it changes."""
        if self.profile != profile:
            self.profile = profile
            self.save(path)

    def remember_workshop(self, teams: list[str], answering: str, path: Path | None) -> None:
        """The teams and answering mode a workshop started with: the setup screen offers them next time."""
        if (self.teams, self.answering) != (teams, answering):
            self.teams, self.answering = list(teams), answering
            self.save(path)

    @property
    def widened(self) -> bool:
        """Text takes more room than `validate` measured (bigger, or in the wider OpenDyslexic font): the
        screen may then shrink a long text below the body size rather than cut it."""
        return self.scale > 1.0 or self.dyslexia_font

    @property
    def roomy(self) -> bool:
        """Text takes much more room than at the default settings (130 % and up, or OpenDyslexic made bigger): the
        screens give it their margins, titles and secondary parts before anything goes below the reader's size."""
        return self.scale >= 1.3 or (self.dyslexia_font and self.scale > 1.0)

    def bigger(self, step: int) -> None:
        i = SCALES.index(self.scale) if self.scale in SCALES else 1
        self.scale = SCALES[max(0, min(len(SCALES) - 1, i + step))]


def default_settings_path() -> Path:
    from game.paths import default_config_dir

    return default_config_dir() / "affichage.json"
