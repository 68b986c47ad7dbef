"""A session's sheet and its CSV are one unit: written together, found missing together, and a kill while they
are written leaves nothing half-written that the next start does not tidy or complete."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.atomic import clear_scraps, write_together
from game.session.logs import pending


def ended_log(shipped, folder: Path) -> Path:
    """A whole two-team workshop played by a bot, its log, sheet and CSV in `folder`."""
    import random

    from game.debrief.ending import sheet_at_end
    from game.present.bots import choose
    from game.table.table import Table

    info = shipped.scenarios["decouverte"].info
    table = Table.start_new(folder, info, shipped.pool(info), ["A", "B"], 1, shipped.aspect_labels(info), 0.0,
                            at_end=sheet_at_end)
    rng, t = random.Random(1), 0.0
    while not table.over:
        t += 10
        table.act(choose(table, "random", rng), t)
    table.close()
    return table.path


def test_a_session_missing_its_csv_or_its_pdf_is_offered_for_rewriting(shipped, tmp_path):
    log = ended_log(shipped, tmp_path)
    assert pending(tmp_path) == (None, [])
    for gone in (".csv", ".pdf"):
        log.with_suffix(gone).unlink()
        assert pending(tmp_path)[1] == [log], gone
        from game.debrief.ending import sheet_of
        from game.table.table import Table

        sheet_of(Table.read(log))
        assert log.with_suffix(".pdf").exists() and log.with_suffix(".csv").exists()


def test_a_failed_write_of_the_pair_names_the_users_file_and_leaves_no_scrap(tmp_path, monkeypatch):
    real = os.replace

    def full(source, target):
        raise OSError(28, "No space left on device", str(source))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError) as caught:
        write_together([(tmp_path / "a.csv", b"csv"), (tmp_path / "a.pdf", b"pdf")])
    monkeypatch.setattr(os, "replace", real)
    assert caught.value.filename == str(tmp_path / "a.csv")
    assert list(tmp_path.iterdir()) == []


def test_scraps_of_a_killed_program_are_removed_at_the_next_start_and_a_running_ones_kept(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f".x.pdf.{dead.stdout.strip()}.tmp"
    left.write_bytes(b"half")
    running = tmp_path / f".y.pdf.{os.getpid()}.tmp"
    running.write_bytes(b"being written")
    old = tmp_path / ".z.jsonl.rename.tmp"  # no pid in its name: removed once an hour old
    (tmp_path / ".notes.2024.tmp").write_bytes(b"not ours")  # a stranger's file: never touched
    old.write_bytes(b"old")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    young = tmp_path / ".w.jsonl.rename.tmp"
    young.write_bytes(b"young")
    assert clear_scraps(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([running.name, young.name, ".notes.2024.tmp"])


def test_open_and_print_use_each_systems_own_way(tmp_path):
    """Built for each system (run where it can be: on this machine, Linux): Windows' shell verbs, macOS's
    `open` and `lp`, the Linux desktop's `xdg-open` and `lp`/`lpr`; nothing to run is said, never a crash."""
    from game.desktop import how_to_open, how_to_print

    sheet = tmp_path / "bilan.pdf"
    found = {"lp": "/usr/bin/lp", "xdg-open": "/usr/bin/xdg-open"}.get
    assert how_to_print(sheet, "win32", found) == ("startfile", "print")
    assert how_to_open(sheet, "win32", found) == ("startfile", "open")
    assert how_to_print(sheet, "darwin", found) == ("/usr/bin/lp", str(sheet))
    assert how_to_open(sheet, "darwin", found) == ("open", str(sheet))
    assert how_to_print(sheet, "linux", found) == ("/usr/bin/lp", str(sheet))
    assert how_to_print(sheet, "linux", {"lpr": "/usr/bin/lpr"}.get) == ("/usr/bin/lpr", str(sheet))
    assert how_to_print(sheet, "linux", lambda name: None) is None
    assert how_to_open(sheet, "linux", lambda name: None) is None


def test_printing_with_no_printer_says_where_the_sheet_is(tmp_path, monkeypatch):
    import game.desktop as desktop

    monkeypatch.setattr(desktop.shutil, "which", lambda name: None)
    said = desktop.print_file(tmp_path / "bilan.pdf").replace("\u00a0", " ")
    assert "bilan.pdf" in said


def test_a_full_disk_while_writing_names_the_users_file(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(28, "No space left on device")  # fsync on a full disk names no file

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as caught:
        write_together([(tmp_path / "a.csv", b"csv"), (tmp_path / "a.pdf", b"pdf")])
    assert caught.value.filename == str(tmp_path / "a.csv") and list(tmp_path.iterdir()) == []
