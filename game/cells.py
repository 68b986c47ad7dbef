"""Spreadsheet cells that a spreadsheet would run as formulas, made inert, as OWASP advises (CSV injection):
the session CSV and a deck's CSV both start such a cell with an apostrophe, and an import takes it off again."""

from __future__ import annotations

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: str) -> str:
    """`cell` as a spreadsheet shows it, never runs it; numbers stay numbers."""
    if not cell.startswith(FORMULA):
        return cell
    try:
        float(cell.replace(",", "."))
        return cell
    except ValueError:
        return "'" + cell


def revived(cell: str) -> str:
    """A cell read back as it was written before `inert`."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA) else cell
