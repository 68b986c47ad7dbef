"""`validate`: every mistake in the given files at once, or a one-line summary of what loaded."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from game.cli.content import load_authored
from game.cli.refusals import UserError
from game.content.errors import ContentInvalid, elsewhere
from game.content.loaded import Library
from game.paths import default_cache_dir, shipped_decks, shipped_scenarios
from game.wording.catalogue import ntr, tr


def load_given(paths: list[Path], decks: list[Path]) -> Library:
    """The files and --decks folders to check, or by default the shipped content itself."""
    return load_authored((paths or [shipped_decks(), shipped_scenarios()]) + decks)


def run_validate(args: argparse.Namespace) -> int:
    library = load_given(args.paths, args.decks)
    checked = set(library.checked)
    if not checked and not library.errors:
        raise UserError(tr("validate.nothing", paths=", ".join(str(p) for p in args.paths)))
    errors = list(library.errors)
    if not errors:  # a scenario that reads: can it be dealt for every team count and mode it offers?
        from game.table.playability import unplayable

        errors += unplayable(library, checked)
    if not args.no_layout:
        from game.ui.fitcheck import unfit_panels, unfit_texts

        # at the default settings, and at the largest size a reader may choose in either font
        cut = unfit_texts(library, checked, cache=default_cache_dir())
        errors += elsewhere(cut + unfit_panels(library, checked), errors)
    if errors:
        raise ContentInvalid(errors)
    decks = [d for d in library.decks.values() if d.doc.shown in checked]
    scenarios = [s for s in library.scenarios.values() if s.doc.shown in checked]
    kinds = Counter(card.kind for deck in decks for card in deck.cards)
    detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    cards = sum(kinds.values())
    print(tr("validate.ok", files=ntr("count.files_checked", len(checked)), decks=ntr("count.decks", len(decks)),
             cards=ntr("count.cards", cards), detail=tr("validate.detail", detail=detail) if detail else "",
             scenarios=ntr("count.scenarios", len(scenarios))))
    return 0
