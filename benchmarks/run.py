"""Speed figures, printed: loading decks, simulating sessions, starting the program.

Run with `python benchmarks/run.py`. The machine is noisy, so every figure is a median of
several runs, and each comparison is measured side by side in the same run.
"""

from __future__ import annotations

import gc
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.content.library import load_library  # noqa: E402
from game.content.models import ScenarioInfo  # noqa: E402
from game.debrief.ending import sheet_at_end
from game.simulate import play_session  # noqa: E402

ASPECTS = ("reglementaire", "organisationnel", "managerial", "technique", "societal")


WORDS = ("agent usager télétravail caisse mairie dossier accueil droit pension service public numérique "
         "rendez-vous partenaire équipe manager semaine jour lieu sécurité données retraite famille "
         "logement emploi formation préfecture titre séjour impôts santé mobilité").split()


def deck_text(cards: int, seed: int = 1) -> str:
    """A deck of `cards` cards, each with its own texts (as a real deck, so nothing is measured only once):
    mostly questions, with debates, personas, situations and events."""
    rng = random.Random(seed)

    def words(n: int) -> str:
        text = " ".join(rng.choices(WORDS, k=n))
        return text[0].upper() + text[1:]

    lines = ["deck:", "  id: bench", '  title: "Deck de mesure"', "  license: CC-BY-4.0", "  aspects:"]
    lines += [f"    {a}: {a.capitalize()}" for a in ASPECTS]
    lines.append("cards:")
    for i in range(cards):
        aspect = ASPECTS[i % len(ASPECTS)]
        head = f"  - id: c-{i:05d}\n    aspect: {aspect}\n"
        if i % 10 == 7:
            lines.append(head + f'    kind: persona\n    name: Marie\n    age: {20 + i % 60}\n'
                         f'    situation: "{words(8)}."\n    need: "{words(5)}."\n'
                         f'    constraints: [mobilite, numerique]\n    quote: "{words(7)}."\n'
                         '    options:\n'
                         f'      - {{text: "{words(4)}", rating: best, effects: {{satisfaction: 2}}, feedback: "{words(8)}."}}\n'
                         f'      - {{text: "{words(5)}", rating: poor, effects: {{satisfaction: -2}}, feedback: "{words(8)}."}}')
        elif i % 10 == 8:
            lines.append(head + f'    kind: event\n    prompt: "{words(7)}."\n    effects: {{satisfaction: -1}}')
        elif i % 10 == 9:
            lines.append(head + f'    kind: debate\n    prompt: "{words(10)} ?"\n    minutes: 3')
        else:
            lines.append(head + '    kind: question\n    difficulty: 2\n'
                         f'    prompt: "{words(12)}."\n'
                         '    answers:\n      - {text: Vrai, correct: true}\n      - {text: Faux}\n'
                         f'    explanation: "{words(14)}."\n'
                         f'    source: "Décret n° 2016-151 du 11 février 2016, art. {i % 12 + 1}"')
    return "\n".join(lines) + "\n"


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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


def bench_authoring() -> None:
    """The authoring checks on a 1,000-card deck: the on-screen fit check draws every card and reveal."""
    from game.authoring.lint import lint
    from game.ui.fitcheck import unfit_texts

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.yaml"
        path.write_text(deck_text(1000), encoding="utf-8")
        library = load_library([(path, True)] + [(ROOT / "scenarios", False)])
        checked = set(library.checked)
        fit = median_seconds(lambda: unfit_texts(library, checked), 3)
        words = ("agent usager télétravail caisse mairie dossier accueil droit pension service public numérique "
                 "rendez-vous partenaire équipe manager semaine jour lieu sécurité données").split()
        rng = random.Random(1)
        lines = ["deck:", "  id: prompts", "  title: P", "  license: CC-BY-4.0", "  aspects: {a: A}", "cards:"]
        lines += [f'  - {{id: p-{i}, kind: debate, aspect: a, prompt: "{" ".join(rng.choices(words, k=12))} ?"}}'
                  for i in range(1000)]
        distinct = Path(tmp) / "prompts.yaml"
        distinct.write_text("\n".join(lines) + "\n", encoding="utf-8")
        prompts = load_library([(distinct, True)])
        linting = median_seconds(lambda: lint(prompts, set(prompts.checked)), 3)
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "PYTHONDONTWRITEBYTECODE": "1"}
    def validate(*extra: str) -> None:
        subprocess.run([sys.executable, "-m", "game", "validate", *extra], cwd=ROOT, env=env, check=True,
                       capture_output=True)
    full = median_seconds(validate, 3)
    quick = median_seconds(lambda: validate("--no-layout"), 3)
    print(f"Texte qui tient à l'écran, deck de 1 000 cartes : {fit:.2f} s ({fit:.2f} ms par carte, chaque "
          "révélation comprise)")
    print(f"Remarques (lint) sur 1 000 énoncés différents : {linting * 1000:.0f} ms")
    print(f"validate des decks fournis (133 cartes) : {full:.2f} s, dont {full - quick:.2f} s pour la vérification "
          f"à l'écran ({quick:.2f} s avec --no-layout)")


def bench_validate_ratio() -> None:
    """`validate` of a 10,000-card deck, layout check included, against a plain CSafeLoader load of the same
    file: at the first check (every card laid out), again unchanged, and after one card was edited."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck-10000.yaml"
        path.write_text(deck_text(10_000), encoding="utf-8")
        cache = Path(tmp) / "cache"
        env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "XDG_CACHE_HOME": str(cache)}

        def validate(*extra: str) -> None:
            subprocess.run([sys.executable, "-m", "game", "validate", *extra, str(path)], cwd=ROOT, env=env,
                           check=True, capture_output=True)

        def first() -> None:
            shutil.rmtree(cache, ignore_errors=True)
            validate()

        edits = iter(range(1, 100))

        def edited() -> None:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("name: Marie\n", f"name: Marie {next(edits)}\n", 1), encoding="utf-8")
            validate()

        plain = median_seconds(lambda: yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader), 5)
        cold = median_seconds(first, 3)
        again = median_seconds(validate, 3)
        one = median_seconds(edited, 3)
        quick = median_seconds(lambda: validate("--no-layout"), 3)
    print(f"validate d'un deck de 10 000 cartes toutes différentes, yaml.load(CSafeLoader) seul : {plain:.2f} s "
          f"(médianes de 3 à 5 essais)")
    for label, seconds in (("première vérification, chaque carte mise en page", cold),
                           ("vérification suivante, rien de changé", again),
                           ("après la modification d'une carte", one),
                           ("--no-layout", quick)):
        print(f"  {label:<52} {seconds:6.2f} s   rapport validate / CSafeLoader : {seconds / plain:5.2f}")


def bench_progress() -> None:
    """The progress screen opened on a learner's history of 10,000 and 100,000 answers (200 sessions of 50 and
    2,000 of 50, on the shipped cards), and a review session started beside any scenario."""
    import random

    from game.paths import shipped_decks, shipped_scenarios
    from game.progress.store import STORE_NAME, Answer, Store
    from game.progress.sync import open_store
    from game.progress.training import review_session, start_training
    from game.table.table import Table
    from game.ui.app import App

    library = load_library([(shipped_decks(), True), (shipped_scenarios(), True)])
    cards = [(deck_id, card) for deck_id, deck in library.decks.items() for card in deck.cards
             if card.kind in ("question", "persona", "situation")]
    labels = {a: label for deck in library.decks.values() for a, label in deck.info.aspects.items()}
    rng = random.Random(1)
    for total in (10_000, 100_000):
        folder = Path(tempfile.mkdtemp())
        store = Store(folder / STORE_NAME)
        for session in range(total // 50):
            store.record(f"s{session}", [Answer(f"s{session}", n, "Camille", card.id, deck_id, 1, card.kind, card.aspect,
                                 labels[card.aspect], 1.7e9 + session * 3600 + n * 30, "right" if ok else "wrong", ok,
                                 "Énoncé", "Réponse", "Explication", "Source")
                          for n, (deck_id, card) in enumerate(rng.sample(cards, 50), start=1)
                          for ok in [rng.random() < 0.7]])
        store.close()
        app = App(library, folder, size=(1280, 720), settings_path=None, fast=True)
        app.push("train", profile="Camille")  # the list the progress screen is opened from

        def open_progress() -> None:
            app.push("progress", profile="Camille")
            app.draw()
            app.pop()

        seconds = median_seconds(open_progress, 7)
        due = len(app.top.due)
        print(f"Écran des progrès avec {total:,} réponses : ".replace(",", "\u202f")
              + f"{seconds * 1000:.0f} ms jusqu'à la première image (médiane de 7 ; base lue, boîtes de Leitner et "
              f"maîtrise calculées, {due} cartes à revoir)")
        if total == 10_000:
            info = library.scenarios["atelier-teletravail"].info

            def due_now() -> list[str]:
                store = open_store(folder)
                try:
                    return store.due("Camille", 2e9)
                finally:
                    store.close()

            def review() -> None:
                chosen = review_session(library, due_now())  # as `train --review` opens the base: logs looked at too
                table = start_training(library, folder, chosen.scenario, chosen.cards, "Camille", 1, 2e9)
                table.close()
                table.path.unlink()  # the next start finds the folder as this one did

            def workshop() -> None:
                table = Table.start_new(folder, info, library.pool(info), ["A", "B"], 1, library.aspect_labels(info),
                                        2e9, at_end=sheet_at_end)
                table.close()
                table.path.unlink()

            print(f"Démarrer « Revoir mes erreurs » ({due} cartes) : {median_seconds(review, 15) * 1000:.1f} ms, "
                  f"démarrer l'atelier télétravail ({len(Table.drawn(info, library.pool(info), ['A', 'B'], 1, {}).start.cards)} cartes) : "
                  f"{median_seconds(workshop, 15) * 1000:.1f} ms (médianes de 15 ; base lue et journal écrit, "
                  f"dont l'enregistrement des cartes tirées) ; la part de la base : {median_seconds(due_now, 15) * 1000:.1f} ms")


def bench_refused_files() -> None:
    """How long `validate` takes to refuse a 6 MB file (unread) and an alias bomb (its node budget): the tests
    check the work done, this prints the time."""
    from game.cli import main

    folder = Path(tempfile.mkdtemp(prefix="bench-refused-"))
    big = folder / "enorme.yaml"
    line = '  - {id: x, kind: debate, aspect: a, prompt: "' + "texte " * 30 + '"}\n'
    big.write_text("deck:\n  id: enorme\ncards:\n" + line * (6_000_000 // len(line) + 1), encoding="utf-8")
    bomb = ROOT / "tests" / "broken" / "43-bombe-alias.yaml"
    for path in (big, bomb):
        seconds = median_seconds(lambda: main(["validate", str(path)]), 5)
        print(f"validate refuse {path.name} : {seconds * 1000:.0f} ms (médiane de 5)")
    shutil.rmtree(folder)


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
