"""Which cards a session plays, in which order: fitted to the target minutes, fair to every team.

When cards a team answers (`team_answers`: questions, personas, situations) rotate between teams,
they are drawn in chunks of one card per team on the same aspect: every team meets the aspects in the same
cycle, and a panorama scenario draws at least one such round per aspect, so each team can complete its own
(`rotation_teams` says how many teams that fits in the scenario's maximum). When every team answers every
card, one card per aspect at a time, round-robin, so each aspect comes up early enough for a team to complete
its panorama. Table-wide cards (debate, event) are spread between them.

A card's time at the table is its estimate (reading, discussion, reveal), plus, when every team answers,
the time to raise and enter each team's answer (`ENTRY_SECONDS` a team, at each step of a parcours).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from game.content.kinds import PlayingCard

if TYPE_CHECKING:  # the engine reads the scenario; it never loads the authoring models
    from game.content.models import DrawRule, ScenarioInfo


ENTRY_SECONDS = 8.0  # raising one team's answer card and typing its number, when every team answers


def table_minutes(card: PlayingCard, every_team: bool, teams: int) -> float:
    """A card's minutes at the table: its estimate, and the entry of every team's answer at each step."""
    if not (every_team and teams > 1 and card.team_answers):
        return float(card.estimated_minutes)
    steps = max(1, round(card.estimated_minutes / card.turn_minutes))
    return float(card.estimated_minutes + ENTRY_SECONDS * teams * steps / 60)


def draw_cards(scenario: ScenarioInfo, pool: Sequence[PlayingCard], teams: int, seed: int) -> list[PlayingCard]:
    """The ordered cards of one session; the same inputs always give the same list.

    Fixed counts are drawn first; "auto" rules then share what is left of the target minutes,
    each drawing until its share is reached, never past its part of the margin up to the maximum. One team in
    turn on a panorama scenario, a rule of cards teams answer draws a round per aspect at least, up to the
    maximum.
    """
    rng = random.Random(seed)
    rules = scenario.draw_rules
    takes = _sorted_pool(rules, pool).takes
    every_team = scenario.answering == "all"
    size = 1 if every_team else teams  # every team answers every card: one card per aspect at a time is fair
    cost = (lambda card: table_minutes(card, True, teams)) if every_team else (lambda card: card.estimated_minutes)
    budget = scenario.minutes.target
    fixed = [(n, r) for n, r in enumerate(rules) if isinstance(r.count, int)]
    autos = [(n, r) for n, r in enumerate(rules) if r.count == "auto"]
    slack = (scenario.minutes.max - scenario.minutes.target) / max(1, len(autos))
    used: set[str] = set()
    picked: dict[int, list[list[PlayingCard]]] = {}
    for n, rule in fixed:
        picked[n] = _pick(rule, takes[n], used, size, rng, cost, count=int(rule.count))
        budget -= _minutes(picked[n], cost)
    for k, (n, rule) in enumerate(autos):
        share = budget / (len(autos) - k)
        empty = k == len(autos) - 1 and not any(picked.values())  # a session never has no card at all
        rounds = _rounds(scenario, takes[n], size)
        ceiling = max(share + slack, budget + (scenario.minutes.max - scenario.minutes.target)) if rounds else \
            share + slack
        picked[n] = _pick(rule, takes[n], used, size, rng, cost, share=share, ceiling=ceiling, one=empty,
                          rounds=rounds)
        budget -= _minutes(picked[n], cost)
    return _spread([picked[n] for n in range(len(rules))])


def _rounds(scenario: ScenarioInfo, takes: _Takes, size: int) -> int:
    """The rounds a rule must draw so that every team in turn can complete its panorama: one per aspect of
    its cards that fill one; none but with several teams in turn on a panorama scenario."""
    if scenario.win != "panorama" or size < 2 or not takes.team_only:
        return 0
    return len({c.aspect for c in takes.cards if c.scores_aspect})


def rotation_teams(scenario: ScenarioInfo, pool: Sequence[PlayingCard], most: int = 6) -> int:
    """How many teams in turn the scenario serves: with more, one round per aspect for each team no longer
    fits in its maximum minutes (or in its cards). Every scenario but a panorama's serves them all."""
    if scenario.win != "panorama":
        return most
    rotation = scenario.model_copy(update={"answering": "rotation"})
    panorama = panorama_aspects(scenario, pool)
    served = 1
    for teams in range(2, most + 1):
        cards = draw_cards(rotation, pool, teams, 0)
        if sum(c.estimated_minutes for c in cards) > scenario.minutes.max + 1e-9 or \
                not panoramas_within_reach(cards, teams, panorama):
            break
        served = teams
    return served


def panoramas_within_reach(cards: Sequence[PlayingCard], teams: int, panorama: set[str]) -> bool:
    """Whether, one team in turn, every team is dealt a card of every aspect of the panorama."""
    return not out_of_reach(cards, teams, panorama)


def out_of_reach(cards: Sequence[PlayingCard], teams: int, panorama: set[str]) -> set[str]:
    """The aspects of the panorama that some team, one team in turn (one team: every team answers every card), is
    dealt no card of: a full panorama cannot be completed without them."""
    dealt: list[set[str]] = [set() for _ in range(teams)]
    turn = 0
    for card in cards:
        if card.team_answers:
            if card.scores_aspect:
                dealt[turn % teams].add(card.aspect)
            turn += 1
    return set().union(*(panorama - aspects for aspects in dealt))


class _SortedPool:
    """A pool read once for a draw: the cards each rule may take (in the pool's order) and the panorama.

    Simulations deal thousands of sessions from one pool; reading it once per pool and set of rules,
    not once per session, is a third of a simulated session's time. The pool is kept, so its identity
    cannot be taken by another list while it is remembered."""

    def __init__(self, rules: Sequence[DrawRule], pool: Sequence[PlayingCard]):
        self.pool = pool
        self.takes = [_Takes([c for c in pool if rule.takes(c)]) for rule in rules]
        self.panorama = frozenset(c.aspect for c in pool if c.scores_aspect and any(r.takes(c) for r in rules))


class _Takes:
    """The cards one rule may take, in the pool's order and by aspect (in aspect order)."""

    def __init__(self, cards: list[PlayingCard]):
        self.cards = cards
        self.team_only = all(c.team_answers for c in cards)
        self.by_aspect: dict[str, list[PlayingCard]] = {}
        for card in cards:
            self.by_aspect.setdefault(card.aspect, []).append(card)
        self.by_aspect = dict(sorted(self.by_aspect.items()))


def _left(cards: list[PlayingCard], used: set[str]) -> list[PlayingCard]:
    """A copy of `cards` without those already drawn, for a draw to take from."""
    return [c for c in cards if c.id not in used] if used else list(cards)


_SORTED: dict[tuple[Any, ...], _SortedPool] = {}


def _sorted_pool(rules: Sequence[DrawRule], pool: Sequence[PlayingCard]) -> _SortedPool:
    key = (id(pool), len(pool), tuple((tuple(r.kinds), tuple(r.aspects or ())) for r in rules))
    found = _SORTED.get(key)
    if found is None or found.pool is not pool:
        if len(_SORTED) >= 16:
            _SORTED.clear()
        found = _SORTED[key] = _SortedPool(rules, pool)
    return found


def _minutes(chunks: list[list[PlayingCard]], cost: Callable[[PlayingCard], float]) -> float:
    return sum(cost(c) for chunk in chunks for c in chunk)


def _pick(rule: DrawRule, takes: _Takes, used: set[str], teams: int, rng: random.Random, cost: Callable[[PlayingCard], float],
          count: int | None = None, share: float = 0.0, ceiling: float = 0.0, one: bool = False,
          rounds: int = 0) -> list[list[PlayingCard]]:
    """`one`: at least one chunk, even longer than the minutes allow; `rounds`: at least that many chunks
    (one per aspect, one team in turn), within the `ceiling`."""
    team_only = takes.team_only or all(c.team_answers for c in takes.cards if c.id not in used)
    size = teams if team_only else 1
    if rule.ordered:
        order = iter(_left(takes.cards, used))
    elif rule.balanced:
        order = _balanced({aspect: _left(cards, used) for aspect, cards in takes.by_aspect.items()}, size, rng)
    else:
        order = _shuffled(_left(takes.cards, used), rng)
    chunks: list[list[PlayingCard]] = []
    total = 0
    spent = 0.0
    while chunk := list(islice(order, size)):
        minutes = sum(cost(c) for c in chunk)
        if count is not None:
            chunk = chunk[: count - total]
        elif spent + minutes > ceiling + 1e-9 and not (one and not chunks):
            break
        elif spent >= share - 1e-9 and len(chunks) >= rounds and not (one and not chunks):
            break
        chunks.append(chunk)
        total += len(chunk)
        spent += minutes
        if count is not None and total >= count:
            break
    for chunk in chunks:
        used.update(c.id for c in chunk)
    return chunks


def _shuffled(cards: list[PlayingCard], rng: random.Random) -> Iterator[PlayingCard]:
    """The cards in a random order, drawn one at a time: a session takes a few cards of a pool that may
    hold thousands, so the whole pool is never shuffled."""
    while cards:
        yield _take_one(cards, rng)


def _take_one(cards: list[PlayingCard], rng: random.Random) -> PlayingCard:
    """Remove and return a card at random (the last one takes its place)."""
    i = rng.randrange(len(cards))
    cards[i], cards[-1] = cards[-1], cards[i]
    return cards.pop()


def _balanced(by_aspect: dict[str, list[PlayingCard]], size: int, rng: random.Random) -> Iterator[PlayingCard]:
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


def _spread(groups: list[list[list[PlayingCard]]]) -> list[PlayingCard]:
    """Interleave each rule's chunks evenly over the session, keeping each chunk whole."""
    keyed = []
    for g, chunks in enumerate(groups):
        for k, chunk in enumerate(chunks):
            keyed.append(((k + 0.5) / len(chunks), g, chunk))
    keyed.sort(key=lambda item: (item[0], item[1]))
    return [card for _, _, chunk in keyed for card in chunk]


def panorama_aspects(scenario: ScenarioInfo, pool: Sequence[PlayingCard]) -> set[str]:
    """Every aspect a full panorama needs: those of the cards that fill one and that a draw rule can draw."""
    return set(_sorted_pool(scenario.draw_rules, pool).panorama)
