"""End to end: `play --autoplay --fast` drives the real loop, scenes and keys to the sheet, headless."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from game.content.library import load_library
from game.paths import shipped_decks, shipped_scenarios
from game.session.replay import replay_log

SCENARIOS = sorted(load_library([(shipped_decks(), True), (shipped_scenarios(), True)]).scenarios)


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_autoplay_reaches_the_debriefing(scenario_id, tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "game", "play", "--autoplay", "--fast", "--scenario", scenario_id,
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "trop long" not in done.stderr
    [log] = (tmp_path / "out").glob("*.jsonl")
    assert replay_log(log).finished
    assert log.with_suffix(".pdf").stat().st_size > 10_000
    assert log.with_suffix(".csv").is_file()
