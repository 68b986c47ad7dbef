"""Starting the on-screen game: home, a scenario's team setup, an autoplayed session, or a resumed one."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli.folders import sessions_folder
from game.cli.refusals import UserError
from game.debrief.ending import sheet_at_end
from game.ui.screens import Screen
from game.wording.catalogue import tr

if TYPE_CHECKING:  # the home screen must not wait for pydantic, nor for argparse
    import argparse

    from game.content.loaded import Library
    from game.content.models import ScenarioInfo
    from game.table.table import Table


def open_app(args: argparse.Namespace, library: Library | Callable[[], Library], folder: Path):
    import pygame

    from game.ui.app import App
    from game.ui.scenes import SCENES
    from game.ui.settings import default_settings_path

    try:
        app = App(library, folder, fullscreen=args.fullscreen, settings_path=default_settings_path(),
                  fast=getattr(args, "fast", False), language=getattr(args, "chosen_lang", None), scenes=SCENES)
    except pygame.error as exc:
        raise UserError(tr("cli.no_window", reason=exc)) from None
    if getattr(args, "presenter", False):
        from game.ui.presenter import open_presenter

        said = open_presenter(app)  # with one screen: said, and the game plays in one window
        if said:
            print(said, file=sys.stderr)
    return app


def run_home(args: argparse.Namespace, max_frames: int | None = None) -> int:
    """The home screen at once; decks and scenarios are checked when a scenario is chosen."""
    from game.content.summary import scenario_summaries
    from game.paths import default_cache_dir, shipped_scenarios
    from game.ui.scenes.home import HomeScene

    folder = sessions_folder(args)
    def checked_library() -> Library:
        from game.cli.content import load_checked

        return load_checked(args.decks)

    app = open_app(args, checked_library, folder)
    home = HomeScene(app, scenario_summaries(shipped_scenarios(), default_cache_dir() / "accueil.json"))
    app.push(home)

    def look_for_unfinished() -> None:
        from game.session.logs import pending  # after the first frame: it need not wait for this

        home.offer_resume(*pending(folder))

    app.after_first_frame.append(look_for_unfinished)
    app.run(max_frames)
    return 0


def run_screen(args: argparse.Namespace, library: Library, scenario: ScenarioInfo, names: list[str] | None,
               chosen: list[str] | None = None) -> int:
    """The setup screen with the teams asked for (a plan's, with its chosen cards; None: those of the last
    workshop), or an autoplayed session."""
    from game.table.table import Table
    from game.ui.autoplay import Autopilot
    from game.wording.players import team_names

    folder = sessions_folder(args)
    app = open_app(args, library, folder)
    if args.autoplay:
        seed = args.seed if args.seed is not None else 0
        table = Table.start_new(folder, scenario, library.pool(scenario), names or team_names(scenario, None), seed,
                                library.aspect_labels(scenario), app.clock(), answering=args.answering,
                                chosen=chosen, origins=library.origins(scenario),
                                languages=library.languages(scenario), at_end=sheet_at_end)
        app.push(Screen.PLAY, table=table)
        app.on_idle = Autopilot(seed=seed, delay=0.0 if args.fast else 1.5)
    elif getattr(args, "plan", None) is not None:  # as the home screen opens it: its title, and what changed in its decks, shown
        from game.ui.scenes.plans import open_plan

        open_plan(app, args.plan, seed=args.seed)
    else:
        app.push(Screen.SETUP, scenario=scenario, seed=args.seed, names=names, answering=args.answering,
                 chosen=chosen)
    app.run()
    return 0


def play_on_screen(args: argparse.Namespace, library: Library, table: Table) -> int:
    """A session already started (a training session): straight to its first card."""
    app = open_app(args, library, table.path.parent if table.path else sessions_folder(args))
    app.push(Screen.PLAY, table=table)
    app.run()
    return 0


def resume_screen(args: argparse.Namespace, path: Path, max_frames: int | None = None) -> int:
    """The session goes on from its log alone: the decks are loaded only if the home screen is asked for
    afterwards, so a typo in an unrelated deck never stops a session being resumed."""
    from game.cli.content import load_checked
    from game.cli.resuming import resumed
    from game.table.table import Table
    from game.wording.players import tr

    app = open_app(args, lambda: load_checked(getattr(args, "decks", [])), path.parent)
    table = Table.resume(path, app.clock(), at_end=sheet_at_end)
    if not resumed(table, path):
        return 0
    app.push(Screen.PLAY, table=table)
    if table.damaged:
        app.push(Screen.ERROR, errors=[table.damaged], title=tr("error.resumed"), advice="")
    app.run(max_frames)
    return 0
