"""The debriefing sheet and the CSV, made from session logs alone, read back as a user would."""

from __future__ import annotations

import csv
import json
import logging
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from game.cli import main
from game.debrief.ending import sheet_of
from game.engine.vocabulary import Action
from game.simulate import play_session
from game.table.table import Table
from game.wording.players import team_names
from tests.conftest import card, question, scenario, start_of

START = 1795424400.0  # 23 November 2026, 09:00 UTC


def write_log(table: Table, path: Path) -> Path:
    """The log a session played in memory would have written, dated on the morning of START."""
    events = [table.start.to_json(), *table.session.events]
    lines = [json.dumps({**e, "t": START + e["t"]}, ensure_ascii=False) for e in events]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_debrief(log: Path):
    return sheet_of(Table.read(log))


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " "))


def csv_rows(table: Table) -> int:
    """One row per card, or one per team and card when every team answers."""
    every = table.facts().every_team
    return sum(len(p.verdicts) if every and p.verdicts else 1 for p in table.history())


@pytest.fixture(scope="module")
def sheets(shipped, tmp_path_factory):
    """A random session of every shipped scenario, logged, then turned into its sheet."""
    folder = tmp_path_factory.mktemp("sheets")
    made = {}
    for scenario_id, loaded in shipped.scenarios.items():
        info = loaded.info
        table = play_session(info, shipped.pool(info), shipped.aspect_labels(info), team_names(info, None), 3, "random")
        made[scenario_id] = (table, write_debrief(write_log(table, folder / f"{scenario_id}.jsonl")))
    return made


def test_every_card_played_is_on_the_sheet(sheets):
    for scenario_id, (table, written) in sheets.items():
        text = flat(pdf_text(written.pdf))
        facts = table.facts()
        assert flat(facts.title) in text
        for name in facts.teams:
            if not facts.solo:
                assert name in text
        for play in table.history():
            c = play.card
            shown = play.step.prompt if play.step else f"{c.situation}" if c.kind == "persona" else c.prompt
            assert flat(shown)[:60] in text, (scenario_id, c.id)


def test_twenty_minute_sessions_fit_in_two_to_four_pages(sheets):
    for scenario_id in ("atelier-teletravail", "maison-de-region-partenaires", "accueil-france-services"):
        pages = len(PdfReader(sheets[scenario_id][1].pdf).pages)
        assert 2 <= pages <= 4, (scenario_id, pages)


def test_the_font_is_embedded_and_metadata_set(sheets):
    reader = PdfReader(sheets["atelier-teletravail"][1].pdf)
    fonts = {str(f["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("AtkinsonPapier" in f for f in fonts)  # the plain zero's face (see the next test)
    assert reader.metadata.title == "Bilan de séance — Atelier télétravail"
    assert reader.metadata.creator.startswith("Atelier service public")
    assert str(reader.trailer["/Root"]["/Lang"]) == "fr"


def test_french_characters_survive_and_no_glyph_is_missing(tmp_path, caplog):
    cards = [
        question("fr-1", "a", correct=(0,)),
        card({"id": "fr-3", "kind": "debate", "aspect": "a", "prompt": "Débat « ouvert »"}),
        card({"id": "fr-2", "kind": "question", "aspect": "a",
              "prompt": "Le cœur de l’été : « ça » est-il à Noël\u202f? – oui… ou non",
              "answers": [{"text": "Œuvre ê î ô û ë ï ü ÿ", "correct": True}, {"text": "Ç É È À"}],
              "explanation": "Ligne d’explication œ æ", "source": "Décret n°\u00a02016-151"}),
    ]
    table = Table.unlogged(start_of(scenario(), cards, ["Équipe Été", "Équipe Œil"]))
    for t, action in enumerate([Action("answer", (1,)), Action("next"), Action("note", text="À reprendre : l’isolement"),
                                Action("next"), Action("answer", (1,)), Action("next")], start=1):
        assert table.act(action, t * 30) is None
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        written = write_debrief(write_log(table, tmp_path / "fr.jsonl"))
    assert not [r for r in caplog.records if "missing" in r.getMessage()]
    text = flat(pdf_text(written.pdf))
    for sample in ("Le cœur de l’été : « ça » est-il à Noël ? – oui… ou non", "Œuvre ê î ô û ë ï ü ÿ",
                   "Équipe Œil", "À reprendre : l’isolement", "Débat « ouvert »", "Décret n° 2016-151"):
        assert sample in text, sample
    assert "Réponse : Ç É È À — faux" in text and "Bonne réponse : Œuvre" in text
    assert "0 réponse réussie sur 2." in text  # the count agrees with its number; « réussie »: persona cards too
    rows = list(csv.reader(written.csv.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    debate = next(row for row in rows if row[5] == "fr-3")  # the debate's text and its note, in the CSV too
    assert debate[8] == "Débat « ouvert »" and debate[15] == "À reprendre : l’isolement"


def test_the_csv_has_one_row_per_card_and_opens_in_french_excel(sheets):
    table, written = sheets["maison-de-region-partenaires"]
    raw = written.csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["session", "date", "scénario", "équipe", "ordre", "carte", "type", "aspect", "texte", "réponse",
                       "résultat", "jauges", "secondes", "étape", "issue", "note", "panorama de l’équipe"]
    assert len(rows) - 1 == csv_rows(table)
    first = rows[1]
    play = table.history()[0]
    assert first[2] == "maison-de-region-partenaires" and first[5] == play.card.id
    assert first[1].startswith("2026-11-23")
    assert first[8] == written.report.cards[0].prompt  # the card's text, as the sheet words it
    assert all(len(row) == 17 and row[13:15] == ["", ""] for row in rows[1:])  # no parcours here
    panoramas = {t.name: " ; ".join(t.panorama) for t in written.report.team_lines}
    assert all(row[16] == panoramas.get(row[3], "") for row in rows[1:])  # the panorama the team ended with
    notes = [card.note for card in written.report.cards if card.note]
    assert [row[15] for row in rows[1:] if row[15]] == notes  # the facilitator's notes of the debates


def test_when_every_team_answers_the_sheet_shows_each_teams_answers_and_aspects(sheets):
    table, written = sheets["atelier-teletravail"]
    facts, plays = table.facts(), table.history()
    assert facts.every_team and len(facts.teams) >= 2
    text = flat(pdf_text(written.pdf))
    assert "Réussite par équipe et par aspect" in text and "Les réponses des équipes" in text
    for play in plays:
        if not play.verdicts:
            continue
        right = [v.name for v in play.verdicts if v.success]
        wrong = [v.name for v in play.verdicts if not v.success]
        said = ([f"juste : {', '.join(right)}"] if right else []) + ([f"faux : {', '.join(wrong)}"] if wrong else [])
        assert "Équipes — " + " · ".join(said) in text, play.number
    report = written.report
    for team, rates in enumerate(report.team_rates):
        answered = [v for p in plays for v in p.verdicts if v.team == team and p.aspect_label in report.panorama]
        assert sum(r.answered for r in rates.rates) == len(answered)
        assert sum(r.right for r in rates.rates) == sum(v.success for v in answered)
        assert [r.label for r in rates.rates if r.right] == report.team_lines[team].panorama
    rows = list(csv.reader(written.csv.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))[1:]
    first = next(p for p in plays if p.verdicts)
    assert [r[3] for r in rows if r[4] == str(first.number)] == list(facts.teams)


def test_debrief_command_rewrites_sheets_and_merges_csv(sheets, tmp_path, capsys):
    logs = [str(written.log) for _, written in sheets.values()]
    assert main(["debrief", *logs, "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("Bilan : ") == len(logs) and "Tableau de toutes les sessions" in out
    merged = list(csv.reader((tmp_path / "sessions.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert len(merged) - 1 == sum(csv_rows(t) for t, _ in sheets.values())
    assert len(list(tmp_path.glob("*.pdf"))) == len(logs) and len(list(tmp_path.glob("*.jsonl"))) == len(logs)


def test_debrief_of_a_missing_log_is_a_plain_error(tmp_path, capsys):
    assert main(["debrief", str(tmp_path / "absent.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("erreur : ") and "introuvable" in err and "Traceback" not in err


def test_a_team_name_a_spreadsheet_would_run_stays_text_in_the_csv(shipped, tmp_path):
    info = shipped.scenarios["atelier-teletravail"].info
    names = ['=HYPERLINK("x")', "@SUM(A1)", "-2+3", "Équipe 4"]  # what the setup screen lets one type
    table = play_session(info, shipped.pool(info), shipped.aspect_labels(info), names, 3, "random")
    written = write_debrief(write_log(table, tmp_path / "s.jsonl"))
    rows = list(csv.reader(written.csv.read_bytes().decode("utf-8-sig").splitlines(), delimiter=";"))
    teams = {row[3] for row in rows[1:]} - {""}  # debates: no team
    assert teams == {"'=HYPERLINK(\"x\")", "'@SUM(A1)", "'-2+3", "Équipe 4"}
    assert all(row[12].isdigit() for row in rows[1:])  # numbers stay numbers


def test_a_character_the_fonts_lack_shows_as_a_question_mark_on_the_sheet(shipped, tmp_path):
    """A log from elsewhere may hold any character; fpdf2 would drop it silently, the sheet shows "?"."""
    info = shipped.scenarios["atelier-teletravail"].info
    table = play_session(info, shipped.pool(info), shipped.aspect_labels(info), ["Équipe 1", "Équipe 2"], 3, "best")
    path = write_log(table, tmp_path / "s.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    start = json.loads(lines[0])
    start["cards"][0]["prompt"] = "Télétravail 😀 et ⳙ : vrai ou faux ?"
    path.write_text("\n".join([json.dumps(start, ensure_ascii=False)] + lines[1:]) + "\n", encoding="utf-8")
    written = write_debrief(path)
    assert "Télétravail ? et ? : vrai ou faux ?" in pdf_text(written.pdf).replace("\n", " ")


def test_the_sheet_prints_a_plain_zero_where_the_screen_slashes_it():
    """Atkinson Hyperlegible slashes its zero, which reads well on a screen but prints dates as « Ø3/12/2Ø26 »: the
    sheet embeds Atkinson Papier (as the test above reads), the same letters with a zero of one counter (two
    contours, not three)."""
    from fontTools.ttLib import TTFont

    from game.fonts import font_path

    def contours(family: str, style: str) -> int:
        font = TTFont(str(font_path(family, style)))
        return font["glyf"]["zero"].numberOfContours

    assert [contours("atkinson", s) for s in ("regular", "bold")] == [3, 3]  # the screen's: a slash across
    assert [contours("paper", s) for s in ("regular", "bold", "italic", "bolditalic")] == [2, 2, 2, 2]
