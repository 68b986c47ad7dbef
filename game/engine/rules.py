"""The rules of a session as a pure state machine, in the spirit of OpenSpiel's Python games.

`Game` holds what never changes in a session (scenario, cards, teams); `State` is an immutable
snapshot; `Game.apply(state, action, t)` returns the next state or raises `IllegalAction` with
the reason's key. Each move is declared once in `moves.MOVES`; the state's records are in `records`,
a learner's learning steps in `relearn`. Time enters only as the `t` (seconds) carried by each
action, so replaying the same actions gives the same state. Undo returns the snapshot kept before
the last undoable action. Cards are asked how they behave (`team_answers`, `judge`, ...), never
tested for their kind.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from game.content.kinds import MAX_PARCOURS_STEPS, Facing, PlayingCard
from game.engine.moves import EXTENSION, MOVES, TABLE_MOVES, refused
from game.engine.records import Play, State, TeamAnswer, Transition, majority, split
from game.engine.relearn import coming_after
from game.engine.vocabulary import Action, ActionType, Automatic, EndReason, IllegalAction, Outcome, Phase, Refusal

if TYPE_CHECKING:  # the engine never loads the authoring models: cards and scenario are only read
    from game.content.models import ScenarioInfo


class Game:
    """The fixed facts of one session and the rules that move its state."""

    def __init__(self, scenario: ScenarioInfo, cards: Sequence[PlayingCard], teams: Sequence[str],
                 panorama: Sequence[str] | None = None, full_rounds: bool = True):
        """`panorama`: the aspects a full panorama needs (every aspect the scenario can draw); by default
        those of the cards drawn, as logs written before it was recorded have it. `full_rounds`: one team in
        turn, a full panorama ends the game at the end of its round (logs written before, at once)."""
        if not teams or not cards:
            raise ValueError("a session needs at least one team and one card")
        self.scenario = scenario
        self.cards = tuple(cards)
        self.teams = tuple(teams)
        self.every_team = scenario.answering == "all" and len(self.teams) > 1  # else one team per card, in turn
        self.gauges = tuple(scenario.gauges)
        self.panorama = frozenset(panorama if panorama is not None else
                                  (c.aspect for c in self.cards if c.scores_aspect))
        # read once: `_advance` asks them after every card
        self.panorama_ends = scenario.win == "panorama" and bool(self.panorama)
        self.limit = scenario.minutes.max * 60 if scenario.timed else math.inf
        self.target = scenario.minutes.target * 60 if scenario.timed else math.inf
        self.full_rounds = full_rounds
        self.relearn = scenario.relearn and not self.every_team
        self.can_lose = any(g.lose_below is not None or g.lose_above is not None for g in self.gauges)
        self._answer_actions: dict[tuple[int, str], tuple[Action, ...]] = {}  # made when first listed

    # -- reading the state -------------------------------------------------------------------------

    def initial_state(self, t: float) -> State:
        n = len(self.teams)
        state = State(Phase.ANSWER, 0, 0, (0,) * n, (frozenset(),) * n, (None,) * n,
                      tuple(g.start for g in self.gauges), (), "", False, 0.0, t, 0.0, None, None,
                      finished_in=(None,) * n, coming=tuple(range(1, len(self.cards))))
        return self._enter(state, 0)

    def card(self, state: State) -> PlayingCard | None:
        return self.cards[state.index] if state.index < len(self.cards) else None

    def facing(self, state: State) -> Facing:
        """What the table answers now: the card on the table, or its parcours step."""
        return self.cards[state.index].at(state.step)

    def current_team(self, state: State) -> int | None:
        """The team that answers the card on the table, or None for a table-wide card, when every team
        answers, or at the end."""
        card = self.card(state)
        if state.phase == Phase.OVER or card is None or not card.team_answers or self.every_team:
            return None
        return state.turn % len(self.teams)

    def answering_teams(self, state: State) -> tuple[int, ...]:
        """The teams whose answers the card on the table waits for: every team, or the one in turn."""
        if state.phase != Phase.ANSWER or state.paused:
            return ()
        if self.every_team:
            return tuple(range(len(self.teams)))
        return (state.turn % len(self.teams),)

    def tied(self, state: State) -> tuple[tuple[int, ...], ...]:
        """The choices tied for the room's majority among the answers entered, when the room's choice happens
        and it is split (the facilitator picks one); empty otherwise."""
        if not self.every_team or not self.cards[state.index].room_decides:
            return ()
        return split([e for e in state.entries if e is not None])

    def limit_at(self, state: State) -> float:
        """The maximum, in seconds of play, with the minutes the facilitator added."""
        return self.limit + state.extra

    def target_at(self, state: State) -> float:
        """The target, in seconds of play, with the minutes the facilitator added."""
        return self.target + state.extra

    def is_terminal(self, state: State) -> bool:
        return state.phase == Phase.OVER

    def answer_actions(self, state: State) -> tuple[Action, ...]:
        """The legal answers alone (empty when no answer is expected). When every team answers, these are
        the answers where all teams agree: any mix of the `choice_sets` is legal too."""
        return self._answers_at(state) if self.choice_sets(state) else ()

    def _answers_at(self, state: State) -> tuple[Action, ...]:
        key = (state.index, state.step)
        found = self._answer_actions.get(key)
        if found is None:
            n = len(self.teams)
            found = self._answer_actions[key] = tuple(
                Action(ActionType.ANSWER, teams=(s,) * n) if self.every_team else Action(ActionType.ANSWER, s)
                for s in self.facing(state).legal_answers)
        return found

    def choice_sets(self, state: State) -> tuple[tuple[int, ...], ...]:
        """What one team may answer to the card on the table (empty when no answer is expected)."""
        return self.facing(state).legal_answers if state.phase == Phase.ANSWER and not state.paused else ()

    def legal_actions(self, state: State) -> list[Action]:
        """Every action a table may take now, from the moves table; a note's text is free, so it is
        listed once with no text."""
        candidates: list[Action] = []
        for kind in TABLE_MOVES:
            if kind == ActionType.ANSWER:
                candidates += self._answers_at(state) if state.index < len(self.cards) else ()
            elif kind in (ActionType.ENTER, ActionType.CLEAR, ActionType.REVEAL):
                candidates += self._entry_candidates(state, kind)
            else:
                candidates.append(Action(kind))
        return [a for a in candidates if self._blocked(state, a, False) is None]

    def _entry_candidates(self, state: State, kind: str) -> list[Action]:
        """The entry moves worth checking now: each answering team's every answer, each clear, each reveal."""
        teams = self.answering_teams(state)
        if not teams:
            return []
        if kind == ActionType.ENTER:
            return [Action(kind, s, team=t) for t in teams for s in self.facing(state).legal_answers]
        if kind == ActionType.CLEAR:
            return [Action(kind, team=t) for t in teams]
        picks = self.tied(state) or ((),)
        return [Action(kind, p, force=f) for p in picks for f in (False, True)]

    def refusal(self, state: State, action: Action, by_program: bool = False) -> IllegalAction | None:
        """Why the action is not allowed now (a refusal to raise), or None if it is."""
        reason = self._blocked(state, action, by_program)
        return None if reason is None else refused(reason, action)

    def _blocked(self, state: State, action: Action, by_program: bool) -> Refusal | IllegalAction | None:
        move = MOVES.get(action.type)
        if move is None:
            return Refusal.UNKNOWN
        if move.by_program and not by_program:
            return Refusal.PROGRAM_ONLY
        if state.phase == Phase.OVER:
            return Refusal.OVER
        if move.paused is False and state.paused:
            return Refusal.PAUSED
        if move.paused is True and not state.paused:
            return Refusal.NOT_PAUSED
        if state.phase not in move.phases:
            return move.wrong_phase
        return move.check(self, state, action) if move.check is not None else None

    # -- moving the state --------------------------------------------------------------------------

    def apply(self, state: State, action: Action, t: float, by_program: bool = False) -> State:
        reason = self._blocked(state, action, by_program)
        if reason is not None:
            raise refused(reason, action)
        if t < state.last_t:
            raise IllegalAction(Refusal.TIME_BACKWARDS)
        if action.type == ActionType.REOPEN:
            return state.but(last_t=t)
        elapsed = state.elapsed if state.paused else state.elapsed + (t - state.last_t)
        # an undo keeps the clock, so the snapshot it returns to may be the state before the clock moved
        previous = state if MOVES[action.type].undoable else state.previous
        return _HANDLERS[action.type](self, state.but(elapsed=elapsed, last_t=t, previous=previous), action)

    def transitions(self, before: State | None, after: State) -> tuple[Transition, ...]:
        """What the rules did by themselves between two states: an event's effects, the end of the game."""
        done = len(before.plays) if before is not None else 0
        found = [Transition(Automatic.EFFECTS, card=p.card_id, deltas=p.deltas)
                 for p in after.plays[done:] if p.outcome == Outcome.EVENT]
        found += [Transition(Automatic.ROUTE, card=p.card_id, step=p.step, to=p.leads)
                  for p in after.plays[done:] if p.leads]
        if after.phase == Phase.OVER and (before is None or before.phase != Phase.OVER):
            found.append(Transition(Automatic.OVER, reason=after.end_reason, winners=self.winners(after)))
        return tuple(found)

    def _on_enter(self, state: State, action: Action) -> State:
        return self._entered(state, action.team, action.choices)

    def _on_clear(self, state: State, action: Action) -> State:
        return self._entered(state, action.team, None)

    @staticmethod
    def _entered(state: State, team: int | None, choices: tuple[int, ...] | None) -> State:
        """The state with one team's entry set (None: taken back)."""
        assert team is not None
        entries = list(state.entries)
        entries[team] = choices
        return state.but(entries=tuple(entries))

    def _on_reveal(self, state: State, action: Action) -> State:
        return self._settle(state, action.choices)

    def _on_extend(self, state: State, action: Action) -> State:
        return state.but(extra=state.extra + EXTENSION)

    def _on_pause(self, state: State, action: Action) -> State:
        return state.but(paused=True)

    def _on_resume(self, state: State, action: Action) -> State:
        return state.but(paused=False)

    def _on_undo(self, state: State, action: Action) -> State:
        back = state.previous
        assert back is not None
        # the clock and the minutes added are the session's, not the move's: an undo keeps both
        return back.but(elapsed=state.elapsed, last_t=state.last_t, paused=False, extra=state.extra)

    def _on_note(self, state: State, action: Action) -> State:
        return state.but(note=action.text.strip())

    def _on_end(self, state: State, action: Action) -> State:
        if state.phase == Phase.DISCUSS:
            state = self._record(state, self._play(state, Outcome.DISCUSSED, note=state.note))
        return state.but(phase=Phase.OVER, end_reason=EndReason.FACILITATOR, paused=False)

    def _on_skip(self, state: State, action: Action) -> State:
        return self._advance(self._record(state, self._play(state, Outcome.SKIPPED)))

    def _on_next(self, state: State, action: Action) -> State:
        if state.phase == Phase.DISCUSS:
            return self._advance(self._record(state, self._play(state, Outcome.DISCUSSED, note=state.note)))
        card = self.cards[state.index]
        if card.branches and card.has_step(state.route) and state.steps < MAX_PARCOURS_STEPS:
            reason = self._end_reason(state, last_card=False, between_steps=True)  # a gauge or the time ends it now
            if reason is not None:
                return state.but(phase=Phase.OVER, end_reason=reason, index=state.index + 1)
            return state.but(step=state.route, route="", steps=state.steps + 1, phase=Phase.ANSWER,
                             card_started=state.elapsed, entries=(None,) * len(self.teams))
        return self._advance(state, turn=state.turn + 1 if card.team_answers else state.turn)

    def _on_answer(self, state: State, action: Action) -> State:
        """Every answering team's answer entered and revealed in one move."""
        if self.every_team:
            return self._settle(state.but(entries=action.teams), action.choices)
        return self._settle(self._entered(state, state.turn % len(self.teams), action.choices), ())

    def _settle(self, state: State, pick: tuple[int, ...]) -> State:
        """Judge each answering team's entry (a team without one gave no answer); the effects are those of the
        answering team's choice or, when every team answers, of the room's majority (the facilitator's pick
        on a tie)."""
        card, facing = self.cards[state.index], self.facing(state)
        given = [(team, state.entries[team]) for team in self.answering_teams(state)]
        answered = [choices for _, choices in given if choices is not None]
        if self.every_team:
            applied = (pick or majority(answered)[0]) if card.room_decides else ()
        else:
            applied = answered[0]
        judged = facing.judgements
        again = self.relearn and not card.branches and any(p.index == state.index for p in state.plays)
        scores, panoramas, completed = list(state.scores), list(state.panoramas), list(state.completed)
        finished_in = list(state.finished_in)
        answers, completes = [], []
        for team, choices in given:
            if choices is None:
                answers.append(TeamAnswer(team, (), False, 0))
                continue
            judgement = judged[choices]
            answers.append(TeamAnswer(team, choices, judgement.success, judgement.points, judgement.correct,
                                      judgement.rating))
            scores[team] += judgement.points if not again else 0  # a card dealt again scores its first answer only
            if judgement.success and card.scores_aspect:
                panoramas[team] = panoramas[team] | {card.aspect}
                if completed[team] is None and self.panorama and panoramas[team] >= self.panorama:
                    completed[team] = state.elapsed
                    completes.append(team)
                    # teams completing in the same round (one in turn) or on the same card tie
                    finished_in[team] = len(state.plays) if self.every_team else state.turn // len(self.teams)
        gauges, deltas = self._effects(state.gauges, judged[applied].effects if applied else {})
        flags, route, reached = state.flags, "", ""
        if card.branches:
            flags = flags | card.flags_set(state.step, applied[0])
            route = card.route(state.step, applied[0], flags, {g.id: v for g, v in zip(self.gauges, gauges)})
            reached = route if card.outcome(route) is not None else ""
        play = self._play(state, Outcome.ANSWERED, answers=tuple(answers), applied=applied, deltas=deltas,
                          gauges=gauges)._replace(leads=route, reached=reached, completes=tuple(completes))
        return self._record(state, play, gauges=gauges, panoramas=tuple(panoramas), scores=tuple(scores),
                            completed=tuple(completed), finished_in=tuple(finished_in), phase=Phase.REVEAL,
                            flags=flags, route=route,  # a parcours is scored step by step, never dealt again
                            coming=coming_after(state, answers) if self.relearn and not card.branches else state.coming)

    # -- helpers -----------------------------------------------------------------------------------

    def _effects(self, gauges: tuple[int, ...], effects: Mapping[str, int]
                 ) -> tuple[tuple[int, ...], tuple[tuple[str, int], ...]]:
        if not effects:
            return gauges, ()
        values = list(gauges)
        deltas = []
        for i, gauge in enumerate(self.gauges):
            if gauge.id in effects:
                new = min(gauge.max, max(gauge.min, values[i] + effects[gauge.id]))
                deltas.append((gauge.id, new - values[i]))
                values[i] = new
        return tuple(values), tuple(deltas)

    def _play(self, state: State, outcome: Outcome, answers: tuple[TeamAnswer, ...] = (), applied: tuple[int, ...] = (),
              deltas: tuple[tuple[str, int], ...] = (), gauges: tuple[int, ...] | None = None, note: str = "") -> Play:
        card = self.cards[state.index]
        return Play(state.index, card.id, card.kind, card.aspect, outcome, answers, applied, deltas,
                    state.gauges if gauges is None else gauges, round(state.elapsed - state.card_started, 3),
                    state.elapsed, note, state.last_t, state.step)

    @staticmethod
    def _record(state: State, play: Play, **changes: Any) -> State:
        """The state with the card's play added, and any other `changes` made in the same copy."""
        return state.but(plays=state.plays + (play,), note="", **changes)

    def _advance(self, state: State, **changes: Any) -> State:
        """Leave the card on the table: end the game if a rule says so, else show the next card.
        `changes` are made in the same copy."""
        if changes:
            state = state.but(**changes)
        reason = self._end_reason(state, last_card=not state.coming)
        if reason is not None:
            return state.but(phase=Phase.OVER, end_reason=reason, index=state.index + 1)
        return self._enter(state.but(coming=state.coming[1:], dealt=state.dealt + 1), state.coming[0])

    def _end_reason(self, state: State, last_card: bool, between_steps: bool = False) -> EndReason | None:
        """Why the game ends now, if it does: a full panorama, a gauge past its threshold, the time, the cards.
        Between two steps of a parcours, a panorama waits for the parcours's end (the team's turn is not over)."""
        if self.panorama_ends and not between_steps and self._panorama_done(state):
            return EndReason.PANORAMA
        if self.can_lose and any(self.losing_gauges(state)):
            return EndReason.GAUGES
        if state.elapsed >= self.limit_at(state):
            return EndReason.TIME
        return EndReason.CARDS if last_card else None

    def _panorama_done(self, state: State) -> bool:
        """One team in turn: a full panorama ends the game once the round is over, so that every team has had
        as many turns (the first to play does not win by playing first). Every team answering: the room plays
        on until every team has completed its own, the first to complete winning."""
        done = [p >= self.panorama for p in state.panoramas]
        if self.every_team:
            return all(done)
        return any(done) and (not self.full_rounds or state.turn % len(self.teams) == 0)

    def _enter(self, state: State, index: int) -> State:
        """Put a card on the table: a debate opens a discussion, a card to answer waits for its answer,
        any other card happens at once (its effects apply and are shown)."""
        card = self.cards[index]
        if card.discussed:
            return state.but(index=index, card_started=state.elapsed, note="", phase=Phase.DISCUSS, entries=())
        if card.legal_answers:
            return state.but(index=index, card_started=state.elapsed, note="", phase=Phase.ANSWER,
                             step=card.first_step, flags=frozenset(), route="", steps=1 if card.branches else 0,
                             entries=(None,) * len(self.teams))
        state = state.but(index=index, card_started=state.elapsed, entries=())
        gauges, deltas = self._effects(state.gauges, card.arrival_effects())
        play = self._play(state, Outcome.EVENT, deltas=deltas, gauges=gauges)
        return self._record(state, play, gauges=gauges, phase=Phase.REVEAL)

    # -- results -----------------------------------------------------------------------------------

    def losing_gauges(self, state: State) -> tuple[bool, ...]:
        return tuple(g.losing(v) for g, v in zip(self.gauges, state.gauges))

    def winners(self, state: State) -> tuple[int, ...]:
        """Winning teams once over: a full panorama, else most points; gauges are won by all or none."""
        if state.phase != Phase.OVER:
            return ()
        n = range(len(self.teams))
        if self.scenario.win == "gauges":
            return () if any(self.losing_gauges(state)) else tuple(n)
        if self.panorama_ends:
            first = min((r for r in state.finished_in if r is not None), default=None)
            if first is not None:
                return tuple(i for i in n if state.finished_in[i] == first)
        best = max(state.scores)
        return tuple(i for i in n if state.scores[i] == best) if best > 0 else ()


_HANDLERS: dict[str, Callable[[Game, State, Action], State]] = {
    ActionType.ANSWER: Game._on_answer, ActionType.NEXT: Game._on_next, ActionType.SKIP: Game._on_skip,
    ActionType.NOTE: Game._on_note, ActionType.PAUSE: Game._on_pause, ActionType.RESUME: Game._on_resume,
    ActionType.UNDO: Game._on_undo, ActionType.END: Game._on_end, ActionType.ENTER: Game._on_enter,
    ActionType.CLEAR: Game._on_clear, ActionType.REVEAL: Game._on_reveal, ActionType.EXTEND: Game._on_extend,
}
