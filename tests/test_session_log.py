"""The session log on disk: written as the game goes, replayed, resumed after a crash."""

from __future__ import annotations

import json

import pytest

from game.engine.rules import Action
from game.session.log import LogError, read_log
from game.session.recorded import RecordedSession, is_finished
from tests.conftest import shipped_session


@pytest.fixture
def recorded(shipped, tmp_path):
    rec = RecordedSession.create(tmp_path / "s.jsonl", shipped_session(shipped, "atelier-teletravail", seed=5))
    yield rec
    rec.close()


def play_some(rec: RecordedSession, steps: int, t0: float = 0.0) -> None:
    for k in range(steps):
        answers = [a for a in rec.session.game.legal_actions(rec.state) if a.type == "answer"]
        rec.act(answers[0] if answers else Action("next"), t0 + k + 1)


def test_each_action_is_on_disk_before_the_state_moves(recorded):
    play_some(recorded, 3)
    lines = recorded.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    events = [json.loads(line) for line in lines]
    assert [e["seq"] for e in events] == [0, 1, 2, 3]
    assert events[0]["type"] == "start" and events[0]["cards"][0]["prompt"]
    assert events == recorded.session.events


def test_resume_rebuilds_the_state_and_marks_the_reopening(recorded):
    play_some(recorded, 5)
    state = recorded.state
    recorded.close()
    again = RecordedSession.resume(recorded.path, t=1000.0)
    assert again.state.plays == state.plays and again.state.index == state.index
    assert again.session.events[-1] == {"seq": 6, "t": 1000.0, "type": "reopen"}
    assert again.state.elapsed == state.elapsed  # the time the laptop was closed does not count
    play_some(again, 2, t0=1000.0)
    again.close()
    assert len(read_log(recorded.path).events) == 9


def test_resume_after_a_crash_in_the_middle_of_the_last_line(recorded):
    play_some(recorded, 4)
    recorded.close()
    with open(recorded.path, "ab") as log:  # the program died while writing its sixth action
        log.write(b'{"seq":5,"t":9.0,"ty')
    again = RecordedSession.resume(recorded.path, t=50.0)
    assert again.dropped_tail
    assert len(again.session.events) == 5 + 1  # start, four actions kept, the cut one lost, then reopen
    play_some(again, 1, t0=60.0)
    again.close()
    events = read_log(recorded.path).events  # the broken tail was cut, not left in the middle
    assert [e["seq"] for e in events] == [0, 1, 2, 3, 4, 5, 6]


def test_a_broken_line_in_the_middle_is_reported_with_its_line(recorded):
    play_some(recorded, 3)
    recorded.close()
    lines = recorded.path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2][:10]
    recorded.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LogError, match=r"s\.jsonl:3: ligne illisible"):
        RecordedSession.resume(recorded.path, t=10.0)


def test_finished_sessions_are_not_offered_for_resume(recorded):
    play_some(recorded, 2)
    assert not is_finished(recorded.path)
    recorded.act(Action("end"), 10)
    assert is_finished(recorded.path)
