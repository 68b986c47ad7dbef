"""The editor's JSON Schema and `validate` give the same verdict on every fixture, good or broken, except where
the schema cannot see the mistake: those differences are listed here, each with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from game.cli import main
from game.content.yamlsource import read_yaml
from game.paths import shipped_decks, shipped_scenarios

ROOT = Path(__file__).parent.parent
FIXTURES = sorted((ROOT / "tests" / "broken").glob("*.yaml")) + sorted((ROOT / "tests" / "lab").glob("*.yaml")) \
    + sorted(shipped_decks().glob("*.yaml")) + sorted(shipped_scenarios().glob("*.yaml"))

# a JSON Schema checks one file's shape: not what other files hold, nor the disk, nor the screen, nor a
# comparison between two values of the file
SCHEMA_CANNOT_SEE = {
    "08-aspect-non-declare.yaml": "an aspect must be one the deck's header declares: a value naming another value",
    "09-identifiant-en-double.yaml": "card ids unique in the deck: uniqueItems compares whole cards, not one field",
    "19-jauge-inconnue.yaml": "gauges are declared in the scenarios, other files",
    "20-contrainte-inconnue.yaml": "constraints are open; only a near miss of a known one is refused",
    "24-image-introuvable.yaml": "the image file must exist on disk",
    "25-image-hors-du-dossier.yaml": "the image must be inside the deck's folder on disk",
    "26-pas-une-image.yaml": "the image file must be a readable picture",
    "30-texte-trop-long.yaml": "the text must fit the screen's layout, measured in the font",
    "34-evenement-sans-jauge.yaml": "gauges are declared in the scenarios, other files",
    "36-scenario-deck-inconnu.yaml": "the decks a scenario draws are other files",
    "38-scenario-jauge-hors-bornes.yaml": "start between min and max: a comparison between values",
    "39-scenario-durees-inversees.yaml": "target at most max: a comparison between values",
    "45-parcours-etape-inconnue.yaml": "a next must name a step or an outcome: a value naming another value",
}
SCHEMAS = {name: jsonschema.Draft7Validator(  # as the editor (VS Code's YAML extension) checks: draft-07
    json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))) for name in ("deck", "scenario")}


def schema_accepts(path: Path) -> bool:
    """The editor's verdict: YAML it cannot read is refused, anything else checked by the schema its top key
    names (a file with neither key is checked as a deck, the more common kind)."""
    doc = read_yaml(path, str(path))
    if doc.errors:
        return False
    kind = "scenario" if isinstance(doc.data, dict) and "scenario" in doc.data else "deck"
    return not any(True for _ in SCHEMAS[kind].iter_errors(doc.data))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_the_schema_and_validate_agree_or_the_difference_is_listed(path, capsys):
    validated = main(["validate", str(path)]) == 0
    capsys.readouterr()
    schema = schema_accepts(path)
    if path.name in SCHEMA_CANNOT_SEE:
        assert schema and not validated, "listed as a difference, but both now agree: remove it from the list"
    else:
        assert schema == validated, f"schema {'accepts' if schema else 'refuses'}, validate {'accepts' if validated else 'refuses'}"


def test_every_listed_difference_is_a_fixture():
    assert set(SCHEMA_CANNOT_SEE) <= {p.name for p in FIXTURES}
