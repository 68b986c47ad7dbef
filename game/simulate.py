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
from game.engine.bots import choose
from game.engine.record import Session, new_session
from game.engine.rules import Game
from game.results import END_REASONS, result_lines, winner_text

ANSWER_SHARE = 0.7  # an answer comes after 70 % of a card's estimated time, the next card at 100 %

def team_names(scenario: ScenarioInfo, count: int | None) -> list[str]:
    if scenario.mode == "solo":
        return ["Solo"]
    teams = scenario.team_range
    n = min(max(count or max(2, teams.min), teams.min), teams.max)
    return [f"Équipe {i + 1}" for i in range(n)]


def play_session(scenario: ScenarioInfo, pool: Sequence[Any], aspects: dict[str, str], teams: Sequence[str],
                 seed: int, strategy: str) -> Session:
    session = new_session(scenario, pool, teams, seed, 0.0, aspects, session_id=f"simulation-{seed}")
    game = session.game
    rng = random.Random(seed)
    t = 0.0
    while not game.is_terminal(session.state):
        state = session.state
        action = choose(game, state, strategy, rng)
        card = game.cards[state.index]
        seconds = card.estimated_minutes * 60
        if action.type == "answer":
            t += seconds * ANSWER_SHARE
        elif state.phase == "discuss" or card.kind == "event":
            t += seconds  # nothing was answered on this card: its whole time passes now
        else:
            t += seconds * (1 - ANSWER_SHARE)
        session.act(action, round(t, 3))
    return session


def estimated_minutes(game: Game) -> float:
    return sum(c.estimated_minutes for c in game.cards)


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {int(seconds % 60):02d} s"


def _answer_text(game: Game, play: Any) -> str:
    if play.outcome != "answered":
        return {"skipped": "passée", "discussed": "débattue", "event": "événement"}[play.outcome]
    chosen = "+".join(str(c + 1) for c in play.choices)
    verdict = ("juste" if play.correct else "faux") if play.correct is not None else play.rating
    return f"choix {chosen}, {verdict}"


def summary(session: Session, seed: int, strategy: str) -> list[str]:
    game, state = session.game, session.state
    scenario = game.scenario
    kinds = Counter(c.kind for c in game.cards)
    lines = [
        f"Scénario : {scenario.title} ({scenario.id}), graine {seed}, stratégie {strategy}, "
        f"{len(game.teams)} équipe(s)",
        f"Cartes tirées : {len(game.cards)} (" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")"
        f", durée estimée {estimated_minutes(game):g} min (visée {scenario.minutes.target:g}, max {scenario.minutes.max:g})",
    ]
    for n, play in enumerate(state.plays, start=1):
        team = game.teams[play.team] if play.team is not None else "table"
        lines.append(f"  {n:2d}. {play.card_id:<14} {play.kind:<9} {play.aspect:<16} {team:<10} {_answer_text(game, play)}")
    lines.append(f"Fin : {END_REASONS[state.end_reason or 'cards']}")
    lines += result_lines(game, state)
    lines.append(f"Résultat : {winner_text(game, state)}")
    lines.append(f"Durée simulée : {_minutes(state.elapsed)}")
    return lines


def batch_summary(sessions: Sequence[Session], first_seed: int, strategy: str) -> list[str]:
    game0 = sessions[0].game
    scenario = game0.scenario
    n = len(sessions)
    ends = Counter(s.state.end_reason for s in sessions)
    won = [s.game.winners(s.state) for s in sessions]
    lines = [f"Scénario : {scenario.title} ({scenario.id}), {n} sessions (graines {first_seed} à {first_seed + n - 1}), "
             f"stratégie {strategy}, {len(game0.teams)} équipe(s)"]
    if scenario.win == "gauges":
        lines.append(f"Taux de victoire : {100 * sum(1 for w in won if w) / n:.1f} %")
    else:
        single = sum(1 for w in won if len(w) == 1)
        lines.append(f"Sessions avec un gagnant : {100 * single / n:.1f} % (égalité ou aucun : {100 * (n - single) / n:.1f} %)")
        for i, name in enumerate(game0.teams):
            lines.append(f"  {name} gagne : {100 * sum(1 for w in won if w == (i,)) / n:.1f} %")
    lines.append("Fins : " + ", ".join(f"{END_REASONS[r or 'cards']} {100 * c / n:.1f} %" for r, c in sorted(ends.items(), key=lambda x: str(x[0]))))
    estimates = [estimated_minutes(s.game) for s in sessions]
    played = [s.state.elapsed / 60 for s in sessions]
    lines.append(f"Durée estimée (min) : médiane {statistics.median(estimates):g}, min {min(estimates):g}, max {max(estimates):g}")
    lines.append(f"Durée simulée (min) : médiane {statistics.median(played):.1f}, min {min(played):.1f}, max {max(played):.1f}")
    drawn: Counter[str] = Counter()
    right: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    for s in sessions:
        for play in s.state.plays:
            drawn[play.card_id] += 1
            if play.outcome == "answered":
                answered[play.card_id] += 1
                right[play.card_id] += play.correct is True or play.rating == "best"
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
