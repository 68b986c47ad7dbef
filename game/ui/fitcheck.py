"""The checks that what authors write fits the screen, for `validate`: the play scene's own layout.

Text that does not fit is cut with … on screen, which in front of a room means a question nobody can
read in full; here it becomes an error at the field to shorten. The same goes for a scenario's side
panel: its gauges and its most teams must fit together.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from game.content.errors import ContentError, elsewhere
from game.content.loaded import Library
from game.content.models import Gauge, constraint_label
from game.ui.fitcache import FitRecord, code_digest
from game.ui.settings import SCALES
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


class Setting(NamedTuple):
    """Reading settings a card is measured at, and what is said of a text that does not fit them."""

    dyslexia_font: bool
    scale: float
    message: str

    @property
    def family(self) -> str:
        return "opendyslexic" if self.dyslexia_font else "atkinson"

    @property
    def name(self) -> str:
        return self.family if self.scale == 1.0 else f"{self.family}-{round(self.scale * 100)}"


BIGGEST = max(SCALES)
# The default settings (where a room reads a card in one view), then the largest text a reader may choose in
# either font (where a card may flow over views, but no text may be cut or shrunk)
SETTINGS = (Setting(False, 1.0, "card.too_long"), Setting(False, BIGGEST, "card.too_long_big"),
            Setting(True, BIGGEST, "card.too_long_big"))
PARALLEL_FROM = 200  # cards to lay out from which the work is shared between processes (each opens its screen)


def unfit_texts(library: Library, checked: set[str], settings: tuple[Setting, ...] = SETTINGS,
                cache: Path | None = None) -> list[ContentError]:
    """A message for each card text, in the decks of the files `checked`, that the screen has to cut (or, at the
    default settings, to spread over several views), at each of the `settings`; a text is said once, at the
    first setting that does not hold it. Cards measured as they are now at an earlier check, recorded in the
    `cache` folder, are not laid out again; the others are laid out on every core."""
    decks = [d for d in library.decks.values() if d.doc.shown in checked]
    if not decks:
        return []
    gauges = library.gauges()
    gauge_facts = [g.model_dump(mode="json") for g in gauges]
    cards = [(deck, i, card, card.model_dump_json(exclude={"id"}).encode())  # written once for every setting
             for deck in decks for i, card in deck.entries]
    digests = {family: code_digest(family) for family in {s.family for s in settings}}
    records = [FitRecord(cache / f"mise-en-page-{s.name}.json" if cache else None, digests[s.family]) for s in settings]
    found: dict[tuple[int, int], list[int]] = {}
    todo: list[tuple[int, int, str]] = []  # (setting, card, key) still to lay out
    for n, setting in enumerate(settings):
        contexts: dict[str, bytes] = {}
        for c, (deck, _, _, dumped) in enumerate(cards):
            if deck.info.id not in contexts:
                contexts[deck.info.id] = FitRecord.context(setting.name, SIZE, dict(deck.info.aspects), gauge_facts)
            key = FitRecord.key(contexts[deck.info.id], dumped)
            cut = records[n].get(key)
            if cut is None:
                todo.append((n, c, key))
            else:
                found[(n, c)] = cut
    for (n, c, key), cut in zip(todo, _measured(library, settings, cards, [(n, c) for n, c, _ in todo])):
        records[n].put(key, cut)
        found[(n, c)] = cut
    for record in records:
        record.save()
    errors: list[ContentError] = []
    for n, setting in enumerate(settings):
        said = []
        for c, (deck, i, card, _) in enumerate(cards):
            cut = found[(n, c)]
            texts = _texts(card) if cut else []  # listed only for a card that has a text to name
            for k in cut:
                loc, text = texts[k]
                said.append(deck.doc.error(("cards", i) + loc, say(setting.message, start=text[:50],
                                                                   font=FAMILIES[setting.family],
                                                                   scale=round(setting.scale * 100))))
        errors += elsewhere(said, errors)
    return errors


_SHARED: tuple[Any, ...] = ()  # what the forked workers read: the library, the settings, the cards


def _measured(library: Library, settings: tuple[Setting, ...], cards: list[Any], jobs: list[tuple[int, int]]
              ) -> list[list[int]]:
    """The cut texts of each (setting, card) job, in order: on every core for a long list where processes fork
    (each worker inherits the loaded decks rather than reading them again), else here."""
    global _SHARED
    workers = min(os.cpu_count() or 1, len(jobs) // PARALLEL_FROM)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _measure_jobs(library, settings, cards, jobs)
    _SHARED = (library, settings, cards)
    shares = [jobs[k::workers] for k in range(workers)]  # interleaved: every worker gets every setting's share
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_measure_share, shares)
    finally:
        _SHARED = ()
    results: list[list[int]] = [[] for _ in jobs]
    for k, part in enumerate(parts):
        results[k::workers] = part
    return results


def _measure_share(jobs: list[tuple[int, int]]) -> list[list[int]]:
    from game.ui.text import forget_fonts

    forget_fonts()  # the parent's open fonts are not this process's to read
    library, settings, cards = _SHARED
    return _measure_jobs(library, settings, cards, jobs)


def _measure_jobs(library: Library, settings: tuple[Setting, ...], cards: list[Any], jobs: list[tuple[int, int]]
                  ) -> list[list[int]]:
    gauges = library.gauges()
    measures: dict[int, Measure] = {}
    try:
        results = []
        for n, c in jobs:
            deck, _, card, _ = cards[c]
            if n not in measures:
                measures[n] = Measure(library, settings[n].dyslexia_font, settings[n].scale)
            results.append(measures[n].cut(card, dict(deck.info.aspects), gauges))
        return results
    finally:
        for measure in measures.values():
            measure.close()


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
