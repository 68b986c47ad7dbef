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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from game.content.errors import ContentError
from game.wording.authors import Message, say

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_KIND_TAGS = {ScalarNode: _STR, SequenceNode: _SEQ, MappingNode: _MAP}

# YAML 1.2 core schema for plain scalars: "yes", "no", "on", "off" stay text, unlike PyYAML's YAML 1.1.
_WORDS: dict[str, Any] = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
}
_INT_RE = re.compile(r"[-+]?[0-9]+$")
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_NUMBER_START = frozenset("0123456789+-.")


class _TagsOnly:
    """A resolver that only names node kinds: the walker resolves plain scalars itself (and faster)."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _KIND_TAGS[kind]


try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml: the same, in pure Python
    class _Loader(Reader, Scanner, Parser, Composer, _TagsOnly):
        def __init__(self, stream: str):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
else:
    class _Loader(CParser, _TagsOnly):  # type: ignore[no-redef]
        def __init__(self, stream: str):
            CParser.__init__(self, stream)


def _plain(text: str) -> Any:
    if text in _WORDS:
        return _WORDS[text]
    if text[0] in _NUMBER_START:
        if _INT_RE.match(text):
            return int(text)
        if _FLOAT_RE.match(text) and text not in ("+", "-", "."):
            return float(text)
    return text


# PyYAML's syntax messages, as keys of the sentences a lab author reads.
_SYNTAX_HINTS = {
    "mapping values are not allowed": "yaml.colon",
    "did not find expected key": "yaml.key_indent",
    "did not find expected '-' indicator": "yaml.item_indent",
    "could not find expected ':'": "yaml.no_colon",
    "found unexpected end of stream": "yaml.unclosed",
    "did not find expected ',' or ']'": "yaml.bracket",
    "did not find expected ',' or '}'": "yaml.brace",
    "found undefined alias": "yaml.alias",
    "found character that cannot start any token": "yaml.start",
    "did not find expected node content": "yaml.no_value",
    "found unknown escape character": "yaml.escape",
    "block sequence entries are not allowed": "yaml.dash",
}
MAX_FILE_MB = 5  # a 1,000-card deck is about 0.5 MB; a bigger file is a mistake or an attack


@dataclass
class YamlDocument:
    """A file's plain data and its node tree (for positions); data is None when the file is unusable."""

    path: Path
    shown: str
    data: Any
    root: Node | None
    errors: list[ContentError]
    reshaped: list[tuple[int, int, str]] = field(default_factory=list)  # (line, column, as written) of unquoted
    # values read as numbers that do not read back as written (0500, 1.50, +33): lint warns where a text was meant
    partial: bool = False  # cards with syntax errors were left out to check the rest: never to be played
    written: tuple[str, str] | None = None  # ("deck" or "scenario", id) as the text of an unreadable file shows them

    def position(self, loc: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `loc` (or of its key), or of the deepest part that exists."""
        node = self.root
        line, col = _mark(node) if node is not None else (1, 1)
        last = len(loc) - 1
        for i, part in enumerate(loc):
            found = _child(node, part)
            if found is None:
                continue  # a pydantic-only step (union tag) or a missing field: stay on the parent
            key_node, node = found
            line, col = _mark(key_node if key and i == last and key_node is not None else node)
        return line, col

    def error(self, loc: tuple[Any, ...], message: Message, key: bool = False) -> ContentError:
        line, col = self.position(loc, key)
        return ContentError(self.shown, line, col, message)


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _child(node: Node | None, part: Any) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == str(part):
                return key_node, value_node
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


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
            hostile = _hostile(text, shown)
            if hostile is not None:
                doc.errors.append(hostile)
                return doc
            root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            root = _past_syntax_errors(doc, text, exc)
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


MAX_DEPTH = 40  # a deck nests about six levels
MAX_TEXT = 5000  # characters in one text; a card shows a few hundred
MAX_DIGITS = 1000  # Python refuses to convert integers over 4,300 digits
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BRACKETS = re.compile(r"[\[\]{}]")
_INDENT = re.compile(r"^ +", re.M)
_DIGITS = re.compile(r"\d{%d}" % MAX_DIGITS)


def _hostile(text: str, shown: str) -> ContentError | None:
    """What would crash or hang the composer, found by a cheap scan, then by the parser's events (a flat
    walk, no recursion) only when the scan sees deep brackets or indents, aliases or a long number."""
    bad = _CONTROL.search(text)
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
    for event in yaml.parse(text, Loader=_Loader):
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


def _syntax_error(shown: str, text: str, exc: yaml.MarkedYAMLError) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or ""
    if mark is not None and _is_tab_at(text, mark.line, mark.column):
        return ContentError(shown, line, col, say("yaml.tab"))
    for english, key in _SYNTAX_HINTS.items():
        if problem.startswith(english):
            return ContentError(shown, line, col, say(key))
    return ContentError(shown, line, col, say("yaml.other", problem=problem))


MAX_SYNTAX_ERRORS = 50
_CARDS_KEY = re.compile(r"^cards:[ \t]*(#.*)?$")
_ITEM = re.compile(r"^( *)- ")


def _past_syntax_errors(doc: YamlDocument, text: str, exc: yaml.MarkedYAMLError) -> Node | None:
    """Report a syntax error, then look for the next ones: the card holding the error is blanked out (its lines
    kept, empty, so the places stay true) and the file parsed again, card after card. The node tree of the
    cards that read is returned, to check them too, with the document marked partial; None when the parser
    cannot start again (an error in the header, an unclosed quote running to the end), said in a note."""
    lines = text.split("\n")
    items = _card_starts(lines)
    region: tuple[int, int] | None = None  # the span of lines blanked out last
    line = len(lines)
    for _ in range(MAX_SYNTAX_ERRORS):
        line = exc.problem_mark.line if exc.problem_mark else len(lines)
        if region is None or line >= region[1]:  # a new mistake, after the cards already left out
            doc.errors.append(_syntax_error(doc.shown, text, exc))
            starts = [i for i in items if i <= line]
            after = [i for i in items if i > line]
            region = (starts[-1], after[0] if after else len(lines)) if starts else None
        else:  # the same mistake met again: it began in an earlier card, leave that one out too
            starts = [i for i in items if i < region[0]]
            region = (starts[-1], region[1]) if starts else None
        if region is None:
            break
        lines[region[0]:region[1]] = [""] * (region[1] - region[0])
        try:
            root = yaml.compose("\n".join(lines), Loader=_Loader)
        except yaml.MarkedYAMLError as again:
            exc = again
            continue
        doc.partial = True
        return root
    if any(row.strip() for row in lines[line + 1:]):
        doc.errors.append(ContentError(doc.shown, line + 1, 1, say("unchecked.rest", line=line + 1)))
    return None


def _card_starts(lines: list[str]) -> list[int]:
    """The (0-based) lines where an item of the top-level `cards:` list begins."""
    for at, row in enumerate(lines):
        if _CARDS_KEY.match(row):
            break
    else:
        return []
    indent = None
    starts = []
    for i in range(at + 1, len(lines)):
        row = lines[i]
        if not row.strip() or row.lstrip().startswith("#"):
            continue
        item = _ITEM.match(row)
        if indent is None:
            if item is None:
                return []
            indent = len(item.group(1))
        if item is not None and len(item.group(1)) == indent:
            starts.append(i)
        elif len(row) - len(row.lstrip(" ")) < indent or (indent == 0 and item is None and not row.startswith(" ")):
            break  # back to a top-level key: the list is over
    return starts


def _is_tab_at(text: str, line: int, column: int) -> bool:
    lines = text.split("\n")
    if line >= len(lines):
        return False
    row = lines[line]
    return "\t" in row[: column + 1] and row[: column + 1].strip(" \t") == ""


MAX_NODES = 1_000_000  # about forty thousand cards; beyond, aliases are being multiplied ("billion laughs")


class _TooBig(Exception):
    pass


class _Walker:
    """Node tree → plain dicts, lists and scalars, recording duplicate keys and forbidden tags."""

    def __init__(self, doc: YamlDocument):
        self.doc = doc
        self.budget = MAX_NODES

    def fail(self, node: Node, message: Message) -> None:
        line, col = _mark(node)
        self.doc.errors.append(ContentError(self.doc.shown, line, col, message))

    def value(self, node: Node) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _TooBig
        tag = node.tag
        if isinstance(node, ScalarNode):
            if tag == _STR:
                bad = _CONTROL.search(node.value)  # written as an escape ("\0", "\a") in a quoted text
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
                    self.doc.reshaped.append((*_mark(node), node.value))
                return value
            if tag in (_INT, _FLOAT, _BOOL, _NULL):  # an explicit standard tag, such as !!int
                return _plain(node.value)
        elif isinstance(node, MappingNode) and tag == _MAP:
            return self.mapping(node)
        elif isinstance(node, SequenceNode) and tag == _SEQ:
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
                if key_node.tag in (_STR, _NULL):  # `~`, `null` or an empty key
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
