"""Learning steps for a learner alone: a missed card comes back later in the same session, as Anki's do.

A rule of the state machine like the others, applied when a card is revealed: the log holds no more than
the answers, and replaying them deals the same cards again.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.engine.records import State, TeamAnswer

AGAIN_AFTER = 3  # a missed card comes back after this many other cards (or last, when fewer are left)
MAX_AGAIN = 3  # and at most this many times in a session: past that, it waits for the review


def coming_after(state: State, answers: Sequence[TeamAnswer]) -> tuple[int, ...]:
    """The cards to deal after the one on the table, once `answers` to it are revealed: the card again,
    `AGAIN_AFTER` cards later, when it was missed and has not come back `MAX_AGAIN` times yet."""
    if all(a.success for a in answers) or sum(p.index == state.index for p in state.plays) >= MAX_AGAIN:
        return state.coming
    at = min(AGAIN_AFTER, len(state.coming))
    return state.coming[:at] + (state.index,) + state.coming[at:]
