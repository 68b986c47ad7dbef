"""The order a session shows each card's choices in: shuffled once per session, so that the right answer's
place never gives it away, and recorded in the log's start so that resume, replay and the sheet show the
same order.

Seeded like the draw, and apart from it: a session drawn with the same seed draws the same cards whether or
not their choices are shuffled. Cards say where their choices may move (`orderable`): a true/false question
and a card whose author pinned its order keep theirs.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from game.content.kinds import PlayingCard

Orders = Mapping[str, Mapping[str, tuple[int, ...]]]  # card id -> place (a parcours step, or "") -> order


def option_orders(cards: Sequence[PlayingCard], seed: int) -> dict[str, dict[str, tuple[int, ...]]]:
    """For each card with choices to shuffle, each place's display order (authored indices, in display order)."""
    rng = random.Random(f"choices-{seed}")
    orders: dict[str, dict[str, tuple[int, ...]]] = {}
    for card in cards:
        places = {}
        for place, count in card.orderable().items():
            order = list(range(count))
            rng.shuffle(order)
            places[place] = tuple(order)
        if places:
            orders[card.id] = places
    return orders


def order_problem(card: PlayingCard, places: Mapping[str, Sequence[int]]) -> tuple[str, dict[str, str]] | None:
    """Why a recorded order cannot be the card's (a place it has no choices at, not a permutation), as a sentence's
    key and values for the layer that words it, or None."""
    counts = card.orderable()
    for place, order in places.items():
        if place not in counts:
            return "log.no_place", {"card": card.id, "place": place}
        if sorted(order) != list(range(counts[place])):
            return "log.bad_order", {"card": card.id, "order": repr(list(order))}
    return None


def displayed(cards: Sequence[PlayingCard], orders: Orders) -> tuple[PlayingCard, ...]:
    """The cards as the table sees them: each with its choices in the session's order."""
    return tuple(card.in_order(orders[card.id]) if card.id in orders else card for card in cards)
