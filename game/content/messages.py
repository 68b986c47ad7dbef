"""Pydantic's error records turned into sentences a lab author understands, with the place to look."""

from __future__ import annotations

from typing import Any

from pydantic_core import ErrorDetails

from game.content.models import KINDS


def _name(loc: tuple[Any, ...]) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "élément"


def _quote_hint(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return " (true, false ou une valeur vide ne sont pas des textes : mettez le texte entre guillemets)"
    return ""


def describe(err: ErrorDetails) -> tuple[str, bool]:
    """The French sentence for one error, and whether it points at the key rather than the value."""
    kind = err["type"]
    loc = tuple(err["loc"])
    field = _name(loc)
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "missing":
        return f"il manque le champ obligatoire « {field} »", False
    if kind == "extra_forbidden":
        return f"champ inconnu « {field} » (faute de frappe ? voir la documentation du format)", True
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        if kind == "union_tag_not_found":
            return f"il manque le champ « kind » (un de : {', '.join(KINDS)})", False
        return f"type de carte « {ctx.get('tag')} » inconnu : choisissez parmi {', '.join(KINDS)}", False
    if kind in ("string_type", "string_sub_type"):
        return f"« {field} » doit être un texte{_quote_hint(value)}", False
    if kind == "string_too_short":
        return f"« {field} » ne doit pas être vide", False
    if kind == "string_pattern_mismatch":
        return (f"« {value} » n'est pas un identifiant valide : lettres minuscules sans accent, chiffres "
                "et tirets (ex. : tt-001)"), False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"« {field} » doit être un nombre entier", False
    if kind in ("float_type", "float_parsing"):
        return f"« {field} » doit être un nombre", False
    if kind in ("bool_type", "bool_parsing"):
        return f"« {field} » doit valoir true ou false", False
    if kind == "list_type":
        return f"« {field} » doit être une liste (des lignes commençant par « - »)", False
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"« {field} » doit être un bloc de champs « clé: valeur »", False
    if kind == "literal_error":
        return f"valeur « {value} » non prévue pour « {field} » : choisissez parmi {ctx.get('expected')}", False
    if kind == "too_short":
        return (f"« {field} » doit contenir au moins {ctx.get('min_length')} élément(s), "
                f"il en a {ctx.get('actual_length')}"), False
    if kind == "too_long":
        return (f"« {field} » contient trop d'éléments : {ctx.get('max_length')} au plus, "
                f"il en a {ctx.get('actual_length')}"), False
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = {"greater_than": "supérieur à", "greater_than_equal": "au moins égal à",
                 "less_than": "inférieur à", "less_than_equal": "au plus égal à"}[kind]
        limit = next(iter(ctx.values()), "?")
        return f"« {field} » doit être {bound} {limit} (valeur : {value})", False
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])), False
    return f"« {field} » : valeur refusée ({err['msg']})", False
