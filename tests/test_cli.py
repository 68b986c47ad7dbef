"""The commands as a user types them: validate, simulate, play and resume in the terminal."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys

import pytest

from game.cli import main
from game.paths import shipped_decks
from tests.test_content_errors import DECK, SCENARIO


def plain(text: str) -> str:
    """French typography’s no-break spaces (before « : », « ? »...) read as plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, plain(out.out), plain(out.err)


def test_validate_passes_on_what_ships(capsys):
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert out.startswith("OK : ") and "7 scénarios." in out


def test_a_lab_scenario_and_deck_checked_together_and_with_decks_folders(capsys, write):
    deck = write("lab/decks/essai.yaml", DECK + '''\
  - id: es-002
    kind: event
    aspect: a1
    prompt: "Il pleut."
    effects: {moral: -1}
''')
    scenario = write("lab/essai-jauges.yaml", SCENARIO)
    assert run(capsys, "validate", str(scenario), str(deck))[0] == 0
    assert run(capsys, "validate", str(scenario), "--decks", str(deck.parent))[0] == 0
    code, _, err = run(capsys, "validate", str(scenario))
    assert code == 1 and "aucun deck « essai » n’est chargé" in err
    # a lab scenario may also draw from the shipped decks
    shipped = write("lab/mixte.yaml", SCENARIO.replace("[essai]", "[essai, teletravail]").replace("essai-jauges", "mixte")
                    .replace("win: gauges", "win: points").split("  gauges:")[0])
    code, _, err = run(capsys, "validate", str(shipped), "--decks", str(deck.parent))
    # its neighbour essai-jauges.yaml defines `moral`, but mixte, which draws the card, does not
    assert code == 1 and "la jauge « moral » n’existe pas dans le scénario « mixte » qui tire cette carte" in err


def test_simulate_is_the_same_byte_for_byte_for_a_seed(capsys):
    first = run(capsys, "simulate", "--seed", "7")[1]
    assert first == run(capsys, "simulate", "--seed", "7")[1]
    assert first != run(capsys, "simulate", "--seed", "8")[1]
    assert first.startswith("Scénario : Atelier télétravail (atelier-teletravail), graine 7, stratégie random")
    assert "Résultat : " in first and "Durée simulée : " in first
    again = subprocess.run([sys.executable, "-m", "game", "simulate", "--seed", "7"], capture_output=True, text=True)
    assert plain(again.stdout) == first


def test_simulate_many_sessions_gives_rates(capsys):
    code, out, _ = run(capsys, "simulate", "--scenario", "accueil-france-services", "--sessions", "50",
                       "--strategy", "best")
    assert code == 0
    assert "50 sessions (graines 1 à 50)" in out
    best = float(re.search(r"Taux de victoire : ([\d,]+) %", out).group(1).replace(",", "."))
    worst_out = run(capsys, "simulate", "--scenario", "accueil-france-services", "--sessions", "50", "--strategy", "worst")[1]
    assert best >= 90 and "Taux de victoire : 0,0 %" in worst_out
    assert re.search(r"^  us-001 +\d+ +\d+  100,0 %$", out, re.M)  # the best bot always takes the best option
    assert not re.search(r"\d\.\d", out + worst_out)  # French decimals, « 38,3 % », everywhere in the report


PERSONA = """\
  - id: es-{n:03d}
    kind: persona
    aspect: a1
    name: "Léa"
    age: 19
    situation: "Cherche un emploi."
    need: "Un CV."
    options:
      - {{text: "Orienter", rating: best, feedback: "Bien.", effects: {{moral: {up}}}}}
      - {{text: "Accompagner", rating: {second}, feedback: "Bien aussi.", effects: {{moral: -1}}}}
"""


def test_simulate_is_a_balancing_report(capsys, write):
    """Gauges' spread and the thresholds that ended sessions, aspects per team, a missed target duration, and a
    card every answer gets right, all from one batch."""
    cards = "".join(PERSONA.format(n=n, up=2, second="poor") for n in range(2, 12))
    cards += PERSONA.format(n=12, up=1, second="best")  # both options best: nothing to learn
    write("lab/essai.yaml", DECK + cards)
    scenario = write("lab/s.yaml", SCENARIO.replace("mode: solo", "mode: solo\n  minutes: {target: 30, max: 40}")
                     .replace("lose_below: 1}", "lose_below: 3}"))
    code, out, _ = run(capsys, "simulate", "--scenario", str(scenario), "--sessions", "200")
    assert code == 0
    ends = re.search(r"une jauge a franchi son seuil ([\d,]+) %", out).group(1)
    gauge = re.search(r"^  Moral : (\d+), (\d+), (\d+) \(départ 5 ; perdu sous 3, a fini (\d+) sessions? "
                      r"\(([\d,]+) %\)\)$", out, re.M)
    low, median, high, crossed, share = gauge.groups()
    assert share == ends and int(crossed) == round(float(ends.replace(",", ".")) * 2)  # 200 sessions
    assert int(low) < 3 <= int(median) <= int(high)
    assert re.search(r"⚠ durée visée manquée : les sessions jouées jusqu’au bout durent [\d,]+ min \(médiane\), à "
                     r"plus de 10 % de la durée visée \(30 min\)", out)
    assert re.search(r"^  Solo +100,0 %$", out, re.M) and "Panorama" not in out  # aspects answered, per team
    assert re.search(r"^  es-012 .*100,0 %  ⚠ toujours réussie$", out, re.M)
    assert "jamais réussie" not in out and out.count("⚠ toujours réussie") == 1  # half right at random: no flag


def test_simulate_takes_a_scenario_file_and_deck_folders(capsys, write):
    deck = write("lab/decks/essai.yaml", DECK)
    scenario = write("lab/s.yaml", SCENARIO.replace("win: gauges", "win: panorama").split("  gauges:")[0])
    code, out, _ = run(capsys, "simulate", "--scenario", str(scenario), "--decks", str(deck.parent))
    assert code == 0 and "es-001" in out


def test_user_mistakes_are_plain_sentences(capsys, tmp_path):
    code, _, err = run(capsys, "simulate", "--scenario", "inexistant")
    assert code == 2 and err.startswith("erreur : scénario « inexistant » inconnu (scénarios disponibles : ")
    code, _, err = run(capsys, "simulate", "--scenario", str(tmp_path / "absent.yaml"))
    assert code == 2 and "fichier de scénario introuvable" in err
    code, _, err = run(capsys, "play", "--teams", "9", "--sessions-dir", str(tmp_path))
    assert code == 2 and "de 2 à 6 équipes, pas 9" in err
    code, _, err = run(capsys, "resume", "--sessions-dir", str(tmp_path))
    assert code == 2 and "aucune session interrompue" in err
    for teams in ("0", "7", "-1"):  # simulate refuses what the scenario does not play, like play
        code, _, err = run(capsys, "simulate", "--teams", teams)
        assert code == 2 and f"de 2 à 6 équipes, pas {teams}" in err
    empty = tmp_path / "vide"
    empty.mkdir()
    code, _, err = run(capsys, "validate", str(empty))
    assert code == 2 and "aucun fichier YAML à vérifier" in err
    in_the_way = tmp_path / "bilans"
    in_the_way.write_text("", encoding="utf-8")
    for command in (["play", "--console"], ["debrief", str(tmp_path / "s.jsonl")]):
        with pytest.raises(SystemExit) as stop:
            main([*command, "--out", str(in_the_way)])
        assert stop.value.code == 2 and "bilans est un fichier, pas un dossier" in capsys.readouterr().err


def keyboard(lines, limit=2000, answer="1"):
    """A user at the keyboard: the given lines, then `answer` and Enter in turn; the plug is pulled after `limit`."""
    feed = itertools.chain(lines, itertools.islice(itertools.cycle([answer, ""]), limit))

    def read(prompt: str) -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None
    return read


def test_keyboard_alone_plays_a_whole_session(capsys, monkeypatch, tmp_path):
    """The default workshop: every team answers every question, typed in team order on one line; the first card
    entered in pieces, with a reveal refused for the missing teams, a number out of range and a correction."""
    first = ["1", "", "9", "2=1", "2=2", "1", ""]
    monkeypatch.setattr("builtins.input", keyboard(first, answer="1 2 1"))
    code, out, _ = run(capsys, "play", "--console", "--sessions-dir", str(tmp_path), "--seed", "2", "--teams", "3")
    assert code == 0
    assert "Fin de la partie : " in out and "Résultat : " in out
    assert "Réponses : Équipe 1 = 1 · Équipe 2 = … · Équipe 3 = …" in out  # the lone "1": team 1's answer
    assert "Impossible : il manque la réponse des équipes 2 et 3." in out  # Enter too early reveals nothing
    assert ": pas de choix 9 sur cette carte : tapez un numéro de 1 à " in out  # said with its team
    assert "Réponses : Équipe 1 = 1 · Équipe 2 = 1 · Équipe 3 = …" in out
    assert "  Équipe 2 : 2 — " in out  # each team’s verdict at the reveal
    [log] = tmp_path.glob("*-atelier-teletravail-*.jsonl")
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert events[0]["teams"] == ["Équipe 1", "Équipe 2", "Équipe 3"] and events[0]["scenario"]["answering"] == "all"
    assert events[0]["panorama"] == ["reglementaire", "organisationnel", "managerial", "technique", "societal"]
    entered = [(e["team"], e["choices"]) for e in events if e["type"] == "enter"]
    assert entered[:4] == [(0, [0]), (1, [0]), (1, [1]), (2, [0])]
    assert len(entered) > 10 and entered[4:] == [(0, [0]), (1, [1]), (2, [0])] * ((len(entered) - 4) // 3)
    assert not any(e["type"] == "answer" for e in events)  # every entry is its own move
    assert {"enter", "reveal", "next"} <= {e["type"] for e in events}
    assert f"Bilan de la séance (à imprimer) : {log.with_suffix('.pdf')}" in out
    assert log.with_suffix(".pdf").stat().st_size > 10_000 and log.with_suffix(".csv").is_file()


def test_an_interrupted_session_resumes_where_it_stopped(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr("builtins.input", keyboard(["2", "", "p"], limit=0))
    code, out, _ = run(capsys, "play", "--console", "--scenario", "accueil-france-services", "--sessions-dir",
                       str(tmp_path), "--seed", "1")
    assert code == 0 and "Session interrompue et enregistrée" in out
    monkeypatch.setattr("builtins.input", keyboard(["p"]))
    code, out, _ = run(capsys, "resume", "--console", "--sessions-dir", str(tmp_path))
    assert code == 0 and "Reprise de la session" in out and "Fin de la partie" in out
    [log] = tmp_path.glob("*.jsonl")
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    types = [e["type"] for e in events if not e.get("auto")]
    assert types[:6] == ["start", "enter", "reveal", "next", "pause", "reopen"] and types[6] == "resume"
    assert events[-1]["type"] == "over" and events[-1]["auto"]  # the log tells how the session ended
    code, out, _ = run(capsys, "resume", "--console", str(log))
    assert code == 0 and "déjà terminée" in out


def test_shipped_content_is_found_from_anywhere(tmp_path):
    assert (shipped_decks() / "teletravail.yaml").is_file()
    done = subprocess.run([sys.executable, "-m", "game", "validate"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_simulate_prints_each_teams_panorama_and_the_answering_mode_matters(capsys):
    """Every team answering completes the five-aspect panorama; one team in turn cannot with three teams."""
    code, out, _ = run(capsys, "simulate", "--sessions", "200", "--teams", "3", "--strategy", "best")
    assert code == 0
    assert "Panorama complet (5 aspects) dans le temps visé (15 min) : 100,0 % des équipes" in out
    assert "Réglementaire" in out and "  Équipe 3 " in out
    code, out, _ = run(capsys, "simulate", "--sessions", "200", "--teams", "3", "--strategy", "best",
                       "--answering", "rotation")
    assert code == 0 and "dans le temps visé (15 min) : 0,0 % des équipes" in out


def test_answer_cards_are_printed_for_the_teams_given(capsys, tmp_path):
    from pypdf import PdfReader

    code, out, _ = run(capsys, "answer-cards", "--names", "Accueil, Numérique ,RH", "--out", str(tmp_path))
    pdf = tmp_path / "cartes-reponses.pdf"
    assert code == 0 and str(pdf) in out
    pages = PdfReader(pdf).pages
    assert len(pages) == 3
    for page, name in zip(pages, ["Accueil", "Numérique", "RH"]):
        text = page.extract_text()
        assert text.startswith(f"{name} — cartes-réponses")
        for shape in ("cercle", "carré", "triangle", "losange", "hexagone", "étoile"):
            assert shape in text  # the shape is named under each number, for a black-and-white copy
        assert [n for n in "123456" if text.count(n) >= 3] == list("123456")  # big and in two corners
    code, _, err = run(capsys, "answer-cards", "--teams", "7", "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and "de 2 à 6 équipes, pas 7" in err and not (tmp_path / "x.pdf").exists()
    (tmp_path / "notes.txt").write_text("une note", encoding="utf-8")  # a file where a folder should be
    code, _, err = run(capsys, "answer-cards", "--out", str(tmp_path / "notes.txt" / "cartes.pdf"))
    assert code == 2 and "impossible d’écrire les cartes-réponses" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cartes-reponses.pdf", "notes.txt"]  # nothing half-written
    code, _, err = run(capsys, "answer-cards", "--names", "Accueil,فريق", "--out", str(tmp_path / "y.pdf"))
    assert code == 2 and "« فريق » : nom d’équipe avec des caractères que les polices du jeu n’affichent pas" in err
    assert not (tmp_path / "y.pdf").exists()  # the setup screen’s rule: printed, it would have vanished


def test_a_scenario_shorter_than_its_shortest_card_still_deals_one(capsys, write):
    """One minute of 3-minute debates validated, then crashed play and simulate: now one debate is dealt."""
    path = write("court.yaml", 'scenario:\n  id: court\n  title: "Court"\n  description: "Très court."\n  mode: teams\n'
                               "  minutes: {target: 1, max: 1}\n  decks: [teletravail]\n"
                               "  draw:\n    - {kinds: [debate], count: auto}\n  win: points\n")
    assert run(capsys, "validate", str(path))[0] == 0
    code, out, _ = run(capsys, "simulate", "--scenario", str(path))
    assert code == 0 and "Cartes tirées : 1 (debate 1)" in out


def test_a_reader_that_stops_early_gets_no_traceback():
    """`simulate … | head`: the pipe closes before the summary is written."""
    done = subprocess.Popen([sys.executable, "-m", "game", "simulate", "--sessions", "50"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    done.stdout.close()  # the reader is gone before the program writes
    err = done.stderr.read().decode()
    assert done.wait(timeout=60) == 1
    assert err == ""


def test_every_help_and_a_mistyped_option_are_in_french(capsys):
    from game.cli import COMMANDS, build_parser

    commands = build_parser()._subparsers._group_actions[0].choices  # every command the parser knows
    assert set(COMMANDS) == {None, *commands}  # and each one runs something
    for command in [[], *[[name] for name in commands]]:
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        text = capsys.readouterr().out
        assert text.startswith("utilisation : python -m game"), command
        for english in ("usage:", "show this help", "positional arguments", "default:"):
            assert english not in text, (command, english)
    with pytest.raises(SystemExit) as stopped:
        main(["simulate", "--sessions", "deux"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == \
        "python -m game simulate : erreur : --sessions : 'deux' : nombre entier attendu"


@pytest.mark.parametrize("where", ["before", "after", "equals"])
def test_every_help_is_in_english_with_lang_en_wherever_it_is_written(capsys, where):
    """`--lang en` is read before the parser is built, so the help of every command is in English, and argparse’s
    own sentences too; the French help comes back without it, in the same process."""
    from game.cli import build_parser

    commands = build_parser()._subparsers._group_actions[0].choices
    lang = {"before": ["--lang", "en"], "after": ["--lang", "en"], "equals": ["--lang=en"]}[where]
    for command in [[], *[[name] for name in commands]]:
        line = lang + command + ["--help"] if where == "before" and not command else \
            command + (["--help"] + lang if where == "after" else lang + ["--help"])
        with pytest.raises(SystemExit):
            main(line)
        text = capsys.readouterr().out
        assert text.startswith("usage: python -m game"), line
        for french in ("utilisation", "défaut", "afficher cette aide", "dossier", "fichier", " les ", " des "):
            assert french not in text, (line, french)
    with pytest.raises(SystemExit):
        main(["simulate", "--sessions", "deux", "--lang", "en"])
    assert "argument --sessions: invalid whole number value: 'deux'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    assert capsys.readouterr().out.startswith("utilisation : python -m game validate")


def test_a_mistyped_command_gets_the_closest_one(capsys):
    code, _, err = run(capsys, "valdate", "decks")
    assert code == 2 and err.startswith("erreur : commande inconnue « valdate » : vouliez-vous dire « validate » ?")
    code, _, err = run(capsys, "zzz")
    assert code == 2 and "vouliez-vous" not in err and "export-xlsx" in err


def test_a_team_count_rotation_cannot_serve_is_refused_with_the_number_it_serves(capsys, tmp_path):
    """Five teams in turn on the telework workshop would leave aspects out: refused, by play and simulate alike,
    before anything is written."""
    for command in (["play", "--console", "--sessions-dir", str(tmp_path)], ["simulate", "--sessions", "5"]):
        code, _, err = run(capsys, *command, "--scenario", "atelier-teletravail", "--teams", "5",
                           "--answering", "rotation")
        assert code == 2 and "jusqu’à 3 équipes" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
    code, out, _ = run(capsys, "simulate", "--scenario", "atelier-teletravail", "--teams", "3", "--answering",
                       "rotation", "--sessions", "40", "--strategy", "best")
    assert code == 0 and "Fins : panorama complet 100,0 %" in out
    assert "gagnants ex æquo : 100,0 %" in out  # three perfect teams complete in the same round: no first mover wins


def test_typing_mistakes_at_the_terminal_get_a_sentence_never_a_traceback(capsys, monkeypatch, tmp_path):
    """« 1+3 » one team in turn, a correction with a letter or a comma, a superscript digit: each is said."""
    for teams, answering, lines in (("2", "rotation", ["1+3", "1,3", "²", "1 x"]),
                                    ("3", "all", ["2=a", "2=1,3", "9=1", "1 ²", "1+", "+"])):
        monkeypatch.setattr("builtins.input", keyboard(lines, limit=0))
        code, out, _ = run(capsys, "play", "--console", "--sessions-dir", str(tmp_path / answering), "--seed", "14",
                           "--teams", teams, "--answering", answering)
        assert code == 0 and "Session interrompue et enregistrée" in out
    assert "« a » n’est pas un numéro de choix : tapez un numéro de 1 à" in out
    assert "Pas d’équipe 9 : les équipes vont de 1 à 3." in out


def test_a_split_room_at_the_terminal_asks_which_option_happens(capsys, monkeypatch, tmp_path):
    """Two teams split on an usager: the facilitator is asked which option the room keeps, on the same line."""
    monkeypatch.setattr("builtins.input", keyboard(["1 2", "1", ""], limit=0))
    code, out, _ = run(capsys, "play", "--console", "--scenario", "maison-de-region-partenaires", "--sessions-dir",
                       str(tmp_path), "--seed", "4", "--teams", "2", "--answering", "all")
    assert code == 0 and "Option retenue par la salle" in out
    [log] = tmp_path.glob("*.jsonl")
    reveals = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if '"reveal"' in line]
    assert reveals and all(e.get("choices") == [0] for e in reveals)  # the pick typed at the prompt: "1"
