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
from game.content.errors import ContentError, ContentInvalid
from game.content.loaded import LoadedDeck
from game.content.models import slug
from game.content.schema import write_schemas
from game.paths import display_path
from game.wording.catalogue import ntr, tr


def run_import(args: argparse.Namespace) -> int:
    """0: everything came in; 3: some rows or questions were left out (listed), the rest written; 1: nothing
    could come in, nothing written."""
    if args.template is not None:
        return _template(args)
    if args.file is None:
        raise UserError(tr("import.no_file"))
    if not args.file.is_file():
        raise UserError(tr("import.not_found", path=args.file))
    into = args.into
    if into is not None and args.out is not None:
        raise UserError(tr("import.into_or_out"))
    if into is not None:
        deck = _deck_at(into, whole=False)
        header = deck.info.model_dump(exclude_defaults=True)
        known, out, deck_id, existing = dict(header.pop("aspects")), into, header["id"], {c.id: c.kind for c in deck.cards}
    else:
        if args.deck is None or args.out is None:
            raise UserError(tr("import.where"))
        _free(args.out, args.force, tr("import.or_into"))
        if slug(args.deck) != args.deck:
            raise UserError(tr("import.bad_id", id=args.deck, example=slug(args.deck) or "mon-deck"))
        deck_id, out, known, existing = args.deck, args.out, {}, {}
        header = {"id": deck_id, "title": args.title or deck_id, "license": args.license}
    aspects = Aspects(known, args.aspect)
    shown = display_path(args.file)
    try:
        imported = import_cards(args.file, shown, format_of(args.file, args.format), deck_id, aspects, existing)
    except ImportFailed as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(ntr("import.problems", len(exc.problems)), file=sys.stderr)
        return 1
    for notice in imported.notices:
        print(tr("import.notice", notice=notice), file=sys.stderr)
    for problem in imported.problems:
        print(problem, file=sys.stderr)
    if into is not None:
        from game.authoring.roundtrip import merge_into  # ruamel.yaml loads only for a deck edited in place

        merged = merge_into(into, imported.cards, aspects.known, refused=imported.checked.refused)
        _write_checked(out, merged.text)
        print(tr("import.merged", path=out, added=_counted(merged.added), changed=_counted(merged.changed),
                 unchanged=len(merged.unchanged), kept=len(merged.kept)))
    else:
        _write_checked(out, deck_yaml(new_deck(header, aspects, imported.cards), args.file.name))
        print(tr("import.done", cards=ntr("count.cards_imported", len(imported.cards)), path=out,
                 aspects=", ".join(aspects.known.values())))
        # the new deck's first line points its editor to schemas/ beside it: added when missing, never replaced
        if write_schemas(out.parent / "schemas", replace=False):
            print(tr("import.schemas", path=display_path(out.parent / "schemas")))
    if imported.checked.left_out:
        print(ntr("import.left_out", imported.checked.left_out), file=sys.stderr)
    print(tr("import.check", path=out))
    return 3 if imported.checked.left_out else 0


def _counted(ids: list[str]) -> str:
    """How many, and which (the first few): « 2 (tt-085, tt-086) »."""
    if not ids:
        return "0"
    return f"{len(ids)} ({', '.join(ids[:5])}{', …' if len(ids) > 5 else ''})"


def _write_checked(out: Path, text: str) -> None:
    """Write the deck only if the game would load it, with the files of its folder (and the lab's other folder)
    but never as a second copy of itself: the draft stands in for the file it replaces."""
    draft = out.with_name(f".{out.name}.import.tmp.yaml")
    write_text_atomic(draft, text)
    try:
        library = load_authored([draft], skip=[out])
        if library.errors:  # e.g. an id reusing a card id of another deck, a gauge no scenario has
            print(tr("import.refused", path=display_path(out)), file=sys.stderr)
            shown, real = display_path(draft), display_path(out)
            raise ContentInvalid([_named(e, shown, real) for e in library.errors])
        draft.replace(out)
    finally:
        draft.unlink(missing_ok=True)


def _named(error: ContentError, draft: str, real: str) -> ContentError:
    """An error about the draft, told of the file it stands in for: where it is and what it names."""
    values = tuple((name, value.replace(draft, real) if isinstance(value, str) else value)
                   for name, value in error.message.values)
    return error._replace(path=real if error.path == draft else error.path,
                          message=error.message._replace(values=values))


def _deck_at(path: Path, whole: bool) -> LoadedDeck:
    """The deck a file holds, loaded with its folder; with `whole`, only if nothing in it is refused (an export
    writes every card), else as long as its header reads (an import replaces its cards)."""
    if not path.is_file():
        raise UserError(tr("import.no_deck", path=path))
    library = load_authored([path])
    decks = [d for d in library.decks.values() if d.doc.path == path]
    if library.errors and (whole or not decks):
        raise ContentInvalid(library.errors)
    if not decks:
        raise UserError(tr("import.not_a_deck", path=path))
    return decks[0]


def _free(path: Path, force: bool, other: str = "") -> None:
    """A file to write must not replace one by mistake."""
    if path.exists() and not force:
        raise UserError(tr("import.exists", path=path, other=other))


def _template(args: argparse.Namespace) -> int:
    out = args.template
    _free(out, args.force)
    write_template(out, args.kind)
    print(tr("import.template", path=out))
    return 0


def run_export(args: argparse.Namespace) -> int:
    suffix = ".xlsx" if args.command == "export-xlsx" else ".csv"
    out = args.out or args.deck.with_suffix(suffix)
    if out.suffix.lower() != suffix:
        raise UserError(tr("export.suffix", path=out, command=args.command, suffix=suffix))
    _free(out, args.force)
    deck = _deck_at(args.deck, whole=True)
    journeys = [card.id for card in deck.cards if card.branches]
    if journeys:  # steps leading to steps: no row of a table holds that
        raise UserError(tr("export.journeys", path=args.deck, n=len(journeys),
                           ids=", ".join(journeys[:3]) + (", …" if len(journeys) > 3 else "")))
    rows = export_deck(deck.cards, dict(deck.info.aspects), out)
    print(tr("export.done", cards=ntr("count.cards_written", rows), path=out, deck=args.deck))
    return 0
