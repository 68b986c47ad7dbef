"""Between cards, the room reads the panorama: its aspects named in the order of the teams' squares, and the
moment a team completes it, marked on that reveal alone (on screen and at the terminal)."""

from __future__ import annotations

import random

import pytest

from game.console import Console
from game.engine.vocabulary import Phase
from game.present.bots import choose
from game.present.room import room
from game.table.table import Table, teams_in_turn
from tests.ui_support import make_app, render, start_play

ASPECTS = "Panorama, carré par carré\u00a0: Réglementaire · Organisationnel · Managérial · Technique · Sociétal"


@pytest.mark.parametrize("answering", ["all", "rotation"])
@pytest.mark.parametrize("teams", [1, 2, 3, 6])
def test_each_team_is_marked_on_the_reveal_where_its_panorama_became_complete_and_nowhere_else(shipped, teams,
                                                                                                answering):
    """Whole sessions played by bots (right answers mostly): a team is named as completing its panorama on exactly
    the card that completed it, as the standings' own record of completion says, once."""
    info = shipped.scenarios["atelier-teletravail"].info
    if answering == "rotation":
        teams = min(teams, teams_in_turn(info, shipped.pool(info)))  # one at a time, as many as the time serves
    named: list[int] = []
    for seed in range(3):
        table = Table.drawn(info, shipped.pool(info), [f"Équipe {n + 1}" for n in range(teams)], seed,
                            shipped.aspect_labels(info), answering=answering if teams > 1 else None)
        rng, t = random.Random(seed), 0.0
        while not table.over:
            before = [team.completed for team in table.standings().teams]
            t += 20.0
            table.act(choose(table, "best" if rng.random() < 0.8 else "random", rng), t)
            after = [team.completed for team in table.standings().teams]
            newly = tuple(i for i, (b, a) in enumerate(zip(before, after)) if b is None and a is not None)
            reveal = room(table).reveal
            if table.view().phase == Phase.REVEAL and reveal is not None:
                assert reveal.completes == newly
                named.extend(newly)
            else:
                assert newly == ()
        assert len(set(named)) == len(named)  # each team once in a session
        completed = sorted((team.completed, team.index) for team in table.standings().teams
                           if team.completed is not None)
        assert named == [i for _, i in completed]  # in the order they completed
        assert [t for p in table.session.state.plays for t in p.completes] == named
        named.clear()


def test_the_reveal_names_the_aspects_and_marks_the_team_that_completes(shipped, tmp_path):
    app = make_app(shipped, tmp_path)
    play = start_play(app, shipped, "atelier-teletravail", ["Équipe 1", "Les Bleus"], seed=4, answering="all")
    rng = random.Random(2)
    marked = []
    while not play.table.over and not marked:
        play.table.act(choose(play.table, "best", rng), app.clock())
        play.layout(*app.size)
        render(app)
        view = play.view
        if view.phase == Phase.REVEAL:
            completes = view.reveal.completes
            shown = "\n".join(app.shown)
            if completes:
                marked.append(completes)
                assert view.reveal.completes_line in shown and view.reveal.completes_line.startswith("Panorama complet")
                assert ASPECTS not in shown  # the moment has the footer to itself
                said: list[str] = []
                Console(play.table, read=lambda prompt: "", write=said.append, clock=app.clock).show_reveal(view.reveal)
                assert view.reveal.completes_line in said  # the terminal says it too
            else:
                assert ASPECTS in shown and "Panorama complet" not in shown
        elif view.phase == Phase.ANSWER:
            assert ASPECTS not in "\n".join(app.shown)  # while teams answer, the footer keeps the keys
    assert marked, "no team completed its panorama: the test saw nothing"
    app.pop_all()
