"""What the screen and the terminal show as right or wrong, exactly: a team that ticked one right answer of several is
not shown as right, the side panel's answers stay readable, the best option is always named, and a typing slip gets
its own sentence (issue: the small frictions)."""

from __future__ import annotations

import random

from game.engine.vocabulary import Action, ActionType
from game.present.bots import choose
from tests.test_cli import keyboard, run
from tests.ui_support import make_app, start_play

TICKS = [(0,), (0, 1), (0, 1, 2), (1,), (2, 3), (0, 1, 2, 3)]  # six teams; the right answers are 1, 2 and 3


def six_teams_at_a_multiple_answer_card(shipped, tmp_path):
    app = make_app(shipped, tmp_path)
    play = start_play(app, shipped, "atelier-teletravail", [f"Équipe {n}" for n in range(1, 7)], seed=13,
                      answering="all")
    rng = random.Random(1)
    while not (play.view.phase == "answer" and play.view.several):
        play.table.act(choose(play.table, "best", rng), app.clock())
    assert len(play.view.choices) == 4
    for team, ticks in enumerate(TICKS):
        play.table.act(Action(ActionType.ENTER, ticks, team=team), app.clock())
    return app, play


def test_a_multiple_answer_reveal_says_who_ticked_each_answer_and_who_got_them_all(shipped, tmp_path, snap):
    app, play = six_teams_at_a_multiple_answer_card(shipped, tmp_path)
    try:
        play.layout(*app.size)  # the answers were entered past the scene, which lays out as it handles a key
        app.overflows.clear()
        app.draw()
        assert {"1", "1+2", "1+2+3", "2", "3+4", "1+2+3+4"} <= set(app.shown)  # the box grows beside a short name
        assert app.shrunk == set() and app.overflows == set()
        snap(app, "room-multiple-entries")
        play.table.act(Action(ActionType.REVEAL), app.clock())
        play.layout(*app.size)
        snap(app, "room-multiple-reveal")
        shown = "\n".join(app.shown).replace("\u00a0", " ")
        assert "Réponses partagées · tout juste : équipe 3" in shown
        assert "Bonne réponse · cochée par les équipes 1, 2, 3, 6 :" in shown  # team 1 ticked it, and was wrong
        assert "Cochée par les équipes 5, 6 :" in shown
        assert "Panorama complet : équipe 3 !" in shown  # its fifth aspect: the moment marked, for it alone
        assert "équipes 1, 2, 3, 6 :" not in shown.replace("cochée par les équipes 1, 2, 3, 6 :", "")
        assert app.shrunk == set() and app.overflows == set()
        play.table.act(Action(ActionType.UNDO), app.clock())  # team 3 corrected to one tick: nobody has them all
        play.table.act(Action(ActionType.ENTER, (0,), team=2), app.clock())
        play.table.act(Action(ActionType.REVEAL), app.clock())
        play.layout(*app.size)
        snap(app, "room-multiple-none")
        shown = "\n".join(app.shown).replace("\u00a0", " ")
        assert "Faux · aucune équipe n’a tout juste" in shown and "Panorama complet" not in shown
    finally:
        app.pop_all()


def test_the_terminal_names_the_best_option_and_the_right_answer_even_when_the_room_is_split(capsys, monkeypatch,
                                                                                             tmp_path):
    monkeypatch.setattr("builtins.input", keyboard(["1 2", "1", ""], limit=0))
    code, out, _ = run(capsys, "play", "--console", "--scenario", "maison-de-region-partenaires", "--sessions-dir",
                       str(tmp_path / "usager"), "--seed", "4", "--teams", "2", "--answering", "all")
    assert code == 0 and "Option retenue par la salle" in out and "Meilleure réponse : " in out
    monkeypatch.setattr("builtins.input", keyboard(["1 2", ""], limit=0))
    code, out, _ = run(capsys, "play", "--console", "--scenario", "atelier-teletravail", "--sessions-dir",
                       str(tmp_path / "question"), "--seed", "4", "--teams", "2", "--answering", "all")
    assert code == 0 and "Réponses partagées." in out and "Bonne réponse : " in out


def test_several_numbers_for_one_team_on_a_single_answer_card_get_their_own_sentence(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr("builtins.input", keyboard(["1 1 2"], limit=0))
    code, out, _ = run(capsys, "play", "--console", "--sessions-dir", str(tmp_path), "--seed", "4", "--teams", "2",
                       "--answering", "rotation")
    assert code == 0 and "Une seule réponse sur cette carte : tapez un seul numéro, de 1 à" in out
    assert "n’existe pas" not in out


def acceptable(table) -> tuple[int, ...]:
    """The acceptable options of the card on the table, as the room sees them numbered."""
    facing = table.view().facing
    return facing.acceptable_choices() if facing is not None else ()


def test_an_acceptable_option_is_shown_as_neither_right_nor_wrong(shipped, tmp_path, snap):
    """Both teams take an acceptable option: the banner says « Réponse acceptable », and its row too, on the panel's
    colour with neither a check nor a cross (it was an orange ✗ row); the sheet's grid draws it with a dash."""
    app = make_app(shipped, tmp_path)
    play = start_play(app, shipped, "maison-de-region-partenaires", ["Équipe 1", "Équipe 2"], seed=4,
                      answering="all")
    try:
        rng = random.Random(1)
        while not (play.view.phase == "answer" and acceptable(play.table)):
            play.table.act(choose(play.table, "best", rng), app.clock())
        option = acceptable(play.table)[0]
        for team in (0, 1):
            play.table.act(Action(ActionType.ENTER, (option,), team=team), app.clock())
        play.table.act(Action(ActionType.REVEAL), app.clock())
        play.layout(*app.size)
        snap(app, "room-acceptable")
        shown = [text.replace("\u00a0", " ") for text in app.shown]
        assert shown.count("Réponse acceptable") == 1  # the banner
        assert "Réponse acceptable · équipes 1, 2 · retenue par la salle :" in shown  # the row’s tag
        row = play.answer_rects[[r[0] for r in play.reveal_rows].index(option)]
        assert app.screen.get_at((row.right - 4, row.centery))[:3] == app.theme.panel
        from game.present.room import played
        from game.present.sheet import card_line

        [line] = [card_line(p, True) for p in played(play.table) if set(p.chosen) & set(p.acceptable)]
        assert [a.acceptable for a in line.answers] == [True, True] and not any(a.success for a in line.answers)
    finally:
        app.pop_all()


def test_a_gauge_that_did_not_move_is_said_stable_not_from_5_to_5(capsys, monkeypatch, tmp_path):
    """The end screen (snapshots end, end-room), the terminal and the sheet say « stable à 5 », never « de 5 à 5 »."""
    from pypdf import PdfReader

    from game.wording.players import gauge_span

    assert (gauge_span(5, 8), gauge_span(5, 5)) == ("de 5 à 8", "stable à 5")
    monkeypatch.setattr("builtins.input", keyboard(["f", "o"], limit=0))
    code, out, _ = run(capsys, "play", "--console", "--scenario", "maison-de-region-partenaires", "--sessions-dir",
                       str(tmp_path), "--seed", "4", "--teams", "2")
    assert code == 0 and "stable à 5" in out and "de 5 à 5" not in out
    [sheet] = tmp_path.glob("*.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(sheet).pages).replace("\u00a0", " ")
    assert "stable à 5" in text and "de 5 à 5" not in text


def test_a_parcours_usager_s_own_words_are_on_screen_where_the_parcours_begins(shipped, tmp_path, snap):
    """A parcours' quote was said at the terminal only: the screen shows it with the usager's situation."""
    from game.ui.cardview import CardView, card_table

    deck = shipped.decks["inclusion-numerique"]
    card = next(c for c in deck.cards if c.kind == "parcours" and c.quote)
    app = make_app(shipped, tmp_path)
    try:
        view = app.push(CardView(app, card_table(card, dict(deck.info.aspects), shipped.gauges(), app.clock())))
        view.layout(*app.size)
        snap(app, "parcours-quote")
        shown = "\n".join(app.shown)
        assert card.quote in shown and card.situation in shown
        assert app.overflows == set() and app.shrunk == set()
    finally:
        app.pop_all()


def test_the_sheet_grid_keeps_six_teams_several_answers_apart(shipped, tmp_path):
    """Six teams' ticks on a multiple-answer card, « 1+2+3+4 » in the narrowest column: each team's answer is on the
    grid's row in order (smaller where it must be, never under the tick: looked at on the rendered page)."""
    from pypdf import PdfReader

    from game.debrief.ending import sheet_at_end
    from game.present.room import room
    from game.table.table import Table

    info = shipped.scenarios["atelier-teletravail"].info
    table = Table.start_new(tmp_path, info, shipped.pool(info), [f"Équipe {n}" for n in range(1, 7)], 13,
                            shipped.aspect_labels(info), 1000.0, answering="all", at_end=sheet_at_end)
    rng, t = random.Random(1), 1000.0
    while not table.over:
        t += 30
        if room(table).phase == "answer" and room(table).several:
            for team, ticks in enumerate(TICKS):
                table.act(Action(ActionType.ENTER, ticks, team=team), t)
            table.act(Action(ActionType.REVEAL), t)
        else:
            table.act(choose(table, "random", rng), t)
    text = PdfReader(table.sheet.pdf).pages[0].extract_text()
    row = next(line for line in text.splitlines() if "1+2+3+4" in line)
    assert row.split()[-6:] == ["1", "1+2", "1+2+3", "2", "3+4", "1+2+3+4"]
