"""The debriefing projected to the room: from the end screen, slide after slide, with the same keys as the game; every
team's panorama named, the room's success per aspect, each missed card with its right answer and why, the parcours,
the key messages and questions; nothing cut at 1280×720 or 1920×1080, six teams."""

from __future__ import annotations

import random

import pygame
import pytest

from game.debrief.ending import sheet_at_end
from game.present.bots import choose
from game.present.debriefing import slides
from game.present.sheet import build_report
from game.table.table import Table
from game.ui.intents import Act, Intent
from game.ui.scenes.debriefing import DebriefingScene
from game.ui.scenes.end import EndScene
from game.wording.catalogue import tr
from tests.snapshot import OUTPUT
from tests.ui_support import key, make_app, render

NAMES = ["Équipe Tramontane", "Les Bleus", "Équipe Mistral", "Sirocco", "Équipe 5", "Équipe 6"]


def _ended(app, library, scenario_id: str, teams: list[str], answering: str | None = None) -> Table:
    info = library.scenarios[scenario_id].info
    table = Table.start_new(app.sessions_dir, info, library.pool(info), teams, 3, library.aspect_labels(info),
                            app.clock(), session_id="debrief-3", answering=answering, at_end=sheet_at_end)
    rng = random.Random(1)
    while not table.over:
        table.act(choose(table, "random", rng), app.clock())
        app.clock.advance(20)
    return table


def test_the_slides_say_what_the_sheet_says(shipped, tmp_path):
    app = make_app(shipped, tmp_path)
    table = _ended(app, shipped, "atelier-teletravail", NAMES, "all")
    report = build_report(table)
    shown = {slide.key: slide for slide in slides(report)}
    assert list(shown) == ["panorama", "rates", "review", "debates", "messages", "discussion"]
    assert [t.name for t in shown["panorama"].teams] == NAMES and list(shown["panorama"].aspects) == report.panorama
    review = [b.text for b in shown["review"].blocks]
    missed = [c for c in report.cards if any(a.answered and not a.success for a in c.answers)]
    assert missed and sum(text.startswith("Carte ") for text in review) == len(missed)
    for card in missed:
        assert tr("sheet.right", right=card.right) in review and card.explanation in review
    assert [b.text for b in shown["messages"].blocks] == report.key_messages
    assert [b.text for b in shown["discussion"].blocks] == report.discussion


def test_a_parcours_is_shown_beside_its_best_path(shipped, tmp_path):
    app = make_app(shipped, tmp_path)
    report = build_report(_ended(app, shipped, "inclusion-numerique", NAMES[:3], "all"))
    journeys = next(s for s in slides(report) if s.key == "journeys")
    texts = [b.text for b in journeys.blocks]
    for journey in report.journeys:
        assert any(t.startswith(f"Carte {journey.number} · {journey.who}") for t in texts)
        assert any(t.startswith(tr("sheet.path_taken")) and journey.reached.title in t for t in texts)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize(("scenario_id", "answering"), [("atelier-teletravail", "all"),
                                                        ("atelier-teletravail", "rotation"),
                                                        ("inclusion-numerique", "all"),
                                                        ("maison-de-region-partenaires", "all")])
def test_six_teams_go_through_the_debriefing_with_the_games_keys(shipped, tmp_path, size, scenario_id, answering):
    app = make_app(shipped, tmp_path, size=size)
    teams = NAMES[:3] if answering == "rotation" else NAMES
    table = _ended(app, shipped, scenario_id, teams, answering)
    app.replace("end", table=table)
    render(app)
    key(app, pygame.K_RETURN)  # Enter: the debriefing, focused
    scene = app.top
    assert isinstance(scene, DebriefingScene)
    seen: list[str] = []
    for view in range(len(scene.views)):
        assert scene.shown == view
        render(app)
        seen += app.shown
        scene.handle(Intent(Act.NEXT if view % 2 else Act.CONFIRM))
    assert isinstance(app.top, EndScene)  # past the last slide: back to the end screen
    assert app.overflows == set() and app.shrunk == set()
    report = build_report(table)
    joined = "\n".join(seen)
    for name in (t.name for t in report.team_lines if report.panorama):
        assert name in seen
    for label in report.panorama + [r.label for r in report.rates]:
        assert label in seen
    for message in report.key_messages + report.discussion:
        assert message.split()[0] in joined


def test_page_up_goes_back_and_escape_returns_to_the_end_screen(shipped, tmp_path):
    app = make_app(shipped, tmp_path)
    app.replace("end", table=_ended(app, shipped, "atelier-teletravail", NAMES[:2], "all"))
    app.top.choose("debrief")
    scene = app.top
    scene.handle(Intent(Act.CONFIRM))
    scene.handle(Intent(Act.RIGHT))
    assert scene.shown == 2
    scene.handle(Intent(Act.UNDO))
    assert scene.shown == 1
    scene.handle(Intent(Act.CLICK, pos=(10, 300)))  # the left third: back
    assert scene.shown == 0
    scene.handle(Intent(Act.UNDO))
    assert scene.shown == 0
    scene.handle(Intent(Act.MENU))
    assert isinstance(app.top, EndScene)


def test_the_debriefing_slides_look(shipped, snap):
    folder = OUTPUT / "debriefing" / "sessions"
    app = make_app(shipped, folder)
    app.replace("end", table=_ended(app, shipped, "atelier-teletravail", NAMES, "all"))
    app.top.choose("debrief")
    scene = app.top
    for slide in ("panorama", "rates", "review", "messages"):
        scene.shown = next(i for i, (n, _, _) in enumerate(scene.views) if scene.slides[n].key == slide)
        snap(app, f"debriefing-{slide}")
    app.pop_all()


def test_a_missed_usager_shows_its_best_choice(shipped, snap):
    folder = OUTPUT / "debriefing-options" / "sessions"
    app = make_app(shipped, folder)
    app.replace("end", table=_ended(app, shipped, "maison-de-region-partenaires", NAMES[:3], "all"))
    app.top.choose("debrief")
    scene = app.top
    scene.shown = next(i for i, (n, _, _) in enumerate(scene.views) if scene.slides[n].key == "review")
    snap(app, "debriefing-review-options")
    assert any(text.startswith("Meilleur choix") for text in app.shown)
    app.pop_all()
