"""The reader's bigger text and the dyslexia font: every shipped scenario played through its real screens at
the largest sizes, with no text cut; a reveal or a card's text longer than one view flows over several."""

from __future__ import annotations

import random
import shutil

import pytest

from game.debrief.ending import sheet_at_end
from game.present.bots import choose
from game.table.table import Table
from game.ui.autoplay import Autopilot
from game.ui.intents import Intent
from game.ui.screens import Screen
from game.wording.players import team_names, tr
from tests.conftest import SHIPPED_SCENARIOS
from tests.snapshot import OUTPUT
from tests.ui_support import make_app, start_play


def bigger(app, scale: float, dyslexia: bool):
    app.settings.scale, app.settings.dyslexia_font = scale, dyslexia
    app.apply_settings()
    return app


def kept_app(shipped, scale: float):
    """An app in OpenDyslexic at `scale` whose session files are kept in the tests' output folder, to look at."""
    folder = OUTPUT / "sessions-big"
    shutil.rmtree(folder, ignore_errors=True)
    return bigger(make_app(shipped, folder), scale, True)


@pytest.mark.parametrize("scale,size", [(1.15, (1280, 720)), (1.5, (1280, 720)), (1.5, (1920, 1080))],
                         ids=["115-1280", "150-1280", "150-1920"])
@pytest.mark.parametrize("dyslexia", [False, True], ids=["atkinson", "opendyslexic"])
@pytest.mark.parametrize("scenario_id", SHIPPED_SCENARIOS)
def test_every_scenario_plays_to_its_end_with_no_text_cut_or_shrunk(shipped, tmp_path, scenario_id, dyslexia, scale,
                                                                     size):
    """The autopilot presses the keys a facilitator would, through every card, reveal and view, to the end screen,
    with 1, 3 and 6 teams (as the scenario allows); any text cut on the way is in `app.overflows`, any drawn below
    the reader's size in `app.shrunk` (both said on stderr)."""
    info = shipped.scenarios[scenario_id].info
    counts = [1] if info.mode == "solo" else [n for n in (1, 3, 6) if info.team_range.min <= n <= info.team_range.max]
    for teams in counts:
        folder = tmp_path / str(teams)
        app = bigger(make_app(shipped, folder, size), scale, dyslexia)
        app.clock = __import__("time").time  # the autopilot paces itself on the clock the loop reads
        table = Table.start_new(folder, info, shipped.pool(info), team_names(info, teams), 3,
                                shipped.aspect_labels(info), app.clock(), at_end=sheet_at_end)
        app.push(Screen.PLAY, table=table)
        app.on_idle = Autopilot(seed=3, delay=0.0)
        app.run()
        assert table.over, (scenario_id, teams)
        assert app.overflows == set() and app.shrunk == set(), (scenario_id, teams, scale, dyslexia)


def test_a_long_reveal_flows_over_views_and_its_source_is_never_dropped(shipped, snap):
    """At 150 % in OpenDyslexic, the explanation, its source and the answers take three views: Enter or the
    button shows the next, ← the one before, and only the last moves on to the next card."""
    app = kept_app(shipped, 1.5)
    try:
        play = start_play(app, shipped, "atelier-teletravail", ["Équipe 1", "Équipe 2"], seed=5, answering="rotation")
        if play.split:  # the question's text has a view of its own: on to its choices
            play.handle(Intent("confirm"))
        play.handle(Intent("choose", number=1))
        assert play.view.phase == "reveal" and len(play.reveal_chunks) >= 2
        explanation = play.view.reveal.explanation
        snap(app, "big-reveal-first")
        seen = []
        for _ in range(len(play.reveal_chunks) - 1):
            seen += play.reveal_chunks[play.page]
            play.handle(Intent("confirm"))
        seen += play.reveal_chunks[play.page]
        assert play.view.phase == "reveal" and play.answer_rects  # the answers on the last view
        snap(app, "big-reveal-last")
        assert " ".join(seen).replace("\n", " ").count(explanation.source[:20]) == 1  # the source, whole, once
        play.handle(Intent("left"))
        assert play.page == len(play.reveal_chunks) - 2
        play.handle(Intent("confirm"))
        number = play.view.number
        play.handle(Intent("confirm"))
        assert play.view.number == number + 1 and play.page == 0
    finally:
        app.pop_all()


def test_a_room_of_three_in_big_text_reads_the_short_keys_help(shipped, snap):
    """Three teams about to enter their answers at 115 % in OpenDyslexic: beside the button to the choices, the
    keys' help takes its short form rather than being cut."""
    app = kept_app(shipped, 1.15)
    try:
        play = start_play(app, shipped, "premiers-pas-administratifs", [f"Équipe {n}" for n in range(1, 4)], seed=5,
                          answering="all")
        rng = random.Random(5)
        while not (play.view.phase == "answer" and play.view.every_team and play.split):  # a text with a view of
            assert not play.table.over
            play.table.act(choose(play.table, "best", rng), app.clock())  # its own, its button beside the help
            play._layout_card()
        snap(app, "big-room-answer")
        assert tr("play.keys_room_short") in app.shown
        assert app.overflows == set()
    finally:
        app.pop_all()


def test_several_answers_in_a_room_in_big_text_read_their_short_keys_help(shipped, snap):
    """The same for a question with several right answers: its own short help, ticks and Enter."""
    app = kept_app(shipped, 1.15)
    try:
        play = start_play(app, shipped, "atelier-teletravail", ["Équipe 1", "Équipe 2", "Équipe 3"], seed=13,
                          answering="all")
        rng = random.Random(5)
        while not (play.view.phase == "answer" and play.view.several and play.split):
            assert not play.table.over
            play.table.act(choose(play.table, "best", rng), app.clock())
            play._layout_card()
        snap(app, "big-room-several")
        assert tr("play.keys_room_several_short") in app.shown and app.overflows == set()
    finally:
        app.pop_all()


@pytest.mark.parametrize("dyslexia", [False, True], ids=["atkinson", "opendyslexic"])
def test_a_list_of_choices_in_big_text_scrolls_with_a_cue_instead_of_shrinking(shipped, tmp_path, dyslexia):
    """The home screen’s eleven choices at 150 %: each label and description whole at its size (no row squeezed), the
    list scrolling with the focus, a triangle where rows are hidden, and a click on it moving one row."""
    from game.content.summary import scenario_summaries
    from game.paths import shipped_scenarios
    from game.ui.scenes.home import HomeScene

    app = bigger(make_app(shipped, tmp_path), 1.5, dyslexia)
    home = app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    buttons = home.buttons
    app.draw()
    assert len(buttons.visible()) < len(buttons.choices) and 1 in buttons.cues and -1 not in buttons.cues
    labels = set()
    for _ in buttons.choices:  # down the whole list with the arrow
        app.draw()
        assert buttons.focus in buttons.visible()
        labels |= {buttons.choices[i].label for i in buttons.visible()}
        home.handle(Intent("down"))
    assert labels == {c.label for c in buttons.choices}  # every row was shown on the way
    assert app.overflows == set() and app.shrunk == set()  # the labels, and each one's description
    buttons.focus = 0
    buttons.handle(Intent("point", pos=(0, 0)))
    app.draw()
    before = buttons.focus
    buttons.handle(Intent("click", pos=buttons.cues[1].center))
    assert buttons.focus == before + 1
    app.pop_all()


def test_an_event_and_its_effects_flow_over_views_at_the_largest_text(shipped, tmp_path):
    """« Neige sur le plateau » and what it did to two gauges: at 150 % in OpenDyslexic, two views at the body
    size (no blank line opening one), where the text used to shrink below the reader's size."""
    app = bigger(make_app(shipped, tmp_path), 1.5, True)
    play = start_play(app, shipped, "maison-de-region-partenaires", ["Équipe 1"], seed=1)
    rng = random.Random(3)
    while not (play.view.reveal is not None and not play.view.choices):
        assert not play.table.over
        play.table.act(choose(play.table, "best", rng), app.clock())
        play._layout_card()
    shown = []
    for page in range(len(play.reveal_chunks)):
        app.draw()
        shown += play.reveal_chunks[play.page]
        if page < len(play.reveal_chunks) - 1:
            play.handle(Intent("confirm"))
    assert len(play.reveal_chunks) == 2 and all(view[0] for view in play.reveal_chunks)
    assert [change.label in " ".join(shown) for change in play.view.reveal.changes] == [True, True]
    assert app.overflows == set() and app.shrunk == set()
    app.pop_all()


def _until(play, app, found, seed: int = 5, strategy: str = "best") -> None:
    """Play the `strategy`'s answers until `found(play)` (its choices shown where the card is split)."""
    rng = random.Random(seed)
    while True:
        assert not play.table.over
        if play.view.phase == "answer" and play.split and play.story:
            play.show_choices(True)
        if found(play):
            return
        play.table.act(choose(play.table, strategy, rng), app.clock())
        play.story = True
        play._layout_card()


def test_choices_too_long_for_one_view_flow_over_views_and_keep_their_numbers(shipped, snap):
    """At 150 % in OpenDyslexic, a persona's four choices cannot share a view at the reader's size: as many as
    fit on each view, every choice keeping its number; « Autres choix (1/2) » (a click) shows the next, the
    arrows and the numbers show the view of the choice they reach, and nothing is shrunk or cut."""
    app = kept_app(shipped, 1.5)
    try:
        play = start_play(app, shipped, "premiers-pas-administratifs", [f"Équipe {n}" for n in range(1, 4)], seed=5,
                          answering="all")
        _until(play, app, lambda p: p.view.phase == "answer" and len(p.choice_pages) > 1)
        pages = play.choice_pages
        assert sorted(i for page in pages for i in page) == list(range(len(play.view.choices)))
        app.draw()
        snap(app, "big-choice-pages")
        assert tr("play.more_choices", page=1, pages=len(pages)) in app.shown
        assert [bool(r.width) for r in play.answer_rects] == [i in pages[0] for i in range(len(play.view.choices))]
        play.handle(Intent("click", pos=play.continue_rect.center))
        app.draw()
        assert play.choice_page == 1 and all(play.view.choices[i] in app.shown for i in pages[1])
        last = pages[-1][-1]
        play.choice_page = 0
        play._layout_card()
        play.handle(Intent("choose", number=last + 1))  # the first team's answer, entered where it is seen
        assert play.choice_page == len(pages) - 1 and play.view.entries[0] == (last,)
        play.handle(Intent("down"))  # the focus on the next team; the arrows through the choices need a focus
        play.focus = None
        play.handle(Intent("right"))
        assert play.focus == 0 and play.choice_page == 0
        app.draw()
        assert app.overflows == set() and app.shrunk == set()
        # three gauges above three teams do not fit the panel either: « Voir les jauges », and from them the way back
        play.handle(Intent("click", pos=play.shown_half.switch.center))
        app.draw()
        snap(app, "big-side-gauges")
        assert tr("play.side_teams") in app.shown and "Équipe 3" not in app.shown
    finally:
        app.pop_all()


def test_a_debate_too_long_for_one_view_flows_its_hints_over_views(shipped, tmp_path):
    """The debate « Faire à la place d’un jeune pressé… » at 150 % in OpenDyslexic: its question (bold) and hints
    at the body size over as many views as they need, Enter showing the next, the note's box on each; nothing
    shrunk."""
    app = bigger(make_app(shipped, tmp_path), 1.5, True)
    play = start_play(app, shipped, "premiers-pas-administratifs", ["Équipe 1"], seed=1)
    _until(play, app, lambda p: p.view.phase == "discuss")
    assert play.view.face.prompt.startswith("Faire à la place d’un jeune pressé")
    assert len(play.reveal_chunks) > 1
    seen = []
    for page in range(len(play.reveal_chunks)):
        app.draw()
        seen += [play.debate_lines[i] for i in play.debate_pages[play.page]]
        assert tr("play.note_hint") in app.shown
        play.handle(Intent("confirm"))
    assert [line for line in play.debate_lines if line] == [line for line in seen if line]
    assert play.view.phase != "discuss"  # the last view's Enter moves on
    assert app.overflows == set() and app.shrunk == set()
    app.pop_all()


def test_six_teams_and_four_gauges_take_turns_in_the_side_panel_at_the_largest_text(shipped, tmp_path, snap):
    """Six teams and four gauges cannot share the side panel at 150 % in OpenDyslexic: while the room enters its
    answers the panel shows the teams (and « Voir les jauges », a click on it showing the gauges), then the gauges
    (a click on the panel showing the teams again); every text at the reader's size, none cut."""
    app = bigger(make_app(shipped, tmp_path), 1.5, True)
    play = start_play(app, shipped, "maison-de-region-partenaires", [f"Équipe {n}" for n in range(1, 7)], seed=5,
                      answering="all")
    _until(play, app, lambda p: p.view.phase == "answer" and p.view.every_team)
    plan = play.side_plan
    assert plan.views and all(view.size >= app.small for view in plan.views)
    app.draw()
    snap(app, "big-side-teams")
    assert tr("play.side_gauges") in app.shown and "Équipe 6" in app.shown
    assert not any(label in app.shown for label in ("Satisfaction des usagers", "Accès aux droits"))
    play.handle(Intent("click", pos=play.shown_half.switch.center))
    app.draw()
    assert "Satisfaction des usagers" in app.shown and "Équipe 6" not in app.shown
    # four gauges fill the panel: no room for the line back, a click anywhere on the panel shows the teams again
    assert play.shown_half.switch == play.side_plan.views[0].switch and play.shown_half.switch.height > app.line * 2
    play.handle(Intent("click", pos=play.shown_half.switch.center))
    app.draw()
    assert "Équipe 6" in app.shown
    assert app.overflows == set() and app.shrunk == set()
    app.pop_all()


def test_the_end_screen_at_the_largest_text_takes_turns_instead_of_overlapping(shipped, tmp_path, snap):
    """The end of a six-team game at 150 % in OpenDyslexic on 1280×720: the headline, then the teams, the gauges
    and the sheet's line in turns under « Suite (1/n) », each row at the reader's size."""
    from game.ui.scenes.end import EndScene

    app = bigger(make_app(shipped, tmp_path), 1.5, True)
    play = start_play(app, shipped, "maison-de-region-partenaires", [f"Équipe {n}" for n in range(1, 7)], seed=5)
    rng = random.Random(5)
    while not play.table.over:
        play.table.act(choose(play.table, "best", rng), app.clock())
    play.finished()
    end = app.top
    assert isinstance(end, EndScene) and len(end.views) > 1
    seen = set()
    for n in range(len(end.views)):
        app.draw()
        assert tr("play.more", page=n + 1, pages=len(end.views)) in app.shown
        if n == 0:
            snap(app, "big-end-first")
        seen |= set(app.shown)
        end.handle(Intent("choose", number=1))
    assert end.view == 0  # round to the first again
    assert {g.label for g in end.standings.gauges} <= seen and end.sheet_line() in seen
    assert app.overflows == set() and app.shrunk == set()
    app.pop_all()


def test_a_question_with_several_answers_in_big_text_says_how_in_short_beside_its_button(shipped, snap):
    """At 150 % in OpenDyslexic, « Plusieurs réponses : cochez-les par leur numéro, puis Entrée » would not fit
    beside « Valider » at the reader's secondary size: its short form does, and the button is as wide as its word."""
    app = kept_app(shipped, 1.5)
    try:
        play = start_play(app, shipped, "atelier-teletravail", ["Équipe 1", "Équipe 2"], seed=3, answering="all")
        _until(play, app, lambda p: p.view.phase == "answer" and p.view.several, strategy="worst")
        app.draw()
        snap(app, "big-multiple")
        assert tr("play.multiple_short") in app.shown and tr("play.multiple") not in app.shown
        assert play.validate_rect.width < app.body * 9
        assert app.overflows == set() and app.shrunk == set()
    finally:
        app.pop_all()
