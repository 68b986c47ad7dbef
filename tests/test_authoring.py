"""The lab author’s tools: scaffolds, spreadsheet import, lint, and the docs (the schemas: test_schemas.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.content.library import load_library
from game.content.schema import (
    reference_markdown,
    schema_text,
)
from game.paths import shipped_decks, shipped_scenarios
from tests.test_schemas import validator, yaml_data

ROOT = Path(__file__).parent.parent
CSV = Path(__file__).parent / "csv"


# -- messages --------------------------------------------------------------------------------------

# -- the docs --------------------------------------------------------------------------------------

def test_the_docs_field_reference_is_the_generated_one():
    from game.cli.schema import with_reference

    text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert with_reference(text) == text, "run: python -m game schema --out schemas --docs docs/authoring.md"
    for field in ("`explanation`", "`lose_above`", "`constraints`", "`multiple`", "`portrait`"):
        assert field in reference_markdown()
    effects = [row for row in reference_markdown().splitlines() if row.startswith("| `effects` |")]
    assert len(effects) == 3 and all("bloc « clé: nombre entier »" in row for row in effects)  # was « texte »
    assert "| `teams` | non | entier de 1 à 6 ou bloc |" in reference_markdown()


# -- scaffolds -------------------------------------------------------------------------------------

def test_the_scaffolds_validate_as_they_are(capsys, tmp_path):
    for kind in ("question", "persona", "situation"):
        assert main(["new", "deck", f"Accueil en mairie {kind}", "--kind", kind, "--dir", str(tmp_path)]) == 0
    assert main(["new", "scenario", "Atelier accueil", "--deck", "accueil-en-mairie-persona",
                 "--dir", str(tmp_path)]) == 0
    created = sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert created == ["accueil-en-mairie-persona.yaml", "accueil-en-mairie-question.yaml",
                       "accueil-en-mairie-situation.yaml", "atelier-accueil.yaml"]
    assert (tmp_path / "schemas" / "deck.schema.json").read_text(encoding="utf-8") == schema_text("deck.schema.json")
    capsys.readouterr()
    assert main(["validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("OK : 4 fichiers vérifiés, 3 decks")
    for path in tmp_path.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=schemas/")
        assert text.count("#") > 5  # commented for a first-time author
        name = "scenario.schema.json" if path.name.startswith("atelier") else "deck.schema.json"
        assert list(validator(name).iter_errors(yaml_data(path))) == []
    alone = tmp_path / "seul"
    assert main(["new", "scenario", "Atelier télétravail du labo", "--dir", str(alone)]) == 0
    assert main(["validate", str(alone / "atelier-teletravail-du-labo.yaml")]) == 0  # draws the shipped deck


def test_a_scaffold_never_overwrites_a_file(capsys, tmp_path):
    assert main(["new", "deck", "Essai", "--dir", str(tmp_path)]) == 0
    (tmp_path / "essai.yaml").write_text("mon travail", encoding="utf-8")
    assert main(["new", "deck", "Essai", "--dir", str(tmp_path)]) == 2
    assert "existe déjà" in capsys.readouterr().err
    assert (tmp_path / "essai.yaml").read_text(encoding="utf-8") == "mon travail"


# -- spreadsheet import ----------------------------------------------------------------------------

EXPECTED_QUESTIONS = [
    ("reglementaire", "Le télétravail peut-il être imposé à un agent ?", ["Oui", "Non"], (1,), 1.0),
    ("organisationnel", "Où un agent peut-il télétravailler ?",
     ["À son domicile", "Dans un tiers-lieu", "Chez un usager"], (0, 1), 1.5),
    ("managerial", "Quel « indicateur » compte pour évaluer un agent en télétravail ?",
     ["Le temps de connexion", "Les résultats obtenus", "Le nombre de courriels"], (1,), None),
]


@pytest.mark.parametrize("name", ["excel-csv-point-virgule.csv", "excel-csv-utf8.csv", "libreoffice-virgule.csv"])
def test_a_spreadsheet_becomes_a_deck_that_validates_and_round_trips(capsys, tmp_path, name):
    out = tmp_path / "import.yaml"
    assert main(["import-csv", str(CSV / name), "--deck", "import-test", "--title", "Import",
                 "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "3 cartes importées" in captured.out
    assert ("Windows-1252" in captured.err) == (name == "excel-csv-point-virgule.csv")
    assert main(["validate", str(out)]) == 0
    library = load_library([(out, True)])
    deck = library.decks["import-test"]
    assert deck.info.aspects == {"reglementaire": "Réglementaire", "organisationnel": "Organisationnel",
                                 "managerial": "Managérial"}
    got = [(c.aspect, c.prompt, [a.text for a in c.answers], c.right_choices(), c.minutes) for c in deck.cards]
    assert got == EXPECTED_QUESTIONS
    assert deck.cards[1].multiple and not deck.cards[0].multiple
    assert deck.cards[2].source is None
    assert "L’agent" not in deck.cards[0].explanation and "volontariat de l’agent" in deck.cards[0].explanation
    assert 'objectifs "clairs"' in deck.cards[2].explanation
    # the same spreadsheet gives the same file, byte for byte (in another folder: beside the first, the same
    # deck id twice would be refused)
    (tmp_path / "again").mkdir()
    again = tmp_path / "again" / "again.yaml"
    main(["import-csv", str(CSV / name), "--deck", "import-test", "--title", "Import", "--out", str(again)])
    assert again.read_bytes() == out.read_bytes()


def test_the_three_spreadsheet_exports_give_the_same_deck(tmp_path):
    written = []
    for name in ("excel-csv-point-virgule.csv", "excel-csv-utf8.csv", "libreoffice-virgule.csv"):
        (tmp_path / name).mkdir()
        out = tmp_path / name / "import.yaml"
        main(["import-csv", str(CSV / name), "--deck", "same", "--out", str(out)])
        written.append(out.read_text(encoding="utf-8").split("\n", 2)[2])  # after the two comment lines
    assert written[0] == written[1] == written[2]


def test_every_bad_row_is_reported_with_its_number_and_nothing_is_written(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "fautes.yaml"
    assert main(["import-csv", str(CSV / "lignes-fautives.csv"), "--deck", "fautes", "--out", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    shown = "tests/csv/lignes-fautives.csv"
    assert err == [
        f"{shown}:2: il faut de 2 à 6 réponses (colonnes « Réponse 1 », « Réponse 2 »…, ou séparées par « | » dans "
        "« Réponses »), il y en a 1",
        f"{shown}:3: la bonne réponse « 4 » n’existe pas : il y a 3 réponses",
        f"{shown}:4: la colonne « Explication » est vide",
        f"{shown}:5: « Durée » doit être un nombre (lu : « deux »)",
        f"{shown}:7: « Peut-être » n’est ni un numéro de réponse (1, 2…), ni une lettre (A, B…), "
        "ni le texte d’une des réponses",
        "5 problèmes : corrigez le fichier puis relancez. Rien n’a été écrit.",
    ]
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_import_mistakes_in_the_command_are_plain_sentences(capsys, tmp_path):
    assert main(["import-csv", str(tmp_path / "absent.csv"), "--deck", "x", "--out", str(tmp_path / "x.yaml")]) == 2
    assert "fichier introuvable" in capsys.readouterr().err
    assert main(["import-csv", str(CSV / "excel-csv-utf8.csv"), "--deck", "Mon Deck",
                 "--out", str(tmp_path / "x.yaml")]) == 2
    assert "« mon-deck »" in capsys.readouterr().err
    headers = tmp_path / "colonnes.csv"
    headers.write_text("Thème;Question;Réponse juste\n", encoding="utf-8")
    assert main(["import-csv", str(headers), "--deck", "x", "--out", str(tmp_path / "x.yaml")]) == 1
    err = capsys.readouterr().err
    assert "colonne « Réponse juste » inconnue : vouliez-vous dire « Réponses » ?" in err


# -- lint ------------------------------------------------------------------------------------------

def test_lint_warns_without_blocking(capsys, tmp_path):
    deck = tmp_path / "relire.yaml"
    long_prompt = "Quelle démarche " + "l’usager doit-il faire auprès de la caisse d’allocations familiales " * 3 + "?"
    deck.write_text(f"""\
deck:
  id: relire
  title: Relire
  license: CC-BY-4.0
  aspects: {{a: A, b: B}}
cards:
  - {{id: r-1, kind: question, aspect: a, prompt: "Qui accueille le public en mairie ?", explanation: "Tous.",
      answers: [{{text: Oui, correct: true}}, {{text: Non}}]}}
  - {{id: r-2, kind: question, aspect: a, prompt: "Qui accueille le public en mairie ?!", explanation: "Tous.",
      source: "Moi", answers: [{{text: Oui, correct: true}}, {{text: Non}}]}}
  - {{id: r-3, kind: debate, aspect: a, prompt: "{long_prompt}"}}
""", encoding="utf-8")
    assert main(["lint", str(deck)]) == 0
    out = capsys.readouterr().out.splitlines()
    text = "\n".join(out)
    assert "« a »" not in text  # three cards are enough
    assert f"{deck}:5:19: attention : l’aspect « b » a moins de trois cartes (0)" in text
    assert f"{deck}:7:21: attention : question sans source" in text
    assert f"{deck}:9:50: attention : énoncé presque identique à celui de la carte « r-1 » ({deck}, ligne 7)" in text
    assert f"{deck}:11:48: attention : énoncé long" in text
    assert out[-1] == "4 remarques ; aucune n’empêche de jouer."


def test_the_shipped_decks_have_no_lint_warning_but_one_deliberate_pair():
    from game.authoring.lint import lint

    library = load_library([(shipped_decks(), True)])
    warnings = lint(library, set(library.checked))
    assert [w.message.key for w in warnings] == ["lint.near_duplicate"]  # salariés / cadres: two real questions


def test_a_gauge_no_scenario_defines_blocks_validate_but_not_play(tmp_path):
    deck = tmp_path / "jauge.yaml"
    deck.write_text((Path(__file__).parent / "broken" / "34-evenement-sans-jauge.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    sources = [(deck, True), (shipped_decks(), True), (shipped_scenarios(), True)]
    assert [e.message.key for e in load_library(sources, authoring=True).errors] == ["gauge.nowhere"]
    assert load_library(sources).errors == []  # the shipped scenarios never draw this deck: they can be played


def test_validate_refuses_a_choice_longer_than_a_whole_view_at_the_biggest_text_size(tmp_path, capsys):
    """At 150 % in OpenDyslexic a choice flows onto a view of its own, but one longer than a whole view is cut for
    the readers who chose that size, though it fits the card at the default settings. validate measures the
    biggest size in both fonts and says which size and font cut it, at the text’s line."""
    from game.content.library import load_library
    from game.ui.fitcheck import Measure

    words = "L’accueil de la mairie oriente chaque usager vers le bon partenaire, sans rendez-vous ni délai. "

    def deck_with(n: int) -> str:
        return f"""deck:
  id: police
  title: Police
  license: CC-BY-4.0
  aspects:
    accueil: Accueil
cards:
  - id: po-001
    kind: question
    aspect: accueil
    prompt: "Qui oriente les usagers ?"
    answers:
      - {{text: "L’accueil", correct: true}}
      - {{text: "{(words * n).strip()}"}}
    explanation: "Chaque accueil oriente."
"""
    path = tmp_path / "police.yaml"
    for n in range(1, 40):  # the shortest choice cut at 150 % in OpenDyslexic
        path.write_text(deck_with(n), encoding="utf-8")
        library = load_library([(path, True)])
        card, aspects = library.decks["police"].cards[0], {"accueil": "Accueil"}
        if Measure(library, True, 1.5).cut(card, aspects, []):
            break
    assert Measure(library, False).cut(card, aspects, []) == []  # the default settings still hold it in one view
    assert Measure(library, True).cut(card, aspects, []) == []  # and OpenDyslexic at the default size
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert (f"{path}:14:16: à la taille de texte 150\u00a0% avec la police OpenDyslexic (réglages d’accessibilité), "
            "le texte ne tient pas sur une vue entière") in err
    assert main(["validate", "--no-layout", str(path)]) == 0


def test_validate_measures_the_most_crowded_reveal_every_team_a_different_answer(capsys, tmp_path):
    """When every team answers, each a different answer, the reveal lists every answer under the explanation:
    an explanation that fits beside two answers may be cut there, and `validate` must say so."""
    answers = "\n".join(f'      - {{text: "Réponse numéro {i} assez longue pour la ligne"{", correct: true" if i == 0 else ""}}}'
                        for i in range(6))
    explanation = "L’accueil est l’affaire de tous les agents, à chaque guichet. " * 10
    deck = tmp_path / "salle.yaml"
    deck.write_text(f"""deck:
  id: salle-pleine
  title: Salle pleine
  license: CC-BY-4.0
  aspects:
    accueil: Accueil
cards:
  - id: sp-001
    kind: question
    aspect: accueil
    prompt: "Qui accueille le public à chaque guichet ?"
    answers:
{answers}
    explanation: "{explanation.strip()}"
""", encoding="utf-8")
    assert main(["validate", str(deck)]) == 1
    out = capsys.readouterr().err
    assert f"{deck}:19:18: " in out and "le texte ne tient pas sur la carte à l’écran (1280×720)" in out
    short = deck.read_text(encoding="utf-8").replace(explanation.strip(), explanation.strip()[:60])
    deck.write_text(short, encoding="utf-8")
    assert main(["validate", str(deck)]) == 0


def test_the_tutorials_typo_is_reported_at_the_line_the_docs_quote(tmp_path, capsys):
    """Step 4 done as written: the first example card replaced by the docs' card, then `explantion`."""
    import re

    from game.cli import main

    docs = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    step = docs[docs.index("### 4."):docs.index("### 5.")]
    card = re.search(r"```yaml\n(.*?)```", step, re.S).group(1).replace("explanation:", "explantion:")
    line, column = map(int, re.search(r"> Ligne (\d+), colonne (\d+)", step).groups())
    assert main(["new", "deck", "Accueil en mairie", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "accueil-en-mairie.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, text in enumerate(lines) if text.startswith("  - id:"))
    end = next(i for i, text in enumerate(lines) if i > first and text.lstrip().startswith(("- id:", "#")))
    path.write_text("\n".join(lines[:first] + card.rstrip("\n").splitlines() + lines[end:]) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(path)]) == 1
    assert f"{path}:{line}:{column}: champ inconnu « explantion »" in capsys.readouterr().err


def test_lint_warns_where_yaml_reads_a_text_as_a_number_that_does_not_show_as_written(capsys, tmp_path):
    from game.cli import main

    deck = tmp_path / "horaires.yaml"
    deck.write_text("""\
deck:
  id: horaires
  title: 2026
  license: CC-BY-4.0
  aspects: {accueil: Accueil}
cards:
  - id: ho-001
    kind: question
    aspect: accueil
    difficulty: 02
    prompt: Le guichet ouvre à quelle heure ?
    answers:
      - {text: 0830, correct: true}
      - {text: 12:30}
      - {text: 1.50}
      - {text: no}
    explanation: Voir l’affiche.
    source: Mairie
""", encoding="utf-8")
    assert main(["lint", str(deck)]) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if "sans guillemets" in line]
    assert said == [  # 2026 and 02 read back as written or mean a number; 12:30 and no stay text
        f"{deck}:13:16: attention : « 0830 » sans guillemets est lu comme un nombre, et s’affiche « 830 » : "
        "écrivez \"0830\" entre guillemets pour garder ce qui est écrit",
        f"{deck}:15:16: attention : « 1.50 » sans guillemets est lu comme un nombre, et s’affiche « 1.5 » : "
        "écrivez \"1.50\" entre guillemets pour garder ce qui est écrit"]


def test_lint_warns_about_a_parcours_whose_best_choices_go_round_in_circles(capsys, tmp_path):
    text = (Path(__file__).parent / "parcours" / "deck.yaml").read_text(encoding="utf-8")
    looping = text.replace("""            next:
              - {when: {flag: liste-fiable}, to: recepisse}
              - {to: hors-delai}""", "            next: accueil", 1)
    assert looping != text
    (tmp_path / "deck.yaml").write_text(looping, encoding="utf-8")
    (tmp_path / "scenario.yaml").write_text((Path(__file__).parent / "parcours" / "scenario.yaml").read_text(
        encoding="utf-8"), encoding="utf-8")
    main(["lint", str(tmp_path / "deck.yaml")])
    out = capsys.readouterr().out.replace("\u00a0", " ")
    assert "deck.yaml:17:7:" in out and "tourne en rond sans atteindre d’issue (accueil → depot → accueil" in out


def test_lint_warns_about_a_text_with_a_single_straight_quote(capsys, tmp_path):
    """`prompt: Texte"` (the opening quote forgotten) is valid YAML, and the quote would show on screen."""
    deck = tmp_path / "guillemet.yaml"
    deck.write_text((Path(__file__).parent / "parcours" / "deck.yaml").read_text(encoding="utf-8").replace(
        'prompt: "La première demande de titre de séjour étudiant se fait-elle en ligne ?"',
        'prompt: La première demande de titre de séjour étudiant se fait-elle en ligne ?"'), encoding="utf-8")
    assert main(["lint", str(deck)]) == 0
    out = capsys.readouterr().out.replace("\u00a0", " ")
    assert "guillemet.yaml:76:13: attention : un seul guillemet droit dans « La première demande" in out


def _questions(answers: list[list[str]], right: list[int]) -> str:
    cards = "".join(
        f"  - id: q-{n}\n    kind: question\n    aspect: a\n    prompt: \"Question {n} ?\"\n    source: \"Une source\"\n    explanation: \"Parce que.\"\n"
        f"    answers:\n" + "".join(f"      - {{text: \"{text} {n}\"{', correct: true' if i == r else ''}}}\n"
                                   for i, text in enumerate(texts))
        for n, (texts, r) in enumerate(zip(answers, right)))
    return ("deck:\n  id: places\n  title: \"Places\"\n  language: fr\n  version: 1\n  license: CC-BY-4.0\n"
            "  description: \"Des questions.\"\n  aspects: {a: Aspect}\n"
            f"cards:\n{cards}")


@pytest.mark.parametrize("size, right, warned", [
    (3, [0] * 6, "lint.one_position"),  # three choices: always the first
    (3, [0, 1, 2, 0, 1, 2], None),
    (2, [0] * 8, "lint.one_position_of_two"),  # two choices: 6 of 8 first is already a habit
    (2, [0] * 6 + [1] * 2, "lint.one_position_of_two"),
    (2, [0] * 5 + [1] * 3, None),
])
def test_lint_warns_when_a_deck_keeps_its_right_answers_in_one_place(tmp_path, size, right, warned):
    from game.authoring.lint import lint

    (tmp_path / "places.yaml").write_text(_questions([["Oui", "Non", "Peut-être"][:size] if size == 3 else
                                                      ["Ceci", "Cela"]] * len(right), right), encoding="utf-8")
    library = load_library([(tmp_path, True)])
    assert library.errors == []
    keys = [w.message.key for w in lint(library, set(library.checked)) if w.message.key.startswith("lint.one_pos")]
    assert keys == ([warned] if warned else [])


def test_a_yes_no_pair_is_not_a_habit_of_place(tmp_path):
    """« Vrai » before « Faux » is the order they are read in: a deck of true statements is not flagged."""
    from game.authoring.lint import lint

    deck = _questions([["Vrai", "Faux"]] * 8, [0] * 8)
    for n in range(8):
        deck = deck.replace(f"Vrai {n}\"", "Vrai\"").replace(f"Faux {n}\"", "Faux\"")
    (tmp_path / "vrai.yaml").write_text(deck, encoding="utf-8")
    library = load_library([(tmp_path, True)])
    assert "Vrai\"" in deck and library.errors == []
    assert [w.message.key for w in lint(library, set(library.checked))] == []


def test_lint_warns_about_a_source_that_is_only_an_identifier(capsys, tmp_path):
    """« JORFARTI000043852438 » on a printed sheet tells a reader nothing: lint asks for the title and the date at the
    source's place; a title with its identifier in brackets, as the shipped decks give it, is fine."""
    deck = tmp_path / "sources.yaml"
    deck.write_text("""\
deck:
  id: sources
  title: Sources
  license: CC-BY-4.0
  aspects: {a: A}
cards:
  - {id: s-1, kind: question, aspect: a, prompt: "Qui décide ?", explanation: "Le chef de service.",
     source: "JORFARTI000043852438", answers: [{text: Le chef, correct: true}, {text: L’agent}]}
  - {id: s-2, kind: question, aspect: a, prompt: "Combien de jours ?", explanation: "Trois au plus.",
     source: "Décret n° 2016-151 du 11 février 2016 (Légifrance, JORFTEXT000032036983)",
     answers: [{text: Trois, correct: true}, {text: Cinq}]}
  - {id: s-3, kind: debate, aspect: a, prompt: "Pourquoi ?"}
""", encoding="utf-8")
    assert main(["lint", str(deck)]) == 0
    out = capsys.readouterr().out
    assert f"{deck}:8:14: attention : la source «\u00a0JORFARTI000043852438\u00a0» n’est qu’un identifiant" in out
    assert out.count("n’est qu’un identifiant") == 1
