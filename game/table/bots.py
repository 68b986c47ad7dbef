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
    """The bot's move, as a facilitator makes it: the next answering team's answer entered, then the reveal
    (with a pick among tied choices when the room is split); otherwise on to the next card."""
    sets = view.choice_sets
    if not sets:
        return NEXT
    if view.missing:
        return Action(ActionType.ENTER, rng.choice(bot_answers(view.facing, sets, strategy)), team=view.missing[0])
    return Action(ActionType.REVEAL, rng.choice(view.split) if view.split else ())


def bot_answers(card: Any, sets: Sequence[tuple[int, ...]], strategy: str) -> list[tuple[int, ...]]:
    """The answers the bot picks among: any ("random"), or those worth the most points ("best") or the fewest
    ("worst"), judged once for every team."""
    if strategy == "random":
        return list(sets)
    values = [card.judgements[s].points for s in sets]
    target = max(values) if strategy == "best" else min(values)
    return [s for s, v in zip(sets, values) if v == target]
