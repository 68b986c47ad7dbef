"""`validate` on files with mistakes: each mistake is one line `path:line:column: sentence`, all at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

DECK = """\
deck:
  id: essai
  title: Essai
  license: CC-BY-4.0
  aspects:
    a1: Aspect un
cards:
  - id: es-001
    kind: question
    aspect: a1
    prompt: "Vrai ?"
    answers:
      - {text: Vrai, correct: true}
      - {text: Faux}
    explanation: "Oui."
    source: "Moi"
"""


def validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["validate", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.err.splitlines()


def errors_of(capsys: pytest.CaptureFixture[str], path: Path) -> list[str]:
    code, lines = validate(capsys, str(path))
    assert code == 1
    assert lines[-1].endswith("puis relancez.")
    return lines[:-1]


def test_the_valid_deck_passes(capsys, write):
    code = main(["validate", str(write("essai.yaml", DECK))])
    assert code == 0
    assert capsys.readouterr().out.startswith("OK : 1 fichier vérifié, 1 deck (1 carte : 1 question)")


def test_bad_yaml_syntax(capsys, write):
    path = write("essai.yaml", DECK.replace("title: Essai", "title: Essai: le retour"))
    assert errors_of(capsys, path) == [
        f"{path}:3:15: erreur de syntaxe YAML : un « : » inattendu ; un texte qui contient « : » "
        "doit être mis entre guillemets",
        f"{path}:3:1: vérification arrêtée à la ligne 3 : la suite du fichier ne peut être lue qu’une fois cette "
        "erreur corrigée"]  # an error in the header: there is no next card to start again from


def test_tab_indent(capsys, write):
    path = write("essai.yaml", DECK.replace("  title: Essai", "\ttitle: Essai"))
    assert errors_of(capsys, path) == [
        f"{path}:3:1: une tabulation sert d’indentation : YAML n’accepte que des espaces",
        f"{path}:3:1: vérification arrêtée à la ligne 3 : la suite du fichier ne peut être lue qu’une fois cette "
        "erreur corrigée"]


def test_duplicate_key(capsys, write):
    path = write("essai.yaml", DECK.replace('    source: "Moi"', '    source: "Moi"\n    prompt: "Encore ?"'))
    assert errors_of(capsys, path) == [
        f"{path}:17:5: la clé « prompt » apparaît deux fois dans ce bloc (première fois ligne 11) : gardez-en une seule"]


def test_unknown_field(capsys, write):
    path = write("essai.yaml", DECK.replace("    prompt:", "    promt:"))
    assert errors_of(capsys, path) == [
        f"{path}:11:5: champ inconnu « promt » : vouliez-vous dire « prompt » ?",
    ]


def test_wrong_type(capsys, write):
    path = write("essai.yaml", DECK.replace('    source: "Moi"', '    source: "Moi"\n    minutes: beaucoup'))
    assert errors_of(capsys, path) == [f"{path}:17:14: « minutes » doit être un nombre"]


def test_yaml_boolean_where_text_is_expected(capsys, write):
    path = write("essai.yaml", DECK.replace("{text: Faux}", "{text: false}"))
    assert errors_of(capsys, path) == [
        f"{path}:14:16: « text » doit être un texte (true, false ou une valeur vide ne sont pas des textes : "
        "mettez le texte entre guillemets)"]


def test_yes_no_and_numbers_read_as_authors_expect(capsys, write):
    path = write("essai.yaml", DECK.replace("{text: Vrai, correct: true}", "{text: Oui, correct: true}")
                 .replace("{text: Faux}", "{text: No}").replace('"Oui."', "2016"))
    assert main(["validate", str(path)]) == 0  # YAML 1.2: "No" stays text, and a number given for text is kept


def test_missing_required_field(capsys, write):
    path = write("essai.yaml", DECK.replace('    explanation: "Oui."\n', ""))
    assert errors_of(capsys, path) == [f"{path}:8:5: il manque le champ obligatoire « explanation »"]


def test_unknown_aspect(capsys, write):
    path = write("essai.yaml", DECK.replace("    aspect: a1", "    aspect: a2"))
    assert errors_of(capsys, path) == [
        f"{path}:10:13: l’aspect « a2 » n’est pas déclaré dans « deck.aspects » (déclarés : a1)"]


def test_unknown_card_kind(capsys, write):
    path = write("essai.yaml", DECK.replace("kind: question", "kind: quizz"))
    assert errors_of(capsys, path) == [
        f"{path}:9:11: type de carte « quizz » inconnu : choisissez parmi question, debate, persona, situation, event, parcours"]


SCENARIO = """\
scenario:
  id: essai-jauges
  title: Essai
  description: Un essai.
  mode: solo
  decks: [essai]
  win: gauges
  gauges:
    - {id: moral, label: Moral, start: 5, lose_below: 1}
"""

EVENT = """\
  - id: es-002
    kind: event
    aspect: a1
    prompt: "Il pleut."
    effects: {moral: -1, meteo: -2}
"""


def test_unknown_gauge(capsys, write):
    deck = write("decks/essai.yaml", DECK + EVENT)
    write("scenarios/essai.yaml", SCENARIO)
    code, lines = validate(capsys, str(deck.parent), str(deck.parent.parent / "scenarios"))
    assert code == 1
    assert lines[:-1] == [
        f"{deck}:21:26: la jauge « meteo » n’existe dans aucun scénario (jauges connues : acces, autonomie, charge, confiance, droits, energie, guichet, lien, moral, reseau, satisfaction, sejour)"]


def test_scenario_with_missing_deck(capsys, write):
    path = write("essai-scenario.yaml", SCENARIO.replace("[essai]", "[essai, absent]"))
    write("essai.yaml", DECK)
    code, lines = validate(capsys, str(path), str(path.parent / "essai.yaml"))
    assert code == 1
    assert lines[:-1] == [
        f"{path}:6:18: aucun deck « absent » n’est chargé : vérifiez son id, ou donnez son fichier ou son dossier (--decks) "
        "(decks connus : essai, etrangers-prefecture, inclusion-numerique, partenaires, premiers-pas, teletravail, usagers)"]


def test_duplicate_card_id(capsys, write):
    second = DECK.split("cards:\n")[1].replace('"Vrai ?"', '"Encore vrai ?"')
    path = write("essai.yaml", DECK + second)
    assert errors_of(capsys, path) == [
        f"{path}:17:9: l’identifiant de carte « es-001 » est déjà utilisé ({path}, ligne 8)"]


def test_duplicate_card_id_across_decks(capsys, write):
    first = write("a.yaml", DECK)
    second = write("b.yaml", DECK.replace("id: essai", "id: autre"))
    code, lines = validate(capsys, str(first), str(second))
    assert lines[:-1] == [f"{second}:8:9: l’identifiant de carte « es-001 » est déjà utilisé ({first}, ligne 8)"]


def test_python_tag_is_refused_and_never_run(capsys, write, tmp_path):
    marker = tmp_path / "pwned"
    path = write("essai.yaml", DECK.replace(
        '"Oui."', f"!!python/object/apply:os.system ['touch {marker}']"))
    [line] = errors_of(capsys, path)
    assert line.startswith(f"{path}:15:18: l’étiquette YAML « !!python/object/apply:os.system » n’est pas autorisée")
    assert not marker.exists()


def test_empty_file(capsys, write):
    path = write("vide.yaml", "# rien ici\n")
    assert errors_of(capsys, path) == [f"{path}:1:1: le fichier est vide"]


def test_file_not_utf8(capsys, write):
    path = write("latin1.yaml", DECK.replace("Aspect un", "Aspect réglementaire").encode("latin-1"))
    assert errors_of(capsys, path) == [
        f"{path}:6:17: le fichier n’est pas en UTF-8 (octet 0xE9 illisible) : enregistrez-le avec l’encodage UTF-8"]


def test_every_mistake_of_a_file_at_once(capsys, write):
    text = (DECK.replace("    prompt:", "    promt:")
            .replace("    aspect: a1", "    aspect: a9")
            .replace("  license: CC-BY-4.0\n", "")
            .replace('    source: "Moi"', '    source: "Moi"\n    source: "Toi"\n    difficulty: 7'))
    path = write("essai.yaml", text)
    assert errors_of(capsys, path) == [
        f"{path}:2:3: il manque le champ obligatoire « license »",
        f"{path}:9:13: l’aspect « a9 » n’est pas déclaré dans « deck.aspects » (déclarés : a1)",  # header errors
        f"{path}:10:5: champ inconnu « promt » : vouliez-vous dire « prompt » ?",  # do not stop the card checks
        f"{path}:16:5: la clé « source » apparaît deux fois dans ce bloc (première fois ligne 15) : gardez-en une seule",
        f"{path}:17:17: « difficulty » doit être au plus égal à 3 (valeur : 7)",
    ]


CARD = DECK[DECK.index("  - id: es-001"):]


def test_every_syntax_error_card_after_card(capsys, write):
    """After a syntax error the reading starts again at the next card: every card’s mistakes come at once, the
    syntax ones and the others, and the deck is not played (its scenario gets one note, not a false error)."""
    cards = [CARD.replace("es-001", f"es-00{n}") for n in range(1, 6)]
    cards[1] = cards[1].replace('prompt: "Vrai ?"', "prompt: Vrai : ou faux ?")
    cards[2] = cards[2].replace("aspect: a1", "aspect: a2")
    cards[3] = cards[3].replace("{text: Faux}", "{text: Faux")
    cards[4] = cards[4].replace('"Oui."', r'"C\'est oui."')
    path = write("essai.yaml", DECK[:DECK.index("  - id: es-001")] + "".join(cards))
    write("scenario.yaml", SCENARIO)
    assert errors_of(capsys, path) == [
        f"{path}:20:18: erreur de syntaxe YAML : un « : » inattendu ; un texte qui contient « : » doit être mis "
        "entre guillemets",
        f"{path}:28:13: l’aspect « a2 » n’est pas déclaré dans « deck.aspects » (déclarés : a1)",
        f"{path}:42:16: erreur de syntaxe YAML : un bloc entre accolades n’est pas fermé par « }} » (ou il manque une "
        "virgule)",
        f"{path}:51:20: erreur de syntaxe YAML : entre guillemets doubles, « \\ » commence un code inconnu ; écrivez "
        "« \\\\ » ou mettez le texte entre guillemets simples",
    ]
    code, lines = validate(capsys, str(path.parent))
    assert lines[-2:] == [f"{path.parent / 'scenario.yaml'}:6:11: non vérifié : le deck « essai » ({path}) n’a pas "
                          "pu être lu, voir plus haut", "4 erreurs : corrigez-les puis relancez."]


def test_a_refused_header_is_one_error_and_its_scenario_one_note(capsys, write):
    """A header mistake gives its error, the cards are still checked, and the scenario drawing the deck says it
    could not be checked instead of 'no deck essai is loaded'."""
    path = write("essai.yaml", DECK.replace("  license: CC-BY-4.0\n", "").replace("aspect: a1", "aspect: a3"))
    write("scenario.yaml", SCENARIO)
    code, lines = validate(capsys, str(path.parent))
    assert lines == [
        f"{path}:2:3: il manque le champ obligatoire « license »",
        f"{path}:9:13: l’aspect « a3 » n’est pas déclaré dans « deck.aspects » (déclarés : a1)",
        f"{path.parent / 'scenario.yaml'}:6:11: non vérifié : le deck « essai » ({path}) n’a pas pu être lu, voir "
        "plus haut",
        "2 erreurs : corrigez-les puis relancez."]


def test_a_refused_aspect_id_is_said_once_where_it_is_declared(capsys, write):
    path = write("essai.yaml", DECK.replace("a1", "santé") + CARD.replace("es-001", "es-002").replace("a1", "santé"))
    assert errors_of(capsys, path) == [
        f"{path}:6:12: « santé » n’est pas un identifiant valide (lettres minuscules sans accent, chiffres, tirets et "
        "soulignés) : écrivez « sante »"]


def test_missing_path_is_a_plain_error(capsys, tmp_path):
    code, lines = validate(capsys, str(tmp_path / "nulle-part.yaml"))
    assert code == 1
    assert lines[0] == f"{tmp_path / 'nulle-part.yaml'}:1:1: fichier ou dossier introuvable"


def test_no_traceback_from_the_real_command(write):
    path = write("essai.yaml", DECK.replace("kind: question", "kind: [question"))
    run = subprocess.run([sys.executable, "-m", "game", "validate", str(path)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith(f"{path}:")


def test_an_alias_bomb_is_refused_quickly(capsys, write):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    path = write("bombe.yaml", "\n".join(lines) + "\n")
    assert errors_of(capsys, path) == [
        f"{path}:1:1: fichier refusé : trop gros, ou des alias (*nom) qui se répètent les uns dans les autres à l’infini"]


def test_ids_take_underscores_and_an_accented_id_gets_its_correction(capsys, write):
    path = write("ids.yaml", DECK.replace("id: essai", "id: essai_labo").replace("    a1: Aspect un", "    a1: Aspect un\n    santé: Santé"))
    assert "santé: Santé" in path.read_text(encoding="utf-8")
    code, lines = validate(capsys, str(path))
    assert code == 1 and lines[0].endswith(
        ": « santé » n’est pas un identifiant valide (lettres minuscules sans accent, chiffres, tirets et soulignés) : "
        "écrivez « sante »")
    assert len(lines) == 2  # essai_labo is a valid id


SHORT = """\
scenario:
  id: essai-court
  title: Essai
  description: Un essai.
  mode: teams
  teams: {teams}
  minutes: {minutes}
  decks: [teletravail]
  win: points
"""


def test_teams_and_minutes_take_a_single_number(write):
    from game.cli.content import load_scenario

    path = write("court.yaml", SHORT.format(teams=3, minutes=15))
    _, scenario = load_scenario(str(path), [])
    assert (scenario.team_range.min, scenario.team_range.max) == (3, 3)
    assert (scenario.minutes.target, scenario.minutes.max) == (15, 20)


@pytest.mark.parametrize("teams, minutes, said", [
    ("9", "15", "court.yaml:6:10: « teams » : de 1 à 6 équipes (ici 9) : écrivez par exemple « teams: 3 »"),
    ("yes", "15", "court.yaml:6:10: « teams » attend un nombre d’équipes ou un bloc"),
    ("3", "0", "court.yaml:7:12: « minutes » : une durée de plus de 0 et d’au plus 240 minutes (ici 0)"),
    ("3", "quinze", "court.yaml:7:12: « minutes » attend une durée ou un bloc (ici « quinze ») : par exemple « minutes: 15 »"),
])
def test_a_wrong_short_form_is_one_error_with_both_forms_shown(capsys, write, teams, minutes, said):
    path = write("court.yaml", SHORT.format(teams=teams, minutes=minutes))
    code, lines = validate(capsys, str(path))
    assert code == 1 and len(lines) == 2
    assert lines[0].startswith(f"{path.parent}/{said}"), lines[0]


PERSONA = """\
deck:
  id: essai-usagers
  title: Essai
  license: CC-BY-4.0
  aspects: {{accueil: Accueil}}
cards:
  - id: eu-001
    kind: persona
    aspect: accueil
    name: Josiane
    age: 78
    situation: "Veuve, elle vit seule à la campagne."
    need: "Faire sa demande de pension de réversion."
    constraints: {constraints}
    options:
      - {{text: "Prendre rendez-vous", rating: best, feedback: "Bien."}}
      - {{text: "Donner l’adresse du site", rating: poor, feedback: "Insuffisant."}}
"""


def test_a_constraint_of_the_authors_own_is_shown_as_written_beside_the_known_ones(write, capsys):
    from game.content.library import load_library
    from game.ui.cardview import overflowing_texts
    from tests.ui_support import make_app

    path = write("usagers.yaml", PERSONA.format(constraints='[logement, "Sans voiture le week-end", mobilite, '
                                                            'numerique, isolement]'))
    assert validate(capsys, str(path)) == (0, [])
    library = load_library([(path, True)])
    app = make_app(library, path.parent)
    card = library.decks["essai-usagers"].cards[0]
    assert overflowing_texts(app, card, {"accueil": "Accueil"}, []) == set()  # five chips: none left out
    assert {"logement", "Sans voiture le week-end", "Mobilité réduite", "Isolement"} <= set(app.shown)


def test_a_constraint_longer_than_a_chip_is_refused_at_its_place(write, capsys):
    path = write("usagers.yaml", PERSONA.format(constraints='[mobilite, "' + "x" * 31 + '"]'))
    code, lines = validate(capsys, str(path))
    assert code == 1 and lines[0] == f"{path}:14:29: « constraints » : 30 caractères au plus (ici 31) ; raccourcissez"


def test_a_scenario_whose_gauges_are_a_number_is_refused_with_a_sentence(tmp_path, capsys):
    """Found by the fuzzer: `gauges: 1` in a refused scenario once made the loader iterate a number."""
    path = tmp_path / "essai.yaml"
    path.write_text("scenario:\n  id: essai\n  title: Essai\n  description: Essai.\n  mode: teams\n"
                    "  decks: [usagers]\n  win: points\n  gauges: 1\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:8:11: « gauges » doit être une liste (des lignes commençant par « - »)",
        "1 erreur : corrigez-la puis relancez."]
