"""Every shipped scenario, with every team count it allows, in both answering modes, played to its sheet and CSV.

A trainer may pick any of these on the setup screen; each must end with a sheet written beside its log. This
is the test that would have seen a scenario without a panorama crash its every-team sheet.
"""

from __future__ import annotations

import csv
import random

import pytest
from pypdf import PdfReader

from game.debrief.ending import sheet_at_end
from game.present.bots import choose
from game.session.start import TooManyTeams
from game.table.table import Table, teams_in_turn
from tests.conftest import SHIPPED_SCENARIOS


def _combinations(library) -> list[tuple[str, int, str]]:
    found = []
    for scenario_id in SHIPPED_SCENARIOS:
        info = library.scenarios[scenario_id].info
        limits = info.team_range
        for n in range(limits.min, limits.max + 1):
            for answering in ("all", "rotation"):
                if n == 1 and answering == "all":
                    continue  # one team: both modes are the same session
                found.append((scenario_id, n, answering))
    return found


def test_the_matrix_covers_every_shipped_scenario_and_team_count(shipped):
    combos = _combinations(shipped)
    assert {c[0] for c in combos} == set(SHIPPED_SCENARIOS)
    teams = {c[1] for c in combos if shipped.scenarios[c[0]].info.mode == "teams"}
    assert teams == {1, 2, 3, 4, 5, 6}


@pytest.mark.parametrize("scenario_id", SHIPPED_SCENARIOS)
def test_every_team_count_and_mode_plays_to_its_sheet_and_csv(shipped, scenario_id, tmp_path):
    info = shipped.scenarios[scenario_id].info
    for name, n, answering in [c for c in _combinations(shipped) if c[0] == scenario_id]:
        teams = ["Solo"] if info.mode == "solo" else [f"Équipe {k + 1}" for k in range(n)]
        folder = tmp_path / f"{n}-{answering}"
        folder.mkdir()
        seed = 7 * n + len(answering)
        served = teams_in_turn(info.model_copy(update={"answering": answering}), shipped.pool(info))
        if answering == "rotation" and n > served:  # refused before anything is written, with the number served
            with pytest.raises(TooManyTeams) as refused:
                Table.start_new(folder, info, shipped.pool(info), teams, seed, shipped.aspect_labels(info), 1000.0,
                                answering=answering, at_end=sheet_at_end)
            assert refused.value.served == served and list(folder.iterdir()) == []
            continue
        table = Table.start_new(folder, info, shipped.pool(info), teams, seed, shipped.aspect_labels(info), 1000.0,
                                answering=answering, at_end=sheet_at_end)
        rng, t = random.Random(seed), 1000.0
        while not table.over:
            t += 20
            refused = table.act(choose(table, "random", rng), t)
            assert refused is None, (n, answering, refused)
        where = f"{scenario_id}, {n} team(s), {answering}"
        assert table.sheet_error is None, where
        assert table.sheet is not None and table.sheet.pdf.exists() and table.sheet.csv.exists(), where
        text = " ".join(page.extract_text() for page in PdfReader(table.sheet.pdf).pages)
        assert info.title.split()[0] in text, where
        for team in teams:
            if info.mode == "teams":
                assert team in text, where
        with table.sheet.csv.open(encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle, delimiter=";"))
        assert rows, where
        played = [p for p in table.history() if p.outcome == "answered"]
        assert len({r["carte"] for r in rows}) >= len({p.card.id for p in played}) > 0, where
