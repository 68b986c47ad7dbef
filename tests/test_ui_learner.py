"""The learner's screens: the end of a training session (score, mistakes with the right answer, when they come
back, « Revoir mes erreurs »), then their progress."""

from __future__ import annotations

import shutil

import pytest

from game.debrief.ending import sheet_at_end
from game.progress.training import Theme, training_scenario
from game.table.table import Table
from game.ui.intents import Intent
from game.ui.scenes.learned import LearnedScene
from tests.snapshot import OUTPUT
from tests.ui_support import make_app


@pytest.fixture
def app(shipped):
    """A window whose sessions go to a fixed folder: the end screen names its sheet's file and folder."""
    folder = OUTPUT / "sessions-learner"
    shutil.rmtree(folder, ignore_errors=True)
    made = make_app(shipped, folder)
    yield made
    made.pop_all()


def train(app, seed: int, number: int):
    """A training session played on screen, answering `number` to every card; the scene it ends on."""
    library = app.library
    scenario = training_scenario(library, Theme(deck="teletravail"), 5)
    table = Table.start_new(app.sessions_dir, scenario, library.pool(scenario), ["Camille"], seed,
                            library.aspect_labels(scenario), app.clock(), session_id=f"learner-{seed}",
                            profile="Camille", origins=library.origins(scenario), at_end=sheet_at_end)
    play = app.replace("play", table=table)
    for _ in range(300):  # at big text sizes, a card and its reveal take more views, so more keys
        if table.over:
            break
        app.clock.advance(20)
        if play.view.phase == "answer":
            play.handle(Intent("choose", number=number))
        play.handle(Intent("next"))
    assert table.over
    return app.top


def test_a_training_session_ends_on_the_learners_score_and_mistakes_then_reviews_them(app, snap):
    ended = train(app, 5, 1)
    assert isinstance(ended, LearnedScene)
    ending = ended.ending
    assert ending.missed and ending.answered == 5 and ending.right == 5 - len(ending.missed)
    snap(app, "learned")
    texts = "\n".join(app.shown)
    first = ending.missed[0].first
    assert f"Score : {ending.right} sur 5" in texts.replace("\u00a0", " ")
    assert first.prompt in texts and first.right in texts and f"Revoir mes erreurs ({len(ending.missed)})" in texts
    if len(ending.missed) > 1:
        ended.handle(Intent("down"))
        app.draw()
        assert ending.missed[1].first.prompt in app.shown
    ended.choose("review")
    review = app.top.table
    assert [c.id for c in review.start.cards] == [m.item for m in ending.missed]



def test_a_profile_is_renamed_then_deleted_from_the_progress_screen(app):
    from game.progress.sync import open_store
    from game.ui.scenes.train import TrainScene

    train(app, 5, 1)
    app.settings.profile = "Camille"
    training = app.replace(TrainScene(app, profile="Camille"))
    training.choose("progress")
    progress = app.top
    assert [c.key for c in progress.buttons.choices][-3:] == ["rename", "delete", "back"]
    for name in ("Camille M.", "Camille Martin"):  # a full stop is refused by the profile rule, said on screen
        progress.choose("rename")
        assert progress.typing
        for text in name:
            progress.handle(Intent("text", text=text))
        progress.handle(Intent("confirm"))
    assert progress.status.replace("\u00a0", " ") == "Profil renommé : Camille Martin."
    store = open_store(app.sessions_dir)
    assert store.profiles() == ["Camille Martin"] and store.answers("Camille Martin")
    store.close()
    assert progress.profile == training.profile == app.settings.profile == "Camille Martin"
    progress.choose("delete")
    app.top.choose("no")  # the confirmation, answered no: nothing is deleted
    assert list(app.sessions_dir.glob("*.jsonl"))
    progress.choose("delete")
    app.top.choose("yes")
    assert not list(app.sessions_dir.glob("*.jsonl")) and not progress.report.answers
    assert app.settings.profile == "" and training.profile != "Camille Martin"


def test_with_nothing_due_today_the_training_screen_says_when_the_next_review_is(app, snap):
    """Mistakes reviewed right today come back another day: the review row is gone, and the screen says when."""
    import random

    from game.present.bots import choose
    from game.ui.scenes.train import TrainScene

    ended = train(app, 5, 1)
    assert ended.ending.missed
    ended.choose("review")
    table, rng = app.top.table, random.Random(1)
    while not table.over:
        app.clock.advance(20)
        table.act(choose(table, "best", rng), app.clock())
    training = app.replace(TrainScene(app, profile="Camille"))
    assert "review" not in [c.key for c in training.buttons.choices]
    snap(app, "train-next-review")
    said = " ".join(training.lines()).replace("\u00a0", " ").replace("\u202f", " ")
    assert "Prochaine révision le " in said and "à revoir." in said
