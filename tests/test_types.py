"""The type checker passes, strict, on the engine, the table and the presentation layer (pyproject's [tool.mypy])."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def mypy(*extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", *extra], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_the_engine_the_table_and_the_presentation_layer_type_check_strictly():
    checked = mypy()
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_type_check_fails_on_a_type_error(tmp_path):
    wrong = tmp_path / "wrong.py"
    wrong.write_text("from game.table.view import Mark\n\n\ndef label(mark: Mark) -> int:\n    return mark.value\n")
    checked = mypy("--strict", "--follow-imports=silent", str(wrong))
    assert checked.returncode == 1 and 'Incompatible return value type (got "str", expected "int")' in checked.stdout
