"""`play` and `resume`: a session on screen, or in the terminal with --console."""

from __future__ import annotations

import argparse
import secrets
import time

from game.cli.content import check_team_count, load_scenario
from game.cli.folders import sessions_folder
from game.cli.refusals import UserError
from game.cli.resuming import resumed
from game.console import Console
from game.debrief.ending import sheet_at_end
from game.diskerrors import disk_problem
from game.session.logs import latest_unfinished
from game.table.table import Table
from game.wording.catalogue import tr
from game.wording.players import team_names


def play_in_terminal(table: Table) -> int:
    console = Console(table, read=input, write=print, clock=time.time)
    try:
        console.run()
    finally:
        table.close()
    return 0


def run_play(args: argparse.Namespace) -> int:
    library, scenario = load_scenario(args.scenario, args.decks)
    check_team_count(scenario, args.teams, library.pool(scenario), args.answering)
    if not args.console:
        from game.cli.screen import run_screen
        return run_screen(args, library, scenario)
    names = team_names(scenario, args.teams)
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    folder = sessions_folder(args)
    try:
        table = Table.start_new(folder, scenario, library.pool(scenario), names, seed,
                                library.aspect_labels(scenario), time.time(), answering=args.answering,
                                at_end=sheet_at_end)
    except OSError as exc:
        raise UserError(f"{tr('cli.log_not_written')} {disk_problem(exc, folder)}") from None
    print(tr("cli.started", title=scenario.title, teams=", ".join(names), path=table.path))
    return play_in_terminal(table)


def run_resume(args: argparse.Namespace) -> int:
    path = args.log
    if path is None:
        folder = sessions_folder(args)
        path = latest_unfinished(folder)
        if path is None:
            raise UserError(tr("cli.nothing_to_resume", folder=folder))
    if not args.console:
        from game.cli.screen import resume_screen
        return resume_screen(args, path)
    table = Table.resume(path, time.time(), at_end=sheet_at_end)
    if not resumed(table, path):
        return 0
    print(tr("cli.resuming", path=path))
    return play_in_terminal(table)
