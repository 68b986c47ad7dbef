"""The reader's display choices (text size, contrast, font), kept between sessions in the user's folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.atomic import write_text_atomic

SCALES = (0.9, 1.0, 1.15, 1.3, 1.5)


@dataclass
class Settings:
    scale: float = 1.0
    high_contrast: bool = False
    dyslexia_font: bool = False

    @classmethod
    def load(cls, path: Path | None) -> Settings:
        """Saved settings, or the defaults when there are none or the file is unreadable."""
        if path is None or not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            known = {f.name for f in fields(cls)}
            settings = cls(**{k: v for k, v in data.items() if k in known})
        except (ValueError, TypeError, OSError):
            return cls()
        if settings.scale not in SCALES:
            settings.scale = 1.0
        return settings

    def save(self, path: Path | None) -> None:
        if path is None:
            return
        try:
            write_text_atomic(path, json.dumps(asdict(self)))
        except OSError:
            pass  # a read-only profile only loses the preference, never the game

    @property
    def widened(self) -> bool:
        """Text takes more room than `validate` measured (bigger, or in the wider OpenDyslexic font): the
        screen may then shrink a long text below the body size rather than cut it."""
        return self.scale > 1.0 or self.dyslexia_font

    def bigger(self, step: int) -> None:
        i = SCALES.index(self.scale) if self.scale in SCALES else 1
        self.scale = SCALES[max(0, min(len(SCALES) - 1, i + step))]


def default_settings_path() -> Path:
    from platformdirs import user_config_path

    from game.paths import APP_NAME

    return user_config_path(APP_NAME, appauthor=False) / "affichage.json"
