"""`answer-cards`: the printable cards each team raises, for a scenario and a list of teams."""

from __future__ import annotations

import argparse

from game.answer_cards import write_answer_cards
from game.cli.content import check_team_count, load_scenario
from game.cli.refusals import UserError
from game.diskerrors import disk_problem
from game.fonts import team_name_problem
from game.wording.catalogue import ntr, tr
from game.wording.players import team_names


def run_answer_cards(args: argparse.Namespace) -> int:
    _, scenario = load_scenario(args.scenario, args.decks)
    if args.names is not None:
        names = [n.strip() for n in args.names.split(",") if n.strip()]
        check_team_count(scenario, len(names))
        for name in names:
            problem = team_name_problem(name)
            if problem is not None:
                raise UserError(tr("cards.bad_name", name=name, problem=problem))
    else:
        check_team_count(scenario, args.teams)
        names = team_names(scenario, args.teams)
    out = args.out / "cartes-reponses.pdf" if args.out.is_dir() else args.out
    try:
        write_answer_cards(scenario.title, names, out)
    except OSError as exc:
        raise UserError(tr("cards.not_written", problem=disk_problem(exc, out))) from None
    print(tr("cards.written", teams=ntr("count.teams", len(names)), names=", ".join(names), path=out))
    return 0
