"""`play` and `resume`: a recorded session in the terminal (the on-screen version replaces this front end)."""

from __future__ import annotations

import argparse
import secrets
import time
import uuid
from pathlib import Path

from game.cli import UserError
from game.cli.content import load_scenario
from game.console import Console
from game.debrief.files import write_debrief
from game.engine.record import new_session
from game.paths import default_sessions_dir
from game.session.recorded import RecordedSession, is_finished
from game.simulate import team_names


def _sessions_dir(args: argparse.Namespace) -> Path:
    return args.sessions_dir if args.sessions_dir is not None else default_sessions_dir()


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


def run_play(args: argparse.Namespace) -> int:
    library, scenario = load_scenario(args.scenario, args.decks)
    limits = scenario.team_range
    if args.teams is not None and not limits.min <= args.teams <= limits.max:
        raise UserError(f"ce scénario se joue de {limits.min} à {limits.max} équipe(s), pas {args.teams}")
    names = team_names(scenario, args.teams)
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    now = time.time()
    session_id = uuid.uuid4().hex[:12]
    folder = _sessions_dir(args)
    path = folder / f"{time.strftime('%Y%m%d-%H%M%S', time.localtime(now))}-{scenario.id}-{session_id[:6]}.jsonl"
    session = new_session(scenario, library.pool(scenario), names, seed, now, library.aspect_labels(scenario),
                          session_id)
    try:
        recorded = RecordedSession.create(path, session)
    except OSError as exc:
        raise UserError(f"{folder} : impossible d'y écrire le journal de session ({exc.strerror or exc})") from None
    print(f"{scenario.title} — {', '.join(names)}. Journal : {path}")
    return _play(recorded)


def latest_unfinished(folder: Path) -> Path | None:
    logs = sorted(folder.glob("*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True) if folder.is_dir() else []
    return next((p for p in logs if not is_finished(p)), None)


def run_resume(args: argparse.Namespace) -> int:
    path = args.log
    if path is None:
        folder = _sessions_dir(args)
        path = latest_unfinished(folder)
        if path is None:
            raise UserError(f"aucune session interrompue dans {folder}")
    recorded = RecordedSession.resume(path, time.time())
    if recorded.dropped_tail:
        print("La dernière ligne du journal était coupée (arrêt brutal) : elle a été écartée.")
    if recorded.session.game.is_terminal(recorded.state):
        recorded.close()
        print(f"Cette session est déjà terminée : {path}")
        return 0
    print(f"Reprise de la session : {path}")
    return _play(recorded)
