"""Property-based guards (Hypothesis) for the loader, the log reader and the engine: whatever they are
given, a sentence or a result, never a traceback. A short budget here; `benchmarks/fuzz.py` runs the
same checks for as long as one likes, in watched processes that also catch hangs and crashes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.session import Session
from game.engine.vocabulary import Action, ActionType, Refusal
from game.table.table import Table
from game.wording.players import refusal
from tests.fuzz_cases import base_logs, check_content, check_log, lab_folder, mutate_log

QUICK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def logs(shipped, tmp_path_factory) -> list[Path]:
    return base_logs(tmp_path_factory.mktemp("logs"), shipped)


@QUICK
@given(seed=st.integers(0, 2**32 - 1))
def test_a_mutated_lab_folder_is_refused_with_a_sentence_or_plays_for_every_team_count(tmp_path_factory, seed):
    folder = tmp_path_factory.mktemp("lab")
    scenario = lab_folder(folder, random.Random(seed))
    assert check_content(folder, scenario, seed, layout=False) in ("refused", "played")


@settings(QUICK, max_examples=60)
@given(seed=st.integers(0, 2**32 - 1))
def test_a_mutated_log_is_refused_with_a_sentence_or_resumes_to_its_sheet(logs, tmp_path_factory, seed):
    rng = random.Random(seed)
    path = tmp_path_factory.mktemp("log") / "s.jsonl"
    path.write_bytes(mutate_log(rng.choice(logs).read_bytes(), rng))
    assert check_log(path, seed) in ("refused", "read", "finished")


ACTIONS = st.builds(
    Action,
    st.sampled_from(list(ActionType)),
    st.lists(st.integers(-2, 7), max_size=3).map(tuple),
    st.sampled_from(["", "Une remarque.", "x" * 400]),
    st.lists(st.lists(st.integers(-1, 6), max_size=2).map(tuple), max_size=7).map(tuple),
)


@settings(QUICK, max_examples=150)
@given(scenario_index=st.integers(0, 3), teams=st.integers(1, 6),
       steps=st.lists(st.tuples(ACTIONS, st.floats(-5, 400, allow_nan=False)), max_size=50))
def test_any_actions_are_played_or_refused_and_the_log_rebuilds_the_state(shipped, scenario_index, teams, steps):
    """Legal or not, in any order, at any time: each action is played or refused with a reason key, and the
    events written rebuild exactly the state reached (what resume and the sheet rely on)."""
    info = sorted(shipped.scenarios.values(), key=lambda s: s.info.id)[scenario_index].info
    count = min(max(teams, info.team_range.min), info.team_range.max)
    table = Table.drawn(info, shipped.pool(info), [f"Équipe {n + 1}" for n in range(count)], 7,
                        shipped.aspect_labels(info))
    t = 0.0
    for action, dt in steps:
        t += dt
        before, logged = table.session.state, len(table.session.events)
        refused = table.act(action, t)
        if refused is None:  # played: it is in the log
            assert len(table.session.events) > logged
        else:  # refused: nothing changed, and the reason is a sentence for the room
            assert table.session.state is before and len(table.session.events) == logged
            assert refusal(refused).strip() and refused.reason in set(Refusal)
        table.view(), table.standings()
    again = Session.replay(table.start.game, table.start.t, table.session.events)
    assert again.stopped is None and again.state == table.session.state
