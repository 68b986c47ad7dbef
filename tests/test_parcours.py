"""Parcours: an usager’s story over several steps, each choice leading to a step or an outcome, played by the
pure rules, logged and replayed, checked by `validate` at the place of each broken link."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.content.library import load_library
from game.content.models import best_path
from game.debrief.ending import sheet_at_end
from game.engine.vocabulary import Action, ActionType, Phase
from game.table.table import Table
from tests.conftest import displayed

FOLDER = Path(__file__).parent / "parcours"
NEXT = Action(ActionType.NEXT)


@pytest.fixture(scope="module")
def library():
    loaded = load_library([(FOLDER, True)])
    assert loaded.errors == []
    return loaded


def answer(choice: int) -> Action:
    return Action(ActionType.ANSWER, (choice,))


def table(library, tmp_path: Path | None = None, teams=("A", "B")) -> Table:
    info = library.scenarios["essai-parcours"].info
    card = library.decks["essai-parcours"].cards[0]
    if tmp_path is None:
        return Table.dealt(info, [card], list(teams), {"accueil": "Accueil"}, 0.0)
    return Table.start_new(tmp_path, info, [card], list(teams), 1, {"accueil": "Accueil"}, 0.0, session_id="p", at_end=sheet_at_end)


def walk(t: Table, choices: list[int]) -> None:
    now = 1.0
    for choice in choices:
        t.act(answer(displayed(t, choice)), now)
        t.act(NEXT, now + 1)
        now += 2


def test_each_choice_leads_to_its_step_and_the_path_ends_at_an_outcome(library):
    t = table(library)
    assert t.view().step.id == "accueil" and t.view().step_number == 1
    t.act(answer(1), 1.0)  # "revenir avec un rendez-vous": confiance 5 → 3
    assert t.view().reveal.reached is None
    t.act(NEXT, 2.0)
    view = t.view()
    assert view.phase == Phase.ANSWER and view.step.id == "retour" and view.step_number == 2
    assert view.team == 0  # the same team follows the usager to the end of her parcours
    assert view.choices == ("L'accompagner au point numérique pour déposer en ligne", "Lui redonner l'adresse du site")
    t.act(answer(0), 3.0)  # confiance 4 < 5: the gauge condition fails, the default route is taken
    reveal = t.view().reveal
    assert reveal.reached.id == "hors-delai" and reveal.reached.result == "failure"
    assert [p.step.id for p in t.history()] == ["accueil", "retour"]
    t.act(NEXT, 4.0)
    assert t.view().phase == Phase.OVER


def test_a_flag_set_earlier_opens_a_route_later(library):
    t = table(library)
    walk(t, [0, 0])  # the list checked together (flag liste-fiable), then the missing piece explained
    assert [(p.step.id, p.reached.id if p.reached else "") for p in t.history()] == \
        [("accueil", ""), ("depot", "recepisse")]


def test_a_gauge_condition_reads_the_gauges_after_the_choice(library):
    card = library.decks["essai-parcours"].cards[0]
    assert card.route("retour", 0, frozenset(), {"confiance": 4}) == "hors-delai"  # 4 + 1 = 5 is read by the engine
    assert card.route("retour", 0, frozenset(), {"confiance": 5}) == "recepisse"
    assert card.route("retour", 0, frozenset(), {}) == "hors-delai"  # a gauge the scenario lacks never holds


def test_the_best_path_follows_the_best_options(library):
    card = library.decks["essai-parcours"].cards[0]
    assert best_path(card, {"confiance": 5, "charge": 3}) == (("accueil", "depot"), "recepisse")


def test_undo_goes_back_a_step_of_the_parcours(library):
    t = table(library)
    walk(t, [1])
    assert t.view().step.id == "retour"
    t.act(Action(ActionType.UNDO), 10.0)  # back to the reveal of the first step
    t.act(Action(ActionType.UNDO), 10.0)  # back to the first step, unanswered
    assert t.view().step.id == "accueil" and t.view().phase == Phase.ANSWER and t.history() == ()


def test_the_log_replays_the_path_taken(library, tmp_path):
    t = table(library, tmp_path)
    walk(t, [1, 0])
    from game.session.log import read_log

    routes = [(e["step"], e["to"]) for e in read_log(t.path).events if e.get("type") == "route"]
    assert routes == [("accueil", "retour"), ("retour", "hors-delai")]  # the path, readable in the log itself
    again = Table.resume(t.path, now=100.0, at_end=sheet_at_end)
    assert [(p.step.id, p.reached.id if p.reached else "") for p in again.history()] == \
        [("accueil", ""), ("retour", "hors-delai")]


def test_every_team_answering_follows_the_rooms_choice(library):
    info = library.scenarios["essai-parcours"].info.model_copy(update={"answering": "all"})
    card = library.decks["essai-parcours"].cards[0]
    t = Table.dealt(info, [card], ["A", "B", "C"], {"accueil": "Accueil"}, 0.0)
    t.act(Action(ActionType.ANSWER, (), teams=((0,), (1,), (0,))), 1.0)
    t.act(NEXT, 2.0)
    assert t.view().step.id == "depot"  # two teams of three chose to check the list together


LOOP = """deck:
  id: boucle
  title: Boucle
  license: CC-BY-4.0
  aspects: {accueil: Accueil}
cards:
  - id: bo-001
    kind: parcours
    aspect: accueil
    name: Paul
    age: 40
    situation: "Il revient encore."
    need: "Un rendez-vous."
    steps:
      - id: guichet
        prompt: "Paul est au guichet."
        options:
          - {text: "Le renvoyer", rating: best, feedback: "Il reviendra.", next: guichet}
          - {text: "L’orienter", rating: poor, feedback: "Il part.", next: fin}
    outcomes:
      - {id: fin, title: "Orienté", result: success, feedback: "Il a sa réponse."}
"""


def test_a_loop_the_best_choice_keeps_is_ended_after_a_bounded_number_of_steps(tmp_path):
    from game.content.kinds import MAX_PARCOURS_STEPS
    from game.content.models import ScenarioInfo

    path = tmp_path / "boucle.yaml"
    path.write_text(LOOP, encoding="utf-8")
    card = load_library([(path, True)]).decks["boucle"].cards[0]
    info = ScenarioInfo(id="b", title="B", description="B", mode="solo", minutes={"target": 10, "max": 20},
                        timed=False, decks=["boucle"], win="points")
    t = Table.dealt(info, [card], ["Seul"], {"accueil": "Accueil"}, 0.0)
    walk(t, [0] * MAX_PARCOURS_STEPS)
    assert t.view().phase == Phase.OVER and len(t.history()) == MAX_PARCOURS_STEPS
    assert best_path(card) == (("guichet",) * MAX_PARCOURS_STEPS, "")


BROKEN = {
    "next: depot": ("next: depots", "26:19", "« depots » n’est ni une étape ni une issue de ce parcours : vouliez-vous "
                    "dire « depot » ?"),
    "{when: {flag: liste-fiable}, to: recepisse}": ("{when: {flag: liste-fiabl}, to: recepisse}", "56:31",
                                                     "le drapeau « liste-fiabl » n’est posé par aucune option"),
    "              - {to: hors-delai}\n          - text: \"Lui conseiller": (
        "              - {when: {no_flag: liste-fiable}, to: hors-delai}\n          - text: \"Lui conseiller", "56:15",
        "chaque route de « next » a une condition"),
    "            next: retour\n": ("            next: hors-delai\n", "32:13",
                                   "aucun choix ne mène à l’étape « retour » depuis la première étape"),
    "{when: {gauge: confiance, at_least: 5}, to: recepisse}": (
        "{when: {gauge: confiance, at_least: 5, below: 8}, to: recepisse}", "41:24",
        "une condition sur une jauge donne « gauge » avec « at_least »"),
}


@pytest.mark.parametrize("original", list(BROKEN), ids=["nowhere", "flag", "no-default", "unreached", "condition"])
def test_validate_reports_a_broken_link_at_its_place_and_play_refuses_it(original, tmp_path, capsys):
    changed, place, phrase = BROKEN[original]
    for name in ("deck.yaml", "scenario.yaml"):
        text = (FOLDER / name).read_text(encoding="utf-8")
        if name == "deck.yaml":
            assert original in text
            text = text.replace(original, changed, 1)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["validate", "--no-layout", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"deck.yaml:{place}: " in err and phrase in err, err
    assert main(["simulate", "--scenario", str(tmp_path / "scenario.yaml")]) != 0


def test_a_step_with_no_way_out_is_refused(tmp_path, capsys):
    path = tmp_path / "boucle.yaml"
    path.write_text(LOOP.replace("next: fin}", "next: guichet}"), encoding="utf-8")
    assert main(["validate", "--no-layout", str(path)]) == 1
    err = capsys.readouterr().err
    assert "depuis l’étape « guichet », aucune suite de choix ne mène à une issue" in err


def test_simulate_reports_each_outcome_and_what_no_session_reached(capsys):
    scenario = str(FOLDER / "scenario.yaml")
    assert main(["simulate", "--scenario", scenario, "--sessions", "200"]) == 0
    out = capsys.readouterr().out
    shares = [line for line in out.splitlines() if line.startswith("  ep-001 (Amina) : ")]
    assert len(shares) == 1 and "recepisse" in shares[0] and "hors-delai" in shares[0]
    assert "jamais atteinte" not in out  # random choices reach both outcomes and every step
    assert main(["simulate", "--scenario", scenario, "--sessions", "50", "--strategy", "best"]) == 0
    out = capsys.readouterr().out
    assert "  ep-001 (Amina) : recepisse 100,0 %, hors-delai 0,0 %" in out
    assert "    ⚠ jamais atteinte : hors-delai" in out and "    ⚠ étape jamais atteinte : retour" in out


def test_simulate_says_when_a_loop_held_the_parcours(tmp_path, capsys):
    (tmp_path / "boucle.yaml").write_text(LOOP, encoding="utf-8")
    (tmp_path / "scenario.yaml").write_text("""scenario:
  id: boucle
  title: Boucle
  description: Une boucle.
  mode: solo
  timed: false
  minutes: 10
  decks: [boucle]
  win: points
""", encoding="utf-8")
    assert main(["simulate", "--scenario", str(tmp_path / "scenario.yaml"), "--strategy", "best",
                 "--sessions", "3"]) == 0
    out = capsys.readouterr().out
    assert "  bo-001 (Paul) : fin 0,0 %, interrompu 100,0 %" in out
    assert "    ⚠ boucle sans fin : 3 parcours arrêtés après 30 étapes" in out


def test_the_sheet_draws_the_path_taken_beside_the_best_one(library, tmp_path):
    from tests.test_debrief import pdf_text

    t = table(library, tmp_path)
    walk(t, [1, 0])
    text = pdf_text(t.sheet.pdf)
    diagram = text[text.index("Les parcours des usagers"):text.index("Les cartes jouées")]
    for words in ("Amina, 24 ans — Demander son premier titre de séjour.", "Chemin pris", "Premier accueil",
                  "réponse à éviter", "Retour au guichet", "Visa expiré avant le dépôt", "issue défavorable",
                  "Meilleurs choix", "Dépôt en ligne", "Attestation de prolongation", "issue favorable"):
        assert words in diagram, words
    import csv

    rows = list(csv.reader(t.sheet.csv.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [row[13:15] for row in rows[1:]] == [["Premier accueil", ""], ["Retour au guichet", "Visa expiré avant le dépôt"]]
    other = table(library, tmp_path / "best")
    walk(other, [0, 0])
    assert "C’est aussi le chemin des meilleurs choix." in pdf_text(other.sheet.pdf)


def test_validate_measures_every_step_and_every_outcome_on_screen(tmp_path, capsys):
    """A text of a later step, or an outcome reached only on a condition, is measured like the first step’s."""
    long = "Elle a fait trois fois le trajet depuis son village, perdu deux jours de travail et une partie " * 12
    text = (FOLDER / "deck.yaml").read_text(encoding="utf-8")
    other = long.replace("Elle a fait", "Amina a fait") * 2  # more than the card’s own view holds
    text = text.replace('feedback: "Elle se retrouve sans droit au séjour, après plusieurs allers-retours."',
                        f'feedback: "{long.strip()}"')
    text = text.replace('prompt: "Sa demande est déposée. Il lui manque un justificatif de ressources."',
                        f'prompt: "{other.strip()}"')
    (tmp_path / "deck.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "scenario.yaml").write_text((FOLDER / "scenario.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    cut = [line.split(": ", 1)[0].rsplit(":", 2)[-2] for line in err.splitlines() if "ne tient pas" in line]
    lines = text.splitlines()
    assert sorted(int(n) for n in cut) == sorted(
        k + 1 for k, line in enumerate(lines) if "a fait trois fois le trajet" in line), err


def test_the_author_walks_every_branch_in_the_preview(shipped, tmp_path):
    """Each answer goes on to its step, the outcome ends the card, Backspace begins the parcours again: an
    author walks one branch after the other."""
    from game.cli.preview import preview_loader
    from game.ui.intents import Intent
    from game.ui.scenes.preview import PreviewScene
    from tests.ui_support import Clock, make_app

    for name in ("deck.yaml", "scenario.yaml"):
        (tmp_path / name).write_text((FOLDER / name).read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app(shipped, tmp_path, clock=Clock())
    scene = PreviewScene(app, tmp_path / "deck.yaml", preview_loader([]))
    app.push(scene)
    try:
        walked = []
        for first in (1, 2):
            scene.handle(Intent("back"))  # the parcours from its first step
            view = scene.view
            assert view.table.view().step.id == "accueil"
            view.handle(Intent("choose", number=first))
            view.handle(Intent("confirm"))
            walked.append(view.table.view().step.id)
            view.handle(Intent("choose", number=1))
            walked.append(view.table.view().reveal.reached is not None)
        assert walked == ["depot", True, "retour", True]
        view.handle(Intent("confirm"))  # the outcome read: on to the deck’s next card
        assert scene.view.table.view().card.id == "ep-002"
    finally:
        app.pop_all()


def test_the_docs_parcours_example_validates(tmp_path, capsys):
    import re

    docs = (Path(__file__).parent.parent / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = docs[docs.index("## Écrire un parcours d’usager"):]
    card = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    (tmp_path / "deck.yaml").write_text("deck:\n  id: doc-parcours\n  title: Doc\n  license: CC-BY-4.0\n"
                                        "  aspects: {accueil: Accueil}\ncards:\n" + card, encoding="utf-8")
    (tmp_path / "scenario.yaml").write_text("""scenario:
  id: doc-parcours
  title: Doc
  description: Doc.
  mode: teams
  minutes: 15
  decks: [doc-parcours]
  win: gauges
  gauges:
    - {id: confiance, label: Confiance, start: 5}
""", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("scenario_id", ["accueil-etrangers-prefecture", "premiers-pas-administratifs"])
def test_the_parcours_scenarios_play_through_with_every_team_count_and_reach_every_outcome(shipped, scenario_id):
    """Both ways of answering, one to six teams: every session ends, and over them every outcome of every
    parcours drawn is reached."""
    from game.simulate import play_session
    from game.wording.players import team_names

    info = shipped.scenarios[scenario_id].info
    pool = shipped.pool(info)
    reached: dict[str, set[str]] = {}
    for teams in range(info.team_range.min, info.team_range.max + 1):
        for answering in ("rotation", "all"):
            for seed in range(1, 41):
                table = play_session(info, pool, {}, team_names(info, teams), seed, "random", answering)
                assert table.over
                for play in table.history():
                    if play.reached is not None:
                        reached.setdefault(play.card.id, set()).add(play.reached.id)
    journeys = [card for card in pool if card.branches]
    assert journeys and {card.id: {o.id for o in card.outcomes} for card in journeys} == reached
