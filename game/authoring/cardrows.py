"""Cards as spreadsheet rows, both ways: a subject expert reviews a deck in a spreadsheet and gives it back.

One row per card, one column per field; a card's several answers or options take numbered
columns ("Réponse 1", "Option 2", "Note 2", "Retour 2", "Effets 2"), as Kahoot's question
template does. Headers are recognised in French or English, with or without accents, and a
header row below a few title lines (Kahoot's layout) is found. Every refused cell is reported
with its row number and column header, and nothing is written until every row is right.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from game.authoring.columns import COLUMNS, MAX_NUMBERED, NUMBERED, Layout, plain
from game.authoring.sheets import ImportFailed, Rows
from game.content.describe import describe
from game.content.kinds import CardKind
from game.content.models import Card, slug
from game.present.kinds import display
from game.wording.catalogue import ntr, tr

# What a « Type » cell may say, by the kinds' displays: a kind a spreadsheet cannot carry has no name there.
KINDS_WRITTEN = {name: str(kind) for kind in CardKind for name in display(kind).written_as}
RATINGS_WRITTEN = {"meilleure": "best", "meilleur": "best", "best": "best", "bonne": "best",
                   "acceptable": "acceptable", "ok": "acceptable", "moyenne": "acceptable",
                   "a eviter": "poor", "eviter": "poor", "mauvaise": "poor", "poor": "poor"}
RATINGS_SHOWN = {"best": "meilleure", "acceptable": "acceptable", "poor": "à éviter"}
LIST_SPLIT = re.compile(r"\s*\|\s*|\s*\n\s*")
CORRECT_SPLIT = re.compile(r"\s*(?:[,;|/+\s]|\bet\b)\s*")
EFFECT = re.compile(r"([a-z0-9]+(?:[-_][a-z0-9]+)*)\s*[:=]?\s*([+\-\u2212]?)\s*(\d+)")
LETTERS = "ABCDEF"
NUMBERED_ID = re.compile(r"^(.*?)(\d+)$")
TO_COMPLETE = "À compléter : pourquoi cette réponse est-elle la bonne ?"
DEFAULT_ASPECT = "Général"  # a table or a bank that names no aspect (Kahoot's template, an Aiken file)

_CARD = TypeAdapter(Card)


@dataclass
class Aspects:
    """The deck's aspects: those it already has (importing into a deck), then new ones as the table names them."""

    known: dict[str, str]
    default: str | None = None  # the label used when the table has no aspect column

    def key(self, written: str) -> str:
        if written in self.known:
            return written
        for key, label in self.known.items():
            if label.casefold() == written.casefold():
                return key
        key = slug(written)
        if not key:
            raise ValueError(tr("rows.aspect_id", aspect=written))
        self.known.setdefault(key, written)
        return key


@dataclass
class Checked:
    """What comes in of a file: the cards, the problems of the rows (or questions) left out, how many were left
    out, and the ids those named (a card of the deck kept as it was, not « absent from the file »)."""

    cards: list[dict[str, Any]]
    problems: list[str]
    left_out: int
    refused: set[str]


def cards_from_rows(rows: Rows, layout: Layout, shown: str, deck_id: str, aspects: Aspects,
                    existing: Mapping[str, str] | None = None) -> Checked:
    """Each row below the header as a card's data, checked by the game's own model, and every refused cell of
    the rows left out; ImportFailed when no row comes in."""
    if ("kind", 0) not in layout.places:  # a table of questions: say once what it lacks, not at every row
        needed = {"Énoncé (ou Question)": ("prompt", 0) in layout.places,
                  "Réponse 1, Réponse 2… (ou Réponses)": ("answer", 1) in layout.places or ("answers", 0) in layout.places,
                  "Bonnes réponses": ("correct", 0) in layout.places}
        if not all(needed.values()):
            raise ImportFailed([f"{shown}:{layout.header_row}: colonne(s) manquante(s) : "
                                f"{', '.join(name for name, present in needed.items() if not present)}"])
    read = set(layout.places.values())  # a row filled only where no column is read (Kahoot numbers its empty rows)
    body = [(n, cells) for n, cells in rows if n > layout.header_row
            and any(c.strip() for i, c in enumerate(cells) if i in read)]
    found: list[tuple[int, dict[str, Any] | str]] = []
    named: dict[int, str] = {}  # each row's id, to keep its card if the row is refused
    for number, cells in body:
        reader = _Row(cells, layout)
        named[number] = reader.get("id")
        control = next((i for i, c in enumerate(cells) if any(ord(ch) < 32 and ch not in "\n\t\r" for ch in c)), None)
        if control is not None:  # a NUL or another control character: no text of a card holds one
            found.append((number, tr("rows.control", column=layout.headers[control].strip() if control < len(
                layout.headers) else control + 1)))
            continue
        try:
            found.append((number, {"id": reader.get("id"), **_card(reader, aspects)}))
        except ValueError as exc:
            found.append((number, str(exc)))
    checked = checked_cards(found, shown, deck_id, tr("rows.no_card", path=shown),
                            lambda loc: _column_named(loc, layout), existing, named)
    layout.notices += to_complete(checked.cards, shown)
    return checked


def checked_cards(found: list[tuple[int, dict[str, Any] | str]], shown: str, deck_id: str, none: str,
                  column: Callable[[tuple[Any, ...]], str] = lambda loc: "", existing: Mapping[str, str] | None = None,
                  named: Mapping[int, str] | None = None) -> Checked:
    """The cards read from a file, each with its line, or the sentence that refused it, checked by the game's
    own card model; the problems of those left out, each cell named by `column` (for a table). A card without
    an id is numbered after the highest of its kind among the deck's (`existing`: id → kind) and the file's.
    ImportFailed when no card at all comes in (`none` when the file held none)."""
    known = dict(existing or {})
    known.update({card["id"]: card.get("kind", "") for _, card in found if isinstance(card, dict) and card.get("id")})
    ids = IdMaker(known, deck_id)
    checked = Checked([], [], 0, set())
    for number, card in found:
        if isinstance(card, str):
            checked.problems.append(f"{shown}:{number}: {card}")
        else:
            card = {"id": card.pop("id", None) or ids.next(card.get("kind", "")), **card}
            refused = card_problems(card)
            checked.problems += [f"{shown}:{number}: {column(loc)}{text}" for loc, text in refused]
            if not refused:
                checked.cards.append(card)
                continue
        checked.left_out += 1
        written = card["id"] if isinstance(card, dict) else (named or {}).get(number, "")
        if written:
            checked.refused.add(written)
    if not checked.cards:
        raise ImportFailed(checked.problems or [none])
    return checked


class IdMaker:
    """Ids for new cards after the highest numbered one of their kind in the deck (`xev-003` → `xev-004` for an
    event, `tt-084` → `tt-085` for a question), never one in use. Each kind's prefix, width and highest number
    are found once: a table of 20,000 rows without ids is numbered in a moment."""

    def __init__(self, existing: Mapping[str, str], deck_id: str):
        self.existing, self.deck_id = existing, deck_id
        self.taken = set(existing)
        self.numbered = [(m.group(1), m.group(2)) for m in map(NUMBERED_ID.match, existing) if m]
        self.counters: dict[str, tuple[str, int, int]] = {}  # kind → (prefix, width, last number given)

    def next(self, kind: str) -> str:
        if kind not in self.counters:
            same = [card for card, of in self.existing.items() if of == kind] or list(self.existing)
            prefixes = [m.group(1) for m in map(NUMBERED_ID.match, same) if m]
            prefix = max(set(prefixes), key=lambda p: (prefixes.count(p), p)) if prefixes else f"{self.deck_id}-"
            digits = [number for head, number in self.numbered if head == prefix]
            self.counters[kind] = (prefix, max(map(len, digits), default=3), max(map(int, digits), default=0))
        prefix, width, number = self.counters[kind]
        number += 1
        while f"{prefix}{number:0{width}d}" in self.taken:
            number += 1
        self.counters[kind] = (prefix, width, number)
        made = f"{prefix}{number:0{width}d}"
        self.taken.add(made)
        return made


def card_problems(card: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """What the game's own card model refuses in an imported card, each with its place in the card."""
    try:
        _CARD.validate_python(card)
    except ValidationError as exc:
        return [(tuple(err["loc"]), describe(err, Card, card)[0].text()) for err in exc.errors(include_url=False)]
    return []


def to_complete(cards: list[dict[str, Any]], shown: str) -> list[str]:
    """A notice for the questions whose source had no explanation: they carry a text to replace."""
    todo = sum(card.get("explanation") == TO_COMPLETE for card in cards)
    return [ntr("rows.to_complete", todo, path=shown, text=TO_COMPLETE)] if todo else []


class _Row:
    def __init__(self, cells: list[str], layout: Layout):
        self.cells, self.layout = cells, layout

    def get(self, key: str, n: int = 0) -> str:
        i = self.layout.places.get((key, n))
        return self.cells[i].strip() if i is not None and i < len(self.cells) else ""

    def has(self, key: str, n: int = 0) -> bool:
        return (key, n) in self.layout.places

    def header(self, key: str, n: int = 0) -> str:
        return self.layout.headers[self.layout.places[(key, n)]].strip()

    def numbered(self, key: str) -> list[tuple[int, str]]:
        return [(n, self.get(key, n)) for n in range(1, MAX_NUMBERED + 1) if self.get(key, n)]


def _card(row: _Row, aspects: Aspects) -> dict[str, Any]:
    written = plain(row.get("kind")) or "question"
    kind = KINDS_WRITTEN.get(written)
    if kind is None:
        raise ValueError(tr("rows.kind", kind=row.get("kind")))
    label = row.get("aspect") if row.has("aspect") else (aspects.default or DEFAULT_ASPECT)
    if not label:
        raise ValueError(tr("rows.empty_column", column=row.header("aspect")))
    card: dict[str, Any] = {"kind": kind, "aspect": aspects.key(label)}
    if row.get("difficulty"):
        card["difficulty"] = _whole(row.get("difficulty"), row.header("difficulty"))
    if row.get("minutes"):
        minutes = _number(row.get("minutes"), row.header("minutes"))
        card["minutes"] = int(minutes) if minutes.is_integer() else minutes
    texts = {"prompt": "prompt", "name": "name", "situation": "situation", "need": "need", "quote": "quote",
             "portrait": "portrait", "partner": "partner", "source": "source",
             "notes": "notes"}
    for key, target in texts.items():
        if row.get(key):
            card[target] = row.get(key)
    if row.get("age"):
        card["age"] = _whole(row.get("age"), row.header("age"))
    for key in ("constraints", "hints"):
        if row.get(key):
            card[key] = [item for item in LIST_SPLIT.split(row.get(key)) if item]
    if kind == "question":
        _question(row, card)
    elif kind in ("persona", "situation"):
        card["options"] = _options(row)
    elif kind == "event" and row.get("effects"):
        card["effects"] = effects(row.get("effects"))
    return card


def _question(row: _Row, card: dict[str, Any]) -> None:
    answers = [text for _, text in row.numbered("answer")] or \
        [a for a in LIST_SPLIT.split(row.get("answers")) if a]
    if not 2 <= len(answers) <= 6:
        raise ValueError(tr("rows.answers", count=len(answers)))
    if not row.get("correct"):
        raise ValueError(tr("rows.no_right"))
    right = _correct(row.get("correct"), answers)
    if len(right) > 1:
        card["multiple"] = True
    card["answers"] = [{"text": a, **({"correct": True} if i in right else {})} for i, a in enumerate(answers)]
    if row.has("explanation") and not row.get("explanation"):
        raise ValueError(tr("rows.empty_column", column=row.header("explanation")))
    card["explanation"] = row.get("explanation") or TO_COMPLETE  # a source without explanations (Kahoot)
    if "source" in card:
        card["source"] = card.pop("source")  # after the explanation, as authors write it


def _options(row: _Row) -> list[dict[str, Any]]:
    options = []
    for n, text in row.numbered("option"):
        rating = RATINGS_WRITTEN.get(plain(row.get("rating", n)))
        if rating is None:
            raise ValueError(tr("rows.rating", rating=row.get("rating", n) or tr("rows.empty"),
                                column=_header_or(row, "rating", n)))
        option: dict[str, Any] = {"text": text, "rating": rating}
        if row.get("option_effects", n):
            option["effects"] = effects(row.get("option_effects", n))
        option["feedback"] = row.get("feedback", n)
        options.append(option)
    return options


def _header_or(row: _Row, key: str, n: int) -> str:
    return f"« {row.header(key, n)} »" if row.has(key, n) else f"« {next(c.header for c in COLUMNS if c.key == key).format(n=n)} »"


def effects(text: str) -> dict[str, int]:
    """`satisfaction +1, droits -2` (or `satisfaction: 1; droits: -2`) → {gauge: change}."""
    found = {m.group(1): int(m.group(3)) * (-1 if m.group(2) in "-\u2212" and m.group(2) else 1)
             for m in EFFECT.finditer(text)}
    rest = EFFECT.sub("", text).strip(" ,;\n")
    if rest or not found:
        raise ValueError(tr("rows.effects", text=text))
    return found


def _whole(text: str, column: str) -> int:
    number = _number(text, column)
    if not number.is_integer():
        raise ValueError(tr("rows.whole", column=column, text=text))
    return int(number)


def _number(text: str, column: str) -> float:
    try:
        return float(text.replace(",", ".").replace("\u00a0", "").strip())
    except ValueError:
        raise ValueError(tr("rows.number", column=column, text=text)) from None


def _correct(text: str, answers: list[str]) -> list[int]:
    """1-based numbers, letters, or the right answers' own texts → 0-based indexes; ValueError otherwise."""
    count = len(answers)
    by_text = [a.casefold() for a in answers]
    named = [p.casefold() for p in LIST_SPLIT.split(text.strip()) if p]
    if named and all(p in by_text for p in named):
        return sorted({by_text.index(p) for p in named})
    picks = []
    for token in filter(None, CORRECT_SPLIT.split(text.strip())):
        if token.isdigit():
            index = int(token) - 1
        elif len(token) == 1 and token.upper() in LETTERS:
            index = LETTERS.index(token.upper())
        else:
            raise ValueError(tr("rows.token", token=token))
        if not 0 <= index < count:
            raise ValueError(tr("rows.no_such_answer", token=token, answers=ntr("count.answers", count)))
        if index not in picks:
            picks.append(index)
    return sorted(picks)


def _column_named(loc: tuple[Any, ...], layout: Layout) -> str:
    """'« Retour 2 » : ' for an error at ("options", 1, "feedback"), so the expert finds the cell."""
    if loc and loc[0] in set(CardKind):  # the card kind pydantic's union adds first
        loc = loc[1:]
    if not loc:
        return ""
    key, n = loc[0], 0
    if key == "answers" and len(loc) > 1 and isinstance(loc[1], int):
        key, n = "answer", loc[1] + 1
    elif key == "options" and len(loc) > 1 and isinstance(loc[1], int):
        n = loc[1] + 1
        key = {"text": "option", "rating": "rating", "feedback": "feedback", "effects": "option_effects"}.get(
            loc[2] if len(loc) > 2 else "text", "option")
    place = layout.places.get((key, n)) if isinstance(key, str) else None
    if place is None and key == "answer":
        place = layout.places.get(("answers", 0))
    return f"« {layout.headers[place].strip()} » : " if place is not None else ""


# -- the other way: a deck as rows --------------------------------------------------------------------

def rows_from_cards(cards: list[Any], aspect_labels: dict[str, str]) -> tuple[list[str], list[list[str]]]:
    """The headers and one row per card, with only the columns the deck's cards use."""
    records = [record(card, aspect_labels) for card in cards]
    answers = max((len(c.answers) for c in cards if c.kind == "question"), default=0)
    options = max((len(c.options) for c in cards if c.kind in ("persona", "situation")), default=0)
    headers: list[tuple[str, int]] = []
    for column in COLUMNS:
        if column.key == "answer":
            headers += [("answer", n) for n in range(1, answers + 1)]
        elif column.key == "option":  # each option's four columns side by side
            headers += [(key, n) for n in range(1, options + 1)
                        for key in ("option", "rating", "feedback", "option_effects")
                        if key != "option_effects" or any(r.get((key, n)) for r in records)]
        elif column.key not in NUMBERED and column.key != "answers" and (
                column.key in ("id", "kind", "aspect") or any(r.get((column.key, 0)) for r in records)):
            headers.append((column.key, 0))
    names = [next(c.header for c in COLUMNS if c.key == k).format(n=n) for k, n in headers]
    return names, [[r.get(place, "") for place in headers] for r in records]


def record(card: Any, aspect_labels: dict[str, str]) -> dict[tuple[str, int], str]:
    """A card as its spreadsheet row, cell by cell: also what tells whether an expert changed a card."""
    shown = {"question": "question", "persona": "usager", "situation": "situation", "debate": "débat",
             "event": "événement"}
    record = {("id", 0): card.id, ("kind", 0): shown[card.kind], ("aspect", 0): aspect_labels.get(card.aspect, card.aspect)}
    if card.difficulty is not None:
        record[("difficulty", 0)] = str(card.difficulty)
    if card.minutes is not None:
        record[("minutes", 0)] = f"{card.minutes:g}".replace(".", ",")
    for key in ("prompt", "name", "situation", "need", "quote", "portrait", "partner", "explanation", "source",
                "notes"):
        value = getattr(card, key, None)
        if value is not None:
            record[(key, 0)] = str(value)
    if getattr(card, "age", None) is not None:
        record[("age", 0)] = str(card.age)
    for key in ("constraints", "hints"):
        if getattr(card, key, None):
            record[(key, 0)] = "\n".join(getattr(card, key))
    if card.kind == "question":
        for n, answer in enumerate(card.answers, start=1):
            record[("answer", n)] = answer.text
        record[("correct", 0)] = ", ".join(str(i + 1) for i in card.right_choices())
    if card.kind in ("persona", "situation"):
        for n, option in enumerate(card.options, start=1):
            record[("option", n)] = option.text
            record[("rating", n)] = RATINGS_SHOWN[option.rating]
            record[("feedback", n)] = option.feedback
            if option.effects:
                record[("option_effects", n)] = written_effects(option.effects)
    if card.kind == "event" and card.effects:
        record[("effects", 0)] = written_effects(card.effects)
    return record


def written_effects(changes: dict[str, int]) -> str:
    return ", ".join(f"{gauge} {change:+d}" for gauge, change in changes.items())
