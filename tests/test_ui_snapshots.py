"""Each screen at 1280×720, from a fixed seed, clock and list of intents, against its stored image."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from game.content.summary import scenario_summaries
from game.debrief.ending import sheet_at_end
from game.paths import shipped_scenarios
from game.ui.intents import Intent
from game.ui.scenes.accessibility import AccessibilityScene
from game.ui.scenes.home import HomeScene
from game.ui.scenes.setup import SetupScene
from game.wording.catalogue import tr
from tests.conftest import displayed
from tests.snapshot import OUTPUT
from tests.ui_support import make_app, start_play


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
        if play.view.phase == "answer" and play.view.every_team and not play.view.missing:
            play.handle(Intent("confirm"))  # every team has answered: reveal
            if play.picking:
                play.handle(Intent("choose", number=play.view.split[0][0] + 1))
    raise AssertionError("state not reached")


def test_home(app, snap):
    app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    snap(app, "home")


def test_home_on_its_language_choice(app, snap):
    home = app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    home.buttons.focus = [c.key for c in home.buttons.choices].index("language")
    snap(app, "home-language")


def test_setup(app, snap):
    app.push(SetupScene(app, app.library.scenarios["atelier-teletravail"].info))
    app.top.handle(Intent("up"))
    snap(app, "setup")


def test_setup_with_six_teams_answering_in_turn(app, snap):
    setup = app.push(SetupScene(app, app.library.scenarios["atelier-teletravail"].info))
    for _ in range(4):
        setup.choose("count")
    setup.choose("answering")
    assert len(setup.names) == 6 and setup.answering == "rotation"
    snap(app, "setup-six-teams")
    setup.choose("start")  # refused: the room is told why nothing starts
    assert app.top is not setup and not list(app.sessions_dir.glob("*.jsonl"))
    snap(app, "setup-too-many")


def test_question_and_reveal(app, snap):
    play = start_play(app, app.library, "atelier-teletravail", ["Équipe 1", "Équipe 2", "Les Bleus"],
                      answering="rotation")
    snap(app, "question")
    play.handle(Intent("confirm"))  # Enter with no answer chosen: nothing is pre-selected, the footer says what to do
    assert play.view.phase == "answer" and play.view.entries == (None, None, None)
    snap(app, "question-enter-first")
    app.clock.advance(30)
    play.handle(Intent("choose", number=2))
    snap(app, "question-reveal")
    # between cards, the footer names the panorama's aspects in the squares' order (no « S passer » to offer: a
    # reveal cannot be skipped)
    assert ("Panorama, carré par carré\u00a0: Réglementaire · Organisationnel · Managérial · Technique · Sociétal"
            in app.shown)
    assert tr("play.keys") not in app.shown and "skip" not in play.view.moves


def test_six_teams_enter_their_answers_and_see_their_verdicts(app, snap):
    teams = ["Équipe 1", "Les Bleus", "Équipe 3", "Équipe 4", "Les Verts", "Équipe 6"]
    play = start_play(app, app.library, "atelier-teletravail", teams, seed=3)
    for number in (1, 2, 1, 9):  # 9: no such choice, said and entered for nobody
        play.handle(Intent("choose", number=number))
    assert play.view.entries[3] is None
    snap(app, "room-entering")
    for number in (1, 2, 2):
        play.handle(Intent("choose", number=number))
    app.clock.advance(40)
    play.handle(Intent("confirm"))
    snap(app, "room-reveal")
    play.handle(Intent("back"))  # a mis-heard answer: back to the entries, every team's kept
    assert play.view.phase == "answer" and None not in play.view.entries
    snap(app, "room-undone")


def test_a_reveal_asked_before_every_team_answered(app, snap):
    teams = ["Équipe 1", "Les Bleus", "Équipe 3", "Équipe 4", "Les Verts", "Équipe 6"]
    play = start_play(app, app.library, "atelier-teletravail", teams, seed=3)
    for number in (1, 2, 1, 2, 3):
        play.handle(Intent("choose", number=number))
    play.handle(Intent("confirm"))
    snap(app, "room-missing")
    app.top.handle(Intent("choose", number=2))  # "No": back to the entries
    play.handle(Intent("back"))  # team 5's answer taken back too
    play.handle(Intent("confirm"))
    snap(app, "room-missing-two")
    app.top.handle(Intent("choose", number=1))  # reveal anyway: teams 5 and 6 gave no answer
    snap(app, "room-no-answer")


def test_a_split_room_is_asked_which_option_happens(app, snap):
    play = start_play(app, app.library, "maison-de-region-partenaires", ["Équipe 1", "Équipe 2"], seed=4,
                      answering="all")
    play_until(app, play, lambda p: p.view.phase == "answer" and p.table.view().card.room_decides, intents=("skip",))
    play.handle(Intent("choose", number=1))
    play.handle(Intent("choose", number=2))
    play.handle(Intent("confirm"))
    snap(app, "room-tie")
    play.handle(Intent("choose", number=3))  # not one of the tied options
    assert play.view.phase == "answer"
    snap(app, "room-tie-wrong")
    play.handle(Intent("choose", number=2))
    snap(app, "room-tie-reveal")


def test_persona_and_reveal(app, snap):
    play = start_play(app, app.library, "accueil-france-services", ["Solo"], seed=2)
    play_until(app, play, lambda p: p.view.face.kind == "persona" and p.view.phase == "answer")
    snap(app, "persona")
    play.handle(Intent("choose", number=2))
    app.clock.advance(5)
    snap(app, "persona-reveal")


def test_event(app, snap):
    play = start_play(app, app.library, "accueil-france-services", ["Solo"], seed=3)
    play_until(app, play, lambda p: p.view.face.kind == "event" and p.view.phase == "reveal")
    snap(app, "event")


def test_debate_with_a_note_and_the_pause(app, snap):
    play = start_play(app, app.library, "atelier-teletravail", ["Équipe 1", "Équipe 2"], seed=1)
    play_until(app, play, lambda p: p.view.phase == "discuss")
    app.clock.advance(75)
    play.handle(Intent("note"))
    for char in "Revenir sur l’isolement":
        play.handle(Intent("text", text=char))
    snap(app, "debate-note")
    play.handle(Intent("confirm"))
    play.handle(Intent("pause"))
    snap(app, "pause")


def test_menu_and_end(app, snap):
    play = start_play(app, app.library, "maison-de-region-partenaires", ["Équipe 1", "Équipe 2"], seed=4)
    play.handle(Intent("menu"))
    snap(app, "menu")
    app.top.handle(Intent("menu"))
    play.handle(Intent("end"))
    app.top.handle(Intent("choose", number=1))
    snap(app, "end")


def test_accessibility_and_high_contrast(app, snap):
    app.push(AccessibilityScene(app))
    app.top.handle(Intent("choose", number=2))  # high contrast on
    snap(app, "accessibility-contrast")
    start_play(app, app.library, "atelier-teletravail", ["Équipe 1", "Équipe 2"])
    snap(app, "question-contrast")
    assert pygame.display.get_surface() is app.screen


def test_home_with_a_session_to_resume_and_a_solo_scenario(app, snap, tmp_path):
    home = app.push(HomeScene(app, scenario_summaries(shipped_scenarios()), unfinished=tmp_path / "x.jsonl"))
    home.buttons.focus = [c.key for c in home.buttons.choices].index("scenario:accueil-france-services")
    snap(app, "home-resume-solo")


def test_confirmations_and_a_refused_action(app, snap):
    play = start_play(app, app.library, "atelier-teletravail", ["Équipe 1", "Équipe 2"], seed=1)
    play.handle(Intent("end"))
    snap(app, "confirm-end")
    app.top.handle(Intent("menu"))
    play.handle(Intent("quit"))
    snap(app, "confirm-quit")
    app.top.handle(Intent("menu"))
    play.handle(Intent("back"))  # nothing to undo yet: the footer says why, in words
    snap(app, "refused")


def test_a_multiple_choice_question_and_a_situation(app, snap):
    play = start_play(app, app.library, "atelier-teletravail", ["Équipe 1", "Équipe 2"], seed=3)
    play_until(app, play, lambda p: p.view.several and p.view.phase == "answer", intents=("skip",))
    play.handle(Intent("choose", number=1))
    snap(app, "multiple")
    play.handle(Intent("choose", number=2))
    play.handle(Intent("confirm"))  # Enter: team 1's ticks are its answer, on to team 2
    play.handle(Intent("choose", number=3))
    play.handle(Intent("confirm"))
    play.handle(Intent("confirm"))  # every team has its ticks: reveal
    assert [v.choices for v in play.view.reveal.verdicts] == [(0, 1), (2,)]
    snap(app, "multiple-reveal")
    play = start_play(app, app.library, "maison-de-region-partenaires", ["Équipe 1", "Équipe 2"], seed=4)
    play_until(app, play, lambda p: p.view.face.kind == "situation" and p.view.phase == "answer")
    snap(app, "situation")


def test_the_clock_against_the_target_then_time_up(app, snap):
    """Time played against the 15-minute target; amber in its last two minutes, past it the time the maximum
    ends the game; five more minutes from the keyboard; at the maximum, the card on the table is finished."""
    play = start_play(app, app.library, "atelier-teletravail", ["Équipe 1", "Équipe 2"])
    app.clock.advance(13 * 60 + 20)
    snap(app, "clock-near")
    assert play.view.clock.stage_at(app.clock()) == "near"
    app.clock.advance(3 * 60)
    play.handle(Intent("extend"))
    assert play.view.clock.target == 20 * 60 and play.view.clock.limit == 25 * 60
    snap(app, "clock-extended")
    app.clock.advance(5 * 60)
    snap(app, "clock-over")
    app.clock.advance(5 * 60)
    snap(app, "time-up")
    assert play.view.clock.remaining_at(app.clock()) < 0


def test_content_errors(app, snap):
    app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    app.push("error", errors=[f"decks/labo.yaml:{n}:5: il manque le champ obligatoire « prompt »" for n in range(8)])
    snap(app, "content-errors")


def test_preview_of_a_card_and_of_a_broken_file(shipped, tmp_path, snap):
    from game.cli.content import load_authored
    from game.paths import shipped_decks

    deck = tmp_path / "labo.yaml"
    copy = (shipped_decks() / "partenaires.yaml").read_text(encoding="utf-8")
    deck.write_text(copy.replace("  id: partenaires\n", "  id: partenaires\n  replaces: true\n"), encoding="utf-8")
    app = make_app(shipped, tmp_path)
    preview = app.push("preview", path=deck, load=lambda path: load_authored([path]))
    snap(app, "preview")
    deck.write_text("deck:\n  id: labo\ncards: []\n", encoding="utf-8")
    preview.reload()
    snap(app, "preview-errors")
    app.pop_all()


def test_a_debate_before_its_note_and_a_points_game_ended_early(app, snap):
    play = start_play(app, app.library, "atelier-teletravail", ["Équipe 1", "Équipe 2"], seed=1)
    play_until(app, play, lambda p: p.view.phase == "discuss")
    snap(app, "debate")
    play.handle(Intent("end"))
    app.top.handle(Intent("choose", number=1))
    snap(app, "end-points")


def test_the_end_screen_says_how_the_game_is_won(app, snap):
    """« Découverte » is won on points, « Atelier télétravail » on the first full panorama, the gauges' scenarios
    together: each end screen says its rule under the results (end, end-room, end-decouverte)."""
    play = start_play(app, app.library, "decouverte", ["Équipe 1", "Équipe 2"], seed=2)
    play.handle(Intent("end"))
    app.top.handle(Intent("choose", number=1))
    snap(app, "end-decouverte")
    assert any(text.startswith("Gagne l’équipe qui a le plus de points.") for text in app.shown)


def test_the_end_of_a_room_of_six_teams_with_six_gauges(shipped, snap):
    """Read from the back: the headline, each team's panorama, each gauge's path, and the sheet written."""
    import random

    from game.content.library import load_library
    from game.paths import shipped_decks
    from game.present.bots import choose
    from game.ui.scenes.end import EndScene

    lab = load_library([(shipped_decks(), True), (shipped_scenarios(), True), (Path(__file__).parent / "lab", True)])
    folder = OUTPUT / "sessions"
    shutil.rmtree(folder, ignore_errors=True)
    app = make_app(lab, folder)
    teams = ["Accueil", "Les Brigades du Tigre", "Ressources humaines", "Direction", "Numérique", "Zêta"]
    play = start_play(app, lab, "atelier-jauges", teams, seed=24)  # a gauge crossed, one winner
    rng = random.Random(24)
    while not play.table.over:
        app.clock.advance(40)
        play.table.act(choose(play.table, "random", rng), app.clock())
    play.finished()
    end = app.top
    assert isinstance(end, EndScene) and end.table.sheet is not None and end.table.sheet.pdf.exists()
    assert end.standings.end_reason == "gauges"
    snap(app, "end-room")
    assert app.overflows == set()
    app.pop_all()


def test_a_training_session_alone_shows_the_time_spent_and_the_explanation(app, snap):
    from game.progress.training import Theme, training_scenario
    from game.table.table import Table

    scenario = training_scenario(app.library, Theme("teletravail", "reglementaire"), 5)
    table = Table.start_new(app.sessions_dir, scenario, app.library.pool(scenario), ["Camille"], 2,
                            app.library.aspect_labels(scenario), app.clock(), session_id="train-2", profile="Camille", at_end=sheet_at_end)
    play = app.replace("play", table=table)
    app.clock.advance(95)
    play.handle(Intent("choose", number=1))
    snap(app, "training-reveal")


def test_training_alone_its_choices_and_the_progress_screen(app, snap):
    """Two sessions of the same learner, the second all wrong; then the training screen and their progress."""
    from game.progress.training import Theme, start_training, training_scenario
    from game.ui.scenes.train import TrainScene

    scenario = training_scenario(app.library, Theme(deck="teletravail"), 5)
    for seed, number in ((1, 1), (2, 2)):
        table = start_training(app.library, app.sessions_dir, scenario, app.library.pool(scenario), "Camille", seed,
                               app.clock())
        play = app.replace("play", table=table)
        for _ in range(300):  # at big text sizes, more views and so more keys
            if table.over:
                break
            app.clock.advance(20)
            if play.view.phase == "answer":
                play.handle(Intent("choose", number=number))
            play.handle(Intent("next"))  # a multiple choice is validated; a reveal moves on
        assert table.over
        app.clock.advance(86_400)
    app.replace("home")
    app.top.buttons.focus = [c.key for c in app.top.buttons.choices].index("train")
    snap(app, "home-train")
    train = app.replace(TrainScene(app, profile="Camille"))
    snap(app, "train")
    assert train.due and [c.key for c in train.buttons.choices][:2] == ["profile", "review"]
    train.choose("progress")
    snap(app, "progress")


def test_a_parcours_step_then_its_outcome(snap):
    """The usager's head and what happens at the step on the table; after the last choice, the outcome."""
    from game.content.library import load_library

    library = load_library([(Path(__file__).parent / "parcours", True)])
    folder = OUTPUT / "sessions-parcours"
    shutil.rmtree(folder, ignore_errors=True)
    app = make_app(library, folder)
    try:
        play = start_play(app, library, "essai-parcours", ["Équipe 1", "Équipe 2"], seed=1, answering="rotation")
        play.handle(Intent("choose", number=displayed(play.table, 1) + 1))
        app.clock.advance(30)
        play.handle(Intent("confirm"))
        assert play.table.view().step.id == "retour"
        snap(app, "parcours-step")
        play.handle(Intent("choose", number=displayed(play.table, 0) + 1))
        snap(app, "parcours-outcome")
    finally:
        app.pop_all()


def test_a_card_too_long_for_one_view_shows_its_text_then_its_choices(app, snap):
    """In the OpenDyslexic font, an usager's story and three long options cannot share the screen: the story
    first with its button, then the options under a one-line reminder and a way back."""
    from game.ui.cardview import CardView, card_table

    app.settings.dyslexia_font = True
    app.apply_settings()
    deck = app.library.decks["usagers"]
    card = next(c for c in deck.cards if c.id == "us-003")
    view = CardView(app, card_table(card, dict(deck.info.aspects), app.library.gauges(), app.clock()))
    app.push(view)
    assert view.split and view.story
    snap(app, "split-story")
    view.handle(Intent("confirm"))
    assert not view.story and view.view.phase == "answer"  # shown, not answered
    snap(app, "split-choices")
    view.handle(Intent("left"))
    assert view.story
    view.handle(Intent("choose", number=2))
    assert not view.story and view.focus == 1 and view.view.phase == "answer"
    view.handle(Intent("choose", number=2))
    assert view.view.phase == "reveal"


def test_the_play_screen_and_the_end_in_english(shipped, snap, app):
    """English on the play screen and at the end; the cards keep their deck's language."""
    from tests.test_english import left_in_french
    from tests.ui_support import render, start_play

    app.settings.language = "en"
    app.apply_settings()
    play = start_play(app, shipped, "accueil-france-services", ["Accueil", "Les Bleus", "Direction"], seed=3)
    render(app)
    snap(app, "en-play")
    assert left_in_french(app.shown) == []
    for number in (1, 2, 1):
        play.handle(Intent("choose", number=number))
    render(app)
    snap(app, "en-reveal")
    while not play.table.over:
        app.clock.advance(30)
        play.handle(Intent("skip") if play.view.phase == "answer" else Intent("next"))
    snap(app, "en-end")
    assert app.shown[0].startswith("End of the game") and left_in_french(app.shown) == []
