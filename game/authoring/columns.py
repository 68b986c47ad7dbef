"""The columns of a card spreadsheet: their headers in French and English, how a file's headers are recognised,
and the layout they give."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from game.authoring.sheets import ImportFailed, Rows
from game.wording.authors import nearest
from game.wording.catalogue import tr


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as the template and the export write it ("Réponse {n}" for numbered columns)
    aliases: tuple[str, ...] = ()


# In the order the template and the export write them.
COLUMNS = (
    Column("id", "Identifiant", ("id",)),
    Column("kind", "Type", ("type de carte", "kind", "genre")),
    Column("aspect", "Aspect", ("theme", "aspects")),
    Column("difficulty", "Difficulté", ("difficulty", "niveau")),
    Column("minutes", "Durée (min)", ("duree", "minutes", "duree en minutes", "duration")),
    Column("prompt", "Énoncé", ("question", "prompt", "intitule", "consigne")),
    Column("name", "Nom", ("name", "prenom")),
    Column("age", "Âge", ("age",)),
    Column("situation", "Situation"),
    Column("need", "Besoin", ("need", "demande")),
    Column("constraints", "Contraintes", ("constraints",)),
    Column("quote", "Citation", ("quote",)),
    Column("portrait", "Portrait", ("image", "photo")),
    Column("partner", "Partenaire", ("partner",)),
    Column("answers", "Réponses", ("answers", "propositions", "choix")),
    Column("answer", "Réponse {n}", ("answer {n}", "proposition {n}", "choix {n}")),
    Column("correct", "Bonnes réponses", ("bonne reponse", "correct", "correct answer", "correct answers",
                                          "reponses correctes", "reponse correcte", "solution", "solutions",
                                          "bonnes reponses")),
    Column("explanation", "Explication", ("explications", "explanation", "justification")),
    Column("source", "Source", ("sources", "reference")),
    Column("notes", "Notes pour l’animateur", ("notes", "notes animateur", "note animateur", "facilitator notes")),
    Column("option", "Option {n}"),
    Column("rating", "Note {n}", ("rating {n}", "qualite {n}")),
    Column("feedback", "Retour {n}", ("feedback {n}",)),
    Column("option_effects", "Effets {n}", ("effects {n}",)),
    Column("hints", "Pistes", ("hints", "relances")),
    Column("effects", "Effets", ("effects",)),
)


NUMBERED = {c.key for c in COLUMNS if "{n}" in c.header}


# Kahoot's answer time, in its English and French templates: the game never times an answer (the clock paces the
# session), so it is left out with a notice.
IGNORED = ("time limit", "temps limite", "time limit sec", "temps limite sec")


AMBIGUOUS = ("temps", "time", "duree de reponse")


MAX_UNKNOWN = 8  # unknown columns said one by one; more, and the table is not a card table
MAX_HEADER = 120  # characters of a header read: Kahoot's longest, with its hint, is under 80


def plain(header: str) -> str:
    """A header compared without accents, case, punctuation, plural marks (« Bonne(s) réponse(s) ») or Kahoot's
    hints (« Question - max 120 characters »). Only its first characters are read: a header of a whole page is
    no column name, and reading it all would make the patterns below slow."""
    text = header[:MAX_HEADER].replace("(s)", "")
    text = re.split(r"\s[-–]\s|\(", text, maxsplit=1)[0]
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[\s_\-’']+", " ", text).strip()


def header_names() -> dict[str, str]:
    """Every accepted header (plain, with `{n}` for numbered ones) → its column key."""
    names = {}
    for column in COLUMNS:
        for name in (column.header, column.key, *column.aliases):
            names[plain(name.replace("{n}", "9")).replace("9", "{n}")] = column.key
    return names


HEADER_NAMES = header_names()


def recognise(header: str) -> tuple[str, int] | None:
    """The column key and number (0 when not numbered) a header names, or None."""
    name = plain(header)
    if name in HEADER_NAMES and HEADER_NAMES[name] not in NUMBERED:
        return HEADER_NAMES[name], 0
    stem = name.rstrip("0123456789")  # « reponse 2 » → « reponse », 2
    digits = name[len(stem):]
    key = f"{stem.rstrip()} {{n}}"
    if digits and len(digits) < 4 and key in HEADER_NAMES:
        n = int(digits)
        return (HEADER_NAMES[key], n) if 1 <= n <= MAX_NUMBERED else None
    return None


@dataclass
class Layout:
    """Where the header row is, and which column holds what."""

    header_row: int
    headers: list[str]
    places: dict[tuple[str, int], int]  # (key, number) → column index
    notices: list[str] = field(default_factory=list)


def find_layout(rows: Rows, shown: str) -> Layout:
    """The header row: the first of the first 30 rows naming two known columns (Kahoot puts title lines
    above it). Unknown headers are refused with the closest known one."""
    for number, cells in rows[:30]:
        if sum(recognise(c) is not None for c in cells if c.strip()) >= 2:
            break
    else:
        raise ImportFailed([tr("columns.no_header_row", path=shown, known=", ".join(header_list()))])
    layout = Layout(number, cells, {})
    problems = []
    for i, header in enumerate(cells):
        if not header.strip():
            continue
        found = recognise(header)
        name = plain(header)
        if found is not None:
            layout.places.setdefault(found, i)
        elif name in IGNORED:
            layout.notices.append(tr("columns.ignored", where=f"{shown}:{number}", column=_cut(header)))
        elif name in AMBIGUOUS:
            problems.append(tr("columns.ambiguous", where=f"{shown}:{number}", column=_cut(header)))
        else:
            near = nearest(name, [plain(h) for h in header_list()])
            hint = tr("cli.did_you_mean", near=shown_header(near)) if near else ""
            problems.append(tr("columns.unknown", where=f"{shown}:{number}", column=_cut(header), hint=hint,
                               known=", ".join(header_list())))
    if len(problems) > MAX_UNKNOWN:  # a table of something else: one sentence, not a page
        raise ImportFailed([tr("columns.many_unknown", where=f"{shown}:{number}", n=len(problems),
                               known=", ".join(header_list()))])
    if problems:
        raise ImportFailed(problems)
    return layout


def _cut(header: str) -> str:
    """A header as a message names it: a page-long one by its beginning."""
    text = header.strip()
    return text if len(text) <= 80 else text[:80].rstrip() + "…"


def header_list() -> list[str]:
    return [c.header.replace("{n}", "1, 2…") for c in COLUMNS]


def shown_header(name: str) -> str:
    return next(h for h in header_list() if plain(h) == name)


MAX_NUMBERED = 6
