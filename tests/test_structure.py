"""The structure holds: no import cycle, every card kind shown by every front end, and front ends that
read the presentation layer's views rather than a card's model or the session's state."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import pytest

import game
from game.content.kinds import CardKind
from game.content.models import Card
from game.present import kinds as displays
from game.present.kinds import DISPLAYS, face
from game.wording.catalogue import has, tr

ROOT = Path(game.__file__).parent


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every module of the package `path` imports, wherever the import is: at the top, inside a function,
    under `TYPE_CHECKING`. `from a import b` counts `a.b` when that is a module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            subs = {f"{node.module}.{alias.name}" for alias in node.names} & modules
            found |= subs or ({node.module} & modules)
    return found


def import_graph() -> dict[str, set[str]]:
    files = {_module(p): p for p in ROOT.rglob("*.py")}
    return {name: _imports(path, set(files)) - {name} for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_counting_imports_inside_functions_and_for_type_checking():
    assert cycles(import_graph()) == []


def test_the_cycle_check_finds_a_cycle_when_there_is_one():
    graph = import_graph()
    graph["game.table.table"].add("game.debrief.files")  # the table writing the sheet, as it once did
    assert any("game.table.table" in group for group in cycles(graph))


def test_every_kind_of_the_content_model_has_a_display_and_its_sentences():
    modelled = {typing.get_args(member.model_fields["kind"].annotation)[0]
                for member in typing.get_args(typing.get_args(Card)[0])}
    assert modelled == set(CardKind)
    assert all(member.default_minutes > 0 for member in typing.get_args(typing.get_args(Card)[0]))  # each its own
    assert set(DISPLAYS) == set(CardKind)
    assert all(type(display).kind == kind for kind, display in DISPLAYS.items())
    assert all(has(f"kind.{kind}", lang) for kind in CardKind for lang in ("fr", "en"))


def test_a_kind_without_its_display_fails_here_not_in_a_session(monkeypatch):
    monkeypatch.delitem(DISPLAYS, CardKind.PARCOURS)
    with pytest.raises(AssertionError):
        test_every_kind_of_the_content_model_has_a_display_and_its_sentences()


def test_every_shipped_card_has_a_face_with_its_choices_in_the_order_shown(shipped):
    seen = set()
    for deck in shipped.decks.values():
        for card in deck.cards:
            steps = [card.at(s.id) for s in card.steps] if card.branches else [None]
            for step in steps:
                shown = face(card, step)
                seen.add(shown.kind)
                assert shown.choices == (step or card).choice_texts()
                assert shown.label == tr(f"kind.{card.kind}") and shown.prompt and shown.reminder
                assert shown.summary and (shown.lead or shown.story)
    assert seen == set(CardKind)


# The front ends that render the presentation layer's views. `game/simulate.py` (a lab's balancing report) and
# `game/present` itself read card models; no front end reaches through a table into the session's state.
RENDERERS = ["ui", "console.py", "debrief", "cli", "progress"]
THROUGH_TABLE = {"start", "session", "writer", "_seen"}
MODEL_ONLY = {"card", "step", "facing", "reached"}


def _files(entries: list[str]) -> list[Path]:
    files: list[Path] = []
    for entry in entries:
        path = ROOT / entry
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def offences(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Attribute):
                continue
            owner = _name(node.value)
            if node.attr in THROUGH_TABLE and owner.endswith("table"):
                found.append(f"{where}:{node.lineno}: {owner}.{node.attr}")
            if node.attr in MODEL_ONLY and owner in ("view", "play", "reveal", "played"):
                found.append(f"{where}:{node.lineno}: {owner}.{node.attr}")
    return found


def test_front_ends_read_the_presentation_views_not_the_models_nor_the_session():
    assert offences(_files(RENDERERS)) == []
    assert [o for o in offences(_files(["simulate.py"])) if "table." in o] == []


def test_the_front_end_check_finds_a_read_through_the_table(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("def f(self, view):\n    return self.table.start.cards, view.card.prompt\n")
    assert len(offences([sneaky])) == 2


def test_the_presentation_layer_is_where_the_kinds_are_shown():
    assert displays.kinds_where(lambda d: d.solo) == (CardKind.QUESTION, CardKind.PERSONA, CardKind.SITUATION,
                                                      CardKind.PARCOURS)
