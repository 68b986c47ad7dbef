"""Speed figures, printed: loading decks, simulating sessions, starting the program.

Run with `python benchmarks/run.py`. The machine is noisy, so every figure is a median of
several runs, and each comparison is measured side by side in the same run.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from common import ROOT, deck_text, median_seconds  # noqa: E402  (sets the path)
from lab_figures import bench_authoring, bench_progress, bench_refused_files, bench_validate_ratio  # noqa: E402

from game.content.library import load_library  # noqa: E402
from game.content.models import ScenarioInfo  # noqa: E402
from game.simulate import play_session  # noqa: E402


def bench_loading() -> None:
    print("Chargement et validation d'un deck (médiane de plusieurs essais, mêmes fichiers)")
    print(f"  {'cartes':>7}  {'yaml.load CSafeLoader':>22}  {'notre chargement':>17}  {'rapport':>7}  {'µs/carte':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for cards in (100, 1_000, 10_000):
            path = Path(folder) / f"deck-{cards}.yaml"
            path.write_text(deck_text(cards), encoding="utf-8")
            runs = 7 if cards < 10_000 else 5

            def plain() -> None:
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

            def ours() -> None:
                library = load_library([(path, True)])
                assert not library.errors and len(library.decks["bench"].entries) == cards

            plain_s = median_seconds(plain, runs)
            ours_s = median_seconds(ours, runs)
            print(f"  {cards:>7}  {plain_s * 1000:>19.1f} ms  {ours_s * 1000:>14.1f} ms  {ours_s / plain_s:>7.2f}  "
                  f"{ours_s / cards * 1e6:>8.1f}")


def bench_simulation() -> None:
    scenario = ScenarioInfo.model_validate({
        "id": "bench", "title": "Mesure", "description": "Vingt cartes.", "mode": "teams",
        "minutes": {"target": 20, "max": 30}, "decks": ["bench"], "win": "points",
        "draw": [{"kinds": ["question"], "count": 20}]})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.yaml"
        path.write_text(deck_text(200), encoding="utf-8")
        pool = load_library([(path, True)]).decks["bench"].cards
    sessions = 2000
    rates = []
    for run in range(5):
        start = time.perf_counter()
        for seed in range(sessions):
            table = play_session(scenario, pool, {}, ["A", "B"], run * sessions + seed, "random")
            assert len(table.history()) == 20
        rates.append(sessions / (time.perf_counter() - start))
    print(f"Simulation : {statistics.median(rates):.0f} sessions entières de 20 cartes par seconde "
          f"(médiane de 5 séries de {sessions}, robot au hasard, 2 équipes ; min {min(rates):.0f}, max {max(rates):.0f})")


def bench_default_simulation() -> None:
    """`simulate --sessions 2000` on the default scenario: the sessions alone, then the whole command."""
    from game.cli.content import load_scenario
    from game.wording.players import team_names

    library, scenario = load_scenario("atelier-teletravail", [])
    pool, aspects, names = library.pool(scenario), library.aspect_labels(scenario), team_names(scenario, None)
    rates = []
    for run in range(5):
        start = time.perf_counter()
        for seed in range(2000):
            play_session(scenario, pool, aspects, names, run * 2000 + seed, "random", recorded=False)
        rates.append(2000 / (time.perf_counter() - start))
    command = [sys.executable, "-m", "game", "simulate", "--sessions", "2000"]
    walls = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
    wall = statistics.median(walls)
    print(f"simulate --sessions 2000 (atelier-teletravail) : {statistics.median(rates):.0f} sessions par seconde "
          f"de jeu (médiane de 5 séries, min {min(rates):.0f}, max {max(rates):.0f}) ; la commande entière "
          f"{wall:.2f} s, soit {2000 / wall:.0f} sessions par seconde en comptant le chargement et le résumé")


def bench_engine_import() -> None:
    """Importing the engine: what it loads and how long it takes, beside importing pydantic."""
    code = ("import sys, time; t = time.perf_counter(); import game.engine.rules, game.engine.session, "
            "game.engine.draw; d = time.perf_counter() - t; "
            "print(d, any(m.startswith(('pydantic', 'game.wording')) for m in sys.modules))")
    pyd = "import time; t = time.perf_counter(); import pydantic; print(time.perf_counter() - t)"
    engine, heavy, loaded = [], [], set()
    for _ in range(9):
        seconds, found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                        check=True).stdout.split()
        engine.append(float(seconds))
        loaded.add(found)
        heavy.append(float(subprocess.run([sys.executable, "-c", pyd], capture_output=True, text=True,
                                          check=True).stdout))
    print(f"Import du moteur : {statistics.median(engine) * 1000:.1f} ms (pydantic ou catalogue chargés : "
          f"{'oui' if 'True' in loaded else 'non'}) ; import de pydantic seul : "
          f"{statistics.median(heavy) * 1000:.0f} ms (médianes de 9)")


def bench_cold_start() -> None:
    commands = {
        "python -m game --help": [sys.executable, "-m", "game", "--help"],
        'python -c "import yaml, pydantic"': [sys.executable, "-c", "import yaml, pydantic"],
        "python -m game validate (contenu fourni)": [sys.executable, "-m", "game", "validate"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(15):  # interleaved, so both feel the same noise
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(t) for name, t in times.items()}
    base = medians['python -c "import yaml, pydantic"']
    print("Démarrage à froid (médiane de 15 lancements alternés)")
    for name, value in medians.items():
        print(f"  {name:<42} {value * 1000:7.1f} ms  ({value / base:.2f} × import yaml, pydantic)")


def bench_sheet() -> None:
    """The debriefing sheet of a 40-card session, beside fpdf2 writing the same text in the same font."""
    from fpdf import FPDF

    from game.debrief.pdf import write_sheet
    from game.fonts import font_path, printable
    from game.paths import shipped_decks
    from game.present.sheet import build_report

    pool = load_library([(shipped_decks(), True)]).decks["teletravail"].cards
    scenario = ScenarioInfo.model_validate({
        "id": "bench", "title": "Mesure", "description": "Quarante cartes.", "mode": "teams",
        "minutes": {"target": 40, "max": 60}, "decks": ["teletravail"], "win": "points",
        "draw": [{"kinds": ["question"], "count": 36}, {"kinds": ["debate"], "count": 4}]})
    report = build_report(play_session(scenario, pool, {}, ["A", "B"], 1, "random"))
    assert len(report.cards) == 40
    texts = [printable(t) for c in report.cards
             for t in (c.prompt, c.given or "", c.right or "", c.explanation or "", c.source or "") if t]

    def bare() -> None:
        pdf = FPDF(format="A4")
        for style, name in (("", "regular"), ("B", "bold"), ("I", "italic")):
            pdf.add_font("A", style, str(font_path("atkinson", name)))
        pdf.add_page()
        for text in texts:
            pdf.set_font("A", "", 10)
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.output(str(Path(folder) / "bare.pdf"))

    def ours() -> None:
        write_sheet(report, Path(folder) / "sheet.pdf")

    with tempfile.TemporaryDirectory() as folder:
        bare_s = median_seconds(bare, 9)
        ours_s = median_seconds(ours, 9)
        try:
            from pypdf import PdfReader  # a test dependency: count pages only where it is installed
            pages = f"{len(PdfReader(Path(folder) / 'sheet.pdf').pages)} pages"
        except ImportError:
            pages = "pages non comptées"
    print(f"Bilan PDF d'une session de 40 cartes ({pages}) : {ours_s * 1000:.0f} ms, "
          f"fpdf2 seul avec le même texte et la même police : {bare_s * 1000:.0f} ms "
          f"(rapport {ours_s / bare_s:.2f}, médiane de 9)")


def _probe(*args: str) -> str:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy"}
    probe = Path(__file__).resolve().parent / "ui_probe.py"
    return subprocess.run([sys.executable, str(probe), *args], check=True, capture_output=True, text=True,
                          env=env).stdout.strip()


def _instructions(mode: str) -> int | None:
    """Instructions executed by one probe launch, counted by valgrind: a wall clock on a shared machine
    varies by a third from launch to launch, this count by a few thousandths. None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy"}
    probe = Path(__file__).resolve().parent / "ui_probe.py"
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                           str(probe), mode], capture_output=True, text=True, env=env, check=True)
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))


def bench_screen() -> None:
    """First frame beside a bare pygame-ce window; CPU while animating and while idle (SDL's dummy driver).

    The package is byte-compiled first, as an installed one is: where PYTHONDONTWRITEBYTECODE is set,
    every launch would otherwise compile the sources again.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "game"), quiet=1)
    ratios = []
    for _ in range(10):  # ten measurements, each the median of 5 alternated launches
        times: dict[str, list[float]] = {"first-frame": [], "bare": []}
        for _ in range(5):
            for mode in times:
                start = time.perf_counter()
                _probe(mode)
                times[mode].append(time.perf_counter() - start)
        ours, bare = statistics.median(times["first-frame"]), statistics.median(times["bare"])
        ratios.append(ours / bare)
    print(f"Premier écran d'accueil / fenêtre pygame-ce nue : rapport médian {statistics.median(ratios):.2f}, "
          f"de {min(ratios):.2f} à {max(ratios):.2f} sur 10 mesures (chacune la médiane de 5 lancements alternés)")
    counts = {mode: _instructions(mode) for mode in ("first-frame", "bare")}
    if None not in counts.values():
        print(f"Les mêmes en instructions (valgrind, le même compte à chaque essai, machine chargée ou non) : "
              f"{counts['first-frame'] / 1e6:.1f} M contre {counts['bare'] / 1e6:.1f} M, "
              f"rapport {counts['first-frame'] / counts['bare']:.3f}")
    per_frame = statistics.median(float(_probe("animate")) for _ in range(3))
    print(f"Animation à 1920×1080 : {per_frame:.2f} ms de CPU par image, "
          f"{100 * per_frame / 16.7:.0f} % du budget de 16,7 ms (médiane de 3 × 240 images)")
    share, frames = _probe("idle", "10").split()
    print(f"Au repos sur une carte pendant 10 s : {100 * float(share):.2f} % d'un cœur, {frames} images dessinées")


if __name__ == "__main__":
    bench_refused_files()
    bench_engine_import()
    bench_default_simulation()
    bench_loading()
    bench_simulation()
    bench_sheet()
    bench_screen()
    bench_cold_start()
    bench_authoring()
    bench_validate_ratio()
    bench_progress()
