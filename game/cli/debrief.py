"""`debrief`: sheets and CSV regenerated from session logs; several logs also give one merged CSV."""

from __future__ import annotations

import argparse

from game.debrief.ending import sheet_of
from game.debrief.files import write_merged_csv
from game.paths import display_path
from game.table.table import Table


def run_debrief(args: argparse.Namespace) -> int:
    written = [sheet_of(Table.read(log), args.out) for log in args.logs]
    for item in written:
        print(f"Bilan : {display_path(item.pdf)}  (tableau : {display_path(item.csv)})")
    if len(written) > 1:
        folder = args.out if args.out is not None else args.logs[0].parent
        print(f"Tableau de toutes les sessions : {display_path(write_merged_csv(written, folder))}")
    return 0
