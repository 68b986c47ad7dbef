"""Three training sessions over three days, as a learner at their desk: each ends on what to learn, a miss comes
back within the session, mastery rises only with right answers on a later day, the review deals exactly what is
due, the longest waiting first."""

from __future__ import annotations

from datetime import datetime

from game.debrief.ending import sheet_at_end
from game.engine.vocabulary import Action, ActionType
from game.present.room import facilitator
from game.progress.ending import learner_ending
from game.progress.report import progress_report
from game.progress.schedule import DAY
from game.progress.sync import open_store
from game.progress.training import Theme, review_session, start_training, training_scenario
from game.table.table import Table

DAY_ONE = datetime(2026, 11, 23, 9, 0).timestamp()


def play(table: Table, t: float, right_when) -> float:
    """The session played to its end, answering right when `right_when(card id, times seen)` says so."""
    seen: dict[str, int] = {}
    while not table.over:
        view = facilitator(table)
        if view.choice_sets:
            card = table.view().card.id
            seen[card] = seen.get(card, 0) + 1
            values = [view.points(s) for s in view.choice_sets]
            good = right_when(card, seen[card])
            table.act(Action(ActionType.ENTER, view.choice_sets[values.index(max(values) if good else min(values))],
                             team=0), t)
            table.act(Action(ActionType.REVEAL), t + 5)
            t += 10
        table.act(Action(ActionType.NEXT), t)
        t += 5
    table.close()
    return t


def mastered(folder) -> tuple[int, int]:
    store = open_store(folder)
    try:
        report = progress_report("Camille", store.answers("Camille"))
    finally:
        store.close()
    return sum(a.mastered for a in report.aspects), sum(a.seen for a in report.aspects)


def test_three_sessions_over_three_days(shipped, tmp_path):
    scenario = training_scenario(shipped, Theme(deck="teletravail"), 5)

    # Day one: every card missed the first time, right when it comes back three cards later.
    first = start_training(shipped, tmp_path, scenario, shipped.pool(scenario), "Camille", 11, DAY_ONE)
    assert first.at_end is sheet_at_end
    play(first, DAY_ONE + 10, lambda card, times: times > 1)
    ending = learner_ending(first)
    assert ending.answered >= 4 and ending.right == 0 and len(ending.missed) == ending.answered
    dealt = [p.card.id for p in first.history()]
    assert all(dealt.count(m.item) == 2 for m in ending.missed)  # each miss came back once, then right
    assert all(m.relearnt and DAY <= m.due - m.first.at <= DAY + 3600 for m in ending.missed)
    assert ending.next_review is not None and datetime.fromtimestamp(ending.next_review).day == 24
    assert first.sheet is not None and first.sheet.pdf.exists()
    assert mastered(tmp_path) == (0, ending.answered)  # right only minutes after seeing the answer: not mastered

    # Day two: the review deals exactly the cards due, the longest waiting first; all right, a day later.
    day_two = DAY_ONE + DAY + 3600
    store = open_store(tmp_path)
    due = store.due("Camille", day_two)
    store.close()
    assert sorted(due) == sorted(m.item for m in ending.missed)
    review = review_session(shipped, due)
    second = start_training(shipped, tmp_path, review.scenario, review.cards, "Camille", 12, day_two)
    assert [c.id for c in second.start.cards] == due
    play(second, day_two + 10, lambda card, times: True)
    assert learner_ending(second).missed == [] and learner_ending(second).right == len(due)
    assert mastered(tmp_path) == (len(due), len(due))  # right on a later day: mastered now
    store = open_store(tmp_path)
    assert store.due("Camille", day_two + 60) == []  # spaced further: three days now
    store.close()

    # Day three: a new session on the same deck; a card missed today is not mastered, even answered right after.
    day_three = DAY_ONE + 2 * DAY
    third = start_training(shipped, tmp_path, scenario, shipped.pool(scenario), "Camille", 13, day_three)
    play(third, day_three + 10, lambda card, times: times > 1 or card in due)
    ending3 = learner_ending(third)
    new = {m.item for m in ending3.missed}
    assert new and not new & set(due)
    assert mastered(tmp_path) == (len(due), len(set(due) | new))  # the new misses, right the same day, are not
