"""Ctrl+C or the end of input at any terminal prompt ends the session cleanly: no traceback, the log kept, and
the way to resume said (or, once the session is over, nothing lost)."""

from __future__ import annotations

import itertools

import pytest

from game.console import Console
from game.debrief.ending import sheet_at_end
from game.table.table import Table

ANSWERS = ["1", "", "2", "", "f", "", "o", ""]  # answer, move on, answer, move on, end?, confirm…


@pytest.mark.parametrize("stop", [EOFError, KeyboardInterrupt])
@pytest.mark.parametrize("after", range(len(ANSWERS)))
def test_an_interrupt_at_any_prompt_ends_cleanly(shipped, tmp_path, stop, after):
    info = shipped.scenarios["atelier-teletravail"].info
    table = Table.start_new(tmp_path, info, shipped.pool(info), ["A", "B"], 3, shipped.aspect_labels(info), 0.0,
                            at_end=sheet_at_end)
    given = iter(ANSWERS[:after])

    def read(prompt: str) -> str:
        try:
            return next(given)
        except StopIteration:
            raise stop from None

    said: list[str] = []
    ticks = itertools.count()
    finished = Console(table, read=read, write=said.append, clock=lambda: 10.0 * next(ticks)).run()
    table.close()
    text = "\n".join(said).replace("\u00a0", " ")
    if not finished:
        assert "resume" in text and str(table.path) in text
    assert Table.read(table.path).facts().session_id == table.facts().session_id  # the log reads back whole
