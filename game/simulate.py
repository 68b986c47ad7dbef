"""Headless sessions played by bots, and their summaries: the first balancing tool a lab gets.

Simulated time follows each card's estimated minutes, so the same seed prints the same text.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

from game.content.kinds import MAX_PARCOURS_STEPS
from game.content.models import ScenarioInfo
from game.engine.vocabulary import ActionType, EndReason, Phase
from game.present.bots import bot_answers, choose
from game.present.room import facilitator
from game.table.table import Table
from game.table.view import PlayView
from game.wording.catalogue import decimal, ntr, tr
from game.wording.players import end_reason, gauge_lines, lower_first, result, result_lines, team_names

ANSWER_SHARE = 0.7  # an answer comes after 70 % of a card's estimated time, the next card at 100 %


def play_session(scenario: ScenarioInfo, pool: Sequence[Any], aspects: dict[str, str], teams: Sequence[str],
                 seed: int, strategy: str, answering: str | None = None, recorded: bool = True) -> Table:
    """One whole session played by a bot at an unlogged table; simulated time follows the cards' estimates.
    Not `recorded`: its events are not kept either (a batch only counts outcomes)."""
    table = Table.drawn(scenario, pool, teams, seed, aspects, f"simulation-{seed}", answering, recorded)
    rng = random.Random(seed)
    t = 0.0
    while not table.over:
        view = facilitator(table)
        action = choose(table, strategy, rng)
        seconds = view.minutes * 60
        if action.type == ActionType.ENTER:
            pass  # the answers are raised together: the reveal carries the time they took
        elif action.type == ActionType.REVEAL:
            t += seconds * ANSWER_SHARE
        elif view.phase == Phase.DISCUSS or not view.answered:
            t += seconds  # nothing was answered on this card: its whole time passes now
        else:
            t += seconds * (1 - ANSWER_SHARE)
        table.act(action, round(t, 3))
    return table


def estimated_minutes(table: Table) -> float:
    return sum(c.estimated_minutes for c in table.cards)


def _minutes(seconds: float) -> str:
    return tr("sim.duration", minutes=int(seconds // 60), seconds=int(seconds % 60))


def _answer_text(play: PlayView) -> str:
    mark = lower_first(tr(f"mark.{play.mark}"))
    if not play.verdicts:
        return mark
    return tr("sim.choice", numbers="+".join(str(c + 1) for c in play.verdicts[0].choices), mark=mark)


def summary(table: Table, seed: int, strategy: str) -> list[str]:
    facts, standings = table.facts(), table.standings()
    minutes = table.facts().minutes
    kinds = Counter(c.kind for c in table.cards)
    lines = [
        tr("sim.scenario", title=facts.title, id=facts.scenario_id, seed=seed, strategy=strategy,
           teams=ntr("count.teams", len(facts.teams))),
        tr("sim.drawn", count=len(table.cards), kinds=", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
           estimated=decimal(estimated_minutes(table), "g"), target=decimal(minutes.target, "g"),
           most=decimal(minutes.max, "g")),
    ]
    for play in table.history():
        team = play.verdicts[0].name if play.verdicts else tr("sim.table")
        lines.append(f"  {play.number:2d}. {play.card.id:<14} {play.card.kind:<9} {play.card.aspect:<16} {team:<10} "
                     f"{_answer_text(play)}")
    lines.append(tr("sim.end", reason=end_reason(standings.end_reason)))
    lines += ["  " + line for line in result_lines(standings)]
    if standings.win != "gauges":  # points and panorama scenarios may move gauges too: a balancing fact
        lines += ["  " + line for line in gauge_lines(standings.gauges)]
    lines.append(tr("console.result", result=result(standings)))
    elapsed = table.view().clock.elapsed
    lines.append(tr("sim.simulated", duration=_minutes(elapsed)))
    if standings.end_reason in PLAYED_THROUGH:
        lines += _target_missed(elapsed / 60, minutes.target, "sim.session_lasts")
    return lines


DURATION_SLACK = 0.1  # a median session further than this share from the target duration is reported
FLAG_AFTER = 10  # answers to a card before 'always' or 'never' right means something
CHANCE = 0.01  # a card is flagged when the bot's answers had less than this chance of such a record
PLAYED_THROUGH = (EndReason.CARDS, EndReason.TIME)  # endings not cut short by a result: durations to compare


def _target_missed(minutes: float, target: float, played: str) -> list[str]:
    """A warning when sessions played to their end are far from the duration a trainer plans around; `played`,
    the key of what lasted that long."""
    if abs(minutes - target) <= DURATION_SLACK * target:
        return []
    return [tr("sim.target_missed", played=tr(played, minutes=decimal(minutes, ".1f")),
               slack=decimal(100 * DURATION_SLACK, ".0f"), target=decimal(target, "g"))]


class Tally:
    """What many sessions add up to, gathered one session at a time so none has to be kept: a batch of
    thousands keeps counters and one duration per session."""

    def __init__(self, first: Table):
        self.facts = first.facts()
        self.sessions = 0
        self.ends: Counter[EndReason | None] = Counter()
        self.with_winners = 0
        self.single: Counter[int] = Counter()  # sessions won by one team alone, by team
        self.estimates: list[float] = []
        self.played: list[float] = []
        self.full: list[float] = []  # the durations of sessions that played all their cards or all their time
        self.target = self.facts.minutes.target * 60
        self.longest = self.facts.minutes.max
        self.panorama = first.standings().panorama
        self.completed: Counter[int] = Counter()  # sessions where the team completed its panorama in time
        self.covered: Counter[tuple[int, str]] = Counter()  # sessions where the team filled the aspect
        self.drawn: Counter[str] = Counter()
        self.cards: dict[str, Any] = {}
        self.answered: Counter[str] = Counter()
        self.right: Counter[str] = Counter()
        self.gauges = first.standings().gauges
        self.gauge_ends: dict[str, Counter[int]] = {g.id: Counter() for g in self.gauges}  # values, not a list
        self.crossed: Counter[str] = Counter()  # sessions a gauge's threshold ended, by gauge
        self.aspects: Counter[tuple[int, str]] = Counter()  # sessions where the team answered the aspect
        self.journeys: dict[str, Counter[str]] = {}  # parcours id -> how its plays ended: an outcome id, or ""
        self.visited: dict[str, Counter[str]] = {}  # parcours id -> sessions in which each step was reached
        self.looped: Counter[str] = Counter()  # parcours cut after MAX_PARCOURS_STEPS steps

    def add(self, table: Table) -> None:
        standings = table.standings()
        self.sessions += 1
        self.ends[standings.end_reason] += 1
        self.with_winners += bool(standings.winners)
        if len(standings.winners) == 1:
            self.single[standings.winners[0]] += 1
        self.estimates.append(estimated_minutes(table))
        self.played.append(table.view().clock.elapsed / 60)
        if standings.end_reason in PLAYED_THROUGH:
            self.full.append(self.played[-1])
        for team in standings.teams:
            self.completed[team.index] += team.completed is not None and team.completed <= self.target
            self.covered.update((team.index, aspect) for aspect in team.panorama)
        plays = table.history()
        self.drawn.update({play.card_index: play.card.id for play in plays}.values())  # a parcours once, not per step
        self.cards.update((card.id, card) for card in table.cards)
        for play in plays:  # a parcours has a play per step: each step's answers count
            self.answered[play.card.id] += len(play.verdicts)
            self.right[play.card.id] += sum(v.success for v in play.verdicts)
        self.aspects.update({(verdict.team, play.card.aspect) for play in plays for verdict in play.verdicts})
        self._add_journeys(plays)
        for gauge in standings.gauges:
            self.gauge_ends[gauge.id][gauge.value] += 1
            if standings.end_reason == EndReason.GAUGES and gauge.losing:
                self.crossed[gauge.id] += 1

    def _add_journeys(self, plays: Sequence[PlayView]) -> None:
        """Each parcours played: the steps it went through and how it ended (an outcome, or cut short)."""
        steps: dict[int, list[PlayView]] = {}
        for play in plays:
            if play.step is not None:
                steps.setdefault(play.card_index, []).append(play)
        for played in steps.values():
            card_id, last = played[0].card.id, played[-1]
            self.visited.setdefault(card_id, Counter()).update({play.step.id for play in played})
            self.journeys.setdefault(card_id, Counter())[last.reached.id if last.reached else ""] += 1
            self.looped[card_id] += last.reached is None and len(played) >= MAX_PARCOURS_STEPS

    def lines(self, first_seed: int, strategy: str) -> list[str]:
        facts, n = self.facts, self.sessions
        lines = [tr("sim.batch", title=facts.title, id=facts.scenario_id, n=n, first=first_seed, last=first_seed + n - 1,
                    strategy=strategy, teams=ntr("count.teams", len(facts.teams)))]
        if facts.win == "gauges":
            lines.append(tr("sim.won", share=decimal(100 * self.with_winners / n, ".1f")))
        else:
            single = sum(self.single.values())
            shared = self.with_winners - single
            lines.append(tr("sim.winners", one=decimal(100 * single / n, ".1f"), tied=decimal(100 * shared / n, ".1f"),
                            none=decimal(100 * (n - self.with_winners) / n, ".1f")))
            for i, name in enumerate(facts.teams):
                lines.append(tr("sim.team_wins", name=name, share=decimal(100 * self.single[i] / n, ".1f")))
        lines.append(tr("sim.ends", ends=", ".join(f"{end_reason(r)} {decimal(100 * c / n, '.1f')} %"
                                                    for r, c in sorted(self.ends.items(), key=lambda x: str(x[0])))))
        estimates, played = self.estimates, self.played
        lines.append(tr("sim.estimated", median=decimal(statistics.median(estimates), "g"),
                        least=decimal(min(estimates), "g"), most=decimal(max(estimates), "g")))
        lines.append(tr("sim.simulated_minutes", median=decimal(statistics.median(played), ".1f"),
                        least=decimal(min(played), ".1f"), most=decimal(max(played), ".1f")))
        lines += self._duration_warnings()
        lines += self._gauge_lines()
        lines += self._panorama_lines() or self._aspect_lines()
        lines += self._journey_lines()
        lines += self._card_lines(strategy)
        return lines

    def _journey_lines(self) -> list[str]:
        """Per parcours: how often each outcome was reached, and what no session reached (an outcome, a step:
        a condition that never holds) or a loop that held the table until the parcours was cut."""
        if not self.journeys:
            return []
        lines = [tr("sim.journeys")]
        for card_id in sorted(self.journeys):
            card, ends = self.cards[card_id], self.journeys[card_id]
            total = sum(ends.values())
            shares = [f"{o.id} {decimal(100 * ends[o.id] / total, '.1f')} %" for o in card.outcomes]
            if ends[""]:
                shares.append(tr("sim.interrupted", share=decimal(100 * ends[''] / total, ".1f")))
            lines.append(tr("sim.journey", id=card_id, name=card.name, shares=", ".join(shares)))
            never = [o.id for o in card.outcomes if not ends[o.id]]
            if never:
                lines.append(tr("sim.never_reached", ids=", ".join(never)))
            unvisited = [s.id for s in card.steps if not self.visited[card_id][s.id]]
            if unvisited:
                lines.append(tr("sim.step_never_reached", ids=", ".join(unvisited)))
            if self.looped[card_id]:
                looped = self.looped[card_id]
                lines.append(ntr("sim.loop", looped, steps=MAX_PARCOURS_STEPS))
        return lines

    def _duration_warnings(self) -> list[str]:
        """The target duration is what a trainer plans the workshop around: say when the sessions miss it."""
        target, longest = self.target / 60, self.longest
        lines = []
        if self.full:
            lines += _target_missed(statistics.median(self.full), target, "sim.sessions_last")
        over = sum(minutes > longest for minutes in self.played)
        if over:
            lines.append(ntr("sim.over_maximum", over, most=decimal(longest, "g")))
        return lines

    def _gauge_lines(self) -> list[str]:
        """Where each gauge ends, and which thresholds ended sessions early."""
        if not self.gauges:
            return []
        n = self.sessions
        lines = [tr("sim.gauges")]
        for gauge in self.gauges:
            ends = self.gauge_ends[gauge.id]
            limits = [tr("sim.lost_below", value=gauge.lose_below) if gauge.lose_below is not None else "",
                      tr("sim.lost_above", value=gauge.lose_above) if gauge.lose_above is not None else ""]
            limits_text = ", ".join(x for x in limits if x) or tr("sim.no_threshold")
            crossed = tr("sim.crossed", sessions=ntr("count.sessions", self.crossed[gauge.id]),
                         share=decimal(100 * self.crossed[gauge.id] / n, ".1f")) if self.crossed[gauge.id] else ""
            still = tr("sim.still") if set(ends) == {gauge.start} else ""
            lines.append(tr("sim.gauge", label=gauge.label, least=min(ends), median=decimal(_median(ends), "g"),
                            most=max(ends), start=gauge.start, limits=limits_text, crossed=crossed, still=still))
        return lines

    def _card_lines(self, strategy: str) -> list[str]:
        """Per card, flagged when its record would be unlikely if the card were right: never right although
        the bot's answers should often be, or always right although they should often not be (a wrong key);
        and a card that every answer gets right, which teaches nothing."""
        lines = [tr("sim.cards")]
        for card_id in sorted(self.drawn):
            answered, right = self.answered[card_id], self.right[card_id]
            rate = f"{decimal(100 * right / answered, '5.1f')} %" if answered else "    —  "
            flag = ""
            if answered >= FLAG_AFTER and not self.cards[card_id].branches:  # a parcours's steps: see above
                share = _success_share(self.cards[card_id], strategy)
                if right == 0 and (1 - share) ** answered < CHANCE:
                    flag = tr("sim.never_right")
                elif right == answered and (share ** answered < CHANCE or _success_share(self.cards[card_id]) == 1):
                    flag = tr("sim.always_right")
            lines.append(f"  {card_id:<14} {self.drawn[card_id]:5d} {answered:5d}  {rate}{flag}")
        return lines

    def _panorama_lines(self) -> list[str]:
        """Per team: how often each aspect was filled, and how often the whole panorama within the target."""
        if self.facts.win != "panorama" or not self.panorama:
            return []
        everyone = sum(self.completed.values()) / (self.sessions * len(self.facts.teams))
        return self._team_table(tr("sim.panorama", aspects=ntr("count.aspects", len(self.panorama)),
                                   target=decimal(self.target / 60, "g"), share=decimal(100 * everyone, ".1f")),
                                list(self.panorama), self.covered, self.completed)

    def _aspect_lines(self) -> list[str]:
        """Per team: the share of sessions in which it answered at least one card of each aspect."""
        order = list(self.facts.aspects)
        seen = sorted({aspect for _, aspect in self.aspects},
                      key=lambda a: (order.index(a) if a in order else len(order), a))
        if not seen:
            return []
        return self._team_table(tr("sim.aspects"),
                                seen, self.aspects, None)

    def _team_table(self, title: str, aspects: list[str], counts: Counter[tuple[int, str]],
                    completed: Counter[int] | None) -> list[str]:
        n, teams = self.sessions, self.facts.teams
        labels = [self.facts.aspects.get(a, a) for a in aspects]
        width, cell = max(len(name) for name in teams), max(9, *(len(label) for label in labels))
        head = f"{tr('sim.complete'):>8}  " if completed is not None else ""
        lines = [title, f"  {'':<{width}}  {head}" + "  ".join(f"{label:>{cell}}" for label in labels)]
        for i, name in enumerate(teams):
            done = f"{decimal(100 * completed[i] / n, '>6.1f')} %  " if completed is not None else ""
            cells = "  ".join(f"{decimal(100 * counts[i, a] / n, f'>{cell - 2}.1f')} %" for a in aspects)
            lines.append(f"  {name:<{width}}  {done}{cells}")
        return lines


def _success_share(card: Any, strategy: str = "random") -> float:
    """The share of the bot's answers that should be right, among those its strategy picks from."""
    picks = bot_answers(lambda s: card.judgements[s].points, card.legal_answers, strategy)
    return sum(card.judgements[p].success for p in picks) / len(picks)


def _median(counts: Counter[int]) -> float:
    """The median of values kept as counts."""
    return statistics.median(sorted(counts.elements()))


def run(scenario: ScenarioInfo, pool: Sequence[Any], aspects: dict[str, str], seed: int, strategy: str,
        sessions: int, teams: int | None, answering: str | None = None) -> list[str]:
    names = team_names(scenario, teams)
    first = play_session(scenario, pool, aspects, names, seed, strategy, answering)
    if sessions == 1:
        return summary(first, seed, strategy)
    tally = Tally(first)
    tally.add(first)
    for k in range(1, sessions):
        tally.add(play_session(scenario, pool, aspects, names, seed + k, strategy, answering, recorded=False))
    return tally.lines(seed, strategy)
