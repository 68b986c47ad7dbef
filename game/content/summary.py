"""What the home screen shows of each scenario, read without the full validation.

The home screen must appear at once: checking every deck and scenario (pydantic and all) waits
until a scenario is chosen. The summaries are also kept in a small JSON cache keyed by each file's
size and modification time, so a launch where no scenario changed does not even load the YAML
parser (importing it compiles some forty regular expressions, a third of the first frame's time).
A file too broken to summarise is simply not listed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from game.atomic import write_text_atomic
from game.content.files import yaml_files

CACHE_VERSION = 1


class ScenarioSummary(NamedTuple):
    id: str
    title: str
    description: str
    mode: str
    target: float
    maximum: float


def scenario_summaries(folder: Path, cache: Path | None = None) -> list[ScenarioSummary]:
    """The folder's scenarios, from `cache` when no file changed since it was written."""
    try:
        files = yaml_files(folder) if folder.is_dir() else []
        stamps: dict[str, list[int]] = {}
        for path in files:
            stat = path.stat()
            stamps[str(path)] = [stat.st_mtime_ns, stat.st_size]
    except OSError:
        files, stamps, cache = [], {}, None
    cached = _cached(cache, stamps)
    if cached is not None:
        return cached
    found = _read(files)
    if cache is not None:
        document = {"version": CACHE_VERSION, "files": stamps, "summaries": [s._asdict() for s in found]}
        try:
            write_text_atomic(cache, json.dumps(document, ensure_ascii=False))
        except OSError:
            pass  # a read-only or full profile only loses the speed-up
    return found


def _cached(cache: Path | None, stamps: dict[str, list[int]]) -> list[ScenarioSummary] | None:
    """The cached summaries if the cache is readable, of this version and of exactly these files."""
    if cache is None:
        return None
    try:
        document: Any = json.loads(cache.read_text(encoding="utf-8"))
        if document["version"] != CACHE_VERSION or document["files"] != stamps:
            return None
        names = list(ScenarioSummary._fields)
        return [ScenarioSummary(**{n: s[n] for n in names}) for s in document["summaries"]]
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _read(files: list[Path]) -> list[ScenarioSummary]:
    from game.content.yamlsource import read_yaml  # only on a cache miss: see the module's docstring

    found = []
    for path in files:
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
