"""Bots that play a session: random, best or worst answers; a few lines because the rules list legal actions."""

from __future__ import annotations

import random

from game.engine.rules import RATING_POINTS, Action, Game, State

STRATEGIES = ("random", "best", "worst")


def _value(game: Game, state: State, action: Action) -> int:
    card = game.cards[state.index]
    if card.kind == "question":
        return int(set(action.choices) == set(card.correct_choices))
    return RATING_POINTS[card.options[action.choices[0]].rating]


def choose(game: Game, state: State, strategy: str, rng: random.Random) -> Action:
    """The bot's move: an answer when one is expected, otherwise move on to the next card."""
    answers = game.answer_actions(state)
    if not answers:
        return Action("next")
    if strategy == "random":
        return rng.choice(answers)
    values = [_value(game, state, a) for a in answers]
    target = max(values) if strategy == "best" else min(values)
    return rng.choice([a for a, v in zip(answers, values) if v == target])
