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


@pytest.mark.parametrize("scale", [1.15, 1.5])
@pytest.mark.parametrize("dyslexia", [False, True], ids=["atkinson", "opendyslexic"])
@pytest.mark.parametrize("scenario_id", SHIPPED_SCENARIOS)
def test_every_scenario_plays_to_its_end_with_no_text_cut(shipped, tmp_path, scenario_id, dyslexia, scale):
    """The autopilot presses the keys a facilitator would, through every card, reveal and view, with 1, 3 and 6
    teams (as the scenario allows); any text cut on the way is in `app.overflows` (and said on stderr)."""
    info = shipped.scenarios[scenario_id].info
    counts = [1] if info.mode == "solo" else [n for n in (1, 3, 6) if info.team_range.min <= n <= info.team_range.max]
    for teams in counts:
        folder = tmp_path / str(teams)
        app = bigger(make_app(shipped, folder), scale, dyslexia)
        app.clock = __import__("time").time  # the autopilot paces itself on the clock the loop reads
        table = Table.start_new(folder, info, shipped.pool(info), team_names(info, teams), 3,
                                shipped.aspect_labels(info), app.clock(), at_end=sheet_at_end)
        app.push(Screen.PLAY, table=table)
        app.on_idle = Autopilot(seed=3, delay=0.0)
        app.run()
        assert table.over, (scenario_id, teams)
        assert app.overflows == set(), (scenario_id, teams, scale, dyslexia)


def test_a_long_reveal_flows_over_views_and_its_source_is_never_dropped(shipped, snap):
    """At 150 % in OpenDyslexic, the explanation, its source and the answers take three views: Enter or the
    button shows the next, ← the one before, and only the last moves on to the next card."""
    folder = OUTPUT / "sessions-big"
    shutil.rmtree(folder, ignore_errors=True)
    app = bigger(make_app(shipped, folder), 1.5, True)
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
    folder = OUTPUT / "sessions-big"
    shutil.rmtree(folder, ignore_errors=True)
    app = bigger(make_app(shipped, folder), 1.15, True)
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
    folder = OUTPUT / "sessions-big"
    shutil.rmtree(folder, ignore_errors=True)
    app = bigger(make_app(shipped, folder), 1.15, True)
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
    """The home screen's eleven choices at 150 %: each label whole at its size (no row squeezed below it), the
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
    assert app.overflows == set() and not app.shrunk & labels
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
