"""What a card says, in displayable terms, and what a display of one kind of card does.

A front end draws a `CardFace` the same way whatever the kind: the kind's own shape (an usager's head and
story, a partner's name, a debate's hints) is decided once, by the kind's display. A new kind of card is its
model, its display (in `game.present.kinds`) and its sentences; a test fails while any kind lacks a display.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from game.content.kinds import CardKind, Step


@dataclass(frozen=True)
class CardFace:
    """One card (or the step of a parcours on the table), worded for the room."""

    kind: CardKind
    label: str  # the kind, worded: « Question », « Usager »
    prompt: str  # what is asked: the card's prompt, or the parcours step's
    lead: str = ""  # the big text on screen; empty when the story carries the card
    heading: str = ""  # who the card is about, on its head: « Nadia, 67 ans »
    tags: tuple[str, ...] = ()  # an usager's constraints, worded, drawn as chips after the heading
    over: str = ""  # a line over the lead: a situation's partner
    story: tuple[str, ...] = ()  # what the screen tells under the heading, one paragraph each
    introduction: tuple[str, ...] = ()  # what the terminal says before the prompt
    reminder: str = ""  # one line recalling the card, over its choices or its reveal
    who: str | None = None  # whom the sheet names: the usager, or the partner
    summary: str = ""  # what the sheet says the card was
    hints: tuple[str, ...] = ()  # a debate's leads for the discussion
    choices: tuple[str, ...] = ()  # numbered from 1, in the order the room sees them
    several: bool = False  # an answer picks several choices, then validates
    answered: bool = False  # a team (or every team) answers it
    discussed: bool = False  # an open discussion, with the facilitator's note


C = TypeVar("C")  # the model of the kind a display shows


class CardDisplay(Generic[C]):
    """How one kind of card is introduced, asked and summed up, for every front end."""

    kind: ClassVar[CardKind]
    solo: ClassVar[bool] = False  # a learner alone can answer it (training deals it)
    written_as: ClassVar[tuple[str, ...]] = ()  # what a spreadsheet's « Type » column may call it; () if none

    def face(self, card: C, step: Step | None = None) -> CardFace:
        """The card as the room sees it; `step`, the parcours step on the table."""
        raise NotImplementedError
