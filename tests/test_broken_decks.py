"""One small broken file per mistake a lab author makes (tests/broken/): each is reported once, at its
exact line and column, in a sentence that says what to change; never a traceback, never a hang."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

BROKEN = Path(__file__).parent / "broken"

# file, line, column, key phrase of the one message
EXPECTED = [
    ("01-deux-points.yaml", 12, 22, "un texte qui contient « : » doit être mis entre guillemets"),
    ("02-tabulation.yaml", 17, 1, "une tabulation sert d’indentation"),
    ("03-cle-en-double.yaml", 17, 5, "la clé « explanation » apparaît deux fois dans ce bloc (première fois ligne 16)"),
    ("04-champ-mal-ecrit.yaml", 16, 5, "champ inconnu « explantion » : vouliez-vous dire « explanation » ?"),
    ("05-champ-manquant.yaml", 9, 5, "il manque le champ obligatoire « prompt »"),
    ("06-type-de-carte-inconnu.yaml", 10, 11, "type de carte « qestion » inconnu : vouliez-vous dire « question » ?"),
    ("07-type-de-carte-absent.yaml", 9, 5, "il manque le champ « kind »"),
    ("08-aspect-non-declare.yaml", 11, 13, "vouliez-vous dire « accueil » ? (déclarés : accueil, numerique)"),
    ("09-identifiant-en-double.yaml", 18, 9, "l’identifiant de carte « b09-001 » est déjà utilisé (tests/broken/09-identifiant-en-double.yaml, ligne 9)"),
    ("10-identifiant-invalide.yaml", 9, 9, "« Question_1 » n’est pas un identifiant valide"),
    ("11-aucune-bonne-reponse.yaml", 14, 7, "aucune réponse n’est marquée « correct: true »"),
    ("12-deux-bonnes-reponses.yaml", 14, 7, "question à réponse unique avec 2 bonnes réponses"),
    ("13-multiple-une-seule.yaml", 15, 7, "« multiple: true » mais une seule bonne réponse"),
    ("14-une-seule-reponse.yaml", 14, 7, "« answers » doit contenir au moins 2 élément(s), il en a 1"),
    ("15-trop-de-reponses.yaml", 14, 7, "« answers » contient trop d’éléments : 6 au plus, il en a 7"),
    ("16-booleen-au-lieu-de-texte.yaml", 14, 16, "mettez le texte entre guillemets"),
    ("17-note-inconnue.yaml", 23, 17, "valeur « mauvais » non prévue pour « rating » : choisissez parmi best, acceptable, poor"),
    ("18-aucune-meilleure-option.yaml", 18, 7, "aucune option n’est notée « rating: best »"),
    ("19-jauge-inconnue.yaml", 24, 19, "la jauge « satisfation » n’existe dans aucun scénario : vouliez-vous dire « satisfaction » ?"),
    ("20-contrainte-inconnue.yaml", 16, 19, "« mobilité » : vouliez-vous dire la contrainte « mobilite » (Mobilité réduite) ? Toute autre contrainte s’affiche telle qu’écrite"),
    ("21-age-hors-limites.yaml", 13, 10, "« age » doit être au plus égal à 120 (valeur : 178)"),
    ("22-duree-nulle.yaml", 12, 14, "« minutes » doit être supérieur à 0"),
    ("23-difficulte-hors-limites.yaml", 12, 17, "« difficulty » doit être au plus égal à 3"),
    ("24-image-introuvable.yaml", 16, 15, "image introuvable : images/josiane.png"),
    ("25-image-hors-du-dossier.yaml", 16, 15, "l’image doit se trouver dans le dossier du deck"),
    ("26-pas-une-image.yaml", 16, 15, "images/pas-une-image.png n’est pas une image"),
    ("27-etiquette-python.yaml", 17, 13, "l’étiquette YAML « !!python/object/apply:os.system » n’est pas autorisée"),
    ("28-alias-inconnu.yaml", 17, 13, "cet alias (*nom) ne renvoie à aucune ancre"),
    ("29-guillemet-non-ferme.yaml", 17, 13, "guillemet ouvert ici et jamais refermé sur la ligne"),
    ("30-texte-trop-long.yaml", 16, 18, "le texte ne tient pas sur la carte à l’écran (1280×720)"),
    ("31-ni-deck-ni-scenario.yaml", 1, 1, "ce fichier n’est ni un deck"),
    ("32-liste-de-cartes-vide.yaml", 8, 8, "il faut une liste « cards » avec au moins une carte"),
    ("33-cle-de-tete-inconnue.yaml", 18, 1, "champ inconnu « carte » (champs possibles ici : deck, cards)"),
    ("34-evenement-sans-jauge.yaml", 13, 15, "la jauge « file-attente » n’existe dans aucun scénario"),
    ("35-enonce-vide.yaml", 12, 13, "« prompt » ne doit pas être vide"),
    ("36-scenario-deck-inconnu.yaml", 6, 11, "aucun deck « usager » n’est chargé : vouliez-vous dire « usagers » ?"),
    ("37-scenario-mode-inconnu.yaml", 5, 9, "valeur « equipes » non prévue pour « mode » : choisissez parmi teams, solo"),
    ("38-scenario-jauge-hors-bornes.yaml", 9, 7, "« start » (15) doit être entre min (0) et max (10)"),
    ("39-scenario-durees-inversees.yaml", 6, 21, "la durée visée (30 min) dépasse la durée maximale (20 min)"),
    ("40-scenario-jauges-absentes.yaml", 7, 8, "« win: gauges » demande au moins une jauge"),
    ("41-fichier-vide.yaml", 1, 1, "le fichier est vide"),
    ("42-pas-en-utf8.yaml", 7, 19, "le fichier n’est pas en UTF-8 (octet 0xE9 illisible)"),
    ("43-bombe-alias.yaml", 1, 1, "fichier refusé : trop gros, ou des alias"),
    ("44-scenario-solo-a-plusieurs.yaml", 5, 9, "un scénario « solo » se joue à un seul joueur"),
    ("45-parcours-etape-inconnue.yaml", 20, 94, "« renvoye » n’est ni une étape ni une issue de ce parcours : "
                                                "vouliez-vous dire « renvoi » ?"),
]


def test_every_broken_file_has_an_expectation():
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == [name for name, *_ in EXPECTED]


@pytest.mark.parametrize(("name", "line", "column", "phrase"), EXPECTED, ids=[e[0][:2] for e in EXPECTED])
def test_one_mistake_one_message_at_its_place(capsys, monkeypatch, name, line, column, phrase):
    monkeypatch.chdir(BROKEN.parent.parent)
    shown = f"tests/broken/{name}"
    code = main(["validate", shown])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err[:-1] == [err[0]], "exactly one message"
    assert err[0].startswith(f"{shown}:{line}:{column}: ")
    assert phrase in err[0]


def test_the_same_mistakes_in_english(capsys, monkeypatch):
    monkeypatch.chdir(BROKEN.parent.parent)
    assert main(["validate", "--lang", "en", "tests/broken/04-champ-mal-ecrit.yaml",
                 "tests/broken/12-deux-bonnes-reponses.yaml", "tests/broken/19-jauge-inconnue.yaml"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "tests/broken/04-champ-mal-ecrit.yaml:16:5: unknown field `explantion`: did you mean `explanation`?",
        "tests/broken/12-deux-bonnes-reponses.yaml:14:7: single-choice question with 2 right answers: keep only one, "
        "or add `multiple: true` if the team must pick them all",
        "tests/broken/19-jauge-inconnue.yaml:24:19: the gauge `satisfation` exists in no scenario: did you mean "
        "`satisfaction`? (known gauges: acces, autonomie, charge, confiance, droits, energie, guichet, lien, reseau, satisfaction, sejour)",
        "3 errors: fix them and run again."]


def test_the_real_command_on_every_broken_file_at_once_prints_no_traceback():
    """All files in one run: every message comes out, in file order, and the process ends cleanly."""
    done = subprocess.run([sys.executable, "-m", "game", "validate", "tests/broken"], capture_output=True,
                          text=True, cwd=BROKEN.parent.parent, timeout=60,
                          env={**__import__("os").environ, "SDL_VIDEODRIVER": "dummy"})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    lines = done.stderr.splitlines()
    assert lines[-1] == f"{len(EXPECTED)} erreurs : corrigez-les puis relancez."
    for (name, line, column, phrase), shown in zip(EXPECTED, lines):
        assert shown.startswith(f"tests/broken/{name}:{line}:{column}: ") and phrase in shown


def test_an_oversized_file_is_refused_unread_and_an_alias_bomb_within_its_node_budget(capsys, tmp_path, monkeypatch):
    """Measured in work, not seconds (a loaded machine makes any time limit flaky): the oversized file is never
    read, and the alias bomb is refused before its nodes pass the budget (benchmarks/ times both)."""
    from pathlib import Path as PathType

    from game.content import yamlsource

    big = tmp_path / "enorme.yaml"
    with big.open("w", encoding="utf-8") as f:
        f.write("deck:\n  id: enorme\ncards:\n")
        line = '  - {id: x, kind: debate, aspect: a, prompt: "' + "texte " * 30 + '"}\n'
        while f.tell() < 6_000_000:
            f.write(line)
    read = []
    real_read = PathType.read_bytes
    monkeypatch.setattr(PathType, "read_bytes", lambda self: read.append(self.name) or real_read(self))
    assert main(["validate", str(big)]) == 1 and "au-delà de la limite de 5 Mo" in capsys.readouterr().err
    assert "enorme.yaml" not in read
    monkeypatch.setattr(yamlsource, "MAX_NODES", 10_000)  # a smaller budget refuses it all the same
    assert main(["validate", str(BROKEN / "43-bombe-alias.yaml")]) == 1
    assert "fichier refusé" in capsys.readouterr().err


def test_an_image_over_the_size_limit_is_refused(capsys, tmp_path):
    from game.content.crosschecks import MAX_IMAGE_MB

    source = (BROKEN / "24-image-introuvable.yaml").read_text(encoding="utf-8")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "josiane.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(MAX_IMAGE_MB * 1_000_000))
    deck = tmp_path / "lourd.yaml"
    deck.write_text(source, encoding="utf-8")
    assert main(["validate", "--no-layout", str(deck)]) == 1
    assert "image trop lourde : images/josiane.png pèse 2.0 Mo, la limite est 2 Mo" in capsys.readouterr().err


def test_five_mistakes_in_one_file_are_all_reported_at_once(capsys, monkeypatch):
    """The file quoted in the authoring guide’s spirit: a typo in an aspect, a field, a gauge, two right
    answers to a single-choice question, and a feedback too long for the screen."""
    monkeypatch.chdir(BROKEN.parent)
    assert main(["validate", "cinq-erreurs.yaml"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ", 1)[0] for line in lines[:-1]] == [
        "cinq-erreurs.yaml:11:13", "cinq-erreurs.yaml:14:7", "cinq-erreurs.yaml:16:5", "cinq-erreurs.yaml:28:19",
        "cinq-erreurs.yaml:33:19"]
    assert "vouliez-vous dire « etat-civil » ?" in lines[0]
    assert "question à réponse unique avec 2 bonnes réponses" in lines[1]
    assert "vouliez-vous dire « explanation » ?" in lines[2]
    assert "vouliez-vous dire « satisfaction » ?" in lines[3]
    assert "le texte ne tient pas sur la carte à l’écran (1280×720)" in lines[4]
    assert lines[-1] == "5 erreurs : corrigez-les puis relancez."


HOSTILE = {
    "imbrique.yaml": ("deck: " + "[" * 5000 + "]" * 5000 + "\n", ":1:46: listes et blocs imbriqués sur plus de 40"),
    "bloc.yaml": ("deck:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(600)), ":41:41: listes et blocs"),
    "alias.yaml": ("deck: &a [*a]\n", ":1:11: l’alias *a se contient lui-même"),
    "nul.yaml": ("deck:\n  id: x\x00y\n", ":2:8: caractère de contrôle invisible (U+0000)"),
    "chiffres.yaml": ("deck:\n  id: " + "9" * 5000 + "\n", ":2:7: nombre de 5000 chiffres"),
    "cle.yaml": ("deck:\n  id: essai\n  ~: 3\n  null: 4\n", ":3:3: une clé vide (~ ou null)"),
    "echappe.yaml": ('deck:\n  id: "a\\0b"\n', ":2:7: caractère de contrôle invisible (U+0000)"),
    "texte.yaml": ("deck:\n  id: essai\n  title: " + "x" * 60000 + "\n", ":3:10: texte de 60\u00a0000 caractères"),
}


def test_hostile_yaml_is_refused_at_its_place_never_crashed_on(tmp_path):
    """Nesting that crashed the C composer (a segfault), self-containing aliases, NUL characters, numbers
    too long to convert, empty keys that were dropped: each a located sentence, in a real process."""
    for name, (text, phrase) in HOSTILE.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "game", "validate", str(path)], capture_output=True, text=True,
                              timeout=60, cwd=tmp_path)
        assert done.returncode == 1, (name, done.returncode, done.stderr[-300:])
        assert "Traceback" not in done.stderr and f"{name}{phrase}" in done.stderr, (name, done.stderr[:300])


def test_a_pipe_or_a_device_is_refused_without_waiting(tmp_path, capsys):
    import os

    pipe = tmp_path / "tube.yaml"
    os.mkfifo(pipe)
    for path in (pipe, Path("/dev/zero")):
        assert main(["validate", str(path)]) == 1
        assert "ce n’est pas un fichier ordinaire (un tube, un périphérique)" in capsys.readouterr().err
