"""Spreadsheets and quiz banks nobody here wrote, made to break the importer: each is one sentence naming the file,
exit status 1, nothing written, in a moment and small memory (the figures are in benchmarks/fuzz.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from game.cli import main


def _workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Énoncé", "Réponse 1", "Réponse 2", "Bonnes réponses", "Difficulté"])
    sheet.append(["Vrai ?", "Oui", "Non", 1, 2])
    book.save(path)
    return path


def _rezip(path: Path, change) -> Path:
    """The workbook with its parts rewritten by `change(name, data) -> (data, compression)`."""
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts:
            data, compression = change(name, data)
            target.writestr(name, data, compress_type=compression)
    return path


def malformed_xml(path: Path) -> Path:
    return _rezip(_workbook(path), lambda name, data: (b"<worksheet><sheetData><row><c>" if "worksheets/" in name
                                                        else data, zipfile.ZIP_DEFLATED))


def truncated_zip(path: Path) -> Path:
    data = _workbook(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def odd_compression(path: Path) -> Path:
    return _rezip(_workbook(path), lambda name, data: (data, zipfile.ZIP_BZIP2 if "worksheets/" in name
                                                        else zipfile.ZIP_DEFLATED))


def nan_cell(path: Path) -> Path:
    return _rezip(_workbook(path), lambda name, data: (data.replace(b"<v>2</v>", b"<v>NaN</v>"), zipfile.ZIP_DEFLATED))


def zip_bomb(path: Path) -> Path:
    return _rezip(_workbook(path), lambda name, data: (
        data.replace(b"</sheetData>", b" " * 25_000_000 + b"</sheetData>") if "worksheets/" in name else data,
        zipfile.ZIP_DEFLATED))


def digits_header(path: Path) -> Path:
    path = path.with_suffix(".csv")
    path.write_text("Énoncé;Réponse 1;Réponse 2;Bonnes réponses;" + "1" * 5000 + "\nQ ?;a;b;1;x\n", encoding="utf-8")
    return path


def million_rows(path: Path) -> Path:
    path = path.with_suffix(".csv")
    path.write_text("Énoncé;Réponse 1;Réponse 2;Bonnes réponses\n" + "Q ?;a;b;1\n" * 1_000_000, encoding="utf-8")
    return path


def huge_bank(path: Path) -> Path:
    path = path.with_suffix(".gift")
    path.write_text("Q ? {=a ~b}\n\n" * 200_000, encoding="utf-8")
    return path


HOSTILE = [malformed_xml, truncated_zip, odd_compression, nan_cell, zip_bomb, digits_header, million_rows, huge_bank]


@pytest.mark.parametrize("make", HOSTILE, ids=lambda f: f.__name__)
def test_a_hostile_file_is_one_sentence_and_nothing_written(capsys, tmp_path, make):
    hostile = make(tmp_path / "hostile.xlsx")
    out = tmp_path / "x.yaml"
    assert main(["import", str(hostile), "--deck", "x", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert str(hostile) in err and "Traceback" not in err and len(err) < 3_000
    assert not out.exists() and not list(tmp_path.glob(".*"))


def test_export_csv_never_writes_a_formula(capsys, tmp_path):
    deck = tmp_path / "deck.yaml"
    deck.write_text("deck:\n  id: formules\n  title: Formules\n  license: CC-BY-4.0\n  aspects: {a: A}\ncards:\n"
                    "  - id: f-1\n    kind: question\n    aspect: a\n    prompt: '=HYPERLINK(\"http://x\";\"clic\")'\n"
                    "    answers: [{text: '+33 1 23', correct: true}, {text: '@SUM(A1)'}]\n"
                    "    explanation: '-1 point'\n    source: S\n", encoding="utf-8")
    table = tmp_path / "deck.csv"
    assert main(["export-csv", str(deck)]) == 0
    text = table.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'+33 1 23" in text and "'@SUM" in text and "'-1 point" in text
    assert main(["import", str(table), "--into", str(deck)]) == 0  # and back, unchanged
    assert "inchangées\u00a0: 1" in capsys.readouterr().out
