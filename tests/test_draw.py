"""The draw: fitted to the target minutes, balanced over aspects, fair between teams, seeded."""

from __future__ import annotations

from collections import Counter

from game.engine.draw import draw_cards
from tests.conftest import card, question, scenario


def pool(aspects=("a", "b", "c"), per_aspect=10, debates=4):
    cards = [question(f"q-{a}-{k}", a) for a in aspects for k in range(per_aspect)]
    cards += [card({"id": f"d-{k}", "kind": "debate", "aspect": "a", "prompt": "Et vous ?"}) for k in range(debates)]
    return cards


def test_auto_fills_the_target_minutes_around_fixed_counts():
    info = scenario(minutes={"target": 15, "max": 20},
                    draw=[{"kinds": ["question"], "count": "auto"}, {"kinds": ["debate"], "count": 2}])
    cards = draw_cards(info, pool(), 2, seed=4)
    kinds = Counter(c.kind for c in cards)
    assert kinds == {"question": 10, "debate": 2}  # 2 debates × 3 min, then 1-minute questions by whole rounds
    assert 15 <= sum(c.estimated_minutes for c in cards) <= 20  # reaches the target, never the maximum
    assert cards[0].kind == "question" and cards[-1].kind == "question"  # debates are spread, not bunched


def test_each_team_meets_the_aspects_in_the_same_cycle():
    info = scenario(minutes={"target": 18, "max": 18}, draw=[{"kinds": ["question"], "count": "auto"}])
    cards = draw_cards(info, pool(), 3, seed=1)
    assert len(cards) == 18
    for team in range(3):
        seen = [c.aspect for c in cards[team::3]]
        assert set(seen[:3]) == {"a", "b", "c"}  # every team's first three questions cover the three aspects
    for first in range(0, 18, 3):
        assert len({c.aspect for c in cards[first:first + 3]}) == 1  # one aspect per round of teams


def test_same_seed_same_draw_and_no_card_twice():
    info = scenario(minutes={"target": 30, "max": 40})
    first = [c.id for c in draw_cards(info, pool(), 2, seed=9)]
    assert first == [c.id for c in draw_cards(info, pool(), 2, seed=9)]
    assert first != [c.id for c in draw_cards(info, pool(), 2, seed=10)]
    assert len(set(first)) == len(first)


def test_unbalanced_and_filtered_rules():
    info = scenario(draw=[{"kinds": ["question"], "aspects": ["b"], "count": 5, "balanced": False}])
    cards = draw_cards(info, pool(), 1, seed=2)
    assert [c.aspect for c in cards] == ["b"] * 5


def test_a_small_pool_gives_what_it_has():
    info = scenario(minutes={"target": 60, "max": 90}, draw=[{"kinds": ["question"], "count": "auto"}])
    assert len(draw_cards(info, pool(per_aspect=2), 2, seed=3)) == 6
