"""Solo self-training: an agent plays alone from the terminal, comes back to what they missed, sees progress."""

from __future__ import annotations

import io
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from game.cli import main
from game.debrief.ending import sheet_at_end
from game.engine.vocabulary import Action, ActionType
from game.progress.profiles import sheet_name
from game.progress.report import progress_report
from game.progress.schedule import DAY, MASTERED, card_progress, mastery
from game.progress.store import STORE_NAME, Answer, Store
from game.progress.sync import open_store
from game.progress.training import (
    Theme,
    TrainingError,
    review_session,
    training_scenario,
)
from game.table.table import Table


class Ran:
    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def game(capsys, monkeypatch):
    """`python -m game …` as an agent types it, the answers piped in (in this process: a tenth of the time)."""
    def run(folder: Path, *args: str, keys: str = "") -> Ran:
        monkeypatch.setattr(sys, "stdin", io.StringIO(keys))
        code = main([*args, "--sessions-dir", str(folder)])
        out, err = capsys.readouterr()
        return Ran(code, out.replace("\u00a0", " "), err.replace("\u00a0", " "))  # as read: no-break spaces are spaces
    return run


def latest_answers(folder: Path) -> dict[str, tuple[str, bool]]:
    """Each card's aspect label and whether its latest answer was right, read from the logs themselves."""
    latest: dict[str, tuple[float, str, bool]] = {}
    for log in folder.glob("*.jsonl"):
        for play in Table.read(log).history():
            if play.verdicts and play.at >= latest.get(play.card.id, (-1.0,))[0]:
                latest[play.card.id] = (play.at, play.aspect_label, play.verdicts[0].success)
    return {card: (label, right) for card, (_, label, right) in latest.items()}


def test_two_sessions_from_the_terminal_then_progress_shows_them_and_review_offers_exactly_the_missed_cards(game, tmp_path):
    for seed, answer in ((1, "1"), (2, "2")):
        played = game(tmp_path, "train", "--console", "--deck", "teletravail", "--minutes", "5", "--profile",
                      "Camille", "--seed", str(seed), keys=f"{answer}\n\n" * 40)
        assert played.returncode == 0, played.stderr
        assert "Vos progrès : python -m game progress --profile \"Camille\"" in played.stdout
    latest = latest_answers(tmp_path)
    missed = {card for card, (_, right) in latest.items() if not right}
    assert len(latest) >= 8 and 0 < len(missed) < len(latest)  # both kinds of answers, or the test proves little

    shown = game(tmp_path, "progress", "--profile", "Camille", "--pdf")
    assert shown.returncode == 0, shown.stderr
    for label in {label for label, _ in latest.values()}:  # both sessions today: a card is mastered on a later day
        seen = [right for lab, right in latest.values() if lab == label]
        assert f"  {label} : 0 sur {len(seen)} (0 %)" in shown.stdout
    assert f"Cartes à revoir ({len(missed)})" in shown.stdout
    assert {line.split(" · ")[0].strip() for line in shown.stdout.splitlines() if "à revoir maintenant" in line} == missed
    sheet = "\n".join(page.extract_text() for page in PdfReader(tmp_path / sheet_name("Camille")).pages)
    assert "Progrès de Camille" in sheet and "Maîtrise par aspect" in sheet
    assert all(card in sheet for card in missed)

    review = game(tmp_path, "train", "--console", "--review", "--profile", "Camille", "--seed", "9", keys="")
    assert review.returncode == 0, review.stderr
    log = Path(re.search(r"Journal : (\S+\.jsonl)", review.stdout).group(1))
    assert {card.id for card in Table.read(log).start.cards} == missed
    assert f"Carte 1/{len(missed)}" in review.stdout


def test_once_every_missed_card_is_answered_right_nothing_is_due_until_its_wait_is_over(shipped, tmp_path):
    store = Store(tmp_path / STORE_NAME)
    store.record("s1", [answer("tt-001", 1_000.0, False)])
    store.record("s2", [answer("tt-001", 2_000.0, True, session="s2")])
    assert store.due("p", 2_000.0 + DAY - 1) == [] and store.next_due("p") == 2_000.0 + DAY
    assert store.due("p", 2_000.0 + DAY) == ["tt-001"]
    store.close()


def test_another_profile_has_its_own_progress_and_a_name_the_fonts_cannot_show_is_refused(game, tmp_path):
    assert game(tmp_path, "train", "--console", "--minutes", "5", "--profile", "Dominique", "--seed", "4",
                keys="1\n\n" * 40).returncode == 0
    other = game(tmp_path, "progress", "--profile", "Sam")
    assert other.returncode == 0
    assert "Aucune réponse enregistrée pour Sam" in other.stdout and "Profils sur cet ordinateur : Dominique" in other.stdout
    refused = game(tmp_path, "train", "--console", "--profile", "سلمى")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "nom de profil refusé" in refused.stderr and "U+0633" in refused.stderr


def test_a_theme_the_decks_do_not_have_is_one_sentence(game, tmp_path):
    done = game(tmp_path, "train", "--console", "--aspect", "reglementair")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "l’aspect « reglementair » n’existe dans aucun deck" in done.stderr and "reglementaire" in done.stderr


def answer(card: str, at: float, success: bool, session: str = "s1", aspect: str = "reglementaire",
           kind: str = "question", mark: str | None = None) -> Answer:
    return Answer(session, 1, "p", card, "teletravail", 1, kind, aspect, aspect.capitalize(), at,
                  mark or ("right" if success else "wrong"), success, f"{card} ?", "1", "2", "Parce que.", "Source")


def due(history: list[Answer], now: float) -> list:
    return progress_report("p", history).due_now(now)


def test_a_missed_card_comes_back_at_once_then_later_and_later_until_learnt():
    t0 = 1_000_000.0
    history = [answer("a", t0, False)]
    assert [c.card for c in due(history, t0)] == ["a"]
    waits = []
    for step in range(4):  # right four times in a row, each when it is due
        card = card_progress(history)["a"]
        history.append(answer("a", card.due + 1, True))
        after = card_progress(history)["a"]
        waits.append(round((after.due - history[-1].at) / DAY) if after.box < MASTERED else None)
        assert due(history, history[-1].at) == []
    assert waits == [1, 3, 7, None]  # mastered after the last box
    history.append(answer("a", history[-1].at + DAY, False))  # missed again: back to the first box
    assert card_progress(history)["a"].box == 1


def test_a_card_right_the_first_time_is_never_scheduled():
    cards = card_progress([answer("a", 1.0, True), answer("b", 2.0, False), answer("b", 3.0, True)])
    assert cards["a"].box == 0 and not cards["a"].to_review
    history = [answer("b", 2.0, False), answer("b", 3.0, True)]
    assert cards["b"].to_review and due(history, 3.0) == [] and due(history, 3.0 + DAY)[0].card == "b"


def test_mastery_counts_a_right_answer_only_on_a_later_day_than_the_card_was_met_or_missed():
    t0 = 1_000_000.0
    found = {m.aspect: m for m in mastery([
        answer("a", t0, False, "s1"), answer("a", t0 + 60, True, "s1"),  # right just after seeing the answer
        answer("b", t0 + 120, True, "s1"), answer("c", t0 + 180, True, "s1", aspect="technique"),
        answer("a", t0 + DAY, True, "s2"), answer("b", t0 + DAY + 60, True, "s2"),  # right again, a day later
        answer("c", t0 + DAY + 120, False, "s2", aspect="technique"),
        answer("c", t0 + DAY + 180, True, "s2", aspect="technique"),  # missed, then right the same day
    ])}
    assert (found["reglementaire"].mastered, found["reglementaire"].seen) == (2, 2)
    assert found["reglementaire"].trend == [(0, 0.0), (1, 1.0)]
    assert found["technique"].trend == [(0, 0.0), (1, 0.0)]


def test_two_decks_naming_an_aspect_alike_are_two_rows_of_mastery():
    rows = mastery([answer("a", 1.0, True), answer("b", 2.0, True)._replace(deck="usagers")])
    assert [(m.deck, m.aspect) for m in rows] == [("teletravail", "reglementaire"), ("usagers", "reglementaire")]
    assert [m.label for m in rows] == ["Reglementaire (teletravail)", "Reglementaire (usagers)"]


def test_a_right_answer_before_the_wait_is_over_does_not_space_the_card():
    t0 = 1_000_000.0
    history = [answer("a", t0, False), answer("a", t0 + 60, True)]
    assert card_progress(history)["a"].due == t0 + 60 + DAY
    early = card_progress([*history, answer("a", t0 + 120, True)])["a"]  # reviewed again at once: nothing changes
    assert (early.box, early.due) == (2, t0 + 60 + DAY)


def test_options_are_counted_as_best_choices_per_aspect():
    report = progress_report("p", [
        answer("u1", 1, True, aspect="orientation", kind="persona", mark="best"),
        answer("u2", 2, False, aspect="orientation", kind="persona", mark="acceptable"),
        answer("u3", 3, True, aspect="orientation", kind="persona", mark="best")])
    assert [(c.label, c.best, c.answers) for c in report.choices] == [("Orientation", 2, 3)]


def test_a_card_removed_from_the_decks_stays_in_the_history_and_is_not_dealt(shipped, tmp_path):
    history = [answer("tt-001", 1.0, False), answer("gone-42", 2.0, False)]
    review = review_session(shipped, [c.card for c in due(history, 10.0)])
    assert [c.id for c in review.cards] == ["tt-001"] and review.gone == ["gone-42"]
    assert review.scenario is not None and not review.scenario.timed
    assert progress_report("p", history).review[1].last.prompt == "gone-42 ?"


def test_an_unknown_theme_is_refused_and_a_timed_session_has_its_clock(shipped):
    with pytest.raises(TrainingError):
        training_scenario(shipped, Theme(deck="nulle-part"), 10)
    assert training_scenario(shipped, Theme(), 10, timed=True).minutes.max == 15
    assert not training_scenario(shipped, Theme(), 10).timed


def test_a_session_read_again_after_an_undo_is_kept_as_it_now_is(tmp_path):
    store = Store(tmp_path / STORE_NAME)
    store.record("s1", [answer("a", 1, False), answer("b", 2, True)._replace(number=2)])
    assert store.due("p", 10) == ["a"]
    store.record("s1", [answer("a", 1, True)])
    assert store.due("p", 10) == []
    assert [(a.card, a.success) for a in store.answers("p")] == [("a", True)]
    store.close()


def test_an_unreadable_progress_file_is_one_sentence_and_is_rebuilt(game, tmp_path):
    (tmp_path / STORE_NAME).write_bytes(b"pas une base de donn\xc3\xa9es" * 100)
    done = game(tmp_path, "progress", "--profile", "Camille")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "Le fichier de progression était abîmé" in done.stderr and (tmp_path / f"{STORE_NAME}.abime").exists()


WRITER = """
import sys
from game.progress.store import Answer, Store
store = Store(__import__("pathlib").Path(sys.argv[1]))
n = 0
while True:
    n += 1
    store.record(f"s{n}", [Answer(f"s{n}", i, "p", f"c{i}", "d", 1, "question", "a", "A", n + i / 1000, "right", True,
                         "?", "1", "2", "", "") for i in range(300)])
    if n == 1:
        print("writing", flush=True)
"""


def test_the_progress_file_survives_a_kill_during_a_write(tmp_path):
    """Each session is all in the file or not at all, however the writer is stopped."""
    path = tmp_path / STORE_NAME
    for trial in range(10):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline() == "writing\n"
        time.sleep(0.011 * trial)  # at a different point of a write each time
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        store = Store(path)
        assert store.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        counts = dict(store.db.execute("SELECT session, COUNT(*) FROM answers GROUP BY session").fetchall())
        store.close()
        assert counts and set(counts.values()) == {300}


def test_a_session_stopped_by_a_kill_is_copied_whole_at_the_next_opening(shipped, tmp_path):
    scenario = training_scenario(shipped, Theme(deck="teletravail"), 5)
    table = Table.start_new(tmp_path, scenario, shipped.pool(scenario), ["Camille"], 3,
                            shipped.aspect_labels(scenario), 100.0, profile="Camille", origins=shipped.origins(scenario), at_end=sheet_at_end)
    t = 100.0
    for _ in range(3):
        t += 20
        table.act(Action(ActionType.ANSWER, (0,)), t)
        table.act(Action(ActionType.NEXT), t + 1)
    table.close()  # the program stops here, the session unfinished and never copied
    store = open_store(tmp_path)
    kept = store.answers("Camille")
    assert [a.number for a in kept] == [1, 2, 3] and all(a.deck == "teletravail" and a.deck_version >= 1 for a in kept)
    store.close()


def test_answers_written_while_the_store_reads_the_log_are_copied_at_the_next_opening(shipped, tmp_path, monkeypatch):
    """Another window (or this one's session going on) writes to the log between the store's reading of it and its
    noting the log as read: the store must note the log as it was read, so the new answer is copied next time."""
    import game.progress.sync as sync_module

    scenario = training_scenario(shipped, Theme(deck="teletravail"), 5)
    table = Table.start_new(tmp_path, scenario, shipped.pool(scenario), ["Camille"], 3, shipped.aspect_labels(scenario),
                            100.0, profile="Camille", origins=shipped.origins(scenario), at_end=sheet_at_end)
    table.act(Action(ActionType.ANSWER, (0,)), 120.0)
    table.act(Action(ActionType.NEXT), 121.0)
    read = sync_module.Table.read

    def read_then_write(path):  # the log grows right after the store has read it
        replayed = read(path)
        table.act(Action(ActionType.ANSWER, (0,)), 140.0)
        return replayed

    monkeypatch.setattr(sync_module.Table, "read", staticmethod(read_then_write))
    store = open_store(tmp_path)
    assert [a.number for a in store.answers("Camille")] == [1]
    store.close()
    monkeypatch.setattr(sync_module.Table, "read", read)
    store = open_store(tmp_path)
    assert [a.number for a in store.answers("Camille")] == [1, 2]  # not lost: the log changed since it was read
    store.close()
    table.close()


def test_a_profile_name_never_makes_a_path_wherever_it_comes_from(shipped, tmp_path, capsys):
    """Typed on the command line or found in a log, a profile is letters, spaces, hyphens and apostrophes; the
    progress sheet is named from a slug inside the sessions folder."""
    import json

    from game.cli import main
    from game.progress.profiles import sheet_name
    from game.session.log import LogError

    for hostile in ("a/../../../x", "x\x00", "x" * 41, "أحمد", ".."):
        assert main(["train", "--console", "--profile", hostile, "--sessions-dir", str(tmp_path)]) == 2
        assert "profil" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.jsonl"))
    assert sheet_name("anne-marie") == "progres-anne-marie.pdf"
    assert sheet_name("Anne-Marie N'Diaye").startswith("progres-anne-marie-n-diaye-") and sheet_name("’").startswith(
        "progres-profil-")
    assert len({sheet_name(n) for n in ("Carol", "carol", "Éric", "Eric", "Anne-Marie", "Anne Marie")}) == 6
    scenario = training_scenario(shipped, Theme(deck="teletravail"), 5)
    table = Table.start_new(tmp_path, scenario, shipped.pool(scenario), ["Camille"], 3, shipped.aspect_labels(scenario),
                            100.0, profile="Camille", at_end=sheet_at_end)
    table.close()
    lines = table.path.read_text(encoding="utf-8").splitlines()
    start = json.loads(lines[0])
    start["profile"] = "../../x"  # a planted log
    table.path.write_text("\n".join([json.dumps(start), *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(LogError, match="profil"):
        Table.read(table.path)
    store = open_store(tmp_path)  # the planted log is left out of anyone's progress
    assert store.profiles() == []
    store.close()


def test_a_pipe_or_a_link_in_the_sessions_folder_is_passed_over(tmp_path):
    """A FIFO would block the reading for ever, a link to /dev/zero would never end: neither is a log."""
    import os

    os.mkfifo(tmp_path / "tube.jsonl")
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    store = open_store(tmp_path)  # returns: nothing blocked, nothing read
    assert store.profiles() == []
    store.close()


@pytest.mark.parametrize("damage", ["garbled", "no tables"])
def test_a_damaged_store_is_set_aside_and_rebuilt_from_the_logs(shipped, tmp_path, damage):
    import sqlite3

    from game.progress.store import STORE_NAME

    scenario = training_scenario(shipped, Theme(deck="teletravail"), 5)
    table = Table.start_new(tmp_path, scenario, shipped.pool(scenario), ["Camille"], 3, shipped.aspect_labels(scenario),
                            100.0, profile="Camille", origins=shipped.origins(scenario), at_end=sheet_at_end)
    table.act(Action(ActionType.ANSWER, (0,)), 120.0)
    table.close()
    open_store(tmp_path).close()
    path = tmp_path / STORE_NAME
    if damage == "garbled":
        raw = bytearray(path.read_bytes())
        raw[100:4000] = b"\xff" * 3900
        path.write_bytes(bytes(raw))
    else:
        db = sqlite3.connect(path)
        db.executescript("DROP TABLE answers; DROP TABLE boxes;")
        db.close()
    store = open_store(tmp_path)
    assert "abîmé" in store.notice and (tmp_path / (STORE_NAME + ".abime")).exists()
    assert [a.number for a in store.answers("Camille")] == [1]  # rebuilt from the log
    store.close()
