"""A session's sheet on disk: the PDF, the CSV, and a copy of the log where they were asked to go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.atomic import write_bytes_atomic, write_together
from game.debrief.exports import csv_bytes, write_csv
from game.debrief.pdf import sheet_bytes
from game.present.sheet import Report, build_report

if TYPE_CHECKING:
    from game.table.table import Table

MERGED_CSV = "sessions.csv"


@dataclass
class Written:
    report: Report
    pdf: Path
    csv: Path
    log: Path


def write_debrief(table: Table, log: Path, out: Path | None = None) -> Written:
    """The sheet and the CSV of `table`'s session beside its log (or in `out`, where the log is copied too)."""
    folder = out if out is not None else log.parent
    report = build_report(table)
    log_copy = folder / log.name
    if log_copy.resolve() != log.resolve():
        write_bytes_atomic(log_copy, log.read_bytes())
    if table.facts().profile:  # a learner alone: their score, their mistakes and when they come back
        from game.debrief.learnersheet import learner_sheet
        from game.progress.ending import learner_ending

        sheet = learner_sheet(learner_ending(table), report.started)
    else:
        sheet = sheet_bytes(report)
    pdf, table_csv = folder / f"{log.stem}.pdf", folder / f"{log.stem}.csv"
    write_together([(table_csv, csv_bytes([report])), (pdf, sheet)])  # one unit: a session lacking either is redone
    return Written(report, pdf, table_csv, log_copy)


def write_merged_csv(written: list[Written], folder: Path) -> Path:
    return write_csv([w.report for w in written], folder / MERGED_CSV)
