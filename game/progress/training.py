"""Solo training sessions, built from the decks at the moment they are asked for.

A training session is an ordinary solo scenario made in code: the same engine and log as a workshop, with
learning steps (`relearn`: a missed card comes back later in the session). Its theme is everything, a deck,
or one aspect of one deck (two decks may name an aspect alike); its length sets how many cards are drawn;
the clock only ends it when the learner asks for a timed session. "Revoir mes erreurs" deals exactly the
cards the schedule says are due, the longest waiting first, in the current version of each card.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from game.content.loaded import Library
from game.content.models import MAX_MINUTES, DrawRule, Minutes, ScenarioInfo, TeamRange
from game.debrief.ending import sheet_at_end
from game.present.kinds import kinds_where
from game.progress.answers import card_of
from game.table.table import Table
from game.wording.players import tr

TRAINING_ID = "entrainement"
LENGTHS = (5, 10, 15)
ANSWERED_KINDS = kinds_where(lambda kind: kind.solo)  # what one learner can answer alone


class Theme(NamedTuple):
    """What to train on: everything (both None), one deck, or one aspect of one deck."""

    deck: str | None = None
    aspect: str | None = None


class TrainingError(ValueError):
    """A theme the decks do not have; the message is a sentence for the learner."""


def themes(library: Library) -> list[tuple[Theme, str]]:
    """Every theme on offer with its label: everything, then each deck, then each deck's aspects."""
    found: list[tuple[Theme, str]] = [(Theme(), tr("train.everything"))]
    for deck_id in _answerable_decks(library):
        deck = library.decks[deck_id]
        found.append((Theme(deck=deck_id), deck.info.title))
        used = {card.aspect for card in deck.cards if card.kind in ANSWERED_KINDS}
        found += [(Theme(deck_id, aspect), f"{deck.info.title} · {label}")
                  for aspect, label in deck.info.aspects.items() if aspect in used]
    return found


def theme_of(library: Library, deck: str | None, aspect: str | None) -> Theme:
    """The theme the command line asks for: an aspect without its deck is taken in the one deck naming it."""
    if aspect is None or deck is not None:
        return Theme(deck, aspect)
    decks = [t.deck for t, _ in themes(library) if t.aspect == aspect]
    if len(decks) > 1:
        raise TrainingError(tr("train.which_deck", aspect=aspect, decks=", ".join(str(d) for d in decks)))
    return Theme(decks[0] if decks else None, aspect)


def training_scenario(library: Library, theme: Theme, minutes: int, timed: bool = False) -> ScenarioInfo:
    """A solo session on `theme` lasting about `minutes`."""
    labels = dict(themes(library))
    if theme not in labels:
        raise TrainingError(_unknown(library, theme))
    decks = [theme.deck] if theme.deck else _answerable_decks(library)
    return _scenario(tr("train.title", theme=labels[theme]), decks,
                     DrawRule(kinds=list(ANSWERED_KINDS), aspects=[theme.aspect] if theme.aspect else None),
                     minutes, timed)


def in_theme(library: Library, theme: Theme, due: Sequence[str]) -> list[str]:
    """The due cards (or parcours steps) of `theme`, in their order; a card no deck holds any more is kept (the
    review says it is gone)."""
    if theme == Theme():
        return list(due)
    where = {card.id: (deck_id, card.aspect) for deck_id, deck in library.decks.items() for card in deck.cards}
    return [item for item in due if card_of(item) not in where or (
        theme.deck in (None, where[card_of(item)][0]) and theme.aspect in (None, where[card_of(item)][1]))]


class Review(NamedTuple):
    scenario: ScenarioInfo | None  # None when no due card is left in the decks
    cards: list[Any]  # the due cards still in the decks, in their current version
    gone: list[str]  # due cards no deck holds any more


def review_session(library: Library, due: Sequence[str]) -> Review:
    """A session of exactly the due cards the decks still hold, every one of them, in the order given (the
    longest waiting first). A parcours's steps are due apart; the parcours comes back once, whole."""
    where = {card.id: (deck_id, card) for deck_id, deck in library.decks.items() for card in deck.cards}
    due = list(dict.fromkeys(card_of(item) for item in due))
    kept = [where[card] for card in due if card in where]
    gone = [card for card in due if card not in where]
    if not kept:
        return Review(None, [], gone)
    cards = [card for _, card in kept]
    length = min(MAX_MINUTES, sum(card.estimated_minutes for card in cards))
    scenario = _scenario(tr("train.review_title"), list(dict.fromkeys(deck_id for deck_id, _ in kept)),
                         DrawRule(kinds=list(ANSWERED_KINDS), count=len(cards), balanced=False, ordered=True),
                         length, timed=False)
    return Review(scenario, cards, gone)


def _scenario(title: str, decks: list[str], rule: DrawRule, target: float, timed: bool) -> ScenarioInfo:
    """A timed session stops at half as long again as its target, as a workshop's margin."""
    return ScenarioInfo(id=TRAINING_ID, title=title, description=tr("train.description"), mode="solo",
                        teams=TeamRange(min=1, max=1), minutes=Minutes(target=target, max=min(MAX_MINUTES, target * 1.5)),
                        timed=timed, relearn=True, decks=decks, draw=[rule], win="points")



def _answerable_decks(library: Library) -> list[str]:
    return [deck_id for deck_id, deck in library.decks.items()
            if any(card.kind in ANSWERED_KINDS for card in deck.cards)]


def _unknown(library: Library, theme: Theme) -> str:
    decks = _answerable_decks(library)
    if theme.deck is not None and theme.deck not in decks:
        return tr("train.unknown_deck", deck=theme.deck, known=", ".join(decks))
    known = sorted({t.aspect for t, _ in themes(library) if t.aspect and theme.deck in (None, t.deck)})
    if theme.deck is not None:
        return tr("train.aspect_not_in_deck", aspect=theme.aspect, deck=theme.deck, known=", ".join(known))
    return tr("train.unknown_aspect", aspect=theme.aspect, known=", ".join(known))


def start_training(library: Library, folder: Path, scenario: ScenarioInfo, pool: Sequence[Any], profile: str,
                   seed: int, now: float) -> Table:
    """The session logged in `folder` under the learner's profile, each card's deck and version kept."""
    return Table.start_new(folder, scenario, pool, [profile], seed, library.aspect_labels(scenario), now,
                           profile=profile, origins=library.origins(scenario), languages=library.languages(scenario),
                           at_end=sheet_at_end)
