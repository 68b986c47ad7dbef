"""The table as the room sees it: the card worded by its kind's display, the reveal, the clock, the moves.

The screen and the terminal read a `RoomView`; the sheet reads `Played` cards. Neither carries a card's
model: what a kind shows is its display's `CardFace`; a parcours' ending is read through the `Ending` protocol.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from game.content.kinds import Ending, Explanation
from game.present.faces import CardFace
from game.present.kinds import face
from game.table.clock import Clock
from game.table.view import GaugeChange, Mark, PlayView, TableView, Verdict
from game.wording.catalogue import tr
from game.wording.players import teams_listed

if TYPE_CHECKING:
    from game.engine.vocabulary import Action, Outcome, Phase
    from game.table.table import Table


class Played:
    """One card once played, in displayable terms: the reveal on screen, a row of the sheet."""

    def __init__(self, play: PlayView):
        self._play = play
        self.face: CardFace = face(play.card, play.step)
        self.ending: Ending | None = play.reached  # how the parcours ended here: its title, result and feedback

    @property
    def reached_line(self) -> str:
        """The parcours' ending as the room reads it: its title and whether it is favourable to the usager, so
        that a team never takes a poor ending for a good one; empty when the card did not end a parcours."""
        if self.ending is None:
            return ""
        return tr("parcours.reached", title=self.ending.title, result=tr("parcours.result." + self.ending.result))

    @property
    def card_id(self) -> str:
        return str(self._play.card.id)

    @property
    def aspect(self) -> str:
        return str(self._play.card.aspect)

    @property
    def step_title(self) -> str:
        """The parcours step answered; empty for any other card."""
        return str(self._play.step.title) if self._play.step is not None else ""

    @property
    def step_id(self) -> str:
        """The parcours step answered, by its id; empty for any other card."""
        return str(self._play.step.id) if self._play.step is not None else ""

    @property
    def number(self) -> int:
        """The play's place in the session: a parcours' every step counts."""
        return self._play.number

    @property
    def card_number(self) -> int:
        """The card's number as the room counted it (« Carte 10 sur 11 »): a parcours' steps share it."""
        return self._play.card_number

    @property
    def aspect_label(self) -> str:
        return self._play.aspect_label

    @property
    def outcome(self) -> Outcome:
        return self._play.outcome

    @property
    def mark(self) -> Mark:
        return self._play.mark

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        return self._play.verdicts

    @property
    def right(self) -> tuple[int, ...]:
        return self._play.right

    @property
    def applied(self) -> tuple[int, ...]:
        return self._play.applied

    @property
    def explanation(self) -> Explanation | None:
        return self._play.explanation

    @property
    def changes(self) -> tuple[GaugeChange, ...]:
        return self._play.changes

    @property
    def note(self) -> str:
        return self._play.note

    @property
    def seconds(self) -> float:
        return self._play.seconds

    @property
    def at(self) -> float:
        return self._play.at

    @property
    def choices(self) -> tuple[str, ...]:
        return self.face.choices

    @property
    def acceptable(self) -> tuple[int, ...]:
        return self._play.acceptable

    @property
    def has_right_answer(self) -> bool:
        """A question's answers are right or wrong; the other kinds' options are best, acceptable or poor."""
        return self.face.kind == "question"

    @property
    def all_right_line(self) -> str:
        """On a card with several right answers that teams answered, which teams ticked them all and only them: a
        team that ticked one right answer is listed beside it, and must not read that as being right."""
        if not (self.face.several and len(self.verdicts) > 1):
            return ""
        whole = [v.team + 1 for v in self.verdicts if v.mark == Mark.RIGHT]
        return tr("play.all_right", teams=teams_listed(whole)) if whole else tr("play.all_right_none")

    @property
    def completes(self) -> tuple[int, ...]:
        """The teams whose panorama this answer completed."""
        return self._play.completes

    @property
    def completes_line(self) -> str:
        """The teams whose panorama this answer completed, the moment it happens; empty on every other card."""
        return tr("play.completes", teams=teams_listed(t + 1 for t in self.completes)) if self.completes else ""

    @property
    def chosen(self) -> tuple[int, ...]:
        return self._play.chosen

    @property
    def shown(self) -> tuple[int, ...]:
        return self._play.shown

    @property
    def success(self) -> bool | None:
        return self._play.success

    def votes(self, choice: int) -> int:
        return self._play.votes(choice)


class RoomView:
    """What the room sees now: the projector's screen and the terminal."""

    def __init__(self, view: TableView):
        self._view = view

    @cached_property
    def face(self) -> CardFace | None:
        """The card on the table (at its parcours step), None once the game is over."""
        view = self._view
        return face(view.card, view.step) if view.card is not None else None

    @cached_property
    def reveal(self) -> Played | None:
        """The card just answered, or that just happened."""
        return Played(self._view.reveal) if self._view.reveal is not None else None

    @property
    def phase(self) -> Phase:
        return self._view.phase

    @property
    def paused(self) -> bool:
        return self._view.paused

    @property
    def panorama_labels(self) -> tuple[str, ...]:
        """The aspects of a full panorama by their labels, in the order of the teams' squares; empty in a game not
        won by a panorama."""
        return self._view.panorama_labels

    @property
    def panorama_line(self) -> str:
        """The panorama's aspects named: what the room reads between cards; empty without a panorama."""
        labels = self.panorama_labels
        return tr("play.panorama_line", aspects=" · ".join(labels)) if labels else ""

    @property
    def team(self) -> int | None:
        return self._view.team

    @property
    def team_name(self) -> str | None:
        return self._view.team_name

    @property
    def number(self) -> int:
        return self._view.number

    @property
    def total(self) -> int:
        return self._view.total

    @property
    def aspect_label(self) -> str:
        return self._view.aspect_label

    @property
    def solo(self) -> bool:
        return self._view.solo

    @property
    def every_team(self) -> bool:
        return self._view.every_team

    @property
    def teams(self) -> tuple[str, ...]:
        return self._view.teams

    @property
    def scenario_title(self) -> str:
        return self._view.scenario_title

    @property
    def started(self) -> float:
        return self._view.started

    @property
    def answers(self) -> tuple[Action, ...]:
        return self._view.answers

    @property
    def choice_sets(self) -> tuple[tuple[int, ...], ...]:
        return self._view.choice_sets

    @property
    def answering(self) -> tuple[int, ...]:
        return self._view.answering

    @property
    def entries(self) -> tuple[tuple[int, ...] | None, ...]:
        return self._view.entries

    @property
    def missing(self) -> tuple[int, ...]:
        return self._view.missing

    def tied(self, answers: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
        return self._view.tied(answers)

    @property
    def split(self) -> tuple[tuple[int, ...], ...]:
        return self._view.split

    @property
    def step_number(self) -> int:
        return self._view.step_number

    @property
    def choices(self) -> tuple[str, ...]:
        return self.face.choices if self.face is not None else ()

    @property
    def several(self) -> bool:
        return self.face is not None and self.face.several

    @property
    def note(self) -> str:
        return self._view.note

    @property
    def clock(self) -> Clock:
        return self._view.clock

    @property
    def moves(self) -> frozenset[str]:
        return self._view.moves


class Facilitator(RoomView):
    """What the facilitator (and a bot standing in for a team) knows besides: what each legal answer is worth."""

    def points(self, choices: tuple[int, ...]) -> int:
        """What answering `choices` to the card on the table would score."""
        facing = self._view.facing
        assert facing is not None, "no card on the table: nothing to answer"
        return int(facing.judgements[choices].points)

    @property
    def answered(self) -> bool:
        """Whether the card on the table is answered by a team (or every team), not just read or discussed; asked
        of the card, not of its face, which a simulation need not word."""
        return self._view.card is not None and self._view.card.team_answers

    @property
    def expected(self) -> tuple[int, ...]:
        """The right answers or best options of the card on the table (at its step), in the order shown."""
        facing = self._view.facing
        return tuple(facing.right_choices()) if facing is not None else ()

    @property
    def acceptable(self) -> tuple[int, ...]:
        facing = self._view.facing
        return tuple(facing.acceptable_choices()) if facing is not None else ()

    @property
    def why(self) -> Explanation | None:
        """What the reveal will say of the expected answer: a question's explanation and source, a best option's
        feedback; None for a card with nothing to reveal."""
        facing, expected = self._view.facing, self.expected
        if facing is None or not expected:
            return None
        return facing.explain(expected if facing.several else expected[:1])

    @property
    def notes(self) -> str:
        """The author's notes for the facilitator on the card on the table; empty when it has none."""
        card = self._view.card
        return str(card.notes or "") if card is not None else ""

    @cached_property
    def upcoming(self) -> CardFace | None:
        """The next card's face, for the facilitator to prepare; None on the last card."""
        card = self._view.upcoming
        return face(card) if card is not None else None

    @property
    def upcoming_aspect(self) -> str:
        return self._view.upcoming_aspect

    @property
    def minutes(self) -> float:
        """The minutes the card on the table is expected to take."""
        card = self._view.card
        assert card is not None, "no card on the table"
        return float(card.turn_minutes)


def room(table: Table) -> RoomView:
    """The room's view of `table` now (made once between two actions)."""
    return table.derived("room", lambda t: RoomView(t.view()))


def facilitator(table: Table) -> Facilitator:
    return table.derived("facilitator", lambda t: Facilitator(t.view()))


def played(table: Table) -> tuple[Played, ...]:
    """Every card played so far, in order."""
    return table.derived("played", lambda t: tuple(Played(p) for p in t.history()))

