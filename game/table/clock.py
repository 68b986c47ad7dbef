"""The session's clock as the table sees it: time played, left, against the target, and when it next changes."""

from __future__ import annotations

import math
from dataclasses import dataclass

NEAR_TARGET = 120.0  # seconds before the target when the clock turns to its warning colour


@dataclass(frozen=True)
class Clock:
    """The session's clock at the last action; front ends ask it the time at their own `now`."""

    elapsed: float  # seconds of play at the last action
    since: float | None  # the last action's time while the clock runs; None while paused
    limit: float  # the scenario's maximum, in seconds, with the minutes added
    card_started: float  # seconds of play when the card was put on the table
    target: float = math.inf  # the scenario's target, in seconds, with the minutes added

    @property
    def timed(self) -> bool:
        """Whether the clock can end the session; if not, front ends show the time spent, not the time left."""
        return math.isfinite(self.limit)

    def elapsed_at(self, now: float) -> float:
        return self.elapsed if self.since is None else self.elapsed + max(0.0, now - self.since)

    def remaining_at(self, now: float) -> float:
        return self.limit - self.elapsed_at(now)

    def card_seconds_at(self, now: float) -> float:
        return self.elapsed_at(now) - self.card_started

    def stage_at(self, now: float) -> str:
        """Where the session stands against its time: "on" time, "near" the target (its last two minutes),
        "over" the target (the maximum ends it after the card on the table); "untimed" without a clock."""
        if not self.timed:
            return "untimed"
        elapsed = self.elapsed_at(now)
        return "over" if elapsed >= self.target else "near" if elapsed >= self.target - NEAR_TARGET else "on"

    def next_second(self, now: float) -> float | None:
        """Seconds until the shown time changes; None while paused."""
        return None if self.since is None else 1.0 - (self.elapsed_at(now) % 1.0) + 0.01
