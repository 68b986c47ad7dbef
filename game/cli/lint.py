"""`lint`: the checks of `validate`, then warnings that do not block (exit 0 when only warnings remain)."""

from __future__ import annotations

import argparse

from game.authoring.lint import lint
from game.cli.validate import load_given
from game.content.errors import ContentError, ContentInvalid
from game.wording.catalogue import ntr, tr


def run_lint(args: argparse.Namespace) -> int:
    library = load_given(args.paths, args.decks)
    if library.errors:
        raise ContentInvalid(library.errors)
    warnings = sorted(lint(library, set(library.checked)), key=ContentError.sort_key)
    for warning in warnings:
        print(tr("lint.line", where=f"{warning.path}:{warning.line}:{warning.column}", text=warning.message.text()))
    n = len(warnings)
    print(tr("lint.none") if n == 0 else ntr("lint.count", n))
    return 0
