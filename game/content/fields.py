"""The authoring format's building blocks: ids, texts, ratings, constraints, and the errors validators raise."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Strict,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from game.content.kinds import (
    CardKind,
)
from game.wording.catalogue import template, tr

ID_PATTERN = r"^[a-z0-9]+([-_][a-z0-9]+)*$"


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def _not_text(kind: str):  # noqa: ANN202 - a validator factory
    """A number written as text (`"2"`, `"1.5"`) is refused, as the editor's schema refuses it: the two agree."""
    def check(value: object) -> object:
        if isinstance(value, str):
            raise PydanticCustomError(kind, "{field}")
        return value
    return BeforeValidator(check)


Flag = Annotated[bool, Strict()]  # true or false: `yes`, `on` or 1 are not a flag (the YAML reads them as text)
# A number written as text refused; put last in an Annotated, after the bounds, so the schema keeps the bounds.
NOT_TEXT_INT, NOT_TEXT_NUMBER = _not_text("int_type"), _not_text("float_type")
Whole = Annotated[int, NOT_TEXT_INT]  # a whole number: 2.0 is one, "2" is text


def slug(name: str) -> str:
    """An id from what a person typed: « Accueil en mairie » → accueil-en-mairie, « Santé » → sante; empty
    when nothing of it can make an id. `validate` offers it as the correction of an invalid id."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[-_]*[^a-z0-9_]+[-_]*|[-_]{2,}", "-", plain).strip("-_")


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


Kind = Literal[tuple(k.value for k in CardKind)]  # type: ignore[valid-type]  # the kinds, spelled once: in CardKind


Rating = Literal["best", "acceptable", "poor"]


KINDS: tuple[str, ...] = tuple(k.value for k in CardKind)


# The constraints a persona may carry; each has a label in the catalogue (`chip.<tag>`), shown on screen and on the
# sheet in the reader's language.
CONSTRAINTS = ("mobilite", "numerique", "langue", "handicap", "urgence", "isolement", "precarite", "sante", "horaires",
               "famille")


def _known_spelling(tag: str) -> str:
    """A known constraint mistyped (`mobilité`, `Numerique`) is a slip to correct, not a new tag to show."""
    if tag not in CONSTRAINTS and slug(tag) in CONSTRAINTS:
        raise refuse("constraint.spelling", value=tag, known=slug(tag), label=constraint_label(slug(tag)))
    return tag


# Any other constraint an author writes is shown as written: a short tag, on one chip.
Constraint = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30),
                       AfterValidator(_known_spelling)]


def constraint_label(tag: str) -> str:
    """What a persona's constraint chip says: a known one's label, any other as the author wrote it."""
    return tr(f"chip.{tag}") if tag in CONSTRAINTS else tag


def refuse(key: str, **values: object) -> PydanticCustomError:
    """A validation error worded by `wording` (its French text is pydantic's own message)."""
    return PydanticCustomError(key, template(key, "fr"), values)  # type: ignore[arg-type]
