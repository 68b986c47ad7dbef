"""Each screen at 1280×720, from a fixed seed, clock and list of intents, against its stored image."""

from __future__ import annotations

import shutil

import pygame
import pytest

from game.ui.intents import Intent
from game.ui.scenes.accessibility import AccessibilityScene
from game.content.summary import scenario_summaries
from game.paths import shipped_scenarios
from game.ui.scenes.home import HomeScene
from game.ui.scenes.setup import SetupScene
from tests.snapshot import OUTPUT
from tests.ui_support import make_app, render, start_play


@pytest.fixture
def app(shipped, tmp_path):
    """Sessions are logged in a folder whose name does not change between runs: the end screen shows it."""
    folder = OUTPUT / "sessions"
    shutil.rmtree(folder, ignore_errors=True)
    made = make_app(shipped, folder)
    yield made
    made.pop_all()


def play_until(app, play, done, intents=("choose:1",)):
    for _ in range(100):
        if done(play):
            return
        app.clock.advance(10)
        kind, _, number = intents[0].partition(":")
        play.handle(Intent(kind, number=int(number or 0)) if play.view.phase == "answer" else Intent("confirm"))
    raise AssertionError("state not reached")


def test_home(app, snap):
    app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    snap(render(app), "home")


def test_setup(app, snap):
    app.push(SetupScene(app, app.library.scenarios["atelier-teletravail"].info))
    app.top.handle(Intent("up"))
    snap(render(app), "setup")


def test_question_and_reveal(app, snap):
    play = start_play(app, app.library, "atelier-teletravail", ["Équipe 1", "Équipe 2", "Les Bleus"])
    snap(render(app), "question")
    app.clock.advance(30)
    play.handle(Intent("choose", number=2))
    snap(render(app), "question-reveal")


def test_persona_and_reveal(app, snap):
    play = start_play(app, app.library, "accueil-france-services", ["Solo"], seed=2)
    play_until(app, play, lambda p: p.card.kind == "persona" and p.view.phase == "answer")
    snap(render(app), "persona")
    play.handle(Intent("choose", number=2))
    app.clock.advance(5)
    snap(render(app), "persona-reveal")


def test_event(app, snap):
    play = start_play(app, app.library, "accueil-france-services", ["Solo"], seed=3)
    play_until(app, play, lambda p: p.card.kind == "event" and p.view.phase == "reveal")
    snap(render(app), "event")


def test_debate_with_a_note_and_the_pause(app, snap):
    play = start_play(app, app.library, "atelier-teletravail", ["Équipe 1", "Équipe 2"])
    play_until(app, play, lambda p: p.view.phase == "discuss")
    app.clock.advance(75)
    play.handle(Intent("note"))
    for char in "Revenir sur l’isolement":
        play.handle(Intent("text", text=char))
    snap(render(app), "debate-note")
    play.handle(Intent("confirm"))
    play.handle(Intent("pause"))
    snap(render(app), "pause")


def test_menu_and_end(app, snap):
    play = start_play(app, app.library, "maison-de-region-partenaires", ["Équipe 1", "Équipe 2"], seed=4)
    play.handle(Intent("menu"))
    snap(render(app), "menu")
    app.top.handle(Intent("menu"))
    play.handle(Intent("end"))
    app.top.handle(Intent("choose", number=1))
    snap(render(app), "end")


def test_accessibility_and_high_contrast(app, snap):
    app.push(AccessibilityScene(app))
    app.top.handle(Intent("choose", number=2))  # high contrast on
    snap(render(app), "accessibility-contrast")
    start_play(app, app.library, "atelier-teletravail", ["Équipe 1", "Équipe 2"])
    snap(render(app), "question-contrast")
    assert pygame.display.get_surface() is app.screen
