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


def test_a_refusal_on_a_reveal_leaves_the_continue_button_whole(shipped, tmp_path, snap):
    """S on a reveal is refused with a sentence in the footer: its orange bar stops left of « Continuer » (it ran
    under the button)."""
    from game.ui.intents import Intent
    from tests.ui_support import make_app, start_play

    app = make_app(shipped, tmp_path)
    play = start_play(app, shipped, "atelier-teletravail", ["Équipe 1", "Équipe 2"], seed=1)
    import random

    from game.present.bots import choose

    rng = random.Random(1)
    while play.view.reveal is None or not play.view.choices:
        play.table.act(choose(play.table, "best", rng), app.clock())
    play.layout(*app.size)
    play.handle(Intent("skip"))
    snap(app, "refused-reveal")
    assert play.message and play.continue_rect.width
    button = play.continue_rect
    for x in (button.left + 3, button.centerx, button.right - 3):
        assert app.screen.get_at((x, button.centery - button.height // 3))[:3] != app.theme.wrong
    assert app.screen.get_at((button.left - app.body - 6, button.centery))[:3] == app.theme.wrong
    app.pop_all()


def test_the_progress_chart_never_draws_a_line_above_100_or_below_0():
    """Nine aspects all at 100 %, then all at 0 %: side by side, yet every point within the chart's frame."""
    from game.progress.schedule import AspectMastery
    from game.progress.sheet import trend_points

    aspects = [AspectMastery("deck", f"aspect-{n}", f"Aspect {n}") for n in range(9)]
    for aspect in aspects:
        aspect.trend = [(0, 1.0), (1, 0.0)]
    top, bottom = 10.0, 60.0
    points = trend_points(aspects, lambda rank, share: (10.0 + 40 * rank, top + (bottom - top) * (1 - share)), top,
                         bottom)
    assert all(top <= y <= bottom for line in points for _, y in line)
    assert len({line[0][1] for line in points}) > 1 or len(points) == 1  # still side by side where there is room



def test_enter_without_the_answer_of_the_team_in_turn_names_that_team(capsys, monkeypatch, tmp_path):
    """One team in turn, Enter with no answer typed: « l’équipe 1 n’a pas répondu », not « aucune équipe »."""
    from tests.test_cli import keyboard

    monkeypatch.setattr("builtins.input", keyboard([""], limit=0))
    code, out, _ = run(capsys, "play", "--console", "--sessions-dir", str(tmp_path), "--seed", "4", "--teams", "2",
                       "--answering", "rotation")
    assert code == 0 and "Impossible : l’équipe 1 n’a pas répondu : entrez sa réponse" in out


def test_a_wrong_number_among_the_room_s_answers_names_its_team(capsys, monkeypatch, tmp_path):
    """« 1 2 9 » for three teams: the sentence names the team whose answer has no such choice."""
    from tests.test_cli import keyboard

    monkeypatch.setattr("builtins.input", keyboard(["1 2 9"], limit=0))
    code, out, _ = run(capsys, "play", "--console", "--sessions-dir", str(tmp_path), "--seed", "4", "--teams", "3",
                       "--answering", "all")
    assert code == 0 and "Équipe 3 : pas de choix 9 sur cette carte" in out
