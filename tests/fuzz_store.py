"""Mutated training logs in a sessions folder, and what the progress store must make of them: exactly what the
readable logs hold, for every profile they name, whatever a mutation did to one of them (a cut line, an edited
profile, a garbled answer). Shared by a short Hypothesis run and by `benchmarks/fuzz.py`."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

from game.present.bots import choose
from game.progress.sync import answers_of, open_store
from game.progress.training import Theme, start_training, training_scenario
from game.session.log import LogError
from game.table.table import Table
from tests.fuzz_cases import mutate_log

_MADE: dict[Path, tuple[Path, ...]] = {}


def training_logs(folder: Path, library: Any) -> tuple[Path, ...]:
    """Three training sessions of two learners, played by a bot, their logs in `folder` (made once)."""
    if folder in _MADE:
        return _MADE[folder]
    folder.mkdir(parents=True, exist_ok=True)
    found = []
    for n, (profile, deck) in enumerate((("Camille", "teletravail"), ("Camille", "usagers"), ("Sam", "teletravail"))):
        scenario = training_scenario(library, Theme(deck=deck), 5)
        table = start_training(library, folder, scenario, library.pool(scenario), profile, n, 1_000.0 + 90_000 * n)
        table.at_end = None
        rng, t = random.Random(n), 1_000.0 + 90_000 * n
        while not table.over:
            t += 9
            table.act(choose(table, "random", rng), t)
        table.close()
        found.append(table.path)
    _MADE[folder] = tuple(found)
    return _MADE[folder]


def store_case(folder: Path, rng: random.Random, base: tuple[Path, ...]) -> Path:
    """A sessions folder of the base logs, one of them mutated; returns the folder."""
    for log in base:
        shutil.copyfile(log, folder / log.name)
    target = folder / rng.choice(base).name
    target.write_bytes(mutate_log(target.read_bytes(), rng))
    return folder


def check_store(folder: Path) -> str:
    """The store, opened twice (a first sync, then one with nothing to read), holds exactly the answers of the
    readable logs, profile by profile. Returns "same"; raises on a bug."""
    expected: dict[str, set[tuple]] = {}
    for log in folder.glob("*.jsonl"):
        try:
            table = Table.read(log)
        except LogError:
            continue
        profile = table.facts().profile
        if profile:
            expected.setdefault(profile, set()).update(tuple(a) for a in answers_of(table, profile))
    for _ in range(2):
        store = open_store(folder)
        try:
            held = {name: {tuple(a) for a in store.answers(name)} for name in store.profiles()}
        finally:
            store.close()
        assert held == {name: answers for name, answers in expected.items() if answers}, sorted(held)
    return "same"
