"""`play` and `resume`: a session on screen, or in the terminal with --console."""

from __future__ import annotations

import argparse
import secrets
import sys
import time

from game.cli.content import check_team_count, load_checked, load_scenario
from game.cli.folders import sessions_folder
from game.cli.refusals import UserError
from game.cli.resuming import resumed
from game.console import Console
from game.content.errors import ContentInvalid
from game.content.loaded import Library
from game.content.plan import ReadPlan, read_plan
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
    if args.plan is not None:
        library, plan = planned(args)
        scenario, names, chosen = plan.scenario, list(plan.info.teams), plan.info.cards
        args.answering = plan.info.answering
        if chosen is None:  # the scenario's draw: as many teams in turn as its time serves, said as for --teams
            check_team_count(scenario, len(names), library.pool(scenario), args.answering)
    else:
        library, scenario = load_scenario(args.scenario, args.decks)
        check_team_count(scenario, args.teams, library.pool(scenario), args.answering)
        names, chosen = (team_names(scenario, args.teams) if args.teams is not None else None), None
    if not args.console:
        from game.cli.screen import run_screen
        return run_screen(args, library, scenario, names, chosen)
    names = names or team_names(scenario, None)
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    folder = sessions_folder(args)
    try:
        table = Table.start_new(folder, scenario, library.pool(scenario), names, seed,
                                library.aspect_labels(scenario), time.time(), answering=args.answering,
                                chosen=chosen, origins=library.origins(scenario),
                                languages=library.languages(scenario), at_end=sheet_at_end)
    except OSError as exc:
        raise UserError(f"{tr('cli.log_not_written')} {disk_problem(exc, folder)}") from None
    print(tr("cli.started", title=scenario.title, teams=", ".join(names), path=table.path))
    return play_in_terminal(table)


def planned(args: argparse.Namespace) -> tuple[Library, ReadPlan]:
    """The decks and the plan `--plan` names, checked: its mistakes stop here, each at its line; what changed in
    its decks since it was made is said, and the plan goes on."""
    if not args.plan.is_file():
        raise UserError(tr("cli.no_plan", path=args.plan))
    library = load_checked(args.decks)
    plan = read_plan(args.plan, library)
    if plan.errors:
        raise ContentInvalid(plan.errors)
    for note in plan.notes:
        print(note.text(), file=sys.stderr)
    assert plan.scenario is not None and plan.info is not None
    return library, plan


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
