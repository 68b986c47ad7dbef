"""Headless sessions played by bots, and their summaries: the first balancing tool a lab gets.

Simulated time follows each card's estimated minutes, so the same seed prints the same text.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

from game.content.models import ScenarioInfo
from game.engine.vocabulary import ActionType, Phase
from game.table.bots import choose
from game.table.table import Table
from game.table.view import PlayView
from game.wording.players import end_reason, lower_first, result, result_lines, team_names, tr

ANSWER_SHARE = 0.7  # an answer comes after 70 % of a card's estimated time, the next card at 100 %


def play_session(scenario: ScenarioInfo, pool: Sequence[Any], aspects: dict[str, str], teams: Sequence[str],
                 seed: int, strategy: str) -> Table:
    """One whole session played by a bot at an unlogged table; simulated time follows the cards' estimates."""
    table = Table.drawn(scenario, pool, teams, seed, aspects, f"simulation-{seed}")
    rng = random.Random(seed)
    t = 0.0
    while not table.over:
        view = table.view()
        action = choose(view, strategy, rng)
        seconds = view.card.estimated_minutes * 60
        if action.type == ActionType.ANSWER:
            t += seconds * ANSWER_SHARE
        elif view.phase == Phase.DISCUSS or not view.card.team_answers:
            t += seconds  # nothing was answered on this card: its whole time passes now
        else:
            t += seconds * (1 - ANSWER_SHARE)
        table.act(action, round(t, 3))
    return table


def estimated_minutes(table: Table) -> float:
    return sum(c.estimated_minutes for c in table.start.cards)


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {int(seconds % 60):02d} s"


def _answer_text(play: PlayView) -> str:
    mark = lower_first(tr(f"mark.{play.mark}"))
    if not play.verdicts:
        return mark
    return f"choix {'+'.join(str(c + 1) for c in play.verdicts[0].choices)}, {mark}"


def summary(table: Table, seed: int, strategy: str) -> list[str]:
    facts, standings = table.facts(), table.standings()
    scenario = table.start.scenario
    kinds = Counter(c.kind for c in table.start.cards)
    lines = [
        f"Scénario : {facts.title} ({facts.scenario_id}), graine {seed}, stratégie {strategy}, "
        f"{len(facts.teams)} équipe(s)",
        f"Cartes tirées : {len(table.start.cards)} (" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")"
        f", durée estimée {estimated_minutes(table):g} min (visée {scenario.minutes.target:g}, "
        f"max {scenario.minutes.max:g})",
    ]
    for play in table.history():
        team = play.verdicts[0].name if play.verdicts else "table"
        lines.append(f"  {play.number:2d}. {play.card.id:<14} {play.card.kind:<9} {play.card.aspect:<16} {team:<10} "
                     f"{_answer_text(play)}")
    lines.append(f"Fin : {end_reason(standings.end_reason)}")
    lines += ["  " + line for line in result_lines(standings)]
    lines.append(f"Résultat : {result(standings)}")
    lines.append(f"Durée simulée : {_minutes(table.view().clock.elapsed)}")
    return lines


def batch_summary(tables: Sequence[Table], first_seed: int, strategy: str) -> list[str]:
    facts = tables[0].facts()
    n = len(tables)
    standings = [t.standings() for t in tables]
    ends = Counter(s.end_reason for s in standings)
    lines = [f"Scénario : {facts.title} ({facts.scenario_id}), {n} sessions (graines {first_seed} à "
             f"{first_seed + n - 1}), stratégie {strategy}, {len(facts.teams)} équipe(s)"]
    if facts.win == "gauges":
        lines.append(f"Taux de victoire : {100 * sum(1 for s in standings if s.winners) / n:.1f} %")
    else:
        single = sum(1 for s in standings if len(s.winners) == 1)
        lines.append(f"Sessions avec un gagnant : {100 * single / n:.1f} % "
                     f"(égalité ou aucun : {100 * (n - single) / n:.1f} %)")
        for i, name in enumerate(facts.teams):
            lines.append(f"  {name} gagne : {100 * sum(1 for s in standings if s.winners == (i,)) / n:.1f} %")
    lines.append("Fins : " + ", ".join(f"{end_reason(r)} {100 * c / n:.1f} %"
                                       for r, c in sorted(ends.items(), key=lambda x: str(x[0]))))
    estimates = [estimated_minutes(t) for t in tables]
    played = [t.view().clock.elapsed / 60 for t in tables]
    lines.append(f"Durée estimée (min) : médiane {statistics.median(estimates):g}, min {min(estimates):g}, "
                 f"max {max(estimates):g}")
    lines.append(f"Durée simulée (min) : médiane {statistics.median(played):.1f}, min {min(played):.1f}, "
                 f"max {max(played):.1f}")
    drawn: Counter[str] = Counter()
    right: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    for t in tables:
        for play in t.history():
            drawn[play.card.id] += 1
            if play.verdicts:
                answered[play.card.id] += 1
                right[play.card.id] += bool(play.success)
    lines.append("Par carte : jouée, répondue, réussie (juste ou meilleure option)")
    for card_id in sorted(drawn):
        rate = f"{100 * right[card_id] / answered[card_id]:5.1f} %" if answered[card_id] else "    —  "
        lines.append(f"  {card_id:<14} {drawn[card_id]:5d} {answered[card_id]:5d}  {rate}")
    return lines


def run(scenario: ScenarioInfo, pool: Sequence[Any], aspects: dict[str, str], seed: int, strategy: str,
        sessions: int, teams: int | None) -> list[str]:
    names = team_names(scenario, teams)
    played = [play_session(scenario, pool, aspects, names, seed + k, strategy) for k in range(sessions)]
    return summary(played[0], seed, strategy) if sessions == 1 else batch_summary(played, seed, strategy)
