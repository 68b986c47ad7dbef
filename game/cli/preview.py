"""`preview PATH`: a deck on screen, card by card, reloaded on every save."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from game.cli.content import load_authored
from game.cli.refusals import UserError
from game.content.loaded import Library
from game.wording.catalogue import tr


def preview_loader(decks: list[Path]) -> Callable[[Path], Library]:
    """How the preview reads the file: checked like `validate`, beside the shipped content and --decks."""
    return lambda path: load_authored([path], decks)


def run_preview(args: argparse.Namespace) -> int:
    import pygame

    from game.cli.screen import open_app
    from game.ui.scenes.preview import PreviewScene  # first: it hides pygame's banner

    if not args.path.is_file():
        raise UserError(f"{args.path} : fichier introuvable")
    if args.path.suffix not in (".yaml", ".yml"):
        raise UserError(tr("cli.preview_not_yaml", path=args.path))
    load = preview_loader(args.decks)
    app = open_app(args, lambda: load(args.path), args.path.parent)
    pygame.display.set_caption(tr("preview.file", file=args.path.name))
    app.push(PreviewScene(app, args.path, load))
    app.run()
    return 0
