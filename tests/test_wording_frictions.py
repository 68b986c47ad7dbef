"""Words that must be exactly right (issue: the small frictions): no « de 1 à 1 équipe », an event announced as one,
and a persona's best option counted as « réussie », not « juste »."""

from __future__ import annotations

from tests.test_cli import run


def test_a_one_team_scenario_says_so_without_de_1_a_1(capsys, tmp_path):
    code, _, err = run(capsys, "play", "--console", "--scenario", "accueil-france-services", "--sessions-dir",
                       str(tmp_path), "--teams", "3")
    assert code != 0 and "ce scénario se joue à 1 équipe, pas 3" in err and "de 1 à" not in err
    code, _, err = run(capsys, "play", "--console", "--sessions-dir", str(tmp_path), "--teams", "9")
    assert code != 0 and "ce scénario se joue de 2 à 6 équipes, pas 9" in err


def test_a_one_team_scenario_s_setup_asks_no_count(shipped, tmp_path):
    """« Nombre d'équipes : 1 − / + » offered nothing to choose: a one-team scenario's setup starts at the name."""
    from game.ui.scenes.setup import SetupScene
    from tests.ui_support import make_app, render

    app = make_app(shipped, tmp_path)
    setup = app.push(SetupScene(app, shipped.scenarios["accueil-france-services"].info))
    render(app)
    assert "count" not in [c.key for c in setup.buttons.choices]
    assert not any("Nombre d’équipes" in text for text in app.shown)
    assert setup.buttons.choices[setup.buttons.focus].key == "start"
    app.pop_all()
