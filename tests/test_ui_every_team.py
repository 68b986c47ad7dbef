"""Every team answering on screen: entries team by team, corrections, refusals, a split room's pick."""

from __future__ import annotations

import json

import pygame

from game.ui.scenes.overlays import ConfirmScene
from tests.ui_support import DIGITS, key, render, start_play


def test_six_teams_answer_a_card_in_seven_key_presses_with_a_correction(app):
    """Every team answers: a number per team in team order (the row being entered is highlighted),
    Backspace corrects the last one, Enter reveals with a verdict beside every team."""
    teams = [f"Équipe {i}" for i in range(1, 7)]
    play = start_play(app, app.library, "atelier-teletravail", teams, seed=3)
    assert play.view.every_team and play.view.team is None and not play.view.several
    right = play.table.view().card.right_choices()[0]
    wrong = next(i for i in range(len(play.view.choices)) if i != right)
    presses = [DIGITS[right], DIGITS[wrong], DIGITS[right], DIGITS[right], DIGITS[wrong], DIGITS[wrong]]
    for code in presses[:3]:
        key(app, code)
    assert play.entering == 3 and play.view.entries[:3] == ((right,), (wrong,), (right,))
    key(app, pygame.K_BACKSPACE)  # team 3's answer was misheard
    assert play.entering == 2 and play.view.entries[2] is None and play.view.phase == "answer"
    for code in [DIGITS[wrong], *presses[3:]]:
        key(app, code)
    render(app)
    assert play.view.phase == "answer"  # nothing is revealed before Enter
    key(app, pygame.K_RETURN)
    reveal = play.view.reveal
    assert [v.choices for v in reveal.verdicts] == [(right,), (wrong,), (wrong,), (right,), (wrong,), (wrong,)]
    assert [v.success for v in reveal.verdicts] == [True, False, False, True, False, False]
    assert reveal.mark == "split"
    render(app)
    assert "équipes 1, 4 :" in " ".join(app.shown) and "Équipes 2, 3, 5, 6 :" in " ".join(app.shown)
    panoramas = [t.panorama for t in play.standings.teams]
    assert [bool(p) for p in panoramas] == [True, False, False, True, False, False]
    events = [json.loads(line) for line in play.table.path.read_text(encoding="utf-8").splitlines()]
    moves = [(e["type"], e.get("team"), e.get("choices")) for e in events[1:] if not e.get("auto")]
    assert moves == [("enter", 0, [right]), ("enter", 1, [wrong]), ("enter", 2, [right]), ("clear", 2, None),
                     ("enter", 2, [wrong]), ("enter", 3, [right]), ("enter", 4, [wrong]), ("enter", 5, [wrong]),
                     ("reveal", None, None)]


def test_enter_before_every_team_answered_enters_nothing_and_names_the_missing_teams(app):
    play = start_play(app, app.library, "atelier-teletravail", ["A", "B", "C"], seed=3)
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)  # only team A has answered: nothing is entered for B or C, nothing revealed
    assert play.view.phase == "answer" and play.view.entries == ((0,), None, None)
    assert isinstance(app.top, ConfirmScene)
    assert app.top.question.startswith("Il manque la réponse des équipes 2 et 3.")
    key(app, pygame.K_RETURN)  # "No" is focused: back to the entries
    assert app.top is play and play.view.entries == ((0,), None, None)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_1)  # "Yes": reveal, the missing teams recorded as giving no answer
    verdicts = play.view.reveal.verdicts
    assert [(v.choices, v.mark) for v in verdicts] == [((0,), verdicts[0].mark), ((), "no_answer"), ((), "no_answer")]
    render(app)
    assert "Sans réponse" in " ".join(app.shown) or "sans réponse" in " ".join(app.shown)


def test_undo_after_a_reveal_keeps_every_teams_answer(app):
    play = start_play(app, app.library, "atelier-teletravail", ["A", "B", "C"], seed=3)
    for code in (pygame.K_1, pygame.K_2, pygame.K_1, pygame.K_RETURN):
        key(app, code)
    assert play.view.phase == "reveal"
    key(app, pygame.K_BACKSPACE)  # a mis-heard answer: back to the entries, every answer kept
    assert play.view.phase == "answer" and play.view.entries == ((0,), (1,), (0,))
    key(app, pygame.K_UP)  # from the last team up to team B, to correct it alone
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    assert [v.choices for v in play.view.reveal.verdicts] == [(0,), (0,), (0,)]


def test_a_number_the_card_does_not_have_is_said_and_enters_nothing(app):
    play = start_play(app, app.library, "atelier-teletravail", ["A", "B", "C"], seed=3)
    key(app, pygame.K_9)
    assert play.view.entries == (None, None, None)
    assert play.message.startswith("Pas de choix 9 sur cette carte")
    key(app, pygame.K_2)
    assert play.view.entries == ((1,), None, None)  # the next number goes to the team it was meant for


def test_a_split_room_on_a_situation_waits_for_the_facilitators_pick(app):
    play = start_play(app, app.library, "maison-de-region-partenaires", ["A", "B"], seed=4, answering="all")
    while play.view.phase != "answer" or not play.table.view().card.room_decides:
        app.clock.advance(5)
        key(app, pygame.K_s if play.view.phase == "answer" else pygame.K_RETURN)
    key(app, pygame.K_1)
    key(app, pygame.K_2)
    key(app, pygame.K_RETURN)
    assert play.view.phase == "answer" and play.picking and play.view.split == ((0,), (1,))
    render(app)
    assert "partagées entre les options 1 / 2" in " ".join(app.shown)
    key(app, pygame.K_3)  # not one of the tied options: still waiting
    assert play.view.phase == "answer"
    key(app, pygame.K_2)
    reveal = play.view.reveal
    assert reveal.applied == (1,) and [v.choices for v in reveal.verdicts] == [(0,), (1,)]
    assert reveal.votes(0) == 1 and reveal.votes(1) == 1
