"""Which cards a session plays, in which order: fitted to the target minutes, fair to every team.

When cards a team answers (`team_answers`: questions, personas, situations) rotate between teams,
they are drawn in chunks of one card per team on the same aspect: every team meets the aspects in the same
cycle. When every team answers every card, one card per aspect at a time, round-robin, so each aspect
comes up early enough for a team to complete its panorama. Table-wide cards (debate, event) are spread between them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the engine reads the scenario; it never loads the authoring models
    from game.content.models import DrawRule, ScenarioInfo


def draw_cards(scenario: ScenarioInfo, pool: Sequence[Any], teams: int, seed: int) -> list[Any]:
    """The ordered cards of one session; the same inputs always give the same list.

    Fixed counts are drawn first; "auto" rules then share what is left of the target minutes,
    each drawing until its share is reached, never past its part of the margin up to the maximum.
    """
    rng = random.Random(seed)
    rules = scenario.draw_rules
    takes = _sorted_pool(rules, pool).takes
    if scenario.answering == "all":
        teams = 1  # every team answers every card: one card per aspect at a time is fair to all
    budget = scenario.minutes.target
    fixed = [(n, r) for n, r in enumerate(rules) if r.count != "auto"]
    autos = [(n, r) for n, r in enumerate(rules) if r.count == "auto"]
    slack = (scenario.minutes.max - scenario.minutes.target) / max(1, len(autos))
    used: set[str] = set()
    picked: dict[int, list[list[Any]]] = {}
    for n, rule in fixed:
        picked[n] = _pick(rule, takes[n], used, teams, rng, count=rule.count)
        budget -= _minutes(picked[n])
    for k, (n, rule) in enumerate(autos):
        share = budget / (len(autos) - k)
        empty = k == len(autos) - 1 and not any(picked.values())  # a session never has no card at all
        picked[n] = _pick(rule, takes[n], used, teams, rng, share=share, ceiling=share + slack, one=empty)
        budget -= _minutes(picked[n])
    return _spread([picked[n] for n in range(len(rules))])


class _SortedPool:
    """A pool read once for a draw: the cards each rule may take (in the pool's order) and the panorama.

    Simulations deal thousands of sessions from one pool; reading it once per pool and set of rules,
    not once per session, is a third of a simulated session's time. The pool is kept, so its identity
    cannot be taken by another list while it is remembered."""

    def __init__(self, rules: Sequence[DrawRule], pool: Sequence[Any]):
        self.pool = pool
        self.takes = [_Takes([c for c in pool if rule.takes(c)]) for rule in rules]
        self.panorama = frozenset(c.aspect for c in pool if c.scores_aspect and any(r.takes(c) for r in rules))


class _Takes:
    """The cards one rule may take, in the pool's order and by aspect (in aspect order)."""

    def __init__(self, cards: list[Any]):
        self.cards = cards
        self.team_only = all(c.team_answers for c in cards)
        self.by_aspect: dict[str, list[Any]] = {}
        for card in cards:
            self.by_aspect.setdefault(card.aspect, []).append(card)
        self.by_aspect = dict(sorted(self.by_aspect.items()))


def _left(cards: list[Any], used: set[str]) -> list[Any]:
    """A copy of `cards` without those already drawn, for a draw to take from."""
    return [c for c in cards if c.id not in used] if used else list(cards)


_SORTED: dict[tuple[Any, ...], _SortedPool] = {}


def _sorted_pool(rules: Sequence[DrawRule], pool: Sequence[Any]) -> _SortedPool:
    key = (id(pool), len(pool), tuple((tuple(r.kinds), tuple(r.aspects or ())) for r in rules))
    found = _SORTED.get(key)
    if found is None or found.pool is not pool:
        if len(_SORTED) >= 16:
            _SORTED.clear()
        found = _SORTED[key] = _SortedPool(rules, pool)
    return found


def _minutes(chunks: list[list[Any]]) -> float:
    return sum(c.estimated_minutes for chunk in chunks for c in chunk)


def _pick(rule: DrawRule, takes: _Takes, used: set[str], teams: int, rng: random.Random,
          count: int | None = None, share: float = 0.0, ceiling: float = 0.0, one: bool = False) -> list[list[Any]]:
    """`one`: at least one chunk, even longer than the minutes allow."""
    team_only = takes.team_only or all(c.team_answers for c in takes.cards if c.id not in used)
    size = teams if team_only else 1
    if rule.balanced:
        order = _balanced({aspect: _left(cards, used) for aspect, cards in takes.by_aspect.items()}, size, rng)
    else:
        order = _shuffled(_left(takes.cards, used), rng)
    chunks: list[list[Any]] = []
    total = 0
    spent = 0.0
    while chunk := list(islice(order, size)):
        cost = sum(c.estimated_minutes for c in chunk)
        if count is not None:
            chunk = chunk[: count - total]
        elif (spent >= share - 1e-9 or spent + cost > ceiling + 1e-9) and not (one and not chunks):
            break
        chunks.append(chunk)
        total += len(chunk)
        spent += cost
        if count is not None and total >= count:
            break
    for chunk in chunks:
        used.update(c.id for c in chunk)
    return chunks


def _shuffled(cards: list[Any], rng: random.Random) -> Iterator[Any]:
    """The cards in a random order, drawn one at a time: a session takes a few cards of a pool that may
    hold thousands, so the whole pool is never shuffled."""
    while cards:
        yield _take_one(cards, rng)


def _take_one(cards: list[Any], rng: random.Random) -> Any:
    """Remove and return a card at random (the last one takes its place)."""
    i = rng.randrange(len(cards))
    cards[i], cards[-1] = cards[-1], cards[i]
    return cards.pop()


def _balanced(by_aspect: dict[str, list[Any]], size: int, rng: random.Random) -> Iterator[Any]:
    """Round-robin over aspects (in a seeded order), `size` random cards of the same aspect at a time;
    `by_aspect` is the draw's own copy, in aspect order, and is emptied as cards are taken.

    A generator: the draw usually needs only the first few rounds of a large pool.
    """
    aspects = list(by_aspect)
    rng.shuffle(aspects)
    while any(by_aspect.values()):
        for aspect in aspects:
            stack = by_aspect[aspect]
            if len(stack) < size:  # too few left for one per team: borrow from the richest aspects
                donors = sorted((a for a in aspects if a != aspect), key=lambda a: -len(by_aspect[a]))
                for donor in donors:
                    while len(stack) < size and by_aspect[donor]:
                        stack.append(_take_one(by_aspect[donor], rng))
            for _ in range(min(size, len(stack))):
                yield _take_one(stack, rng)


def _spread(groups: list[list[list[Any]]]) -> list[Any]:
    """Interleave each rule's chunks evenly over the session, keeping each chunk whole."""
    keyed = []
    for g, chunks in enumerate(groups):
        for k, chunk in enumerate(chunks):
            keyed.append(((k + 0.5) / len(chunks), g, chunk))
    keyed.sort(key=lambda item: (item[0], item[1]))
    return [card for _, _, chunk in keyed for card in chunk]


def panorama_aspects(scenario: ScenarioInfo, pool: Sequence[Any]) -> set[str]:
    """Every aspect a full panorama needs: those of the cards that fill one and that a draw rule can draw."""
    return set(_sorted_pool(scenario.draw_rules, pool).panorama)
