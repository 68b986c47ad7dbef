"""Bots that play from the table's view: random, best or worst answers, else move on.

A few lines because the facilitator's view lists the legal answers and what each is worth.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from game.engine.vocabulary import Action, ActionType
from game.present.room import facilitator
from game.table.table import Table

NEXT = Action(ActionType.NEXT)


def choose(table: Table, strategy: str, rng: random.Random) -> Action:
    """The bot's move at `table`, as a facilitator makes it: the next answering team's answer entered, then the reveal
    (with a pick among tied choices when the room is split); otherwise on to the next card."""
    view = facilitator(table)
    sets = view.choice_sets
    if not sets:
        return NEXT
    if view.missing:
        return Action(ActionType.ENTER, rng.choice(bot_answers(view.points, sets, strategy)), team=view.missing[0])
    return Action(ActionType.REVEAL, rng.choice(view.split) if view.split else ())


def bot_answers(points: Callable[[tuple[int, ...]], int], sets: Sequence[tuple[int, ...]], strategy: str
                ) -> list[tuple[int, ...]]:
    """The answers the bot picks among: any ("random"), or those worth the most points ("best") or the fewest
    ("worst"), judged once for every team."""
    if strategy == "random":
        return list(sets)
    values = [points(s) for s in sets]
    target = max(values) if strategy == "best" else min(values)
    return [s for s, v in zip(sets, values) if v == target]
