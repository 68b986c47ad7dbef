"""`import`, `export-csv`, `export-xlsx`: decks to and from spreadsheets and quiz banks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.authoring.cardrows import Aspects
from game.authoring.importing import deck_yaml, export_deck, format_of, import_cards, new_deck, write_template
from game.authoring.sheets import ImportFailed
from game.atomic import write_text_atomic
from game.cli import UserError
from game.cli.content import load_authored
from game.content.errors import ContentInvalid
from game.content.models import slug
from game.content.schema import write_schemas
from game.paths import display_path


def run_import(args: argparse.Namespace) -> int:
    if args.template is not None:
        return _template(args)
    if args.file is None:
        raise UserError("donnez le fichier à importer (ou --template FICHIER pour un tableau à remplir)")
    if not args.file.is_file():
        raise UserError(f"{args.file} : fichier introuvable")
    into = args.into
    if into is not None:
        header, known, out = _existing_deck(into), None, into
        known = dict(header.pop("aspects"))
        deck_id = header["id"]
    else:
        if args.deck is None or args.out is None:
            raise UserError("donnez --deck ID et --out FICHIER.yaml pour un nouveau deck, ou --into DECK.yaml pour "
                            "remplacer les cartes d'un deck existant")
        if args.out.exists() and not args.force:
            raise UserError(f"{args.out} existe déjà : choisissez un autre nom, ajoutez --force pour le remplacer, "
                            "ou --into pour n'en remplacer que les cartes")
        if slug(args.deck) != args.deck:
            raise UserError(f"« {args.deck} » n'est pas un identifiant de deck : minuscules sans accent, chiffres, "
                            f"tirets et soulignés (par exemple « {slug(args.deck) or 'mon-deck'} »)")
        deck_id, out, known = args.deck, args.out, {}
        header = {"id": deck_id, "title": args.title or deck_id, "license": args.license}
    aspects = Aspects(known, args.aspect)
    shown = display_path(args.file)
    try:
        cards, notices = import_cards(args.file, shown, format_of(args.file, args.format), deck_id, aspects)
    except ImportFailed as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problème(s) : corrigez le fichier puis relancez. Rien n'a été écrit.",
              file=sys.stderr)
        return 1
    for notice in notices:
        print(f"attention : {notice}", file=sys.stderr)
    deck = new_deck(header, aspects, cards)
    draft = out.with_name(f".{out.name}.import.tmp.yaml")
    write_text_atomic(draft, deck_yaml(deck, args.file.name))
    try:
        library = load_authored([draft])
        if library.errors:  # e.g. an id reusing a card id of another deck, a gauge no scenario has
            print(f"Rien n'a été écrit : le deck importé serait refusé ainsi ({display_path(out)} n'existe pas, "
                  "les lignes sont celles qu'il aurait) :", file=sys.stderr)
            raise ContentInvalid([e._replace(path=display_path(out)) for e in library.errors])
        draft.replace(out)
    finally:
        draft.unlink(missing_ok=True)
    write_schemas(out.parent / "schemas")
    print(f"{len(cards)} carte(s) importée(s) dans {out}, aspects : {', '.join(aspects.known.values())}.")
    if into is not None:
        print("Les cartes du deck ont été remplacées par celles du fichier ; son en-tête est gardé, ses "
              "commentaires ne le sont pas.")
    print(f"Vérifiez le résultat : python -m game validate {out}")
    return 0


def _existing_deck(path: Path) -> dict:
    """The header of the deck whose cards an import replaces; the deck must load as it is."""
    if not path.is_file():
        raise UserError(f"{path} : deck introuvable")
    library = load_authored([path])
    decks = [d for d in library.decks.values() if d.doc.path == path]
    if not decks:
        if library.errors:
            raise ContentInvalid(library.errors)
        raise UserError(f"{path} : ce fichier n'est pas un deck (clé « deck: » en tête)")
    return decks[0].info.model_dump(exclude_defaults=True)


def _template(args: argparse.Namespace) -> int:
    out = args.template
    if out.exists() and not args.force:
        raise UserError(f"{out} existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer")
    write_template(out, args.kind)
    print(f"Tableau à remplir écrit : {out} (une ligne d'exemple à remplacer). Puis : "
          f"python -m game import {out} --deck mon-deck --out mon-deck.yaml")
    return 0


def run_export(args: argparse.Namespace) -> int:
    suffix = ".xlsx" if args.command == "export-xlsx" else ".csv"
    out = args.out or args.deck.with_suffix(suffix)
    if out.suffix.lower() != suffix:
        raise UserError(f"{out} : le fichier écrit par {args.command} se termine par {suffix}")
    if out.exists() and not args.force:
        raise UserError(f"{out} existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer")
    if not args.deck.is_file():
        raise UserError(f"{args.deck} : deck introuvable")
    library = load_authored([args.deck])
    decks = [d for d in library.decks.values() if d.doc.path == args.deck]
    if library.errors or not decks:
        raise ContentInvalid(library.errors) if library.errors else \
            UserError(f"{args.deck} : ce fichier n'est pas un deck (clé « deck: » en tête)")
    deck = decks[0]
    rows = export_deck(deck.cards, dict(deck.info.aspects), out)
    print(f"{rows} carte(s) écrite(s) dans {out}. Après relecture : python -m game import {out} --into {args.deck}")
    return 0
