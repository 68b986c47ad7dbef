"""What a debriefing says, computed from a replayed session alone: the sheet and the CSV both read this.

Nothing here knows about PDF or files; `build_report` turns a session's log into plain rows and
sentences in French.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from game.engine.record import Session
from game.engine.rules import Play
from game.results import END_REASONS, winner_text

KIND_LABELS = {"question": "Question", "debate": "Débat", "persona": "Usager", "situation": "Situation",
               "event": "Événement"}
RATING_LABELS = {"best": "meilleure réponse", "acceptable": "réponse acceptable", "poor": "réponse à éviter"}
OUTCOME_LABELS = {"skipped": "carte passée", "discussed": "débattue", "event": "événement"}


@dataclass
class CardLine:
    """One card as the sheet and the CSV tell it."""

    number: int
    card_id: str
    kind: str
    aspect: str
    aspect_label: str
    team: str | None
    prompt: str
    who: str | None  # the persona, or the partner of a situation
    outcome: str
    given: str | None  # the answer or option chosen, in words
    verdict: str  # juste, faux, meilleure réponse…, carte passée, débattue, événement
    success: bool | None  # right answer or best option; None when nothing was answered
    right: str | None  # the right answer(s) of a question
    explanation: str | None  # a question's explanation, an option's feedback
    source: str | None
    deltas: list[tuple[str, int]]  # (gauge label, change)
    note: str
    seconds: float


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


@dataclass
class AspectRate:
    label: str
    right: int
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.answered) if self.answered else 0


@dataclass
class Report:
    session_id: str
    scenario_id: str
    title: str
    mode: str
    started: datetime
    play_minutes: float
    teams: list[str]
    win: str
    end_reason: str
    result: str
    team_lines: list[TeamLine]
    panorama: list[str]
    gauges: list[GaugeLine]
    rates: list[AspectRate]
    cards: list[CardLine]
    key_messages: list[str]
    discussion: list[str]
    to_review: list[str] = field(default_factory=list)

    @property
    def debates(self) -> list[CardLine]:
        return [c for c in self.cards if c.kind == "debate"]


def build_report(session: Session) -> Report:
    game, state = session.game, session.state
    start = session.events[0]
    aspects: dict[str, str] = start.get("aspects", {})
    scenario = game.scenario
    lines = [_card_line(game, play, n, aspects) for n, play in enumerate(state.plays, start=1)]
    rates = _rates(lines, aspects)
    report = Report(
        session_id=start.get("session", ""), scenario_id=scenario.id, title=scenario.title, mode=scenario.mode,
        started=datetime.fromtimestamp(float(start["t"])), play_minutes=state.elapsed / 60,
        teams=list(game.teams), win=scenario.win,
        end_reason=END_REASONS.get(state.end_reason or "", "partie interrompue"),
        result=winner_text(game, state) if game.is_terminal(state) else "partie non terminée",
        team_lines=[TeamLine(name, state.scores[i], _labels(state.panoramas[i], aspects))
                    for i, name in enumerate(game.teams)],
        panorama=_labels(game.panorama, aspects),
        gauges=_gauges(game, state.plays),
        rates=rates, cards=lines,
        key_messages=list(scenario.debrief.key_messages), discussion=list(scenario.debrief.discussion),
    )
    report.to_review = _to_review(rates, lines)
    return report


def _labels(ids: frozenset[str], aspects: dict[str, str]) -> list[str]:
    """Aspect labels in the decks' order."""
    return [label for a, label in aspects.items() if a in ids] + sorted(a for a in ids if a not in aspects)


def _card_line(game: Any, play: Play, number: int, aspects: dict[str, str]) -> CardLine:
    card = game.cards[play.index]
    labels = {g.id: g.label for g in game.gauges}
    given = right = explanation = source = who = None
    prompt = card.prompt
    success = None
    verdict = OUTCOME_LABELS.get(play.outcome, "")
    if card.kind == "question":
        right = " ; ".join(card.answers[i].text for i in card.correct_choices)
        explanation, source = card.explanation, card.source
        if play.outcome == "answered":
            given = " ; ".join(card.answers[i].text for i in play.choices)
            success = bool(play.correct)
            verdict = "juste" if play.correct else "faux"
    elif card.kind in ("persona", "situation"):
        who = f"{card.name}, {card.age} ans" if card.kind == "persona" else card.partner
        prompt = f"{card.situation} Besoin : {card.need}" if card.kind == "persona" else card.prompt
        if play.outcome == "answered":
            option = card.options[play.choices[0]]
            given, explanation = option.text, option.feedback
            success = option.rating == "best"
            verdict = RATING_LABELS[option.rating]
    return CardLine(
        number=number, card_id=card.id, kind=card.kind, aspect=card.aspect,
        aspect_label=aspects.get(card.aspect, card.aspect),
        team=game.teams[play.team] if play.team is not None else None,
        prompt=prompt, who=who, outcome=play.outcome, given=given, verdict=verdict, success=success,
        right=right, explanation=explanation, source=source,
        deltas=[(labels.get(g, g), d) for g, d in play.deltas if d], note=play.note, seconds=play.seconds,
    )


def _gauges(game: Any, plays: tuple[Play, ...]) -> list[GaugeLine]:
    result = []
    for i, gauge in enumerate(game.gauges):
        values = [gauge.start] + [play.gauges[i] for play in plays]
        result.append(GaugeLine(gauge.label, gauge.start, values[-1], gauge.min, gauge.max,
                                gauge.lose_below, gauge.lose_above, values, gauge.losing(values[-1])))
    return result


def _rates(lines: list[CardLine], aspects: dict[str, str]) -> list[AspectRate]:
    rates: dict[str, AspectRate] = {}
    for line in lines:
        if line.success is None:
            continue
        rate = rates.setdefault(line.aspect, AspectRate(line.aspect_label, 0, 0))
        rate.answered += 1
        rate.right += line.success
    order = list(aspects)
    return [rates[a] for a in sorted(rates, key=lambda a: order.index(a) if a in order else len(order))]


def _to_review(rates: list[AspectRate], lines: list[CardLine]) -> list[str]:
    """The aspects with mistakes, weakest first, each with the cards the group got wrong."""
    review = []
    for rate in sorted((r for r in rates if r.right < r.answered), key=lambda r: r.right / r.answered):
        missed = [f"carte {c.number} ({c.who or _shorten(c.prompt)})" for c in lines
                  if c.aspect_label == rate.label and c.success is False]
        review.append(f"{rate.label} : {rate.right} sur {rate.answered} réussies. À revoir : " + " ; ".join(missed))
    return review


def _shorten(text: str, limit: int = 70) -> str:
    """The start of a text, cut between words."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"
