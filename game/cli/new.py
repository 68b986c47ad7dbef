"""`new deck NAME` and `new scenario NAME`: commented files to start from, which already validate."""

from __future__ import annotations

import argparse

from game.authoring.scaffold import ScaffoldError, new_file
from game.cli.refusals import UserError


def run_new(args: argparse.Namespace) -> int:
    try:
        path = new_file(args.what, args.name, args.dir, kind=args.kind, deck=args.deck)
    except ScaffoldError as exc:
        raise UserError(str(exc)) from None
    print(f"Créé : {path}")
    if args.what == "deck":
        print(f"Vérifiez-le : python -m game validate {path}")
        print(f"Regardez-le à l'écran : python -m game preview {path}")
    else:
        print(f"Vérifiez-le avec les decks de son dossier : python -m game validate {path.parent}")
        print(f"Jouez-le : python -m game play --scenario {path}")
    return 0
