"""YAML syntax errors as authors can act on them: a hint for the usual slips, and the errors of the cards
after the first one, found by reading each card on its own."""

from __future__ import annotations

import re

import yaml
from yaml.nodes import Node

from game.content.errors import ContentError
from game.content.yamldoc import Loader, YamlDocument
from game.wording.authors import say

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


def _syntax_error(shown: str, text: str, exc: yaml.MarkedYAMLError) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or ""
    if mark is not None and _is_tab_at(text, mark.line, mark.column):
        return ContentError(shown, line, col, say("yaml.tab"))
    opened = _open_quote(text, mark.line) if mark is not None else None
    if opened is not None:  # YAML reads on to the next lines for the closing quote, and trips further down
        return ContentError(shown, opened[0] + 1, opened[1] + 1, say("yaml.quote_unclosed", line=line))
    for english, key in _SYNTAX_HINTS.items():
        if problem.startswith(english):
            return ContentError(shown, line, col, say(key))
    return ContentError(shown, line, col, say("yaml.other", problem=problem))


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[\w-]+:\s+)?(')""")
_DOUBLE = re.compile(r'(?<!\\)"')


def _open_quote(text: str, error_line: int, back: int = 8) -> tuple[int, int] | None:
    """The line and column of a quote opened and not closed on its own line, a few lines above a syntax error
    (or on its line): where the author's mistake is, not where YAML noticed it. A line with an odd number of
    double quotes has one unclosed, or one too many inside a text (`"il dit "non" ?"`): its first quote is shown."""
    lines = text.split("\n")
    for n in range(min(error_line, len(lines) - 1), max(-1, error_line - back - 1), -1):
        single = _QUOTED_VALUE.match(lines[n])
        if single is not None:  # a text in single quotes: '' is a quote inside it
            if re.search(r"'(?!')", lines[n][single.end():].replace("''", "")) is None:
                return n, single.start(1)
            continue
        quotes = [m.start() for m in _DOUBLE.finditer(lines[n])]
        after = lines[n][quotes[1] + 1:].strip() if len(quotes) > 1 else ""
        if len(quotes) % 2 or (after and not after.startswith(("#", ",", "}", "]"))):  # text after the closing one
            return n, quotes[0]
        if quotes and n < error_line:
            return None  # a line above with its quotes closed: the mistake is elsewhere
    return None


MAX_SYNTAX_ERRORS = 50


_CARDS_KEY = re.compile(r"^cards:[ \t]*(#.*)?$")


_ITEM = re.compile(r"^( *)- ")


def past_syntax_errors(doc: YamlDocument, text: str, exc: yaml.MarkedYAMLError) -> Node | None:
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
            root = yaml.compose("\n".join(lines), Loader=Loader)
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
