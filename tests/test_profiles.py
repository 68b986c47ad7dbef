"""A learner's profile: remembered between sessions at the terminal as on screen, renamed, deleted with its
answers after a confirmation; the store follows the logs."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.progress.sync import open_store


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    def run(*args: str, keys: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(keys))
        code = main([*args, "--sessions-dir", str(tmp_path / "sessions")])
        out, err = capsys.readouterr()
        return code, out.replace("\u00a0", " "), err.replace("\u00a0", " ")
    return run


def profiles(folder: Path) -> dict[str, int]:
    store = open_store(folder)
    try:
        return {name: len(store.answers(name)) for name in store.profiles()}
    finally:
        store.close()


def test_the_last_profile_is_remembered_at_the_terminal(run, tmp_path):
    assert run("train", "--console", "--minutes", "5", "--profile", "Camille", "--seed", "1", keys="1\n\n" * 30)[0] == 0
    code, out, _ = run("train", "--console", "--minutes", "5", "--seed", "2", keys="1\n\n" * 30)
    assert code == 0 and "profil Camille" in out
    code, out, _ = run("progress")
    assert code == 0 and "Progrès de Camille" in out


def test_a_profile_renamed_keeps_its_answers_and_a_taken_name_is_refused(run, tmp_path):
    folder = tmp_path / "sessions"
    for name, seed in (("Camille", "1"), ("Sam", "2")):
        assert run("train", "--console", "--minutes", "5", "--profile", name, "--seed", seed, keys="1\n\n" * 30)[0] == 0
    before = profiles(folder)
    code, _, err = run("profile", "rename", "Camille", "Sam")
    assert code == 2 and "existe déjà" in err and profiles(folder) == before
    code, _, err = run("profile", "rename", "Camille", "../x")
    assert code == 2 and "nom de profil refusé" in err
    code, out, _ = run("profile", "rename", "Camille", "Camille Martin")
    assert code == 0 and "renommé « Camille Martin » (1 session)" in out
    assert profiles(folder) == {"Camille Martin": before["Camille"], "Sam": before["Sam"]}
    start = json.loads(next(folder.glob("*.jsonl")).read_text(encoding="utf-8").splitlines()[0])
    assert "Camille" not in {start["profile"], *start["teams"]}
    assert run("profile", "rename", "Sam", "Sam N'Diaye")[0] == 0
    assert "Progrès de Sam N'Diaye" in run("progress")[1]  # the learner remembered (the last) follows the rename
    code, _, err = run("profile", "rename", "Personne", "Quelqu'un")
    assert code == 2 and "aucune session" in err


def test_a_profile_is_deleted_with_its_answers_only_after_a_confirmation(run, tmp_path):
    folder = tmp_path / "sessions"
    for name, seed in (("Camille", "1"), ("Sam", "2")):
        assert run("train", "--console", "--minutes", "5", "--profile", name, "--seed", seed, keys="1\n\n" * 30)[0] == 0
    code, out, _ = run("profile", "delete", "Camille", keys="n\n")
    assert code == 0 and "Rien n’a été supprimé" in out and set(profiles(folder)) == {"Camille", "Sam"}
    code, out, _ = run("profile", "delete", "Camille", keys="")  # the end of input is a no
    assert set(profiles(folder)) == {"Camille", "Sam"}
    code, out, _ = run("profile", "delete", "Camille", keys="o\n")
    assert code == 0 and "supprimé" in out and set(profiles(folder)) == {"Sam"}
    assert len(list(folder.glob("*.jsonl"))) == 1 and len(list(folder.glob("*.pdf"))) == 1
    assert "Sam" in run("profile", "list")[1]
    assert run("profile", "delete")[0] == 2


def test_a_rename_that_fails_half_way_renames_nothing_and_a_same_length_rename_reaches_the_store(run, tmp_path,
                                                                                                monkeypatch):
    import os

    from game.progress import renaming

    folder = tmp_path / "sessions"
    for seed in ("1", "2"):
        assert run("train", "--console", "--minutes", "5", "--profile", "carol", "--seed", seed, keys="1\n\n" * 30)[0] == 0
    logs = sorted(folder.glob("*.jsonl"))
    times = [log.stat().st_mtime_ns for log in logs]
    before = profiles(folder)
    real, calls = os.replace, []

    def fail_second(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise PermissionError(13, "Permission denied", str(target))
        real(source, target)

    monkeypatch.setattr(renaming.os, "replace", fail_second)
    code, _, err = run("profile", "rename", "carol", "Carol")
    assert code == 2 and "rien n’a été renommé" in err and ".tmp" not in err
    assert profiles(folder) == before and not list(folder.glob(".*"))
    monkeypatch.setattr(renaming.os, "replace", real)
    code, out, _ = run("profile", "rename", "carol", "Carol")  # as long, as old: the store still sees the change
    assert code == 0 and "(2 sessions)" in out
    assert profiles(folder) == {"Carol": before["carol"]}
    assert [log.stat().st_mtime_ns for log in logs] == times  # renaming a learner does not make their sessions newer


def test_a_profile_with_a_session_still_being_played_is_neither_renamed_nor_deleted(shipped, tmp_path):
    from game.progress.renaming import ProfileError, delete_profile, rename_profile
    from game.progress.training import Theme, start_training, training_scenario

    scenario = training_scenario(shipped, Theme(deck="teletravail"), 5)
    table = start_training(shipped, tmp_path, scenario, shipped.pool(scenario), "Camille", 1, 0.0)
    table.at_end = None
    for action in (lambda: rename_profile(tmp_path, "Camille", "Sam"), lambda: delete_profile(tmp_path, "Camille")):
        try:
            action()
        except ProfileError as refused:
            assert "ouverte dans une autre fenêtre" in str(refused)
        else:
            raise AssertionError("a live session's log was changed under its window")
    assert table.path.exists()
    table.close()
    assert rename_profile(tmp_path, "Camille", "Sam") == 1  # once the window is closed
