"""The CSV a trainer opens in a French spreadsheet: one row per card, `;`-separated, UTF-8 with a BOM.

Team names and notes are typed by people, so a cell that a spreadsheet would read as a formula starts with an
apostrophe instead (`game.cells`). The file is written whole or not at all."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from game.atomic import write_bytes_atomic
from game.cells import inert
from game.present.sheet import Report
from game.wording.catalogue import tr

COLUMNS = ("session", "date", "scenario", "team", "order", "card", "kind", "aspect", "text", "answer", "result",
           "gauges", "seconds", "step", "outcome", "note", "panorama")  # each header in the catalogue as `csv.<column>`


def rows(report: Report) -> list[list[str]]:
    """One row per card (per step of a parcours), or per team and card when every team answered it (a pivot
    table counts per team); each with the card's text, the facilitator's note of a debate, and the panorama the
    team ended the session with."""
    date = report.started.strftime("%Y-%m-%d %H:%M")
    panoramas = {team.name: " ; ".join(team.panorama) for team in report.team_lines}
    table = []
    for card in report.cards:
        gauges = " ; ".join(f"{label} {delta:+d}" for label, delta in card.deltas)
        said = ([(a.team, a.given, a.verdict) for a in card.answers] if report.every_team and card.answers
                else [(card.team or "", card.given or "", card.verdict)])
        table += [[report.session_id, date, report.scenario_id, team, str(card.number), card.card_id, card.kind,
                   card.aspect_label, card.prompt, given, verdict, gauges, str(round(card.seconds)), card.step,
                   card.reached, card.note, panoramas.get(team, "")]
                  for team, given, verdict in said]
    return table


def write_csv(reports: Iterable[Report], path: Path) -> Path:
    write_bytes_atomic(path, csv_bytes(reports))
    return path


def csv_bytes(reports: Iterable[Report]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow([tr(f"csv.{column}") for column in COLUMNS])
    for report in reports:
        writer.writerows([[inert(cell) for cell in row] for row in rows(report)])
    return text.getvalue().encode("utf-8-sig")

