"""`import-csv`: questions from a spreadsheet into a deck file that validates."""

from __future__ import annotations

import argparse
import sys

from game.authoring.csvimport import ImportFailed, deck_yaml, import_questions, write_deck
from game.cli import UserError
from game.cli.content import load_authored
from game.content.errors import ContentInvalid
from game.content.models import slug
from game.content.schema import write_schemas
from game.paths import display_path


def run_import_csv(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise UserError(f"{args.file} : fichier introuvable")
    if args.out.exists() and not args.force:
        raise UserError(f"{args.out} existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer")
    if slug(args.deck) != args.deck:
        raise UserError(f"« {args.deck} » n'est pas un identifiant de deck : minuscules sans accent, chiffres, "
                        f"tirets et soulignés (par exemple « {slug(args.deck) or 'mon-deck'} »)")
    shown = display_path(args.file)
    try:
        imported = import_questions(args.file.read_bytes(), shown, args.deck, args.title or args.deck, args.license)
    except ImportFailed as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problème(s) : corrigez le tableau puis relancez. Rien n'a été écrit.",
              file=sys.stderr)
        return 1
    for notice in imported.notices:
        print(f"attention : {notice}", file=sys.stderr)
    draft = args.out.with_name(f".{args.out.name}.tmp")
    write_deck(draft, deck_yaml(imported.deck, args.file.name))
    library = load_authored([draft])
    if library.errors:  # e.g. an id column reusing a card id of another deck
        draft.unlink()
        raise ContentInvalid(library.errors)
    draft.replace(args.out)
    write_schemas(args.out.parent / "schemas")
    print(f"{len(imported.deck['cards'])} question(s) importée(s) dans {args.out}, aspects : "
          f"{', '.join(imported.deck['deck']['aspects'].values())}.")
    print(f"Vérifiez le résultat : python -m game validate {args.out}")
    return 0
