"""The rules pinned as a table: scripted sessions and what the room must see at their end (winners, the end's
reason, gauge values, scores) or the refusal each wrong move gets. Each row is a rule a hand-made mutation of
the engine once broke without any test noticing; a row names the rule it guards."""

from __future__ import annotations

import math
from typing import Any

import pytest

from game.engine.draw import draw_cards
from game.engine.vocabulary import Action, ActionType, IllegalAction, Refusal
from tests.conftest import card, question, scenario, session_of, situation

A = ActionType


def enter(team: int, *choices: int) -> Action:
    return Action(A.ENTER, tuple(choices), team=team)


REVEAL, FORCE, NEXT, SKIP, EXTEND = Action(A.REVEAL), Action(A.REVEAL, force=True), Action(A.NEXT), Action(A.SKIP), \
    Action(A.EXTEND)
UNDO, PAUSE, RESUME, END = Action(A.UNDO), Action(A.PAUSE), Action(A.RESUME), Action(A.END)


def answer(*choices: int) -> Action:
    return Action(A.ANSWER, tuple(choices))


def questions(*aspects: str) -> list[Any]:
    """One single-answer question per aspect given, its right answer first (no draw: the order is the list's)."""
    return [question(f"q{k}", aspect, answers=3) for k, aspect in enumerate(aspects)]


GAUGES = [{"id": "moral", "label": "Moral", "start": 5, "min": 0, "max": 10, "lose_below": 2},
          {"id": "charge", "label": "Charge", "start": 8, "min": 0, "max": 10}]


def event(ident: str, effects: dict[str, int]) -> Any:
    return card({"id": ident, "kind": "event", "aspect": "x", "prompt": "Il se passe quelque chose.", "effects": effects})


# (rule, scenario fields, cards, teams, script of (seconds, action)) -> expected at the end
ENDINGS: list[tuple[str, dict[str, Any], list[Any], list[str], list[Any], dict[str, Any]]] = [
    ("no team wins a points game with no point", {"win": "points"}, questions("a", "b"), ["A", "B"],
     [answer(1), NEXT, answer(2), NEXT], {"reason": "cards", "winners": (), "scores": (0, 0)}),
    ("the most points win a points game", {"win": "points"}, questions("a", "b", "a"), ["A", "B"],
     [answer(0), NEXT, answer(2), NEXT, answer(0), NEXT], {"reason": "cards", "winners": (0,), "scores": (2, 0)}),
    ("equal points tie", {"win": "points"}, questions("a", "b"), ["A", "B"],
     [answer(0), NEXT, answer(0), NEXT], {"reason": "cards", "winners": (0, 1)}),
    ("one team in turn: a panorama waits for the end of its round", {}, questions("a", "a", "b", "b", "a", "a"),
     ["A", "B"], [answer(0), NEXT, answer(1), NEXT, answer(0), NEXT, answer(1), NEXT],
     {"reason": "panorama", "winners": (0,), "plays": 4}),
    ("one team in turn: panoramas completed in the same round tie", {}, questions("a", "a", "b", "b", "a", "a"),
     ["A", "B"], [answer(0), NEXT] * 4, {"reason": "panorama", "winners": (0, 1), "plays": 4}),
    ("every team: the first full panorama does not end the game, the first to complete wins",
     {"answering": "all"}, questions("a", "b", "a", "b"), ["A", "B"],
     [enter(0, 0), enter(1, 1), REVEAL, NEXT, enter(0, 0), enter(1, 0), REVEAL, NEXT,
      enter(0, 1), enter(1, 0), REVEAL, NEXT],
     {"reason": "panorama", "winners": (0,), "plays": 3, "scores": (2, 2)}),
    ("every team: a team without an answer scores nothing and is recorded as giving none", {"answering": "all",
                                                                                           "win": "points"},
     questions("a"), ["A", "B", "C"], [enter(0, 0), enter(2, 1), FORCE, NEXT],
     {"reason": "cards", "winners": (0,), "scores": (1, 0, 0), "answers": [(0,), (), (1,)]}),
    ("gauges never pass their minimum nor their maximum", {"mode": "solo", "win": "gauges", "gauges": GAUGES},
     [event("e1", {"moral": -20, "charge": 20}), event("e2", {})], ["Solo"], [NEXT],
     {"reason": "gauges", "winners": (), "gauges": (0, 10)}),
    ("a gauge past its threshold ends the game after its card", {"mode": "solo", "win": "gauges", "gauges": GAUGES},
     [situation("s1", [{"moral": -4}, {"moral": 1}]), situation("s2", [{"moral": 1}, {"moral": 1}])], ["Solo"],
     [answer(0), NEXT], {"reason": "gauges", "winners": (), "gauges": (1, 8), "plays": 1}),
    ("a gauge at its threshold is not past it", {"mode": "solo", "win": "gauges", "gauges": GAUGES},
     [situation("s1", [{"moral": -3}, {"moral": 1}]), situation("s2", [{"moral": 1}, {"moral": 1}])], ["Solo"],
     [answer(0), NEXT], {"reason": None, "gauges": (2, 8)}),
    ("gauges won together when none crosses", {"mode": "solo", "win": "gauges", "gauges": GAUGES},
     [situation("s1", [{"moral": 1}, {"moral": -3}])], ["Solo"], [answer(0), NEXT],
     {"reason": "cards", "winners": (0,), "gauges": (6, 8)}),
    ("the maximum ends the game once the card on the table is done", {"minutes": {"target": 1, "max": 2}, "win": "points"},
     questions("a", "a", "a"), ["A"], [(119.999, answer(0)), (119.999, NEXT)], {"reason": None}),
    ("the maximum reached exactly ends it", {"minutes": {"target": 1, "max": 2}, "win": "points"}, questions("a", "a", "a"), ["A"],
     [(50, answer(0)), (120, NEXT)], {"reason": "time", "plays": 1}),
    ("five more minutes move the maximum", {"minutes": {"target": 1, "max": 2}, "win": "points"}, questions("a", "a", "a"), ["A"],
     [(10, EXTEND), (50, answer(0)), (120, NEXT), (130, answer(0)), (420, NEXT)], {"reason": "time", "plays": 2}),
    ("the facilitator ends it", {}, questions("a", "b"), ["A"], [END], {"reason": "facilitator", "plays": 0}),
    ("a pause stops the clock", {"minutes": {"target": 1, "max": 2}, "win": "points"}, questions("a", "a"), ["A"],
     [(10, PAUSE), (500, RESUME), (510, answer(0)), (520, NEXT)], {"reason": None, "elapsed": 30}),
]


@pytest.mark.parametrize("rule,fields,cards,teams,script,expected", ENDINGS, ids=[row[0] for row in ENDINGS])
def test_a_scripted_session_ends_as_the_rules_say(rule, fields, cards, teams, script, expected):
    s = session_of(scenario(**fields), cards, teams)
    t = 0.0
    for step in script:
        moment, action = (t + 1, step) if isinstance(step, Action) else step
        t = moment
        s.act(action, t)
    state = s.state
    assert state.end_reason == expected["reason"], rule
    if "winners" in expected:
        assert s.game.winners(state) == expected["winners"], rule
    if "scores" in expected:
        assert state.scores == expected["scores"], rule
    if "gauges" in expected:
        assert state.gauges == expected["gauges"], rule
    if "plays" in expected:
        assert len([p for p in state.plays if p.outcome != "event"]) == expected["plays"], rule
    if "answers" in expected:
        assert [a.choices for a in state.plays[-1].answers] == expected["answers"], rule
    if "elapsed" in expected:
        assert state.elapsed == pytest.approx(expected["elapsed"]), rule


# (rule, scenario fields, teams, moves played first, the refused move) -> the refusal and its values
REFUSALS: list[tuple[str, dict[str, Any], list[str], list[Action], Action, Refusal, dict[str, Any]]] = [
    ("a reveal names every team still missing", {"answering": "all"}, ["A", "B", "C", "D"], [enter(1, 0)], REVEAL,
     Refusal.MISSING, {"teams": [1, 3, 4]}),
    ("a reveal with no answer at all is refused, forced or not", {"answering": "all"}, ["A", "B"], [], FORCE,
     Refusal.NOBODY, {"teams": [1, 2]}),
    ("one team in turn, a reveal without its answer names it", {}, ["A", "B"], [], REVEAL, Refusal.NOBODY,
     {"teams": [1]}),
    ("one team in turn: only the team in turn enters", {}, ["A", "B"], [], enter(1, 0), Refusal.NOT_ANSWERING, {}),
    ("a team that is not in the session enters nothing", {"answering": "all"}, ["A", "B"], [], enter(2, 0),
     Refusal.NOT_ANSWERING, {}),
    ("a choice the card does not have", {"answering": "all"}, ["A", "B"], [], enter(0, 3), Refusal.NO_SUCH_CHOICE, {}),
    ("two choices on a single-answer card", {"answering": "all"}, ["A", "B"], [], enter(0, 0, 1),
     Refusal.NO_SUCH_CHOICE, {}),
    ("nothing to clear", {"answering": "all"}, ["A", "B"], [], Action(A.CLEAR, team=0), Refusal.NOTHING_TO_CLEAR, {}),
    ("no entry while paused", {"answering": "all"}, ["A", "B"], [PAUSE], enter(0, 0), Refusal.PAUSED, {}),
    ("no next card before the answer", {}, ["A"], [], NEXT, Refusal.ANSWER_FIRST, {}),
    ("no answer once revealed", {}, ["A"], [answer(0)], enter(0, 0), Refusal.NO_ANSWER_EXPECTED, {}),
    ("a reveal's pick when the room is not split", {"answering": "all"}, ["A", "B"], [enter(0, 0), enter(1, 0)],
     Action(A.REVEAL, (1,)), Refusal.NO_SUCH_CHOICE, {}),
    ("no minutes added to a session without a clock", {"timed": False}, ["A"], [], EXTEND, Refusal.UNTIMED, {}),
    ("nothing to undo at the start", {}, ["A"], [], UNDO, Refusal.NOTHING_TO_UNDO, {}),
    ("nothing after the end", {}, ["A"], [END], NEXT, Refusal.OVER, {}),
]


@pytest.mark.parametrize("rule,fields,teams,before,move,reason,values", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_a_wrong_move_is_refused_with_its_reason(rule, fields, teams, before, move, reason, values):
    s = session_of(scenario(**fields), questions("a", "b"), teams)
    for t, action in enumerate(before, start=1):
        s.act(action, t)
    snapshot = s.state
    with pytest.raises(IllegalAction) as refused:
        s.act(move, 50)
    assert refused.value.reason == reason, rule
    assert refused.value.values == values, rule
    assert s.state is snapshot  # nothing changed


def test_a_split_room_needs_the_facilitators_pick_among_the_tied_choices():
    info = scenario(answering="all", win="gauges", gauges=GAUGES)
    s = session_of(info, [situation("s1", [{"moral": 1}, {"moral": -1}, {}], ("best", "poor", "acceptable"))],
                   ["A", "B", "C", "D"])
    for t, action in enumerate([enter(0, 0), enter(1, 1), enter(2, 0), enter(3, 1)], start=1):
        s.act(action, t)
    with pytest.raises(IllegalAction) as refused:
        s.act(REVEAL, 5)
    assert refused.value.reason == Refusal.TIE
    with pytest.raises(IllegalAction):
        s.act(Action(A.REVEAL, (2,)), 5)  # not one of the tied choices
    s.act(Action(A.REVEAL, (1,)), 6)
    assert s.state.plays[-1].applied == (1,) and s.state.gauges == (4, 8)


def test_undo_after_a_reveal_returns_to_every_teams_entry_and_a_correction_is_a_move():
    s = session_of(scenario(answering="all"), questions("a", "b"), ["A", "B", "C"])
    for t, action in enumerate([enter(0, 0), enter(1, 2), enter(2, 1), REVEAL], start=1):
        s.act(action, t)
    assert s.state.scores == (1, 0, 0)
    s.act(UNDO, 5)
    assert s.state.phase == "answer" and s.state.entries == ((0,), (2,), (1,)) and s.state.scores == (0, 0, 0)
    s.act(enter(1, 0), 6)
    s.act(REVEAL, 7)
    assert s.state.scores == (1, 1, 0)


@pytest.mark.parametrize("teams", [1, 2, 3])
def test_a_fixed_count_draws_exactly_that_many_cards(teams):
    info = scenario(draw=[{"kinds": ["question"], "count": 5}], answering="rotation")
    pool = [question(f"q{k}", "ab"[k % 2]) for k in range(20)]
    for seed in range(10):
        assert len(draw_cards(info, pool, teams, seed)) == 5


def test_rotation_draws_a_round_per_aspect_so_every_team_can_complete_its_panorama():
    info = scenario(draw=[{"kinds": ["question"], "count": "auto"}], answering="rotation",
                    minutes={"target": 5, "max": 40})
    pool = [question(f"q{k}", "abcde"[k % 5]) for k in range(60)]
    for teams in (2, 3, 4):
        cards = draw_cards(info, pool, teams, 1)
        dealt = [set(c.aspect for c in cards[k::teams]) for k in range(teams)]
        assert all(d == set("abcde") for d in dealt), (teams, dealt)


def test_an_undo_keeps_the_minutes_the_facilitator_added():
    s = session_of(scenario(minutes={"target": 1, "max": 2}, win="points"), questions("a", "a", "a"), ["A"])
    s.act(answer(0), 10)
    s.act(EXTEND, 20)
    s.act(UNDO, 30)  # the answer is undone, not the five minutes
    assert s.state.extra == 300 and s.state.phase == "answer"


def test_one_team_in_turn_a_panorama_completed_inside_a_parcours_waits_for_the_parcours_and_the_round():
    from pathlib import Path

    from game.content.library import load_library

    library = load_library([(Path(__file__).parent / "parcours", True)])
    parcours = library.decks["essai-parcours"].cards[0]
    info = scenario(win="panorama")
    s = session_of(info, [parcours, question("q1", parcours.aspect)], ["A", "B"])
    best = s.game.facing(s.state).right_choices()[0]
    s.act(answer(best), 1)  # team A fills the parcours's aspect at its first step
    s.act(NEXT, 2)
    assert s.state.end_reason is None and s.state.phase == "answer"  # the parcours goes on for team A
    for t in range(3, 40, 2):
        if s.game.is_terminal(s.state):
            break
        facing = s.game.facing(s.state)
        s.act(answer(facing.right_choices()[0]) if s.state.phase == "answer" else NEXT, t)
    assert [p.answers[0].team for p in s.state.plays if p.answers][-1] == 1  # team B played its turn


# the compound move (every team's answer and the reveal at once): what bots of format 3 and old logs send
COMPOUND = [
    ("every team's answer is needed", {"answering": "all"}, [Action(A.ANSWER, teams=((0,),))], Refusal.EVERY_TEAM),
    ("a choice a team cannot give", {"answering": "all"}, [Action(A.ANSWER, teams=((0,), (5,)))],
     Refusal.NO_SUCH_CHOICE),
    ("no pick on a question", {"answering": "all"}, [Action(A.ANSWER, (1,), teams=((0,), (1,)))],
     Refusal.NO_SUCH_CHOICE),
]


@pytest.mark.parametrize("rule,fields,moves,reason", COMPOUND, ids=[c[0] for c in COMPOUND])
def test_the_compound_answer_is_refused_like_the_entries(rule, fields, moves, reason):
    s = session_of(scenario(**fields), questions("a", "b"), ["A", "B"])
    with pytest.raises(IllegalAction) as refused:
        s.act(moves[0], 1)
    assert refused.value.reason == reason, rule


def test_the_compound_answer_on_a_split_room_needs_a_tied_pick_and_applies_the_majority_otherwise():
    info = scenario(answering="all", win="gauges", gauges=GAUGES)
    cards = [situation("s1", [{"moral": 1}, {"moral": -1}, {}], ("best", "poor", "acceptable"))] * 1
    split = session_of(info, cards, ["A", "B"])
    with pytest.raises(IllegalAction) as refused:
        split.act(Action(A.ANSWER, teams=((0,), (1,))), 1)
    assert refused.value.reason == Refusal.TIE
    with pytest.raises(IllegalAction):
        split.act(Action(A.ANSWER, (2,), teams=((0,), (1,))), 1)
    split.act(Action(A.ANSWER, (1,), teams=((0,), (1,))), 2)
    assert split.state.gauges == (4, 8)
    three = session_of(info, cards, ["A", "B", "C"])
    with pytest.raises(IllegalAction) as refused:
        three.act(Action(A.ANSWER, (0,), teams=((1,), (1,), (0,))), 1)  # not split: no pick, or the majority's
    assert refused.value.reason == Refusal.NO_SUCH_CHOICE
    three.act(Action(A.ANSWER, teams=((1,), (1,), (0,))), 2)
    assert three.state.plays[-1].applied == (1,) and three.state.gauges == (4, 8)


def test_a_card_every_answering_team_got_right_is_right_even_with_a_silent_team():
    from game.session.start import SessionStart
    from game.table.table import Table

    start = SessionStart("t", 0.0, 0, ("A", "B", "C"), scenario(answering="all"), tuple(questions("a", "b")), {})
    table = Table.unlogged(start)
    for t, action in enumerate([enter(0, 0), enter(1, 0), FORCE], start=1):
        table.act(action, t)
    reveal = table.view().reveal
    assert reveal.mark == "right" and [v.mark for v in reveal.verdicts] == ["right", "right", "no_answer"]


def test_ending_during_a_debate_keeps_its_note_and_ending_while_paused_leaves_no_pause():
    debate = card({"id": "d1", "kind": "debate", "aspect": "a", "prompt": "Qu'en pensez-vous ?"})
    s = session_of(scenario(win="points"), [debate, *questions("a")], ["A"])
    s.act(Action(A.NOTE, text="à reprendre en réunion"), 1)
    s.act(PAUSE, 2)
    s.act(END, 3)
    assert s.state.end_reason == "facilitator" and s.state.paused is False
    [play] = s.state.plays
    assert play.outcome == "discussed" and play.note == "à reprendre en réunion" and play.card_id == "d1"


@pytest.mark.parametrize("text,refused", [("x" * 280, False), ("x" * 281, True), ("deux\nlignes", True)])
def test_a_note_holds_on_one_line_of_280_characters(text, refused):
    debate = card({"id": "d1", "kind": "debate", "aspect": "a", "prompt": "Qu'en pensez-vous ?"})
    s = session_of(scenario(win="points"), [debate, *questions("a")], ["A"])
    if refused:
        with pytest.raises(IllegalAction) as why:
            s.act(Action(A.NOTE, text=text), 1)
        assert why.value.reason == Refusal.NOTE_TOO_LONG and why.value.values == {"max": 280}
    else:
        s.act(Action(A.NOTE, text=text), 1)
        assert s.state.note == text


def test_an_answer_taken_back_is_missing_again():
    s = session_of(scenario(answering="all"), questions("a", "b"), ["A", "B"])
    s.act(enter(0, 1), 1)
    s.act(enter(1, 0), 2)
    s.act(Action(A.CLEAR, team=0), 3)
    assert s.state.entries == (None, (0,))
    with pytest.raises(IllegalAction) as refused:
        s.act(REVEAL, 4)
    assert refused.value.values == {"teams": [1]}


@pytest.mark.parametrize("played,stage", [(15 * 60 - 121, "on"), (15 * 60 - 120, "near"), (15 * 60 - 1, "near"),
                                          (15 * 60, "over"), (19 * 60, "over")])
def test_the_clock_turns_amber_two_minutes_before_the_target_and_red_at_it(played, stage):
    from game.table.view import Clock

    clock = Clock(elapsed=played, since=None, limit=20 * 60, card_started=0.0, target=15 * 60)
    assert clock.stage_at(0.0) == stage
    assert Clock(elapsed=played, since=None, limit=math.inf, card_started=0.0).stage_at(0.0) == "untimed"


def test_a_cards_time_at_the_table_counts_each_teams_entry_when_every_team_answers():
    from game.engine.draw import ENTRY_SECONDS, table_minutes

    q = question("q1", "a", minutes=1.0)
    debate = card({"id": "d1", "kind": "debate", "aspect": "a", "prompt": "Qu'en pensez-vous ?", "minutes": 3})
    assert table_minutes(q, every_team=False, teams=6) == 1.0  # one team in turn: its own answer only
    assert table_minutes(q, every_team=True, teams=1) == 1.0
    assert table_minutes(q, every_team=True, teams=6) == pytest.approx(1.0 + 6 * ENTRY_SECONDS / 60)
    assert table_minutes(debate, every_team=True, teams=6) == 3.0  # nobody enters an answer to a debate


@pytest.mark.parametrize("maximum,served", [(5, 1), (10, 2), (15, 3), (30, 6)])
def test_rotation_serves_as_many_teams_as_the_maximum_gives_a_round_per_aspect(maximum, served):
    """Five aspects of one-minute questions: each team needs five minutes of questions in turn."""
    from game.engine.draw import rotation_teams

    info = scenario(draw=[{"kinds": ["question"], "count": "auto"}], minutes={"target": maximum, "max": maximum})
    pool = [question(f"q{k}", "abcde"[k % 5], minutes=1.0) for k in range(60)]
    assert rotation_teams(info, pool) == served
    assert rotation_teams(scenario(win="points", draw=[{"kinds": ["question"], "count": "auto"}]), pool) == 6


def test_rules_that_share_cards_never_draw_one_twice():
    info = scenario(win="points", draw=[{"kinds": ["question"], "count": 4}, {"kinds": ["question"], "count": "auto"},
                                        {"kinds": ["question"], "aspects": ["a"], "count": 3}])
    pool = [question(f"q{k}", "ab"[k % 2]) for k in range(16)]
    for teams in (1, 2, 3):
        for seed in range(20):
            ids = [c.id for c in draw_cards(info, pool, teams, seed)]
            assert len(ids) == len(set(ids)), (teams, seed, ids)


def test_one_team_in_an_every_team_scenario_plays_as_the_team_in_turn():
    s = session_of(scenario(answering="all"), questions("a", "b"), ["Solo"])
    assert not s.game.every_team and s.game.current_team(s.state) == 0


def test_a_gauge_crossed_between_two_parcours_steps_ends_the_game_with_its_reason():
    from pathlib import Path

    from game.content.library import load_library

    library = load_library([(Path(__file__).parent / "parcours", True)])
    parcours = library.decks["essai-parcours"].cards[0]
    info = library.scenarios["essai-parcours"].info
    gauges = [{"id": "confiance", "label": "Confiance", "start": 5, "lose_below": 4},
              {"id": "charge", "label": "Charge", "start": 3, "lose_above": 9}]
    s = session_of(scenario(win="gauges", gauges=gauges), [parcours, question("q1", "a")], ["A"])
    s.act(answer(1), 1)  # "revenir avec un rendez-vous": confiance 5 → 3, and the parcours would go on
    assert s.state.plays[-1].leads == "retour" and s.state.gauges[0] == 3
    s.act(NEXT, 2)
    assert s.state.end_reason == "gauges" and s.game.winners(s.state) == ()
    assert info.win == "gauges"
