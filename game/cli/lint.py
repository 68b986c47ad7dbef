"""`lint`: the checks of `validate`, then warnings that do not block (exit 0 when only warnings remain)."""

from __future__ import annotations

import argparse

from game.authoring.lint import lint
from game.cli.validate import load_given
from game.content.errors import ContentError, ContentInvalid


def run_lint(args: argparse.Namespace) -> int:
    library = load_given(args.paths, args.decks)
    if library.errors:
        raise ContentInvalid(library.errors)
    warnings = sorted(lint(library, set(library.checked)), key=ContentError.sort_key)
    word = "warning:" if args.lang == "en" else "attention :"
    for warning in warnings:
        print(f"{warning.path}:{warning.line}:{warning.column}: {word} {warning.message.text(args.lang)}")
    n = len(warnings)
    if args.lang == "en":
        print("No warning." if n == 0 else "1 warning; it does not block a session." if n == 1
              else f"{n} warnings; none blocks a session.")
    else:
        print("Aucune remarque." if n == 0 else "1 remarque ; elle n'empêche pas de jouer." if n == 1
              else f"{n} remarques ; aucune n'empêche de jouer.")
    return 0
