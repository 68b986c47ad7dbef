"""Figures of a lab's work and a learner's store, printed: authoring round trips, validate's layout check, the
progress store, refused files."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from common import ROOT, deck_text, median_seconds  # noqa: E402  (sets the path)

from game.content.library import load_library  # noqa: E402
from game.debrief.ending import sheet_at_end  # noqa: E402


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
    for label, seconds in (("première vérification, rien en mémoire", cold),
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
    from game.ui.scenes import SCENES

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
        app = App(library, folder, size=(1280, 720), settings_path=None, fast=True, scenes=SCENES)
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
