"""The sheet's view of a session: what a debriefing says, for the PDF and the CSV alike.

Nothing here knows about PDF or files; `build_report` turns the views of a session (its facts, the cards
played as their displays word them, the standings) into plain rows and sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, cast

from game.content.models import ParcoursCard, best_path
from game.present.room import Played, played
from game.table.view import Mark, PlayView, Standings
from game.wording.catalogue import ntr, tr
from game.wording.players import end_reason, headline, lower_first, result

if TYPE_CHECKING:
    from game.table.table import Table

@dataclass
class AnswerLine:
    """One team's answer to a card."""

    index: int  # the team's place in the session's list
    team: str
    numbers: str  # the choices as the team raised them: "2", "1+3"
    given: str  # the same, in words
    verdict: str
    success: bool
    acceptable: bool = False  # an option neither best nor to avoid: neither right nor wrong

    @property
    def answered(self) -> bool:
        """Whether the team gave an answer: the facilitator may reveal without some teams'."""
        return bool(self.numbers)


@dataclass
class CardLine:
    """One card as the sheet and the CSV tell it."""

    number: int
    card_id: str
    kind: str
    aspect: str
    aspect_label: str
    team: str | None  # the team that answered, when one team answers in turn
    answers: list[AnswerLine]  # every team's answer, in team order
    prompt: str
    who: str | None  # the persona, or the partner of a situation
    outcome: str
    given: str | None  # the answer or option chosen, in words (the room's majority when every team answers;
    #                    None then for a question, whose answers are in `answers`)
    verdict: str  # juste, faux, meilleure réponse…, carte passée, débattue, événement
    success: bool | None  # right answer or best option; None when nothing was answered
    right: str | None  # the right answer(s) of a question
    expected: str  # the right answers or best options by number ("2", "1+3"); empty when there are none
    best: str  # the same in words
    explanation: str | None  # a question's explanation, an option's feedback
    source: str | None
    deltas: list[tuple[str, int]]  # (gauge label, change)
    note: str
    seconds: float
    discussed: bool  # a debate: on the sheet among the discussions, not the cards played
    step: str = ""  # a parcours step's title
    reached: str = ""  # the outcome this step led to, when it ended the parcours


@dataclass
class GaugeLine:
    label: str
    start: int
    end: int
    low: int
    high: int
    lose_below: int | None
    lose_above: int | None
    values: list[int]  # the start, then the value after each card
    crossed: bool


@dataclass
class TeamLine:
    name: str
    points: int
    panorama: list[str]  # labels of the aspects completed
    completed: float | None  # minutes of play when the panorama was complete


@dataclass
class AspectRate:
    label: str
    right: int
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.answered) if self.answered else 0


@dataclass
class TeamRates:
    name: str
    rates: list[AspectRate]  # one per aspect of the panorama, in its order


@dataclass
class StepBox:
    """A step of a parcours in the sheet's diagram."""

    title: str
    mark: str  # the rating of the choice made there ("" on the best path, where it is the best)


@dataclass
class JourneyLine:
    """One usager's parcours: the path taken beside the best one, for the group to compare."""

    number: int  # the card's place in the session
    who: str
    need: str
    taken: list[StepBox]
    reached: StepBox  # the outcome's title, and what kind of outcome it is
    best: list[StepBox]
    best_reached: StepBox
    best_choices: bool = False  # the best option chosen at every step taken

    @property
    def same(self) -> bool:
        """The path of the best choices was the one taken: the same steps, and the best option at each (an
        « acceptable » option may lead to the same next step, and is not the best choice)."""
        titles = [s.title for s in self.taken + [self.reached]]
        return self.best_choices and titles == [s.title for s in self.best + [self.best_reached]]


@dataclass
class Report:
    session_id: str
    scenario_id: str
    title: str
    mode: str
    every_team: bool  # every team answered each card: the sheet shows the grid of their answers
    started: datetime
    play_minutes: float
    teams: list[str]
    win: str
    end_reason: str
    result: str
    headline: str  # the result as a sentence standing alone
    team_lines: list[TeamLine]
    panorama: list[str]
    gauges: list[GaugeLine]
    rates: list[AspectRate]  # over every team's answers
    team_rates: list[TeamRates]  # per team and aspect of the panorama, when every team answered each card
    cards: list[CardLine]
    key_messages: list[str]
    discussion: list[str]
    to_review: list[str] = field(default_factory=list)
    journeys: list[JourneyLine] = field(default_factory=list)

    @property
    def debates(self) -> list[CardLine]:
        return [c for c in self.cards if c.discussed]


def build_report(table: Table) -> Report:
    facts, standings = table.facts(), table.standings()
    lines = [card_line(play, facts.every_team) for play in played(table)]
    rates = _rates(lines, facts.aspects)
    panorama = [facts.aspects.get(a, a) for a in standings.panorama]
    report = Report(
        session_id=facts.session_id, scenario_id=facts.scenario_id, title=facts.title, mode=facts.mode,
        every_team=facts.every_team,
        started=datetime.fromtimestamp(facts.started), play_minutes=table.view().clock.elapsed / 60,
        teams=list(facts.teams), win=facts.win,
        end_reason=end_reason(standings.end_reason), result=result(standings), headline=headline(standings),
        team_lines=[TeamLine(t.name, t.score, [facts.aspects.get(a, a) for a in t.panorama],
                             None if t.completed is None else t.completed / 60) for t in standings.teams],
        panorama=panorama, gauges=_gauges(standings), rates=rates,
        team_rates=_team_rates(lines, list(facts.teams), panorama) if facts.every_team and panorama else [],
        cards=lines,
        key_messages=list(facts.key_messages), discussion=list(facts.discussion),
    )
    report.to_review = _to_review(rates, lines)
    report.journeys = journey_lines(table)
    return report


def journey_lines(table: Table) -> list[JourneyLine]:
    """Each parcours played, step by step, beside the path of the best choices from the gauges it began with."""
    plays, gauges = table.history(), table.standings().gauges
    runs: list[list[PlayView]] = []
    for play in plays:
        if play.step is None:
            continue
        if runs and runs[-1][-1].card is play.card and runs[-1][-1].reached is None:
            runs[-1].append(play)
        else:
            runs.append([play])
    journeys = []
    for run in runs:
        card, first = cast(ParcoursCard, run[0].card), run[0].number - 1  # a run of steps is a parcours
        path, best_end = best_path(card, {g.id: g.trajectory[first] for g in gauges})
        journeys.append(JourneyLine(
            number=run[0].card_number, who=tr("persona.who", name=card.name, age=card.age), need=card.need,
            taken=[StepBox(play.step.title if play.step else "", lower_first(tr(f"mark.{play.mark}"))) for play in run],
            reached=_ending(card, run[-1].reached.id if run[-1].reached else ""),
            best=[StepBox(card.at(step).title, "") for step in path], best_reached=_ending(card, best_end),
            best_choices=all(play.mark == Mark.BEST for play in run)))
    return journeys


def _ending(card: ParcoursCard, reached: str) -> StepBox:
    outcome = card.outcome(reached) if reached else None
    if outcome is None:
        return StepBox(tr("parcours.unfinished"), "")
    return StepBox(outcome.title, tr("parcours.result." + outcome.result))


def card_line(play: Played, every_team: bool) -> CardLine:
    face = play.face
    texts = play.choices
    explanation = play.explanation
    answers = [AnswerLine(v.team, v.name, "+".join(str(i + 1) for i in v.choices), " ; ".join(texts[i] for i in v.choices),
                          lower_first(tr(f"mark.{v.mark}")), v.success, v.mark == Mark.ACCEPTABLE)
               for v in play.verdicts]
    given = answers[0].given if answers and not every_team else " ; ".join(texts[i] for i in play.applied) or None
    return CardLine(
        number=play.card_number, card_id=play.card_id, kind=face.kind, aspect=play.aspect,
        aspect_label=play.aspect_label,
        team=answers[0].team if answers and not every_team else None, answers=answers,
        prompt=face.summary, who=face.who, outcome=play.outcome, given=given,
        verdict=lower_first(tr(f"mark.{play.mark}")), success=play.success,
        right=" ; ".join(texts[i] for i in play.right) if play.mark in (Mark.RIGHT, Mark.WRONG, Mark.SPLIT) else None,
        expected="+".join(str(i + 1) for i in play.right), best=" ; ".join(texts[i] for i in play.right),
        explanation=explanation.text if explanation else None, source=explanation.source if explanation else None,
        deltas=[(c.label, c.delta) for c in play.changes], note=play.note, seconds=play.seconds,
        discussed=face.discussed, step=play.step_title, reached=play.ending.title if play.ending else "",
    )


def _gauges(standings: Standings) -> list[GaugeLine]:
    return [GaugeLine(g.label, g.start, g.value, g.low, g.high, g.lose_below, g.lose_above, list(g.trajectory),
                      g.losing) for g in standings.gauges]


def _rates(lines: list[CardLine], aspects: Mapping[str, str]) -> list[AspectRate]:
    """Success per aspect over every answer given (one per card, or one per team and card)."""
    rates: dict[str, AspectRate] = {}
    for line in lines:
        for answer in line.answers:
            if not answer.answered:  # revealed without this team's answer: nothing to count
                continue
            rate = rates.setdefault(line.aspect, AspectRate(line.aspect_label, 0, 0))
            rate.answered += 1
            rate.right += answer.success
    order = list(aspects)
    return [rates[a] for a in sorted(rates, key=lambda a: order.index(a) if a in order else len(order))]


def _team_rates(lines: list[CardLine], teams: list[str], panorama: list[str]) -> list[TeamRates]:
    """Each team's answers per aspect of the panorama, aspects nobody was asked included (0 of 0)."""
    table = [TeamRates(name, [AspectRate(label, 0, 0) for label in panorama]) for name in teams]
    for line in lines:
        if line.aspect_label not in panorama:
            continue
        column = panorama.index(line.aspect_label)
        for answer in line.answers:
            if not answer.answered:
                continue
            rate = table[answer.index].rates[column]
            rate.answered += 1
            rate.right += answer.success
    return table


def _to_review(rates: list[AspectRate], lines: list[CardLine]) -> list[str]:
    """The aspects with mistakes, weakest first, each with the cards the group got wrong."""
    review = []
    for rate in sorted((r for r in rates if r.right < r.answered), key=lambda r: r.right / r.answered):
        missed = list(dict.fromkeys(  # a parcours missed at several steps is one card to review
            tr("sheet.missed_card", n=c.number, what=c.who or shorten(c.prompt)) for c in lines
            if c.aspect_label == rate.label and c.success is False))
        review.append(ntr("sheet.review_aspect", rate.right, label=rate.label, answered=rate.answered,
                          cards=" ; ".join(missed)))  # « 1 réponse réussie sur 2 », « 0 réponse réussie sur 1 »
    return review


def shorten(text: str, limit: int = 70) -> str:
    """The start of a text, cut between words."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"
