"""The catalogues of sentences: every key in both languages with the same placeholders, compiled catalogues as
recent as their sources, every key the code asks for present, every character drawable in every font."""

from __future__ import annotations

import ast
import gettext
import io
import string
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo

import game
from game.fonts import undrawable
from game.wording.catalogue import DOMAIN, LANGUAGES, LOCALE, ntr, tr
from tests.catalogues import entries, source


def _blanks(text: str | tuple[str, ...]) -> set[str]:
    forms = text if isinstance(text, tuple) else (text,)
    return {name.split(".")[0].split("[")[0] for form in forms for _, name, _, _ in string.Formatter().parse(form)
            if name}


def differences(french: dict, english: dict) -> list[str]:
    """What one catalogue says that the other does not: a key alone, a sentence empty, a placeholder or a plural
    that differs."""
    found = [f"{key}: only in French" for key in french.keys() - english.keys()]
    found += [f"{key}: only in English" for key in english.keys() - french.keys()]
    for key in french.keys() & english.keys():
        fr, en = french[key], english[key]
        if isinstance(fr, tuple) != isinstance(en, tuple):
            found.append(f"{key}: a plural in one language only")
        elif not all(fr if isinstance(fr, tuple) else (fr,)) or not all(en if isinstance(en, tuple) else (en,)):
            found.append(f"{key}: an empty sentence")
        elif _blanks(fr) != _blanks(en):
            found.append(f"{key}: placeholders {sorted(_blanks(fr))} in French, {sorted(_blanks(en))} in English")
    return sorted(found)


def test_every_sentence_exists_in_both_languages_with_the_same_placeholders():
    assert len(entries("fr")) > 500
    assert differences(entries("fr"), entries("en")) == []


def test_a_sentence_in_one_language_only_fails_the_check():
    english = dict(entries("en"))
    english.pop("play.continue")
    english["home.minutes"] = "{target} min"
    assert differences(entries("fr"), english) == ["home.minutes: placeholders ['max', 'target'] in French, "
                                                   "['target'] in English", "play.continue: only in French"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalogue_is_its_source_compiled(lang):
    """Translators edit the .po; `pybabel compile -d game/wording/locale -D game` makes the .mo the game reads."""
    compiled = io.BytesIO()
    write_mo(compiled, source(lang))
    compiled.seek(0)
    with open(LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as shipped:
        assert gettext.GNUTranslations(compiled)._catalog == gettext.GNUTranslations(shipped)._catalog, \
            "run: pybabel compile -d game/wording/locale -D game"


def test_plurals_follow_each_language():
    assert [ntr("count.teams", n, lang="fr") for n in (0, 1, 2)] == ["0 équipe", "1 équipe", "2 équipes"]
    assert [ntr("count.teams", n, lang="en") for n in (0, 1, 2)] == ["0 teams", "1 team", "2 teams"]


ASKING = {"tr": 0, "ntr": 0, "say": 0, "say_near": 0, "template": 0, "refuse": 0, "has": 0}


def keys_asked() -> list[tuple[str, str]]:
    """Every key the program's code names as a plain string where it asks the catalogue for a sentence."""
    found = []
    root = Path(game.__file__).parent
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ASKING \
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.append((f"{path.relative_to(root)}:{node.lineno}", node.args[0].value))
    return found


def test_every_key_the_code_asks_for_is_in_the_catalogue():
    known = entries("fr")
    asked = keys_asked()
    assert len(asked) > 300
    assert [f"{where}: {key}" for where, key in asked if key not in known and f"{key}_near" not in known] == []


def test_every_character_of_both_catalogues_is_drawn_by_every_shipped_font():
    """The terminal's own sentences (`console.`, the simulation report's `sim.`) are drawn by the terminal's font."""
    for lang in LANGUAGES:
        text = "".join(" ".join(v) if isinstance(v, tuple) else v for k, v in entries(lang).items()
                       if not k.startswith(("console.", "sim.")))
        assert undrawable(text) == "", lang


def test_french_sentences_elide_with_the_typographic_apostrophe():
    """« Peu à l’aise », « C’est aussi » : one apostrophe across the French catalogue (it mixed 109 ' with 81 ’), as in
    the decks; a straight one is left only where it is not an elision (none today)."""
    import re

    straight = {key: value for key, value in entries("fr").items()
                if any(re.search(r"\w'\w", v) for v in (value if isinstance(value, tuple) else (value,)))}
    assert straight == {}


def test_the_kind_names_and_the_refusals_read_in_english():
    assert tr("kind.persona", lang="en") == "User" and tr("refusal.over", lang="en") == "the game is over"


SCREEN_ONLY = ("app.", "home.", "mode.", "setup.", "kind.", "preview.", "play.", "menu.", "confirm.", "access.",
               "choose.", "plans.", "debrief.",
               "error.", "end.", "result.winner", "result.ex_aequo",
               "result.everyone")


# Read elsewhere: the terminal (test_cli, the console transcript), the sheet (test_debrief), simulate; or only
# when something fails (a disk that refuses the sheet), which the table's tests cover.
NOT_ON_A_SNAPSHOT = {"play.side_overflow", "home.no_scenario", "error.resumed", "error.not_resumed", "end.sheet_failed", "result.ex_aequo", "setup.cards_written", "setup.cards_failed", "setup.name_refused", "home.sheets", "home.sheets_title", "home.sheet_written", "error.not_started", "refusal.not_saved", "end.cards", "end.time", "end.panorama", "end.interrupted"}


def test_every_sentence_the_screens_show_is_in_a_text_snapshot():
    """So that changing any wording on any screen fails a test (the text snapshots compare exactly)."""
    import re

    from tests.catalogues import for_players
    from tests.snapshot import SNAPSHOTS

    texts = "\n".join(p.read_text(encoding="utf-8") for p in SNAPSHOTS.glob("*.txt"))
    missing = []
    for key, sentence in for_players("fr").items():
        if key.startswith(SCREEN_ONLY) and key not in NOT_ON_A_SNAPSHOT:
            for form in dict.fromkeys(sentence.split(" | ")):  # each of a plural's forms
                parts = [re.escape(p) for p in re.split(r"\{[^}]*\}", form)]
                if not re.search(".*?".join(parts), texts, re.S):
                    missing.append(key)
    assert missing == []
