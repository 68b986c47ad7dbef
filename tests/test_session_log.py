"""The session log on disk: written as the game goes, replayed, resumed after a crash."""

from __future__ import annotations

import json

import pytest

from game.debrief.ending import sheet_at_end
from game.engine.vocabulary import Action
from game.session.log import LogError, read_log
from game.session.logs import is_finished
from game.session.start import LOG_FORMAT
from game.table.table import Table
from tests.conftest import shipped_start


@pytest.fixture
def recorded(shipped, tmp_path):
    table = Table.logged(tmp_path / "s.jsonl", shipped_start(shipped, "atelier-teletravail", seed=5), at_end=sheet_at_end)
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
    assert events[0]["type"] == "start" and events[0]["cards"][0]["prompt"] and events[0]["format"] == LOG_FORMAT
    assert events[1:] == recorded.session.events


def test_resume_rebuilds_the_state_and_marks_the_reopening(recorded):
    play_some(recorded, 5)
    state = recorded.session.state
    recorded.close()
    again = Table.resume(recorded.path, now=1000.0, at_end=sheet_at_end)
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
    again = Table.resume(recorded.path, now=50.0, at_end=sheet_at_end)
    assert again.dropped_tail
    assert len(again.session.events) == 4 + 1  # four actions kept, the cut one lost, then reopen
    play_some(again, 1, t0=60.0)
    again.close()
    events = read_log(recorded.path).events  # the broken tail was cut, not left in the middle
    assert [e["seq"] for e in events] == [0, 1, 2, 3, 4, 5, 6]


def test_a_broken_line_in_the_middle_keeps_what_comes_before_and_the_original(recorded):
    play_some(recorded, 3)
    recorded.close()
    lines = recorded.path.read_text(encoding="utf-8").splitlines()
    original = "\n".join(lines[:2] + [lines[2][:10]] + lines[3:]) + "\n"
    recorded.path.write_text(original, encoding="utf-8")
    again = Table.resume(recorded.path, now=10.0, at_end=sheet_at_end)
    assert "s.jsonl:3: ligne illisible" in again.damaged and "elle et la ligne suivante sont écartées" in again.damaged
    assert len(again.session.state.plays) == 1  # the first action (line 2) kept
    kept = recorded.path.with_name("s.jsonl.abime")
    assert kept.read_text(encoding="utf-8") == original and str(kept) in again.damaged
    play_some(again, 1, t0=20.0)
    again.close()
    assert [e["seq"] for e in read_log(recorded.path).events] == [0, 1, 2, 3]


def test_an_action_that_does_not_replay_stops_the_replay_there(recorded):
    """Two programs that wrote one log at once, or a hand edit: what replays is kept."""
    play_some(recorded, 4)
    recorded.close()
    lines = recorded.path.read_text(encoding="utf-8").splitlines()
    lines[3] = json.dumps({**json.loads(lines[3]), "t": float("nan")})
    recorded.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = Table.resume(recorded.path, now=50.0, at_end=sheet_at_end)
    assert "s.jsonl:4: action impossible à rejouer (heure invalide (nan))" in again.damaged
    assert "elle et la ligne suivante sont écartées" in again.damaged
    again.close()
    assert [e["seq"] for e in read_log(recorded.path).events] == [0, 1, 2, 3]  # 3 is the reopening now


@pytest.mark.parametrize("first", [b'{"seq":0,"t":0,"type":"sta', b"", b"[1, 2, 3]", b"[" * 100_000 + b"]" * 100_000,
                                   b"\x00\xff\xfe"])
def test_a_log_whose_first_line_is_cut_or_not_an_event_is_refused_with_a_sentence(tmp_path, first, shipped):
    from game.session.logs import latest_unfinished
    from game.ui.scenes.home import HomeScene
    from tests.ui_support import make_app

    path = tmp_path / "s.jsonl"
    path.write_bytes(first)
    with pytest.raises(LogError, match=r"s\.jsonl:1: ce fichier n’est pas un journal de session lisible"):
        read_log(path)
    assert latest_unfinished(tmp_path) is None
    app = make_app(shipped, tmp_path)
    assert isinstance(app.push(HomeScene(app)), HomeScene)  # the home screen opens, nothing to resume
    app.pop_all()


def test_a_second_program_cannot_open_a_session_being_played(recorded, shipped):
    from game.session.log import LogBusy

    play_some(recorded, 2)
    with pytest.raises(LogBusy, match="déjà ouverte par un autre programme"):
        Table.resume(recorded.path, now=100.0, at_end=sheet_at_end)
    from game.ui.scenes.home import HomeScene
    from game.ui.scenes.overlays import ErrorScene
    from game.wording.players import tr
    from tests.ui_support import make_app

    app = make_app(shipped, recorded.path.parent)
    home = app.push(HomeScene(app, summaries=[], unfinished=recorded.path))
    home.choose("resume")  # on screen, the same refusal as a sentence over the home screen
    assert isinstance(app.top, ErrorScene) and app.top.title == tr("error.not_resumed")
    assert "déjà ouverte par un autre programme" in app.top.errors[0]
    app.pop_all()
    play_some(recorded, 2, t0=10.0)  # the first one plays on, and its log still replays whole
    recorded.close()
    again = Table.resume(recorded.path, now=200.0, at_end=sheet_at_end)
    assert not again.damaged and len(again.session.state.plays) == len(recorded.session.state.plays)
    again.close()


def test_resuming_a_session_that_ended_before_its_sheet_writes_the_sheet(recorded):
    play_some(recorded, 2)
    recorded.act(Action("end"), 10)
    recorded.sheet.pdf.unlink()
    again = Table.resume(recorded.path, now=100.0, at_end=sheet_at_end)
    assert again.over and again.sheet is not None and again.sheet.pdf.is_file()
    again.close()


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
    again = Table.resume(recorded.path, now=20.0, at_end=sheet_at_end)
    again.close()
    assert again.over and is_finished(recorded.path)
    assert recorded.path.read_text(encoding="utf-8").splitlines() == lines


def test_a_log_from_a_newer_program_is_refused_with_a_sentence(recorded):
    recorded.close()
    lines = recorded.path.read_text(encoding="utf-8").splitlines()
    start = json.loads(lines[0])
    start["format"] = LOG_FORMAT + 1
    recorded.path.write_text("\n".join([json.dumps(start)] + lines[1:]) + "\n", encoding="utf-8")
    with pytest.raises(LogError, match=r"s\.jsonl:1: journal écrit par une version plus récente du programme "
                                       rf"\(format {LOG_FORMAT + 1}, celui-ci lit jusqu’au format {LOG_FORMAT}\)"):
        Table.resume(recorded.path, now=10.0, at_end=sheet_at_end)


def test_a_format_1_log_without_automatic_events_still_replays(recorded):
    play_some(recorded, 4)
    recorded.act(Action("end"), 10)
    lines = [json.loads(line) for line in recorded.path.read_text(encoding="utf-8").splitlines()]
    old = [{k: v for k, v in lines[0].items() if k != "format"}] + [e for e in lines[1:] if not e.get("auto")]
    recorded.path.write_text("\n".join(json.dumps(e) for e in old) + "\n", encoding="utf-8")
    assert is_finished(recorded.path)
    again = Table.read(recorded.path)
    assert again.over and again.standings() == recorded.standings()


@pytest.mark.parametrize("field, value, phrase", [
    ("t", float("nan"), "heure de début invalide (nan)"),
    ("t", float("inf"), "heure de début invalide (inf)"),
    ("t", -5, "heure de début invalide (-5)"),
    ("aspects", ["a", "b"], "libellés des aspects invalides"),
    ("teams", [1, 2], "liste des équipes invalide"),
    ("teams", ["Équipe 1", "   "], "liste des équipes invalide"),
    ("teams", ["Équipe 1", "x" * 5000], "nom d’équipe de 5000 caractères (au plus 20)"),
    ("teams", ["Équipe 1", "فريق"], "nom d’équipe avec des caractères que les polices du jeu n’affichent pas (U+0641, U+0631, U+064A, U+0642)"),
    ("teams", ["Équipe 1", "a\x00b"], "nom d’équipe avec des caractères que les polices du jeu n’affichent pas (U+0000)"),
    ("format", "3", "version de format illisible ('3')"),
    ("seed", 1.5, "graine invalide (1.5)"),
    ("cards", [{"id": "x"}], "scénario ou cartes invalides"),
])
def test_a_hand_edited_start_record_is_refused_with_its_field(recorded, field, value, phrase):
    """Each field of a log’s first line is checked on read; the message names the line and the field."""
    recorded.close()
    lines = recorded.path.read_text(encoding="utf-8").splitlines()
    start = json.loads(lines[0])
    start[field] = value
    recorded.path.write_text("\n".join([json.dumps(start)] + lines[1:]) + "\n", encoding="utf-8")
    with pytest.raises(LogError) as refused:
        Table.resume(recorded.path, now=10.0, at_end=sheet_at_end)
    assert f"s.jsonl:1: {phrase}" in str(refused.value)


def test_a_clock_set_back_since_the_session_does_not_stop_its_resume(recorded):
    """Found by the fuzz run: a laptop whose time was corrected backwards made resume raise."""
    play_some(recorded, 3, t0=60.0)
    recorded.close()
    again = Table.resume(recorded.path, now=10.0, at_end=sheet_at_end)  # before the last action’s time
    assert not again.over and again.act(again.view().answers[0] if again.view().answers else Action("next"), 11.0) is None
    again.close()


@pytest.mark.parametrize("choices", [[float("inf")], [1.5], ["un"], [True]])
def test_a_choice_that_is_not_a_number_stops_the_replay_there(recorded, choices):
    """Found by the fuzz run: `Infinity` as a choice (valid JSON for Python) was an OverflowError."""
    play_some(recorded, 3)
    recorded.close()
    lines = recorded.path.read_text(encoding="utf-8").splitlines()
    k = next(i for i, line in enumerate(lines) if json.loads(line)["type"] == "answer")
    event = json.loads(lines[k])
    event["teams"] = [choices] * len(event["teams"])
    lines[k] = json.dumps(event)
    recorded.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = Table.resume(recorded.path, now=100.0, at_end=sheet_at_end)
    assert f"s.jsonl:{k + 1}: action impossible à rejouer (choix invalide ({choices[0]!r}))" in again.damaged
    again.close()


def test_a_resumed_session_shows_the_answers_entered_before_the_interruption(shipped, tmp_path):
    info = shipped.scenarios["atelier-teletravail"].info
    table = Table.start_new(tmp_path, info, shipped.pool(info), ["A", "B", "C"], 4, shipped.aspect_labels(info), 0.0, at_end=sheet_at_end)
    table.act(Action("enter", (1,), team=0), 5.0)
    table.act(Action("enter", (0,), team=2), 6.0)
    table.close()  # the laptop’s lid closes
    again = Table.resume(table.path, now=500.0, at_end=sheet_at_end)
    view = again.view()
    assert view.phase == "answer" and view.entries == ((1,), None, (0,)) and view.missing == (1,)
    assert view.clock.elapsed == 6.0  # the time the lid was closed does not count
