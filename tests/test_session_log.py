"""The session log on disk: written as the game goes, replayed, resumed after a crash."""

from __future__ import annotations

import json

import pytest

from game.engine.rules import Action
from game.session.log import LogError, read_log
from game.session.logs import is_finished
from game.table.table import Table
from tests.conftest import shipped_start


@pytest.fixture
def recorded(shipped, tmp_path):
    table = Table.logged(tmp_path / "s.jsonl", shipped_start(shipped, "atelier-teletravail", seed=5))
    yield table
    table.close()


def play_some(table: Table, steps: int, t0: float = 0.0) -> None:
    for k in range(steps):
        answers = table.view().answers
        assert table.act(answers[0] if answers else Action("next"), t0 + k + 1) is None


def test_each_action_is_on_disk_before_the_state_moves(recorded):
    play_some(recorded, 3)
    lines = recorded.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    events = [json.loads(line) for line in lines]
    assert [e["seq"] for e in events] == [0, 1, 2, 3]
    assert events[0]["type"] == "start" and events[0]["cards"][0]["prompt"] and events[0]["format"] == 3
    assert events[1:] == recorded.session.events


def test_resume_rebuilds_the_state_and_marks_the_reopening(recorded):
    play_some(recorded, 5)
    state = recorded.session.state
    recorded.close()
    again = Table.resume(recorded.path, now=1000.0)
    assert again.session.state.plays == state.plays and again.session.state.index == state.index
    assert again.session.events[-1] == {"seq": 6, "t": 1000.0, "type": "reopen"}
    assert again.session.state.elapsed == state.elapsed  # the time the laptop was closed does not count
    play_some(again, 2, t0=1000.0)
    again.close()
    assert len(read_log(recorded.path).events) == 9


def test_resume_after_a_crash_in_the_middle_of_the_last_line(recorded):
    play_some(recorded, 4)
    recorded.close()
    with open(recorded.path, "ab") as log:  # the program died while writing its sixth action
        log.write(b'{"seq":5,"t":9.0,"ty')
    again = Table.resume(recorded.path, now=50.0)
    assert again.dropped_tail
    assert len(again.session.events) == 4 + 1  # four actions kept, the cut one lost, then reopen
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
        Table.resume(recorded.path, now=10.0)


def test_finished_sessions_are_not_offered_for_resume(recorded):
    play_some(recorded, 2)
    assert not is_finished(recorded.path)
    recorded.act(Action("end"), 10)
    assert is_finished(recorded.path)


def test_the_sheet_is_written_the_moment_the_session_ends(recorded):
    play_some(recorded, 2)
    assert recorded.sheet is None
    recorded.act(Action("end"), 10)
    assert recorded.sheet is not None and recorded.sheet.pdf == recorded.path.with_suffix(".pdf")
    assert recorded.sheet.pdf.stat().st_size > 10_000 and recorded.sheet.csv.is_file()


def test_resume_writes_the_automatic_events_a_cut_log_lost(recorded):
    recorded.act(Action("end"), 10)
    lines = recorded.path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[-1])["type"] == "over"
    recorded.path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")  # killed between the two lines
    assert not is_finished(recorded.path)
    again = Table.resume(recorded.path, now=20.0)
    again.close()
    assert again.over and is_finished(recorded.path)
    assert recorded.path.read_text(encoding="utf-8").splitlines() == lines


def test_a_log_from_a_newer_program_is_refused_with_a_sentence(recorded):
    recorded.close()
    lines = recorded.path.read_text(encoding="utf-8").splitlines()
    start = json.loads(lines[0])
    start["format"] = 4
    recorded.path.write_text("\n".join([json.dumps(start)] + lines[1:]) + "\n", encoding="utf-8")
    with pytest.raises(LogError, match=r"s\.jsonl:1: journal écrit par une version plus récente du programme "
                                       r"\(format 4, celui-ci lit jusqu'au format 3\)"):
        Table.resume(recorded.path, now=10.0)


def test_a_format_1_log_without_automatic_events_still_replays(recorded):
    play_some(recorded, 4)
    recorded.act(Action("end"), 10)
    lines = [json.loads(line) for line in recorded.path.read_text(encoding="utf-8").splitlines()]
    old = [{k: v for k, v in lines[0].items() if k != "format"}] + [e for e in lines[1:] if not e.get("auto")]
    recorded.path.write_text("\n".join(json.dumps(e) for e in old) + "\n", encoding="utf-8")
    assert is_finished(recorded.path)
    again = Table.read(recorded.path)
    assert again.over and again.standings() == recorded.standings()
