"""A deck edited in place from a spreadsheet a subject expert gave back: only the cards that changed are touched,
and within them only the fields that changed, so the author's comments, order, quoting and layout survive and
the diff of five edits is five edits.

ruamel.yaml's round-trip mode keeps the comments and the style of a YAML file as it edits it (PyYAML, which
reads every file of the game, drops them). It is used here alone: the loader never depends on it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from game.authoring.cardrows import record
from game.content.models import Card

_CARD = TypeAdapter(Card)


@dataclass
class Merged:
    """What an import did to a deck: the new text and the cards added, changed, unchanged, and kept as they
    were because the spreadsheet no longer had them."""

    text: str
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def merge_into(path: Path, cards: list[dict[str, Any]], aspects: dict[str, str],
               refused: set[str] | frozenset[str] = frozenset()) -> Merged:
    """The deck file at `path` with `cards` (read from a spreadsheet, each with its id) merged in: a card of the
    same id is updated where it differs, a new id appended, the deck's other cards kept; aspects the spreadsheet
    named anew are added to the header."""
    text = path.read_text(encoding="utf-8")
    yaml = _round_trip(text)
    doc = yaml.load(text)
    header = doc["deck"]
    labels = dict(header.get("aspects") or {})
    for key, label in aspects.items():
        if key not in labels:
            header.setdefault("aspects", CommentedMap())[key] = label
    merged = Merged("")
    entries: CommentedSeq = doc["cards"]
    where = {str(entry.get("id")): entry for entry in entries if isinstance(entry, CommentedMap)}  # `id: 1` is a number
    for card in cards:
        entry = where.get(card["id"])
        if entry is None:
            like = next((e for e in entries if isinstance(e, CommentedMap) and e.get("kind") == card.get("kind")), None)
            entries.append(_styled(card, like))
            merged.added.append(card["id"])
        elif _same(_plain(entry), card, labels | aspects):
            merged.unchanged.append(card["id"])
        else:
            _update(entry, card)
            merged.changed.append(card["id"])
    given = {card["id"] for card in cards} | set(refused)  # a refused row's card is kept, and said refused above
    merged.kept = [str(key) for key in where if key not in given]
    out = io.StringIO()
    yaml.dump(doc, out)
    merged.text = out.getvalue()
    return merged


def _round_trip(text: str) -> YAML:
    """A round-trip reader and writer set to the file's own indentation, lines never folded."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    mapping = next((len(line) - len(line.lstrip(" ")) for line in text.splitlines()[1:]
                    if line.startswith(" ") and not line.lstrip().startswith(("#", "-"))), 2)
    dash = next((len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.lstrip().startswith("- ")), 2)
    yaml.indent(mapping=mapping, sequence=dash + 2, offset=dash)
    return yaml


def _styled(new: Any, like: Any) -> Any:
    """A new card written as the deck writes its cards of that kind: the same fields in flow style
    (`{text: "Vrai", correct: true}`), the same quotes."""
    if isinstance(new, dict):
        node = CommentedMap()
        for key, value in new.items():
            node[key] = _styled(value, like.get(key) if isinstance(like, dict) else None)
        if isinstance(like, CommentedMap) and like.fa.flow_style():
            node.fa.set_flow_style()
        return node
    if isinstance(new, list):
        seq = CommentedSeq([_styled(v, like[0] if isinstance(like, list) and like else None) for v in new])
        if isinstance(like, CommentedSeq) and like.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if isinstance(new, str) and isinstance(like, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(new)
    return new


def _plain(node: Any) -> Any:
    """A round-trip node as plain dicts, lists and scalars."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _same(written: dict[str, Any], card: dict[str, Any], labels: dict[str, str]) -> bool:
    """Whether the card in the file and the card from the spreadsheet say the same, as the spreadsheet shows
    them (a field the spreadsheet cannot carry is not a change)."""
    try:
        before = _CARD.validate_python(written)
    except ValueError:  # the file's card is refused as it stands: whatever came back replaces it
        return False
    return record(before, labels) == record(_CARD.validate_python(card), labels)


def _update(node: CommentedMap, new: dict[str, Any], top: bool = True) -> None:
    """Change `node` where `new` differs, in place: comments and styles of what did not change stay. A field
    the spreadsheet left empty is removed, unless the file wrote it at its default (false, empty); inside a
    card (an answer, an option, its effects), every key the spreadsheet no longer has goes."""
    for key, value in new.items():
        old = node.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            _update(old, value, top=False)
        elif isinstance(old, list) and isinstance(value, list) and old and \
                all(isinstance(o, dict) for o in old) and all(isinstance(v, dict) for v in value):
            _resize(old, value)
        elif _plain(old) != value:
            node[key] = _styled(value, old) if isinstance(value, (dict, list)) else value
    for key in [k for k in node if k not in new and k != "id"]:
        if node[key] not in (False, None, "", [], {}) and (key in _CARRIED or not top):
            del node[key]


def _resize(old: CommentedSeq, new: list[dict[str, Any]]) -> None:
    """A list of answers or options edited item by item: those kept keep their comments and quotes, those
    added are written like the first, those gone are removed from the end."""
    for o, v in zip(old, new):
        _update(o, v, top=False)
    for v in new[len(old):]:
        old.append(_styled(v, old[0]))
    del old[len(new):]


# What a spreadsheet's row carries: a field of the file that its row leaves empty was emptied by the expert.
_CARRIED = {"difficulty", "minutes", "prompt", "name", "situation", "need", "quote", "portrait", "partner",
            "explanation", "source", "notes", "age", "constraints", "hints", "effects", "multiple", "correct", "feedback"}
