"""`validate` lays out only the cards that changed since its last check, and finds exactly what a full check finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import game.ui.cardview
from game.cli import main
from game.paths import APP_NAME

EXPLANATION = "L’accueil est l’affaire de tous les agents, à chaque guichet, chaque jour. " * 30
DECK = """deck:
  id: memoire
  title: Mémoire
  license: CC-BY-4.0
  aspects:
    accueil: Accueil
cards:
  - id: me-001
    kind: question
    aspect: accueil
    prompt: "Qui accueille le public ?"
    answers:
      - {{text: "Tous les agents", correct: true}}
      - {{text: "L'agent d'accueil seul"}}
    explanation: "{explanation}"
  - id: me-002
    kind: debate
    aspect: accueil
    prompt: "Faut-il un guichet unique ?"
"""


@pytest.fixture
def deck(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "memoire.yaml"
    path.write_text(DECK.format(explanation=EXPLANATION.strip()), encoding="utf-8")
    return path


def record(tmp_path: Path, family: str = "atkinson") -> Path:
    return tmp_path / "cache" / APP_NAME / f"mise-en-page-{family}.json"


def no_layout_allowed(monkeypatch) -> None:
    def refuse(*_: object, **__: object) -> set[str]:
        raise AssertionError("a card was laid out again")

    monkeypatch.setattr(game.ui.cardview, "overflowing_texts", refuse)


def test_a_second_check_reads_the_record_and_reports_the_same_mistakes(deck, tmp_path, capsys, monkeypatch):
    assert main(["validate", str(deck)]) == 1
    first = capsys.readouterr().err
    assert f"{deck}:15:18: " in first and "ne tient pas sur la carte" in first
    assert len(json.loads(record(tmp_path).read_text(encoding="utf-8"))["cards"]) == 2
    no_layout_allowed(monkeypatch)
    assert main(["validate", str(deck)]) == 1
    assert capsys.readouterr().err == first


def test_an_edited_card_is_measured_again_and_the_others_are_not(deck, tmp_path, capsys, monkeypatch):
    assert main(["validate", str(deck)]) == 1
    capsys.readouterr()
    measured = []
    real = game.ui.cardview.overflowing_texts
    monkeypatch.setattr(game.ui.cardview, "overflowing_texts",
                        lambda app, card, *rest, **named: measured.append(card.id) or real(app, card, *rest, **named))
    deck.write_text(deck.read_text(encoding="utf-8").replace(EXPLANATION.strip(), "Tous les agents."),
                    encoding="utf-8")
    assert main(["validate", str(deck)]) == 0
    assert measured == ["me-001"] * 3  # once at the default settings, once at 150 % in each font
    # the long text back: known again from the first check, with its place and sentence
    no_layout_allowed(monkeypatch)
    deck.write_text(DECK.format(explanation=EXPLANATION.strip()), encoding="utf-8")
    assert main(["validate", str(deck)]) == 1
    assert f"{deck}:15:18: " in capsys.readouterr().err


def test_a_record_of_other_code_or_a_damaged_one_is_not_believed(deck, tmp_path, capsys):
    assert main(["validate", str(deck)]) == 1
    first = capsys.readouterr().err
    kept = json.loads(record(tmp_path).read_text(encoding="utf-8"))
    lies = {key: [] for key in kept["cards"]}  # "nothing is cut": true only for the code that wrote it
    for document in ({"code": "autre", "cards": lies}, "{pas du json", {"code": kept["code"], "cards": {
            key: "rien" for key in kept["cards"]}}):
        record(tmp_path).write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
        assert main(["validate", str(deck)]) == 1
        assert capsys.readouterr().err == first
    for family in ("atkinson", "atkinson-150", "opendyslexic-150"):  # each setting's record, made to lie
        written = json.loads(record(tmp_path, family).read_text(encoding="utf-8"))
        written["cards"] = {key: [] for key in written["cards"]}
        record(tmp_path, family).write_text(json.dumps(written), encoding="utf-8")
    assert main(["validate", str(deck)]) == 0  # the same code's record is believed: the layout was skipped


def test_an_unwritable_cache_folder_only_costs_the_speed_up(deck, tmp_path, capsys):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / APP_NAME).write_text("un fichier, pas un dossier", encoding="utf-8")
    assert main(["validate", str(deck)]) == 1
    err = capsys.readouterr().err
    assert "ne tient pas sur la carte" in err and "Traceback" not in err
    assert main(["lint", str(deck)]) == 0


def test_the_layout_shared_between_processes_finds_what_one_process_finds(tmp_path, monkeypatch):
    """A first check of a deck long enough to be laid out on several cores (two here, whatever this machine has)
    reports the same texts, at the same places, as the same check in one process."""
    from game.content.library import load_library
    from game.ui import fitcheck

    long = "Chaque guichet oriente l’usager vers le bon partenaire, sans rendez-vous ni délai. " * 6
    cards = "".join(f"""  - id: ma-{n:03d}
    kind: question
    aspect: accueil
    prompt: "Question {n} : qui accueille le public ?"
    answers:
      - {{text: "Tous les agents", correct: true}}
      - {{text: "{long if n % 23 == 0 else 'L’agent seul'}"}}
    explanation: "Tous les agents accueillent."
""" for n in range(150))
    path = tmp_path / "masse.yaml"
    path.write_text(DECK.split("cards:")[0].replace("memoire", "masse") + "cards:\n" + cards, encoding="utf-8")
    library = load_library([(path, True)])
    assert library.errors == []
    monkeypatch.setattr(fitcheck.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(fitcheck, "PARALLEL_FROM", 1)  # each round's few layouts shared between two workers
    forked = []
    context = fitcheck.multiprocessing.get_context
    monkeypatch.setattr(fitcheck.multiprocessing, "get_context", lambda kind: forked.append(kind) or context(kind))
    shared = fitcheck.unfit_texts(library, set(library.checked))
    assert forked and set(forked) == {"fork"}
    monkeypatch.setattr(fitcheck, "PARALLEL_FROM", 10**9)
    alone = fitcheck.unfit_texts(library, set(library.checked))
    assert [(e.line, e.column, e.message) for e in shared] == [(e.line, e.column, e.message) for e in alone]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert sorted(e.line for e in shared) == [n + 1 for n, text in enumerate(lines) if long[:40] in text]  # 7 long answers
