"""`schema`: the JSON Schemas for editors, and (for maintainers) the field reference of the docs."""

from __future__ import annotations

import argparse

from game.atomic import write_text_atomic
from game.cli.refusals import UserError
from game.content.schema import reference_markdown, write_schemas
from game.wording.catalogue import tr

BEGIN = "<!-- début de la référence générée : python -m game schema --docs docs/authoring.md -->"
END = "<!-- fin de la référence générée -->"


def with_reference(document: str) -> str:
    """`document` with the text between the two markers replaced by the current field reference."""
    if BEGIN not in document or END not in document:
        raise UserError(tr("schema.no_markers"))
    head, rest = document.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n\n{reference_markdown()}\n{END}{tail}"


def run_schema(args: argparse.Namespace) -> int:
    for path in write_schemas(args.out):
        print(path)
    if args.docs is not None:
        if not args.docs.is_file():
            raise UserError(f"{args.docs} : fichier introuvable")
        write_text_atomic(args.docs, with_reference(args.docs.read_text(encoding="utf-8")))
        print(args.docs)
    return 0
