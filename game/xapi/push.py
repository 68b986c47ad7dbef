"""Finished sessions sent to a Learning Record Store, each once, none lost.

The sessions folder keeps, per LRS, which sessions it stored and which it refused (`xapi-envoyes.json`, written
whole after each session). A session counts as sent once every batch of its statements was accepted: a session
cut by a failure is sent whole again next time, and the LRS, which knows the statements by their ids, stores it
once. What the LRS answers decides the rest: 401/403, a wrong user or password, stops everything with a sentence;
400/422 set the session aside with the LRS's reason; a network error or a 5xx is retried with a growing wait, then
leaves the session and those after it in the queue for the next push.
"""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.atomic import write_text_atomic
from game.session.log import LogError
from game.wording.catalogue import ntr, tr
from game.xapi.exporting import Unfinished, session_logs, statements_of
from game.xapi.identity import Identity

LEDGER = "xapi-envoyes.json"
BATCH = 500  # statements per request: a session of six teams is about 60
STOP = (401, 403, 404, 405)  # a wrong user or password, or an address where no LRS answers: nothing can be sent
NOT_AN_LRS = 0  # no answer, or none an LRS gives (a network's login page): retried, then the queue waits
WAITS = (1.0, 2.0, 4.0, 8.0, 16.0)  # seconds before each new try of a request the network or the server failed


@dataclass(frozen=True)
class Answer:
    """What the LRS said to one request: its HTTP status (0: no answer at all) and its words."""

    status: int
    text: str = ""


Post = Callable[[list[dict[str, Any]]], Answer]


class PushStopped(Exception):
    """The LRS refuses this user (401/403): nothing more can be sent until the settings are fixed."""


@dataclass
class Pushed:
    sent: list[str] = field(default_factory=list)  # the sessions' log names, stored by the LRS this time
    refused: dict[str, str] = field(default_factory=dict)  # log name -> the LRS's reason
    unreadable: dict[str, str] = field(default_factory=dict)  # log name -> why its log cannot be read
    waiting: list[str] = field(default_factory=list)  # left in the queue: the LRS could not be reached
    problem: str = ""  # why the queue stopped (the last network error or server answer)
    statements: int = 0


class Ledger:
    """Which sessions an LRS stored, and which it refused, in a sessions folder."""

    def __init__(self, folder: Path, endpoint: str):
        self.path = folder / LEDGER
        endpoint = endpoint.rstrip("/") + "/"  # …/xAPI and …/xAPI/ are one LRS
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}
        mine = self.data.get(endpoint)
        self.mine: dict[str, Any] = mine if isinstance(mine, dict) else {}
        self.data[endpoint] = self.mine
        sent = self.mine.get("sent")
        self.sent: set[str] = {n for n in sent if isinstance(n, str)} if isinstance(sent, list) else set()
        refused = self.mine.get("refused")
        self.refused: dict[str, str] = {n: str(why) for n, why in refused.items()} if isinstance(refused, dict) else {}

    def done(self, name: str) -> bool:
        return name in self.sent or name in self.refused

    def mark_sent(self, name: str) -> None:
        self.sent.add(name)
        self._save()

    def mark_refused(self, name: str, reason: str) -> None:
        self.refused[name] = reason
        self._save()

    def _save(self) -> None:
        self.mine["sent"] = sorted(self.sent)
        self.mine["refused"] = self.refused
        write_text_atomic(self.path, json.dumps(self.data, ensure_ascii=False, indent=1))


def push(folder: Path, post: Post, endpoint: str, identity: Identity, batch: int = BATCH,
         sleep: Callable[[float], None] = time.sleep, waits: Sequence[float] | None = None) -> Pushed:
    """Send every finished session of `folder` that this LRS has neither stored nor refused; a request the network
    or the server fails is tried again after each of `waits` (by default WAITS)."""
    ledger, pushed = Ledger(folder, endpoint), Pushed()
    queue = [log for log in session_logs(folder) if not ledger.done(log.name)]
    for k, log in enumerate(queue):
        try:
            statements = [s.as_json() for s in statements_of(log, identity)]
        except Unfinished:  # sent once it has ended
            continue
        except (LogError, ValueError, OverflowError) as exc:  # a log edited by hand: said, the others go on
            pushed.unreadable[log.name] = str(exc)
            continue
        failure = None
        for chunk in _chunks(statements, batch):
            answer = _sent(post, chunk, sleep, WAITS if waits is None else waits)
            if answer.status in (200, 204, 409):  # stored, or already there (a second push, a pushed twin)
                continue
            if answer.status in STOP or 300 <= answer.status < 400:  # the user, or the address, is wrong
                raise PushStopped(answer.text or str(answer.status))
            failure = answer
            break
        if failure is None:
            ledger.mark_sent(log.name)
            pushed.sent.append(log.name)
            pushed.statements += len(statements)
        elif 400 <= failure.status < 500:  # this session: set aside with the LRS's reason, the others go on
            ledger.mark_refused(log.name, failure.text or str(failure.status))
            pushed.refused[log.name] = failure.text or str(failure.status)
        else:  # unreachable, or broken for now: this session and the rest wait for the next push
            pushed.waiting = [entry.name for entry in queue[k:]]
            pushed.problem = failure.text or str(failure.status)
            break
    return pushed


def said(pushed: Pushed, endpoint: str) -> list[tuple[str, bool]]:
    """What a push did, in sentences, each with whether it is a problem: what was sent, set aside, unreadable,
    and what waits."""
    lines = [(ntr("xapi.pushed", len(pushed.sent), statements=pushed.statements, endpoint=endpoint), False)]
    lines += [(tr("xapi.set_aside", log=name, reason=reason), True) for name, reason in pushed.refused.items()]
    lines += [(tr("xapi.unreadable", log=name, reason=reason), True) for name, reason in pushed.unreadable.items()]
    if pushed.waiting:
        lines.append((ntr("xapi.waiting", len(pushed.waiting), problem=pushed.problem), True))
    return lines


def _chunks(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _sent(post: Post, chunk: list[dict[str, Any]], sleep: Callable[[float], None], waits: Sequence[float]) -> Answer:
    """One request, tried again after a wait while the network or the server fails."""
    answer = post(chunk)
    for wait in waits:
        if answer.status != 0 and answer.status < 500:
            return answer
        sleep(wait)
        answer = post(chunk)
    return answer


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirected POST comes back as a GET without the statements, which an LRS answers 200: never followed, the
    redirection is said instead (the address to configure is the one it names)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def http_post(endpoint: str, user: str, password: str, timeout: float = 15.0) -> Post:
    """POST to the LRS's statements resource, with Basic authentication and the xAPI version header. A 200 counts
    only with what an LRS answers it with: the list of the statements' ids it stored."""
    url = endpoint.rstrip("/") + "/statements"
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    headers = {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3",
               "Content-Type": "application/json"}
    opener = urllib.request.build_opener(_NoRedirect)

    def post(statements: list[dict[str, Any]]) -> Answer:
        body = json.dumps(statements, ensure_ascii=False).encode("utf-8")
        try:
            request = urllib.request.Request(url, data=body, headers=headers, method="POST")
            with opener.open(request, timeout=timeout) as response:
                answer = Answer(response.status, "")
                if response.status == 200 and not _stored_ids(response.read(), statements):
                    return Answer(NOT_AN_LRS, tr("xapi.not_an_lrs", url=url))
                return answer
        except urllib.error.HTTPError as exc:
            if 300 <= exc.code < 400:
                return Answer(exc.code, tr("xapi.redirected", url=url, to=exc.headers.get("Location", "?")))
            return Answer(exc.code, _reason(exc.read()))
        except (urllib.error.URLError, OSError, ValueError) as exc:  # refused, unreachable, timed out, reset
            return Answer(NOT_AN_LRS, str(getattr(exc, "reason", exc)))

    return post


def _stored_ids(body: bytes, sent: list[dict[str, Any]]) -> bool:
    """Whether a 200's body is an LRS's: a JSON list of ids, each one of the statements sent."""
    try:
        ids = json.loads(body)
    except ValueError:
        return False
    return isinstance(ids, list) and bool(ids) and set(ids) <= {s["id"] for s in sent}


def _reason(body: bytes) -> str:
    """The LRS's explanation: FastAPI's `detail`, else its text, short."""
    text = body.decode("utf-8", "replace")
    try:
        detail: Any = json.loads(text).get("detail", text)
    except (ValueError, AttributeError):
        detail = text
    said = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False)
    return said[:500]
