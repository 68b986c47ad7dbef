"""Bots that play from the table's view: random, best or worst answers, else move on.

A few lines because the view lists the legal answers and each card judges an answer itself.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from game.engine.vocabulary import Action, ActionType
from game.table.view import TableView

NEXT = Action(ActionType.NEXT)


def choose(view: TableView, strategy: str, rng: random.Random) -> Action:
    """The bot's move: an answer when one is expected (each team's own when every team answers, and a
    pick among tied choices), otherwise on to the next card."""
    sets = view.choice_sets
    if not sets:
        return NEXT
    candidates = bot_answers(view.facing, sets, strategy)
    if not view.every_team:
        return Action(ActionType.ANSWER, rng.choice(candidates))
    teams = tuple(rng.choice(candidates) for _ in view.teams)
    tied = view.tied(teams)
    return Action(ActionType.ANSWER, rng.choice(tied) if tied else (), teams=teams)


def bot_answers(card: Any, sets: Sequence[tuple[int, ...]], strategy: str) -> list[tuple[int, ...]]:
    """The answers the bot picks among: any ("random"), or those worth the most points ("best") or the fewest
    ("worst"), judged once for every team."""
    if strategy == "random":
        return list(sets)
    values = [card.judgements[s].points for s in sets]
    target = max(values) if strategy == "best" else min(values)
    return [s for s, v in zip(sets, values) if v == target]
