"""What an end screen says of the sheet the table wrote when the session ended: where it is, or why it is not."""

from __future__ import annotations

from game.diskerrors import sheet_problem
from game.paths import display_path
from game.table.table import Table
from game.wording.players import tr


def sheet_note(table: Table, status: str = "") -> str:
    """The sheet's name and folder (or why it could not be written), then what became of the last button pressed."""
    sheet, error = table.sheet, table.sheet_error
    if sheet is not None:
        said = tr("end.sheet", name=sheet.pdf.name, folder=display_path(sheet.pdf.parent))
    else:
        said = tr("end.sheet_failed", reason=sheet_problem(error, table.path)) if error is not None else ""
    return " — ".join(s for s in (said, status) if s)
