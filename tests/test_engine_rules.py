"""The rules of a turn, checked on small hand-made sessions."""

from __future__ import annotations

import pytest

from game.engine.moves import MOVES
from game.engine.vocabulary import Action, ActionType, IllegalAction, Refusal
from tests.conftest import card, question, scenario, session_of, situation

ANSWER_1 = Action("answer", (0,))
ANSWER_2 = Action("answer", (1,))
NEXT = Action("next")


def panorama_session(teams=("A", "B"), aspects=("a", "b"), per_aspect=2, **fields):
    cards = [question(f"q-{a}-{k}", a) for k in range(per_aspect) for a in aspects]
    return session_of(scenario(**fields), cards, list(teams))


def test_teams_rotate_on_answered_cards_only():
    s = panorama_session()
    assert s.game.current_team(s.state) == 0
    s.act(ANSWER_1, 1)
    assert s.game.current_team(s.state) == 0  # the reveal still belongs to the team that answered
    s.act(NEXT, 2)
    assert s.game.current_team(s.state) == 1
    s.act(Action("skip"), 3)  # a skipped card does not cost the team its turn
    assert s.game.current_team(s.state) == 1
    assert s.state.plays[-1].outcome == "skipped"


def test_panorama_first_full_wins_at_the_end_of_the_reveal():
    s = panorama_session()
    s.act(ANSWER_1, 1)   # A right on a
    s.act(NEXT, 2)
    s.act(ANSWER_1, 3)   # B right on b
    s.act(NEXT, 4)
    s.act(ANSWER_1, 5)   # A right on a again: still one aspect
    s.act(NEXT, 6)
    s.act(ANSWER_2, 7)   # B wrong on b
    assert s.state.phase == "reveal"
    s.act(NEXT, 8)
    assert s.game.is_terminal(s.state) and s.state.end_reason == "cards"
    assert s.state.scores == (2, 1)
    assert s.game.winners(s.state) == (0,)  # no full panorama: most points


def test_panorama_completed_ends_the_game_at_the_end_of_its_round():
    """One team in turn: A completes on its second turn; B still plays its own second turn, then the game ends."""
    cards = [question("q1", "a"), question("q2", "a"), question("q3", "b"), question("q4", "b"), question("q5", "a")]
    s = session_of(scenario(), cards, ["A", "B"])
    for t, action in enumerate([ANSWER_1, NEXT, ANSWER_2, NEXT, ANSWER_1, NEXT], start=1):
        s.act(action, t)
    assert s.state.panoramas == (frozenset({"a", "b"}), frozenset())
    assert s.state.phase == "answer" and s.state.end_reason is None  # B's turn in the same round
    s.act(ANSWER_2, 7)
    s.act(NEXT, 8)
    assert s.state.end_reason == "panorama"
    assert s.game.winners(s.state) == (0,)
    assert len(s.state.plays) == 4


def test_two_teams_completing_in_the_same_round_tie_whoever_played_first():
    cards = [question("q1", "a"), question("q2", "a"), question("q3", "b"), question("q4", "b"), question("q5", "a")]
    s = session_of(scenario(), cards, ["A", "B"])
    for t, action in enumerate([ANSWER_1, NEXT] * 4, start=1):
        s.act(action, t)
    assert s.state.end_reason == "panorama"
    assert s.game.winners(s.state) == (0, 1)


def test_multiple_choice_needs_exactly_the_right_set():
    q = question("q1", "a", correct=(0, 2), answers=4)
    s = session_of(scenario(), [q, question("q2", "a")], ["A"])
    legal = [a for a in s.game.legal_actions(s.state) if a.type == "answer"]
    assert len(legal) == 15  # every non-empty subset of four answers
    s.act(Action("answer", (0,)), 1)
    assert s.state.plays[-1].answers[0].correct is False
    s.act(Action("undo"), 2)
    s.act(Action("answer", (0, 2)), 3)
    assert s.state.plays[-1].answers[0].correct is True and s.state.scores == (1,)


def gauge_session(lose_below=2):
    info = scenario(mode="solo", win="gauges", gauges=[
        {"id": "moral", "label": "Moral", "start": 5, "min": 0, "max": 10, "lose_below": lose_below},
        {"id": "charge", "label": "Charge", "start": 8, "min": 0, "max": 10, "lose_above": 9}])
    cards = [
        situation("s1", [{"moral": 3, "charge": 5}, {"moral": -4}]),
        card({"id": "e1", "kind": "event", "aspect": "x", "prompt": "Une permanence ferme.", "effects": {"moral": -1}}),
        card({"id": "d1", "kind": "debate", "aspect": "x", "prompt": "Qu'en pensez-vous ?"}),
        situation("s2", [{"moral": 1}, {"moral": -1}]),
    ]
    return session_of(info, cards, ["Solo"])


def test_gauges_clamp_and_threshold_ends_the_game():
    s = gauge_session()
    s.act(ANSWER_1, 1)
    play = s.state.plays[-1]
    assert play.answers[0].rating == "best" and play.deltas == (("moral", 3), ("charge", 2))  # charge clamped at 10
    assert s.state.gauges == (8, 10)
    s.act(NEXT, 2)
    assert s.game.is_terminal(s.state) and s.state.end_reason == "gauges"
    assert s.game.winners(s.state) == ()


def test_events_apply_on_arrival_and_debates_keep_a_note():
    s = gauge_session(lose_below=0)
    s.act(ANSWER_2, 1)
    s.act(NEXT, 2)
    assert s.game.card(s.state).kind == "event" and s.state.phase == "reveal"
    assert s.state.gauges == (0, 8) and s.state.plays[-1].outcome == "event"
    s.act(NEXT, 3)
    assert s.state.phase == "discuss" and s.game.current_team(s.state) is None
    s.act(Action("note", text="  Revenir sur l'isolement  "), 4)
    s.act(NEXT, 5)
    assert s.state.plays[-1].outcome == "discussed" and s.state.plays[-1].note == "Revenir sur l'isolement"
    s.act(ANSWER_1, 6)
    s.act(NEXT, 7)
    assert s.state.end_reason == "cards" and s.game.winners(s.state) == (0,)


def test_a_gauge_under_its_threshold_loses_once_the_card_is_done():
    s = gauge_session(lose_below=2)
    s.act(ANSWER_2, 1)
    assert s.state.gauges == (1, 8) and s.state.phase == "reveal"
    s.act(NEXT, 2)
    assert s.state.end_reason == "gauges" and s.game.winners(s.state) == ()


def test_undo_goes_back_one_step_at_a_time_and_is_logged():
    s = panorama_session()
    s.act(ANSWER_2, 1)
    before_next = s.state
    s.act(NEXT, 2)
    s.act(Action("undo"), 3)
    assert s.state.index == before_next.index and s.state.plays == before_next.plays
    s.act(Action("undo"), 4)
    assert s.state.phase == "answer" and s.state.plays == () and s.state.scores == (0, 0)
    assert s.state.elapsed == 4  # time is not undone
    with pytest.raises(IllegalAction) as refused:
        s.game.apply(s.state, Action("undo"), 5)
    assert refused.value.reason == Refusal.NOTHING_TO_UNDO
    assert [e["type"] for e in s.events] == ["answer", "next", "undo", "undo"]


def test_pause_stops_the_clock_and_blocks_play():
    s = panorama_session()
    s.act(Action("pause"), 10)
    with pytest.raises(IllegalAction) as refused:
        s.act(ANSWER_1, 20)
    assert refused.value.reason == Refusal.PAUSED
    s.act(Action("resume"), 100)
    assert s.state.elapsed == 10
    s.act(ANSWER_1, 105)
    assert s.state.elapsed == 15 and s.state.plays[-1].seconds == 15


def test_maximum_duration_finishes_the_current_card_then_ends():
    s = panorama_session(minutes={"target": 1, "max": 2})
    s.act(ANSWER_2, 130)  # past the maximum, the card is still answered and revealed
    assert s.state.phase == "reveal"
    s.act(NEXT, 131)
    assert s.state.end_reason == "time"


def test_reopen_does_not_count_the_time_the_session_was_closed():
    s = panorama_session()
    s.act(ANSWER_1, 30)
    s.act(Action("reopen"), 5000, by_program=True)
    s.act(NEXT, 5010)
    assert s.state.elapsed == 40


def test_illegal_actions_are_refused_with_a_reason_and_change_nothing():
    s = panorama_session()
    before = s.state
    cases = [
        (NEXT, Refusal.ANSWER_FIRST),
        (Action("answer", (5,)), Refusal.NO_SUCH_CHOICE),
        (Action("resume"), Refusal.NOT_PAUSED),
        (Action("note", text="x"), Refusal.NOTE_IN_DEBATE),
        (Action("danse"), Refusal.UNKNOWN),
        (Action("reopen"), Refusal.PROGRAM_ONLY),
    ]
    for action, reason in cases:
        with pytest.raises(IllegalAction) as refused:
            s.act(action, 1)
        assert refused.value.reason == reason
        assert s.state is before and len(s.events) == 0
    s.act(ANSWER_1, 5)
    with pytest.raises(IllegalAction) as refused:
        s.act(NEXT, 4)
    assert refused.value.reason == Refusal.TIME_BACKWARDS
    s.act(Action("end"), 6)
    assert s.state.end_reason == "facilitator" and s.game.legal_actions(s.state) == []
    with pytest.raises(IllegalAction) as refused:
        s.act(NEXT, 7)
    assert refused.value.reason == Refusal.OVER


def test_legal_actions_and_refusals_come_from_the_same_moves_table():
    """In every state a session goes through, an action is listed as legal exactly when it is not refused."""
    s = gauge_session(lose_below=0)
    script = [ANSWER_2, Action("pause"), Action("resume"), NEXT, NEXT, Action("note", text="vu"), Action("undo"),
              NEXT, ANSWER_2, NEXT]
    for t, action in enumerate(script, start=1):
        legal = s.game.legal_actions(s.state)
        tries = {ActionType.ANSWER: Action(ActionType.ANSWER, (0,)),
                 ActionType.ENTER: Action(ActionType.ENTER, (0,), team=0),
                 ActionType.CLEAR: Action(ActionType.CLEAR, team=0),
                 ActionType.REVEAL: Action(ActionType.REVEAL, force=True)}
        for kind in ActionType:
            tried = tries.get(kind, Action(kind))
            listed = any(a.type == kind for a in legal)
            assert listed == (s.game.refusal(s.state, tried) is None) or kind == ActionType.REOPEN, (t, kind)
        s.act(action, t)
    assert s.game.is_terminal(s.state)
    assert {kind for kind, move in MOVES.items() if move.undoable} == {"answer", "reveal", "next", "skip", "note"}


def test_automatic_transitions_are_logged_after_their_action_and_replay_to_the_same_events():
    s = gauge_session(lose_below=0)
    s.act(ANSWER_2, 1)
    s.act(NEXT, 2)  # the event card arrives and moves the gauges by itself
    assert s.events[-2:] == [
        {"seq": 2, "t": 2, "type": "next"},
        {"seq": 3, "t": 2, "type": "effects", "auto": True, "card": "e1", "deltas": {"moral": -1}}]
    s.act(Action("end"), 3)
    assert s.events[-1] == {"seq": 5, "t": 3, "type": "over", "auto": True, "reason": "facilitator", "winners": [0]}
    from game.engine.session import Session
    assert Session.replay(s.game, 0.0, s.events).events == s.events


def test_state_copies_name_only_state_fields():
    """`State.but` does not check its field names at run time (it is the hottest call): this does, once."""
    import ast
    import inspect
    from dataclasses import fields

    import game.engine.rules as rules

    names = {f.name for f in fields(rules.State)}
    copying = {"but", "_record", "_advance"}  # the last two pass their extra keywords on to `but`
    calls = [node for node in ast.walk(ast.parse(inspect.getsource(rules)))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in copying]
    assert len(calls) > 10
    named = {kw.arg for call in calls for kw in call.keywords if kw.arg is not None}
    assert "phase" in named and named <= names


def test_a_card_judged_once_is_judged_afresh_when_copied_with_other_answers():
    """A card keeps its legal answers and their judgements (a batch of simulations asks thousands of times);
    a copy with other answers must not keep the old ones."""
    q = question("q-copy", "a", correct=(0,), answers=3)
    assert q.legal_answers == ((0,), (1,), (2,)) and q.judgements[(0,)].success
    swapped = q.model_copy(update={"answers": [a.model_copy(update={"correct": i == 2}) for i, a in enumerate(q.answers)]})
    assert swapped.judgements[(2,)].success and not swapped.judgements[(0,)].success
    shorter = q.model_copy(update={"answers": q.answers[:2]}, deep=True)
    assert shorter.legal_answers == ((0,), (1,))
    assert q.judgements[(0,)].success  # the original is untouched
