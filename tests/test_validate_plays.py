"""`validate` saying OK means the content plays: both load the author’s work the same way.

Each fixture is checked alone in its own folder, by `validate` and by the loading `play` does (a deck
folder given with --decks, or a scenario file); the answers must agree, except for the checks made for
the author only (listed below, with why).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.cli.content import load_checked, load_scenario
from game.cli.refusals import UserError
from game.content.errors import ContentInvalid
from game.paths import shipped_decks

BROKEN = Path(__file__).parent / "broken"
# A card moving a gauge that no scenario defines: `validate` tells the author, `play` has nothing to refuse
# (no scenario drawing the deck would move it).
AUTHOR_ONLY = {"19-jauge-inconnue.yaml", "34-evenement-sans-jauge.yaml"}


def validates(capsys, path: Path) -> bool:
    code = main(["validate", "--no-layout", str(path)])
    capsys.readouterr()
    return code == 0


def plays(path: Path) -> bool:
    """What `play --scenario FILE` or `play --decks FOLDER` would load without refusing."""
    try:
        if "scenario:" in path.read_text(encoding="utf-8", errors="replace"):
            load_scenario(str(path), [])
        else:
            load_checked([path.parent])
    except (ContentInvalid, UserError):
        return False
    return True


def alone(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name.removesuffix(".yaml")
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


@pytest.mark.parametrize("name", sorted(p.name for p in BROKEN.glob("*.yaml")))
def test_validate_and_play_agree_on_every_broken_fixture(capsys, tmp_path, name):
    folder = tmp_path / "lab"
    shutil.copytree(BROKEN / "images", folder / "images")
    path = folder / name
    shutil.copy(BROKEN / name, path)
    if name in AUTHOR_ONLY:
        assert not validates(capsys, path) and plays(path)
    else:
        assert validates(capsys, path) == plays(path)


TELETRAVAIL = (shipped_decks() / "teletravail.yaml").read_text(encoding="utf-8")


def test_a_copied_deck_with_a_new_id_reports_each_reused_card_id_in_the_copy_only(capsys, tmp_path):
    """decks/README.md says to change the deck’s id: the card ids are still the shipped ones. Before, `validate`
    said OK and `play` refused with 97 errors in the installed files; now, in the copy, the first three reused
    ids one by one, then one sentence for the other 94: the deck is a copy."""
    copy = alone(tmp_path, "copie.yaml", TELETRAVAIL.replace("  id: teletravail\n", "  id: copie\n"))
    assert main(["validate", "--no-layout", str(copy)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 5 and lines[-1] == "4 erreurs : corrigez-les puis relancez."
    assert all(line.startswith(f"{copy}:") and "l’identifiant de carte « tt-" in line for line in lines[:3])
    assert lines[3].startswith(f"{copy}:") and "et 94 autres identifiants de cartes de ce fichier sont déjà pris dans " \
        "decks/teletravail.yaml : s’il en est une copie" in lines[3]
    assert not plays(copy)
    with pytest.raises(ContentInvalid) as refused:
        load_checked([copy.parent])
    assert {e.path for e in refused.value.errors} == {str(copy)}


def test_a_deck_with_a_shipped_deck_id_is_refused_unless_it_says_it_replaces_it(capsys, tmp_path):
    same = alone(tmp_path, "teletravail.yaml", TELETRAVAIL)
    assert main(["validate", "--no-layout", str(same)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{same}:6:7: le deck « teletravail » porte l’identifiant d’un autre deck (decks/teletravail.yaml) : "
        "choisissez-en un autre, ou ajoutez « replaces: true » sous « deck: » pour le remplacer",
        "1 erreur : corrigez-la puis relancez."]
    assert not plays(same)
    replacing = alone(tmp_path, "remplace.yaml", TELETRAVAIL.replace("  id: teletravail\n",
                                                                      "  id: teletravail\n  replaces: true\n"))
    assert validates(capsys, replacing) and plays(replacing)
    library = load_checked([replacing.parent])
    assert library.decks["teletravail"].doc.path == replacing


def test_a_deck_is_checked_with_the_scenario_beside_it(capsys, tmp_path):
    """A lab’s deck moving its own gauge `confiance`, defined by the lab’s scenario in the same folder: no
    --decks needed, and the scenario plays with the deck beside it."""
    lab = tmp_path / "lab"
    lab.mkdir()
    deck = lab / "jeunes.yaml"
    deck.write_text("""deck:
  id: jeunes
  title: Jeunes en mission locale
  license: CC-BY-4.0
  aspects:
    droits: Accès aux droits
cards:
  - id: jm-001
    kind: event
    aspect: droits
    prompt: "Un jeune revient avec ses papiers."
    effects: {confiance: 1}
""", encoding="utf-8")
    scenario = lab / "atelier-jeunes.yaml"
    scenario.write_text("""scenario:
  id: atelier-jeunes
  title: Atelier jeunes
  description: Un atelier court.
  mode: teams
  decks: [jeunes]
  win: gauges
  gauges:
    - {id: confiance, label: Confiance, start: 5, lose_below: 1}
""", encoding="utf-8")
    assert validates(capsys, deck)
    assert validates(capsys, scenario) and plays(scenario)
