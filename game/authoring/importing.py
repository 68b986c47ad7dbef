"""A deck from what trainers already have: a spreadsheet (CSV or Excel), a Moodle GIFT or an Aiken quiz bank;
and a deck back into a spreadsheet. Import either makes a new deck or replaces an existing deck's cards
(its header, aspects' labels included, is kept), so a deck can go to a subject expert and come back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from game.authoring.cardrows import Aspects, Checked, cards_from_rows, rows_from_cards
from game.authoring.columns import find_layout
from game.authoring.scaffold import TEMPLATES
from game.authoring.sheets import ImportFailed, read_table, write_table
from game.wording.catalogue import tr

FORMATS = ("csv", "xlsx", "gift", "aiken")


def format_of(path: Path, asked: str | None) -> str:
    """The format named on the command line, else the file's extension (.txt is Aiken, GIFT's own is .gift)."""
    if asked:
        return asked
    suffix = path.suffix.lower()
    return {".xlsx": "xlsx", ".xlsm": "xlsx", ".gift": "gift", ".txt": "aiken"}.get(suffix, "csv")


@dataclass
class Imported:
    checked: Checked  # the cards, and the rows or questions that could not come in, with their line and why
    notices: list[str]

    @property
    def cards(self) -> list[dict[str, Any]]:
        return self.checked.cards

    @property
    def problems(self) -> list[str]:
        return self.checked.problems


def import_cards(path: Path, shown: str, kind: str, deck_id: str, aspects: Aspects,
                 existing: Mapping[str, str] | None = None) -> Imported:
    """What comes in of a table or a quiz bank (as Moodle's and Kahoot's own importers do, every card that can,
    the others listed), numbered after the deck's `existing` cards (id → kind); ImportFailed when nothing can."""
    if kind in ("gift", "aiken"):
        from game.authoring.quizbanks import read_quiz_bank

        return Imported(*read_quiz_bank(path, shown, kind, deck_id, aspects, existing))
    rows, notices = read_table(path, shown)
    if not rows:
        raise ImportFailed([tr("table.empty", path=shown)])
    layout = find_layout(rows, shown)
    checked = cards_from_rows(rows, layout, shown, deck_id, aspects, existing)
    return Imported(checked, notices + layout.notices)


def new_deck(header: dict[str, Any], aspects: Aspects, cards: list[dict[str, Any]]) -> dict[str, Any]:
    return {"deck": {**header, "aspects": aspects.known}, "cards": cards}


def deck_yaml(deck: dict[str, Any], source: str) -> str:
    """The deck as a YAML file, with the schema line for editors and a note of where it came from."""
    body = yaml.safe_dump(deck, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False)
    return ("# yaml-language-server: $schema=schemas/deck.schema.json\n"
            f"# Importé de {source} par `python -m game import`.\n{body}")


def export_deck(cards: list[Any], aspect_labels: dict[str, str], out: Path, ids: bool = True) -> int:
    """The deck's cards as a spreadsheet a subject expert can edit and give back; the number of rows.
    Without `ids`, the identifier cells are left empty: the import numbers the cards after the deck."""
    headers, rows = rows_from_cards(cards, aspect_labels)
    if not ids:
        rows = [["" if header == "Identifiant" else cell for header, cell in zip(headers, row)] for row in rows]
    write_table(out, headers, rows)
    return len(rows)


def write_template(out: Path, kind: str) -> None:
    """A ready-to-fill spreadsheet: the columns of one kind of card and the example row of `new deck`."""
    from pydantic import TypeAdapter

    from game.content.models import Card

    text = (TEMPLATES / f"deck-{kind}.yaml").read_text(encoding="utf-8").format(
        id="exemple", title="Exemple", prefix="exemple", file=out.name, deck="exemple")
    data = yaml.safe_load(text)
    cards = [TypeAdapter(Card).validate_python(c) for c in data["cards"] if c["kind"] == kind][:1]
    export_deck(cards, data["deck"]["aspects"], out, ids=False)
