"""One fixed workshop, played at the terminal, compared word for word with its stored transcript, and its sheet's
text with the stored text: any change to what the terminal says or the sheet prints shows up here (accept a
wanted change with pytest --snapshot-update, after reading the difference)."""

from __future__ import annotations

import itertools
from pathlib import Path

from pypdf import PdfReader

from game.console import Console
from game.table.table import Table
from tests.snapshot import compare_texts

START = 1_800_000_000.0  # a fixed moment: the same file names and the same date on the sheet

# Three teams; the first card entered in pieces (a reveal refused, a number out of range, a correction), the second
# revealed without team 3, the third undone after its reveal and team 3 corrected, five more minutes, a skip, a
# pause, then every card "1 2 1".
FEED = ["1", "", "9", "2=1", "2=2", "1", "", "2 1", "", "v", "o", "", "1 2 1", "u", "3=2", "", "", "t", "s", "p",
        "p"]


def test_the_terminal_transcript_and_the_sheets_text_of_a_fixed_workshop(shipped, tmp_path, request):
    info = shipped.scenarios["atelier-teletravail"].info
    table = Table.start_new(tmp_path, info, shipped.pool(info), ["Accueil", "Les Bleus", "Direction"], 2,
                            shipped.aspect_labels(info), START, session_id="transcript")
    lines = itertools.chain(FEED, itertools.islice(itertools.cycle(["1 2 1", ""]), 400))
    said: list[str] = []
    ticks = itertools.count()

    def read(prompt: str) -> str:
        said.append(prompt)
        return next(lines)

    Console(table, read=read, write=said.append, clock=lambda: START + 25.0 * next(ticks)).run()
    assert table.over and table.sheet is not None
    update = request.config.getoption("--snapshot-update")
    transcript = [line.replace(str(tmp_path), "<dossier>") for text in said for line in text.split("\n")]
    compare_texts(transcript, "console-transcript", update)
    pages = PdfReader(table.sheet.pdf).pages
    sheet = [line for page in pages for line in page.extract_text().split("\n")]
    compare_texts(sheet, "sheet-text", update)
    assert any("sans réponse" in line for line in sheet)  # the team revealed without its answer
    assert Path(table.sheet.csv).read_text(encoding="utf-8-sig").count("sans réponse") >= 1
