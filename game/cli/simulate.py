"""`simulate`: bots play whole sessions headless and the summary is printed."""

from __future__ import annotations

import argparse

from game.cli.content import check_team_count, load_scenario
from game.cli.refusals import UserError
from game.simulate import run
from game.wording.catalogue import tr


def run_simulate(args: argparse.Namespace) -> int:
    if args.sessions < 1:
        raise UserError(tr("sim.sessions_at_least"))
    library, scenario = load_scenario(args.scenario, args.decks)
    check_team_count(scenario, args.teams, library.pool(scenario), args.answering)
    lines = run(scenario, library.pool(scenario), library.aspect_labels(scenario),
                args.seed, args.strategy, args.sessions, args.teams, args.answering)
    print("\n".join(lines))
    return 0
