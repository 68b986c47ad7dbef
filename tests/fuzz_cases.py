"""Structure-aware mutations of the shipped content and of real session logs, and what each must give.

Shared by the property tests (a short Hypothesis budget in every test run) and by
`benchmarks/fuzz.py` (a long run in watched worker processes, which also catches hangs and crashes).
A check returns what became of its input ("refused", "played", …) and raises only on a bug: an
exception a user would see as a traceback, or a promise broken (validate said OK, play refused).
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from game.cli import main
from game.cli.content import check_team_count, load_scenario
from game.cli.refusals import UserError
from game.content.errors import ContentInvalid
from game.debrief.ending import sheet_at_end
from game.engine.vocabulary import Action, ActionType
from game.paths import shipped_decks, shipped_scenarios
from game.present.bots import choose
from game.progress.sync import open_store
from game.session.log import LogError
from game.simulate import play_session
from game.table.table import Table

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser where PyYAML has it: ten times faster
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Values that crashed, hung or slipped through once, and their neighbours.
SPICES: list[Any] = [
    "[" * 60 + "]" * 60, "&a [*a]", "*nope", "x\x00y", "9" * 5000, "~", "", "x" * 6000, "mot " * 2000,
    "é" * 300, "مرحبا", "😀", "\u202e", "\ud800", -1, 0, 1, 10**20, 1e309, float("nan"), True, None, [], {},
    "!!python/object/apply:os.system ['true']", "{a: 1", "'pas fermé", "a: b: c", "\t", "0500", "--- !!set",
    "https://" + "a/" * 600, "1 000", "∞", [[[[[[[[[[]]]]]]]]]], {"~": 1}, ["a"] * 500,
]


def _spice(rng: random.Random) -> Any:
    return rng.choice(SPICES)


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a tree of dicts and lists, the root included."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _nodes(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _nodes(value, path + (i,))
    return found


def _mutate_tree(data: Any, rng: random.Random) -> Any:
    """Delete, replace, duplicate or retype one node of the parsed file."""
    path = rng.choice(_nodes(data)[1:] or [()])
    if not path:
        return _spice(rng)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    move = rng.randrange(6)
    if move == 0:
        del parent[last]
    elif move == 1:
        parent[last] = _spice(rng)
    elif move == 2 and isinstance(parent, list):
        parent.insert(last, json.loads(json.dumps(parent[last])))  # a repeated item: repeated ids
    elif move == 3:
        value = parent[last]
        parent[last] = [value] if not isinstance(value, list) else (value[0] if value else None)
    elif move == 4 and isinstance(parent, dict):
        parent[rng.choice(["extra", "id", "kind", "teams", "minutes", "next", "gauges"])] = _spice(rng)
    else:
        value = parent[last]
        parent[last] = str(value) if not isinstance(value, str) else (len(value) if rng.random() < 0.5 else value * 3)
    return data


def _mutate_text(text: str, rng: random.Random) -> str:
    """Edits a person or a broken disk makes: lines lost, doubled, shifted, cut, characters slipped in."""
    lines = text.split("\n")
    move = rng.randrange(7)
    k = rng.randrange(len(lines))
    if move == 0:
        del lines[k]
    elif move == 1:
        lines.insert(k, lines[k])
    elif move == 2:
        shift = rng.choice([-3, -2, -1, 1, 2, 3])
        lines[k] = " " * max(0, shift) + lines[k][max(0, -shift):]
    elif move == 3:
        return text[:rng.randrange(len(text) + 1)]
    elif move == 4:
        at = rng.randrange(len(lines[k]) + 1)
        lines[k] = lines[k][:at] + str(_spice(rng)) + lines[k][at:]
    elif move == 5:
        lines[k] = lines[k].replace(":", rng.choice(["", " :", "::", ": :"]), 1)
    else:
        lines[k] = lines[k].replace(" ", "\t", 1)
    return "\n".join(lines)


def mutate_yaml(text: str, rng: random.Random) -> str:
    """One to three mutations, on the tree (dumped back to YAML) or on the text itself."""
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.5:
            try:
                data = yaml.load(text, Loader=_LOADER)
            except (yaml.YAMLError, RecursionError, ValueError):
                data = None
            if isinstance(data, (dict, list)):
                try:
                    text = _dump(_mutate_tree(data, rng))
                except (yaml.YAMLError, RecursionError, ValueError):
                    pass
                continue
        text = _mutate_text(text, rng) if text else str(_spice(rng))
    return text


FUZZ_SCENARIO = "fuzz-scenario"


def lab_folder(folder: Path, rng: random.Random) -> Path:
    """A lab's folder made from a shipped scenario and its decks under new ids (so they never collide with the
    shipped ones), one of its files mutated (named in `MUTATED` beside them); returns the scenario's file."""
    files = _lab_texts(rng.choice(sorted(p.name for p in shipped_scenarios().glob("*.yaml"))))
    target = rng.choice(sorted(files))
    for name, text in files.items():
        (folder / name).write_text(mutate_yaml(text, rng) if name == target else text, encoding="utf-8",
                                   errors="surrogatepass")
    (folder / MUTATED).write_text(target, encoding="utf-8")
    return folder / "scenario.yaml"


MUTATED = "mutated.txt"  # which file of a lab folder was mutated: a refusal must name it


@functools.lru_cache(maxsize=None)
def _lab_texts(scenario_name: str) -> dict[str, str]:
    """The files of a lab copy of a shipped scenario, by name, made once per run."""
    scenario = yaml.load((shipped_scenarios() / scenario_name).read_text(encoding="utf-8"), Loader=_LOADER)
    renamed = {deck: f"fuzz-{deck}" for deck in scenario["scenario"]["decks"]}
    scenario["scenario"]["id"] = FUZZ_SCENARIO
    scenario["scenario"]["decks"] = list(renamed.values())
    files = {"scenario.yaml": scenario}
    for path in sorted(shipped_decks().glob("*.yaml")):
        deck = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        if deck["deck"]["id"] in renamed:
            deck["deck"]["id"] = renamed[deck["deck"]["id"]]
            for card in deck["cards"]:
                card["id"] = f"fz-{card['id']}"
            files[f"{deck['deck']['id']}.yaml"] = deck
    return {name: _dump(data) for name, data in files.items()}


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


def check_content(folder: Path, scenario_file: Path, seed: int, layout: bool = True) -> str:
    """`validate` on the lab's folder gives a sentence or OK; OK means the scenario plays for every team
    count it allows. Without `layout`, the texts are not laid out on a screen (the slow part).
    Returns "refused" or "played"; raises on a traceback or a broken promise."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", str(folder)] + ([] if layout else ["--no-layout"]))
    if code != 0:
        said = err.getvalue()
        assert code in (1, 2) and said.strip(), (code, said[-500:])
        mutated = (folder / MUTATED).read_text(encoding="utf-8") if (folder / MUTATED).exists() else ""
        if mutated and _names_a_file(said):  # the refusal points at the file the mutation made wrong, or names it
            named = (mutated, FUZZ_SCENARIO) if mutated == "scenario.yaml" else (mutated, mutated.removesuffix(".yaml"))
            assert any(name in said for name in named), (mutated, said[-500:])
        return "refused"
    try:
        library, scenario = load_scenario(str(scenario_file), [folder])
    except ContentInvalid as refused:
        raise AssertionError(f"validate said OK, play refuses: {refused.errors[:3]}") from None
    for teams in range(scenario.team_range.min, scenario.team_range.max + 1):
        names = [f"Équipe {n + 1}" for n in range(teams)]
        try:
            check_team_count(scenario, teams, library.pool(scenario), None)
        except UserError as refused:  # more teams than one at a time can serve: said before anything starts
            assert "équipes" in str(refused)
            continue
        table = play_session(scenario, library.pool(scenario), library.aspect_labels(scenario), names, seed,
                             "random")
        assert table.over
        table.standings()
    _exports_round_trip(folder)
    return "played"


def _exports_round_trip(folder: Path) -> None:
    """Each deck of a lab folder that plays goes to a spreadsheet and back unchanged: `export-csv`, then
    `import --into` the deck, gives the same cards (a deck with parcours is refused by the export, in a sentence)."""
    from game.content.library import load_library

    for deck in sorted(folder.glob("fuzz-*.yaml")):
        before = load_library([(deck, True)]).decks
        table = deck.with_suffix(".csv")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            exported = main(["export-csv", str(deck), "--out", str(table), "--force"])
            if exported == 0:
                imported = main(["import", str(table), "--into", str(deck)])
        if exported != 0:
            assert exported == 2 and "parcours" in err.getvalue(), err.getvalue()[-300:]
            continue
        assert imported == 0, err.getvalue()[-500:]
        after = load_library([(deck, True)]).decks
        assert {d: [c for c in loaded.cards] for d, loaded in after.items()} == \
            {d: [c for c in loaded.cards] for d, loaded in before.items()}, deck.name
        table.unlink()


def _names_a_file(said: str) -> bool:
    """Whether a refusal names files (an error at its line), not a sentence about the whole command."""
    return ".yaml:" in said


def base_logs(folder: Path, library: Any, count: int = 6) -> list[Path]:
    """Real logs of the shipped scenarios, some finished, some stopped half-way."""
    made = []
    for k in range(count):
        info = sorted(library.scenarios.values(), key=lambda s: s.info.id)[k % len(library.scenarios)].info
        names = [f"Équipe {n + 1}" for n in range(max(1, info.team_range.min))]
        learner = {"profile": names[0], "origins": library.origins(info)} if k % 2 else {}  # a solo learner's log
        table = Table.start_new(folder, info, library.pool(info), names, k, library.aspect_labels(info), 1_000.0,
                                **learner, at_end=sheet_at_end)
        rng = random.Random(k)
        t = 1_000.0
        for _ in range(rng.randrange(3, 40)):
            if table.over:
                break
            t += rng.uniform(0, 90)
            table.act(choose(table, "random", rng) if rng.random() < 0.8 else
                      Action(rng.choice(list(ActionType)), (rng.randrange(5),), "note"), t)
        table.close()
        made.append(table.path)
    return made


JSON_SPICES: list[Any] = [None, -1, 0, 1.5, 10**30, "x", "", [], {}, [[1]], {"a": 1}, True, "\u0000", "Équipe 9",
                          float("inf"), float("nan"), [0, 0], [[0], [1]], "x" * 300]


def mutate_log(data: bytes, rng: random.Random) -> bytes:
    """Torn, doubled, swapped or edited lines; fields set to strange values; bytes flipped."""
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 3)):
        move = rng.randrange(7)
        k = rng.randrange(len(lines))
        if move == 0:
            return b"\n".join(lines)[:rng.randrange(len(data) + 1)]
        if move == 1:
            lines.insert(k, lines[k])
        elif move == 2:
            j = rng.randrange(len(lines))
            lines[k], lines[j] = lines[j], lines[k]
        elif move == 3:
            del lines[k]
        elif move == 4 and lines[k]:
            at = rng.randrange(len(lines[k]))
            lines[k] = lines[k][:at] + bytes([rng.randrange(256)]) + lines[k][at + 1:]
        else:
            try:
                event = json.loads(lines[k])
            except ValueError:
                continue
            if not isinstance(event, dict):
                continue
            path = rng.choice(_nodes(event)[1:] or [()])
            if path:
                parent = event
                for part in path[:-1]:
                    parent = parent[part]
                if move == 5:
                    parent[path[-1]] = rng.choice(JSON_SPICES)
                elif isinstance(parent, dict):
                    del parent[path[-1]]
            lines[k] = json.dumps(event, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    return b"\n".join(lines)


def check_log(path: Path, seed: int) -> str:
    """A mutated log is read and resumed, or refused with a sentence; a resumed one plays to its end and
    writes its sheet. Returns "refused", "read" or "finished"; raises on a bug."""
    try:
        read = Table.read(path)
    except LogError as refused:
        assert str(refused).strip()
        return "refused"
    read.view(), read.standings(), read.history(), read.facts()
    store = open_store(path.parent)  # a learner's progress copies what it can read, and skips the rest
    store.close()
    backup = path.with_name(path.name + ".orig")
    shutil.copyfile(path, backup)
    try:
        table = Table.resume(path, now=1e9, at_end=sheet_at_end)
    except LogError as refused:
        assert str(refused).strip()
        return "read"
    rng = random.Random(seed)
    t = 1e9
    try:
        while not table.over:
            t += 30
            if rng.random() < 0.05:
                table.act(Action(ActionType.END), t)
            else:
                table.act(choose(table, "random", rng), t)
    finally:
        table.close()
    assert table.sheet is not None and table.sheet.pdf.exists(), table.sheet_error
    return "finished"
