"""`import`, `export-csv`, `export-xlsx`: decks to and from spreadsheets and quiz banks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.atomic import write_text_atomic
from game.authoring.cardrows import Aspects
from game.authoring.importing import (
    deck_yaml,
    export_deck,
    format_of,
    import_cards,
    new_deck,
    write_template,
)
from game.authoring.sheets import ImportFailed
from game.cli.content import load_authored
from game.cli.refusals import UserError
from game.content.errors import ContentInvalid
from game.content.loaded import LoadedDeck
from game.content.models import slug
from game.content.schema import write_schemas
from game.paths import display_path
from game.wording.players import plural


def run_import(args: argparse.Namespace) -> int:
    if args.template is not None:
        return _template(args)
    if args.file is None:
        raise UserError("donnez le fichier à importer (ou --template FICHIER pour un tableau à remplir)")
    if not args.file.is_file():
        raise UserError(f"{args.file} : fichier introuvable")
    into = args.into
    if into is not None:
        header = _deck_at(into, whole=False).info.model_dump(exclude_defaults=True)
        known, out, deck_id = dict(header.pop("aspects")), into, header["id"]
    else:
        if args.deck is None or args.out is None:
            raise UserError("donnez --deck ID et --out FICHIER.yaml pour un nouveau deck, ou --into DECK.yaml pour "
                            "remplacer les cartes d'un deck existant")
        _free(args.out, args.force, ", ou --into pour n'en remplacer que les cartes")
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
        print(f"{plural(len(exc.problems), 'problème')} : corrigez le fichier puis relancez. Rien n'a été écrit.",
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
    print(f"{plural(len(cards), 'carte importée')} dans {out}, aspects : {', '.join(aspects.known.values())}.")
    if into is not None:
        print("Les cartes du deck ont été remplacées par celles du fichier ; son en-tête est gardé, ses "
              "commentaires ne le sont pas.")
    print(f"Vérifiez le résultat : python -m game validate {out}")
    return 0


def _deck_at(path: Path, whole: bool) -> LoadedDeck:
    """The deck a file holds, loaded with its folder; with `whole`, only if nothing in it is refused (an export
    writes every card), else as long as its header reads (an import replaces its cards)."""
    if not path.is_file():
        raise UserError(f"{path} : deck introuvable")
    library = load_authored([path])
    decks = [d for d in library.decks.values() if d.doc.path == path]
    if library.errors and (whole or not decks):
        raise ContentInvalid(library.errors)
    if not decks:
        raise UserError(f"{path} : ce fichier n'est pas un deck (clé « deck: » en tête)")
    return decks[0]


def _free(path: Path, force: bool, other: str = "") -> None:
    """A file to write must not replace one by mistake."""
    if path.exists() and not force:
        raise UserError(f"{path} existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer{other}")


def _template(args: argparse.Namespace) -> int:
    out = args.template
    _free(out, args.force)
    write_template(out, args.kind)
    print(f"Tableau à remplir écrit : {out} (une ligne d'exemple à remplacer). Puis : "
          f"python -m game import {out} --deck mon-deck --out mon-deck.yaml")
    return 0


def run_export(args: argparse.Namespace) -> int:
    suffix = ".xlsx" if args.command == "export-xlsx" else ".csv"
    out = args.out or args.deck.with_suffix(suffix)
    if out.suffix.lower() != suffix:
        raise UserError(f"{out} : le fichier écrit par {args.command} se termine par {suffix}")
    _free(out, args.force)
    deck = _deck_at(args.deck, whole=True)
    journeys = [card.id for card in deck.cards if card.branches]
    if journeys:  # steps leading to steps: no row of a table holds that
        raise UserError(f"{args.deck} contient {len(journeys)} parcours ({', '.join(journeys[:3])}"
                        f"{', …' if len(journeys) > 3 else ''}), dont les étapes ne tiennent pas dans les lignes d'un "
                        "tableau : faites relire ce deck dans son fichier YAML, ou séparez les parcours dans un autre deck")
    rows = export_deck(deck.cards, dict(deck.info.aspects), out)
    print(f"{plural(rows, 'carte écrite')} dans {out}. Après relecture : python -m game import {out} --into {args.deck}")
    return 0
