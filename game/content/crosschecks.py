"""The checks that span several files: card ids met twice, a deck's aspects and images, a scenario's decks,
aspects and gauges against the decks loaded."""

from __future__ import annotations

from typing import Any

from game.content.loaded import (
    Library,
    LoadedDeck,
    LoadedScenario,
    UnreadDeck,
    card_effects,
    deck_reported,
    matches,
    raw_aspects,
)
from game.content.yamldoc import YamlDocument
from game.paths import shipped_decks
from game.wording.authors import Message, say, say_near

MAX_IMAGE_MB = 2  # a portrait shown at a third of a 1080p screen needs far less


# The first bytes of the image formats pygame reads everywhere.
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")


def check_card_ids(library: Library) -> None:
    """A card id used twice is reported at its second use, the shipped decks' cards counting as first, then
    the context's (files beside the checked ones): a lab's card that takes a shipped id is reported in the
    lab's file, whether `validate` checks the lab's folder or `play` loads it, never as dozens of errors in
    the installed files."""
    shipped = shipped_decks().resolve()

    def rank(deck: LoadedDeck | UnreadDeck) -> tuple[bool, bool]:
        return not deck.doc.path.resolve().is_relative_to(shipped), deck_reported(library, deck)

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
        if deck_reported(library, deck):
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


def check_deck(library: Library, deck: LoadedDeck | UnreadDeck) -> None:
    if not deck_reported(library, deck):
        return
    doc, aspects, entries = deck.doc, deck.aspects, deck.entries
    for i, aspect in raw_aspects(doc):
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


def check_scenario(library: Library, loaded: LoadedScenario) -> None:
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
                    if matches(rule, c) and c.id not in used]
        if rule.count != "auto" and rule.count > len(matching):
            errors.append(doc.error(("scenario", "draw", r, "count"),
                                    say("scenario.count", count=rule.count, available=len(matching),
                                        decks=", ".join(known_decks))))
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
                if gauge not in gauge_ids and (gauge in defined or not deck_reported(library, deck)
                                               or not library.authoring):
                    errors.append(deck.doc.error(loc + (gauge,), say(
                        "gauge.not_in_scenario", gauge=gauge, scenario=scenario.id, known=gauge_ids), key=True))


def _unread(library: Library, key: str, file: str, **values: Any) -> Message:
    """A check left undone because `file` could not be read: its reason is above if the file is checked too."""
    return say(key if file in library.checked else key + "_beside", file=file, **values)
