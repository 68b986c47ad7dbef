"""What the table sees, computed once from the game, its state and the session's start record.

The screen, the terminal, the sheet and the bots all read these frozen objects (the role of
OpenSpiel's observers and boardgame.io's `playerView`): which card, who answers, the clock, the
legal moves, the reveal with a verdict per team, the standings and their trajectory. Nothing here
is worded: kinds, marks and end reasons are enumerations each front end words from its catalogue;
the only texts are the authors' own (cards, aspect and gauge labels, team names).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

from game.content.kinds import Ending, Explanation, Facing, PlayingCard, Step
from game.engine.records import Play, State, TeamAnswer, split
from game.engine.rules import Game
from game.engine.vocabulary import Action, EndReason, Outcome, Phase
from game.session.start import SessionStart
from game.table.clock import Clock

if TYPE_CHECKING:
    from game.content.models import Minutes


class Mark(StrEnum):
    """The verdict on one card, as the reveal and the sheet show it."""

    RIGHT = "right"
    WRONG = "wrong"
    BEST = "best"
    ACCEPTABLE = "acceptable"
    POOR = "poor"
    SKIPPED = "skipped"
    DISCUSSED = "discussed"
    EVENT = "event"
    SPLIT = "split"  # every team answered a question, some right and some wrong
    NO_ANSWER = "no_answer"  # the facilitator revealed without this team's answer


@dataclass(frozen=True)
class Facts:
    """The session as the sheet's header tells it."""

    session_id: str
    started: float  # the start's time stamp
    scenario_id: str
    title: str
    mode: str
    win: str
    teams: tuple[str, ...]
    every_team: bool  # every team answered each card (else one team in turn)
    aspects: Mapping[str, str]  # aspect id -> label, in the decks' order
    key_messages: tuple[str, ...]
    discussion: tuple[str, ...]
    minutes: Minutes | None = None  # the scenario's target and maximum
    origins: Mapping[str, tuple[str, int]] = field(default_factory=dict)  # card id -> its deck and version
    profile: str | None = None  # a learner training alone: the session ends on what to learn

    @property
    def solo(self) -> bool:
        return self.mode == "solo"


@dataclass(frozen=True)
class GaugeChange:
    gauge: str
    label: str
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class Verdict:
    """One team's answer to the card and what it was worth."""

    team: int
    name: str
    choices: tuple[int, ...]
    mark: Mark
    success: bool


@dataclass(frozen=True)
class PlayView:
    """One card once played: the reveal on screen, a row of the sheet."""

    number: int  # 1-based, in the order played
    card: PlayingCard
    aspect_label: str
    outcome: Outcome
    mark: Mark
    verdicts: tuple[Verdict, ...]  # every team that answered (none for debates and events)
    right: tuple[int, ...]  # the right answers or best options
    acceptable: tuple[int, ...]  # the options neither best nor to avoid
    applied: tuple[int, ...]  # the choices whose effects happened (the room's majority when every team answers)
    explanation: Explanation | None
    changes: tuple[GaugeChange, ...]  # gauges that moved
    note: str
    seconds: float
    at: float = 0.0  # when the card was settled (the time stamp of its action): a solo learner's history
    step: Step | None = None  # the parcours step answered (its prompt, its options), None for other cards
    reached: Ending | None = None  # the parcours outcome this answer led to, when it ended the parcours
    card_index: int = 0  # the card's place among those drawn (a parcours' steps share it)
    card_number: int = 0  # the card as the room counted it (« Carte 10 sur 11 »): a parcours' steps share it
    completes: tuple[int, ...] = ()  # the teams whose panorama this answer completed

    @property
    def choices(self) -> tuple[str, ...]:
        """The texts that were there to choose: the card's, or its parcours step's."""
        return tuple((self.step or self.card).choice_texts())

    @property
    def chosen(self) -> tuple[int, ...]:
        return tuple(sorted({c for v in self.verdicts for c in v.choices}))

    @property
    def shown(self) -> tuple[int, ...]:
        """The choices a reveal shows: the right ones and the ones chosen; the rest is noise."""
        return tuple(sorted(set(self.right) | set(self.chosen)))

    @property
    def success(self) -> bool | None:
        """Every answering team found the right answer or the best option; None when nobody answered."""
        return all(v.success for v in self.verdicts) if self.verdicts else None

    def votes(self, choice: int) -> int:
        """How many teams picked this choice."""
        return sum(choice in v.choices for v in self.verdicts)


@dataclass(frozen=True)
class TeamView:
    index: int
    name: str
    score: int
    panorama: tuple[str, ...]  # aspects completed, in the decks' order
    active: bool
    completed: float | None  # seconds of play when its panorama was complete


@dataclass(frozen=True)
class GaugeView:
    id: str
    label: str
    value: int
    start: int
    low: int
    high: int
    lose_below: int | None
    lose_above: int | None
    losing: bool
    trajectory: tuple[int, ...]  # the start, then the value after each card played


def any_threshold(gauges: Iterable[Any]) -> bool:
    """Whether a gauge (a scenario's, or one on the table) ends the game when it crosses a line."""
    return any(g.lose_below is not None or g.lose_above is not None for g in gauges)


@dataclass(frozen=True)
class Standings:
    win: str  # panorama | points | gauges
    teams: tuple[TeamView, ...]
    panorama: tuple[str, ...]  # the aspects a full panorama needs, in the decks' order
    gauges: tuple[GaugeView, ...]
    over: bool
    end_reason: EndReason | None
    winners: tuple[int, ...]

    @property
    def thresholds(self) -> bool:
        return any_threshold(self.gauges)


@dataclass(frozen=True)
class TableView:
    """What the table sees now. Only what every reader needs is worked out at once; the rest (the
    texts, the clock, the legal moves, the reveal) when first read, since a bot reads few of them."""

    phase: Phase
    paused: bool
    card: PlayingCard | None  # None once the game is over
    _start: SessionStart = field(repr=False, compare=False)
    _state: State = field(repr=False, compare=False)

    @property
    def scenario_title(self) -> str:
        return self._start.scenario.title

    @property
    def started(self) -> float:
        """When the session began (its log's first line)."""
        return self._start.t

    @cached_property
    def team(self) -> int | None:
        """The team that answers, None for the whole room."""
        return self._start.game.current_team(self._state)

    @cached_property
    def answers(self) -> tuple[Action, ...]:
        """The legal answers, as actions."""
        return self._start.game.answer_actions(self._state)

    @property
    def number(self) -> int:
        """The card's place, from 1 (a card dealt again counts again)."""
        return self._state.dealt

    @property
    def total(self) -> int:
        """The cards of the session: those dealt, and those still to come (a missed card back again among them)."""
        return self._state.dealt + len(self._state.coming)

    @property
    def aspect_label(self) -> str:
        return self._start.aspects.get(self.card.aspect, self.card.aspect) if self.card is not None else ""

    @property
    def team_name(self) -> str | None:
        return self._start.game.teams[self.team] if self.team is not None else None

    @property
    def solo(self) -> bool:
        return self._start.scenario.mode == "solo"

    @property
    def every_team(self) -> bool:
        """Every team answers each card (entered team by team), rather than one team in turn."""
        return self._start.game.every_team

    @property
    def teams(self) -> tuple[str, ...]:
        return self._start.game.teams

    @property
    def choice_sets(self) -> tuple[tuple[int, ...], ...]:
        """What one team may answer now."""
        return self._start.game.choice_sets(self._state)

    @cached_property
    def answering(self) -> tuple[int, ...]:
        """The teams whose answers the card waits for: every team, or the one in turn; none between cards."""
        return self._start.game.answering_teams(self._state)

    @property
    def entries(self) -> tuple[tuple[int, ...] | None, ...]:
        """Each team's answer entered so far on the card on the table (None: not yet); kept through the reveal."""
        return self._state.entries

    @property
    def missing(self) -> tuple[int, ...]:
        """The answering teams without an answer yet."""
        return tuple(t for t in self.answering if self._state.entries[t] is None)

    def tied(self, answers: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
        """The choices these answers tie for the room's majority, when the card's outcome is the room's: what the
        facilitator would pick among. Empty when there is nothing to pick."""
        return split(answers) if self.card is not None and self.card.room_decides else ()

    @cached_property
    def split(self) -> tuple[tuple[int, ...], ...]:
        """The choices tied for the room's majority among the answers entered, when the room's choice happens:
        the facilitator picks one to reveal. Empty when there is nothing to pick."""
        return self._start.game.tied(self._state) if self.phase == Phase.ANSWER else ()

    @cached_property
    def facing(self) -> Facing | None:
        """What is answered now: the card, or the parcours step on the table."""
        return self._start.game.facing(self._state) if self.card is not None else None

    @property
    def step(self) -> Step | None:
        """The parcours step on the table (its prompt and options), None for any other card."""
        return cast(Step, self.facing) if self.card is not None and self.card.branches else None  # a parcours faces a step

    @property
    def step_number(self) -> int:
        """The parcours step on the table, counted from 1 (a step met again counts again); 0 for other cards."""
        return self._state.steps if self.step is not None else 0

    @cached_property
    def choices(self) -> tuple[str, ...]:
        """Numbered from 1: the key to press, the card a team raises."""
        return self.facing.choice_texts() if self.facing is not None else ()

    @property
    def several(self) -> bool:
        """An answer picks several choices, then validates."""
        return self.facing is not None and self.facing.several

    @property
    def note(self) -> str:
        return self._state.note

    @property
    def upcoming(self) -> PlayingCard | None:
        """The card dealt after the one on the table (what the facilitator prepares for), None on the last."""
        coming = self._state.coming
        return self._start.game.cards[coming[0]] if coming else None

    @property
    def upcoming_aspect(self) -> str:
        card = self.upcoming
        return self._start.aspects.get(card.aspect, card.aspect) if card is not None else ""

    @property
    def panorama_labels(self) -> tuple[str, ...]:
        """The aspects of a full panorama by their labels, in the order of a team's squares; empty in a game not
        won by a panorama."""
        start = self._start
        if start.scenario.win != "panorama":
            return ()
        return tuple(start.aspects.get(a, a) for a in in_deck_order(start.game.panorama, start.aspects))

    @cached_property
    def clock(self) -> Clock:
        state = self._state
        game = self._start.game
        return Clock(state.elapsed, None if state.paused else state.last_t, game.limit_at(state), state.card_started,
                     game.target_at(state))

    @cached_property
    def moves(self) -> frozenset[str]:
        """The legal action types."""
        return frozenset(a.type for a in self._start.game.legal_actions(self._state))

    @cached_property
    def reveal(self) -> PlayView | None:
        """The card just answered, or that just happened."""
        if self.phase != Phase.REVEAL:
            return None
        return play_view(self._start, self._state.plays, len(self._state.plays) - 1)


def facts(start: SessionStart) -> Facts:
    s = start.scenario
    return Facts(start.session_id, start.t, s.id, s.title, s.mode, s.win, start.teams, start.game.every_team,
                 start.aspects, tuple(s.debrief.key_messages), tuple(s.debrief.discussion), s.minutes,
                 start.origins, start.profile)


def table_view(start: SessionStart, state: State) -> TableView:
    game = start.game
    return TableView(state.phase, state.paused, game.card(state), start, state)


def play_view(start: SessionStart, plays: tuple[Play, ...], i: int) -> PlayView:
    game = start.game
    play = plays[i]
    card = game.cards[play.index]
    facing = card.at(play.step)
    before = plays[i - 1].gauges if i > 0 else tuple(g.start for g in game.gauges)
    verdicts = tuple(Verdict(a.team, game.teams[a.team], a.choices, _mark(a), a.success) for a in play.answers)
    changes = tuple(GaugeChange(g.id, g.label, b, a) for g, b, a in zip(game.gauges, before, play.gauges) if a != b)
    return PlayView(
        number=i + 1, card=card, aspect_label=start.aspects.get(card.aspect, card.aspect), outcome=play.outcome,
        mark=_card_mark(play, facing, verdicts), verdicts=verdicts, right=facing.right_choices(),
        acceptable=facing.acceptable_choices(), applied=play.applied,
        explanation=_explained(facing, play.applied, verdicts), changes=changes,
        note=play.note, seconds=play.seconds, at=play.at, step=cast(Step, facing) if card.branches else None,
        reached=card.outcome(play.reached) if play.reached else None, card_index=play.index,
        card_number=_card_number(plays, i), completes=play.completes,
    )


def _mark(answer: TeamAnswer) -> Mark:
    if not answer.choices:
        return Mark.NO_ANSWER
    if answer.correct is None:
        return Mark(answer.rating or Mark.POOR)  # an option's answer always has its rating
    return Mark.RIGHT if answer.correct else Mark.WRONG


def _explained(facing: Facing, applied: tuple[int, ...], verdicts: tuple[Verdict, ...]) -> Explanation | None:
    """What the reveal explains: the room's choice, or the first answer given (a question's explanation is the
    same for every answer)."""
    given = applied or next((v.choices for v in verdicts if v.choices), ())
    return facing.explain(given) if given else None


def _card_mark(play: Play, facing: Facing, verdicts: tuple[Verdict, ...]) -> Mark:
    """The card's verdict: its one team's, the rating of the room's choice, or right, wrong or split."""
    if play.outcome != Outcome.ANSWERED:
        return Mark(play.outcome.value)
    if len(verdicts) == 1:
        return verdicts[0].mark
    if play.applied:
        rating = facing.judge(play.applied).rating
        assert rating is not None, "the room's choice is an option, which has a rating"
        return Mark(rating)
    marks = {v.mark for v in verdicts if v.mark != Mark.NO_ANSWER}  # the silent teams are named apart
    return marks.pop() if len(marks) == 1 else Mark.SPLIT


def history(start: SessionStart, state: State) -> tuple[PlayView, ...]:
    return tuple(play_view(start, state.plays, i) for i in range(len(state.plays)))


def _card_number(plays: tuple[Play, ...], i: int) -> int:
    """The card of play `i` as the room counted it: each card once, a parcours' next step being the same card."""
    return sum(1 for k in range(i + 1) if not (k and plays[k].step and plays[k - 1].step
                                               and plays[k - 1].index == plays[k].index and not plays[k - 1].reached))


def in_deck_order(ids: frozenset[str], aspects: Mapping[str, str]) -> tuple[str, ...]:
    """Aspect ids in the decks' order (`aspects`: id -> label, in that order), any unknown one last."""
    order = list(aspects)
    return tuple(sorted(ids, key=lambda a: (order.index(a) if a in order else len(order), a)))


def standings(start: SessionStart, state: State) -> Standings:
    game: Game = start.game

    def ordered(ids: frozenset[str]) -> tuple[str, ...]:
        return in_deck_order(ids, start.aspects)

    active = game.current_team(state)
    teams = tuple(TeamView(i, name, state.scores[i], ordered(state.panoramas[i] & game.panorama), i == active,
                           state.completed[i]) for i, name in enumerate(game.teams))
    gauges = tuple(
        GaugeView(g.id, g.label, state.gauges[k], g.start, g.min, g.max, g.lose_below, g.lose_above,
                  g.losing(state.gauges[k]), (g.start,) + tuple(p.gauges[k] for p in state.plays))
        for k, g in enumerate(game.gauges))
    return Standings(start.scenario.win, teams, ordered(game.panorama), gauges, game.is_terminal(state),
                     state.end_reason, game.winners(state))
