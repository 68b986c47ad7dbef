"""Bots that play from the table's view: random, best or worst answers, else move on.

A few lines because the view lists the legal answers and each card judges an answer itself.
"""

from __future__ import annotations

import random

from game.engine.vocabulary import Action, ActionType
from game.table.view import TableView

NEXT = Action(ActionType.NEXT)


def choose(view: TableView, strategy: str, rng: random.Random) -> Action:
    """The bot's move: an answer when one is expected (each team's own when every team answers, and a
    pick among tied choices), otherwise on to the next card."""
    sets = view.choice_sets
    if not sets:
        return NEXT
    candidates = sets if strategy == "random" else _extremes(view, sets, strategy)
    if not view.every_team:
        return Action(ActionType.ANSWER, rng.choice(candidates))
    teams = tuple(rng.choice(candidates) for _ in view.teams)
    tied = view.tied(teams)
    return Action(ActionType.ANSWER, rng.choice(tied) if tied else (), teams=teams)


def _extremes(view: TableView, sets: tuple[tuple[int, ...], ...], strategy: str) -> list[tuple[int, ...]]:
    """The answers worth the most points ("best") or the fewest ("worst"), judged once for every team."""
    values = [view.card.judgements[s].points for s in sets]
    target = max(values) if strategy == "best" else min(values)
    return [s for s, v in zip(sets, values) if v == target]
