"""`play` and `resume`: a recorded session in the terminal (the on-screen version replaces this front end)."""

from __future__ import annotations

import argparse
import secrets
import time

from game.cli import UserError, sessions_folder
from game.cli.content import load_scenario
from game.console import Console
from game.debrief.files import write_debrief
from game.session.recorded import RecordedSession, latest_unfinished
from game.simulate import team_names


def _play(recorded: RecordedSession) -> int:
    console = Console(recorded, read=input, write=print, clock=time.time)
    try:
        finished = console.run()
    finally:
        recorded.close()
    if finished:
        written = write_debrief(recorded.path)
        print(f"Bilan de la séance (à imprimer) : {written.pdf}")
        print(f"Tableau pour un tableur : {written.csv}")
    return 0


def run_play(args: argparse.Namespace, home: bool = False) -> int:
    if home and not args.console:
        from game.cli.screen import run_home
        return run_home(args)
    library, scenario = load_scenario(args.scenario, args.decks)
    limits = scenario.team_range
    if args.teams is not None and not limits.min <= args.teams <= limits.max:
        raise UserError(f"ce scénario se joue de {limits.min} à {limits.max} équipe(s), pas {args.teams}")
    if not args.console:
        from game.cli.screen import run_screen
        return run_screen(args, library, scenario)
    names = team_names(scenario, args.teams)
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    folder = sessions_folder(args)
    try:
        recorded = RecordedSession.start(folder, scenario, library.pool(scenario), names, seed,
                                         library.aspect_labels(scenario), time.time())
    except OSError as exc:
        raise UserError(f"{folder} : impossible d'y écrire le journal de session ({exc.strerror or exc})") from None
    print(f"{scenario.title} — {', '.join(names)}. Journal : {recorded.path}")
    return _play(recorded)


def run_resume(args: argparse.Namespace) -> int:
    path = args.log
    if path is None:
        folder = sessions_folder(args)
        path = latest_unfinished(folder)
        if path is None:
            raise UserError(f"aucune session interrompue dans {folder}")
    if not args.console:
        from game.cli.screen import resume_screen
        return resume_screen(args, path)
    recorded = RecordedSession.resume(path, time.time())
    if recorded.dropped_tail:
        print("La dernière ligne du journal était coupée (arrêt brutal) : elle a été écartée.")
    if recorded.session.game.is_terminal(recorded.state):
        recorded.close()
        print(f"Cette session est déjà terminée : {path}")
        return 0
    print(f"Reprise de la session : {path}")
    return _play(recorded)
