"""One display per card kind, registered: the only place where a kind's shape on the table is decided.

The screen, the terminal, the sheet, the spreadsheet import and solo training ask `display(kind)` or read a
`CardFace`; none tests a kind's name. `tests/test_structure.py` fails while a kind has no display or no
sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from game.content.kinds import CardKind, Facing, PlayingCard, Step
from game.content.models import (
    DebateCard,
    EventCard,
    ParcoursCard,
    PersonaCard,
    QuestionCard,
    SituationCard,
    constraint_label,
)
from game.present.faces import CardDisplay, CardFace
from game.wording.catalogue import tr

DISPLAYS: dict[CardKind, CardDisplay[Any]] = {}

D = TypeVar("D", bound=type[CardDisplay[Any]])


def registered(cls: D) -> D:
    """Make `cls` the display of its kind."""
    DISPLAYS[cls.kind] = cls()
    return cls


def display(kind: str) -> CardDisplay[Any]:
    """The display of `kind`."""
    return DISPLAYS[CardKind(kind)]


def face(card: PlayingCard, step: Step | None = None) -> CardFace:
    """What `card` says now (at `step`, the step on the table, for a parcours)."""
    return display(card.kind).face(card, step)


def kinds_where(test: Callable[[CardDisplay[Any]], bool]) -> tuple[CardKind, ...]:
    """The kinds whose display passes `test`, in the content model's order."""
    return tuple(kind for kind in CardKind if kind in DISPLAYS and test(DISPLAYS[kind]))


def _common(card: PlayingCard, facing: Facing) -> dict[str, Any]:
    """What every kind's face says the same way."""
    return {"kind": CardKind(card.kind), "label": tr(f"kind.{card.kind}"), "choices": facing.choice_texts(),
            "several": facing.several, "answered": card.team_answers, "discussed": card.discussed}


def _told(card: QuestionCard | DebateCard | EventCard | SituationCard, **more: Any) -> CardFace:
    """A card told by its prompt, big: a question, a debate, an event, a situation."""
    return CardFace(prompt=card.prompt, lead=card.prompt, reminder=card.prompt, summary=card.prompt, **more,
                    **_common(card, card))


@registered
class QuestionDisplay(CardDisplay[QuestionCard]):
    """A card told by its prompt, big: a question."""

    kind = CardKind.QUESTION
    solo = True
    written_as = ("question",)

    def face(self, card: QuestionCard, step: Step | None = None) -> CardFace:
        return _told(card)


@registered
class DebateDisplay(CardDisplay[DebateCard]):
    """An open question for the room, with leads for the discussion."""

    kind = CardKind.DEBATE
    written_as = ("debat", "debate")

    def face(self, card: DebateCard, step: Step | None = None) -> CardFace:
        return _told(card, hints=tuple(card.hints))


@registered
class EventDisplay(CardDisplay[EventCard]):
    """Something that happens to the service: told, its effects shown."""

    kind = CardKind.EVENT
    written_as = ("evenement", "event")

    def face(self, card: EventCard, step: Step | None = None) -> CardFace:
        return _told(card)


@registered
class SituationDisplay(CardDisplay[SituationCard]):
    """A dilemma with a partner: the partner's name over the prompt."""

    kind = CardKind.SITUATION
    solo = True
    written_as = ("situation", "partenaire")

    def face(self, card: SituationCard, step: Step | None = None) -> CardFace:
        partner = card.partner or ""
        return _told(card, over=partner, who=card.partner,
                     introduction=(tr("console.partner", partner=partner),) if partner else ())


def _usager(card: PersonaCard | ParcoursCard) -> dict[str, Any]:
    """An usager's head (name and age, constraints) and how the terminal introduces them."""
    who = tr("persona.who", name=card.name, age=card.age)
    tags = tuple(constraint_label(c) for c in card.constraints)
    introduction = [f"{who}. {card.situation}", tr("play.need", need=card.need)]
    if tags:
        introduction.append(tr("console.constraints", list=", ".join(tags)))
    if card.quote:
        introduction.append(tr("play.quote", quote=card.quote))
    return {"heading": who, "tags": tags, "who": who, "introduction": tuple(introduction),
            "reminder": tr("play.reminder", name=card.name, need=card.need)}


@registered
class PersonaDisplay(CardDisplay[PersonaCard]):
    """An usager: name and age, constraints as chips, then the situation, the need and a quote."""

    kind = CardKind.PERSONA
    solo = True
    written_as = ("usager", "persona")

    def face(self, card: PersonaCard, step: Step | None = None) -> CardFace:
        need = tr("play.need", need=card.need)
        story = (card.situation, need) + ((tr("play.quote", quote=card.quote),) if card.quote else ())
        return CardFace(prompt=card.prompt, story=story, summary=f"{card.situation} {need}",
                        **_usager(card), **_common(card, card))


@registered
class ParcoursDisplay(CardDisplay[ParcoursCard]):
    """An usager's parcours: the usager's head, then what happens at the step on the table (at the first step,
    after the usager's situation and need)."""

    kind = CardKind.PARCOURS
    solo = True  # scored step by step

    def face(self, card: ParcoursCard, step: Step | None = None) -> CardFace:
        step = step or card.at(card.first_step)
        story: tuple[str, ...] = (step.prompt,)
        if step.id == card.steps[0].id:  # the usager's situation (and own words) where the parcours begins
            quote = (tr("play.quote", quote=card.quote),) if card.quote else ()
            story = (card.situation, tr("play.need", need=card.need), *quote, step.prompt)
        return CardFace(prompt=step.prompt, story=story, summary=step.prompt, **_usager(card), **_common(card, step))
