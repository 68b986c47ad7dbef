"""`preview`, headless: load a deck, edit it on disk and see the change, break it and see the error with
its line, fix it and get the card back; every kind of card and its reveal, without a session log."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.cli.preview import preview_loader
from game.ui.scenes.preview import PreviewScene
from tests.ui_support import Clock, click, key, make_app, render

DECK = """\
deck:
  id: apercu-essai
  title: Aperçu
  license: CC-BY-4.0
  aspects: {accueil: Accueil}
cards:
  - id: ap-001
    kind: question
    aspect: accueil
    prompt: "Qui accueille le public ?"
    answers:
      - {text: "Tout le monde", correct: true}
      - {text: "Personne"}
    explanation: "L’accueil est l’affaire de tous."
    source: "Référentiel Marianne"
  - id: ap-002
    kind: persona
    aspect: accueil
    name: Josiane
    age: 78
    situation: "Veuve, elle vit seule."
    need: "Demander sa pension de réversion."
    options:
      - {text: "L’aider ici", rating: best, effects: {satisfaction: 1}, feedback: "Bien."}
      - {text: "Lui donner un lien", rating: poor, effects: {satisfaction: -1}, feedback: "Sans aide, non."}
  - id: ap-003
    kind: debate
    aspect: accueil
    prompt: "Faut-il un accueil sans rendez-vous ?"
  - id: ap-004
    kind: event
    aspect: accueil
    prompt: "La file d’attente déborde."
    effects: {charge: 2}
  - id: ap-005
    kind: situation
    aspect: accueil
    partner: CAF
    prompt: "La CAF annule sa permanence."
    options:
      - {text: "Appeler la CAF", rating: best, effects: {reseau: 1}, feedback: "Le lien est gardé."}
      - {text: "Ne rien faire", rating: poor, effects: {reseau: -1}, feedback: "Le lien se perd."}
"""


def save(path: Path, text: str) -> None:
    """Write as an editor does, and make sure the modification time moves even on a coarse clock."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


@pytest.fixture
def preview(tmp_path, shipped):
    path = tmp_path / "apercu.yaml"
    save(path, DECK)
    clock = Clock()
    app = make_app(shipped, tmp_path, clock=clock)
    scene = PreviewScene(app, path, preview_loader([]))
    app.push(scene)
    yield app, scene, path, clock
    app.pop_all()


def later(app, clock: Clock) -> None:
    """Time passes and the loop runs once: the scene looks at the file, and a frame is drawn."""
    clock.advance(1)
    app.run(max_frames=app.frames + 1)


def test_every_kind_and_its_reveal_as_players_see_it(preview):
    app, scene, path, clock = preview
    seen = []
    for _ in range(5):
        render(app)
        view = scene.view
        seen.append((view.view.face.kind, view.view.phase))
        if view.view.phase == "answer":
            key(app, pygame.K_1)
            render(app)
            seen.append((view.view.face.kind, view.view.phase))
        key(app, pygame.K_RETURN)  # on to the next card
    assert seen == [("question", "answer"), ("question", "reveal"), ("persona", "answer"), ("persona", "reveal"),
                    ("debate", "discuss"), ("event", "reveal"), ("situation", "answer"), ("situation", "reveal")]
    assert scene.view.table.view().card.id == "ap-001"  # round again to the first
    assert app.overflows == set()
    key(app, pygame.K_PAGEUP)
    assert scene.view.table.view().card.id == "ap-005"
    render(app)
    click(app, scene.next_rect.center)
    assert scene.view.table.view().card.id == "ap-001"
    assert list(path.parent.glob("*.jsonl")) == []  # a preview writes no session log


def test_edit_break_and_fix_the_file_while_it_is_shown(preview):
    app, scene, path, clock = preview
    key(app, pygame.K_PAGEDOWN)
    assert scene.view.table.view().card.name == "Josiane"
    before = pygame.image.tobytes(render(app), "RGB")

    save(path, DECK.replace("name: Josiane", "name: Odette"))
    later(app, clock)
    assert scene.view.table.view().card.id == "ap-002" and scene.view.table.view().card.name == "Odette"  # same card, new text
    assert pygame.image.tobytes(app.screen, "RGB") != before

    save(path, DECK.replace("    age: 78\n", "    age: 78\n    explantion: oubli\n").replace('feedback: "Bien."', 'feedback: "Bien.'))
    later(app, clock)
    assert scene.view is None and app.top is scene  # no crash: the errors are on screen
    assert [(e.line, e.column) for e in scene.errors] == [(25, 16)]  # where the quote opens, not the brace after
    assert "guillemet ouvert ici et jamais refermé" in str(scene.errors[0].message)
    banner = app.screen.get_at((app.size[0] // 2, int(app.line * 2.1) + 40))[:3]
    assert banner == app.theme.wrong

    save(path, DECK.replace("    age: 78\n", "    age: 78\n    explantion: oubli\n"))
    later(app, clock)
    assert [(e.line, e.column, str(e.message)) for e in scene.errors] == [
        (21, 5, "champ inconnu « explantion » (champs possibles ici : id, aspect, minutes, difficulty, notes, options, shuffle, "
                "name, age, situation, need, constraints, quote, portrait, kind, prompt)")]

    save(path, DECK.replace("name: Josiane", "name: Odette"))
    later(app, clock)
    assert scene.errors == [] and scene.view.table.view().card.name == "Odette"  # back on the card being edited
    render(app)
    assert scene.reloads == 5


def test_a_file_that_disappears_while_saving_is_an_error_then_comes_back(preview):
    app, scene, path, clock = preview
    path.unlink()
    later(app, clock)
    assert scene.view is None and "introuvable" in str(scene.errors[0].message)
    save(path, DECK)
    later(app, clock)
    assert scene.view is not None and scene.view.table.view().card.id == "ap-001"


def test_the_command_refuses_what_is_not_a_deck_file(capsys, tmp_path):
    from game.cli import main

    assert main(["preview", str(tmp_path / "absent.yaml")]) == 2
    assert "fichier introuvable" in capsys.readouterr().err


def test_a_scenario_file_is_explained_not_shown(tmp_path, shipped):
    app = make_app(shipped, tmp_path)
    scenario = Path(__file__).parent.parent / "scenarios" / "decouverte.yaml"
    scene = PreviewScene(app, scenario, preview_loader([]))
    app.push(scene)
    render(app)
    assert scene.view is None and "ce fichier est un scénario" in str(scene.errors[0].message)
    app.pop_all()


def test_a_deck_of_a_labs_decks_folder_is_previewed_with_the_scenarios_beside_it(tmp_path, shipped):
    """Its effects move a gauge only the lab's scenarios/ folder defines: no false « jauge inconnue », cards shown."""
    from tests.test_spreadsheets import _lab

    deck = _lab(tmp_path)
    library = preview_loader([])(deck)
    assert library.errors == []
    app = make_app(shipped, tmp_path)
    scene = PreviewScene(app, deck, preview_loader([]))
    app.push(scene)
    render(app)
    assert scene.view is not None and scene.view.table.view().card.id == "lp-001"
    app.pop_all()
