"""What happens when a session ends: its sheet and its CSV are written beside its log.

The front ends give `sheet_at_end` to the table they open; the table calls it once the session has ended,
without knowing what it writes. fpdf2 is loaded only then: the first frame and the terminal's first card
do not wait for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.debrief.files import Written
    from game.table.table import Table


def sheet_at_end(table: Table) -> Written | None:
    """The sheet and the CSV beside the log, once the session has ended. A resumed session that had ended
    gets them if either is missing: a program stopped between the two writes leaves the CSV to write."""
    from game.debrief.files import write_debrief

    assert table.path is not None
    if table.path.with_suffix(".pdf").exists() and table.path.with_suffix(".csv").exists():
        return None
    return write_debrief(table, table.path)


def sheet_of(table: Table, out: Path | None = None) -> Written:
    """The sheet of a log read back (`Table.read`), beside it (or in `out`, where the log is copied too)."""
    from game.debrief.files import write_debrief

    assert table.path is not None
    return write_debrief(table, table.path, out)
