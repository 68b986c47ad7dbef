"""How the play screen shows a verdict (good, bad, or neither) and a time (minutes and seconds)."""

from __future__ import annotations

from game.table.view import Mark

# How the reveal's banner reads each verdict: good, bad, or neither (an acceptable option).
GOOD = {Mark.RIGHT: True, Mark.WRONG: False, Mark.BEST: True, Mark.POOR: False, Mark.ACCEPTABLE: None,
        Mark.SPLIT: None, Mark.NO_ANSWER: None}


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
