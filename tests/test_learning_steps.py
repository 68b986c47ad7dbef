"""Learning steps in solo training: a missed card comes back later in the session, the review deals the longest
waiting first, a theme is one deck's aspect, and parcours are trained step by step."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from game.content.models import ScenarioInfo
from game.engine.relearn import AGAIN_AFTER, MAX_AGAIN
from game.engine.vocabulary import Action, ActionType
from game.present.room import facilitator
from game.progress.answers import card_of, item_of
from game.progress.sync import answers_of
from game.progress.training import Theme, TrainingError, review_session, start_training, theme_of, training_scenario
from game.session.start import SessionStart
from game.table.table import Table


def training(library, tmp_path, theme: Theme, seed: int = 1) -> Table:
    scenario = training_scenario(library, theme, 10)
    table = start_training(library, tmp_path, scenario, library.pool(scenario), "Camille", seed, 0.0)
    table.at_end = None
    return table


def answer(table: Table, right: bool, t: float) -> None:
    """The learner's answer to the card on the table: a right one (or the best option), or a wrong one."""
    view = facilitator(table)
    values = [view.points(s) for s in view.choice_sets]
    pick = view.choice_sets[values.index(max(values) if right else min(values))]
    table.act(Action(ActionType.ENTER, pick, team=0), t)
    table.act(Action(ActionType.REVEAL), t + 1)
    table.act(Action(ActionType.NEXT), t + 2)


def test_a_missed_card_comes_back_three_cards_later_until_answered_right(shipped, tmp_path):
    table = training(shipped, tmp_path, Theme(deck="teletravail"))
    first = table.view().card.id
    total = table.view().total
    answer(table, False, 10)
    assert table.view().total == total + 1  # the missed card is dealt once more
    dealt = []
    for k in range(AGAIN_AFTER):
        dealt.append(table.view().card.id)
        answer(table, True, 20 + 10 * k)
    assert first not in dealt and table.view().card.id == first  # back after three other cards
    answer(table, True, 100)
    assert [p.card.id for p in table.history()].count(first) == 2  # right now: it does not come back
    replayed = Table.read(table.path)  # the log holds only the answers: replaying deals the same cards
    assert [p.card.id for p in replayed.history()] == [p.card.id for p in table.history()]


def test_a_card_missed_every_time_comes_back_at_most_three_times(shipped, tmp_path):
    table = training(shipped, tmp_path, Theme(deck="teletravail"), seed=2)
    first = table.view().card.id
    t = 0.0
    while not table.over:
        t += 10
        answer(table, table.view().card.id != first, t)
    assert [p.card.id for p in table.history()].count(first) == 1 + MAX_AGAIN


def test_a_workshop_never_deals_a_card_again(shipped):
    from tests.conftest import shipped_start

    start = shipped_start(shipped, "atelier-teletravail", 1)
    assert not start.scenario.relearn and not start.game.relearn


def test_relearn_is_refused_outside_solo():
    with pytest.raises(ValidationError, match="relearn"):
        ScenarioInfo(id="s", title="S", description="D", mode="teams", relearn=True, decks=["teletravail"], win="points")


def test_the_review_deals_the_longest_waiting_first_and_a_parcours_once(shipped):
    parcours = next(c.id for d in shipped.decks.values() for c in d.cards if c.kind == "parcours")
    due = ["tt-050", item_of(parcours, "a"), "tt-006", item_of(parcours, "b"), "tt-016"]
    review = review_session(shipped, due)
    dealt = SessionStart.new(review.scenario, review.cards, ["Camille"], 7, 0.0, {}).cards
    assert [c.id for c in dealt] == ["tt-050", parcours, "tt-006", "tt-016"]


def test_a_theme_is_one_decks_aspect_even_when_another_deck_names_it_alike(shipped, tmp_path):
    shared = [a for a in shipped.decks["usagers"].info.aspects if a in shipped.decks["etrangers-prefecture"].info.aspects]
    assert shared, "the shipped decks no longer share an aspect id: this test proves nothing"
    aspect = shared[0]
    scenario = training_scenario(shipped, Theme("etrangers-prefecture", aspect), 15)
    assert scenario.decks == ["etrangers-prefecture"]
    pool = shipped.pool(scenario)
    assert {c.id for c in pool if c.aspect == aspect} <= {c.id for c in shipped.decks["etrangers-prefecture"].cards}
    with pytest.raises(TrainingError, match="--deck"):
        theme_of(shipped, None, aspect)
    assert theme_of(shipped, "usagers", aspect) == Theme("usagers", aspect)


def test_a_parcours_is_trained_and_each_step_is_an_answer_of_its_own(shipped, tmp_path):
    deck = next(d for d, deck in shipped.decks.items() if any(c.kind == "parcours" for c in deck.cards))
    scenario = training_scenario(shipped, Theme(deck=deck), 15)
    table = None
    for seed in range(40):  # a seed whose draw deals a parcours
        table = start_training(shipped, tmp_path, scenario, shipped.pool(scenario), "Camille", seed, 0.0)
        table.at_end = None
        if any(c.kind == "parcours" for c in table.start.cards):
            break
        table.close()
    assert table is not None and any(c.kind == "parcours" for c in table.start.cards)
    t = 0.0
    while not table.over:
        t += 10
        answer(table, False, t)
    steps = [a for a in answers_of(table, "Camille") if "#" in a.card]
    assert len(steps) >= 2 and len({a.card for a in steps}) == len(steps)  # one item per step answered
    for parcours in {card_of(a.card) for a in steps}:  # missed at every step, yet never dealt again
        first = next(c for c in table.start.cards if c.id == parcours).first_step
        assert sum(p.card.id == parcours and p.step.id == first for p in table.history()) == 1


def test_a_card_dealt_again_scores_its_first_answer_only(shipped, tmp_path):
    table = training(shipped, tmp_path, Theme(deck="teletravail"), seed=3)
    first = table.view().card.id
    answer(table, False, 10)
    score = table.standings().teams[0].score
    t = 20.0
    while table.view().card.id != first:
        answer(table, False, t)
        t += 10
    before = table.standings().teams[0].score
    answer(table, True, t)  # right when it comes back: learnt, but no points
    assert table.standings().teams[0].score == before and score == 0


def test_the_review_keeps_to_the_theme_asked(shipped):
    from game.progress.training import in_theme

    due = ["tt-050", "pf-002#a", "gone-001", "us-003"]
    assert in_theme(shipped, Theme(deck="teletravail"), due) == ["tt-050", "gone-001"]
    assert in_theme(shipped, Theme(), due) == due


def test_the_sheet_says_the_best_path_was_taken_only_when_every_choice_was_the_best(tmp_path):
    """An « acceptable » option may lead to the same step as the best one: the path is the same, the choices are
    not, and the sheet draws the path of the best choices beside it."""
    from pathlib import Path

    from game.content.library import load_library
    from game.present.sheet import journey_lines

    library = load_library([(Path(__file__).parent / "parcours", True)])
    info = library.scenarios["essai-parcours"].info
    for wanted, same in ((2, True), (1, False)):  # at the second step, the best option, then an acceptable one
        table = Table.start_new(tmp_path, info, library.pool(info), ["A"], 1, library.aspect_labels(info), 0.0,
                                at_end=None)
        t = 0.0
        while table.view().card is not None and table.view().card.kind != "parcours":
            table.act(Action(ActionType.SKIP), t := t + 1)
        for points in (2, wanted):  # the first step's best option, then the second step's
            view = facilitator(table)
            pick = next(s for s in view.choice_sets if view.points(s) == points)
            table.act(Action(ActionType.ENTER, pick, team=0), t := t + 1)
            table.act(Action(ActionType.REVEAL), t := t + 1)
            table.act(Action(ActionType.NEXT), t := t + 1)
        journey = journey_lines(table)[0]
        assert [b.title for b in journey.taken] == [b.title for b in journey.best] and journey.same is same
        table.close()
