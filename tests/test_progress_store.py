"""The progress store is a cache of the session logs: never an answer lost, counted twice or given to another
learner, whatever writes to the logs meanwhile, copies them, renames or deletes them."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import game.progress.sync as sync_module
from game.present.bots import choose
from game.progress.store import STORE_NAME
from game.progress.sync import answers_of, open_store
from game.progress.training import Theme, start_training, training_scenario
from game.session.log import LogError
from game.table.table import Table


def played_log(library, folder: Path, profile: str, seed: int, t0: float) -> Path:
    """A whole training session played by a bot answering at random (misses come back), its log in `folder`."""
    scenario = training_scenario(library, Theme(deck="teletravail"), 5)
    table = start_training(library, folder, scenario, library.pool(scenario), profile, seed, t0)
    table.at_end = None  # no sheet: only the log matters here
    rng, t = random.Random(seed), t0
    while not table.over:
        t += 7.0
        table.act(choose(table, "random", rng), t)
    table.close()
    return table.path


def in_store(folder: Path, profile: str) -> set[tuple]:
    store = open_store(folder)
    try:
        return {tuple(a) for a in store.answers(profile)}
    finally:
        store.close()


def in_logs(folder: Path, profile: str) -> set[tuple]:
    found: set[tuple] = set()
    for log in folder.glob("*.jsonl"):
        try:
            found |= {tuple(a) for a in answers_of(Table.read(log), profile)}
        except LogError:  # its first line not written whole yet: no answer in it
            pass
    return found


@pytest.fixture(scope="module")
def full_logs(shipped, tmp_path_factory) -> list[bytes]:
    folder = tmp_path_factory.mktemp("logs")
    return [played_log(shipped, folder, "Camille", seed, 1_000.0 + 10_000 * seed).read_bytes() for seed in (1, 2)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.lists(st.tuples(st.integers(0, 1), st.integers(1, 400), st.booleans()), min_size=1, max_size=12))
def test_the_store_never_differs_from_the_logs_under_a_concurrent_writer(full_logs, tmp_path_factory, plan):
    """Two sessions' logs are written in pieces of any size (a line may be cut mid-way) while the store syncs; some
    pieces land while the store is reading the log, after its reading and before it notes the log. At each opening
    while nothing is being written, the store holds exactly what the logs hold; at the end, every answer is there."""
    folder = tmp_path_factory.mktemp("sessions")
    logs = [folder / f"session-{n}.jsonl" for n in range(len(full_logs))]
    written = [0] * len(logs)
    read = Table.read
    for n, log in enumerate(logs):  # each session begun: its start record, then the answers come in pieces
        written[n] = full_logs[n].index(b"\n") + 1
        log.write_bytes(full_logs[n][:written[n]])

    def write(n: int, size: int) -> None:
        with open(logs[n], "ab") as out:
            out.write(full_logs[n][written[n]:written[n] + size])
        written[n] = min(len(full_logs[n]), written[n] + size)

    for n, size, during in plan:
        if during:  # the other window writes right after the store has read the log
            def read_then_write(path, n=n, size=size):
                replayed = read(path)
                write(n, size)
                return replayed

            with mock.patch.object(sync_module.Table, "read", staticmethod(read_then_write)):
                in_store(folder, "Camille")
        else:
            write(n, size)
        assert in_store(folder, "Camille") == in_logs(folder, "Camille")  # the next opening, nothing being written
    for n in range(len(logs)):
        write(n, len(full_logs[n]))
    assert in_store(folder, "Camille") == in_logs(folder, "Camille")
    assert len(in_store(folder, "Camille")) >= 10


def test_a_copied_log_counts_once_for_the_profile_it_was_written_under(shipped, tmp_path):
    log = played_log(shipped, tmp_path, "Camille", 3, 1_000.0)
    mine = in_store(tmp_path, "Camille")
    assert mine
    lines = log.read_text(encoding="utf-8").splitlines()
    start = json.loads(lines[0])
    start["profile"], start["teams"] = "Sam", ["Sam"]  # a copy claiming another learner
    copy = tmp_path / "aaa-copie.jsonl"
    copy.write_text("\n".join([json.dumps(start), *lines[1:]]) + "\n", encoding="utf-8")
    assert in_store(tmp_path, "Camille") == mine and in_store(tmp_path, "Sam") == set()
    # a fresh store reads the logs oldest first: the copy, newer, is still the one left out
    (tmp_path / STORE_NAME).unlink()
    assert in_store(tmp_path, "Camille") == mine and in_store(tmp_path, "Sam") == set()
    log.unlink()  # the original gone, the copy is all there is of that session
    assert in_store(tmp_path, "Camille") == set() and len(in_store(tmp_path, "Sam")) == len(mine)


def test_a_deleted_log_takes_its_answers_out_of_the_store(shipped, tmp_path):
    first = played_log(shipped, tmp_path, "Camille", 4, 1_000.0)
    second = played_log(shipped, tmp_path, "Camille", 5, 90_000.0)
    both = in_store(tmp_path, "Camille")
    first.unlink()
    left = in_store(tmp_path, "Camille")
    assert left == in_logs(tmp_path, "Camille") and 0 < len(left) < len(both)
    second.rename(tmp_path / "renamed.jsonl")  # a renamed log is the same session, read again from its new name
    assert in_store(tmp_path, "Camille") == left


def test_a_store_of_the_earlier_format_is_filled_again_from_the_logs(shipped, tmp_path):
    played_log(shipped, tmp_path, "Camille", 6, 1_000.0)
    old = sqlite3.connect(tmp_path / STORE_NAME)  # what the first version of the store looked like, empty
    old.executescript("CREATE TABLE answers (session TEXT); CREATE TABLE boxes (profile TEXT); "
                      "CREATE TABLE logs (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER); PRAGMA user_version = 1;")
    old.close()
    assert in_store(tmp_path, "Camille") == in_logs(tmp_path, "Camille") != set()


def test_an_empty_copy_of_a_log_never_takes_its_answers_away(shipped, tmp_path):
    log = played_log(shipped, tmp_path, "Camille", 7, 1_000.0)
    held = in_store(tmp_path, "Camille")
    (tmp_path / "zzz-copie.jsonl").write_bytes(log.read_bytes().split(b"\n")[0] + b"\n")  # its start line alone
    assert in_store(tmp_path, "Camille") == held != set()


def test_a_busy_store_is_said_so_and_never_set_aside_as_damaged(shipped, tmp_path):
    from game.progress.store import ProgressError, StoreDamaged

    played_log(shipped, tmp_path, "Camille", 8, 1_000.0)
    in_store(tmp_path, "Camille")
    other = sqlite3.connect(tmp_path / STORE_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ProgressError) as refused:
            open_store(tmp_path).close()
        assert not isinstance(refused.value, StoreDamaged) and "autre programme" in str(refused.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not list(tmp_path.glob("*.abime"))
