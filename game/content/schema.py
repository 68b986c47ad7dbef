"""JSON Schemas (draft-07) of decks and scenarios, made from the pydantic models and documented in French
from `fielddocs`; and the field reference of docs/authoring.md, made from the same schemas.

Editors read the schemas to complete and check files as they are typed. VS Code's YAML extension (Red Hat's
yaml-language-server) validates draft-07 only: a rule written with later keywords (`minContains`, `$defs`…)
is silently ignored there, so every rule is written in draft-07 keywords, and the tests check the files with a
draft-07 validator, as the editor does. Both outputs are generated so they cannot drift from what `validate`
accepts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.atomic import write_text_atomic
from game.content.fielddocs import MODELS, field_doc
from game.content.models import DeckFile, ScenarioFile
from game.content.plan import PlanFile

DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMAS: dict[str, type[BaseModel]] = {"deck.schema.json": DeckFile, "scenario.schema.json": ScenarioFile,
                                        "plan.schema.json": PlanFile}
TITLES = {"deck.schema.json": "Deck du jeu sérieux (cartes et aspects)",
          "scenario.schema.json": "Scénario du jeu sérieux (tirage, durée, jauges)",
          "plan.schema.json": "Plan de séance du jeu sérieux (scénario, équipes, cartes choisies)"}

# The reference, in the order an author meets the blocks, with French headings.
REFERENCE = [
    ("DeckFile", "Fichier de deck"), ("DeckInfo", "`deck:` — présentation du deck"),
    ("QuestionCard", "Carte `kind: question`"), ("Answer", "Réponse d'une question (`answers`)"),
    ("DebateCard", "Carte `kind: debate`"), ("PersonaCard", "Carte `kind: persona`"),
    ("SituationCard", "Carte `kind: situation`"), ("Option", "Option d'un usager ou d'une situation (`options`)"),
    ("EventCard", "Carte `kind: event`"), ("ParcoursCard", "Carte `kind: parcours`"),
    ("Step", "Étape d'un parcours (`steps`)"), ("StepOption", "Choix d'une étape (`options` d'une étape)"),
    ("Route", "Route d'un choix (`next`)"), ("Condition", "Condition d'une route (`when`)"),
    ("ParcoursOutcome", "Issue d'un parcours (`outcomes`)"), ("ScenarioFile", "Fichier de scénario"),
    ("ScenarioInfo", "`scenario:` — le scénario"), ("TeamRange", "`teams:` — nombre d'équipes"),
    ("Minutes", "`minutes:` — durées"), ("DrawRule", "Règle de tirage (`draw`)"),
    ("Gauge", "Jauge (`gauges`)"), ("Debrief", "`debrief:` — le bilan"),
    ("PlanFile", "Fichier de plan de séance"), ("PlanInfo", "`plan:` — le plan de séance"),
]


def schema_for(name: str) -> dict[str, Any]:
    """The schema written to `name`, with a French description and an example on every field."""
    model = SCHEMAS[name]
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    schema["definitions"] = schema.pop("$defs", {})  # draft-07's name for them
    _document(model.__name__, schema)
    for def_name, definition in schema["definitions"].items():
        _document(def_name, definition)
    return {"$schema": DRAFT, "$id": name, **schema, "title": TITLES[name]}


def _document(model: str, block: dict[str, Any]) -> None:
    block["description"] = MODELS[model][0] if model in MODELS else block.get("description", "")
    for field, prop in block.get("properties", {}).items():
        prop.pop("title", None)
        doc = field_doc(model, field)
        if doc is None:
            raise KeyError(f"fielddocs has no entry for {model}.{field}")
        prop["description"], example = doc
        prop["examples"] = [example]


def schema_text(name: str) -> str:
    return json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n"


def write_schemas(target: Path, replace: bool = True) -> list[Path]:
    """The schemas written in the folder `target`: those missing, and with `replace` those stale (the `schema`
    command); an import only adds the missing ones, never replacing a file it was not asked to write."""
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in SCHEMAS:
        path = target / name
        text = schema_text(name)
        if not path.is_file() or (replace and path.read_text(encoding="utf-8") != text):
            write_text_atomic(path, text)
            paths.append(path)
    return paths


def all_schema_models() -> dict[str, set[str]]:
    """Every model the schemas describe, with its fields: what fielddocs must cover."""
    found: dict[str, set[str]] = {}
    for model in SCHEMAS.values():
        schema = model.model_json_schema()
        for name, block in [(model.__name__, schema), *schema.get("$defs", {}).items()]:
            found[name] = set(block.get("properties", {}))
    return found


# -- the field reference --------------------------------------------------------------------------

def reference_markdown() -> str:
    """The field reference of docs/authoring.md: one table per block, from the schemas."""
    blocks: dict[str, dict[str, Any]] = {}
    for name in SCHEMAS:
        schema = schema_for(name)
        blocks[SCHEMAS[name].__name__] = schema
        blocks.update(schema["definitions"])
    out: list[str] = []
    for model, heading in REFERENCE:
        block = blocks[model]
        out += [f"### {heading}", "", block["description"], "",
                "| Champ | Obligatoire | Valeur | Description | Exemple |", "|---|---|---|---|---|"]
        required = set(block.get("required", []))
        for field, prop in block["properties"].items():
            example = json.dumps(prop["examples"][0], ensure_ascii=False)
            needed = "oui" if field in required else _default(prop)
            out.append(f"| `{field}` | {needed} | {_value(prop)} | {prop['description']} | `{example}` |")
        out.append("")
    return "\n".join(out)


def _default(prop: dict[str, Any]) -> str:
    if "default" not in prop or prop["default"] is None:
        return "non"
    return f"non (défaut : `{json.dumps(prop['default'], ensure_ascii=False)}`)"


def _value(prop: dict[str, Any]) -> str:
    """What a field holds, in an author's words."""
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    return " ou ".join(_one(p) for p in options)


def _one(prop: dict[str, Any]) -> str:
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        return "un de " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "$ref" in prop:
        return "bloc"
    kind = prop.get("type")
    if kind == "array":
        items = prop.get("items", {})
        what = "cartes" if "oneOf" in items else _one(items)
        bounds = _bounds(prop.get("minItems"), prop.get("maxItems"))
        return f"liste ({what}){bounds}"
    if kind == "object":  # the values' type: for any key, or for keys of a pattern (identifiers)
        values = [prop.get("additionalProperties", {}), *prop.get("patternProperties", {}).values()]
        return "bloc « clé: nombre entier »" if any(v.get("type") == "integer" for v in values) else \
            "bloc « clé: texte »"
    if kind == "string":
        if "pattern" in prop:
            return "identifiant"
        return "texte"
    if kind in ("integer", "number"):
        low = prop.get("minimum", prop.get("exclusiveMinimum"))
        word = "entier" if kind == "integer" else "nombre"
        return word + _bounds(low, prop.get("maximum"), strict_low="exclusiveMinimum" in prop)
    if kind == "boolean":
        return "true ou false"
    return kind or "valeur"


def _bounds(low: Any, high: Any, strict_low: bool = False) -> str:
    if low is None and high is None:
        return ""
    if high is None:
        return f" > {low}" if strict_low else f" ≥ {low}"
    if low is None:
        return f" ≤ {high}"
    return f" de {low} à {high}" if not strict_low else f" > {low} et ≤ {high}"
