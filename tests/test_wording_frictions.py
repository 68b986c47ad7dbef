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
