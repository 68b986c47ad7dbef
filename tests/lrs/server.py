"""A real Ralph LRS on 127.0.0.1 for the tests and the benchmark: its users (two trainers who read only what they
sent, a lab that reads everything), started in a folder of its own and stopped at the end."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from base64 import b64encode
from pathlib import Path
from typing import Any

LAUNCHER = Path(__file__).with_name("ralph_server.py")
PASSWORD = "mot-de-passe-de-test"
# name -> (scopes, the agent its statements are stored under)
USERS = {
    "formateur-a": (["statements/write", "statements/read/mine"], "mailto:formateur-a@labo.example"),
    "formateur-b": (["statements/write", "statements/read/mine"], "mailto:formateur-b@labo.example"),
    "labo": (["statements/read"], "mailto:labo@labo.example"),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Ralph:
    def __init__(self, folder: Path):
        import bcrypt

        self.folder = folder
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}/xAPI/"
        (folder / "data").mkdir(parents=True, exist_ok=True)
        (folder / "app").mkdir(exist_ok=True)
        users = [{"username": name, "hash": bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(4)).decode(),
                  "scopes": scopes, "agent": {"mbox": mbox}} for name, (scopes, mbox) in USERS.items()]
        (folder / "auth.json").write_text(json.dumps(users), encoding="utf-8")
        self.env = {**os.environ, "RALPH_APP_DIR": str(folder / "app"), "RALPH_AUTH_FILE": str(folder / "auth.json"),
                    "RALPH_RUNSERVER_BACKEND": "fs",
                    "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "data"),
                    "RALPH_LRS_RESTRICT_BY_AUTHORITY": "True", "RALPH_LRS_RESTRICT_BY_SCOPES": "True"}
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Ralph:
        log = open(self.folder / "server.log", "ab")  # noqa: SIM115 - open for the server's life
        self.process = subprocess.Popen([sys.executable, str(LAUNCHER), str(self.port)], env=self.env,
                                        stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.folder / "server.log").read_text(encoding="utf-8", errors="replace"))
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__lbheartbeat__", timeout=1):
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("Ralph did not answer within a minute")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def stored(self) -> int:
        """Statements in its store's file."""
        data = self.folder / "data" / "fs_lrs.jsonl"
        return len(data.read_text(encoding="utf-8").splitlines()) if data.exists() else 0

    def query(self, user: str, **params: str) -> list[dict[str, Any]]:
        """Every statement the xAPI query API gives `user` for `params`, following its `more` links."""
        token = b64encode(f"{user}:{PASSWORD}".encode()).decode()
        url: str | None = self.endpoint + "statements?" + urllib.parse.urlencode({"limit": "500", **params})
        found: list[dict[str, Any]] = []
        while url:
            request = urllib.request.Request(url, headers={"Authorization": f"Basic {token}",
                                                           "X-Experience-API-Version": "1.0.3"})
            with urllib.request.urlopen(request, timeout=30) as response:
                page = json.load(response)
            found += page["statements"]
            more = page.get("more")
            url = f"http://127.0.0.1:{self.port}{more}" if more else None
        return found
