"""Loading decks and scenarios from files and folders, and the checks that span several files.

Sources are read in priority order: the files a user names, then `--decks` folders, then
the shipped content. A deck id met again in a later source is shadowed (a lab's copy of a
shipped deck replaces it); met twice in the same source, it is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from game.content.describe import describe
from game.content.errors import ContentError, elsewhere
from game.content.files import yaml_files
from game.content.models import (
    ID_PATTERN,
    Card,
    DeckInfo,
    DrawRule,
    Gauge,
    ScenarioFile,
    ScenarioInfo,
)
from game.content.yamlsource import YamlDocument, no_gc, read_yaml
from game.fonts import code_points, undrawable
from game.paths import display_path, shipped_decks
from game.wording.authors import Message, say, say_near

ID = re.compile(ID_PATTERN)
MAX_IMAGE_MB = 2  # a portrait shown at a third of a 1080p screen needs far less
# The first bytes of the image formats pygame reads everywhere.
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")

_CARDS = TypeAdapter(list[Card])
_CARD = TypeAdapter(Card)
_DECK_INFO = TypeAdapter(DeckInfo)
_SCENARIO_FILE = TypeAdapter(ScenarioFile)


@dataclass
class LoadedDeck:
    info: DeckInfo
    entries: list[tuple[int, Any]]  # (index in the file's card list, valid card)
    doc: YamlDocument
    priority: int

    @property
    def cards(self) -> list[Any]:
        return [card for _, card in self.entries]

    @property
    def aspects(self) -> list[str]:
        return list(self.info.aspects)


@dataclass
class UnreadDeck:
    """A deck whose header was refused: it cannot be played, but its cards are still checked, so one mistake in
    the header does not hide the others."""

    aspects: list[str]  # the keys written under `deck.aspects`, refused ones included
    entries: list[tuple[int, Any]]
    doc: YamlDocument


def _raw_aspects(doc: YamlDocument) -> list[tuple[int, str]]:
    """Each card's aspect as written, invalid cards included, so a wrong aspect is reported with the rest."""
    raw = doc.data.get("cards") if isinstance(doc.data, dict) else None
    if not isinstance(raw, list):
        return []
    return [(i, card["aspect"]) for i, card in enumerate(raw)
            if isinstance(card, dict) and isinstance(card.get("aspect"), str) and ID.match(card["aspect"])]


@dataclass
class LoadedScenario:
    info: ScenarioInfo
    doc: YamlDocument
    priority: int


@dataclass
class Library:
    """Everything loaded, and every error met while loading; usable even when some files are wrong."""

    decks: dict[str, LoadedDeck] = field(default_factory=dict)
    scenarios: dict[str, LoadedScenario] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)  # files whose errors are reported
    authoring: bool = False  # the authoring tools' extra checks are made
    # What could not be loaded, so that its consequences are one note and not a cascade of false errors:
    unread_files: list[YamlDocument] = field(default_factory=list)  # decks and scenarios that are not YAML data
    unread_decks: dict[str, UnreadDeck] = field(default_factory=dict)  # by the id written in the refused header
    flawed_decks: dict[str, str] = field(default_factory=dict)  # deck id -> its file, when some cards were refused
    unread_gauges: set[str] = field(default_factory=set)  # gauge ids written in refused scenarios

    def pool(self, scenario: ScenarioInfo) -> list[Any]:
        """The cards a scenario may draw: those of its decks that match one of its draw rules."""
        rules = scenario.draw_rules
        return [card for deck_id in scenario.decks if deck_id in self.decks
                for card in self.decks[deck_id].cards
                if any(_matches(rule, card) for rule in rules)]

    def origins(self, scenario: ScenarioInfo) -> dict[str, tuple[str, int]]:
        """Each card of the scenario's decks with its deck's id and version: what a learner's history keeps."""
        return {card.id: (deck_id, self.decks[deck_id].info.version) for deck_id in scenario.decks
                if deck_id in self.decks for card in self.decks[deck_id].cards}

    def gauge_ids(self) -> set[str]:
        """The gauges an effect may name: those of loaded scenarios and those written in refused ones."""
        return {g.id for g in self.gauges()} | self.unread_gauges

    def gauges(self) -> list[Gauge]:
        """Every gauge some loaded scenario defines, once per id (the first source's definition)."""
        found: dict[str, Gauge] = {}
        for scenario in self.scenarios.values():
            for gauge in scenario.info.gauges:
                found.setdefault(gauge.id, gauge)
        return list(found.values())

    def aspect_labels(self, scenario: ScenarioInfo) -> dict[str, str]:
        labels: dict[str, str] = {}
        for deck_id in scenario.decks:
            if deck_id in self.decks:
                for key, label in self.decks[deck_id].info.aspects.items():
                    labels.setdefault(key, label)
        return labels


def _matches(rule: DrawRule, card: Any) -> bool:
    return card.kind in rule.kinds and (rule.aspects is None or card.aspect in rule.aspects)


def load_library(sources: Iterable[tuple[Path, bool]], authoring: bool = False) -> Library:
    """Load (path, report_errors) sources in priority order; folders are searched for YAML files.

    `authoring` adds the checks made for a deck on its own, before any scenario draws it (an effect
    on a gauge that no scenario defines): the authoring tools want them, playing a scenario does not.
    """
    with no_gc():  # node trees stay alive while checking: repeated full collections made loading quadratic
        return _load_library(sources, authoring)


def _load_library(sources: Iterable[tuple[Path, bool]], authoring: bool) -> Library:
    library = Library(authoring=authoring)
    seen: set[Path] = set()
    for priority, (source, report) in enumerate(sources):
        if not source.exists():
            library.errors.append(ContentError(display_path(source), 1, 1, say("file.missing")))
            continue
        files = yaml_files(source) if source.is_dir() else [source]
        for path in files:
            real = path.resolve()
            if real in seen:
                continue
            seen.add(real)
            _load_file(library, path, priority, report)
    _check_card_ids(library)
    for deck in [*library.decks.values(), *library.unread_decks.values()]:
        _check_deck(library, deck)
    for scenario in library.scenarios.values():
        _check_scenario(library, scenario)
    library.errors = sorted(dict.fromkeys(library.errors), key=ContentError.sort_key)  # stable: same order every run
    return library


def _validation_errors(doc: YamlDocument, exc: ValidationError, prefix: tuple[Any, ...], root: Any,
                       data: Any) -> list[ContentError]:
    """Pydantic's errors at their place in the file; `root` and `data` are what was validated at `prefix`."""
    found = []
    described = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc += ("kind",)
        loc += _AT.get(err["type"], ())
        described.append((loc, *describe(err, root, data)))
    # a misspelt field is also a missing one: say it once, with the hint
    misspelt = {loc[:-1] + (dict(m.values)["near"],) for loc, m, _ in described if m.key == "field.unknown_near"}
    for loc, message, on_key in described:
        if message.key == "field.missing" and loc in misspelt:
            continue
        found.append(doc.error(loc, message, key=on_key))
    return found


# Rules checked on a whole block, shown at the field that states them.
_AT = {"scenario.gauges_needed": ("win",), "scenario.solo_teams": ("mode",), "scenario.gauge_twice": ("gauges",),
       "minutes.order": ("target",), "range.min_max": ("min",)}


def _load_file(library: Library, path: Path, priority: int, report: bool) -> None:
    doc = read_yaml(path, display_path(path))
    if report:
        library.checked.append(doc.shown)
    errors = list(doc.errors)
    data = doc.data
    if doc.root is None:
        if doc.written is not None:
            library.unread_files.append(doc)
    else:  # duplicate keys and refused tags are reported, and the rest still checked
        if isinstance(data, dict) and "deck" in data:
            errors += _load_deck(library, doc, data, priority)
        elif isinstance(data, dict) and "scenario" in data:
            errors += _load_scenario(library, doc, data, priority)
        else:
            errors.append(doc.error((), say("file.neither")))
        if library.authoring:
            errors += _undrawable_texts(doc, doc.data, ())
    # a value already refused by the YAML reader (a forbidden tag) is not reported a second time
    errors = doc.errors + elsewhere(errors[len(doc.errors):], doc.errors)
    if report:
        library.errors.extend(errors)


def _undrawable_texts(doc: YamlDocument, value: Any, loc: tuple[Any, ...]) -> list[ContentError]:
    """Each text holding characters the shipped fonts cannot draw (Arabic, emoji, arrows): on screen they
    would be empty boxes, on the sheet nothing at all."""
    if isinstance(value, str):
        missing = undrawable(value)
        return [doc.error(loc, say("text.undrawable", codes=code_points(missing)))] if missing else []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return [error for part, item in items for error in _undrawable_texts(doc, item, loc + (part,))]


def _load_deck(library: Library, doc: YamlDocument, data: dict[str, Any], priority: int) -> list[ContentError]:
    errors: list[ContentError] = []
    for key in data:
        if key not in ("deck", "cards"):
            errors.append(doc.error((key,), say_near("field.unknown", key, ["deck", "cards"], field=key), key=True))
    header = data["deck"]
    try:
        info = _DECK_INFO.validate_python(header)
    except ValidationError as exc:
        errors += _validation_errors(doc, exc, ("deck",), DeckInfo, header)
        info = None
    raw_cards = data.get("cards")
    entries: list[tuple[int, Any]] = []
    if not isinstance(raw_cards, list) or not raw_cards:
        if not doc.partial:  # else its cards were left out for their syntax errors
            errors.append(doc.error(("cards",), say("deck.cards")))
    else:
        try:
            entries = list(enumerate(_CARDS.validate_python(raw_cards)))
        except ValidationError as exc:
            errors += _validation_errors(doc, exc, ("cards",), list[Card], raw_cards)
            for i, raw in enumerate(raw_cards):  # keep the valid cards so cross-checks still run
                try:
                    entries.append((i, _CARD.validate_python(raw)))
                except ValidationError:
                    continue
    entries = _without_problems(doc, entries, errors)
    if info is not None and isinstance(raw_cards, list) and len(entries) < len(raw_cards):
        library.flawed_decks[info.id] = doc.shown  # a scenario drawing it would play without those cards
    if info is not None and doc.partial:
        library.unread_decks[info.id] = UnreadDeck(list(info.aspects), entries, doc)
        return errors
    if info is None:
        declared = header.get("aspects") if isinstance(header, dict) else None
        aspects = [str(key) for key in declared] if isinstance(declared, dict) else []
        written_id = header.get("id") if isinstance(header, dict) else None
        library.unread_decks[written_id if isinstance(written_id, str) else doc.shown] = \
            UnreadDeck(aspects, entries, doc)
        return _once_per_aspect(doc, aspects, errors)
    other = library.decks.get(info.id)
    if other is not None:
        if other.priority == priority:
            errors.append(doc.error(("deck", "id"), say("deck.twice", id=info.id, where=other.doc.shown)))
        elif not other.info.replaces:
            _shadowing(library, other.doc, "deck", info.id, doc)
        return errors
    library.decks[info.id] = LoadedDeck(info, entries, doc, priority)
    return errors


def _without_problems(doc: YamlDocument, entries: list[tuple[int, Any]], errors: list[ContentError]
                      ) -> list[tuple[int, Any]]:
    """The cards whose own links hold (a parcours's `next`); the others' mistakes go to `errors`."""
    kept = []
    for i, card in entries:
        problems = card.problems()
        errors += [doc.error(("cards", i) + loc, message) for loc, message in problems]
        if not problems:
            kept.append((i, card))
    return kept


def _once_per_aspect(doc: YamlDocument, declared: list[str], errors: list[ContentError]) -> list[ContentError]:
    """Without the card errors that repeat a refused aspect id (`santé`) already reported where it is declared."""
    refused = [key for key in declared if not ID.match(key)]
    raw = doc.data.get("cards")
    if not refused or not isinstance(raw, list):
        return errors
    places = {doc.position(("cards", i, "aspect")) for i, card in enumerate(raw)
              if isinstance(card, dict) and card.get("aspect") in refused}
    return [e for e in errors if (e.line, e.column) not in places or not e.message.key.startswith("value.id")]


def _load_scenario(library: Library, doc: YamlDocument, data: dict[str, Any], priority: int) -> list[ContentError]:
    try:
        info = _SCENARIO_FILE.validate_python(data).scenario
    except ValidationError as exc:
        header = data["scenario"]
        gauges = header.get("gauges") if isinstance(header, dict) else None
        library.unread_gauges.update(g["id"] for g in (gauges if isinstance(gauges, list) else ())
                                     if isinstance(g, dict) and isinstance(g.get("id"), str))
        return _validation_errors(doc, exc, (), ScenarioFile, data)
    other = library.scenarios.get(info.id)
    if other is not None:
        if other.priority == priority:
            return [doc.error(("scenario", "id"), say("scenario.twice", id=info.id, where=other.doc.shown))]
        if not other.info.replaces:
            _shadowing(library, other.doc, "scenario", info.id, doc)
        return []
    library.scenarios[info.id] = LoadedScenario(info, doc, priority)
    return []


def _shadowing(library: Library, first: YamlDocument, what: str, ident: str, hidden: YamlDocument) -> None:
    """A deck or scenario read first (the author's: sources come first) took the id of one read later (a
    shipped one, say), which it would silently replace: an error at the author's id, unless it says
    `replaces: true`."""
    if first.shown in library.checked:
        library.errors.append(first.error((what, "id"), say(f"{what}.shadows", id=ident, where=hidden.shown)))


def _deck_reported(library: Library, deck: LoadedDeck | UnreadDeck) -> bool:
    return deck.doc.shown in library.checked


def _check_card_ids(library: Library) -> None:
    """A card id used twice is reported at its second use, the shipped decks' cards counting as first, then
    the context's (files beside the checked ones): a lab's card that takes a shipped id is reported in the
    lab's file, whether `validate` checks the lab's folder or `play` loads it, never as dozens of errors in
    the installed files."""
    shipped = shipped_decks().resolve()

    def rank(deck: LoadedDeck | UnreadDeck) -> tuple[bool, bool]:
        return not deck.doc.path.resolve().is_relative_to(shipped), _deck_reported(library, deck)

    first: dict[str, tuple[LoadedDeck | UnreadDeck, int]] = {}
    for deck in sorted([*library.decks.values(), *library.unread_decks.values()], key=rank):
        taken: dict[str, list[tuple[int, str, int]]] = {}  # the other file -> this deck's cards reusing its ids
        for i, card in deck.entries:
            if card.id in first:
                where, j = first[card.id]
                line, _ = where.doc.position(("cards", j, "id"))
                taken.setdefault(where.doc.shown, []).append((i, card.id, line))
            else:
                first[card.id] = (deck, i)
        if _deck_reported(library, deck):
            for where, reused in taken.items():
                _report_reused_ids(library, deck, where, reused)


COPIED_AFTER = 3  # ids reused from one file, reported one by one; beyond, one sentence: the deck is a copy


def _report_reused_ids(library: Library, deck: LoadedDeck | UnreadDeck, where: str,
                       reused: list[tuple[int, str, int]]) -> None:
    """Each reused card id at its place; a deck that reuses many ids of one file is a copy of it, said once
    after the first few instead of once per card."""
    for i, ident, line in reused[:COPIED_AFTER]:
        library.errors.append(deck.doc.error(("cards", i, "id"), say("card.id_twice", id=ident, where=where,
                                                                      line=line)))
    if len(reused) > COPIED_AFTER:
        i = reused[COPIED_AFTER][0]
        library.errors.append(deck.doc.error(("cards", i, "id"), say(
            "card.ids_copied", more=len(reused) - COPIED_AFTER, where=where)))


def _check_deck(library: Library, deck: LoadedDeck | UnreadDeck) -> None:
    if not _deck_reported(library, deck):
        return
    doc, aspects, entries = deck.doc, deck.aspects, deck.entries
    for i, aspect in _raw_aspects(doc):
        if aspect not in aspects:
            library.errors.append(doc.error(("cards", i, "aspect"), say_near("card.aspect", aspect, aspects, value=aspect)))
    for i, card in entries:
        portrait = getattr(card, "portrait", None)
        if portrait:
            _check_image(library, doc, ("cards", i, "portrait"), portrait)
    if not library.authoring or not library.scenarios:  # without any scenario loaded, no gauge is known yet
        return
    unread = [other.shown for other in library.unread_files if other.written and other.written[0] == "scenario"]
    if unread:  # the scenario defining a gauge may be the file that could not be read
        if any(effects for _, card in entries for _, effects in card_effects(card)) or \
                any(card.gauge_tests() for _, card in entries):
            library.errors.append(doc.error(("cards",), _unread(library, "unchecked.gauges", unread[0])))
        return
    defined = library.gauge_ids()
    for i, card in entries:
        named = [(loc + (gauge,), gauge, True) for loc, effects in card_effects(card, i) for gauge in effects]
        named += [(("cards", i) + loc, gauge, False) for loc, gauge in card.gauge_tests()]
        for loc, gauge, key in named:
            if gauge not in defined:
                library.errors.append(doc.error(loc, say_near("gauge.nowhere", gauge, sorted(defined), gauge=gauge),
                                                key=key))


def _check_image(library: Library, doc: YamlDocument, loc: tuple[Any, ...], relative: str) -> None:
    """An image must sit in the deck's folder, exist, be an image pygame reads, and stay light."""
    folder = doc.path.parent.resolve()
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder):
        message = say("image.outside")
    elif not target.is_file():
        message = say("image.missing", path=relative)
    elif target.stat().st_size > MAX_IMAGE_MB * 1_000_000:
        message = say("image.too_large", path=relative, size=f"{target.stat().st_size / 1e6:.1f}", limit=MAX_IMAGE_MB)
    else:
        with target.open("rb") as f:
            head = f.read(12)
        if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
            return
        message = say("image.not_image", path=relative)
    library.errors.append(doc.error(loc, message))


def _check_scenario(library: Library, loaded: LoadedScenario) -> None:
    scenario, doc = loaded.info, loaded.doc
    if doc.shown not in library.checked:
        return
    errors = library.errors
    known_decks = [d for d in scenario.decks if d in library.decks]
    unread = {other.written: other.shown for other in library.unread_files}
    for j, deck_id in enumerate(scenario.decks):
        if deck_id in library.unread_decks:
            errors.append(doc.error(("scenario", "decks", j), _unread(
                library, "unchecked.deck", library.unread_decks[deck_id].doc.shown, id=deck_id)))
        elif deck_id not in library.decks and ("deck", deck_id) in unread:
            errors.append(doc.error(("scenario", "decks", j), _unread(
                library, "unchecked.deck_file", unread[("deck", deck_id)], id=deck_id)))
        elif deck_id not in library.decks:
            errors.append(doc.error(("scenario", "decks", j),
                                    say_near("scenario.deck_missing", deck_id, sorted(library.decks), id=deck_id)))
        elif deck_id in library.flawed_decks:
            errors.append(doc.error(("scenario", "decks", j), _unread(
                library, "unchecked.deck_cards", library.flawed_decks[deck_id], id=deck_id)))
    if len(known_decks) < len(scenario.decks):
        return  # the remaining checks would only echo the missing deck
    aspects = [a for d in known_decks for a in library.decks[d].info.aspects]
    used: set[str] = set()
    for r, rule in enumerate(scenario.draw_rules):
        for a, aspect in enumerate(rule.aspects or []):
            if aspect not in aspects:
                errors.append(doc.error(("scenario", "draw", r, "aspects", a),
                                        say("scenario.aspect", value=aspect, known=aspects)))
        matching = [c for d in known_decks for c in library.decks[d].cards
                    if _matches(rule, c) and c.id not in used]
        if rule.count != "auto" and rule.count > len(matching):
            errors.append(doc.error(("scenario", "draw", r, "count"),
                                    say("scenario.count", count=rule.count, available=len(matching))))
        used.update(c.id for c in matching[: rule.count if rule.count != "auto" else None])
    pool = library.pool(scenario)
    if not pool:
        errors.append(doc.error(("scenario", "decks"), say("scenario.no_cards")))
    if scenario.win == "panorama" and not any(c.scores_aspect for c in pool):
        errors.append(doc.error(("scenario", "win"), say("scenario.panorama")))
    gauge_ids = [g.id for g in scenario.gauges]
    defined = library.gauge_ids()
    pool_ids = {id(card) for card in pool}
    for deck, i, card in ((library.decks[d], i, c) for d in known_decks for i, c in library.decks[d].entries):
        if id(card) not in pool_ids:
            continue
        for loc, effects in card_effects(card, i):
            for gauge in effects:
                if gauge not in gauge_ids and (gauge in defined or not _deck_reported(library, deck)
                                               or not library.authoring):
                    errors.append(deck.doc.error(loc + (gauge,), say(
                        "gauge.not_in_scenario", gauge=gauge, scenario=scenario.id, known=gauge_ids), key=True))


def _unread(library: Library, key: str, file: str, **values: Any) -> Message:
    """A check left undone because `file` could not be read: its reason is above if the file is checked too."""
    return say(key if file in library.checked else key + "_beside", file=file, **values)


def card_effects(card: Any, i: int = 0) -> list[tuple[tuple[Any, ...], Mapping[str, int]]]:
    """The gauge changes a card can make, each with its place in a deck whose card list has it at `i`."""
    return [(("cards", i) + place, effects) for place, effects in card.effect_places()]
