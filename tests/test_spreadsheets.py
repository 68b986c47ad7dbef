"""Decks to and from spreadsheets and quiz banks, as a lab, a subject expert and a trainer use them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from game.authoring.cardrows import TO_COMPLETE, Aspects
from game.authoring.importing import export_deck, import_cards
from game.cli import main
from game.content.library import load_library
from game.paths import shipped_decks
from tests.test_content_errors import DECK

SHIPPED = [p for p in sorted(shipped_decks().glob("*.yaml")) if "kind: parcours" not in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_deck_goes_to_a_spreadsheet_and_back_unchanged(tmp_path, path, suffix):
    deck = load_library([(path, True)]).decks[path.stem]
    table = tmp_path / f"relecture{suffix}"
    assert export_deck(deck.cards, dict(deck.info.aspects), table) == len(deck.cards)
    aspects = Aspects(dict(deck.info.aspects))
    imported = import_cards(table, table.name, suffix[1:], deck.info.id, aspects)
    back = load_library([(_write_deck(tmp_path / "retour.yaml", deck.info.id, aspects.known, imported.cards), True)])
    assert not back.errors and not imported.notices and not imported.problems
    assert back.decks[deck.info.id].cards == deck.cards  # every field of every card, ids and aspects included
    assert aspects.known == dict(deck.info.aspects)


def _write_deck(path: Path, deck_id: str, aspects: dict[str, str], cards: list[dict]) -> Path:
    from game.authoring.importing import deck_yaml, new_deck

    header = {"id": deck_id, "title": "Retour", "license": "CC-BY-4.0"}
    path.write_text(deck_yaml(new_deck(header, Aspects(aspects), cards), "test"), encoding="utf-8")
    return path


def _lab(tmp_path: Path) -> Path:
    """A lab's folder as labs copy this project's: decks/ and scenarios/ side by side, a deck of its own whose
    effects move a gauge only the lab's scenario defines, comments and quotes as its author wrote them."""
    lab = tmp_path / "lab"
    (lab / "decks").mkdir(parents=True)
    (lab / "scenarios").mkdir()
    text = (shipped_decks() / "partenaires.yaml").read_text(encoding="utf-8")
    text = text.replace("  id: partenaires", "  id: lab-partenaires").replace("pa-0", "lp-0").replace("ev-0", "lev-0")
    (lab / "decks" / "lab-partenaires.yaml").write_text(text.replace("satisfaction", "moral"), encoding="utf-8")
    scenario = (Path(__file__).parents[1] / "scenarios" / "maison-de-region-partenaires.yaml").read_text(encoding="utf-8")
    scenario = scenario.replace("id: maison-de-region-partenaires", "id: lab-scn").replace(
        "decks: [partenaires, usagers]", "decks: [lab-partenaires]").replace("satisfaction", "moral")
    (lab / "scenarios" / "lab.yaml").write_text(scenario, encoding="utf-8")
    return lab / "decks" / "lab-partenaires.yaml"


def test_an_expert_edits_the_exported_workbook_and_it_comes_back_into_the_lab_deck_with_a_minimal_diff(capsys, tmp_path):
    """export-xlsx in a lab's folder, five cells changed and a row added in Excel, then the very command export
    printed: the deck is edited in place, comments and quotes kept, the new card numbered after the highest."""
    import difflib

    deck = _lab(tmp_path)
    before = deck.read_text(encoding="utf-8")
    assert main(["validate", str(deck.parents[1])]) == 0
    table = deck.with_suffix(".xlsx")
    assert main(["export-xlsx", str(deck)]) == 0
    command = capsys.readouterr().out.strip().split("python -m game ")[-1].split()
    book = load_workbook(table)
    sheet = book.active
    column = {c.value: n + 1 for n, c in enumerate(sheet[1])}
    sheet.cell(2, column["Énoncé"]).value += " (relu)"
    sheet.cell(3, column["Retour 1"]).value = "Retour corrigé par l’experte."
    sheet.cell(4, column["Note 2"]).value = "à éviter"
    sheet.cell(5, column["Option 1"]).value = "Option réécrite"
    sheet.cell(6, column["Retour 2"]).value = "Autre retour corrigé."
    new = sheet.max_row + 1
    for n in range(1, sheet.max_column + 1):
        sheet.cell(new, n).value = sheet.cell(7, n).value
    sheet.cell(new, column["Identifiant"]).value = None
    sheet.cell(new, column["Énoncé"]).value = "Une situation proposée par l’experte."
    book.save(table)
    assert command[0] == "import" and main(command) == 0
    out = capsys.readouterr().out.replace("\u00a0", " ")
    assert "ajoutées : 1 (lp-017) ; modifiées : 5 (lp-001, lp-002, lp-003, lp-004, lp-005) ; inchangées : 19" in out
    after = deck.read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert len([line for line in changed if line.startswith("-")]) == 5  # five edits, five lines changed
    assert all(line.startswith("+") for line in changed[10:])  # then the new card, appended
    assert '    prompt: "Une situation proposée par l’experte."' in after  # written as the deck writes its cards
    assert [line for line in before.splitlines() if line.lstrip().startswith("#")] == \
        [line for line in after.splitlines() if line.lstrip().startswith("#")]
    assert main(["validate", str(deck.parents[1])]) == 0
    assert not list(deck.parent.glob(".*")) and not (deck.parent / "schemas").exists()


def _kahoot(path: Path, rows: list[list]) -> Path:
    """Kahoot's question template: title lines, then the header row below them, numbers in column A."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Quiz template"])
    sheet.append(["Add questions, at least two answer alternatives, time limit and choose correct answers."])
    sheet.append([])
    sheet.append(["", "Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
                  "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
                  "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
                  "Correct answer(s) - choose at least one"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_kahoots_template_is_recognised(capsys, tmp_path):
    table = _kahoot(tmp_path / "kahoot.xlsx", [
        [1, "Combien de jours de télétravail au plus par semaine ?", "Un", "Deux", "Trois", "Quatre", 20, 3],
        [2, "Où peut-on télétravailler ?", "À son domicile", "À l’étranger", "Dans un tiers-lieu", None, 30, "1,3"],
    ])
    out = tmp_path / "quiz.yaml"
    assert main(["import", str(table), "--deck", "quiz", "--out", str(out), "--aspect", "Réglementaire"]) == 0
    err = capsys.readouterr().err
    assert "colonne « Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs » ignorée" in err
    assert "2 questions sans explication" in err
    deck = load_library([(out, True)]).decks["quiz"]
    first, second = deck.cards
    assert [a.text for a in second.answers] == ["À son domicile", "À l’étranger", "Dans un tiers-lieu"]
    assert second.multiple and second.right_choices() == (0, 2) and first.right_choices() == (2,)
    assert first.minutes is None  # Kahoot's 20 seconds are not 20 minutes
    assert deck.info.aspects == {"reglementaire": "Réglementaire"} and first.explanation == TO_COMPLETE
    assert main(["lint", str(out)]) == 0
    assert "explication à compléter" in capsys.readouterr().out


def test_french_headers_with_a_correction_and_an_ambiguous_time_column(capsys, tmp_path):
    table = tmp_path / "questions.csv"
    table.write_text("Thème;Question;Réponses;Bonne réponse;Explications;Temps\n"
                     "Cadre;Vrai ?;Oui | Non;1;Parce que.;2\n", encoding="utf-8")
    assert main(["import", str(table), "--deck", "q", "--out", str(tmp_path / "q.yaml")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{table}:1: colonne « Temps » : s’il s’agit de la durée de la carte en minutes, nommez-la "
                   "« Durée (min) » ; s’il s’agit d’un temps de réponse en secondes, supprimez-la (le jeu ne "
                   "chronomètre pas les réponses)",
                   "1 problème : corrigez le fichier puis relancez. Rien n’a été écrit."]
    table.write_text(table.read_text(encoding="utf-8").replace("Temps", "Explicaton"), encoding="utf-8")
    assert main(["import", str(table), "--deck", "q", "--out", str(tmp_path / "q.yaml")]) == 1
    assert "colonne « Explicaton » inconnue : vouliez-vous dire « Explication » ?" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("kind", ["question", "persona", "situation"])
def test_a_template_is_ready_to_fill_and_imports_as_it_is(capsys, tmp_path, kind, suffix):
    table = tmp_path / f"modele{suffix}"
    assert main(["import", "--template", str(table), "--kind", kind]) == 0
    out = tmp_path / "mon-deck.yaml"
    assert main(["import", str(table), "--deck", "mon-deck", "--out", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    assert load_library([(out, True)]).decks["mon-deck"].cards[0].kind == kind


def test_option_cells_are_checked_with_their_column(capsys, tmp_path):
    table = tmp_path / "usagers.csv"
    table.write_text("Type;Aspect;Nom;Âge;Situation;Besoin;Option 1;Note 1;Retour 1;Effets 1;Option 2;Note 2;Retour 2\n"
                     "usager;Accueil;Léa;19;Cherche un emploi.;Un CV.;Orienter;meilleure;Bien.;satisfaction +1;"
                     "Refuser;nulle;Non.\n"
                     "usager;Accueil;Léo;200;Cherche un emploi.;Un CV.;Orienter;meilleure;;moral plus un;"
                     "Refuser;à éviter;Non.\n", encoding="utf-8")
    assert main(["import", str(table), "--deck", "u", "--out", str(tmp_path / "u.yaml")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{table}:2: « nulle » en « Note 2 » : écrivez meilleure, acceptable ou à éviter",
        f"{table}:3: effets « moral plus un » illisibles : écrivez par exemple « satisfaction +1, droits -2 »",
        "2 problèmes : corrigez le fichier puis relancez. Rien n’a été écrit."]
    table.write_text(table.read_text(encoding="utf-8").replace("nulle", "à éviter").replace("moral plus un", "moral -1"),
                     encoding="utf-8")
    assert main(["import", str(table), "--deck", "u", "--out", str(tmp_path / "u.yaml")]) == 3  # some left out
    err = capsys.readouterr().err.splitlines()
    assert sorted(err[:2]) == [
        f"{table}:3: « Retour 1 » : « feedback » ne doit pas être vide",
        f"{table}:3: « Âge » : « age » doit être au plus égal à 120 (valeur : 200)"]
    assert "1 carte n’a pas pu être importée (ci-dessus, avec sa ligne)" in err[2].replace("\u00a0", " ")
    assert [c.name for c in load_library([(tmp_path / "u.yaml", True)]).decks["u"].cards] == ["Léa"]


GIFT = """\
// Une banque Moodle
$CATEGORY: $course$/Télétravail/Réglementaire

::T1:: Le télétravail peut-il être imposé à un agent ? {
=Non, il repose sur le volontariat #Exact.
~Oui, toujours
####Le décret prévoit une demande de l’agent.
}

::T2:: Où peut-on télétravailler ? {
~%50%À son domicile
~%50%Dans un tiers-lieu
~%-100%À l’étranger
}

Le décret date de 2016. {T}

::T4:: Quel décret ? {=2016-151 =n° 2016-151}

::T5:: Associez. {=Décret -> 2016 =Accord -> 2021}

Le décret de {~2010 =2016} encadre le télétravail.
"""


def test_a_gift_bank_imports_what_a_card_holds_and_says_what_it_cannot(capsys, tmp_path):
    bank = tmp_path / "banque.gift"
    bank.write_text(GIFT, encoding="utf-8")
    out = tmp_path / "banque.yaml"
    assert main(["import", str(bank), "--deck", "banque", "--out", str(out)]) == 3  # what a card holds came in
    err = capsys.readouterr().err.replace("\u00a0", " ").splitlines()
    assert err[1:4] == [
        f"{bank}:18: question GIFT à réponse courte (seulement des « = ») : non prise en charge",
        f"{bank}:20: question GIFT d’appariement (->) : non prise en charge",
        f"{bank}:22: question GIFT à mot manquant (du texte après les réponses) : non prise en charge"]
    assert "2 questions sans explication" in err[0] and "3 cartes n’ont pas pu être importées" in err[4]
    deck = load_library([(out, True)]).decks["banque"]
    first, second, third = deck.cards
    assert deck.info.aspects == {"reglementaire": "Réglementaire"}
    assert first.right_choices() == (0,) and first.explanation == "Le décret prévoit une demande de l’agent."
    assert second.multiple and second.right_choices() == (0, 1) and second.explanation == TO_COMPLETE
    assert [a.text for a in third.answers] == ["Vrai", "Faux"] and third.right_choices() == (0,)


def test_an_aiken_bank(capsys, tmp_path):
    bank = tmp_path / "aiken.txt"
    bank.write_text("Combien de jours au plus ?\nA. Un\nB. Trois\nC) Cinq\nANSWER: B\n\n"
                    "Qui décide ?\nA. L'agent\nB. Le chef\nRéponse : A\n", encoding="utf-8")
    out = tmp_path / "aiken.yaml"
    assert main(["import", str(bank), "--deck", "aiken", "--out", str(out)]) == 3
    assert f"{bank}:10: une question Aiken se termine par « ANSWER: » suivi de la lettre de la bonne réponse" in \
        capsys.readouterr().err.splitlines()
    assert len(load_library([(out, True)]).decks["aiken"].cards) == 1
    out.unlink()
    bank.write_text(bank.read_text(encoding="utf-8").replace("Réponse : A", "ANSWER: A"), encoding="utf-8")
    assert main(["import", str(bank), "--deck", "aiken", "--out", str(out), "--aspect", "Cadre"]) == 0
    cards = load_library([(out, True)]).decks["aiken"].cards
    assert [c.right_choices() for c in cards] == [(1,), (0,)] and cards[0].answers[2].text == "Cinq"


def test_import_mistakes_in_the_command_are_sentences(capsys, tmp_path):
    assert main(["import", str(tmp_path / "absent.xlsx"), "--deck", "x", "--out", str(tmp_path / "x.yaml")]) == 2
    assert "fichier introuvable" in capsys.readouterr().err
    fake = tmp_path / "faux.xlsx"
    fake.write_text("pas un classeur", encoding="utf-8")
    assert main(["import", str(fake), "--deck", "x", "--out", str(tmp_path / "x.yaml")]) == 1
    assert "n’est pas un classeur Excel lisible" in capsys.readouterr().err
    deck = tmp_path / "essai.yaml"
    deck.write_text(DECK, encoding="utf-8")
    assert main(["export-csv", str(deck), "--out", str(tmp_path / "essai.xlsx")]) == 2
    assert "se termine par .csv" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.tmp*")) and not (tmp_path / "x.yaml").exists()


def test_a_deck_with_parcours_is_not_exported_and_the_reason_is_said(tmp_path, capsys):
    """A parcours's steps lead to other steps: no row holds them, and a table sent back would lose them."""
    from game.cli import main

    deck = shipped_decks() / "etrangers-prefecture.yaml"
    assert main(["export-csv", str(deck), "--out", str(tmp_path / "relecture.csv")]) == 2
    err = capsys.readouterr().err
    assert "contient 3 parcours (pf-001, pf-002, pf-003), dont les étapes ne tiennent pas dans les lignes" in err
    assert not (tmp_path / "relecture.csv").exists()


MOODLE = """\
// question: 0  name: Switch category to $course$/top/Défaut pour Télétravail
$CATEGORY: $course$/top/Défaut pour Télétravail/Cadre

// question: 101  name: Q1
::Q1::[html]<p>Le télétravail peut-il être <strong>imposé</strong> à un agent&nbsp;?</p>{
\t=<p>Non, il repose sur le <em>volontariat</em></p>#<p>Exact.</p>
\t~<p>Oui</p>#<p>Non.</p>
\t####<p>Le décret prévoit une demande de l&\\#039;agent.</p><p>Voir l&\\#039;article 5.</p>
}

// question: 102  name: Q2
::Q2::[html]<p>Décrivez votre organisation.</p>{}

// question: 103  name: Q3
::Q3::[html]<p>Associez.</p>{
\t=<p>Décret</p> -> 2016
\t=<p>Accord</p> -> 2021
}

// question: 104  name: Q4
::Q4::[html]<p>En quelle année ?</p>{#2016}

// question: 105  name: Q5
::Q5::[html]<p>Le décret date de 2016.</p>{TRUE#<p>Oui.</p>}

// question: 106  name: Q6
::Q6::[html]<p>Que montre <img src\\="@@PLUGINFILE@@/plan.png" alt\\="plan"> ?</p>{=<p>Un plan</p> ~<p>Un tableau</p>}
"""


def test_a_moodle_export_with_html_essays_and_matching_imports_its_choices_and_lists_the_rest(capsys, tmp_path):
    bank = tmp_path / "moodle.gift"
    bank.write_text(MOODLE, encoding="utf-8")
    out = tmp_path / "moodle.yaml"
    assert main(["import", str(bank), "--deck", "moodle", "--out", str(out)]) == 3
    err = capsys.readouterr().err.replace("\u00a0", " ")
    for line, what in ((12, "ouverte"), (15, "appariement"), (21, "numérique"), (27, "une image")):
        assert any(f"{bank}:{line}: " in e and what in e for e in err.splitlines()), (line, what, err)
    assert "4 cartes n’ont pas pu être importées" in err
    deck = load_library([(out, True)]).decks["moodle"]
    first, second = deck.cards
    assert first.prompt == "Le télétravail peut-il être imposé à un agent ?"
    assert [a.text for a in first.answers] == ["Non, il repose sur le volontariat", "Oui"]
    assert first.explanation == "Le décret prévoit une demande de l'agent.\nVoir l'article 5."
    assert second.right_choices() == (0,) and second.explanation == "Oui."
    assert deck.info.aspects == {"cadre": "Cadre"}


def test_kahoots_french_csv_and_its_template_without_an_aspect_import(capsys, tmp_path):
    """Kahoot's French headers (« Bonne(s) réponse(s) », « Temps limite (sec) »), and no aspect: « Général »."""
    table = tmp_path / "kahoot.csv"
    table.write_text("Question - 120 caractères max;Réponse 1 - 75 caractères max;Réponse 2 - 75 caractères max;"
                     "Réponse 3 - 75 caractères max;Réponse 4 - 75 caractères max;"
                     "Temps limite (sec) – 5, 10, 20, 30, 60, 90, 120 ou 240 s;Bonne(s) réponse(s) - choisissez au moins une\n"
                     "Combien de jours au plus ?;Un;Deux;Trois;;20;3\n", encoding="utf-8")
    out = tmp_path / "kahoot.yaml"
    assert main(["import", str(table), "--deck", "kahoot", "--out", str(out)]) == 0
    assert "ignorée" in capsys.readouterr().err
    deck = load_library([(out, True)]).decks["kahoot"]
    assert deck.info.aspects == {"general": "Général"} and deck.cards[0].right_choices() == (2,)
    template = _kahoot(tmp_path / "modele.xlsx", [[1, "Où télétravailler ?", "Chez soi", "À l’étranger", None, None,
                                                    20, 1], [2], [3]])  # Kahoot numbers the rows left empty
    assert main(["import", str(template), "--deck", "modele", "--out", str(tmp_path / "modele.yaml")]) == 0
    assert load_library([(tmp_path / "modele.yaml", True)]).decks["modele"].info.aspects == {"general": "Général"}


def test_a_header_of_a_whole_page_is_named_and_read_in_linear_time(capsys, tmp_path):
    table = tmp_path / "long.csv"
    table.write_text("Question;Réponse 1;Réponse 2;Bonnes réponses;" + "x1 " * 20_000 + "\nQ ?;a;b;1;z\n",
                     encoding="utf-8")
    assert main(["import", str(table), "--deck", "long", "--out", str(tmp_path / "long.yaml")]) == 1
    err = capsys.readouterr().err
    assert "colonne « x1 x1" in err and len(err) < 2_000


def test_a_stale_copy_beside_a_deck_is_refused_by_play_and_simulate_as_by_validate(capsys, tmp_path):
    """Windows names a copy « … - copie.yaml »: the lab's folder with both is refused everywhere, never half played."""
    deck = _lab(tmp_path)
    shutil.copy(deck, deck.with_name(f"{deck.stem} - copie.yaml"))
    scenario = str(deck.parents[1] / "scenarios" / "lab.yaml")
    said = []
    for command in (["validate", str(deck.parents[1]), "--no-layout"],
                    ["simulate", "--scenario", scenario, "--sessions", "1"], ["play", "--scenario", scenario, "--console"]):
        assert main(command) == 1, command
        said.append(capsys.readouterr().err.splitlines()[0])
    assert "lab-partenaires" in said[0] and said[1] == said[2] == said[0]  # the same sentence wherever it is met


def test_import_force_replaces_a_deck_without_reading_it_as_a_second_one(capsys, tmp_path):
    deck = _lab(tmp_path)
    table = deck.with_suffix(".csv")
    assert main(["export-csv", str(deck)]) == 0
    assert main(["import", str(table), "--deck", "lab-partenaires", "--out", str(deck)]) == 2  # never by mistake
    assert main(["import", str(table), "--deck", "lab-partenaires", "--out", str(deck), "--force"]) == 0
    assert "24 cartes importées" in capsys.readouterr().out
    assert main(["validate", str(deck.parents[1])]) == 0
