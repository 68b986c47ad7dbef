"""A session's learning records, from its log alone: every shipped scenario, both answering modes and a learner
alone give statements that Ralph's xAPI models accept, the same ids every time, responses in the author's order
whatever was shown, and no personal data. The push keeps its queue through every answer an LRS can give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.session.replay import replay_log
from game.table.table import Table, teams_in_turn
from game.xapi import vocabulary as v
from game.xapi.exporting import statements_of
from game.xapi.identity import Identity
from game.xapi.push import LEDGER, Answer, PushStopped, push
from tests.conftest import SHIPPED_SCENARIOS
from tests.xapi_support import training, workshop

IDENTITY = Identity(key=b"0123456789abcdef")
ralph_models = pytest.importorskip("ralph.models.xapi.base.statements", reason="the lrs test extra is not installed")


def _modes(library, scenario_id):
    info = library.scenarios[scenario_id].info
    yield "all", info.team_range.max
    if info.team_range.max > 1 and teams_in_turn(info, library.pool(info)) >= 2:
        yield "rotation", 2


@pytest.mark.parametrize("scenario_id", SHIPPED_SCENARIOS)
def test_every_shipped_scenario_gives_statements_ralph_accepts_the_same_each_time(shipped, tmp_path, scenario_id):
    from ralph.models.xapi.base.unnested_objects import BaseXapiActivityInteractionDefinition
    from ralph.models.xapi.concepts.verbs.adl_vocabulary import AnsweredVerb

    for answering, teams in _modes(shipped, scenario_id):
        if shipped.scenarios[scenario_id].info.mode == "solo":
            teams = 1
        table = workshop(shipped, tmp_path / answering, scenario_id, teams, seed=3,
                         answering=answering if teams > 1 else None)
        statements = statements_of(table.path, IDENTITY)
        said = [s.as_json() for s in statements]
        assert said == [s.as_json() for s in statements_of(table.path, IDENTITY)]  # the same log, the same ids
        assert len({s["id"] for s in said}) == len(said)
        assert {s["context"]["registration"] for s in said} == {v.derived_id("session", table.start.session_id)}
        assert said[0]["verb"]["id"] == v.LAUNCHED and said[len(said) - teams - 1]["verb"]["id"] == v.COMPLETED
        given = [a for p in table.session.state.plays for a in p.answers if a.choices]
        answered = [s for s in said if s["verb"]["id"] == v.ANSWERED]
        assert len(answered) == len(given) > 0
        for statement in said:
            ralph_models.BaseXapiStatement.model_validate(statement)
            _spec_constraints(statement)
        for statement in answered:
            AnsweredVerb.model_validate(statement["verb"])
            if statement["object"]["definition"]["interactionType"] == "choice":
                BaseXapiActivityInteractionDefinition.model_validate(statement["object"]["definition"])
            about = statement["context"]["extensions"]
            assert about[v.DECK] and isinstance(about[v.DECK_VERSION], int) and about[v.ASPECT]
            assert isinstance(statement["result"]["extensions"][v.POINTS], int)


def _spec_constraints(statement: dict) -> None:
    """What xAPI 1.0.3 asks beyond the models' shapes: IRIs absolute, scores numbers within their bounds, a UUID
    registration, a timestamp with its time zone."""
    import uuid
    from urllib.parse import urlsplit

    def absolute(iri: str) -> None:
        parts = urlsplit(iri)
        assert parts.scheme in ("http", "https") and parts.netloc, iri

    absolute(statement["verb"]["id"])
    absolute(statement["object"]["id"])
    absolute(statement["object"]["definition"]["type"])
    absolute(statement["actor"]["account"]["homePage"])
    for extensions in (statement["context"].get("extensions", {}), statement.get("result", {}).get("extensions", {}),
                       statement["object"]["definition"].get("extensions", {})):
        for iri in extensions:
            absolute(iri)
    score = statement.get("result", {}).get("score", {})
    assert all(isinstance(value, (int, float)) and not isinstance(value, bool) for value in score.values())
    assert -1 <= score.get("scaled", 0) <= 1 and score.get("min", 0) <= score.get("raw", 0)
    uuid.UUID(statement["context"]["registration"])
    assert statement["timestamp"].endswith("Z")


def test_our_models_refuse_what_an_lrs_would():
    from pydantic import ValidationError

    from game.xapi.models import Activity, Score

    with pytest.raises(ValidationError):
        Activity(id="cards/tt-001")  # a relative IRI
    with pytest.raises(ValidationError):
        Score(raw=5, min=0, max=3)
    with pytest.raises(ValidationError):
        Score(scaled=1.5)


def test_a_response_names_the_choice_the_team_saw_by_its_place_in_the_authors_order(shipped, tmp_path):
    """Choices are shuffled on screen: the response must still name what the team picked."""
    table = workshop(shipped, tmp_path, "atelier-teletravail", 3, seed=11)
    shown = {}
    for k, play in enumerate(table.session.state.plays):
        facing = table.start.game.cards[play.index].at(play.step)
        for answer in play.answers:
            if answer.choices:
                shown[v.derived_id(table.start.session_id, "play", k, "team", answer.team)] = sorted(
                    facing.choice_texts()[c] for c in answer.choices)
    shuffled = 0
    for statement in (s.as_json() for s in statements_of(table.path, IDENTITY)):
        if statement["id"] not in shown:
            continue
        definition, response = statement["object"]["definition"], statement["result"]["response"]
        if definition["interactionType"] == "true-false":
            texts = {"true": "Vrai", "false": "Faux"}
            assert [texts[response]] == shown[statement["id"]]
            continue
        by_id = {c["id"]: c["description"]["fr"] for c in definition["choices"]}
        picked = response.split("[,]")
        assert sorted(by_id[i] for i in picked) == shown[statement["id"]]
        shuffled += any(by_id[str(i + 1)] != text for i, text in enumerate(
            table.start.game.cards[0].choice_texts()))
    assert shuffled  # the test saw shuffled cards: it proves the mapping, not the identity


def test_a_learner_alone_is_an_opaque_account_and_the_session_has_a_score(shipped, tmp_path):
    table = training(shipped, tmp_path, "Fatima El Amrani", seed=2)
    said = [s.as_json() for s in statements_of(table.path, IDENTITY)]
    text = json.dumps(said, ensure_ascii=False)
    assert "Fatima" not in text and "Amrani" not in text
    actors = {json.dumps(s["actor"], sort_keys=True) for s in said}
    assert len(actors) == 1 and said[0]["actor"]["account"]["name"].startswith("learner-")
    other = Identity(key=b"another computer")
    assert statements_of(table.path, other)[0].actor != statements_of(table.path, IDENTITY)[0].actor
    completed = next(s for s in said if s["verb"]["id"] == v.COMPLETED)
    score = completed["result"]["score"]
    assert isinstance(score["raw"], float) and 0 <= score["scaled"] <= 1 and score["max"] >= score["raw"]
    assert completed["result"]["duration"].startswith("PT")


def test_an_unfinished_or_damaged_session_has_no_statements_and_export_says_so(shipped, tmp_path, capsys):
    done = workshop(shipped, tmp_path, "atelier-teletravail", 2, seed=1)
    lines = done.path.read_bytes().splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(b"".join(lines[:5]))
    out = tmp_path / "out.jsonl"
    assert main(["xapi", "export", str(done.path), str(cut), "--out", str(out)]) == 2
    assert "la session n’est pas terminée" in capsys.readouterr().err and not out.exists()  # all or nothing
    assert main(["xapi", "export", str(done.path), "--out", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(statements_of(done.path, IDENTITY))
    assert main(["xapi", "export", "--out", str(out)]) == 2
    assert "donnez les journaux" in capsys.readouterr().err


class FakeLRS:
    """An LRS's answers, one per request, then 200; what it was sent."""

    def __init__(self, *answers: Answer):
        self.answers = list(answers)
        self.received: list[list[dict]] = []

    def __call__(self, statements):
        self.received.append(statements)
        return self.answers.pop(0) if self.answers else Answer(200)


def test_a_push_keeps_its_queue_through_every_answer_an_lrs_gives(shipped, tmp_path):
    for seed in range(3):
        workshop(shipped, tmp_path, "atelier-teletravail", 2, seed=seed, t=1_800_000_000.0 + seed * 3600)
    info = shipped.scenarios["atelier-teletravail"].info
    going_on = Table.start_new(tmp_path, info, shipped.pool(info), ["A", "B"], 1, shipped.aspect_labels(info),
                               1_700_000_000.0, at_end=None)  # a session still going on: neither sent nor said
    going_on.close()
    waits: list[float] = []
    # the first session refused for a reason, then the server falls over for longer than the retries last
    lrs = FakeLRS(Answer(400, "statement 3: bad result"), *[Answer(503, "maintenance")] * 6)
    pushed = push(tmp_path, lrs, "http://lrs.test/xAPI/", IDENTITY, sleep=waits.append)
    assert len(pushed.refused) == 1 and pushed.sent == [] and len(pushed.waiting) == 2
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0] and pushed.problem == "maintenance"
    ledger = json.loads((tmp_path / LEDGER).read_text(encoding="utf-8"))["http://lrs.test/xAPI/"]
    assert ledger["sent"] == [] and list(ledger["refused"].values()) == ["statement 3: bad result"]
    later = FakeLRS()
    pushed = push(tmp_path, later, "http://lrs.test/xAPI/", IDENTITY, sleep=waits.append)
    assert len(pushed.sent) == 2 and len(later.received) == 2  # the two that waited, and not the refused one
    assert going_on.path.name not in pushed.sent and not pushed.unreadable
    again = FakeLRS()
    assert push(tmp_path, again, "http://lrs.test/xAPI/", IDENTITY).sent == [] and again.received == []
    other = FakeLRS()  # another LRS has its own queue
    assert len(push(tmp_path, other, "http://other.test/xAPI/", IDENTITY).sent) == 3
    assert push(tmp_path, FakeLRS(), "http://lrs.test/xAPI", IDENTITY).sent == []  # the same LRS, written without /


def test_a_wrong_password_stops_the_push_and_a_batch_split_session_is_sent_whole_again(shipped, tmp_path):
    workshop(shipped, tmp_path, "atelier-teletravail", 6, seed=4)
    with pytest.raises(PushStopped):
        push(tmp_path, FakeLRS(Answer(401, "Invalid authentication credentials")), "http://lrs.test/", IDENTITY)
    assert not (tmp_path / LEDGER).exists()
    lrs = FakeLRS(Answer(200), Answer(0, "connection reset"), *[Answer(0, "connection reset")] * 5)
    pushed = push(tmp_path, lrs, "http://lrs.test/", IDENTITY, batch=10, sleep=lambda s: None)
    assert pushed.waiting and not pushed.sent  # its first batch went, the rest did not: not sent
    resent = FakeLRS()
    pushed = push(tmp_path, resent, "http://lrs.test/", IDENTITY, batch=10)
    assert pushed.sent and resent.received[0] == lrs.received[0]  # sent whole again, from its first statement


def test_push_asks_for_settings_and_password_in_plain_sentences(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("ATELIER_LRS_PASSWORD", raising=False)
    assert main(["xapi", "push", "--sessions-dir", str(tmp_path)]) == 2
    assert "aucun LRS n’est indiqué" in capsys.readouterr().err
    assert main(["xapi", "configure", "--endpoint", "lrs.example.fr", "--user", "a"]) == 2
    assert "n’est pas une adresse web" in capsys.readouterr().err
    assert main(["xapi", "configure", "--endpoint", "https://lrs.example.fr/xAPI/", "--user", "formateur-12"]) == 0
    assert "formateur-12" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["xapi", "push", "--sessions-dir", str(tmp_path)]) == 2
    assert "ATELIER_LRS_PASSWORD" in capsys.readouterr().err
    settings = (Path(tmp_path / "config" / "atelier-service-public" / "laboratoire.json")).read_text(encoding="utf-8")
    assert "formateur-12" in settings and "password" not in settings.lower()


def test_the_log_is_the_only_source(shipped, tmp_path):
    """Statements rebuilt from a copy of the log elsewhere (another computer) are the same, key aside."""
    table = workshop(shipped, tmp_path / "here", "accueil-france-services", 3, seed=8)
    copy = tmp_path / "there" / table.path.name
    copy.parent.mkdir()
    copy.write_bytes(table.path.read_bytes())
    assert [s.as_json() for s in statements_of(copy, IDENTITY)] == [
        s.as_json() for s in statements_of(table.path, IDENTITY)]
    assert replay_log(copy).finished


def test_a_learner_with_a_long_profile_name_has_a_log_that_reads_back(shipped, tmp_path):
    """A profile name may be 40 characters, a team's 20: the learner's session used to be logged, then refused."""
    table = training(shipped, tmp_path, "Fatima Zahra El Amrani Benali", seed=5)
    assert replay_log(table.path).finished
    assert "Fatima" not in json.dumps([s.as_json() for s in statements_of(table.path, IDENTITY)])


class _Answering:
    """A local HTTP server that answers every POST the same way: what an LRS is not."""

    def __init__(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None):
        import http.server
        import threading

        answer = (status, body, headers or {})

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(answer[0])
                for name, value in answer[2].items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer[1])))
                self.end_headers()
                self.wfile.write(answer[1])

            def do_GET(self):  # noqa: N802 - what a followed redirection would ask: an LRS's 200
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.server.server_port}/xAPI/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


def test_a_redirection_or_a_page_that_is_no_lrs_never_marks_a_session_sent(shipped, tmp_path):
    """Found by a review: urllib followed a redirected POST as a GET, whose 200 counted as stored; any 200 did."""
    from game.xapi.push import http_post

    workshop(shipped, tmp_path, "atelier-teletravail", 2, seed=3)
    moved = _Answering(301, headers={"Location": "https://lrs.example.fr/xAPI/statements"})
    try:
        with pytest.raises(PushStopped, match="lrs.example.fr"):
            push(tmp_path, http_post(moved.endpoint, "u", "p"), moved.endpoint, IDENTITY)
    finally:
        moved.close()
    portal = _Answering(200, b"<html>Connectez-vous au Wi-Fi</html>", {"Content-Type": "text/html"})
    try:
        pushed = push(tmp_path, http_post(portal.endpoint, "u", "p"), portal.endpoint, IDENTITY, waits=(0.0,))
    finally:
        portal.close()
    assert pushed.sent == [] and pushed.waiting and "pas comme un LRS" in pushed.problem
    assert not (tmp_path / LEDGER).exists() or "sent\": []" in (tmp_path / LEDGER).read_text(encoding="utf-8")


def test_a_log_edited_by_hand_is_said_and_the_others_still_go(shipped, tmp_path):
    first = workshop(shipped, tmp_path, "atelier-teletravail", 2, seed=1, t=1_800_000_000.0)
    workshop(shipped, tmp_path, "atelier-teletravail", 2, seed=2, t=1_800_003_600.0)
    lines = first.path.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    last["t"] = "abc"
    first.path.write_text("\n".join(lines[:-1] + [json.dumps(last)]) + "\n", encoding="utf-8")
    lrs = FakeLRS()
    pushed = push(tmp_path, lrs, "http://lrs.test/", IDENTITY)
    assert len(pushed.sent) + len(pushed.unreadable) == 2 and pushed.sent  # said or sent, and the other sent


def test_export_never_writes_over_a_log_nor_a_file_unasked(shipped, tmp_path, capsys):
    table = workshop(shipped, tmp_path, "atelier-teletravail", 2, seed=1)
    before = table.path.read_bytes()
    assert main(["xapi", "export", str(table.path), "--out", str(table.path), "--force"]) == 2
    assert table.path.read_bytes() == before and "journal de session" in capsys.readouterr().err
    out = tmp_path / "s.jsonl"
    out.write_text("gardé\n", encoding="utf-8")
    assert main(["xapi", "export", str(table.path), "--out", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "gardé\n" and "--force" in capsys.readouterr().err
    assert main(["xapi", "export", str(table.path), "--out", str(out), "--force"]) == 0


def test_odd_addresses_and_a_damaged_ledger_are_sentences_or_ignored(tmp_path, capsys):
    from game.xapi.labconfig import LabSettings
    from game.xapi.push import Ledger

    for bad in ("http://[::1", "https://lrs.example.fr:99999/xAPI/", "https://lrs example.fr/xAPI/"):
        assert main(["xapi", "configure", "--endpoint", bad, "--user", "a"]) == 2
        assert "n’est pas une adresse web" in capsys.readouterr().err
    config = tmp_path / "cfg"
    config.mkdir()
    (config / "laboratoire.json").write_text('{"endpoint": "lrs.labo.example/xAPI/", "user": "a"}', encoding="utf-8")
    assert not LabSettings.load(config).configured  # edited by hand: no « Envoyer au laboratoire » to crash on
    (tmp_path / LEDGER).write_text('{"http://lrs.test/": {"sent": [["x"], "a.jsonl"], "refused": [1]}}',
                                   encoding="utf-8")
    ledger = Ledger(tmp_path, "http://lrs.test/")
    assert ledger.sent == {"a.jsonl"} and ledger.refused == {}
