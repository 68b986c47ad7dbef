"""Every command of `python -m game`, registered with the function that runs it. Each function imports its module
only when it runs: `--help` and the home screen start fast, and the type checker sees every command's import."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a bare `python -m game` builds no parser: the home screen must not wait for argparse
    import argparse
    from types import SimpleNamespace

    Arguments = argparse.Namespace | SimpleNamespace


def run_home(args: Arguments) -> int:
    from game.cli.screen import run_home as run

    return run(args)


def run_play(args: Arguments) -> int:
    from game.cli.play import run_play as run

    return run(args)


def run_resume(args: Arguments) -> int:
    from game.cli.play import run_resume as run

    return run(args)


def run_train(args: Arguments) -> int:
    from game.cli.train import run_train as run

    return run(args)


def run_progress(args: Arguments) -> int:
    from game.cli.train import run_progress as run

    return run(args)


def run_profile(args: Arguments) -> int:
    from game.cli.profiles import run_profile as run

    return run(args)


def run_validate(args: Arguments) -> int:
    from game.cli.validate import run_validate as run

    return run(args)


def run_preview(args: Arguments) -> int:
    from game.cli.preview import run_preview as run

    return run(args)


def run_lint(args: Arguments) -> int:
    from game.cli.lint import run_lint as run

    return run(args)


def run_schema(args: Arguments) -> int:
    from game.cli.schema import run_schema as run

    return run(args)


def run_new(args: Arguments) -> int:
    from game.cli.new import run_new as run

    return run(args)


def run_import(args: Arguments) -> int:
    from game.cli.sheets import run_import as run

    return run(args)


def run_export(args: Arguments) -> int:
    from game.cli.sheets import run_export as run

    return run(args)


def run_debrief(args: Arguments) -> int:
    from game.cli.debrief import run_debrief as run

    return run(args)


def run_answer_cards(args: Arguments) -> int:
    from game.cli.answercards import run_answer_cards as run

    return run(args)


def run_simulate(args: Arguments) -> int:
    from game.cli.simulate import run_simulate as run

    return run(args)


def run_xapi(args: Arguments) -> int:
    from game.cli.xapi import run_xapi as run

    return run(args)


COMMANDS: dict[str | None, Callable[[Arguments], int]] = {
    None: run_home, "play": run_play, "resume": run_resume, "train": run_train, "progress": run_progress,
    "profile": run_profile, "validate": run_validate, "preview": run_preview, "lint": run_lint, "schema": run_schema,
    "new": run_new,
    "import": run_import, "import-csv": run_import, "export-csv": run_export, "export-xlsx": run_export,
    "debrief": run_debrief, "answer-cards": run_answer_cards, "simulate": run_simulate, "xapi": run_xapi,
}
