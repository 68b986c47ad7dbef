"""A card has one number wherever it is read: the screen's « Carte 10 sur 11 », the sheet's « 10. », the answers grid
and the gauge chart's last « carte 11 » count cards, a parcours' steps being one card (issue: the small frictions)."""

from __future__ import annotations

import random

import pytest

from game.present.bots import choose
from game.present.room import played, room
from game.present.sheet import build_report
from game.table.table import Table
from tests.conftest import SHIPPED_SCENARIOS


@pytest.mark.parametrize("scenario_id", SHIPPED_SCENARIOS)
def test_the_sheet_numbers_cards_as_the_screen_counted_them(shipped, scenario_id):
    info = shipped.scenarios[scenario_id].info
    teams = ["Moi"] if info.mode == "solo" else ["Équipe 1", "Équipe 2"]
    table = Table.drawn(info, shipped.pool(info), teams, 7, shipped.aspect_labels(info))
    rng, t, on_screen = random.Random(7), 0.0, []
    while not table.over:
        shown, before = room(table).number, len(played(table))
        t += 20
        table.act(choose(table, "random", rng), t)
        for play in played(table)[before:]:  # « Carte N sur M » while each card was on the table (an event is
            on_screen.append(room(table).number if play.outcome == "event" else shown)  # settled as it is dealt)
    numbers = [p.card_number for p in played(table)]
    assert numbers == on_screen
    if info.mode != "solo" and any(p.step_id for p in played(table)):
        assert len(numbers) > numbers[-1]  # a parcours' steps: more plays than cards, as the screen counts them
    assert [c.number for c in build_report(table).cards] == numbers


def test_a_parcours_missed_at_several_steps_is_one_card_to_review(shipped):
    """« À revoir : carte 3 (Samira, 36 ans) ; carte 3 (Samira, 36 ans) » named one card once per missed step."""
    from game.present.sheet import AspectRate, _to_review

    info = shipped.scenarios["inclusion-numerique"].info
    table = Table.drawn(info, shipped.pool(info), ["Équipe 1", "Équipe 2"], 7, shipped.aspect_labels(info))
    rng, t = random.Random(3), 0.0
    while not table.over:
        t += 20
        table.act(choose(table, "worst", rng), t)
    lines = build_report(table).cards
    steps = [c for c in lines if c.kind == "parcours" and c.success is False]
    assert len(steps) > len({c.number for c in steps})  # a parcours missed at more than one step
    label = steps[0].aspect_label
    [said] = _to_review([AspectRate(label, 0, len([c for c in lines if c.aspect_label == label]))], lines)
    assert said.count(f"carte {steps[0].number} ") == 1
