"""OpenSpiel-style random simulation: every shipped scenario, hundreds of seeds, any legal action."""

from __future__ import annotations

import json
import random

import pytest

from game.content.library import load_library
from game.engine.session import Session
from game.engine.vocabulary import Action
from game.paths import shipped_decks, shipped_scenarios
from game.session.start import SessionStart
from tests.conftest import shipped_start

SCENARIOS = sorted(load_library([(shipped_decks(), True), (shipped_scenarios(), True)]).scenarios)

SEEDS = range(300)
MAX_STEPS = 5000


def random_action(actions: list[Action], rng: random.Random) -> Action:
    """Any legal action but "end" (which would end every game at once), with a note's text made up."""
    action = rng.choice([a for a in actions if a.type != "end"])
    return Action("note", text=f"note {rng.randint(1, 99)}") if action.type == "note" else action


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_random_play_always_ends_and_replays_to_an_equal_state(shipped, scenario_id):
    for seed in SEEDS:
        rng = random.Random(seed)
        start = shipped_start(shipped, scenario_id, seed, teams=1 + seed % 6)
        session = Session(start.game, start.t)
        game = session.game
        t = 0.0
        for _ in range(MAX_STEPS):
            if game.is_terminal(session.state):
                break
            actions = game.legal_actions(session.state)
            assert actions, f"seed {seed}: no legal action before the end"
            t += rng.uniform(0, 40)
            session.act(random_action(actions, rng), round(t, 3))
        assert game.is_terminal(session.state), f"seed {seed}: no end after {MAX_STEPS} actions"
        assert game.legal_actions(session.state) == []
        logged = [json.loads(json.dumps(e)) for e in [start.to_json(), *session.events]]  # what the log holds
        again = SessionStart.from_json(logged[0])
        replayed = Session.replay(again.game, again.t, logged[1:])
        assert replayed.state == session.state and replayed.events == logged[1:]


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_a_simulation_that_keeps_no_events_ends_in_the_same_state(shipped, scenario_id):
    """What `simulate` plays in a batch (no events kept, for speed) is the session a log would hold."""
    from game.simulate import play_session

    info = shipped.scenarios[scenario_id].info
    names = ["Solo"] if info.mode == "solo" else ["A", "B", "C"]
    for seed in range(20):
        args = (info, shipped.pool(info), shipped.aspect_labels(info), names, seed, "random")
        kept, counted = play_session(*args), play_session(*args, recorded=False)
        assert kept.session.events and counted.session.events == []
        assert counted.session.state == kept.session.state
