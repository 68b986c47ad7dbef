"""`validate`: every mistake in the given files at once, or a one-line summary of what loaded."""

from __future__ import annotations

import argparse
from collections import Counter

from game.content.errors import ContentInvalid
from game.content.library import load_library
from game.paths import shipped_decks, shipped_scenarios


def run_validate(args: argparse.Namespace) -> int:
    given = args.paths or [shipped_decks(), shipped_scenarios()]
    sources = [(p, True) for p in given] + [(d, True) for d in args.decks] + [(shipped_decks(), False)]
    library = load_library(sources)
    if library.errors:
        raise ContentInvalid(library.errors)
    checked = set(library.checked)
    decks = [d for d in library.decks.values() if d.doc.shown in checked]
    scenarios = [s for s in library.scenarios.values() if s.doc.shown in checked]
    kinds = Counter(card.kind for deck in decks for card in deck.cards)
    detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    print(f"OK : {len(checked)} fichier(s) vérifié(s), {len(decks)} deck(s) "
          f"({sum(kinds.values())} cartes{' : ' + detail if detail else ''}), {len(scenarios)} scénario(s).")
    return 0
