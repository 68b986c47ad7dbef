"""The layers point the right way: a pure engine, and front ends that only read the table's views."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
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


# The front ends (screen, terminal, sheet, bots, commands) read the table's views and send it actions.
FRONT_ENDS = ["game/ui", "game/console.py", "game/debrief", "game/present", "game/simulate.py", "game/cli",
              "game/wording/players.py"]
# What they may not import: the rules, the engine's sessions and draw, the log and its records. They may
# import the vocabulary (`Action`, the enumerations) and `game.session.logs`, which finds the interrupted
# session of a folder by reading lines, before the rules load.
BEHIND_THE_TABLE = ("game.engine.rules", "game.engine.session", "game.engine.draw", "game.engine.moves",
                    "game.engine.records", "game.engine.relearn", "game.engine.shuffle", "game.session.log",
                    "game.session.replay", "game.session.start")


def test_the_guarded_modules_exist():
    """A guard naming a module that is gone guards nothing."""
    import importlib.util

    assert [m for m in BEHIND_THE_TABLE if importlib.util.find_spec(m) is None] == []


def _python_files(entries: list[str]) -> list[Path]:
    root = Path(game.engine.__file__).parent.parent.parent
    files: list[Path] = []
    for entry in entries:
        path = root / entry
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def _imports(path: Path, errors_too: bool = True) -> list[tuple[int, str]]:
    """The modules a file imports; without `errors_too`, not those it takes only error types from (to catch them)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if errors_too or not all(alias.name.endswith("Error") for alias in node.names):
                found.append((node.lineno, node.module))
    return found


def test_front_ends_read_views_and_never_the_rules_or_the_log():
    offences = []
    for path in _python_files(FRONT_ENDS):
        text = path.read_text(encoding="utf-8")
        offences += [f"{path.name}:{line}: imports {name}" for line, name in _imports(path, errors_too=False)
                     if any(name == module or name.startswith(module + ".") for module in BEHIND_THE_TABLE)]
        if "events[0]" in text:
            offences.append(f"{path.name}: reads the raw start event")
    assert offences == []


def test_scenes_never_import_one_another():
    """Scenes start each other by name (game.ui.screens.Screen), so none imports another scene's module; only the
    registry (game.ui.scenes.SCENES, in the package's __init__) loads them, each when first shown."""
    offences = [f"{path.name}:{line}: imports {name}" for path in _python_files(["game/ui/scenes"])
                if path.name != "__init__.py"
                for line, name in _imports(path) if name.startswith("game.ui.scenes")]
    assert offences == []


KIND_TEST = re.compile(r"(?<!intent)\.kind\s*(==|!=|in\b|not in\b)")  # an intent's kind is a key pressed, not a card's


def test_card_kinds_are_not_tested_by_name_outside_the_content_models():
    """Cards say how they behave; a front end picks a display from the registry keyed by kind instead."""
    offences = [f"{path.name}:{n}" for path in _python_files(["game/engine", "game/table", "game/ui", "game/debrief",
                                                              "game/console.py", "game/simulate.py"])
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                if KIND_TEST.search(line)]
    assert offences == []


def test_the_kind_guard_catches_a_card_kind_test_next_to_an_intent():
    assert KIND_TEST.search("if card.kind == 'question' and intent.kind == Act.CHOOSE:")
    assert KIND_TEST.search("    if play.kind in ('persona', 'situation'):")
    assert not KIND_TEST.search("if intent.kind == Act.CHOOSE:")


def test_importing_the_engine_loads_neither_pydantic_nor_any_catalogue():
    code = ("import sys, game.engine.rules, game.engine.session, game.engine.draw, game.engine.vocabulary; "
            "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'game.wording', 'yaml', 'pygame'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_bare_python_m_game_draws_its_first_frame_before_loading_the_content_checks(tmp_path):
    """The home screen must appear at once: no parser to build, no pydantic, YAML nor platformdirs before the first frame
    (the whole `play` path, checks and all, was once imported before it: 0.25 s instead of 0.09)."""
    code = ("import sys; from game.ui.app import App; run = App.run; "
            "App.run = lambda app, max_frames=None: run(app, 1); from game.cli import main; code = main([]); "
            "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'yaml', 'argparse', 'platformdirs')))")
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "XDG_DATA_HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    for launch in ("first", "next"):  # the first launch reads the scenarios' YAML and caches what home shows
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.strip() == "0 []"


def test_a_bare_python_m_game_takes_the_defaults_of_play():
    from game.cli import HOME, build_parser

    play = vars(build_parser().parse_args(["play"]))
    assert {name: play[name] for name in vars(HOME) if name != "command"} == {
        name: value for name, value in vars(HOME).items() if name != "command"}

