"""Warnings for lab authors that do not block a workshop: what a reviewer would point out.

A question without a source, a prompt too long to read from the back of a room, an aspect with
too few cards to be really covered, two prompts so alike that one is probably a copy.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import Any

from pydantic import BaseModel

from game.authoring.cardrows import TO_COMPLETE
from game.content.errors import ContentError
from game.content.loaded import Library, LoadedDeck
from game.content.models import best_path
from game.content.question import true_or_false
from game.content.yamldoc import YamlDocument
from game.wording.authors import say

PROMPT_ADVISED = 160  # characters: about three lines at the prompt's size on a projector
ASPECT_MIN = 3
ONE_POSITION = 0.5  # share of a deck's cards whose right answer sits at one place: twice chance with four choices
ONE_POSITION_OF_TWO = 0.75  # the same among choices of two: halfway from chance to always
ONE_POSITION_MIN = 6  # cards (of three choices or more, or of two) before the share means anything
NEAR_DUPLICATE = 0.9  # similarity of two prompts, once lowercased and stripped of punctuation


def lint(library: Library, checked: set[str]) -> list[ContentError]:
    """Every warning for the decks of the files `checked`."""
    decks = [d for d in library.decks.values() if d.doc.shown in checked]
    warnings: list[ContentError] = []
    for deck in decks:
        warnings += _deck_warnings(deck)
        warnings += _stray_quotes(deck.doc, [(("cards", i), card) for i, card in deck.entries])
        warnings += _reshaped(deck.doc, [(("deck",), deck.info)] + [(("cards", i), card) for i, card in deck.entries])
    for scenario in library.scenarios.values():
        if scenario.doc.shown in checked:
            warnings += _reshaped(scenario.doc, [(("scenario",), scenario.info)])
    warnings += _near_duplicates(decks)
    return sorted(warnings, key=ContentError.sort_key)


def _deck_warnings(deck: LoadedDeck) -> list[ContentError]:
    found = []
    counts = {aspect: 0 for aspect in deck.info.aspects}
    for i, card in deck.entries:
        counts[card.aspect] = counts.get(card.aspect, 0) + 1
        if card.kind == "question" and not card.source:
            found.append(deck.doc.error(("cards", i, "kind"), say("lint.no_source")))
        source = getattr(card, "source", None)
        if source and bare_identifier(source):
            found.append(deck.doc.error(("cards", i, "source"), say("lint.bare_source", source=source.strip())))
        if card.kind == "question" and card.explanation == TO_COMPLETE:
            found.append(deck.doc.error(("cards", i, "explanation"), say("lint.to_complete")))
        if card.branches and not best_path(card)[1]:  # the best choices never reach an outcome
            found.append(deck.doc.error(("cards", i, "steps"), say("lint.best_loops", steps=" → ".join(
                best_path(card)[0][:6]))))
        for place, prompt in _prompts(card):
            if len(prompt) > PROMPT_ADVISED:
                found.append(deck.doc.error(("cards", i) + place,
                                            say("lint.long_prompt", count=len(prompt), limit=PROMPT_ADVISED)))
    found += _one_position(deck)
    for aspect in deck.info.aspects:
        if counts[aspect] < ASPECT_MIN:
            found.append(deck.doc.error(("deck", "aspects", aspect), say("lint.thin_aspect", aspect=aspect,
                                                                          count=counts[aspect]), key=True))
    return found


def bare_identifier(source: str) -> bool:
    """A source that is only a database's identifier (« JORFARTI000043852438 »): one word with six digits or more,
    which a reader of the sheet can neither recognise nor date."""
    text = source.strip()
    return " " not in text and len(re.findall(r"\d", text)) >= 6


def _one_position(deck: LoadedDeck) -> list[ContentError]:
    """The right answers mostly at one place (a parcours's steps each count), said once at the deck's card list:
    over the choices of three or more, and apart over the choices of two (a yes/no pair excepted: its order is
    the reading order, not a habit), where chance is already one in two."""
    places: dict[bool, Counter[int]] = {True: Counter(), False: Counter()}  # two choices, or three and more
    for _, card in deck.entries:
        for here in ([card.at(s.id) for s in card.steps] if card.branches else [card]):
            right, texts = here.right_choices(), here.choice_texts()
            if len(texts) >= 2 and right and not here.several and not true_or_false(texts):
                places[len(texts) == 2][right[0]] += 1
    found = []
    for two, share in ((False, ONE_POSITION), (True, ONE_POSITION_OF_TWO)):
        total = sum(places[two].values())
        if total < ONE_POSITION_MIN:
            continue
        position, count = places[two].most_common(1)[0]
        if count >= share * total:
            found.append(deck.doc.error(("cards",), say("lint.one_position" + ("_of_two" if two else ""),
                                                        position=position + 1, count=count, total=total), key=True))
    return found


def _reshaped(doc: YamlDocument, blocks: list[tuple[tuple[Any, ...], BaseModel]]) -> list[ContentError]:
    """A text written unquoted that YAML read as a number, and that does not show as written: `0500` shows
    "500", `1.50` shows "1.5"."""
    if not doc.reshaped:
        return []
    written = {(line, column): text for line, column, text in doc.reshaped}
    found = []
    for loc, model in blocks:
        for place, shown in _texts(model, loc):
            text = written.get(doc.position(place))
            if text is not None:
                found.append(doc.error(place, say("lint.reshaped", written=text, shown=shown)))
    return found


def _stray_quotes(doc: YamlDocument, blocks: list[tuple[tuple[Any, ...], BaseModel]]) -> list[ContentError]:
    """A text with one straight double quote: the other one was forgotten (`prompt: Texte"` shows the quote on
    screen)."""
    return [doc.error(place, say("lint.stray_quote", text=text if len(text) <= 60 else text[:60] + "…"))
            for loc, model in blocks for place, text in _texts(model, loc) if text.count('"') % 2]


def _texts(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every text in a block, with its place."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name, inner in value:
            yield from _texts(inner, loc + (name,))
    elif isinstance(value, (list, tuple)):
        for i, inner in enumerate(value):
            yield from _texts(inner, loc + (i,))
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _texts(inner, loc + (key,))


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _shingles(text: str) -> set[tuple[str, ...]]:
    """Runs of three words: two prompts alike enough to be copies share most of them."""
    words = text.split()
    return {tuple(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def _prompts(card: Any) -> list[tuple[tuple[Any, ...], str]]:
    """What the table reads aloud: the card's prompt, or each step's of a parcours."""
    if card.branches:
        return [(("steps", s, "prompt"), step.prompt) for s, step in enumerate(card.steps)]
    return [(("prompt",), card.prompt)]


def _near_duplicates(decks: list[LoadedDeck]) -> list[ContentError]:
    """Each prompt almost equal to an earlier one, reported at the later card.

    Comparing every pair of prompts is quadratic (17 s for 1,000 cards); only prompts sharing half
    their three-word runs are compared, through an index of those runs.
    """
    seen: list[tuple[str, LoadedDeck, int, Any, int]] = []
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    found = []
    for deck in decks:
        for i, card in deck.entries:
            if card.kind in ("persona", "parcours"):  # an usager's question is shared; their stories differ
                continue
            text = _plain(card.prompt)
            runs = _shingles(text)
            shared = Counter(k for run in runs for k in index[run])
            for k, count in sorted(shared.items()):
                other_text, other_deck, j, other, other_runs = seen[k]
                if count * 2 < min(len(runs), other_runs):
                    continue
                if SequenceMatcher(None, text, other_text, autojunk=False).ratio() >= NEAR_DUPLICATE:
                    line, _ = other_deck.doc.position(("cards", j, "prompt"))
                    found.append(deck.doc.error(("cards", i, "prompt"), say(
                        "lint.near_duplicate", other=other.id, where=other_deck.doc.shown, line=line)))
                    break
            for run in runs:
                index[run].append(len(seen))
            seen.append((text, deck, i, card, len(runs)))
    return found
