"""The schemas an author's editor reads: generated from the models, in draft-07 (what VS Code's YAML extension
applies), with every rule `validate` checks by code that a schema can say."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from game.content.schema import SCHEMAS, all_schema_models, schema_text
from game.content.yamlsource import read_yaml
from game.paths import shipped_decks, shipped_scenarios

ROOT = Path(__file__).parent.parent


def yaml_data(path: Path):
    doc = read_yaml(path, str(path))
    assert doc.errors == []
    return doc.data


def validator(name: str) -> jsonschema.Draft7Validator:
    """A schema checked as VS Code's YAML extension checks it: draft-07 (later keywords are ignored there)."""
    return jsonschema.Draft7Validator(json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8")))


# -- schemas ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(SCHEMAS))
def test_the_shipped_schemas_are_those_the_models_give(name):
    """Change a model without running `python -m game schema --out schemas` and this fails."""
    assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == schema_text(name)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_the_schemas_are_valid_draft_07_with_no_later_keyword(name):
    schema = json.loads(schema_text(name))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    text = schema_text(name)
    for later in ("$defs", "minContains", "maxContains", "prefixItems", "unevaluated", "dependentRequired",
                  "dependentSchemas", "$anchor", "$dynamicRef"):
        assert later not in text, later  # the editor would ignore the rule silently


def test_every_field_has_a_french_description_and_an_example():
    for name in SCHEMAS:
        schema = json.loads(schema_text(name))
        for block_name, block in [("racine", schema), *schema["definitions"].items()]:
            assert block["description"], block_name
            for field, prop in block.get("properties", {}).items():
                assert prop["description"] and prop["examples"], f"{block_name}.{field}"
                assert "title" not in prop  # pydantic's English titles are removed


def test_the_field_catalogue_names_only_fields_that_exist():
    from game.content.fielddocs import CARD, CARD_MODELS, MODELS

    fields = all_schema_models()
    assert set(MODELS) == set(fields)
    for model, (_, documented) in MODELS.items():
        assert set(documented) <= fields[model], model
    card_fields = set().union(*(fields[m] for m in CARD_MODELS))
    assert set(CARD) <= card_fields


def test_the_shipped_files_carry_the_schema_line_and_pass_the_schema():
    decks, scenarios = validator("deck.schema.json"), validator("scenario.schema.json")
    for folder, check, name in ((shipped_decks(), decks, "deck"), (shipped_scenarios(), scenarios, "scenario")):
        for path in sorted(folder.glob("*.yaml")):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schemas/{name}.schema.json", path
            errors = list(check.iter_errors(yaml_data(path)))
            assert errors == [], (path, [e.message for e in errors])


@pytest.mark.parametrize(("name", "needle"), [
    ("04-champ-mal-ecrit.yaml", "explantion"), ("06-type-de-carte-inconnu.yaml", "qestion"),
    ("17-note-inconnue.yaml", "mauvais"), ("21-age-hors-limites.yaml", "178"),
])
def test_the_editor_flags_the_same_mistakes(name, needle):
    data = yaml_data(Path(__file__).parent / "broken" / name)
    messages = " ".join(e.message for e in validator("deck.schema.json").iter_errors(data))
    assert needle in messages


def test_the_editor_and_validate_agree_on_right_answers_and_parcours_conditions():
    """The rules the models check by code are in the schema too, in keywords the editor applies."""
    deck = validator("deck.schema.json")
    base = yaml_data(Path(__file__).parent / "parcours" / "deck.yaml")
    question = base["cards"][1]
    cases = {(): False, (0,): True, (0, 1): False}  # right answers given → accepted, for a single answer
    for right, accepted in cases.items():
        card = {**question, "answers": [{"text": f"R{k}", **({"correct": True} if k in right else {})} for k in range(3)]}
        assert (not list(deck.iter_errors({**base, "cards": [card]}))) is accepted, right
        several = {**card, "multiple": True}
        assert (not list(deck.iter_errors({**base, "cards": [several]}))) is (len(right) >= 2), right
    parcours = base["cards"][0]
    route = parcours["steps"][1]["options"][0]["next"][0]
    for when, accepted in (({"gauge": "confiance", "at_least": 5}, True), ({"flag": "x"}, True),
                           ({"gauge": "confiance"}, False), ({"flag": "x", "gauge": "confiance", "below": 2}, False),
                           ({"at_least": 5}, False), ({"gauge": "confiance", "at_least": 5, "below": 2}, False)):
        route["when"] = when
        assert (not list(deck.iter_errors(base))) is accepted, when
