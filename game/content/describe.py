"""Pydantic's error records turned into messages a lab author understands, with a hint where one helps."""

from __future__ import annotations

import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from game.content.models import KINDS, slug
from game.wording.authors import Message, say, say_near
from game.wording.catalogue import has, tr

_BOUNDS = {"greater_than": "value.gt", "greater_than_equal": "value.ge", "less_than": "value.lt",
           "less_than_equal": "value.le"}
_SIMPLE = {
    "string_too_short": "value.empty", "int_type": "value.int", "int_parsing": "value.int",
    "int_from_float": "value.int", "float_type": "value.number", "float_parsing": "value.number",
    "bool_type": "value.bool", "bool_parsing": "value.bool", "list_type": "value.list",
    "dict_type": "value.block", "model_type": "value.block", "model_attributes_type": "value.block",
}


def _name(loc: tuple[Any, ...]) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return tr("field.element")


def describe(err: ErrorDetails, root: Any, data: Any) -> tuple[Message, bool]:
    """The message for one error, and whether it points at the key rather than the value.

    `root` and `data` are the model (or type) and raw data the error's location starts from:
    they tell which fields were possible where an unknown one was met.
    """
    kind = err["type"]
    loc = tuple(err["loc"])
    field = _name(loc)
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if has(kind):  # raised by our own validators, already named
        return say(kind, **ctx), False
    if kind == "missing":
        return say("field.missing", field=field), False
    if kind == "extra_forbidden":
        known = fields_at(root, data, loc[:-1])
        return say_near("field.unknown", field, known, field=field), True
    if kind == "union_tag_not_found":
        return say("kind.missing", known=KINDS), False
    if kind == "union_tag_invalid":
        return say_near("kind.unknown", ctx.get("tag"), KINDS, value=ctx.get("tag")), False
    if kind in ("string_type", "string_sub_type"):
        return say("value.text_quote" if isinstance(value, bool) or value is None else "value.text", field=field), False
    if kind == "string_pattern_mismatch":
        near = slug(value) if isinstance(value, str) else ""
        return (say("value.id_near", value=value, near=near) if near else say("value.id", value=value)), False
    if kind == "literal_error":
        known = [part.strip().strip("'") for part in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
        return say_near("value.choice", value, known, value=value, field=field), False
    if kind == "string_too_long":
        return say("value.text_long", field=field, max=ctx.get("max_length"), count=len(str(value))), False
    if kind == "too_short":
        return say("value.too_few", field=field, min=ctx.get("min_length"), count=ctx.get("actual_length")), False
    if kind == "too_long":
        return say("value.too_many", field=field, max=ctx.get("max_length"), count=ctx.get("actual_length")), False
    if kind in _BOUNDS:
        return say(_BOUNDS[kind], field=field, limit=next(iter(ctx.values()), "?"), value=value), False
    if kind in _SIMPLE:
        return say(_SIMPLE[kind], field=field), False
    return say("value.other", field=field, reason=err["msg"]), False


def fields_at(root: Any, data: Any, loc: tuple[Any, ...]) -> list[str]:
    """The field names the model at `loc` accepts, following the raw data through lists and card kinds."""
    tp, value = root, data
    for part in loc:
        tp = _resolve(tp, value)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if part not in tp.model_fields:
                continue  # a card kind added to the location by pydantic
            tp = tp.model_fields[part].annotation
            value = value.get(part) if isinstance(value, dict) else None
        elif get_origin(tp) is list and isinstance(part, int):
            tp = get_args(tp)[0]
            value = value[part] if isinstance(value, list) and 0 <= part < len(value) else None
        elif get_origin(tp) is dict:
            tp = get_args(tp)[1]
            value = value.get(part) if isinstance(value, dict) else None
    tp = _resolve(tp, value)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return []


def _resolve(tp: Any, value: Any) -> Any:
    """Strip Annotated and Optional; pick a card model by the data's `kind`."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(tp) if a is not type(None)]
            models = [a for a in options if isinstance(a, type) and issubclass(a, BaseModel)]
            kind = value.get("kind") if isinstance(value, dict) else None
            chosen = [m for m in models if "kind" in m.model_fields and _literal_has(m.model_fields["kind"].annotation, kind)]
            tp = chosen[0] if chosen else (models[0] if len(models) == 1 else options[0])
            if len(models) > 1 and not chosen:
                return None
        else:
            return tp


def _literal_has(annotation: Any, value: Any) -> bool:
    return get_origin(annotation) is Literal and value in get_args(annotation)
