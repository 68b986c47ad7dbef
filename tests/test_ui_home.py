"""The home screen and what it leads to: typed names, sheets that ended sessions lack, resuming from the log alone,
training alone and the progress screen."""

from __future__ import annotations

import json

import pygame
import pytest

from game.content.summary import scenario_summaries
from game.debrief.ending import sheet_at_end
from game.paths import shipped_scenarios
from game.table.table import Table
from game.ui.intents import Intent
from game.ui.scenes.home import HomeScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.setup import SetupScene
from tests.ui_support import DIGITS, key, make_app, render, type_text


def test_a_name_in_a_script_the_fonts_lack_is_refused_as_it_is_typed(app):
    """Arabic letters, an emoji or a control character would be boxes on screen and vanish from the sheet:
    the screen says so as they are typed, and keeps the rest."""
    setup = app.push(SetupScene(app, app.library.scenarios["atelier-teletravail"].info))
    keys = [c.key for c in setup.buttons.choices]
    key(app, DIGITS[keys.index("name:0")])
    type_text(app, " فريق😀\x00é")
    shown = " ".join(setup.lines())
    assert "Refusé (U+0641, U+0631, U+064A, U+0642, U+1F600, U+0000)" in shown
    render(app)
    key(app, pygame.K_RETURN)
    assert setup.names[0] == "Équipe 1 é" and setup.status == ""


def test_home_offers_the_sheets_that_ended_sessions_lack_and_writes_them(shipped, tmp_path):
    """A session stopped between its last action and its sheet (a kill, a full disk): home offers the sheet."""
    import random

    from game.present.bots import choose

    info = shipped.scenarios["atelier-teletravail"].info
    table = Table.start_new(tmp_path, info, shipped.pool(info), ["Équipe 1", "Équipe 2"], 4,
                            shipped.aspect_labels(info), 1_000.0, at_end=sheet_at_end)
    rng, t = random.Random(4), 1_000.0
    while not table.over:
        t += 30
        table.act(choose(table, "random", rng), t)
    table.sheet.pdf.unlink()
    (tmp_path / "abime.jsonl").write_bytes(b"[1, 2")  # unreadable: not offered
    app = make_app(shipped, tmp_path)
    home = app.push(HomeScene(app))
    assert [c.label for c in home.buttons.choices][:1] == ["Écrire les bilans manquants (1)"]
    home.choose("sheets")
    assert table.path.with_suffix(".pdf").stat().st_size > 10_000
    assert app.top.title == f"Bilans écrits dans {tmp_path}" and app.top.lines() == [f"{table.path.stem}.pdf\u00a0: écrit."]
    render(app)
    app.pop()
    assert "sheets" not in [c.key for c in home.buttons.choices]
    app.pop_all()


def test_the_screen_resumes_from_the_log_alone_even_when_a_deck_has_a_mistake(shipped, tmp_path, monkeypatch):
    """A typo in an unrelated deck used to stop the screen's resume; the log holds all the session needs.
    Going home afterwards shows the scenarios, and choosing one shows the mistake."""
    import argparse

    from game.cli.screen import resume_screen
    from game.content.errors import ContentError, ContentInvalid
    from game.session.log import read_log
    from game.wording.authors import say

    info = shipped.scenarios["atelier-teletravail"].info
    table = Table.start_new(tmp_path, info, shipped.pool(info), ["Équipe 1", "Équipe 2"], 4,
                            shipped.aspect_labels(info), 1_000.0, at_end=sheet_at_end)
    table.close()

    def broken(decks):
        raise ContentInvalid([ContentError("decks/usagers.yaml", 3, 5, say("file.empty"))])

    monkeypatch.setattr("game.cli.content.load_checked", broken)
    args = argparse.Namespace(fullscreen=False, log=table.path, console=False)
    assert resume_screen(args, table.path, max_frames=2) == 0
    assert read_log(table.path).events[-1]["type"] == "reopen"
    app = make_app(shipped, tmp_path)
    app._library = lambda: broken([])  # the library as the resumed screen holds it: loaded on first use
    home = app.push(HomeScene(app))
    assert "scenario:atelier-teletravail" in [c.key for c in home.buttons.choices]
    app.pop_all()


def test_training_alone_from_the_home_screen_under_a_typed_profile_then_reviewing_from_the_progress_screen(app):
    from game.ui.scenes.progress import ProgressScene
    from game.ui.scenes.train import TrainScene

    home = app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    home.choose("train")
    train = app.top
    assert isinstance(train, TrainScene) and not train.due
    train.buttons.focus = 0
    key(app, pygame.K_RETURN)  # Enter on the profile: a new name, typed
    assert train.typing
    type_text(app, "Léa ب")
    key(app, pygame.K_RETURN)
    assert train.profile == "Léa" and not train.typing  # the Arabic letter the fonts cannot show was left out
    train.buttons.focus = [c.key for c in train.buttons.choices].index("theme")
    key(app, pygame.K_RIGHT)
    assert train.themes[train.theme][0].deck is not None  # everything, then each deck
    while train.themes[train.theme][0].deck != "teletravail":
        key(app, pygame.K_RIGHT)
    train.choose("start")
    play = app.top
    assert isinstance(play, PlayScene)
    table = play.table
    assert table.start.profile == "Léa" and not table.start.scenario.timed
    assert {card.aspect for card in table.start.cards} <= set(app.library.decks["teletravail"].info.aspects)
    while not table.over:
        app.clock.advance(15)
        if play.view.phase == "answer":
            play.handle(Intent("choose", number=len(play.view.choices)))  # the last answer: often wrong
        play.handle(Intent("next"))
    app.replace(TrainScene(app, profile="Léa"))
    missed = {c.card for c in app.top.due}
    assert missed == {p.card.id for p in table.history() if p.verdicts and not p.success}
    app.top.choose("progress")
    assert isinstance(app.top, ProgressScene) and app.top.report.answers == len(table.history())
    app.top.choose("review")
    review = app.top.table
    assert {card.id for card in review.start.cards} == missed and review.start.profile == "Léa"


def test_the_last_learner_is_remembered_for_the_next_training(shipped, tmp_path):
    from game.ui.app import App
    from game.ui.scenes import SCENES
    from game.ui.scenes.train import TrainScene
    from tests.ui_support import Clock

    settings = tmp_path / "affichage.json"
    app = App(shipped, tmp_path / "sessions", settings_path=settings, fast=True, clock=Clock(), scenes=SCENES)
    train = app.push(TrainScene(app, profile="Anne-Marie"))
    train.choose("start")
    app.pop_all()
    again = App(shipped, tmp_path / "sessions", settings_path=settings, fast=True, clock=Clock(), scenes=SCENES)
    assert again.push(TrainScene(again)).profile == "Anne-Marie"
    again.pop_all()
    settings.write_text(json.dumps({"profile": "../../x"}))  # a hand-edited setting is checked as any name is
    third = App(shipped, tmp_path / "sessions", settings_path=settings, fast=True, clock=Clock(), scenes=SCENES)
    assert third.push(TrainScene(third)).profile != "../../x"
    third.pop_all()


def test_quitting_from_home_asks_without_speaking_of_a_session(app, snap):
    """No session is under way on the home screen: the question does not say one is saved."""
    app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    app.top.handle(Intent("quit"))
    snap(app, "confirm-leave")
    assert "session" not in " ".join(app.shown).lower()
    app.top.choose("no")
    assert isinstance(app.top, HomeScene)


def test_home_numbers_stay_put_enter_starts_the_default_and_every_row_is_one_key_away(shipped, tmp_path, snap):
    """A session to resume adds a row « R » above the scenarios: their numbers do not move, Enter still starts the
    default scenario, Accessibility and Quit answer to A and Q, and the resume row's panel says which session
    (its scenario, when it began, how far it went, its teams)."""
    def numbers(home: HomeScene) -> dict[str, str]:
        return {c.key: home.buttons.mark(i) for i, c in enumerate(home.buttons.choices)}

    alone = make_app(shipped, tmp_path / "nothing")
    before = numbers(alone.push(HomeScene(alone)))
    alone.pop_all()
    info = shipped.scenarios["maison-de-region-partenaires"].info
    table = Table.start_new(tmp_path, info, shipped.pool(info), ["Les Bleus", "Les Verts"], 4,
                            shipped.aspect_labels(info), 1_800_000_000.0, at_end=sheet_at_end)
    table.close()
    app = make_app(shipped, tmp_path)
    home = app.push(HomeScene(app))
    after = numbers(home)
    assert after == {**before, "resume": "R"} and len(set(after.values())) == len(after)
    assert set(after.values()) <= {*"123456789", "R", "A", "Q"}  # every row one key away
    assert home.buttons.choices[home.buttons.focus].key == "scenario:atelier-teletravail"  # Enter: the default
    key(app, pygame.K_UP)
    snap(app, "home-resume-panel")
    assert home.buttons.choices[home.buttons.focus].key == "resume"
    shown = " ".join(app.shown).replace("\u00a0", " ")
    assert "La Maison de la Région et ses partenaires" in shown and "Les Bleus, Les Verts" in shown
    assert "Commencée le 15/01/2027 · carte 1 sur" in shown
    key(app, pygame.K_q, "q")
    assert app.top.question == "Quitter l’Atelier\u00a0?"
    app.top.choose("no")
    key(app, pygame.K_r, "r")  # one key resumes
    assert isinstance(app.top, PlayScene) and app.top.view.teams == ("Les Bleus", "Les Verts")
    app.pop_all()


def test_setup_with_six_teams_keeps_every_row_one_key_away(app):
    """Six team names push « Commencer » to 9: the answer cards answer to C, and going back to Escape, each shown."""
    setup = app.push(SetupScene(app, app.library.scenarios["atelier-teletravail"].info))
    while len(setup.names) < 6:
        key(app, pygame.K_PLUS)
    marks = {c.key: setup.buttons.mark(i) for i, c in enumerate(setup.buttons.choices)}
    assert marks["start"] == "9" and marks["cards"] == "C" and marks["back"] == "Échap"
    render(app)
    assert {"C", "Échap"} <= set(app.shown)
    key(app, pygame.K_c, "c")  # the answer cards, one key away
    assert (app.sessions_dir / "cartes-reponses-atelier-teletravail.pdf").stat().st_size > 1000


def test_a_team_name_says_when_it_is_full_and_ctrl_a_replaces_it(app, snap):
    """Typing past 20 characters says the name is full (it stopped silently); Ctrl+A selects the whole name, which
    the next letters replace (they were appended), and Backspace after it clears the name."""
    setup = app.push(SetupScene(app, app.library.scenarios["atelier-teletravail"].info))
    key(app, DIGITS[[c.key for c in setup.buttons.choices].index("name:0")])
    type_text(app, " de la Tramontane")
    assert setup.names[0] == "Équipe 1 de la Tramo" and "20 caractères au plus" in " ".join(setup.lines())
    snap(app, "setup-name-full")
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=pygame.KMOD_LCTRL, unicode="", scancode=0))
    snap(app, "setup-name-selected")
    assert "Le nom entier est sélectionné" in " ".join(setup.lines()).replace("\u00a0", " ")
    type_text(app, "Les Bleus")
    assert setup.names[0] == "Les Bleus" and "20 caractères" not in " ".join(setup.lines())
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=pygame.KMOD_LCTRL, unicode="", scancode=0))
    key(app, pygame.K_BACKSPACE)
    assert setup.names[0] == ""
    render(app)
    key(app, pygame.K_RETURN)
    assert setup.names[0] == "Équipe 1"  # an empty name goes back to the default


@pytest.mark.parametrize("scenario_id", ["atelier-teletravail", "maison-de-region-partenaires", "inclusion-numerique"])
def test_six_long_team_names_are_shown_whole_beside_the_room_s_answers(shipped, tmp_path, scenario_id):
    """Names as long as the field allows, six teams answering at 1280×720: the answer boxes go under the names, on
    the score line, or, with one line to a team (a gauges game), the names take the reader's secondary size: no
    name is cut with … on the projected screen (« Équipe Tramont… »)."""
    from game.ui.text import ELLIPSIS
    from tests.ui_support import start_play

    names = ["Équipe Tramontane 12", "Les Mistrals du Sud", "Brigade du Tigre 3", "Direction régionale",
             "Numérique et usagers", "Accueil France serv."]
    app = make_app(shipped, tmp_path)
    play = start_play(app, shipped, scenario_id, names, seed=3, answering="all")
    play.layout(*app.size)
    render(app)
    assert app.shrunk == set() and app.overflows == set()
    assert set(names) <= set(app.shown) and not any(t.endswith(ELLIPSIS) and len(t) > 1 for t in app.shown)
    app.pop_all()
