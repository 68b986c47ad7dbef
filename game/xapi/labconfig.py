"""The lab's settings on a trainer's computer: where the Learning Record Store is, under which user the game sends
to it, how the trainer is named, and this computer's key for learners' opaque ids. Never a password.

Kept in `laboratoire.json` beside the display settings; the key in a file of its own, readable by its owner only.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from game.atomic import write_text_atomic
from game.xapi.identity import DEFAULT_HOME, DEFAULT_TRAINER, Identity, new_key

SETTINGS = "laboratoire.json"
PASSWORD_VARIABLE = "ATELIER_LRS_PASSWORD"  # where the password may wait; it is never written anywhere
KEY = "cle-xapi"


@dataclass(frozen=True)
class LabSettings:
    endpoint: str = ""  # the LRS's xAPI address (https://lrs.example.fr/xAPI/); "" until a lab gives one
    user: str = ""
    trainer: str = DEFAULT_TRAINER
    home: str = DEFAULT_HOME

    @property
    def configured(self) -> bool:
        """An LRS to send to: an address that is one (the file may have been edited by hand), and a user."""
        return web_address(self.endpoint) and bool(self.user)

    @classmethod
    def load(cls, folder: Path) -> LabSettings:
        """The saved settings, or the defaults where there are none or they cannot be read."""
        try:
            data = json.loads((folder / SETTINGS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__ and isinstance(v, str) and v.strip()}
        return replace(cls(), **known)

    def save(self, folder: Path) -> None:
        write_text_atomic(folder / SETTINGS, json.dumps(asdict(self), ensure_ascii=False, indent=1))


def web_address(text: str) -> bool:
    """An http(s) address with a host, a valid port and no space: what an LRS's address and an account's home
    page must be."""
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a port out of range
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not any(c.isspace() for c in text)


def identity(folder: Path, settings: LabSettings | None = None) -> Identity:
    """Who the statements name, with this computer's key (drawn and kept the first time)."""
    settings = settings or LabSettings.load(folder)
    return Identity(home=settings.home, trainer_name=settings.trainer, key=computer_key(folder))


def computer_key(folder: Path) -> bytes:
    path = folder / KEY
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(key) >= 16:
            return key
    except (OSError, ValueError):
        pass
    key = new_key()
    write_text_atomic(path, key.hex())
    try:
        os.chmod(path, 0o600)
    except OSError:  # a file system without modes (a FAT stick): the key still works
        pass
    return key


def send_now(config: Path, folder: Path, password: str) -> list[tuple[str, bool]]:
    """The end screen's « Envoyer au laboratoire »: every finished session not yet sent, to the LRS the settings
    name, with short waits (the screen waits with the trainer); what happened, in sentences (with whether each is a
    problem)."""
    from game.wording.catalogue import tr
    from game.xapi.push import PushStopped, http_post, push, said

    settings = LabSettings.load(config)
    try:
        pushed = push(folder, http_post(settings.endpoint, settings.user, password, timeout=10.0), settings.endpoint,
                      identity(config, settings), waits=(1.0, 2.0))
    except PushStopped as stopped:
        return [(tr("xapi.refused_user", user=settings.user, endpoint=settings.endpoint, reason=stopped), True)]
    except OSError as exc:  # the ledger cannot be written (a full disk): said, the queue stays as it was
        from game.diskerrors import disk_problem

        return [(disk_problem(exc, folder), True)]
    except Exception as exc:  # noqa: BLE001 - in the screen's thread: said under the results, never a crash
        return [(tr("xapi.failed", reason=exc), True)]
    return said(pushed, settings.endpoint)
