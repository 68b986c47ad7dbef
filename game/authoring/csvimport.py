"""Questions from a spreadsheet: a CSV as French Excel and LibreOffice save it, turned into a deck file.

Tolerated: `;`, `,` or tab separators, UTF-8 with or without BOM, Windows-1252 (Excel's plain
"CSV" in France, read with a notice), CRLF, cells on several lines, decimal commas, headers in
French or English, with or without accents. Every bad row is reported with its row number as
the spreadsheet shows it (the header is row 1), and nothing is written until all rows are right.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.atomic import write_text_atomic
from game.content.models import slug

# Column → the headers accepted for it (compared without accents, case or spaces).
COLUMNS: dict[str, tuple[str, ...]] = {
    "aspect": ("aspect", "theme", "thème"),
    "prompt": ("question", "prompt", "enonce", "énoncé", "intitule"),
    "answers": ("reponses", "réponses", "answers", "propositions", "choix"),
    "correct": ("bonnes reponses", "bonnes réponses", "bonne reponse", "correct", "correct answers",
                "reponses correctes", "solution", "solutions"),
    "explanation": ("explication", "explanation", "justification"),
    "source": ("source", "sources", "reference", "référence"),
    "minutes": ("minutes", "duree", "durée", "temps"),
    "id": ("id", "identifiant"),
    "difficulty": ("difficulte", "difficulté", "difficulty", "niveau"),
}
REQUIRED = ("aspect", "prompt", "answers", "correct", "explanation")
ANSWER_SPLIT = re.compile(r"\s*\|\s*|\s*\n\s*")
CORRECT_SPLIT = re.compile(r"\s*(?:[,;|/+\s]|\bet\b)\s*")
LETTERS = "ABCDEF"


class ImportFailed(Exception):
    """The spreadsheet cannot be imported; `problems` are the lines to show, each with its place."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Imported:
    deck: dict[str, Any]
    notices: list[str] = field(default_factory=list)


def _plain(header: str) -> str:
    text = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[\s_\-]+", " ", text).strip()


_HEADERS = {_plain(h): column for column, names in COLUMNS.items() for h in names}


def decode(raw: bytes, shown: str) -> tuple[str, list[str]]:
    """The file's text, and a notice when it was not UTF-8."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportFailed([f"{shown} : ni UTF-8 ni Windows-1252 (octet 0x{raw[exc.start]:02X}) : enregistrez le "
                            "tableau au format « CSV UTF-8 »"]) from None
    return text, [f"{shown} : le fichier n'est pas en UTF-8 ; il a été lu en Windows-1252, l'encodage du « CSV » "
                  "d'Excel. Vérifiez les accents dans le résultat ; pour ne plus voir ce message, enregistrez au "
                  "format « CSV UTF-8 »."]


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in ";,\t"}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ";"


def read_rows(text: str, shown: str) -> tuple[dict[str, int], list[str], list[tuple[int, list[str]]]]:
    """The column positions, the headers as written, and the non-empty rows with their spreadsheet row number."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise ImportFailed([f"{shown}:{reader.line_num}: ligne illisible ({exc})"]) from None
    if not rows:
        raise ImportFailed([f"{shown} : le fichier est vide"])
    positions: dict[str, int] = {}
    problems = []
    for i, header in enumerate(rows[0]):
        column = _HEADERS.get(_plain(header))
        if column is None and header.strip():
            problems.append(f"{shown}:1: colonne « {header.strip()} » inconnue (colonnes possibles : "
                            f"{', '.join(COLUMNS)})")
        elif column is not None:
            positions.setdefault(column, i)
    missing = [c for c in REQUIRED if c not in positions]
    if missing:
        problems.append(f"{shown}:1: colonne(s) manquante(s) : {', '.join(missing)} (la première ligne doit "
                        "nommer les colonnes)")
    if problems:
        raise ImportFailed(problems)
    body = [(n, row) for n, row in enumerate(rows[1:], start=2) if any(cell.strip() for cell in row)]
    return positions, rows[0], body


def _number(text: str, column: str) -> float:
    try:
        return float(text.replace(",", ".").replace("\u00a0", "").strip())
    except ValueError:
        raise ValueError(f"« {column} » doit être un nombre (lu : « {text} »)") from None


def _correct(text: str, answers: list[str]) -> list[int]:
    """1-based numbers, letters, or the right answers' own texts → 0-based indexes; ValueError otherwise."""
    count = len(answers)
    by_text = [a.casefold() for a in answers]
    named = [p.casefold() for p in ANSWER_SPLIT.split(text.strip()) if p]
    if named and all(p in by_text for p in named):
        return sorted({by_text.index(p) for p in named})
    picks = []
    for token in filter(None, CORRECT_SPLIT.split(text.strip())):
        if token.isdigit():
            index = int(token) - 1
        elif len(token) == 1 and token.upper() in LETTERS:
            index = LETTERS.index(token.upper())
        else:
            raise ValueError(f"« {token} » n'est ni un numéro de réponse (1, 2…), ni une lettre (A, B…), "
                             "ni le texte d'une des réponses")
        if not 0 <= index < count:
            raise ValueError(f"la bonne réponse « {token} » n'existe pas : il y a {count} réponse(s)")
        if index not in picks:
            picks.append(index)
    if not picks:
        raise ValueError("aucune bonne réponse indiquée")
    return sorted(picks)


def _card(row: list[str], positions: dict[str, int], headers: list[str], number: int, deck_id: str,
          aspects: dict[str, str]) -> dict[str, Any]:
    def cell(column: str) -> str:
        i = positions.get(column)
        return row[i].strip() if i is not None and i < len(row) else ""

    for column in REQUIRED:
        if not cell(column):
            raise ValueError(f"la colonne « {headers[positions[column]].strip()} » est vide")
    answers = [a for a in ANSWER_SPLIT.split(cell("answers")) if a]
    if not 2 <= len(answers) <= 6:
        raise ValueError(f"il faut de 2 à 6 réponses séparées par « | » (ou une par ligne dans la cellule), "
                         f"il y en a {len(answers)}")
    right = _correct(cell("correct"), answers)
    label = cell("aspect")
    key = slug(label)
    if not key:
        raise ValueError(f"l'aspect « {label} » ne donne pas d'identifiant")
    aspects.setdefault(key, label)
    card: dict[str, Any] = {"id": cell("id") or f"{deck_id}-{number - 1:03d}", "kind": "question", "aspect": key}
    if cell("difficulty"):
        card["difficulty"] = int(_number(cell("difficulty"), headers[positions["difficulty"]].strip()))
    if cell("minutes"):
        minutes = _number(cell("minutes"), headers[positions["minutes"]].strip())
        card["minutes"] = int(minutes) if minutes.is_integer() else minutes
    card["prompt"] = cell("prompt")
    if len(right) > 1:
        card["multiple"] = True
    card["answers"] = [{"text": a, **({"correct": True} if i in right else {})} for i, a in enumerate(answers)]
    card["explanation"] = cell("explanation")
    if cell("source"):
        card["source"] = cell("source")
    return card


def import_questions(raw: bytes, shown: str, deck_id: str, title: str, license: str) -> Imported:
    """A deck (plain data, ready to dump) from a spreadsheet's bytes; ImportFailed lists every bad row."""
    text, notices = decode(raw, shown)
    positions, headers, rows = read_rows(text, shown)
    aspects: dict[str, str] = {}
    cards, problems = [], []
    for number, row in rows:
        try:
            cards.append(_card(row, positions, headers, number, deck_id, aspects))
        except ValueError as exc:
            problems.append(f"{shown}:{number}: {exc}")
    if not rows:
        problems.append(f"{shown} : aucune question sous la ligne des titres de colonnes")
    if problems:
        raise ImportFailed(problems)
    deck = {"deck": {"id": deck_id, "title": title, "license": license, "aspects": aspects}, "cards": cards}
    return Imported(deck, notices)


def deck_yaml(deck: dict[str, Any], source: str) -> str:
    """The deck as a YAML file, with the schema line for editors and a note of where it came from."""
    body = yaml.safe_dump(deck, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False)
    return ("# yaml-language-server: $schema=schemas/deck.schema.json\n"
            f"# Importé du tableau {source} par `python -m game import-csv`.\n{body}")


def write_deck(path: Path, text: str) -> None:
    write_text_atomic(path, text)
