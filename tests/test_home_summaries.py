"""The home screen's scenario list: read from the files, and from a cache while no file changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from game.content.summary import scenario_summaries
from game.paths import shipped_scenarios

ROOT = Path(__file__).resolve().parent.parent


def test_the_cache_gives_the_same_list_and_follows_an_edited_scenario(tmp_path):
    folder = tmp_path / "scenarios"
    shutil.copytree(shipped_scenarios(), folder)
    cache = tmp_path / "cache" / "accueil.json"
    first = scenario_summaries(folder, cache)
    assert cache.is_file() and {s.id for s in first} >= {"atelier-teletravail", "decouverte"}
    assert scenario_summaries(folder, cache) == first
    edited = folder / "decouverte.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("title:", "title: Nouveau", 1), encoding="utf-8")
    titles = {s.id: s.title for s in scenario_summaries(folder, cache)}
    assert titles["decouverte"].startswith("Nouveau")
    (folder / "decouverte.yaml").unlink()
    assert "decouverte" not in {s.id for s in scenario_summaries(folder, cache)}


def test_a_damaged_or_unwritable_cache_only_costs_time(tmp_path):
    cache = tmp_path / "accueil.json"
    expected = scenario_summaries(shipped_scenarios())
    for damaged in ('{"version": 1, "files": {}, "summaries": [{"id": 3}]}', "[1, 2", "\x00"):
        cache.write_text(damaged, encoding="utf-8")
        assert scenario_summaries(shipped_scenarios(), cache) == expected
    blocked = tmp_path / "file" / "accueil.json"
    blocked.parent.write_text("not a folder", encoding="utf-8")
    assert scenario_summaries(shipped_scenarios(), blocked) == expected


def test_a_warm_cache_does_not_load_the_yaml_parser(tmp_path):
    cache = tmp_path / "accueil.json"
    scenario_summaries(shipped_scenarios(), cache)
    code = ("import sys; from game.content.summary import scenario_summaries; from game.paths import "
            f"shipped_scenarios; found = scenario_summaries(shipped_scenarios(), __import__('pathlib').Path({str(cache)!r})); "
            "print(len(found), 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == [str(len(scenario_summaries(shipped_scenarios()))), "False"]
