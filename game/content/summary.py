"""What the home screen shows of each scenario, read without the full validation.

The home screen must appear at once; checking every deck and scenario (pydantic and all) waits
until a scenario is chosen. A file too broken to summarise is simply not listed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.content.yamlsource import read_yaml, yaml_files


@dataclass(frozen=True)
class ScenarioSummary:
    id: str
    title: str
    description: str
    mode: str
    target: float
    maximum: float


def scenario_summaries(folder: Path) -> list[ScenarioSummary]:
    found = []
    for path in yaml_files(folder) if folder.is_dir() else []:
        data = read_yaml(path, path.name).data
        info = data.get("scenario") if isinstance(data, dict) else None
        if not isinstance(info, dict) or not isinstance(info.get("id"), str):
            continue
        minutes = info.get("minutes") if isinstance(info.get("minutes"), dict) else {}
        try:
            found.append(ScenarioSummary(info["id"], str(info.get("title", info["id"])),
                                         str(info.get("description", "")), str(info.get("mode", "teams")),
                                         float(minutes.get("target", 15)), float(minutes.get("max", 20))))
        except (TypeError, ValueError):
            continue
    return found
