"""Mutations of the files trainers import (spreadsheets, Excel workbooks, Moodle GIFT and Aiken banks), and what
each must give: the cards that can come in, or sentences that name the file and the row; never a traceback.

Shared by a short Hypothesis run in the suite and by `benchmarks/fuzz.py`, which also measures each case's time
and memory in a watched worker (a bomb or a quadratic pattern shows there as a hang or a memory peak).
"""

from __future__ import annotations

import functools
import io
import random
import zipfile
from pathlib import Path

from game.authoring.cardrows import Aspects
from game.authoring.importing import export_deck, import_cards
from game.authoring.sheets import ImportFailed
from game.content.library import load_library
from game.paths import shipped_decks
from tests.fuzz_cases import _mutate_text, _spice

IMPORT_KINDS = ("csv", "xlsx", "gift", "aiken")

AIKEN = ("Combien de jours au plus ?\nA. Un\nB. Trois\nC) Cinq\nANSWER: B\n\n"
         "Qui décide ?\nA. L'agent\nB. Le chef\nANSWER: A\n")


@functools.cache
def bases(folder: Path) -> dict[str, bytes]:
    """One real file of each kind: a shipped deck exported, a Moodle export with HTML, an Aiken bank."""
    from tests.test_spreadsheets import GIFT, MOODLE

    deck = load_library([(shipped_decks() / "partenaires.yaml", True)]).decks["partenaires"]
    found = {"gift": (GIFT + "\n" + MOODLE).encode("utf-8"), "aiken": AIKEN.encode("utf-8")}
    for kind in ("csv", "xlsx"):
        path = folder / f"base.{kind}"
        export_deck(deck.cards, dict(deck.info.aspects), path)
        found[kind] = path.read_bytes()
    return found


def import_case(folder: Path, kind: str, rng: random.Random, base: dict[str, bytes]) -> Path:
    """A mutated file of `kind` in `folder`."""
    path = folder / f"import.{kind}"
    data = base[kind]
    if kind == "xlsx":
        data = _mutate_workbook(data, rng)
    else:
        text = data.decode("utf-8")
        for _ in range(rng.randint(1, 3)):
            text = _mutate_text(text, rng) if text else str(_spice(rng))
        data = text.encode("cp1252", "replace") if rng.random() < 0.1 else text.encode("utf-8", "surrogatepass")
    path.write_bytes(data)
    return path


def _mutate_workbook(data: bytes, rng: random.Random) -> bytes:
    """A workbook edited part by part: an XML part's text mutated, a part garbled or recompressed oddly, the
    zip cut short."""
    move = rng.randrange(5)
    if move == 0:
        return data[:rng.randrange(len(data))]
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    k = rng.randrange(len(parts))
    name, part = parts[k]
    compression = zipfile.ZIP_DEFLATED
    if move == 1:
        part = _mutate_text(part.decode("utf-8", "replace"), rng).encode("utf-8", "surrogatepass")
    elif move == 2:
        part = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
    elif move == 3:
        compression = rng.choice([zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
    else:  # a cell's value swapped for a spice: NaN, a huge number, a formula, a deep nest
        part = part.replace(b"<v>", b"<v>" + str(_spice(rng)).encode("utf-8", "replace")[:5000], 1)
    parts[k] = (name, part)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for part_name, part_data in parts:
            target.writestr(part_name, part_data, compress_type=compression if part_name == name else
                            zipfile.ZIP_DEFLATED)
    return out.getvalue()


def check_import(path: Path, kind: str) -> str:
    """"imported", "partly" (some rows left out, each named) or "refused" (sentences naming the file); raises
    on a traceback, or on a problem that does not say where it is."""
    shown = str(path)
    try:
        imported = import_cards(path, shown, kind, "fuzz", Aspects({}))
    except ImportFailed as refused:
        assert refused.problems and all(p.startswith(shown) for p in refused.problems), refused.problems[:3]
        return "refused"
    assert imported.cards and all(p.startswith(shown) for p in imported.problems), imported.problems[:3]
    return "partly" if imported.problems else "imported"
