"""What the benchmarks share: the repository's root on the path, a deck written to size, a median of timings."""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the game's package, when a benchmark runs as a script


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
