"""The check that every card's text fits the screen, for `validate`: the play scene's own layout at 1280×720.

Text that does not fit is cut with … on screen, which in front of a room means a question nobody can
read in full; here it becomes an error at the field to shorten.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from game.content.errors import ContentError
from game.content.library import Library
from game.wording.authors import say

SIZE = (1280, 720)


def _texts(card: Any) -> list[tuple[tuple[Any, ...], str]]:
    """Each authored text of a card with its place in the card, in reading order."""
    found: list[tuple[tuple[Any, ...], str]] = []
    for name in ("name", "partner", "prompt", "situation", "need", "quote", "explanation", "source"):
        value = getattr(card, name, None)
        if isinstance(value, str):
            found.append(((name,), value))
    for i, hint in enumerate(getattr(card, "hints", [])):
        found.append((("hints", i), hint))
    for i, answer in enumerate(getattr(card, "answers", [])):
        found.append((("answers", i, "text"), answer.text))
    for i, option in enumerate(getattr(card, "options", [])):
        found.append((("options", i, "text"), option.text))
        found.append((("options", i, "feedback"), option.feedback))
    return found


def unfit_texts(library: Library, checked: set[str], dyslexia_font: bool = False,
                message: str = "card.too_long") -> list[ContentError]:
    """A `message` for each card text, in the decks of the files `checked`, that the screen has to cut;
    with the default reading settings, or with the OpenDyslexic font a reader may choose."""
    decks = [d for d in library.decks.values() if d.doc.shown in checked]
    if not decks:
        return []
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # measured off screen: no window opens
    from game.ui.app import App
    from game.ui.cardview import overflowing_texts

    app = App(library, Path("."), size=SIZE, settings_path=None, fast=True)
    app.say_overflows = False
    if dyslexia_font:
        app.settings.dyslexia_font = True
        app.apply_settings()
    gauges = library.gauges()
    errors: list[ContentError] = []
    try:
        for deck in decks:
            for i, card in deck.entries:
                cut = overflowing_texts(app, card, dict(deck.info.aspects), gauges)
                for loc, text in _texts(card):
                    if any(text in shown for shown in cut):
                        errors.append(deck.doc.error(("cards", i) + loc, say(message, start=text[:50])))
                        cut = {shown for shown in cut if text not in shown}
    finally:
        app.pop_all()
    return errors
