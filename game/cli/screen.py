"""Starting the on-screen game: home, a scenario's team setup, an autoplayed session, or a resumed one."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli import UserError
from game.content.library import Library
from game.content.models import ScenarioInfo
from game.paths import default_sessions_dir


def _app(args: argparse.Namespace, library: Library, folder: Path):
    import pygame

    from game.ui.app import App
    from game.ui.settings import default_settings_path

    try:
        return App(library, folder, fullscreen=args.fullscreen, settings_path=default_settings_path(),
                   fast=getattr(args, "fast", False))
    except pygame.error as exc:
        raise UserError(f"impossible d'ouvrir une fenêtre ({exc}) : lancez le jeu depuis une session graphique, "
                        "ou jouez dans le terminal avec --console") from None


def _folder(args: argparse.Namespace) -> Path:
    if getattr(args, "out", None) is not None:
        return args.out
    return args.sessions_dir if args.sessions_dir is not None else default_sessions_dir()


def run_screen(args: argparse.Namespace, library: Library, scenario: ScenarioInfo, home: bool) -> int:
    from game.session.recorded import RecordedSession, latest_unfinished
    from game.simulate import team_names
    from game.ui.autoplay import Autopilot
    from game.ui.scenes.home import HomeScene
    from game.ui.scenes.play import PlayScene
    from game.ui.scenes.setup import SetupScene

    folder = _folder(args)
    app = _app(args, library, folder)
    if args.autoplay:
        seed = args.seed if args.seed is not None else 0
        recorded = RecordedSession.start(folder, scenario, library.pool(scenario), team_names(scenario, args.teams),
                                         seed, library.aspect_labels(scenario), app.clock())
        app.push(PlayScene(app, recorded))
        app.on_idle = Autopilot(seed=seed, delay=0.0 if args.fast else 1.5)
    elif home:
        app.push(HomeScene(app, latest_unfinished(folder)))
    else:
        setup = SetupScene(app, scenario, args.seed)
        if args.teams is not None:
            setup.names = team_names(scenario, args.teams)
            setup.refresh()
        app.push(setup)
    app.run()
    return 0


def resume_screen(args: argparse.Namespace, path: Path) -> int:
    from game.cli.content import load_scenario
    from game.ui.scenes.play import PlayScene

    library, _ = load_scenario("atelier-teletravail", [])
    app = _app(args, library, path.parent)
    scene = PlayScene.resume(app, path)
    if scene.game.is_terminal(scene.state):
        print(f"Cette session est déjà terminée : {path}")
        return 0
    app.push(scene)
    app.run()
    return 0
