"""Loading decks and scenarios from files and folders, and the checks that span several files.

Sources are read in priority order: the files a user names, then `--decks` folders, then
the shipped content. A deck id met again in a later source is shadowed (a lab's copy of a
shipped deck replaces it); met twice in the same source, it is an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from game.content.crosschecks import check_card_ids, check_deck, check_scenario
from game.content.describe import describe
from game.content.errors import ContentError, elsewhere
from game.content.files import yaml_files
from game.content.loaded import ID, Library, LoadedDeck, LoadedScenario, UnreadDeck
from game.content.models import (
    Card,
    DeckInfo,
    ScenarioFile,
)
from game.content.yamldoc import YamlDocument
from game.content.yamlsource import no_gc, read_yaml
from game.fonts import code_points, undrawable
from game.paths import display_path
from game.wording.authors import say, say_near

_CARDS = TypeAdapter(list[Card])
_CARD = TypeAdapter(Card)
_DECK_INFO = TypeAdapter(DeckInfo)
_SCENARIO_FILE = TypeAdapter(ScenarioFile)


def load_library(sources: Iterable[tuple[Path | tuple[Path, ...], bool]], authoring: bool = False) -> Library:
    """Load (path, report_errors) sources in priority order; folders are searched for YAML files, and a tuple of
    files is read at one priority (two of its decks with one id are the same mistake whichever command reads them).

    `authoring` adds the checks made for a deck on its own, before any scenario draws it (an effect
    on a gauge that no scenario defines): the authoring tools want them, playing a scenario does not.
    """
    with no_gc():  # node trees stay alive while checking: repeated full collections made loading quadratic
        return _load_library(sources, authoring)


def _load_library(sources: Iterable[tuple[Path | tuple[Path, ...], bool]], authoring: bool) -> Library:
    library = Library(authoring=authoring)
    seen: set[Path] = set()
    for priority, (source, report) in enumerate(sources):
        if isinstance(source, tuple):  # files read together, at one priority: a folder's, as `validate .` reads it
            files = list(source)
        elif not source.exists():
            library.errors.append(ContentError(display_path(source), 1, 1, say("file.missing")))
            continue
        else:
            files = yaml_files(source) if source.is_dir() else [source]
        for path in files:
            real = path.resolve()
            if real in seen:
                continue
            seen.add(real)
            _load_file(library, path, priority, report)
    check_card_ids(library)
    for deck in [*library.decks.values(), *library.unread_decks.values()]:
        check_deck(library, deck)
    for scenario in library.scenarios.values():
        check_scenario(library, scenario)
    library.errors = sorted(dict.fromkeys(library.errors), key=ContentError.sort_key)  # stable: same order every run
    return library


def validation_errors(doc: YamlDocument, exc: ValidationError, prefix: tuple[Any, ...], root: Any,
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
_AT = {"scenario.gauges_needed": ("win",), "scenario.solo_teams": ("mode",), "scenario.relearn_solo": ("relearn",), "scenario.gauge_twice": ("gauges",),
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
        elif isinstance(data, dict) and "plan" in data:
            pass  # a session plan kept beside the decks: read by `play --plan`, not part of the content
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
        errors += validation_errors(doc, exc, ("deck",), DeckInfo, header)
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
            errors += validation_errors(doc, exc, ("cards",), list[Card], raw_cards)
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
        return validation_errors(doc, exc, (), ScenarioFile, data)
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

