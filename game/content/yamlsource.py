"""Safe YAML reading that remembers where every value came from.

PyYAML's loaders drop positions and silently keep the last of two duplicate keys.
Here the C parser composes a node tree (positions kept), and a small walker turns it
into plain data: only the standard scalar tags are accepted, so no tag can ever build
a Python object, and duplicate keys are reported instead of overwritten.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from game.content.errors import ContentError

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


# PyYAML's syntax messages, in the words a lab author uses.
_SYNTAX_HINTS = {
    "mapping values are not allowed": "un « : » inattendu ; un texte qui contient « : » doit être mis entre guillemets",
    "did not find expected key": "indentation incohérente : cette ligne n'est pas alignée avec les clés de son bloc",
    "did not find expected '-' indicator": "indentation incohérente : cette ligne n'est pas alignée avec les éléments « - » de sa liste",
    "could not find expected ':'": "il manque un « : » après une clé, ou un texte sur plusieurs lignes n'est pas entre guillemets",
    "found unexpected end of stream": "le fichier se termine alors qu'un guillemet, un crochet ou une accolade n'est pas fermé",
    "did not find expected ',' or ']'": "une liste entre crochets n'est pas fermée par « ] » (ou il manque une virgule)",
    "did not find expected ',' or '}'": "un bloc entre accolades n'est pas fermé par « } » (ou il manque une virgule)",
    "found undefined alias": "cet alias (*nom) ne renvoie à aucune ancre (&nom) définie plus haut",
    "found character that cannot start any token": "caractère inattendu en début de valeur ; mettez le texte entre guillemets",
}


@dataclass
class YamlDocument:
    """A file's plain data and its node tree (for positions); data is None when the file is unusable."""

    path: Path
    shown: str
    data: Any
    root: Node | None
    errors: list[ContentError]

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

    def error(self, loc: tuple[Any, ...], message: str, key: bool = False) -> ContentError:
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


def yaml_files(folder: Path) -> list[Path]:
    """Every YAML file under a folder, in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def read_yaml(path: Path, shown: str) -> YamlDocument:
    """Read a YAML file safely; every problem becomes a located ContentError, never an exception."""
    doc = YamlDocument(path, shown, None, None, [])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        doc.errors.append(ContentError(shown, 1, 1, f"impossible de lire le fichier ({exc.strerror or exc})"))
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        doc.errors.append(ContentError(
            shown, line, column,
            f"le fichier n'est pas en UTF-8 (octet 0x{raw[exc.start]:02X} illisible) : "
            "enregistrez-le avec l'encodage UTF-8"))
        return doc
    with no_gc():
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            doc.errors.append(_syntax_error(shown, text, exc))
            return doc
        except yaml.YAMLError as exc:  # errors without a mark are rare; still no traceback
            doc.errors.append(ContentError(shown, 1, 1, f"erreur de syntaxe YAML : {exc}"))
            return doc
        if root is None:
            doc.errors.append(ContentError(shown, 1, 1, "le fichier est vide"))
            return doc
        try:
            doc.data = _Walker(doc).value(root)
        except _TooBig:
            doc.errors.append(ContentError(shown, 1, 1, "fichier refusé : trop gros, ou des alias (*nom) qui se "
                                                        "répètent les uns dans les autres à l'infini"))
            return doc
        doc.root = root
    return doc


def _syntax_error(shown: str, text: str, exc: yaml.MarkedYAMLError) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or ""
    if mark is not None and _is_tab_at(text, mark.line, mark.column):
        return ContentError(shown, line, col,
                            "une tabulation sert d'indentation : YAML n'accepte que des espaces")
    for english, french in _SYNTAX_HINTS.items():
        if problem.startswith(english):
            return ContentError(shown, line, col, f"erreur de syntaxe YAML : {french}")
    return ContentError(shown, line, col, f"erreur de syntaxe YAML : {problem}")


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

    def fail(self, node: Node, message: str) -> None:
        line, col = _mark(node)
        self.doc.errors.append(ContentError(self.doc.shown, line, col, message))

    def value(self, node: Node) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _TooBig
        tag = node.tag
        if isinstance(node, ScalarNode):
            if tag == _STR:
                return node.value if node.style else _plain(node.value)  # quoted text is always text
            if tag in (_INT, _FLOAT, _BOOL, _NULL):  # an explicit standard tag, such as !!int
                return _plain(node.value)
        elif isinstance(node, MappingNode) and tag == _MAP:
            return self.mapping(node)
        elif isinstance(node, SequenceNode) and tag == _SEQ:
            return [self.value(item) for item in node.value]
        self.fail(node, f"l'étiquette YAML « {_short_tag(tag)} » n'est pas autorisée : "
                        "un fichier de contenu ne contient que du texte, des nombres, des listes et des blocs")
        return None

    def mapping(self, node: MappingNode) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.fail(key_node, "une clé doit être un simple mot, pas une liste ni un bloc")
                continue
            key = self.value(key_node)
            if key is None and key_node.tag != _NULL:
                continue  # forbidden tag on a key, already reported
            if key in seen:
                self.fail(key_node, f"la clé « {key} » apparaît deux fois dans ce bloc "
                                    f"(première fois ligne {seen[key]}) : gardez-en une seule")
                continue
            seen[key] = key_node.start_mark.line + 1
            result[key] = self.value(value_node)
        return result


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
