"""Disks that refuse to write: full, read-only, a folder where a file goes. Nothing is lost, nothing is
left half-written, and the user reads what happened and what to do, in French.

A real full disk is a small tmpfs, which needs root; where it cannot be mounted those tests are skipped,
and the fault-injected ones below them run everywhere."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from game.cli import main
from game.debrief.ending import sheet_at_end
from game.engine.vocabulary import Action, ActionType, IllegalAction, Refusal
from game.present.bots import choose
from game.session.log import read_log
from game.table.table import Table
from game.wording.catalogue import ntr
from game.wording.players import refusal

FULL = "le disque est plein : libérez de la place, puis recommencez"


@contextmanager
def small_disk(where: Path, kib: int = 2048, read_only: bool = False) -> Iterator[Path]:
    where.mkdir()
    mounted = os.name == "posix" and os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(where)], capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("a small disk is a tmpfs, which needs root")
    try:
        if read_only:
            subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def fill(disk: Path, leave: int = 0) -> Path:
    """Take all the disk’s free space but `leave` bytes (to a 4 KiB page)."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as out:
        chunk = b"\0" * 65536
        while True:
            try:
                out.write(chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                if len(chunk) == 1:
                    break
                chunk = chunk[:len(chunk) // 2]
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def scraps(folder: Path) -> list[str]:
    """Temporary files a failed write would have left."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def start(shipped, folder: Path, pad: int = 0) -> Table:
    """A session; `pad` lengthens its id, and so its first line, by that many bytes."""
    info = shipped.scenarios["atelier-teletravail"].info
    return Table.start_new(folder, info, shipped.pool(info), ["Équipe 1", "Équipe 2"], 3,
                           shipped.aspect_labels(info), 1_000.0, session_id="s" * (6 + pad), at_end=sheet_at_end)


def test_a_full_disk_refuses_the_action_keeps_the_session_and_the_sheet_waits(shipped, tmp_path):
    import random

    probe = start(shipped, tmp_path)
    size = probe.path.stat().st_size
    probe.close()
    with small_disk(tmp_path / "disk") as disk:
        table = start(shipped, disk, pad=(4096 - 150 - size) % 4096)  # the log’s 4 KiB page all but used
        rng, t = random.Random(1), 1_000.0
        filler = fill(disk)
        for _ in range(10):
            before, logged = table.view(), len(read_log(table.path).events)
            action = choose(table, "random", rng)
            refused = table.act(action, t + 1)
            if refused is not None:
                break
            t += 1
        assert isinstance(refused, IllegalAction) and refused.reason == Refusal.NOT_SAVED
        assert FULL in refusal(refused) and "l’action n’a pas eu lieu" in refusal(refused)
        assert table.view() == before  # the action did not happen
        assert table.path.read_bytes().endswith(b"\n") and len(read_log(table.path).events) == logged
        filler.unlink()
        assert table.act(action, t + 90) is None  # the same action, once there is room
        while not table.over:
            t += 30
            action = choose(table, "random", rng)
            fill(disk, leave=8192)  # room for a line of the log, not for the sheet
            outcome = table.act(action, t)
            (disk / "filler").unlink()
            if outcome is not None:  # a line did not fit either: play it again with room
                assert outcome.reason == Refusal.NOT_SAVED and table.act(action, t) is None
        assert table.sheet is None and table.sheet_error is not None and table.sheet_error.errno == errno.ENOSPC
        assert not table.path.with_suffix(".pdf").exists() and scraps(disk) == []
        replayed = Table.read(table.path)
        assert replayed.over and replayed.standings() == table.standings()  # every action is in the log
        assert main(["debrief", str(table.path)]) == 0  # with room again, the sheet is made from the log
        assert table.path.with_suffix(".pdf").stat().st_size > 10_000


def test_the_terminal_on_a_full_or_read_only_disk_says_so_and_starts_nothing(shipped, tmp_path, capsys):
    with small_disk(tmp_path / "full", kib=64) as disk:
        fill(disk)
        assert main(["play", "--console", "--sessions-dir", str(disk)]) == 2
        err = capsys.readouterr().err
        assert "impossible d’écrire le journal de session" in err and FULL in err and "Traceback" not in err
    with small_disk(tmp_path / "ro", kib=64, read_only=True) as disk:
        assert main(["play", "--console", "--sessions-dir", str(disk)]) == 2
        assert "ce disque est en lecture seule : choisissez un autre dossier" in capsys.readouterr().err


def test_the_screen_on_a_read_only_disk_says_the_session_cannot_start(shipped, tmp_path):
    from game.ui.scenes.setup import SetupScene
    from tests.ui_support import make_app, render

    with small_disk(tmp_path / "ro", kib=64, read_only=True) as disk:
        app = make_app(shipped, disk)
        setup = app.push(SetupScene(app, shipped.scenarios["atelier-teletravail"].info))
        setup.start()
        render(app)
        shown = app.top.title + " " + " ".join(app.top.lines())
        assert "La session ne peut pas commencer" in shown and "lecture seule" in shown
        app.pop_all()


def test_writing_commands_on_a_full_disk_leave_no_half_file(shipped, tmp_path, capsys):
    table = start(shipped, tmp_path)
    table.act(Action(ActionType.END), 1_100.0)
    with small_disk(tmp_path / "disk", kib=64) as disk:
        fill(disk)
        assert main(["new", "deck", "Jeunes en mission locale", "--dir", str(disk)]) == 2
        assert main(["debrief", str(table.path), "--out", str(disk)]) == 2
        err = capsys.readouterr().err
        assert err.count(FULL) == 2 and "Traceback" not in err
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]  # no half-written deck, sheet or CSV


class HalfWrites:
    """A log file whose disk fills in the middle of a write: half the line goes down, then ENOSPC."""

    def __init__(self, file):
        self.file = file

    def write(self, data) -> int:
        self.file.write(bytes(data[:len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.file, name)


def test_a_write_cut_half_way_is_taken_back_so_the_log_stays_whole(shipped, tmp_path):
    """Everywhere, root or not: the torn half line is cut off again, so later lines never follow it."""
    table = start(shipped, tmp_path)
    writer = table.writer
    real = writer._file
    size = table.path.stat().st_size
    writer._file = HalfWrites(real)
    action = choose(table, "best", __import__("random").Random(0))
    refused = table.act(action, 1_060.0)
    assert refused is not None and refused.reason == Refusal.NOT_SAVED and FULL in refusal(refused)
    assert table.path.stat().st_size == size
    writer._file = real
    assert table.act(action, 1_070.0) is None
    table.close()
    again = Table.resume(table.path, 2_000.0, at_end=sheet_at_end)
    assert again.damaged == "" and not again.dropped_tail
    again.close()


def test_a_folder_where_the_sheet_goes_is_said_on_the_end_screen(shipped, tmp_path):
    from game.ui.scenes.end import EndScene
    from tests.ui_support import make_app

    table = start(shipped, tmp_path)
    table.path.with_suffix(".pdf").mkdir()
    table.act(Action(ActionType.END), 1_100.0)
    assert table.sheet is None and table.sheet_error.errno == errno.EISDIR
    app = make_app(shipped, tmp_path)
    end = app.push(EndScene(app, table))
    assert "un dossier porte ce nom : déplacez-le, ou choisissez un autre dossier" in end.sheet_line()
    assert "la session est enregistrée" in end.sheet_line()
    app.pop_all()


def test_progress_on_a_full_disk_is_one_sentence_and_the_sessions_are_copied_once_there_is_room(shipped, tmp_path,
                                                                                              capsys):
    from game.progress.store import STORE_NAME
    from game.progress.training import Theme, start_training, training_scenario

    with small_disk(tmp_path / "disk", kib=1024) as disk:
        scenario = training_scenario(shipped, Theme(deck="teletravail"), 5)
        table = start_training(shipped, disk, scenario, shipped.pool(scenario), "Camille", 1, 100.0)
        t = 100.0
        while not table.over:
            t += 20
            table.act(choose(table, "random", __import__("random").Random(1)), t)
        table.close()
        filler = fill(disk)
        assert main(["progress", "--profile", "Camille", "--sessions-dir", str(disk)]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and "le disque est plein" in err
        filler.unlink()
        assert main(["progress", "--profile", "Camille", "--sessions-dir", str(disk)]) == 0
        assert f"{ntr('count.answers', len([p for p in table.history() if p.verdicts]))} en 1 session," in capsys.readouterr().out
        assert (disk / STORE_NAME).exists()
