"""The catalogues as their `.po` sources say, read with Babel (the translators' tool), for the tests."""

from __future__ import annotations

from functools import cache

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from game.wording.catalogue import DOMAIN, LANGUAGES, LOCALE


@cache
def source(lang: str) -> Catalog:
    with open(LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as po:
        return read_po(po, locale=lang, domain=DOMAIN)


def entries(lang: str) -> dict[str, str | tuple[str, ...]]:
    """Each key's sentence (a plural's forms as a tuple)."""
    return {m.id[0] if isinstance(m.id, tuple) else m.id: m.string for m in source(lang) if m.id}


def for_players(lang: str) -> dict[str, str]:
    """The sentences players and facilitators read (marked `players` in the `.po`), a plural's forms joined."""
    said = sentences(lang)
    return {k: said[k] for k in said if "players" in source(lang)[k].auto_comments}


def sentences(lang: str) -> dict[str, str]:
    """Each key's sentence, a plural's forms joined: what a search through the catalogue needs."""
    return {k: " | ".join(v) if isinstance(v, tuple) else v for k, v in entries(lang).items()}


def french_fragments(least: int = 12) -> set[str]:
    """Pieces of the French interface's sentences (between placeholders, `least` characters or more) that the
    English catalogue does not share: one of them in an English session's text is a sentence left in French."""
    import re

    english = " ".join(sentences("en").values())
    pieces = {piece.strip() for text in for_players("fr").values() for piece in re.split(r"\{[^}]*\}|\|", text)}
    return {p for p in pieces if len(p) >= least and p not in english}


__all__ = ["LANGUAGES", "entries", "for_players", "french_fragments", "sentences", "source"]
