"""A finished session as xAPI statements, from its log alone (replayed by the rules, as the sheet is).

A session is `launched` then `completed` (its duration, and for a learner alone a score) by the trainer, or by the
learner training alone, on the scenario's serious-game activity. Every answer given is `answered` on the card's
interaction (a parcours: on its step's), by the team (a Group named by its label) or the learner, with its
response in the author's order of the choices (what was on screen was shuffled), its success and, for usagers,
situations and parcours, the rating of the option chosen. Each team's points close the session in a `completed`
of its own. Every statement of a session has the session's registration; its id comes from the session and the
event, so the same log always gives the same statements.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any, Literal

from game.engine.records import Play, TeamAnswer
from game.engine.vocabulary import Outcome
from game.session.replay import Replayed
from game.session.start import SessionStart
from game.xapi import vocabulary as v
from game.xapi.identity import Identity
from game.xapi.models import (
    Account,
    Activity,
    Agent,
    Component,
    Context,
    ContextActivities,
    Definition,
    Group,
    Result,
    Score,
    Statement,
    Verb,
)

TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
TRUE_FALSE = {"vrai": "true", "faux": "false", "true": "true", "false": "false"}


def session_statements(replayed: Replayed, identity: Identity) -> list[Statement]:
    """Every statement of a finished session, in the order it happened."""
    return _Session(replayed, identity).statements()


def timestamp(t: float) -> str:
    """A log's time (seconds since the epoch) as xAPI writes it: ISO 8601 in UTC, to the millisecond."""
    return datetime.fromtimestamp(t, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def duration(seconds: float) -> str:
    return f"PT{max(0.0, seconds):.2f}S"


class _Session:
    def __init__(self, replayed: Replayed, identity: Identity):
        self.start: SessionStart = replayed.start
        self.state = replayed.session.state
        self.identity = identity
        # a log edited by hand may have lost its id: one from what it started with, never another session's
        self.id = self.start.session_id or v.derived_id("start", self.start.scenario.id, self.start.t, self.start.seed)
        self.registration = v.derived_id("session", self.id)
        scenario = self.start.scenario
        said = self._language(scenario.decks[0] if scenario.decks else "")  # a scenario is written as its decks
        self.game = Activity(id=v.scenario_iri(scenario.id), definition=Definition(
            name={said: scenario.title}, description={said: scenario.description} if scenario.description else None,
            type=v.SERIOUS_GAME))
        self.solo = self.start.profile is not None
        self.leader: Agent = identity.learner(self.start.profile) if self.start.profile is not None \
            else identity.trainer()

    # -- the session ---------------------------------------------------------------------------------

    def statements(self) -> list[Statement]:
        given = [(k, play, answer) for k, play in enumerate(self.state.plays) if play.outcome == Outcome.ANSWERED
                 for answer in play.answers if answer.choices]  # a team revealed without its answer gave none
        said = [self._launched(), *(self._answered(k, play, answer) for k, play, answer in given),
                self._completed([answer for _, _, answer in given])]
        if not self.solo:
            winners = self.start.game.winners(self.state)
            said += [self._team_completed(i, i in winners) for i in range(len(self.start.teams))]
        return said

    def _context(self, extensions: Mapping[str, Any] | None = None, instructor: bool = False) -> Context:
        return Context(registration=self.registration, instructor=self.leader if instructor else None,
                       context_activities=ContextActivities(parent=[self.game]), platform="Atelier service public",
                       extensions={v.SESSION: self.id, **(extensions or {})})

    def _launched(self) -> Statement:
        return Statement(id=v.derived_id(self.id, "launched"), actor=self.leader, verb=_verb(v.LAUNCHED),
                         object=self.game, context=self._context(self._setup()), timestamp=timestamp(self.start.t))

    def _setup(self) -> dict[str, Any]:
        return {v.TEAMS: len(self.start.teams), v.ANSWERING: self.start.scenario.answering}

    def _completed(self, answered: list[TeamAnswer]) -> Statement:
        score = None
        if self.solo and answered:  # a learner alone: the share of answers right
            right = sum(a.success for a in answered)
            score = Score(raw=right, min=0, max=len(answered), scaled=round(right / len(answered), 4))
        reason = self.state.end_reason
        result = Result(completion=True, duration=duration(self.state.elapsed), score=score,
                        extensions={v.END_REASON: str(reason)} if reason is not None else None)
        return Statement(id=v.derived_id(self.id, "completed"), actor=self.leader, verb=_verb(v.COMPLETED),
                         object=self.game, result=result, context=self._context(self._setup()),
                         timestamp=timestamp(self._ended()))

    def _team_completed(self, team: int, won: bool) -> Statement:
        """A team's points, and whether it won."""
        result = Result(completion=True, success=won, score=Score(raw=self.state.scores[team], min=0),
                        duration=duration(self.state.elapsed))
        return Statement(id=v.derived_id(self.id, "completed", "team", team), actor=self._team(team),
                         verb=_verb(v.COMPLETED), object=self.game, result=result,
                         context=self._context(instructor=True), timestamp=timestamp(self._ended()))

    def _ended(self) -> float:
        """When the session ended: the time of its last move, as the rules read it."""
        return max(self.state.last_t, self.start.t)

    def _team(self, team: int) -> Group:
        return Group(name=self.start.teams[team], account=Account(home_page=self.identity.home,
                                                                  name=f"{self.id}/team-{team + 1}"))

    # -- an answer -------------------------------------------------------------------------------------

    def _answered(self, k: int, play: Play, answer: TeamAnswer) -> Statement:
        card = self.start.cards[play.index]  # as authored: the choices in the author's order
        facing = card.at(play.step) if card.branches else card
        place = play.step if card.branches else ""
        order = self.start.orders.get(card.id, {}).get(place)
        authored = [order[c] if order is not None else c for c in answer.choices]  # what was on screen -> author's
        texts = list(facing.choice_texts())
        deck, version = self.start.origins.get(card.id, ("", 0))
        language = self._language(deck)
        right = sorted(facing.right_choices())
        truth = _true_false(texts)
        kind: Literal["choice", "true-false"]
        if truth:
            kind, pattern = "true-false", [truth[right[0]]] if len(right) == 1 else None
            response = truth[authored[0]]
            choices = None
        else:
            kind, pattern = "choice", ["[,]".join(str(i + 1) for i in right)]
            response = "[,]".join(str(i + 1) for i in sorted(authored))
            choices = [Component(id=str(i + 1), description={language: text}) for i, text in enumerate(texts)]
        prompt = getattr(facing, "prompt", "") or getattr(card, "prompt", "") or card.id
        name = getattr(facing, "title", "") if card.branches else ""
        definition = Definition(name={language: name or prompt}, description={language: prompt} if name else None,
                                type=v.INTERACTION,
                                interaction_type=kind, correct_responses_pattern=pattern, choices=choices,
                                extensions={v.KIND: card.kind})
        activity = Activity(id=v.card_iri(deck or "session-" + self.id, card.id, place), definition=definition)
        extensions: dict[str, Any] = {v.POINTS: answer.points}
        if answer.rating is not None:
            extensions[v.RATING] = answer.rating
        result = Result(success=answer.success, response=response, duration=duration(play.seconds),
                        extensions=extensions)
        about = {v.ASPECT: card.aspect, v.ASPECT_LABEL: self.start.aspects.get(card.aspect, card.aspect),
                 v.KIND: card.kind, **({v.DECK: deck, v.DECK_VERSION: version} if deck else {})}
        actor: Agent | Group = self.leader if self.solo else self._team(answer.team)
        return Statement(id=v.derived_id(self.id, "play", k, "team", answer.team), actor=actor,
                         verb=_verb(v.ANSWERED), object=activity, result=result,
                         context=self._context(about, instructor=not self.solo), timestamp=timestamp(play.at))

    def _language(self, deck: str) -> str:
        """The deck's language as a tag; a deck that named its language otherwise, undetermined."""
        tag = self.start.languages.get(deck, "fr")
        return tag if TAG.match(tag) else "und"


def _verb(iri: str) -> Verb:
    return Verb(id=iri, display={"en-US": v.VERB_NAMES[iri]})


def _true_false(texts: Sequence[str]) -> list[str] | None:
    """A true/false question's choices as xAPI's "true" and "false"; None for any other."""
    said = [TRUE_FALSE.get(t.strip().rstrip(".!").lower()) for t in texts]
    return [s for s in said if s] if len(texts) == 2 and all(said) and said[0] != said[1] else None
