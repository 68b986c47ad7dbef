"""What resuming a session found, said the same way before the terminal and the screen take it on."""

from __future__ import annotations

import sys
from pathlib import Path

from game.diskerrors import sheet_problem
from game.table.table import Table
from game.wording.catalogue import tr


def resumed(table: Table, path: Path) -> bool:
    """Say what resuming found (a cut or damaged log, a session already over and its sheet); whether there
    is still a session to play."""
    if table.dropped_tail:
        print(tr("cli.cut_line"))
    if table.damaged:
        print(table.damaged)
    if not table.over:
        return True
    table.close()
    print(tr("cli.already_over", path=path))
    if table.sheet is not None:
        print(tr("cli.sheet_written_now", path=table.sheet.pdf))
    elif table.sheet_error:
        print(tr("cli.sheet_not_written", problem=sheet_problem(table.sheet_error, table.path)), file=sys.stderr)
    return False
