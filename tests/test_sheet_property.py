"""The sheet is never missing: built from any session a room can play, of every shipped scenario and of generated
ones (an aspect nobody answered, a team that never answered, every card skipped, parcours only, gauges only),
whatever legal moves were made, the PDF and the CSV are written and the PDF names every team."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from game.content.library import load_library
from game.content.models import ScenarioInfo
from game.debrief.ending import sheet_at_end
from game.engine.vocabulary import Action, ActionType
from game.session.start import SessionStart, TooManyTeams
from game.table.table import Table
from tests.conftest import SHIPPED_SCENARIOS, card, question, scenario, situation

PARCOURS = Path(__file__).parent / "parcours"
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _generated(kind: str, aspects: int) -> tuple[Any, list[Any]]:
    """A scenario and its cards of one shape: questions over a panorama, options over gauges, or a mix."""
    letters = "abcdef"[:aspects]
    gauges = [{"id": "moral", "label": "Moral", "start": 5, "min": 0, "max": 10, "lose_below": 2}]
    if kind == "gauges only":
        cards = [situation(f"s{k}", [{"moral": 1}, {"moral": -2}]) for k in range(6)]
        return scenario(win="gauges", gauges=gauges, draw=[{"kinds": ["situation"], "count": 4}]), cards
    if kind == "parcours only":
        library = load_library([(PARCOURS, True)])
        info = library.scenarios["essai-parcours"].info
        return _with(info, draw=[{"kinds": ["parcours"], "count": 1}]), list(library.pool(info))
    cards = [question(f"q{k}", letters[k % aspects], answers=3) for k in range(3 * aspects)]
    cards += [card({"id": "d1", "kind": "debate", "aspect": "a", "prompt": "Qu'en pensez-vous ?"})]
    return scenario(win="panorama" if kind == "panorama" else "points",
                    draw=[{"kinds": ["question"], "count": "auto"}, {"kinds": ["debate"], "count": 1}]), cards


def _with(info: ScenarioInfo, **fields: Any) -> ScenarioInfo:
    """The scenario with some fields changed, checked as if written so."""
    return ScenarioInfo.model_validate({**info.model_dump(mode="json"), **fields})


def _play(table: Table, rng: random.Random, habit: str) -> None:
    """Legal moves until the end: at random, or skipping every card, or never answering for the last team."""
    t = 0.0
    for _ in range(3000):
        if table.over:
            return
        game, state = table.session.game, table.session.state
        legal = [a for a in game.legal_actions(state) if a.type != ActionType.END]
        if habit == "skip everything" and any(a.type == ActionType.SKIP for a in legal):
            legal = [Action(ActionType.SKIP)]
        elif habit == "a silent team":
            legal = [a for a in legal if a.team != len(game.teams) - 1] or legal
        by_type: dict[str, list[Action]] = {}
        for action in legal:
            by_type.setdefault(action.type, []).append(action)
        kind = rng.choice(sorted(by_type))
        action = rng.choice(by_type[kind])
        if action.type == ActionType.NOTE:
            action = Action(ActionType.NOTE, text="vu en salle")
        t += rng.uniform(1, 90)
        assert table.act(action, t) is None
    table.act(Action(ActionType.END), t + 1)


@SETTINGS
@given(source=st.sampled_from(SHIPPED_SCENARIOS + ["panorama", "points", "gauges only", "parcours only"]),
       teams=st.integers(1, 6), answering=st.sampled_from(["all", "rotation"]), aspects=st.integers(1, 5),
       habit=st.sampled_from(["random", "skip everything", "a silent team"]), seed=st.integers(0, 2**31))
def test_any_session_gets_its_sheet_and_csv(shipped, tmp_path_factory, source, teams, answering, aspects, habit, seed):
    if source in SHIPPED_SCENARIOS:
        info, pool = shipped.scenarios[source].info, shipped.pool(shipped.scenarios[source].info)
        labels = shipped.aspect_labels(info)
    else:
        info, pool = _generated(source, aspects)
        labels = {}
    names = ["Solo"] if info.mode == "solo" else [f"Équipe {k + 1}" for k in range(teams)]
    info = _with(info, teams={"min": 1, "max": 6}) if info.mode == "teams" else info
    try:
        start = SessionStart.new(info, pool, names, seed, 0.0, labels, "p", answering)
    except TooManyTeams:
        return  # refused before anything is written: the setup screen says how many teams it serves
    table = Table.logged(tmp_path_factory.mktemp("sheet") / "s.jsonl", start, at_end=sheet_at_end)
    _play(table, random.Random(seed), habit)
    assert table.over and table.sheet_error is None, table.sheet_error
    assert table.sheet.pdf.stat().st_size > 5_000 and table.sheet.csv.read_text(encoding="utf-8-sig")
    text = " ".join(page.extract_text() for page in PdfReader(table.sheet.pdf).pages)
    if info.mode == "teams":
        assert all(name in text for name in names)
