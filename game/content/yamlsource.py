"""Safe YAML reading that remembers where every value came from.

PyYAML's loaders drop positions and silently keep the last of two duplicate keys.
Here the C parser composes a node tree (positions kept), and a small walker turns it
into plain data: only the standard scalar tags are accepted, so no tag can ever build
a Python object, and duplicate keys are reported instead of overwritten.

Hostile files are refused before the tree is built: control characters, nesting deeper than a deck
ever needs (the C composer recurses, and deep enough nesting crashes it), aliases that contain
themselves, numbers too long to convert.
"""

from __future__ import annotations

import gc
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.content.errors import ContentError
from game.content.yamldoc import (
    TAG_BOOL,
    TAG_FLOAT,
    TAG_INT,
    TAG_MAP,
    TAG_NULL,
    TAG_SEQ,
    TAG_STR,
    Loader,
    YamlDocument,
    node_mark,
)
from game.content.yamlhostile import CONTROL, MAX_TEXT, hostile_problem
from game.content.yamlsyntax import past_syntax_errors
from game.wording.authors import Message, say

# YAML 1.2 core schema for plain scalars: "yes", "no", "on", "off" stay text, unlike PyYAML's YAML 1.1.
_WORDS: dict[str, Any] = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
}
_INT_RE = re.compile(r"[-+]?[0-9]+$")
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_NUMBER_START = frozenset("0123456789+-.")


def _plain(text: str) -> Any:
    if text in _WORDS:
        return _WORDS[text]
    if text[0] in _NUMBER_START:
        if _INT_RE.match(text):
            return int(text)
        if _FLOAT_RE.match(text) and text not in ("+", "-", "."):
            return float(text)
    return text


MAX_FILE_MB = 5  # a 1,000-card deck is about 0.5 MB; a bigger file is a mistake or an attack


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic GC while loading, then exempt what was loaded from it.

    Content is acyclic and freed by reference counting; left to the collector, its hundreds of
    thousands of objects would be traversed again and again, making large decks load in
    quadratic time (PyYAML's own loader shows it).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


def read_yaml(path: Path, shown: str) -> YamlDocument:
    """Read a YAML file safely; every problem becomes a located ContentError, never an exception."""
    doc = YamlDocument(path, shown, None, None, [])
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO or /dev/zero would never finish reading
            doc.errors.append(ContentError(shown, 1, 1, say("file.special")))
            return doc
        size = status.st_size
        if size > MAX_FILE_MB * 1_000_000:  # refused before reading: a huge file must not hang the check
            doc.errors.append(ContentError(shown, 1, 1, say("file.too_large", size=f"{size / 1e6:.1f}",
                                                            limit=MAX_FILE_MB)))
            return doc
        raw = path.read_bytes()
    except OSError as exc:
        doc.errors.append(ContentError(shown, 1, 1, say("file.unreadable", reason=exc.strerror or exc)))
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        doc.errors.append(ContentError(shown, line, column, say("file.not_utf8", byte=f"{raw[exc.start]:02X}")))
        return doc
    doc.written = _written(text)
    with no_gc():
        try:
            hostile = hostile_problem(text, shown)
            if hostile is not None:
                doc.errors.append(hostile)
                return doc
            root = yaml.compose(text, Loader=Loader)
        except yaml.MarkedYAMLError as exc:
            root = past_syntax_errors(doc, text, exc)
            if root is None:
                return doc
        except yaml.YAMLError as exc:  # errors without a mark are rare; still no traceback
            doc.errors.append(ContentError(shown, 1, 1, say("yaml.other", problem=exc)))
            return doc
        if root is None:
            doc.errors.append(ContentError(shown, 1, 1, say("file.empty")))
            return doc
        try:
            doc.data = _Walker(doc).value(root)
        except _TooBig:
            doc.errors.append(ContentError(shown, 1, 1, say("file.bomb")))
            return doc
        doc.root = root
    return doc


_TOP = re.compile(r"^(deck|scenario):", re.M)
_ID_LINE = re.compile(r"^[ \t]+id:[ \t]*[\"']?([^\s\"'#,}]+)", re.M)


def _written(text: str) -> tuple[str, str] | None:
    """What a file says it is, read from its lines: when it cannot be parsed, a scenario naming its deck gets a
    note pointing here rather than a false 'no such deck'."""
    top = _TOP.search(text)
    if top is None:
        return None
    found = _ID_LINE.search(text, top.end())
    return top.group(1), found.group(1) if found else ""


MAX_NODES = 1_000_000  # about forty thousand cards; beyond, aliases are being multiplied ("billion laughs")


class _TooBig(Exception):
    pass


class _Walker:
    """Node tree → plain dicts, lists and scalars, recording duplicate keys and forbidden tags."""

    def __init__(self, doc: YamlDocument):
        self.doc = doc
        self.budget = MAX_NODES

    def fail(self, node: Node, message: Message) -> None:
        line, col = node_mark(node)
        self.doc.errors.append(ContentError(self.doc.shown, line, col, message))

    def value(self, node: Node) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _TooBig
        tag = node.tag
        if isinstance(node, ScalarNode):
            if tag == TAG_STR:
                bad = CONTROL.search(node.value)  # written as an escape ("\0", "\a") in a quoted text
                if bad is not None:
                    self.fail(node, say("yaml.control", code=f"U+{ord(bad.group()):04X}"))
                    return None
                if len(node.value) > MAX_TEXT:  # reported, then shortened: later checks stay cheap
                    self.fail(node, say("yaml.long_text", length=_grouped(len(node.value)),
                                        limit=_grouped(MAX_TEXT)))
                    return node.value[:MAX_TEXT]
                if node.style:  # quoted text is always text
                    return node.value
                value = _plain(node.value)
                if value.__class__ in (int, float) and str(value) != node.value:
                    self.doc.reshaped.append((*node_mark(node), node.value))
                return value
            if tag in (TAG_INT, TAG_FLOAT, TAG_BOOL, TAG_NULL):  # an explicit standard tag, such as !!int
                return _plain(node.value)
        elif isinstance(node, MappingNode) and tag == TAG_MAP:
            return self.mapping(node)
        elif isinstance(node, SequenceNode) and tag == TAG_SEQ:
            return [self.value(item) for item in node.value]
        self.fail(node, say("yaml.tag", tag=_short_tag(tag)))
        return None

    def mapping(self, node: MappingNode) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.fail(key_node, say("yaml.complex_key"))
                continue
            key = self.value(key_node)
            if key is None:
                if key_node.tag in (TAG_STR, TAG_NULL):  # `~`, `null` or an empty key
                    self.fail(key_node, say("yaml.null_key"))
                continue  # else a forbidden tag on a key, already reported
            if key in seen:
                self.fail(key_node, say("yaml.duplicate", key=key, first=seen[key]))
                continue
            seen[key] = key_node.start_mark.line + 1
            result[key] = self.value(value_node)
        return result


def _grouped(number: int) -> str:
    """A number as French writes it: 60\u00a0000."""
    return f"{number:,}".replace(",", "\u00a0")


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
