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
from game.ui.fitstandin import TEXT_FIELDS, WordWidths, by_size, skeleton, stand_in, widest
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
    fields = card.__dict__  # a card's fields, read without pydantic's slower path for the ones its kind lacks
    found: list[tuple[tuple[Any, ...], str]] = [((name,), fields[name]) for name in TEXT_FIELDS
                                                if isinstance(fields.get(name), str)]
    for i, tag in enumerate(fields.get("constraints", ())):
        found.append((("constraints", i), constraint_label(tag)))
    for i, hint in enumerate(fields.get("hints", ())):
        found.append((("hints", i), hint))
    for i, answer in enumerate(fields.get("answers", ())):
        found.append((("answers", i, "text"), answer.text))
    for i, option in enumerate(fields.get("options", ())):
        found.append((("options", i, "text"), option.text))
        found.append((("options", i, "feedback"), option.feedback))
    for s, step in enumerate(fields.get("steps", ())):
        found.append((("steps", s, "prompt"), step.prompt))
        for i, option in enumerate(step.options):
            found.append((("steps", s, "options", i, "text"), option.text))
            found.append((("steps", s, "options", i, "feedback"), option.feedback))
    for o, outcome in enumerate(fields.get("outcomes", ())):
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
ALONE = 2  # a group of this many cards or fewer is laid out card by card: a stand-in would cost as much
PARALLEL_FROM = 200  # cards to lay out from which the work is shared between processes (each opens its screen)


def unfit_texts(library: Library, checked: set[str], settings: tuple[Setting, ...] = SETTINGS,
                cache: Path | None = None) -> list[ContentError]:
    """A message for each card text, in the decks of the files `checked`, that the screen has to cut (or, at the
    default settings, to spread over several views), at each of the `settings`; a text is said once, at the
    first setting that does not hold it. Cards of one skeleton are measured together by a stand-in (`fitstandin`),
    and only where it does not fit, in smaller groups, down to cards laid out themselves. What was measured at an
    earlier check, recorded in the `cache` folder, is not laid out again; the rest is laid out on every core."""
    decks = [d for d in library.decks.values() if d.doc.shown in checked]
    if not decks:
        return []
    gauge_facts = [g.model_dump(mode="json") for g in library.gauges()]
    cards = [(deck, i, card, _texts(card)) for deck in decks for i, card in deck.entries]
    digests = {family: code_digest(family) for family in {s.family for s in settings}}
    records = [FitRecord(cache / f"mise-en-page-{s.name}.json" if cache else None, digests[s.family]) for s in settings]
    contexts = [{deck.info.id: FitRecord.context(s.name, SIZE, dict(deck.info.aspects), gauge_facts) for deck in decks}
                for s in settings]
    cut = _cut_by_groups(library, settings, cards, records, contexts)
    for record in records:
        record.save()
    errors: list[ContentError] = []
    for n, setting in enumerate(settings):
        said = []
        for c, (deck, i, _, texts) in enumerate(cards):
            for k in cut.get((n, c), []):
                loc, text = texts[k]
                said.append(deck.doc.error(("cards", i) + loc, say(setting.message, start=text[:50],
                                                                   font=FAMILIES[setting.family],
                                                                   scale=round(setting.scale * 100))))
        errors += elsewhere(said, errors)
    return errors


def _cut_by_groups(library: Library, settings: tuple[Setting, ...], cards: list[Any], records: list[FitRecord],
                   contexts: list[dict[str, bytes]]) -> dict[tuple[int, int], list[int]]:
    """(setting, card) → its cut texts, for each card laid out itself; a card cleared by a stand-in has none.

    A group's cards are ordered from the least text to the most; its stand-in for them all is laid out first (most
    groups fit whole). If it does not fit, a binary search finds the longest run of the first cards whose stand-in
    fits, one layout per step, and the cards after it are laid out themselves: a deck of cards all over the limit
    costs a few layouts more than laying out every card."""
    groups: dict[tuple[Any, ...], list[int]] = {}
    for c, (deck, _, card, texts) in enumerate(cards):
        groups.setdefault(skeleton(deck.info.id, card, tuple(p for p, _ in texts)), []).append(c)
    shapes: dict[str, list[Any]] = {family: [widths.card_shape(card, texts) for _, _, card, texts in cards]
                                    for family, widths in ((f, WordWidths(f)) for f in {s.family for s in settings})}
    alone: list[tuple[int, int]] = []  # (setting, card) to lay out itself
    searches: list[Search] = []
    for n, setting in enumerate(settings):
        for frame, members in groups.items():
            alone += [(n, c) for c in members if shapes[setting.family][c] is None]  # a text of no shape
            shaped = [c for c in members if shapes[setting.family][c] is not None]
            if len(shaped) <= ALONE:
                alone += [(n, c) for c in shaped]
            else:
                searches.append(Search(n, frame, by_size(shaped, shapes[setting.family]), len(shaped)))
    while searches:  # each round lays out one stand-in per search, in every group at once
        jobs = []
        for search in searches:
            deck, _, card, _ = cards[search.members[0]]
            shape = widest([shapes[settings[search.setting].family][c] for c in search.members[:search.tried]])
            written = repr(("stand-in", search.frame[1:], shape)).encode()
            key = FitRecord.key(contexts[search.setting][deck.info.id], written)
            jobs.append((search.setting, key, dict(deck.info.aspects), stand_in(card, search.frame[2], shape)))
        for search, result in zip(searches, _results(library, settings, records, jobs)):
            search.learn(not result)
        alone += [(s.setting, c) for s in searches if s.done for c in s.members[s.fitting:]]
        searches = [s for s in searches if not s.done]
    jobs = []
    for n, c in alone:
        deck, _, card, _ = cards[c]
        key = FitRecord.key(contexts[n][deck.info.id], card.model_dump_json(exclude={"id"}).encode())
        jobs.append((n, key, dict(deck.info.aspects), card))
    return dict(zip(alone, _results(library, settings, records, jobs)))


class Search:
    """The binary search, in a group's cards ordered by size, for the longest first run that a stand-in clears."""

    def __init__(self, setting: int, frame: tuple[Any, ...], members: list[int], tried: int):
        self.setting, self.frame, self.members = setting, frame, members
        self.fitting, self.failing = 0, len(members) + 1  # a run of `fitting` cards fits, of `failing` does not
        self.tried = tried  # the run whose stand-in is laid out next

    def learn(self, fits: bool) -> None:
        if fits:
            self.fitting = self.tried
        else:
            self.failing = self.tried
        self.tried = (self.fitting + self.failing) // 2

    @property
    def done(self) -> bool:
        return self.failing - self.fitting <= 1


def _results(library: Library, settings: tuple[Setting, ...], records: list[FitRecord],
             jobs: list[tuple[int, str, dict[str, str], Any]]) -> list[list[int]]:
    """The cut texts of each (setting, record key, aspects, card) job: known from its setting's record, else laid
    out (on every core for many) and recorded."""
    results: list[list[int] | None] = [records[n].get(key) for n, key, _, _ in jobs]
    todo = [k for k, result in enumerate(results) if result is None]
    measured = _measured(library, settings, [(jobs[k][2], jobs[k][3]) for k in todo], [(jobs[k][0], i) for i, k in
                                                                                      enumerate(todo)])
    for k, cut in zip(todo, measured):
        records[jobs[k][0]].put(jobs[k][1], cut)
        results[k] = cut
    return [result or [] for result in results]


_SHARED: tuple[Any, ...] = ()  # what the forked workers read: the library, the settings, the subjects


def _measured(library: Library, settings: tuple[Setting, ...], subjects: list[Any], jobs: list[tuple[int, int]]
              ) -> list[list[int]]:
    """The cut texts of each (setting, subject) job, in order: on every core for a long list where processes fork
    (each worker inherits the loaded decks rather than reading them again), else here."""
    global _SHARED
    workers = min(os.cpu_count() or 1, len(jobs) // PARALLEL_FROM)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _measure_jobs(library, settings, subjects, jobs)
    _SHARED = (library, settings, subjects)
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
    library, settings, subjects = _SHARED
    return _measure_jobs(library, settings, subjects, jobs)


def _measure_jobs(library: Library, settings: tuple[Setting, ...], subjects: list[Any], jobs: list[tuple[int, int]]
                  ) -> list[list[int]]:
    gauges = library.gauges()
    measures: dict[int, Measure] = {}
    try:
        results = []
        for n, s in jobs:
            aspects, card = subjects[s]
            if n not in measures:
                measures[n] = Measure(library, settings[n].dyslexia_font, settings[n].scale)
            results.append(measures[n].cut(card, aspects, gauges))
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
