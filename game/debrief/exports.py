"""The CSV a trainer opens in a French spreadsheet: one row per card, `;`-separated, UTF-8 with a BOM."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from game.debrief.report import Report

COLUMNS = ["session", "date", "scénario", "équipe", "ordre", "carte", "type", "aspect", "réponse",
           "résultat", "jauges", "secondes"]


def rows(report: Report) -> list[list[str]]:
    """One row per card, or per team and card when every team answered it (a pivot table counts per team)."""
    date = report.started.strftime("%Y-%m-%d %H:%M")
    table = []
    for card in report.cards:
        gauges = " ; ".join(f"{label} {delta:+d}" for label, delta in card.deltas)
        said = ([(a.team, a.given, a.verdict) for a in card.answers] if report.every_team and card.answers
                else [(card.team or "", card.given or "", card.verdict)])
        table += [[report.session_id, date, report.scenario_id, team, str(card.number), card.card_id, card.kind,
                   card.aspect_label, given, verdict, gauges, str(round(card.seconds))] for team, given, verdict in said]
    return table


def write_csv(reports: Iterable[Report], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for report in reports:
            writer.writerows(rows(report))
    return path
