"""The play screen's side panel: every count of teams and gauges the formats allow fits, drawn, in both fonts."""

from __future__ import annotations

import itertools
from pathlib import Path

import pygame
import pytest

from game.content.library import load_library
from game.debrief.ending import sheet_at_end
from game.paths import shipped_decks, shipped_scenarios
from game.table.table import Table
from game.ui.sidepanel import SidePlan
from game.ui.text import FontBook
from game.wording.players import tr
from tests.ui_support import key, make_app, render

LAB = Path(__file__).parent / "lab"
SIZES = [(1280, 720), (1920, 1080)]
DIGITS = [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6]


@pytest.fixture(scope="module")
def lab():
    library = load_library([(shipped_decks(), True), (shipped_scenarios(), True), (LAB, True)])
    assert library.errors == []
    return library


def boxes(plan: SidePlan) -> list[pygame.Rect]:
    """Every box the plan draws into: each gauge's label and bar, each team's row, each caption."""
    found = [r for g in plan.gauges for r in (g.label, g.bar)] + list(plan.teams)
    return found + [c.rect for c in plan.captions]


def assert_apart(plan: SidePlan, inner: pygame.Rect) -> None:
    drawn = boxes(plan)
    for box in drawn:
        assert inner.contains(box), (box, inner)
    for a, b in itertools.combinations(drawn, 2):
        assert not a.colliderect(b), (a, b)


def start(app, library, gauges: int, teams: int, win: str):
    """The lab's six-gauge workshop cut to `gauges` gauges and `teams` teams, every team answering."""
    info = library.scenarios["atelier-jauges"].info
    info = info.model_copy(update={"gauges": info.gauges[:gauges], "win": win if gauges or win != "gauges" else "points"})
    names = [f"Équipe {i + 1}" for i in range(teams)]
    table = Table.start_new(app.sessions_dir, info, library.pool(info), names, 3, library.aspect_labels(info),
                            app.clock(), session_id=f"side-{gauges}-{teams}", at_end=sheet_at_end)
    return app.replace("play", table=table)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("dyslexia", [False, True])
def test_every_count_of_teams_and_gauges_fits_the_panel_on_screen(lab, tmp_path, size, dyslexia):
    """1 to 6 teams under 0 to 6 gauges (the lab's labels, up to "Satisfaction des usagers"), with a
    five-aspect panorama and every team's answer box: the drawn panel's boxes stay apart and inside it,
    while answers are entered and at the reveal, and no text is cut."""
    app = make_app(lab, tmp_path, size=size)
    app.settings.dyslexia_font = dyslexia
    app.apply_settings()
    for gauges, teams in itertools.product(range(7), range(1, 7)):
        play = start(app, lab, gauges, teams, "panorama")
        inner = play.side_rect.inflate(-app.body, -app.body)
        plan = play.side_plan
        assert plan.fits and len(plan.gauges) == gauges and len(plan.teams) == teams
        assert_apart(plan, inner)
        render(app)
        if play.split and play.story:  # the usager's story in its own view first: on to the choices
            key(app, pygame.K_RIGHT)
        for i in range(teams):
            key(app, DIGITS[i % 3], str(i % 3 + 1))  # each team's answer, then the reveal
        if play.view.reveal is None:
            key(app, pygame.K_RETURN)
        if play.picking:  # a split room on an usager: the facilitator picks the option that happens
            key(app, DIGITS[play.view.split[0][0]], str(play.view.split[0][0] + 1))
        render(app)
        assert play.view.reveal is not None
        assert app.overflows == set(), (gauges, teams, app.overflows)
        assert all(f"Équipe {i + 1}" in app.shown for i in range(teams)), (gauges, teams)
        assert plan.size >= app.small
    app.pop_all()


@pytest.mark.parametrize("family", ["atkinson", "opendyslexic"])
def test_the_plan_fits_every_combination_the_formats_allow(lab, family):
    """0 to 6 gauges, 1 to 6 teams, each way of winning, a panorama of up to 6 aspects, with and without
    answer boxes, at 1280×720 and 1920×1080; the plan alone, without a screen."""
    from game.ui.sidepanel import plan_for, side_content

    fonts = FontBook(family)
    labels = [g.label for g in lab.scenarios["atelier-jauges"].info.gauges]
    for gauges, teams, win, panorama, answers, size in itertools.product(
            range(7), range(1, 7), ("panorama", "points", "gauges"), (5, 6), (False, True), SIZES):
        shown = [(label, 0, 10) for label in labels[:gauges]]
        content = side_content(shown, gauges > 0, win, teams, panorama, answers)
        plan = plan_for(fonts, *size, content, strict=True)
        assert plan.fits, (gauges, teams, win, panorama, answers, size)
        body = max(12, round(size[1] / 30))
        pad = max(12, size[1] // 40)
        inner = pygame.Rect(0, 0, size[0], size[1]).inflate(-2 * pad - body, -2 * pad - body)
        assert_apart(plan, inner)
        for row in plan.gauges:
            assert all(fonts.get(plan.size, True).size(text)[0] <= row.label.width for text in row.lines)


@pytest.mark.parametrize("dyslexia", [False, True])
def test_bigger_text_or_a_4_3_window_make_the_panel_smaller_never_overlapping(lab, tmp_path, dyslexia):
    """Six teams under six gauges, with the reader's bigger text, or on a 1024×768 projector."""
    app = make_app(lab, tmp_path)
    app.settings.dyslexia_font = dyslexia
    for scale in (1.15, 1.3, 1.5):
        app.settings.scale = scale
        app.apply_settings()
        play = start(app, lab, 6, 6, "panorama")
        assert play.side_plan.fits, scale
        assert_apart(play.side_plan, play.side_rect)
        render(app)
        assert tr("play.side_overflow") not in app.overflows  # a card's text may not fit bigger text
    app.pop_all()
    app = make_app(lab, tmp_path, size=(1024, 768))
    app.settings.dyslexia_font = dyslexia
    app.apply_settings()
    play = start(app, lab, 6, 6, "panorama")
    assert play.side_plan.fits
    assert_apart(play.side_plan, play.side_rect)
    app.pop_all()


def test_validate_refuses_a_panel_that_cannot_fit_and_says_why(tmp_path, capsys):
    from game.cli import main

    text = (LAB / "atelier-jauges.yaml").read_text(encoding="utf-8").replace("id: atelier-jauges", "id: atelier-long")
    long_label = "Confiance des usagers envers le service public de proximité et ses partenaires du territoire"
    lab_file = tmp_path / "long.yaml"
    lab_file.write_text(text.replace('label: "Confiance"', f'label: "{long_label}"'), encoding="utf-8")
    assert main(["validate", str(lab_file)]) == 1
    err = capsys.readouterr().err
    assert f"{lab_file}:17:5:" in err and "le panneau de côté ne peut pas montrer 6 jauge(s) au-dessus de 6 équipe(s)" in err
    assert "raccourcissez les libellés des jauges" in err
    assert main(["validate", str(LAB / "atelier-jauges.yaml")]) == 0


def test_a_panel_that_cannot_fit_even_in_tiny_type_says_so(lab, tmp_path):
    app = make_app(lab, tmp_path)
    info = lab.scenarios["atelier-jauges"].info
    endless = [g.model_copy(update={"label": " ".join([g.label] * 30)}) for g in info.gauges]
    info = info.model_copy(update={"gauges": endless})
    names = [f"Équipe {i + 1}" for i in range(6)]
    table = Table.start_new(app.sessions_dir, info, lab.pool(info), names, 3, lab.aspect_labels(info), app.clock(),
                            session_id="side-endless", at_end=sheet_at_end)
    play = app.replace("play", table=table)
    assert not play.side_plan.fits
    render(app)
    assert tr("play.side_overflow") in app.overflows
    app.pop_all()
