"""The checks that what authors write fits the screen, for `validate`: the play scene's own layout.

Text that does not fit is cut with … on screen, which in front of a room means a question nobody can
read in full; here it becomes an error at the field to shorten. The same goes for a scenario's side
panel: its gauges and its most teams must fit together.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.content.errors import ContentError
from game.content.loaded import Library
from game.content.models import Gauge, constraint_label
from game.ui.fitcache import FitRecord, code_digest
from game.wording.authors import Message, say
from game.wording.catalogue import language

if TYPE_CHECKING:
    from game.ui.sidepanel import SideContent

SIZE = (1280, 720)
PANEL_SIZES = ((1280, 720), (1920, 1080))
FAMILIES = {"atkinson": "Atkinson Hyperlegible", "opendyslexic": "OpenDyslexic"}


def _texts(card: Any) -> list[tuple[tuple[Any, ...], str]]:
    """Each authored text of a card with its place in the card, in reading order."""
    found: list[tuple[tuple[Any, ...], str]] = []
    for name in ("name", "partner", "prompt", "situation", "need", "quote", "explanation", "source"):
        value = getattr(card, name, None)
        if isinstance(value, str):
            found.append(((name,), value))
    for i, tag in enumerate(getattr(card, "constraints", [])):
        found.append((("constraints", i), constraint_label(tag)))
    for i, hint in enumerate(getattr(card, "hints", [])):
        found.append((("hints", i), hint))
    for i, answer in enumerate(getattr(card, "answers", [])):
        found.append((("answers", i, "text"), answer.text))
    for i, option in enumerate(getattr(card, "options", [])):
        found.append((("options", i, "text"), option.text))
        found.append((("options", i, "feedback"), option.feedback))
    for s, step in enumerate(getattr(card, "steps", [])):
        found.append((("steps", s, "prompt"), step.prompt))
        for i, option in enumerate(step.options):
            found.append((("steps", s, "options", i, "text"), option.text))
            found.append((("steps", s, "options", i, "feedback"), option.feedback))
    for o, outcome in enumerate(getattr(card, "outcomes", [])):
        found.append((("outcomes", o, "title"), outcome.title))
        found.append((("outcomes", o, "feedback"), outcome.feedback))
    return found


def unfit_texts(library: Library, checked: set[str], dyslexia_font: bool = False,
                message: str = "card.too_long", cache: Path | None = None, scale: float = 1.0) -> list[ContentError]:
    """A `message` for each card text, in the decks of the files `checked`, that the screen has to cut (or, at
    the default settings, to spread over several views); with the default reading settings, or with the font
    and the text size a reader may choose. Cards measured as they are now at an earlier check, recorded in the
    `cache` folder, are not laid out again."""
    decks = [d for d in library.decks.values() if d.doc.shown in checked]
    if not decks:
        return []
    family = "opendyslexic" if dyslexia_font else "atkinson"
    setting = family if scale == 1.0 else f"{family}-{round(scale * 100)}"
    known = FitRecord(cache / f"mise-en-page-{setting}.json" if cache else None, code_digest(family))
    gauges = library.gauges()
    measure = Measure(library, dyslexia_font, scale)
    errors: list[ContentError] = []
    try:
        for deck in decks:
            aspects = dict(deck.info.aspects)
            context = FitRecord.context(setting, SIZE, aspects, [g.model_dump(mode="json") for g in gauges])
            for i, card in deck.entries:
                key = FitRecord.key(context, card)
                cut = known.get(key)
                if cut is None:
                    cut = measure.cut(card, aspects, gauges)
                    known.put(key, cut)
                texts = _texts(card)
                for n in cut:
                    loc, text = texts[n]
                    errors.append(deck.doc.error(("cards", i) + loc, say(message, start=text[:50], font=FAMILIES[family],
                                                                         scale=round(scale * 100))))
    finally:
        measure.close()
    known.save()
    return errors


class Measure:
    """The play screen off screen, opened at the first card to measure (none when every card is known)."""

    def __init__(self, library: Library, dyslexia_font: bool, scale: float = 1.0):
        self.library = library
        self.dyslexia_font = dyslexia_font
        self.scale = scale
        self.app: Any = None

    def cut(self, card: Any, aspects: dict[str, str], gauges: list[Gauge]) -> list[int]:
        """The indexes, in `_texts(card)`, of the card's texts cut somewhere on screen."""
        from game.ui.cardview import overflowing_texts

        texts = [text for _, text in _texts(card)]
        found = set()
        # with a reader's own font or size a card may take more than one view; it must never be cut
        default = not self.dyslexia_font and self.scale == 1.0
        for shown in overflowing_texts(self._app(), card, aspects, gauges, one_view=default):
            parts = [n for n, text in enumerate(texts) if text in shown]
            if parts:  # a text made of several (a story, a feedback and its outcome): the longest is to shorten
                found.add(max(parts, key=lambda n: len(texts[n])))
        return sorted(found)

    def _app(self) -> Any:
        if self.app is None:
            os.environ["SDL_VIDEODRIVER"] = "dummy"  # measured off screen: no window opens
            from game.ui.app import App
            from game.ui.scenes import SCENES

            self.app = App(self.library, Path("."), size=SIZE, settings_path=None, fast=True, language=language(), scenes=SCENES)
            self.app.say_overflows = False
            if self.dyslexia_font or self.scale != 1.0:
                self.app.settings.dyslexia_font = self.dyslexia_font
                self.app.settings.scale = self.scale
                self.app.apply_settings()
        return self.app

    def close(self) -> None:
        if self.app is not None:
            self.app.pop_all()


def unfit_panels(library: Library, checked: set[str]) -> list[ContentError]:
    """An error for each scenario, in the files `checked`, whose side panel cannot hold its gauges above its
    most teams (each with an answer box and a full panorama) at 1280×720 or 1920×1080, in either font."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    from game.table.table import panorama_size
    from game.table.view import any_threshold
    from game.ui.sidepanel import side_content

    errors: list[ContentError] = []
    for scenario in library.scenarios.values():
        if scenario.doc.shown not in checked:
            continue
        info = scenario.info
        most = info.team_range.max
        content = side_content([(g.label, g.min, g.max) for g in info.gauges],
                               any_threshold(info.gauges),
                               info.win, most, panorama_size(info, library.pool(info)), most > 1)
        error = _first_unfit(content, len(info.gauges))
        if error is not None:
            errors.append(scenario.doc.error(("scenario", "gauges" if info.gauges else "teams"), error))
    return errors


def _first_unfit(content: SideContent, gauges: int) -> Message | None:
    """Why the panel cannot fit, at the first size and font where it does not; None when it always fits."""
    from game.ui.sidepanel import plan_for
    from game.ui.text import FontBook

    for family in FAMILIES:
        for width, height in PANEL_SIZES:
            plan = plan_for(FontBook(family), width, height, content, strict=True)
            if plan.fits:
                continue
            where = {"size": f"{width}×{height}", "font": FAMILIES[family]}
            if plan.too_wide:
                return say("scenario.side_wide", panorama=content.panorama, **where)
            return say("scenario.side_high", gauges=gauges, teams=content.teams, missing=plan.missing, **where)
    return None
