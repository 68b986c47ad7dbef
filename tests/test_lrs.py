"""Against a real Learning Record Store: Ralph 5.1.0 started on 127.0.0.1 (its filesystem backend, the one these
machines run; tests/lrs/ralph_server.py works around its two faults there). Sessions played on screen, at the
terminal and in solo training are pushed by the command a trainer types, read back exactly through the xAPI query
API (by registration, verb and activity), sent once however often they are pushed, kept when the server is down
and sent when it is back; each trainer reads only what they sent, the lab reads everything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.xapi import vocabulary as v
from game.xapi.exporting import session_logs, statements_of
from game.xapi.labconfig import identity
from game.xapi.push import LEDGER

pytest.importorskip("ralph.backends.lrs.fs", reason="the lrs test extra is not installed")
pytest.importorskip("uvicorn", reason="the lrs test extra is not installed")

from tests.lrs.server import PASSWORD, Ralph, free_port  # noqa: E402
from tests.xapi_support import workshop  # noqa: E402

SERVER_ADDED = ("stored", "authority", "version")


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    server = Ralph(tmp_path_factory.mktemp("ralph")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """A sessions folder holding a workshop played on screen, one at the terminal and a learner's training."""
    home = tmp_path_factory.mktemp("home")
    folder = home / "sessions"
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "XDG_CONFIG_HOME": str(home / "cfg"),
           "XDG_DATA_HOME": str(home / "data")}

    def game(*args: str, typed: str = "") -> None:
        done = subprocess.run([sys.executable, "-m", "game", *args], input=typed, capture_output=True, text=True,
                              env=env, timeout=180)
        assert done.returncode == 0, done.stderr

    game("play", "--autoplay", "--fast", "--scenario", "maison-de-region-partenaires", "--teams", "3",
         "--out", str(folder))
    game("play", "--console", "--teams", "2", "--out", str(folder), typed="1 2\n\n" * 200)
    game("train", "--console", "--profile", "Nour Haddad", "--minutes", "5", "--sessions-dir", str(folder),
         typed="1\n\n" * 200)
    logs = session_logs(folder)
    assert len(logs) == 3
    return home, env, logs


def _push(home: Path, ralph: Ralph, user: str, folder: Path, monkeypatch, *extra: str) -> int:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "cfg"))
    monkeypatch.setenv("ATELIER_LRS_PASSWORD", PASSWORD)
    return main(["xapi", "push", "--endpoint", ralph.endpoint, "--user", user, "--sessions-dir", str(folder), *extra])


def _as_sent(statement: dict) -> dict:
    return {k: value for k, value in statement.items() if k not in SERVER_ADDED}


def test_sessions_reach_ralph_read_back_exactly_and_a_second_push_sends_nothing(ralph, played, monkeypatch, capsys):
    home, _, logs = played
    folder = logs[0].parent
    assert _push(home, ralph, "formateur-a", folder, monkeypatch) == 0
    assert "3 sessions envoyées" in capsys.readouterr().out
    mine = identity(home / "cfg" / "atelier-service-public")
    for log in logs:
        sent = [s.as_json() for s in statements_of(log, mine)]
        registration = sent[0]["context"]["registration"]
        back = ralph.query("labo", registration=registration)
        assert sorted((_as_sent(s) for s in back), key=lambda s: s["id"]) == sorted(sent, key=lambda s: s["id"])
        authority = {json.dumps(s["authority"], sort_keys=True) for s in back}
        assert authority == {json.dumps({"objectType": "Agent", "mbox": "mailto:formateur-a@labo.example"},
                                        sort_keys=True)}
    kinds = {s["actor"]["objectType"] for s in ralph.query("labo", verb=v.ANSWERED)}
    assert kinds == {"Group", "Agent"}  # teams on screen and at the terminal, the learner alone
    stored = ralph.stored()
    assert _push(home, ralph, "formateur-a", folder, monkeypatch) == 0
    assert "0 session envoyée" in capsys.readouterr().out and ralph.stored() == stored
    (folder / LEDGER).unlink()  # a ledger lost: everything sent again, and stored once
    assert _push(home, ralph, "formateur-a", folder, monkeypatch) == 0
    assert ralph.stored() == stored


def test_verb_and_activity_queries_and_each_trainer_reads_only_their_own(ralph, played, shipped, monkeypatch,
                                                                         tmp_path):
    home, _, logs = played
    other = tmp_path / "b"
    b_log = workshop(shipped, other, "inclusion-numerique", 4, seed=21).path  # trainer B's own workshop
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg-b"))
    monkeypatch.setenv("ATELIER_LRS_PASSWORD", PASSWORD)
    assert main(["xapi", "push", "--endpoint", ralph.endpoint, "--user", "formateur-b",
                 "--sessions-dir", str(other)]) == 0
    b_sent = statements_of(b_log, identity(tmp_path / "cfg-b" / "atelier-service-public"))
    mine = ralph.query("formateur-b")
    assert {s["id"] for s in mine} == {s.id for s in b_sent}  # B reads B's, not A's
    assert all(s["authority"]["mbox"] == "mailto:formateur-b@labo.example" for s in mine)
    everything = ralph.query("labo")
    assert {s["authority"]["mbox"] for s in everything} >= {"mailto:formateur-a@labo.example",
                                                             "mailto:formateur-b@labo.example"}
    game = v.scenario_iri("maison-de-region-partenaires")
    on_it = ralph.query("labo", activity=game)
    assert on_it and all(s["object"]["id"] == game for s in on_it)
    launched = ralph.query("labo", verb=v.LAUNCHED)
    assert launched and all(s["verb"]["id"] == v.LAUNCHED for s in launched)
    assert len(ralph.query("formateur-a", verb=v.LAUNCHED)) == 3


def test_a_push_with_the_server_down_loses_nothing_and_completes_later(ralph, played, monkeypatch, tmp_path, capsys):
    _, _, logs = played
    folder = tmp_path / "sessions"
    folder.mkdir()
    for log in logs:
        (folder / log.name).write_bytes(log.read_bytes())
    monkeypatch.setattr("game.xapi.push.WAITS", (0.0, 0.0))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("ATELIER_LRS_PASSWORD", PASSWORD)
    down = f"http://127.0.0.1:{free_port()}/xAPI/"  # nobody listens there
    assert main(["xapi", "push", "--endpoint", down, "--user", "formateur-a", "--sessions-dir", str(folder)]) == 3
    assert "3 sessions attendent le prochain envoi" in capsys.readouterr().err
    ledger = folder / LEDGER
    assert not ledger.exists() or not json.loads(ledger.read_text(encoding="utf-8"))[down]["sent"]
    monkeypatch.setenv("ATELIER_LRS_PASSWORD", "pas le bon")
    assert main(["xapi", "push", "--endpoint", ralph.endpoint, "--user", "formateur-a",
                 "--sessions-dir", str(folder)]) == 2
    assert "refuse l’utilisateur formateur-a" in capsys.readouterr().err
    monkeypatch.setenv("ATELIER_LRS_PASSWORD", PASSWORD)
    assert main(["xapi", "push", "--endpoint", ralph.endpoint, "--user", "formateur-a",
                 "--sessions-dir", str(folder)]) == 0
    assert "3 sessions envoyées" in capsys.readouterr().out


def test_the_labs_two_queries_in_the_docs_give_the_figures_the_sheets_give(played, monkeypatch, tmp_path, capsys):
    """docs/labs.md's code, run as written against an LRS holding the three sessions."""
    import re
    from collections import Counter

    from game.present.sheet import build_report
    from game.table.table import Table

    home, _, logs = played
    ralph = Ralph(tmp_path / "ralph").start()
    try:
        folder = tmp_path / "sessions"  # a copy: this LRS has its own ledger entry, the first LRS's stays as it was
        folder.mkdir()
        for log in logs:
            (folder / log.name).write_bytes(log.read_bytes())
        assert _push(home, ralph, "formateur-a", folder, monkeypatch) == 0
        reports = [build_report(Table.read(log)) for log in logs]
        lines = [line for report in reports for line in report.cards]
        missed: dict[str, list[int]] = {}
        for line in lines:
            if line.kind == "question":
                for answer in line.answers:
                    if answer.answered:
                        counts = missed.setdefault(line.aspect_label, [0, 0])
                        counts[0] += not answer.success
                        counts[1] += 1
        persona = next(line for line in lines if line.kind == "persona" and any(a.answered for a in line.answers))
        chosen = Counter(a.given for line in lines if line.card_id == persona.card_id for a in line.answers
                         if a.answered)
        deck = next(origins[persona.card_id][0] for origins in (Table.read(log).start.origins for log in logs)
                    if persona.card_id in origins)
        monkeypatch.setenv("LRS", ralph.endpoint)
        monkeypatch.setenv("LRS_USER", "labo")
        monkeypatch.setenv("LRS_PASSWORD", PASSWORD)
        monkeypatch.setenv("CARD", v.card_iri(deck, persona.card_id))
        docs = (Path(__file__).parents[1] / "docs" / "labs.md").read_text(encoding="utf-8")
        code = re.findall(r"```python\n(.*?)```", docs, flags=re.S)
        assert len(code) == 3
        space: dict = {}
        exec("\n".join(code), space)  # noqa: S102 - the docs' own code, run as a lab would
        printed = capsys.readouterr().out
        assert {a: list(n) for a, n in space["missed_questions_by_aspect"]().items()} == missed and missed
        made = space["choices_on"](v.card_iri(deck, persona.card_id))
        assert Counter({option: n for (option, _), n in made.items()}) == chosen and chosen
        assert "manquées sur" in printed and " × " in printed
    finally:
        ralph.stop()


def test_the_end_screen_sends_to_the_lab_after_asking_the_password(shipped, tmp_path, monkeypatch, snap):
    """Where a lab's LRS is set, the end screen offers « Envoyer au laboratoire »; the password is asked, shown as
    dots, used once; what happened is said under the results."""
    import pygame

    from game.ui.scenes.end import EndScene
    from game.ui.scenes.overlays import PasswordScene
    from game.xapi.labconfig import LabSettings
    from tests.ui_support import key, make_app, type_text

    monkeypatch.delenv("ATELIER_LRS_PASSWORD", raising=False)
    ralph = Ralph(tmp_path / "ralph").start()
    try:
        config = tmp_path / "config"
        config.mkdir()
        app = make_app(shipped, tmp_path / "sessions")
        table = workshop(shipped, app.sessions_dir, "atelier-teletravail", 2, seed=6)
        end = app.push(EndScene(app, table))
        assert "send" not in [c.key for c in end.buttons.choices]  # no lab set: nothing to send to
        app.settings_path = config / "affichage.json"
        LabSettings(endpoint=ralph.endpoint, user="formateur-a").save(config)
        end = app.replace("end", table=table)
        snap(app, "end-send-offered")
        # L, as SDL sends it on a screen where nothing is being typed: the key, and no text
        app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_l, mod=0, unicode="l", scancode=0))
        assert isinstance(app.top, PasswordScene) and app.top.typed == ""
        type_text(app, PASSWORD)
        snap(app, "lab-password")
        assert PASSWORD not in "".join(app.shown)
        key(app, pygame.K_RETURN)
        assert app.top is end and end.status == "Envoi au laboratoire en cours…"  # the screen still answers
        end.sending.join(timeout=60)
        end.idle(app.clock())
        assert "1 session envoyée" in end.status
        assert ralph.stored() == len(statements_of(table.path, identity(config)))
        app.pop_all()
    finally:
        ralph.stop()
