"""Spreadsheets as rows of text, read from and written to CSV or Excel (.xlsx) files.

CSV as French Excel and LibreOffice save it is tolerated: `;`, `,` or tab separators, UTF-8
with or without BOM, Windows-1252 (Excel's plain "CSV" in France, read with a notice), CRLF,
cells on several lines. Excel files are read with openpyxl, values only (never a formula
evaluated nor a macro run). Every row keeps the number the spreadsheet shows for it.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from pathlib import Path

from game.atomic import write_bytes_atomic
from game.cells import inert, revived
from game.wording.catalogue import tr

EXCEL = (".xlsx", ".xlsm")
SHEET_TITLE = "Cartes"
MAX_ROWS = 20_000  # twice the largest deck the game is measured with; beyond, a wrong file was given
MAX_COLUMNS = 200  # a card's row has about forty at most
MAX_BYTES = 20_000_000  # of a CSV, a quiz bank, or each part of a workbook once unzipped
MAX_PARTS = 500  # files inside a workbook: a card table has a handful


class ImportFailed(Exception):
    """The spreadsheet cannot be imported; `problems` are the lines to show, each with its place."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


Rows = list[tuple[int, list[str]]]  # (row number as the spreadsheet shows it, cells as text)


def read_table(path: Path, shown: str) -> tuple[Rows, list[str]]:
    """Every row of the file's first sheet, as text, and the notices met while reading."""
    if path.suffix.lower() in EXCEL:
        return _read_excel(path, shown), []
    text, notices = decode(bounded(path, shown), shown)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: Rows = []
    try:
        for row in reader:
            if len(rows) >= MAX_ROWS:
                raise ImportFailed([tr("table.too_long", path=shown, most=MAX_ROWS)])
            rows.append((len(rows) + 1, [revived(cell) for cell in _within(row, shown)]))
    except csv.Error as exc:
        raise ImportFailed([f"{shown}:{reader.line_num}: ligne illisible ({exc})"]) from None
    return rows, notices


def bounded(path: Path, shown: str) -> bytes:
    """The file's bytes, refused before reading when it is larger than any card table or quiz bank."""
    if path.stat().st_size > MAX_BYTES:
        raise ImportFailed([tr("table.too_big", path=shown, most=MAX_BYTES // 1_000_000)])
    return path.read_bytes()


def decode(raw: bytes, shown: str) -> tuple[str, list[str]]:
    """The file's text, and a notice when it was not all UTF-8. Line by line: a file begun in UTF-8 (with its
    byte order mark) and continued in Windows-1252 (lines pasted from Excel's « CSV ») is read right."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    lines = []
    for line in raw.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                lines.append(line.decode("cp1252"))
            except UnicodeDecodeError as exc:
                raise ImportFailed([tr("table.encoding", path=shown, byte=f"{line[exc.start]:02X}")]) from None
    return "\n".join(lines), [tr("table.cp1252", path=shown)]


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in ";,\t"}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ";"


def _read_excel(path: Path, shown: str) -> Rows:
    from openpyxl import load_workbook  # only when a spreadsheet is imported: it takes a quarter of a second

    _check_workbook(path, shown)
    warnings.filterwarnings("ignore", module="openpyxl")  # its warnings are English lines about its own code
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - a third party's reader on any file: its every failure is the file's
        raise ImportFailed([tr("table.not_xlsx", path=shown, reason=tr("table.damaged"))]) from None
    try:
        sheet = book[SHEET_TITLE] if SHEET_TITLE in book.sheetnames else book.worksheets[0]
        rows: Rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise ImportFailed([tr("table.too_long", path=shown, most=MAX_ROWS)])
            rows.append((number, [_text(v) for v in _within(list(values), shown)]))
        return rows
    except ImportFailed:
        raise
    except Exception:  # noqa: BLE001 - a sheet's XML is parsed as its rows are read
        raise ImportFailed([tr("table.not_xlsx", path=shown, reason=tr("table.damaged"))]) from None
    finally:
        book.close()


def _within(cells: list, shown: str) -> list:
    """A row's cells up to the widest a card table has; a row with more filled cells is not a card table."""
    if len(cells) > MAX_COLUMNS and any(c not in (None, "") for c in cells[MAX_COLUMNS:]):
        raise ImportFailed([tr("table.too_wide", path=shown, most=MAX_COLUMNS)])
    return cells[:MAX_COLUMNS]


def _check_workbook(path: Path, shown: str) -> None:
    """A workbook is a zip: its parts are counted and measured unzipped before any is read, so a zip bomb (a
    megabyte that unzips to gigabytes) is refused in a moment, as are compressions no workbook uses."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFailed([tr("table.not_xlsx", path=shown, reason=tr("table.damaged"))]) from None
    if len(parts) > MAX_PARTS or any(p.file_size > MAX_BYTES for p in parts) or \
            sum(p.file_size for p in parts) > 5 * MAX_BYTES:
        raise ImportFailed([tr("table.too_big", path=shown, most=MAX_BYTES // 1_000_000)])
    odd = [p.filename for p in parts if p.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)]
    if odd:
        raise ImportFailed([tr("table.not_xlsx", path=shown, reason=tr("table.compression", part=odd[0][:80]))])


def _text(value: object) -> str:
    """A cell as its text: a whole number without '.0', a decimal as French writes it is read back by the
    importer like any other."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, float) and value.is_integer():  # never NaN nor an infinity: those are not integers
        return str(int(value))
    return str(value)


def write_table(path: Path, headers: list[str], rows: list[list[str]]) -> None:
    """The table as a CSV (UTF-8 with BOM and `;`, which French Excel opens as it is) or an Excel file,
    written whole or not at all."""
    if path.suffix.lower() in EXCEL:
        data = _excel_bytes(headers, rows)
    else:
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows([[inert(cell) for cell in row] for row in rows])  # a text is never run as a formula
        data = ("\ufeff" + out.getvalue()).encode("utf-8")
    write_bytes_atomic(path, data)


def _excel_bytes(headers: list[str], rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append(headers)
    for row in rows:
        sheet.append([_cell(value) for value in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a text, never a formula Excel would compute
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, header in enumerate(headers, start=1):
        longest = max([len(header)] + [len(row[column - 1]) for row in rows if column <= len(row)])
        sheet.column_dimensions[get_column_letter(column)].width = min(60, max(10, longest + 2))
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value: str) -> str | int:
    """Whole numbers stored as numbers (Excel would flag them as 'number stored as text'); all else as text,
    so that a formula-looking text stays text."""
    if value.isdigit() and not value.startswith("0"):
        return int(value)
    return value
