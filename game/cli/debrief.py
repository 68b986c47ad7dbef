"""`debrief`: sheets and CSV regenerated from session logs; several logs also give one merged CSV."""

from __future__ import annotations

import argparse

from game.debrief.ending import sheet_of
from game.debrief.files import write_merged_csv
from game.paths import display_path
from game.table.table import Table
from game.wording.catalogue import tr


def run_debrief(args: argparse.Namespace) -> int:
    written = [sheet_of(Table.read(log), args.out) for log in args.logs]
    for item in written:
        print(tr("cli.sheet_and_csv", pdf=display_path(item.pdf), csv=display_path(item.csv)))
    if len(written) > 1:
        folder = args.out if args.out is not None else args.logs[0].parent
        print(tr("cli.merged_csv", path=display_path(write_merged_csv(written, folder))))
    return 0
