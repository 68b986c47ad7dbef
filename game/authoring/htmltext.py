"""The simple HTML quiz tools write (Moodle's editor marks every question `[html]`) as the plain text a card holds:
paragraphs and line breaks become line breaks, bold and italics their words, entities their characters.

Read with the standard library's HTML parser (the maintained one, lenient with the HTML people write), not with
patterns: a `<` inside a text, a comment or a missing closing tag are its job. Content a card cannot show (an
image, a table, a video, a script) is not dropped silently: the question is left out with the reason.
"""

from __future__ import annotations

from html.parser import HTMLParser

BREAKS = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
UNSHOWABLE = {"img": "image", "table": "table", "video": "video", "audio": "audio", "iframe": "iframe",
              "object": "object", "embed": "object", "svg": "image", "math": "formula"}
SILENT = {"script", "style"}


class Unshowable(ValueError):
    """HTML a card cannot show; the value is what it held (image, table…)."""


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.silent = 0
        self.refused = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in UNSHOWABLE and not self.refused:
            self.refused = UNSHOWABLE[tag]
        if tag in SILENT:
            self.silent += 1
        if tag in BREAKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in SILENT and self.silent:
            self.silent -= 1
        if tag in BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.silent:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The text of a piece of HTML: lines kept, spaces within a line collapsed. Unshowable when it holds an
    image, a table or the like."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    if parser.refused:
        raise Unshowable(parser.refused)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
