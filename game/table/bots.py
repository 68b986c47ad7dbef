"""Bots that play from the table's view: random, best or worst answers, else move on.

A few lines because the view lists the legal answers and each card judges an answer itself.
"""

from __future__ import annotations

import random

from game.engine.vocabulary import Action, ActionType
from game.table.view import TableView

NEXT = Action(ActionType.NEXT)


def choose(view: TableView, strategy: str, rng: random.Random) -> Action:
    """The bot's move: an answer when one is expected, otherwise on to the next card."""
    answers = view.answers
    if not answers:
        return NEXT
    if strategy == "random":
        return rng.choice(answers)
    values = [view.card.judge(a.choices).points for a in answers]
    target = max(values) if strategy == "best" else min(values)
    return rng.choice([a for a, v in zip(answers, values) if v == target])
