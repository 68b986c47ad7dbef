"""What `validate` accepts plays: every team count and answering mode a scenario offers is dealt a session, and a
session that cannot be dealt is a sentence on every front end, never « a session needs at least one card »."""

from __future__ import annotations

from pathlib import Path

from game.cli import main

DECK = """deck:
  id: trois-usagers
  title: Trois usagers
  license: CC-BY-4.0
  aspects: {accueil: Accueil}
cards:
""" + "".join(f"""  - id: tu-00{n}
    kind: persona
    aspect: accueil
    minutes: 2
    name: Usager {n}
    age: 30
    situation: "Il attend au guichet."
    need: "Un renseignement."
    prompt: "Que faites-vous ?"
    options:
      - {{text: "L'écouter", rating: best, feedback: "Bien."}}
      - {{text: "L'ignorer", rating: poor, feedback: "Non."}}
""" for n in (1, 2, 3))

SCENARIO = """scenario:
  id: sans-debat
  title: Usagers puis débats
  description: Un usager par équipe, puis des débats.
  mode: teams
  teams: {{min: {least}, max: 6}}
  minutes: {{target: 3, max: 4}}
  decks: [trois-usagers]
  draw:
    - {{kinds: [persona]}}
    - {{kinds: [debate]}}
  win: points
"""


def lab(tmp_path: Path, least: int = 2) -> Path:
    (tmp_path / "deck.yaml").write_text(DECK, encoding="utf-8")
    (tmp_path / "scenario.yaml").write_text(SCENARIO.format(least=least), encoding="utf-8")
    return tmp_path / "scenario.yaml"


def test_validate_says_which_team_count_the_draw_deals_nothing_to(capsys, tmp_path):
    scenario = lab(tmp_path)
    assert main(["validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err.replace("\u00a0", " ")
    assert "scenario.yaml:10:5: avec 2 équipes répondant toutes à chaque carte, le tirage ne donne aucune carte" in err
    assert "avec 2 équipes chacune à son tour, le tirage ne donne aucune carte" in err
    for command in (["simulate", "--scenario", str(scenario), "--teams", "6"],
                    ["play", "--scenario", str(scenario), "--console", "--teams", "6"]):
        assert main(command) == 2  # the count asked, refused in a sentence before anything starts
        assert "ne peut pas se jouer avec 6 équipes" in capsys.readouterr().err.replace("\u00a0", " ")


def test_the_engine_refusing_to_start_is_a_sentence(capsys, tmp_path, shipped):
    """Past `validate` (a folder loaded without it), the front ends say it in one sentence."""
    from game.cli.content import check_team_count
    from game.cli.refusals import UserError
    from game.content.library import load_library
    from game.session.start import NoCards, SessionStart

    lab(tmp_path)
    library = load_library([(tmp_path, True)])
    info = library.scenarios["sans-debat"].info
    try:
        check_team_count(info, 6, library.pool(info))
    except UserError as refused:
        assert "ne peut pas se jouer avec 6 équipes" in str(refused).replace("\u00a0", " ")
    else:
        raise AssertionError("six teams were not refused")
    try:
        SessionStart.new(info, library.pool(info), [f"É{n}" for n in range(6)], 1, 0.0, {})
    except NoCards as refused:
        assert "son tirage ne donne aucune carte" in str(refused)
    else:
        raise AssertionError("no NoCards")


def test_the_setup_screen_says_it_before_anything_starts(tmp_path):
    from game.content.library import load_library
    from game.ui.scenes.setup import SetupScene
    from tests.ui_support import make_app

    lab(tmp_path)
    library = load_library([(tmp_path, True)])
    app = make_app(library, tmp_path / "sessions")
    setup = SetupScene(app, library.scenarios["sans-debat"].info)
    app.push(setup)
    assert "ne peut pas se jouer avec 2 équipes" in setup.too_many.replace("\u00a0", " ")
    setup.start()
    assert not list((tmp_path / "sessions").glob("*.jsonl"))  # nothing started, the dialog says why
    app.pop_all()
