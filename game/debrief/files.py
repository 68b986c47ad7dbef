"""A session's sheet on disk: the PDF, the CSV, and a copy of the log where they were asked to go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.atomic import write_bytes_atomic
from game.debrief.exports import write_csv
from game.debrief.pdf import write_sheet
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
        from game.debrief.learnersheet import write_learner_sheet
        from game.progress.ending import learner_ending

        pdf = write_learner_sheet(learner_ending(table), folder / f"{log.stem}.pdf", report.started)
    else:
        pdf = write_sheet(report, folder / f"{log.stem}.pdf")
    table_csv = write_csv([report], folder / f"{log.stem}.csv")
    return Written(report, pdf, table_csv, log_copy)


def write_merged_csv(written: list[Written], folder: Path) -> Path:
    return write_csv([w.report for w in written], folder / MERGED_CSV)
