"""Finished sessions for the learning-record tests: workshops played by bots through the table, as the screen and
the terminal play them (each action logged), and a learner's training session."""

from __future__ import annotations

import random
from pathlib import Path

from game.content.loaded import Library
from game.present.bots import choose
from game.progress.training import Theme, start_training, training_scenario
from game.table.table import Table

START = 1_800_000_000.0


def workshop(library: Library, folder: Path, scenario_id: str, teams: int, seed: int, answering: str | None = None,
             strategy: str = "random", t: float = START) -> Table:
    """A workshop logged in `folder` and played to its end by a bot, 30 s a move."""
    info = library.scenarios[scenario_id].info
    table = Table.start_new(folder, info, library.pool(info), [f"Équipe {n + 1}" for n in range(teams)], seed,
                            library.aspect_labels(info), t, answering=answering, origins=library.origins(info),
                            languages=library.languages(info), at_end=None)
    rng = random.Random(seed)
    while not table.over:
        t += 30.0
        table.act(choose(table, strategy, rng), t)
    table.close()
    return table


def training(library: Library, folder: Path, profile: str, seed: int, t: float = START) -> Table:
    """A learner's ten-minute session on everything, answered at random."""
    info = training_scenario(library, Theme(None, None), 10)
    table = start_training(library, folder, info, library.pool(info), profile, seed, t)
    rng = random.Random(seed)
    while not table.over:
        t += 30.0
        table.act(choose(table, "random", rng), t)
    table.close()
    return table
