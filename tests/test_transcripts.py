"""One fixed workshop, played at the terminal, compared word for word with its stored transcript, and its sheet's
text with the stored text: any change to what the terminal says or the sheet prints shows up here (accept a
wanted change with pytest --snapshot-update, after reading the difference)."""

from __future__ import annotations

import itertools
from pathlib import Path

from pypdf import PdfReader

from game.console import Console
from game.debrief.ending import sheet_at_end
from game.table.table import Table
from tests.snapshot import compare_texts

START = 1_800_000_000.0  # a fixed moment: the same file names and the same date on the sheet

# Three teams; the first card entered in pieces (a reveal refused, a number out of range, a correction), the second
# revealed without team 3, the third undone after its reveal and team 3 corrected, five more minutes, a skip, a
# pause, then every card "1 2 1".
FEED = ["1", "", "9", "2=1", "2=2", "1", "", "2 1", "", "v", "o", "", "1 2 1", "u", "3=2", "", "", "t", "s", "p",
        "p"]


def at_the_terminal(table: Table, feed: list[str]) -> list[str]:
    """Play `table` at the terminal: the lines of `feed`, then every card "1 2 1", on a clock 25 s a line; what the
    terminal wrote and asked, in order."""
    lines = itertools.chain(feed, itertools.islice(itertools.cycle(["1 2 1", ""]), 400))
    said: list[str] = []
    ticks = itertools.count()

    def read(prompt: str) -> str:
        said.append(prompt)
        return next(lines)

    Console(table, read=read, write=said.append, clock=lambda: START + 25.0 * next(ticks)).run()
    return said


def test_the_terminal_transcript_and_the_sheets_text_of_a_fixed_workshop(shipped, tmp_path, request):
    info = shipped.scenarios["atelier-teletravail"].info
    table = Table.start_new(tmp_path, info, shipped.pool(info), ["Accueil", "Les Bleus", "Direction"], 2,
                            shipped.aspect_labels(info), START, session_id="transcript", at_end=sheet_at_end)
    said = at_the_terminal(table, FEED)
    assert table.over and table.sheet is not None
    update = request.config.getoption("--snapshot-update")
    transcript = [line.replace(str(tmp_path), "<dossier>") for text in said for line in text.split("\n")]
    compare_texts(transcript, "console-transcript", update)
    pages = PdfReader(table.sheet.pdf).pages
    sheet = [line for page in pages for line in page.extract_text().split("\n")]
    compare_texts(sheet, "sheet-text", update)
    assert any("sans réponse" in line for line in sheet)  # the team revealed without its answer
    assert Path(table.sheet.csv).read_text(encoding="utf-8-sig").count("sans réponse") >= 1


def _played(shipped, folder: Path, scenario_id: str, teams: list[str], answering: str, strategy: str, seed: int,
            stop_at_step: int = 0) -> Table:
    """A session played by a bot on a fixed clock; ended by the facilitator when a parcours reaches that step."""
    import random

    from game.engine.vocabulary import Action, ActionType
    from game.present.bots import choose

    info = shipped.scenarios[scenario_id].info
    table = Table.start_new(folder, info, shipped.pool(info), teams, seed, shipped.aspect_labels(info), START,
                            session_id=scenario_id[:8], answering=answering, at_end=sheet_at_end)
    rng, t = random.Random(seed), START
    while not table.over:
        t += 35.0
        view = table.view()
        stop = stop_at_step and view.step_number == stop_at_step
        table.act(Action(ActionType.END) if stop else choose(table, strategy, rng), t)
    return table


def _sheet_and_csv(table: Table, name: str, update: bool) -> list[str]:
    sheet = [line for page in PdfReader(table.sheet.pdf).pages for line in page.extract_text().split("\n")]
    compare_texts(sheet, f"sheet-{name}", update)
    compare_texts(table.sheet.csv.read_text(encoding="utf-8-sig").splitlines(), f"csv-{name}", update)
    return sheet


def test_the_sheet_and_csv_of_a_parcours_workshop_ended_mid_parcours(shipped, tmp_path, request):
    """Every team answering a gauges scenario: parcours steps with the room's split, questions, a debate, an
    event, gauges; the trainer ends it in the middle of a parcours, which the sheet shows unfinished."""
    table = _played(shipped, tmp_path, "premiers-pas-administratifs", ["Accueil", "Les Bleus", "Direction"], "all",
                    "best", 3, stop_at_step=2)
    sheet = _sheet_and_csv(table, "parcours", request.config.getoption("--snapshot-update"))
    assert any("parcours interrompu" in line for line in sheet)


def test_the_sheet_and_csv_of_teams_in_turn_completing_their_panoramas(shipped, tmp_path, request):
    """Two teams in turn on the telework workshop, always right: both panoramas complete in the same round, with
    the minute, and answers of several choices are numbered « 1+3 »."""
    table = _played(shipped, tmp_path, "atelier-teletravail", ["Accueil", "Les Bleus"], "rotation", "best", 5)
    sheet = _sheet_and_csv(table, "rotation", request.config.getoption("--snapshot-update"))
    assert "Toutes les équipes gagnent, ex æquo" in sheet and sum("complet à" in line for line in sheet) == 2
