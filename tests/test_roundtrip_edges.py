"""The round trip and the imports at their edges, as a lab author met them: a path typed from inside decks/, a gauge
taken out of an effects cell, an option added or removed, Moodle's HTML on every piece, mixed encodings, a table
that is not a card table, a control character, and values the editor and validate must judge alike."""

from __future__ import annotations

import difflib

from openpyxl import load_workbook

from game.cli import main
from game.content.library import load_library
from tests.test_spreadsheets import _lab


def _diff(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_a_path_typed_from_inside_the_decks_folder_finds_the_scenarios_beside_it(capsys, tmp_path, monkeypatch):
    deck = _lab(tmp_path)
    monkeypatch.chdir(deck.parent)
    for command in (["validate", deck.name, "--no-layout"], ["validate", ".", "--no-layout"],
                    ["export-xlsx", deck.name]):
        assert main(command) == 0, (command, capsys.readouterr().err[-300:])
    monkeypatch.chdir(deck.parents[1] / "scenarios")
    assert main(["simulate", "--scenario", "lab.yaml", "--sessions", "1"]) == 0


def test_effects_and_options_edited_in_the_sheet_land_in_the_deck_with_their_comments(capsys, tmp_path):
    deck = _lab(tmp_path)
    text = deck.read_text(encoding="utf-8").replace("  - id: lp-002\n", "  # relue par Mme Dupont\n  - id: lp-002\n", 1)
    deck.write_text(text, encoding="utf-8")
    table = deck.with_suffix(".xlsx")
    assert main(["export-xlsx", str(deck)]) == 0
    book = load_workbook(table)
    sheet = book.active
    column = {c.value: n + 1 for n, c in enumerate(sheet[1])}
    effects = sheet.cell(2, column["Effets 1"]).value
    kept = effects.rsplit(",", 1)[0]  # one gauge taken out of the cell
    sheet.cell(2, column["Effets 1"]).value = kept
    book.save(table)
    capsys.readouterr()
    assert main(["import", str(table), "--into", str(deck)]) == 0
    after = deck.read_text(encoding="utf-8")
    assert len(_diff(text, after)) == 2 and "# relue par Mme Dupont" in after
    assert main(["import", str(table), "--into", str(deck)]) == 0  # the same again: nothing left to change
    assert "modifiées\u00a0: 0" in capsys.readouterr().out
    card = load_library([(deck, True)]).decks["lab-partenaires"].cards[0]
    assert len(card.options[0].effects) == len(effects.split(",")) - 1


def test_moodles_html_and_line_breaks_on_every_piece_of_a_question(tmp_path):
    bank = tmp_path / "m.gift"
    bank.write_text("::Q::[html]<p>Premier\\nrendez-vous ?</p>{\n=[html]<p>Deux mois</p>#[html]<p>Oui.</p>\n"
                    "~[html]<p>Un an</p>\n####[html]<p>Le délai\\ncourt.</p>\n}\n", encoding="utf-8")
    out = tmp_path / "m.yaml"
    assert main(["import", str(bank), "--deck", "m", "--out", str(out)]) == 0
    card = load_library([(out, True)]).decks["m"].cards[0]
    assert card.prompt == "Premier\nrendez-vous ?" and [a.text for a in card.answers] == ["Deux mois", "Un an"]
    assert card.explanation == "Le délai\ncourt."


def test_a_file_begun_in_utf8_and_continued_in_windows_1252_is_read_right(capsys, tmp_path):
    bank = tmp_path / "m.gift"
    bank.write_bytes(b"\xef\xbb\xbf::Q::O\xc3\xb9 ? {\n=L\xe0\n~Ici\n}\n")  # a line pasted from Excel's CSV
    out = tmp_path / "m.yaml"
    assert main(["import", str(bank), "--deck", "m", "--out", str(out)]) == 0
    card = load_library([(out, True)]).decks["m"].cards[0]
    assert card.prompt == "Où ?" and card.answers[0].text == "Là"
    assert "Windows-1252" in capsys.readouterr().err


def test_a_table_of_something_else_and_a_control_character_are_one_sentence_each(capsys, tmp_path):
    wide = tmp_path / "wide.csv"
    wide.write_text(";".join(f"Col{n}" for n in range(300)) + "\n" + ";".join("x" for _ in range(300)) + "\n",
                    encoding="utf-8")
    assert main(["import", str(wide), "--deck", "w", "--out", str(tmp_path / "w.yaml")]) == 1
    assert len(capsys.readouterr().err.splitlines()) == 2
    nul = tmp_path / "nul.csv"
    nul.write_text("Énoncé;Réponse 1;Réponse 2;Bonnes réponses\nQ\x00 ?;a;b;1\nVrai ?;Oui;Non;1\n", encoding="utf-8")
    assert main(["import", str(nul), "--deck", "n", "--out", str(tmp_path / "n.yaml")]) == 3
    err = capsys.readouterr().err.replace("\u00a0", " ")
    assert f"{nul}:2: un caractère de contrôle" in err and "« Énoncé »" in err


def test_validate_refuses_a_flag_or_a_number_written_as_text_as_the_editor_does(capsys, tmp_path):
    from tests.test_content_errors import DECK

    for wrong in ("correct: yes", "correct: 1", "difficulty: '2'"):
        deck = tmp_path / "deck.yaml"
        deck.write_text(DECK.replace("correct: true", wrong if wrong.startswith("correct") else "correct: true", 1)
                        .replace("    prompt:", f"    {wrong}\n    prompt:" if wrong.startswith("difficulty")
                                 else "    prompt:", 1), encoding="utf-8")
        assert main(["validate", str(deck), "--no-layout"]) == 1, wrong
        capsys.readouterr()


def test_new_rows_are_numbered_by_kind_a_refused_row_keeps_its_card_and_into_with_out_is_refused(capsys, tmp_path):
    deck = _lab(tmp_path)
    table = deck.with_suffix(".xlsx")
    assert main(["export-xlsx", str(deck)]) == 0
    book = load_workbook(table)
    sheet = book.active
    column = {c.value: n + 1 for n, c in enumerate(sheet[1])}
    kinds = [sheet.cell(r, column["Type"]).value for r in range(2, sheet.max_row + 1)]
    event_row = kinds.index("événement") + 2
    new = sheet.max_row + 1
    for n in range(1, sheet.max_column + 1):  # a new event, copied from one, its id left empty
        sheet.cell(new, n).value = sheet.cell(event_row, n).value
    sheet.cell(new, column["Identifiant"]).value = None
    sheet.cell(2, column["Note 1"]).value = "excellente"  # this row is refused: its card stays as it was
    book.save(table)
    capsys.readouterr()
    assert main(["import", str(table), "--into", str(deck)]) == 3
    out = capsys.readouterr().out.replace("\u00a0", " ")
    assert "ajoutées : 1 (lev-009)" in out and "gardées telles quelles, absentes du fichier importé : 0" in out
    assert main(["import", str(table), "--into", str(deck), "--out", str(tmp_path / "autre.yaml")]) == 2


def test_a_quote_left_open_in_a_brace_or_one_too_many_in_a_text_is_shown_where_it_is(capsys, tmp_path):
    from tests.test_content_errors import DECK

    for broken, marker in ((DECK.replace("{text: Faux}", '{text: "Faux}', 1), "Faux"),
                           (DECK.replace('prompt: "Vrai ?"', 'prompt: "Il dit : "vrai" ?"', 1), "Il dit")):
        deck = tmp_path / "deck.yaml"
        deck.write_text(broken, encoding="utf-8")
        assert main(["validate", str(deck), "--no-layout"]) == 1
        first = capsys.readouterr().err.splitlines()[0]
        where = next(n for n, text in enumerate(broken.splitlines(), start=1) if marker in text)
        assert f"deck.yaml:{where}:" in first and "guillemet ouvert ici" in first, first


def test_a_facilitators_note_goes_to_its_column_and_an_edit_of_it_comes_back(capsys, tmp_path):
    deck = _lab(tmp_path)
    text = deck.read_text(encoding="utf-8").replace(
        "  - id: lp-002\n", "  - id: lp-002\n    notes: \"Relancer sur l’accord du partenaire.\"\n", 1)
    deck.write_text(text, encoding="utf-8")
    table = deck.with_suffix(".xlsx")
    assert main(["export-xlsx", str(deck)]) == 0
    book = load_workbook(table)
    sheet = book.active
    column = {c.value: n + 1 for n, c in enumerate(sheet[1])}
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, column["Identifiant"]).value == "lp-002")
    assert sheet.cell(row, column["Notes pour l’animateur"]).value == "Relancer sur l’accord du partenaire."
    sheet.cell(row, column["Notes pour l’animateur"]).value = "Demander un exemple vécu."
    book.save(table)
    assert main(["import", str(table), "--into", str(deck)]) == 0, capsys.readouterr().err
    card = next(c for c in load_library([(deck, True)]).decks["lab-partenaires"].cards if c.id == "lp-002")
    assert card.notes == "Demander un exemple vécu."
