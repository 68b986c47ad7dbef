"""The Okabe–Ito colours, which colour-blind readers tell apart: the screens' team colours and the
printed answer cards share them, always beside a number, a word or a shape."""

from __future__ import annotations

OKABE_ITO: tuple[tuple[int, int, int], ...] = (
    (86, 180, 233),  # sky blue
    (230, 159, 0),  # orange
    (0, 158, 115),  # bluish green
    (204, 121, 167),  # reddish purple
    (240, 228, 66),  # yellow
    (213, 94, 0),  # vermillion
)
