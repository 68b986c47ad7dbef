"""Who the statements name, without personal data: the trainer by a configurable account, a learner alone by an
opaque id that only this computer can derive from the profile's name, a team by its label in the session.

The key that makes a learner's id opaque is drawn once per computer and kept beside the settings; the lab sees
the same id for the same profile on the same computer, and cannot tell whose it is.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from game.xapi.models import Account, Agent
from game.xapi.vocabulary import BASE

DEFAULT_HOME = BASE + "accounts"
DEFAULT_TRAINER = "animateur"


@dataclass(frozen=True)
class Identity:
    home: str = DEFAULT_HOME  # the accounts' homePage: the lab's own address, where it has one
    trainer_name: str = DEFAULT_TRAINER
    key: bytes = b""  # this computer's: makes a learner's id opaque

    def trainer(self) -> Agent:
        return Agent(account=Account(home_page=self.home, name=self.trainer_name))

    def learner(self, profile: str) -> Agent:
        return Agent(account=Account(home_page=self.home, name="learner-" + opaque(self.key, profile)))


def opaque(key: bytes, profile: str) -> str:
    """A learner's id: the same for the same profile and key, and telling nothing of the profile without the key."""
    return hmac.new(key, profile.encode("utf-8"), hashlib.sha256).hexdigest()[:24]


def new_key() -> bytes:
    return secrets.token_bytes(32)
