"""A YAML file as the loader reads it: the safe loader (only the standard scalar tags, so no tag can build a
Python object) and the document it gives, which keeps every value's position."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from game.content.errors import ContentError
from game.wording.authors import Message

TAG_STR = "tag:yaml.org,2002:str"


TAG_INT = "tag:yaml.org,2002:int"


TAG_FLOAT = "tag:yaml.org,2002:float"


TAG_BOOL = "tag:yaml.org,2002:bool"


TAG_NULL = "tag:yaml.org,2002:null"


TAG_MAP = "tag:yaml.org,2002:map"


TAG_SEQ = "tag:yaml.org,2002:seq"


_KIND_TAGS = {ScalarNode: TAG_STR, SequenceNode: TAG_SEQ, MappingNode: TAG_MAP}


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
    class Loader(Reader, Scanner, Parser, Composer, _TagsOnly):
        def __init__(self, stream: str):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
else:
    class Loader(CParser, _TagsOnly):  # type: ignore[no-redef]
        def __init__(self, stream: str):
            CParser.__init__(self, stream)


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
        line, col = node_mark(node) if node is not None else (1, 1)
        last = len(loc) - 1
        for i, part in enumerate(loc):
            found = node_child(node, part)
            if found is None:
                continue  # a pydantic-only step (union tag) or a missing field: stay on the parent
            key_node, node = found
            line, col = node_mark(key_node if key and i == last and key_node is not None else node)
        return line, col

    def error(self, loc: tuple[Any, ...], message: Message, key: bool = False) -> ContentError:
        line, col = self.position(loc, key)
        return ContentError(self.shown, line, col, message)


def node_mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def node_child(node: Node | None, part: Any) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == str(part):
                return key_node, value_node
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None
