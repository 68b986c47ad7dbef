"""New deck and scenario files from commented templates that validate as they are.

The JSON Schemas are written beside the new file (in `schemas/`), so an editor completes and checks
it at once, and the folder keeps working wherever it is copied.
"""

from __future__ import annotations

from pathlib import Path

from game.atomic import write_text_atomic
from game.content.models import slug
from game.content.schema import write_schemas
from game.wording.catalogue import tr

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class ScaffoldError(Exception):
    """The new file cannot be written (it exists, or the name gives no usable id)."""


def new_file(what: str, name: str, folder: Path, kind: str = "question", deck: str = "teletravail") -> Path:
    """Write `folder/<id>.yaml` from the template of a deck of `kind`, or of a scenario drawing `deck`."""
    ident = slug(name)
    if not ident:
        raise ScaffoldError(tr("new.no_id", name=name))
    path = folder / f"{ident}.yaml"
    if path.exists():
        raise ScaffoldError(tr("new.exists", path=path))
    template = TEMPLATES / (f"deck-{kind}.yaml" if what == "deck" else "scenario.yaml")
    text = template.read_text(encoding="utf-8").format(
        id=ident, title=name.strip(), prefix=ident, file=path.name, deck=deck)
    write_text_atomic(path, text)
    write_schemas(folder / "schemas")
    return path
