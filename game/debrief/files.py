"""From log files to sheets: replay each log, then write its PDF, its CSV and a copy of the log."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from game.debrief.exports import write_csv
from game.debrief.pdf import write_sheet
from game.debrief.report import Report, build_report
from game.session.recorded import replay_log

MERGED_CSV = "sessions.csv"


@dataclass
class Written:
    report: Report
    pdf: Path
    csv: Path
    log: Path


def write_debrief(log: Path, out: Path | None = None) -> Written:
    """The sheet and the CSV beside the log (or in `out`, where the log is copied too)."""
    folder = out if out is not None else log.parent
    report = build_report(replay_log(log))
    stem = log.stem
    log_copy = folder / log.name
    if log_copy.resolve() != log.resolve():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(log, log_copy)
    pdf = write_sheet(report, folder / f"{stem}.pdf")
    table = write_csv([report], folder / f"{stem}.csv")
    return Written(report, pdf, table, log_copy)


def write_merged_csv(written: list[Written], folder: Path) -> Path:
    return write_csv([w.report for w in written], folder / MERGED_CSV)
