"""What resuming a session found, said the same way before the terminal and the screen take it on."""

from __future__ import annotations

import sys
from pathlib import Path

from game.diskerrors import sheet_problem
from game.table.table import Table


def resumed(table: Table, path: Path) -> bool:
    """Say what resuming found (a cut or damaged log, a session already over and its sheet); whether there
    is still a session to play."""
    if table.dropped_tail:
        print("La dernière ligne du journal était coupée (arrêt brutal) : elle a été écartée.")
    if table.damaged:
        print(table.damaged)
    if not table.over:
        return True
    table.close()
    print(f"Cette session est déjà terminée : {path}")
    if table.sheet is not None:
        print(f"Son bilan manquait ; il est écrit : {table.sheet.pdf}")
    elif table.sheet_error:
        print(f"Son bilan manquait et n'a pas pu être écrit : {sheet_problem(table.sheet_error, table.path)}", file=sys.stderr)
    return False
