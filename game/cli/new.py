"""`new deck NAME` and `new scenario NAME`: commented files to start from, which already validate."""

from __future__ import annotations

import argparse

from game.authoring.scaffold import ScaffoldError, new_file
from game.cli.refusals import UserError
from game.wording.catalogue import tr


def run_new(args: argparse.Namespace) -> int:
    try:
        path = new_file(args.what, args.name, args.dir, kind=args.kind, deck=args.deck)
    except ScaffoldError as exc:
        raise UserError(str(exc)) from None
    print(tr("new.created", path=path))
    if args.what == "deck":
        print(tr("new.validate", path=path))
        print(tr("new.preview", path=path))
    else:
        print(tr("new.validate_folder", path=path.parent))
        print(tr("new.play", path=path))
    return 0
