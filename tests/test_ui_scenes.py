"""The screens driven with synthetic keys and clicks, checked on what they draw and what they log."""

from __future__ import annotations

import json

import pygame
import pytest

from game.content.summary import scenario_summaries
from game.debrief.ending import sheet_at_end
from game.engine.vocabulary import Action
from game.fonts import TEAM_NAME_MAX
from game.paths import shipped_scenarios
from game.ui.intents import Intent
from game.ui.scenes.end import EndScene
from game.ui.scenes.home import HomeScene
from game.ui.scenes.overlays import ConfirmScene, MenuScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.setup import SetupScene
from game.ui.theme import HIGH_CONTRAST, LIGHT, contrast
from tests.ui_support import DIGITS, Clock, click, key, make_app, render, start_play, type_text


def test_every_theme_colour_pair_reads_at_4_5_to_1():
    for theme in (LIGHT, HIGH_CONTRAST):
        for name, fg, bg in theme.text_pairs():
            assert contrast(fg, bg) >= 4.5, (theme.name, name, round(contrast(fg, bg), 2))


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_body_text_is_a_thirtieth_of_the_height_at_least(shipped, tmp_path, size):
    app = make_app(shipped, tmp_path, size=size)
    assert app.body >= size[1] / 30
    app.settings.scale = 1.5
    assert app.body >= size[1] / 30 * 1.5
    app.pop_all()


def test_setup_plus_and_minus_change_the_count_wherever_the_focus_and_numbers_pick_rows(app, monkeypatch):
    setup = app.push(SetupScene(app, app.library.scenarios["atelier-teletravail"].info))
    assert setup.buttons.choices[setup.buttons.focus].key == "start"
    for _ in range(6):
        key(app, pygame.K_PLUS, "+")
    assert len(setup.names) == 6  # the scenario's maximum, not more
    key(app, pygame.K_KP_MINUS)
    key(app, pygame.K_MINUS, "-")
    assert len(setup.names) == 4 and not setup.typing
    keys = [c.key for c in setup.buttons.choices]
    key(app, DIGITS[keys.index("name:1")])  # a number picks its row: the second name, now being edited
    assert setup.typing and setup.editing == 1
    type_text(app, "+4")  # typed into the name, not a command
    key(app, pygame.K_RETURN)
    assert setup.names[1] == "Équipe 2+4" and len(setup.names) == 4
    opened = []
    monkeypatch.setattr("game.desktop.open_file", lambda path: opened.append(path) or "Ouverture…")
    key(app, pygame.K_c, "c")  # the answer cards answer to C, whatever the count of teams
    assert opened and opened[0].exists() and opened[0].parent == app.sessions_dir
    from pypdf import PdfReader

    pages = PdfReader(opened[0]).pages
    assert [p.extract_text().splitlines()[0] for p in pages] == [f"{n} — cartes-réponses" for n in setup.names]
    assert "Cartes-réponses enregistrées" in " ".join(setup.lines())


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (1920, 1080)])
@pytest.mark.parametrize("dyslexia", [False, True])
def test_setup_shows_every_row_from_one_to_six_teams(shipped, tmp_path, size, dyslexia):
    app = make_app(shipped, tmp_path, size=size)
    app.settings.dyslexia_font = dyslexia
    app.apply_settings()
    setup = app.push(SetupScene(app, shipped.scenarios["atelier-teletravail"].info))
    for count in range(2, 7):
        while len(setup.names) < count:
            setup.handle(Intent("more"))
        setup.names[-1] = "Ressources humaines"[:TEAM_NAME_MAX]  # a long name as the setup lets one be typed
        setup.refresh()
        render(app)
        assert setup.buttons.visible() == list(range(len(setup.buttons.choices))), (count, size)
        assert all(app.screen.get_rect().contains(r) for r in setup.buttons.rects)
        assert app.overflows == set(), app.overflows
    app.pop_all()


def test_the_keyboard_alone_goes_from_home_to_the_debriefing(app, tmp_path):
    app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    key(app, pygame.K_RETURN)  # the default scenario is first and focused
    assert isinstance(app.top, SetupScene)
    for _ in range(5):  # from "Start" past the cards, the plan, the answer cards and "Back", round to the count
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)  # three teams
    assert app.top.names == ["Équipe 1", "Équipe 2", "Équipe 3"] and app.top.answering == "all"
    key(app, pygame.K_DOWN)  # who answers: every team (the workshop's default), or one team in turn
    key(app, pygame.K_RIGHT)
    assert app.top.answering == "rotation"
    key(app, pygame.K_RETURN)
    assert app.top.answering == "all"
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # rename the first team
    for _ in range(8):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "Les Bleus")
    key(app, pygame.K_RETURN)
    assert app.top.names[0] == "Les Bleus"
    key(app, pygame.K_6)  # 1 is the count, 2 who answers, 3 to 5 the names, 6 starts the game
    play = app.top
    assert isinstance(play, PlayScene) and play.table.facts().teams == ("Les Bleus", "Équipe 2", "Équipe 3")
    for _ in range(200):
        if not isinstance(app.top, PlayScene):
            break
        app.clock.advance(20)
        if play.view.phase == "answer":  # every team answers "1", one after the other, then Enter reveals
            for _ in play.view.teams:
                key(app, pygame.K_1)
                if play.view.several:
                    key(app, pygame.K_RETURN)  # a team's several choices are entered with Enter
            key(app, pygame.K_RETURN)
        else:
            key(app, pygame.K_RETURN)
    assert isinstance(app.top, EndScene)
    sheet = app.top.table.sheet
    assert sheet is not None and sheet.pdf.is_file() and sheet.pdf.parent == tmp_path  # written as the game ended
    render(app)


def test_undo_and_pause_from_the_keyboard(app):
    play = start_play(app, app.library, "atelier-teletravail", ["A", "B"], answering="rotation")
    key(app, pygame.K_2)
    assert play.view.phase == "reveal"
    key(app, pygame.K_BACKSPACE)
    assert play.view.phase == "answer" and play.table.history() == ()
    key(app, pygame.K_SPACE)
    assert play.view.paused
    app.clock.advance(300)
    key(app, pygame.K_1)  # ignored while paused
    assert play.view.phase == "answer"
    surface = render(app)
    key(app, pygame.K_SPACE)
    assert not play.view.paused and play.view.clock.elapsed < 1
    types = [json.loads(line)["type"] for line in play.table.path.read_text(encoding="utf-8").splitlines()]
    assert types == ["start", "enter", "reveal", "undo", "pause", "resume"]
    assert surface.get_at((5, 5))[:3] != app.theme.background  # the pause shade covers the screen


def test_a_click_answers_and_the_reveal_shows_right_or_wrong(app):
    play = start_play(app, app.library, "atelier-teletravail", ["A", "B"], answering="rotation")
    render(app)
    card = play.table.view().card
    wrong = next(i for i, a in enumerate(card.answers) if not a.correct)
    click(app, play.answer_rects[wrong].center)
    assert play.view.phase == "reveal" and play.view.reveal.mark == "wrong"
    surface = render(app)
    assert surface.get_at((play.banner_rect.centerx, play.banner_rect.bottom - 4))[:3] == app.theme.wrong
    click(app, play.continue_rect.center)
    assert play.view.phase == "answer" and play.view.number == 2


def test_multiple_choice_needs_a_validation(app, shipped, tmp_path):
    play = start_play(app, shipped, "atelier-teletravail", ["A", "B"], seed=1, answering="rotation")
    multi = next(i for i, c in enumerate(play.table.start.cards) if c.several)
    while play.view.number - 1 < multi:
        app.clock.advance(5)
        if play.view.phase == "answer":
            key(app, pygame.K_s)
        else:
            key(app, pygame.K_RETURN)
    card = play.table.view().card
    for i in card.right_choices():
        key(app, DIGITS[i])
    assert play.view.phase == "answer" and play.ticked == set(card.right_choices())
    assert play.view.entries[play.view.answering[0]] == card.right_choices()  # the table keeps the ticks
    render(app)
    key(app, pygame.K_RETURN)  # Enter validates the ticked set, whatever the focus
    assert play.view.reveal.mark == "right"


def test_escape_opens_a_menu_that_never_quits_without_asking(app):
    play = start_play(app, app.library, "atelier-teletravail", ["A", "B"])
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, MenuScene)
    key(app, pygame.K_8)  # "Quit"
    assert isinstance(app.top, ConfirmScene) and app.running
    key(app, pygame.K_RETURN)  # "No" is focused
    assert isinstance(app.top, MenuScene) and app.running
    key(app, pygame.K_ESCAPE)
    assert app.top is play
    app.dispatch(pygame.event.Event(pygame.QUIT))
    assert isinstance(app.top, ConfirmScene) and app.running
    key(app, pygame.K_1)  # "Yes"
    assert not app.running


def test_ending_the_game_asks_first(app):
    play = start_play(app, app.library, "atelier-teletravail", ["A", "B"])
    key(app, pygame.K_f)
    key(app, pygame.K_2)  # No
    assert not play.table.over
    key(app, pygame.K_f)
    key(app, pygame.K_1)  # Yes
    assert isinstance(app.top, EndScene) and app.top.table.standings().end_reason == "facilitator"


def test_a_debate_note_is_typed_and_logged(app, shipped):
    play = start_play(app, shipped, "atelier-teletravail", ["A", "B"], answering="rotation")
    while play.view.phase != "discuss":
        app.clock.advance(5)
        key(app, pygame.K_1 if play.view.phase == "answer" else pygame.K_RETURN)
    key(app, pygame.K_n)
    assert app.top.typing
    type_text(app, "Point à reprendre, pas si simple")  # letters such as s, p, f are text here, not commands
    key(app, pygame.K_RETURN)
    assert play.view.note == "Point à reprendre, pas si simple" and not play.view.paused
    render(app)


def test_a_resized_window_is_laid_out_again(app):
    play = start_play(app, app.library, "accueil-france-services", ["Solo"])
    render(app)
    before = [r.copy() for r in play.answer_rects]
    app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, w=1920, h=1080, size=(1920, 1080)))
    assert app.size == (1920, 1080)
    assert all(a.width > b.width for a, b in zip(play.answer_rects, before))
    assert play.side_rect.right <= 1920 and play.foot_rect.bottom <= 1080
    render(app)


def test_a_long_french_prompt_fits_at_1280x720(app, shipped, tmp_path):
    from game.table.table import Table
    from tests.conftest import card, scenario, start_of

    prompt = ("Lorsqu’un agent demande à télétravailler depuis un tiers-lieu situé dans une autre commune, "
              "quelles vérifications l’employeur doit-il conduire avant de répondre, et dans quel délai ? ")[:220]
    answers = [{"text": ("Vérifier la conformité de l’installation, l’accès aux outils et la sécurité des données "
                         "avant d’autoriser")[:110], "correct": i == 0} for i in range(4)]
    long_card = card({"id": "long-1", "kind": "question", "aspect": "a", "prompt": prompt, "answers": answers,
                      "explanation": "Une explication de trois phrases, comme celles des decks. " * 5,
                      "source": "Décret n° 2016-151 du 11 février 2016, art. 5, modifié par le décret n° 2020-524"})
    start = start_of(scenario(win="points"), [long_card], ["Les Hautes-Pyrénées", "Équipe 2"], app.clock(),
                     {"a": "Organisationnel"})
    app.replace("play", table=Table.logged(tmp_path / "long.jsonl", start, at_end=sheet_at_end))
    render(app)
    key(app, pygame.K_2)
    render(app)
    assert app.overflows == set()


@pytest.mark.parametrize("size", [(1280, 720)])
def test_no_shipped_card_overflows_its_card(shipped, tmp_path, size):
    """Every card of every shipped deck, on the table and revealed, fits a 1280×720 screen."""
    from game.table.table import Table
    from tests.conftest import scenario, start_of

    app = make_app(shipped, tmp_path, size=size, clock=Clock())
    gauges = [{"id": g, "label": label, "start": 5} for g, label in
              (("satisfaction", "Satisfaction des usagers"), ("droits", "Accès aux droits"),
               ("charge", "Charge de l’équipe"), ("reseau", "Réseau des partenaires"))]
    for deck in shipped.decks.values():
        info = scenario(decks=[deck.info.id], win="gauges", gauges=gauges, minutes={"target": 200, "max": 240})
        start = start_of(info, deck.cards, ["Équipe 1", "Équipe 2"], app.clock(), dict(deck.info.aspects))
        table = Table.unlogged(start)
        play = app.replace("play", table=table)
        for _ in range(len(deck.cards) * 3):
            render(app)
            view = play.view
            if view.phase == "answer":
                right = play.table.view().card.right_choices()
                table.act(Action("answer", right if view.several else right[:1]), app.clock())
            else:
                table.act(Action("next"), app.clock())
            if table.over:
                break
            play.layout(*app.size)
    assert app.overflows == set()
    app.pop_all()


def test_a_broken_content_file_is_shown_on_screen_not_as_a_traceback(shipped, tmp_path, capsys):
    from game.content.errors import ContentError, ContentInvalid
    from game.ui.scenes.overlays import ErrorScene
    from game.wording.authors import say

    def broken():
        raise ContentInvalid([ContentError("decks/labo.yaml", 12, 5, say("field.missing", field="prompt"))])

    app = make_app(broken, tmp_path)
    app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, ErrorScene)
    render(app)
    assert "decks/labo.yaml:12:5: il manque le champ obligatoire « prompt »" in capsys.readouterr().err
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, HomeScene)
    app.pop_all()


@pytest.mark.parametrize("leave", ["home", "close-window"])
def test_the_sheet_exists_however_the_end_screen_is_left(app, leave):
    play = start_play(app, app.library, "atelier-teletravail", ["A", "B"])
    key(app, pygame.K_1)
    key(app, pygame.K_f)
    key(app, pygame.K_1)  # Yes, end now
    end = app.top
    assert isinstance(end, EndScene)
    if leave == "home":
        key(app, pygame.K_3)  # Open, Print, then Home
        assert isinstance(app.top, HomeScene)
    else:
        app.dispatch(pygame.event.Event(pygame.QUIT))
        key(app, pygame.K_1)  # Yes, quit
        assert not app.running
    log = play.table.path
    assert log.with_suffix(".pdf").stat().st_size > 10_000 and log.with_suffix(".csv").is_file()


def test_closing_the_window_in_the_middle_of_a_session_closes_its_log(app):
    play = start_play(app, app.library, "atelier-teletravail", ["A", "B"])
    key(app, pygame.K_1)
    key(app, pygame.K_ESCAPE)  # the menu, over the play scene
    app.dispatch(pygame.event.Event(pygame.QUIT))
    key(app, pygame.K_1)
    assert not app.running and play.table.writer._file.closed
    assert not play.table.path.with_suffix(".pdf").exists()  # not over: resumable, no sheet yet


def test_display_settings_are_kept_only_when_the_reader_changes_them(shipped, tmp_path):
    """Opening the program writes nothing; high contrast chosen on the accessibility screen is there at
    the next launch."""
    from game.ui.app import App
    from game.ui.scenes import SCENES

    path = tmp_path / "config" / "affichage.json"
    app = App(shipped, tmp_path, size=(1280, 720), settings_path=path, fast=True, clock=Clock(), scenes=SCENES)
    assert not path.exists()
    app.push("accessibility")
    key(app, pygame.K_DOWN)  # from the size row to the contrast row
    key(app, pygame.K_RETURN)
    assert app.theme == HIGH_CONTRAST and json.loads(path.read_text())["high_contrast"] is True
    again = App(shipped, tmp_path, size=(1280, 720), settings_path=path, fast=True, clock=Clock(), scenes=SCENES)
    assert again.theme == HIGH_CONTRAST
    assert [p.name for p in path.parent.iterdir()] == ["affichage.json"]  # no scrap left beside it



def test_full_screen_asks_for_the_desktops_own_size(shipped, tmp_path, monkeypatch):
    """`play --fullscreen` on a screen that cannot switch to 1280×720 (a projector's, Xvfb's 1920×1080) was drawn at
    one size and shown cropped in another: full screen now asks SDL for the desktop's size (0, 0), as the F11 toggle
    does. The dummy driver answers any request with its desktop, so the request itself is what is checked."""
    from game.ui.app import App
    from game.ui.scenes import SCENES

    asked = []
    real = pygame.display.set_mode
    monkeypatch.setattr(pygame.display, "set_mode", lambda size, flags=0: asked.append(tuple(size)) or real(size, flags))
    app = App(shipped, tmp_path, size=(1280, 720), fullscreen=True, settings_path=None, scenes=SCENES)
    assert asked == [(0, 0)] and app.size == tuple(pygame.display.get_desktop_sizes()[0])
    app.toggle_fullscreen()  # back to a window: the usual 1280×720
    assert asked[-1] == (1280, 720)
