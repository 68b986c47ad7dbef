"""Session plans, as a trainer uses them: the cards chosen for an audience, the set-up saved from the teams screen,
started again from the command line and from the home screen; a plan that no longer matches its decks said at its
line; the last workshop's teams offered again."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.content.plan import plan_text, read_plan
from game.content.summary import scenario_summaries
from game.engine.draw import out_of_reach
from game.paths import shipped_scenarios
from game.session.log import read_log
from game.session.start import SessionStart
from game.ui.intents import Act, Intent
from game.ui.scenes.home import HomeScene
from game.ui.scenes.setup import SetupScene
from game.ui.settings import Settings
from tests.snapshot import OUTPUT
from tests.test_cli import keyboard
from tests.ui_support import START, key, make_app, render, type_text

ROOT = Path(__file__).parent.parent
SCENARIO = "atelier-teletravail"
CHOSEN = ["tt-001", "tt-004", "tt-010", "tt-d02"]


def _plan(tmp_path: Path, body: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


GOOD = f"""\
plan:
  title: "Atelier des managers"
  scenario: {SCENARIO}
  teams:
    - "Équipe Nord"
    - "Équipe Sud"
    - "Équipe Est"
  answering: all
  cards:
""" + "".join(f"    - {card}\n" for card in CHOSEN) + """\
  decks:
    teletravail: 2
"""


def _started(folder: Path) -> SessionStart:
    logs = sorted(folder.glob("*.jsonl"))
    assert len(logs) == 1, logs
    return SessionStart.from_json(read_log(logs[0]).events[0])


# -- the cards a session plays ------------------------------------------------------------------------

@pytest.mark.parametrize("answering", ["all", "rotation"])
@pytest.mark.parametrize("teams", [1, 3, 6])
def test_every_chosen_card_is_played_and_no_other(shipped, answering, teams):
    for scenario_id, loaded in shipped.scenarios.items():
        info, pool = loaded.info, shipped.pool(loaded.info)
        if teams > info.team_range.max:
            continue
        chosen = [card.id for card in pool][1::4][:9]
        start = SessionStart.new(info, pool, [f"É{n}" for n in range(teams)], 3, 0.0, shipped.aspect_labels(info),
                                 answering=answering if info.team_range.max > 1 else None, chosen=chosen)
        assert sorted(card.id for card in start.cards) == sorted(chosen), (scenario_id, teams, answering)
        assert set(start.panorama or ()) >= {c.aspect for c in start.cards if c.scores_aspect}


def test_the_panorama_stays_the_scenarios_and_a_missing_aspect_is_out_of_reach(shipped):
    info = shipped.scenarios[SCENARIO].info
    pool = shipped.pool(info)
    start = SessionStart.new(info, pool, ["A", "B"], 1, 0.0, shipped.aspect_labels(info), answering="all",
                             chosen=CHOSEN)
    everything = SessionStart.new(info, pool, ["A", "B"], 1, 0.0, shipped.aspect_labels(info), answering="all")
    assert start.panorama == everything.panorama
    left = out_of_reach(start.cards, 1, set(start.panorama or ()))
    assert left == set(start.panorama or ()) - {c.aspect for c in start.cards if c.scores_aspect} and left


# -- the plan file ---------------------------------------------------------------------------------------

def test_a_plan_written_by_the_program_reads_back_the_same_and_passes_its_schema(shipped, tmp_path):
    plan = read_plan(_plan(tmp_path, GOOD), shipped)
    assert plan.errors == [] and plan.notes == []
    again = read_plan(_plan(tmp_path, plan_text(plan.info, "Un plan\nsur deux lignes"), "again.yaml"), shipped)
    assert again.info == plan.info and again.errors == []
    schema = json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(_yaml(tmp_path / "again.yaml"))


def _yaml(path: Path):
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("change", "line", "column", "said"), [
    (("scenario: atelier-teletravail", "scenario: atelier-teletravial"), 3, 13,
     "le scénario « atelier-teletravial » n’existe pas : vouliez-vous dire « atelier-teletravail » ?"),
    (("    - tt-010\n", "    - tt-999\n"), 12, 7, "la carte « tt-999 » n’existe plus dans les decks du scénario"),
    (("    - tt-010\n", "    - tt-001\n"), 12, 7, "la carte « tt-001 » est choisie deux fois"),
    (("    - tt-010\n", "    - pf-001\n"), 12, 7, "la carte « pf-001 » n’est pas dans les decks du scénario"),
    (('    - "Équipe Est"\n', '    - "Équipe Est"\n' + "".join(f'    - "É{n}"\n' for n in range(4))), 5, 5,
     "« teams » contient trop d’éléments : 6 au plus"),
    (('    - "Équipe Est"\n', '    - "Équipe Sud"\n'), 7, 7, "l’équipe « Équipe Sud » est nommée deux fois"),
    (('    - "Équipe Est"\n', '    - "Une équipe au nom bien trop long"\n'), 7, 7, "caractères"),
    (("answering: all", "answering: tous"), 8, 14, "answering"),
    (("plan:\n", "plan:\n  date: demain\n"), 2, 3, "date"),
    (('title: "Atelier des managers"', 'title: "' + "Atelier " * 600 + '"'), 2, 10, "60"),
    (('    - "Équipe Sud"\n    - "Équipe Est"\n', ""), 5, 5, "1 équipe, mais ce scénario se joue de 2 à 6 équipes"),
])
def test_each_mistake_of_a_plan_is_one_sentence_at_its_line_and_nothing_is_played(shipped, tmp_path, capsys, change,
                                                                                  line, column, said):
    path = _plan(tmp_path, GOOD.replace(*change))
    errors = read_plan(path, shipped).errors
    assert [(e.line, e.column) for e in errors] == [(line, column)], [str(e) for e in errors]
    assert said in str(errors[0].message).replace("\xa0", " ")
    code = main(["play", "--plan", str(path), "--console", "--sessions-dir", str(tmp_path / "s")])
    err = capsys.readouterr().err.replace("\xa0", " ")
    assert code == 1 and f"plan.yaml:{line}:{column}: " in err and "Traceback" not in err
    assert not (tmp_path / "s").exists() or not list((tmp_path / "s").glob("*.jsonl"))


def test_a_plan_for_a_solo_scenario_with_an_answering_mode_and_a_missing_file_are_refused(shipped, tmp_path, capsys):
    path = _plan(tmp_path, "plan:\n  title: Moi\n  scenario: accueil-france-services\n  teams: [Moi]\n  answering: all\n")
    assert [(e.line, str(e.message).replace("\xa0", " ")) for e in read_plan(path, shipped).errors] == [
        (5, "un scénario en solo n’a qu’un joueur : retirez « answering »")]
    assert main(["play", "--plan", str(tmp_path / "absent.yaml")]) == 2
    assert "absent.yaml" in capsys.readouterr().err
    assert read_plan(_plan(tmp_path, "deck:\n  id: x\n", "deck.yaml"), shipped).errors[0].message.key == \
        "plan.not_a_plan"


def test_a_deck_changed_since_the_plan_is_said_and_the_plan_still_plays(shipped, tmp_path, capsys, monkeypatch):
    path = _plan(tmp_path, GOOD.replace("teletravail: 2", "teletravail: 1"))
    monkeypatch.setattr("builtins.input", keyboard(["p"], limit=0))  # the trainer pauses at once
    main(["play", "--plan", str(path), "--console", "--sessions-dir", str(tmp_path / "s")])
    err = capsys.readouterr().err.replace("\xa0", " ")
    assert "plan.yaml:15:18: le deck « teletravail » a changé depuis ce plan (version 1, maintenant 2)" in err
    start = _started(tmp_path / "s")
    assert start.teams == ("Équipe Nord", "Équipe Sud", "Équipe Est") and start.scenario.answering == "all"
    assert sorted(card.id for card in start.cards) == sorted(CHOSEN)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.sampled_from(["plan", "title", "scenario", "teams", "cards", "answering", "decks", "x"]),
                        inner, max_size=5), max_leaves=12))
def test_any_yaml_in_a_plan_file_gives_sentences_or_a_plan_never_an_exception(shipped, tmp_path, data):
    import yaml

    path = tmp_path / "any.yaml"
    path.write_text(yaml.safe_dump({"plan": data}, allow_unicode=True), encoding="utf-8")
    plan = read_plan(path, shipped)
    assert plan.errors or (plan.info is not None and plan.scenario is not None)
    assert all(e.line >= 1 and e.column >= 1 and str(e.message) for e in plan.errors)


# -- on screen ------------------------------------------------------------------------------------------

@pytest.fixture
def app(shipped, tmp_path):
    made = make_app(shipped, tmp_path / "sessions")
    yield made
    made.pop_all()


def test_cards_chosen_on_screen_and_saved_start_the_same_workshop_from_the_command_line(app, tmp_path, capsys,
                                                                                       monkeypatch):
    setup = app.push(SetupScene(app, app.library.scenarios[SCENARIO].info, names=["Nord", "Sud", "Est"]))
    key(app, pygame.K_s, "s")  # the card selection, though S also means "skip" during play
    chooser = app.top
    assert chooser is not setup
    chooser.choose("aspect:technique")  # a whole aspect, then one card more and one card less
    chooser.choose("card:tt-001")
    technique = [c.id for c in app.library.pool(setup.scenario) if c.aspect == "technique"]
    chooser.choose(f"card:{technique[0]}")
    render(app)
    assert any(text.startswith(f"{len(technique)} cartes · environ ") for text in app.shown)
    assert any("ne peut plus compléter son panorama" in text for text in app.shown)
    key(app, pygame.K_v, "v")
    assert app.top is setup and sorted(setup.chosen) == sorted(["tt-001", *technique[1:]])
    key(app, pygame.K_p, "p")
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=pygame.KMOD_CTRL, unicode="", scancode=0))
    type_text(app, "Atelier technique")
    key(app, pygame.K_RETURN)
    saved = app.plans_dir / "atelier-technique.yaml"
    assert saved.is_file() and "Plan enregistré" in " ".join(setup.lines())
    monkeypatch.setattr("builtins.input", keyboard(["p"], limit=0))
    assert main(["play", "--plan", str(saved), "--console", "--sessions-dir", str(tmp_path / "cli")]) == 0
    start = _started(tmp_path / "cli")
    assert start.teams == ("Nord", "Sud", "Est") and sorted(c.id for c in start.cards) == sorted(setup.chosen)


def test_more_teams_in_turn_than_the_time_serves_is_a_sentence_not_a_traceback(shipped, tmp_path, capsys):
    """Found by a review: the plan's own checks passed, and the draw refused with an exception."""
    body = GOOD.replace("answering: all", "answering: rotation").split("  cards:")[0]
    body = body.replace('    - "Équipe Est"\n', "".join(f'    - "Équipe {n}"\n' for n in range(3, 7)))
    path = _plan(tmp_path, body)
    assert read_plan(path, shipped).errors == []
    code = main(["play", "--plan", str(path), "--console", "--sessions-dir", str(tmp_path / "s")])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and "équipes" in err


def test_a_saved_plan_starts_from_the_home_screen(app, tmp_path):
    app.plans_dir.mkdir(parents=True)
    _plan(app.plans_dir, GOOD, "managers.yaml")
    home = app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    assert "plans" in [c.key for c in home.buttons.choices]
    key(app, pygame.K_p, "p")  # P: the plans, though P also pauses a session
    key(app, pygame.K_1, "1")
    setup = app.top
    assert isinstance(setup, SetupScene) and setup.names == ["Équipe Nord", "Équipe Sud", "Équipe Est"]
    setup.start()
    start = _started(app.sessions_dir)
    assert sorted(c.id for c in start.cards) == sorted(CHOSEN) and start.scenario.answering == "all"


def test_a_plan_that_no_longer_matches_says_why_on_screen(app):
    app.plans_dir.mkdir(parents=True)
    _plan(app.plans_dir, GOOD.replace("tt-010", "tt-999"), "vieux.yaml")
    app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    key(app, pygame.K_p, "p")
    key(app, pygame.K_1, "1")
    render(app)
    shown = [text.replace("\xa0", " ") for text in app.shown]
    assert any("vieux.yaml:12:7: la carte « tt-999 » n’existe plus" in text for text in shown)
    assert any(text.startswith("Corrigez le plan") for text in shown)


def test_the_last_workshops_teams_and_answering_come_back(shipped, tmp_path):
    settings_path = tmp_path / "affichage.json"
    first = make_app(shipped, tmp_path / "sessions")
    first.settings_path = settings_path
    setup = first.push(SetupScene(first, shipped.scenarios[SCENARIO].info, names=["Nord", "Sud", "Est"],
                                  answering="rotation"))
    setup.start()
    first.pop_all()
    assert Settings.load(settings_path).teams == ["Nord", "Sud", "Est"]
    again = make_app(shipped, tmp_path / "sessions")
    again.settings = Settings.load(settings_path)
    setup = again.push(SetupScene(again, shipped.scenarios[SCENARIO].info))
    assert setup.names == ["Nord", "Sud", "Est"] and setup.answering == "rotation"
    narrow = again.push(SetupScene(again, shipped.scenarios["decouverte"].info))  # two teams at most
    assert narrow.names == ["Nord", "Sud"]
    again.pop_all()


def test_unreadable_remembered_teams_are_forgotten(tmp_path):
    path = tmp_path / "affichage.json"
    path.write_text(json.dumps({"teams": ["ok", 3], "answering": "maybe"}), encoding="utf-8")
    assert (Settings.load(path).teams, Settings.load(path).answering) == ([], "")


# -- what the screens look like ------------------------------------------------------------------------

@pytest.fixture
def fixed(shipped):
    """A folder whose name does not change between runs: the plans screen shows it."""
    folder = OUTPUT / "plans-test" / "sessions"
    shutil.rmtree(folder.parent, ignore_errors=True)
    made = make_app(shipped, folder)
    yield made
    made.pop_all()


def test_the_card_selection_and_the_plans_screens(fixed, snap):
    setup = fixed.push(SetupScene(fixed, fixed.library.scenarios[SCENARIO].info, names=["Nord", "Sud", "Est"]))
    setup.choose("select")
    fixed.top.choose("done")  # nothing ticked yet: refused, and said
    snap(fixed, "choose-none")
    fixed.pop()
    fixed.top.choose("aspect:reglementaire")
    fixed.top.choose("kind:debate")
    snap(fixed, "choose-cards-top")
    for _ in range(12):  # down to the cards themselves
        fixed.top.handle(Intent(Act.DOWN))
    snap(fixed, "choose-cards")
    fixed.top.choose("done")
    snap(fixed, "setup-chosen")
    setup.choose("plan")
    snap(fixed, "setup-plan-title")
    setup.handle(Intent(Act.CONFIRM))
    snap(fixed, "setup-plan-saved")
    saved = fixed.plans_dir / "atelier-teletravail.yaml"
    os.utime(saved, (START, START))  # the plans screen says when it was saved
    fixed.pop_all()
    home = fixed.push(HomeScene(fixed, scenario_summaries(shipped_scenarios())))
    home.buttons.focus = [c.key for c in home.buttons.choices].index("plans")
    snap(fixed, "home-plans")
    home.choose("plans")
    snap(fixed, "plans")



def test_a_plan_that_cannot_be_written_says_why_and_one_card_is_said_in_the_singular(shipped, snap):
    folder = OUTPUT / "plans-blocked" / "sessions"
    shutil.rmtree(folder.parent, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder.parent / "plans").write_text("un fichier à la place du dossier", encoding="utf-8")
    app = make_app(shipped, folder)
    setup = app.push(SetupScene(app, shipped.scenarios[SCENARIO].info, names=["Nord", "Sud"], chosen=["tt-001"]))
    setup.choose("plan")
    setup.handle(Intent(Act.CONFIRM))
    snap(app, "setup-plan-failed")
    assert "Le plan n’a pas pu être enregistré dans tests/_output/plans-blocked" in " ".join(setup.lines())
    assert setup.plan is None
    app.pop_all()


def test_a_plan_that_no_longer_matches_looks(shipped, snap):
    folder = OUTPUT / "plans-stale" / "sessions"
    shutil.rmtree(folder.parent, ignore_errors=True)
    app = make_app(shipped, folder)
    app.plans_dir.mkdir(parents=True)
    _plan(app.plans_dir, GOOD.replace("tt-010", "tt-999").replace("teletravail: 2", "teletravail: 1"), "vieux.yaml")
    app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    app.top.choose("plans")
    app.top.choose("plan:0")
    snap(app, "plans-not-opened")
    app.pop_all()


def test_two_teams_of_one_name_are_refused_on_screen_and_never_remembered_twice(shipped, tmp_path, snap):
    """A plan refuses two teams of one name; the setup screen let them be typed, saved the plan, then refused it."""
    app = make_app(shipped, tmp_path)
    setup = app.push(SetupScene(app, shipped.scenarios[SCENARIO].info, names=["Nord", "Sud"]))
    setup.choose("name:1")
    for _ in range(3):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "Nord")
    key(app, pygame.K_RETURN)
    assert setup.editing == 1 and setup.names == ["Nord", "Nord"]  # still being typed, and said
    snap(app, "setup-name-taken")
    for _ in range(4):
        key(app, pygame.K_BACKSPACE)
    key(app, pygame.K_RETURN)  # emptied: a default name no team has
    assert setup.editing is None and setup.names == ["Nord", "Équipe 2"]
    app.settings.teams = ["Équipe 2"]  # remembered from a one-team workshop of a scenario allowing it
    again = app.push(SetupScene(app, shipped.scenarios[SCENARIO].info))
    assert again.names == ["Équipe 2", "Équipe 1"]
    app.pop_all()


def test_a_plan_started_from_the_command_line_keeps_its_title_and_a_first_plan_shows_at_home(shipped, tmp_path,
                                                                                            monkeypatch):
    from game.cli.screen import run_screen

    path = _plan(tmp_path, GOOD, "atelier-managers.yaml")
    app = make_app(shipped, tmp_path / "sessions")
    monkeypatch.setattr("game.cli.screen.open_app", lambda *a, **k: app)
    monkeypatch.setattr(type(app), "run", lambda self, max_frames=None: None)
    args = main.__globals__["build_parser"]().parse_args(["play", "--plan", str(path)])
    run_screen(args, shipped, shipped.scenarios[SCENARIO].info, None, None)
    setup = app.top
    assert isinstance(setup, SetupScene) and setup.plan_title == "Atelier des managers" and setup.plan == path
    app.pop_all()
    home_app = make_app(shipped, tmp_path / "other")
    home = home_app.push(HomeScene(home_app, scenario_summaries(shipped_scenarios())))
    assert "plans" not in [c.key for c in home.buttons.choices]
    setup = home_app.push(SetupScene(home_app, shipped.scenarios[SCENARIO].info))
    setup.save_plan("Premier plan")
    home_app.pop()  # back home: the plan just saved is there
    assert "plans" in [c.key for c in home.buttons.choices]
    home_app.pop_all()
