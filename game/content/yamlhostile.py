"""Hostile YAML refused before any tree is built: control characters, nesting deeper than a deck ever needs
(the C composer recurses, and deep enough nesting crashes it), numbers too long to convert."""

from __future__ import annotations

import re
from typing import Any

import yaml

from game.content.errors import ContentError
from game.content.yamldoc import Loader
from game.wording.authors import Message, say

MAX_DEPTH = 40  # a deck nests about six levels


MAX_TEXT = 5000  # characters in one text; a card shows a few hundred


MAX_DIGITS = 1000  # Python refuses to convert integers over 4,300 digits


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


_BRACKETS = re.compile(r"[\[\]{}]")


_INDENT = re.compile(r"^ +", re.M)


_DIGITS = re.compile(r"\d{%d}" % MAX_DIGITS)


def hostile_problem(text: str, shown: str) -> ContentError | None:
    """What would crash or hang the composer, found by a cheap scan, then by the parser's events (a flat
    walk, no recursion) only when the scan sees deep brackets or indents, aliases or a long number."""
    bad = CONTROL.search(text)
    if bad is not None:
        return ContentError(shown, *_place(text, bad.start()), say("yaml.control", code=f"U+{ord(bad.group()):04X}"))
    if not (_may_nest_deep(text) or ("&" in text and "*" in text) or _DIGITS.search(text)):
        return None
    try:
        return _hostile_events(text, shown)
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" not in (exc.problem or ""):  # an ordinary syntax error: reported by the composer
            return None
        # libyaml's own limit (PyYAML 6.0.4 and later), met while it reads ahead: shown where the text passes ours
        deep = _deep_at(text, outer=1)  # the file's top block is a level too
        line, column = _place(text, deep) if deep is not None else (exc.problem_mark.line + 1,
                                                                     exc.problem_mark.column + 1)
        return ContentError(shown, line, column, say("yaml.deep", limit=MAX_DEPTH))


def _deep_at(text: str, outer: int = 0) -> int | None:
    """Where brackets first nest deeper than the limit, by a plain count from `outer` levels."""
    depth = outer
    for bracket in _BRACKETS.finditer(text):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return bracket.start()
    return None


def _place(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of a character of the text."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _hostile_events(text: str, shown: str) -> ContentError | None:
    depth, anchors = 0, []
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            anchors.append(event.anchor)
            if depth > MAX_DEPTH:
                return _at(shown, event, say("yaml.deep", limit=MAX_DEPTH))
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
            anchors.pop()
        elif isinstance(event, yaml.AliasEvent) and event.anchor in anchors:
            return _at(shown, event, say("yaml.recursive_alias", name=event.anchor))
        elif isinstance(event, yaml.ScalarEvent) and len(event.value) >= MAX_DIGITS and \
                event.value.lstrip("+-").isdigit() and not event.style:
            return _at(shown, event, say("yaml.big_number", digits=len(event.value.lstrip("+-"))))
    return None


def _may_nest_deep(text: str) -> bool:
    if _deep_at(text) is not None:
        return True
    return max((len(m.group()) for m in _INDENT.finditer(text)), default=0) > MAX_DEPTH


def _at(shown: str, event: Any, message: Message) -> ContentError:
    return ContentError(shown, event.start_mark.line + 1, event.start_mark.column + 1, message)
