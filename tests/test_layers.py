"""The engine stays pure: no screen, no files, no clock, no global randomness inside the rules."""

from __future__ import annotations

import ast
from pathlib import Path

import game.engine

FORBIDDEN_MODULES = {"pygame", "time", "datetime", "os", "pathlib", "io", "shutil", "fpdf", "secrets", "uuid"}
FORBIDDEN_CALLS = {"open", "print", "input"}


def test_engine_modules_import_no_io_clock_or_screen():
    folder = Path(game.engine.__file__).parent
    offences = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offences += [f"{path.name}: imports {n}" for n in names if n.split(".")[0] in FORBIDDEN_MODULES]
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
                offences.append(f"{path.name}:{node.lineno}: calls {node.func.id}()")
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "random" \
                    and node.attr not in ("Random",):
                offences.append(f"{path.name}:{node.lineno}: uses the global random.{node.attr}")
    assert offences == []
