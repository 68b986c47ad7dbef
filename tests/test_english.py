"""English, the second language: chosen on the home screen or with --lang en, it speaks on screen, in the
terminal and on the sheet (the cards stay in their deck's language). Each is compared with a stored text and,
on screen, a stored picture."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from game.debrief.ending import sheet_at_end
from game.table.table import Table
from game.wording.catalogue import language, use
from tests.catalogues import french_fragments
from tests.snapshot import compare_texts
from tests.test_transcripts import FEED, START, at_the_terminal


def left_in_french(lines: list[str]) -> list[str]:
    """The French interface sentences (not the cards' own texts) found in `lines`."""
    text = "\n".join(lines)
    return sorted(piece for piece in french_fragments() if piece in text)


def _english_workshop(shipped, folder: Path) -> tuple[Table, list[str]]:
    info = shipped.scenarios["atelier-teletravail"].info
    table = Table.start_new(folder, info, shipped.pool(info), ["Accueil", "Les Bleus", "Direction"], 2,
                            shipped.aspect_labels(info), START, session_id="transcript", at_end=sheet_at_end)
    said = at_the_terminal(table, ["y" if line == "o" else line for line in FEED])
    return table, [line.replace(str(folder), "<folder>") for text in said for line in text.split("\n")]


def test_the_same_workshop_in_english_at_the_terminal_and_on_its_sheet(shipped, tmp_path, request):
    use("en")
    table, transcript = _english_workshop(shipped, tmp_path)
    assert table.over and table.sheet is not None
    update = request.config.getoption("--snapshot-update")
    compare_texts(transcript, "en-console-transcript", update)
    sheet = [line for page in PdfReader(table.sheet.pdf).pages for line in page.extract_text().split("\n")]
    compare_texts(sheet, "en-sheet-text", update)
    assert "Session debriefing" in sheet[0] and any(line.startswith("Teams: ") for line in sheet)
    csv = table.sheet.csv.read_text(encoding="utf-8-sig").splitlines()
    assert csv[0].startswith("session;date;scenario;team;order;card;kind;aspect;text;answer;result")
    assert "no answer" in "\n".join(csv)
    assert left_in_french(transcript) == [] and left_in_french(sheet) == [] and left_in_french(csv) == []


def test_the_home_screen_switches_to_english_and_keeps_the_choice(shipped, tmp_path):
    from game.content.summary import scenario_summaries
    from game.paths import shipped_scenarios
    from game.ui.app import App
    from game.ui.scenes import SCENES
    from game.ui.scenes.home import HomeScene
    from tests.ui_support import Clock, render

    settings = tmp_path / "affichage.json"
    app = App(shipped, tmp_path / "sessions", settings_path=settings, fast=True, clock=Clock(), scenes=SCENES)
    home = app.push(HomeScene(app, scenario_summaries(shipped_scenarios())))
    home.choose("language")
    render(app)
    assert language() == "en" and home.title == "Public service workshop"
    assert json.loads(settings.read_text())["language"] == "en"
    assert [c.label for c in home.buttons.choices][-3:] == ["Français", "Accessibility", "Quit"]
    app.pop_all()
    again = App(shipped, tmp_path / "sessions", settings_path=settings, fast=True, clock=Clock(), scenes=SCENES)
    assert language() == "en"  # the next launch speaks English at once
    forced = App(shipped, tmp_path / "sessions", settings_path=settings, fast=True, clock=Clock(), language="fr", scenes=SCENES)
    assert language() == "fr" and forced.settings.language == "fr" and again.settings.language == "en"


def test_lang_en_on_any_command_speaks_english(tmp_path):
    run = subprocess.run([sys.executable, "-m", "game", "play", "--console", "--lang", "en", "--out", str(tmp_path),
                          "--seed", "1"], input="f\ny\n", capture_output=True, text=True, timeout=120,
                         env={"SDL_VIDEODRIVER": "dummy", "PATH": "", "HOME": str(tmp_path)}, cwd=Path(__file__).parents[1])
    assert run.returncode == 0, run.stderr
    assert "Card 1/" in run.stdout and "End of the game: stopped before the end." in run.stdout
    assert "Debriefing sheet (to print):" in run.stdout
    missing = subprocess.run([sys.executable, "-m", "game", "resume", str(tmp_path / "none.jsonl"), "--lang", "en"],
                             capture_output=True, text=True, timeout=60, cwd=Path(__file__).parents[1],
                             env={"SDL_VIDEODRIVER": "dummy", "PATH": "", "HOME": str(tmp_path)})
    assert missing.returncode == 2 and "session log not found" in missing.stderr


def test_validate_in_english_stays_in_english_while_it_measures_texts_on_screen(tmp_path, monkeypatch, capsys):
    """The fit check opens a window of its own: it must not take the reader's saved language (French) with it."""
    from game.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # nothing measured yet: the window opens
    assert main(["new", "deck", "Mon deck", "--dir", str(tmp_path), "--lang", "en"]) == 0
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "mon-deck.yaml"), "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("OK: 1 file checked, 1 deck (") and left_in_french(said.splitlines()) == []
