"""The debriefing projected to the room after the last card, as slides: the panorama of every team with its aspects'
names, the room's success per aspect, the cards to go over again with their right answer and why, the parcours
taken beside the best path, the debates, the key messages and the questions to go on with.

Made from the sheet's report alone (the session log), as the printed sheet is; nothing here draws. The screen lays
each slide out and spreads a long one over several views.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.present.sheet import AspectRate, CardLine, JourneyLine, Report, StepBox, TeamLine
from game.wording.catalogue import tr


@dataclass(frozen=True)
class Block:
    """A piece of a slide's text: `head` (a card's line, bold), `text`, `item` (of a list, after a bullet) or `note`
    (secondary: a source, who missed)."""

    style: str
    text: str


@dataclass(frozen=True)
class Slide:
    title: str
    blocks: tuple[Block, ...] = ()
    teams: tuple[TeamLine, ...] = ()  # the panorama's grid: a row per team
    aspects: tuple[str, ...] = ()  # ... a column per aspect of the panorama
    rates: tuple[AspectRate, ...] = ()  # the room's success per aspect, as bars
    key: str = ""  # what the slide is, for tests and the presenter: panorama, rates, review, journeys…


def slides(report: Report) -> list[Slide]:
    """The debriefing's slides, in the order a trainer goes through them; those with nothing to say are left out."""
    shown: list[Slide] = []
    if report.panorama:
        shown.append(Slide(tr("debrief.panorama"), teams=tuple(report.team_lines), aspects=tuple(report.panorama),
                           key="panorama"))
    if report.rates:
        shown.append(Slide(tr("debrief.rates"), rates=tuple(report.rates), key="rates"))
    missed = [_review(card, report.every_team) for card in report.cards if _missed(card)]
    if missed:
        shown.append(Slide(tr("sheet.to_review"), tuple(b for blocks in missed for b in blocks), key="review"))
    if report.journeys:
        shown.append(Slide(tr("sheet.journeys"), tuple(b for j in report.journeys for b in _journey(j)),
                           key="journeys"))
    if report.debates:
        shown.append(Slide(tr("sheet.debates"), tuple(b for card in report.debates for b in _debate(card)),
                           key="debates"))
    for key, title, items in (("messages", tr("sheet.key_messages"), report.key_messages),
                              ("discussion", tr("sheet.discussion"), report.discussion)):
        if items:
            shown.append(Slide(title, tuple(Block("item", item) for item in items), key=key))
    return shown


def _missed(card: CardLine) -> bool:
    """A card some team answered wrongly (an « acceptable » option is not a mistake)."""
    return any(a.answered and not a.success and not a.acceptable for a in card.answers)


def _review(card: CardLine, every_team: bool) -> list[Block]:
    """A missed card: what it asked, the right answer or best option, why, and who missed it."""
    what = f"{card.who} — {card.prompt}" if card.who else card.prompt
    blocks = [Block("head", tr("debrief.card", n=card.number, aspect=card.aspect_label, what=what))]
    if card.right:
        blocks.append(Block("text", tr("sheet.right", right=card.right)))
    elif card.best:  # a persona's, a situation's or a parcours step's best option
        blocks.append(Block("text", tr("debrief.best", text=card.best)))
    if card.explanation:
        blocks.append(Block("text", card.explanation))
    if card.source:
        blocks.append(Block("note", tr("debrief.source", source=card.source)))
    wrong = [a.team for a in card.answers if a.answered and not a.success and not a.acceptable]
    if every_team and wrong:
        blocks.append(Block("note", tr("debrief.missed_by", names=", ".join(wrong))))
    return blocks


def _journey(journey: JourneyLine) -> list[Block]:
    blocks = [Block("head", tr("debrief.journey", n=journey.number, who=journey.who, need=journey.need))]
    blocks.append(Block("text", tr("debrief.path", label=tr("sheet.path_taken"),
                                   path=_path(journey.taken, journey.reached))))
    if journey.same:
        blocks.append(Block("note", tr("sheet.also_best")))
    else:
        blocks.append(Block("text", tr("debrief.path", label=tr("sheet.best_path"),
                                       path=_path(journey.best, journey.best_reached))))
    return blocks


def _path(steps: list[StepBox], end: StepBox) -> str:
    """Steps and the outcome as a line: « Accueil (à éviter) › Rendez-vous › Dossier complet (favorable) »."""
    def box(step: StepBox) -> str:
        return f"{step.title} ({step.mark})" if step.mark else step.title

    return " › ".join([box(s) for s in steps] + [box(end)])


def _debate(card: CardLine) -> list[Block]:
    blocks = [Block("head", tr("debrief.card", n=card.number, aspect=card.aspect_label, what=card.prompt))]
    if card.note:
        blocks.append(Block("text", tr("sheet.note", note=card.note)))
    return blocks

