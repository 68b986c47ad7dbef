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
from game.engine.vocabulary import ActionType, EndReason, Phase
from game.table.bots import choose
from game.table.table import Table
from game.table.view import PlayView
from game.wording.players import end_reason, lower_first, result, result_lines, team_names, tr

ANSWER_SHARE = 0.7  # an answer comes after 70 % of a card's estimated time, the next card at 100 %


def play_session(scenario: ScenarioInfo, pool: Sequence[Any], aspects: dict[str, str], teams: Sequence[str],
                 seed: int, strategy: str, answering: str | None = None, recorded: bool = True) -> Table:
    """One whole session played by a bot at an unlogged table; simulated time follows the cards' estimates.
    Not `recorded`: its events are not kept either (a batch only counts outcomes)."""
    table = Table.drawn(scenario, pool, teams, seed, aspects, f"simulation-{seed}", answering, recorded)
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


class Tally:
    """What many sessions add up to, gathered one session at a time so none has to be kept: a batch of
    thousands runs in constant memory."""

    def __init__(self, first: Table):
        self.facts = first.facts()
        self.sessions = 0
        self.ends: Counter[EndReason | None] = Counter()
        self.with_winners = 0
        self.single: Counter[int] = Counter()  # sessions won by one team alone, by team
        self.estimates: list[float] = []
        self.played: list[float] = []
        self.target = first.start.scenario.minutes.target * 60
        self.panorama = first.standings().panorama
        self.completed: Counter[int] = Counter()  # sessions where the team completed its panorama in time
        self.covered: Counter[tuple[int, str]] = Counter()  # sessions where the team filled the aspect
        self.drawn: Counter[str] = Counter()
        self.answered: Counter[str] = Counter()
        self.right: Counter[str] = Counter()

    def add(self, table: Table) -> None:
        standings = table.standings()
        self.sessions += 1
        self.ends[standings.end_reason] += 1
        self.with_winners += bool(standings.winners)
        if len(standings.winners) == 1:
            self.single[standings.winners[0]] += 1
        self.estimates.append(estimated_minutes(table))
        self.played.append(table.view().clock.elapsed / 60)
        for team in standings.teams:
            self.completed[team.index] += team.completed is not None and team.completed <= self.target
            self.covered.update((team.index, aspect) for aspect in team.panorama)
        plays = table.session.state.plays
        self.drawn.update(play.card_id for play in plays)
        self.answered.update({play.card_id: len(play.answers) for play in plays if play.answers})
        self.right.update({play.card_id: sum(a.success for a in play.answers) for play in plays if play.answers})

    def lines(self, first_seed: int, strategy: str) -> list[str]:
        facts, n = self.facts, self.sessions
        lines = [f"Scénario : {facts.title} ({facts.scenario_id}), {n} sessions (graines {first_seed} à "
                 f"{first_seed + n - 1}), stratégie {strategy}, {len(facts.teams)} équipe(s)"]
        if facts.win == "gauges":
            lines.append(f"Taux de victoire : {100 * self.with_winners / n:.1f} %")
        else:
            single = sum(self.single.values())
            shared = self.with_winners - single
            lines.append(f"Sessions avec un gagnant : {100 * single / n:.1f} % (gagnants ex æquo : "
                         f"{100 * shared / n:.1f} %, aucun : {100 * (n - self.with_winners) / n:.1f} %)")
            for i, name in enumerate(facts.teams):
                lines.append(f"  {name} gagne : {100 * self.single[i] / n:.1f} %")
        lines.append("Fins : " + ", ".join(f"{end_reason(r)} {100 * c / n:.1f} %"
                                           for r, c in sorted(self.ends.items(), key=lambda x: str(x[0]))))
        estimates, played = self.estimates, self.played
        lines.append(f"Durée estimée (min) : médiane {statistics.median(estimates):g}, min {min(estimates):g}, "
                     f"max {max(estimates):g}")
        lines.append(f"Durée simulée (min) : médiane {statistics.median(played):.1f}, min {min(played):.1f}, "
                     f"max {max(played):.1f}")
        lines += self._panorama_lines()
        lines.append("Par carte : jouée, réponses d’équipe, réussie (juste ou meilleure option)")
        for card_id in sorted(self.drawn):
            answered = self.answered[card_id]
            rate = f"{100 * self.right[card_id] / answered:5.1f} %" if answered else "    —  "
            lines.append(f"  {card_id:<14} {self.drawn[card_id]:5d} {answered:5d}  {rate}")
        return lines

    def _panorama_lines(self) -> list[str]:
        """Per team: how often each aspect was filled, and how often the whole panorama within the target."""
        if not self.panorama:
            return []
        n, teams = self.sessions, self.facts.teams
        everyone = sum(self.completed.values()) / (n * len(teams))
        lines = [f"Panorama complet ({len(self.panorama)} aspects) dans le temps visé ({self.target / 60:g} min) : "
                 f"{100 * everyone:.1f} % des équipes"]
        labels = [self.facts.aspects.get(a, a) for a in self.panorama]
        width, cell = max(len(name) for name in teams), max(9, *(len(label) for label in labels))
        lines.append(f"  {'':<{width}}  {'complet':>8}  " + "  ".join(f"{label:>{cell}}" for label in labels))
        for i, name in enumerate(teams):
            cells = "  ".join(f"{100 * self.covered[i, a] / n:>{cell - 2}.1f} %" for a in self.panorama)
            lines.append(f"  {name:<{width}}  {100 * self.completed[i] / n:>6.1f} %  {cells}")
        return lines


def run(scenario: ScenarioInfo, pool: Sequence[Any], aspects: dict[str, str], seed: int, strategy: str,
        sessions: int, teams: int | None, answering: str | None = None) -> list[str]:
    names = team_names(scenario, teams)
    first = play_session(scenario, pool, aspects, names, seed, strategy, answering)
    if sessions == 1:
        return summary(first, seed, strategy)
    tally = Tally(first)
    tally.add(first)
    for k in range(1, sessions):
        tally.add(play_session(scenario, pool, aspects, names, seed + k, strategy, answering, recorded=False))
    return tally.lines(seed, strategy)
