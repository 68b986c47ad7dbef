"""Colours: a calm light theme and a high-contrast one, every text colour at least 4.5:1 on its background.

Where a colour carries meaning (right, wrong, a team) it comes from the Okabe–Ito palette, which
colour-blind readers tell apart, and it always comes with a word or a shape.
"""

from __future__ import annotations

from typing import NamedTuple

from game.palette import OKABE_ITO

Color = tuple[int, int, int]


class Theme(NamedTuple):
    name: str
    background: Color
    panel: Color
    text: Color
    muted: Color
    border: Color
    accent: Color  # focus ring and primary buttons
    on_accent: Color  # text on an accent button
    right: Color
    wrong: Color
    on_signal: Color  # text on the right/wrong/team colours
    teams: tuple[Color, ...]
    overlay: tuple[int, int, int, int]

    def text_pairs(self) -> list[tuple[str, Color, Color]]:
        """Every (foreground, background) pair the screens draw text with."""
        pairs = [("texte", self.text, self.background), ("texte sur panneau", self.text, self.panel),
                 ("secondaire", self.muted, self.background), ("secondaire sur panneau", self.muted, self.panel),
                 ("bouton principal", self.on_accent, self.accent), ("juste", self.on_signal, self.right),
                 ("faux", self.on_signal, self.wrong)]
        pairs += [(f"équipe {i + 1}", self.on_signal, c) for i, c in enumerate(self.teams)]
        return pairs


LIGHT = Theme(
    name="clair",
    background=(246, 244, 239), panel=(255, 255, 255), text=(26, 26, 26), muted=(74, 74, 74),
    border=(112, 112, 112), accent=(0, 94, 150), on_accent=(255, 255, 255),
    right=(0, 158, 115), wrong=(213, 94, 0), on_signal=(0, 0, 0),
    teams=OKABE_ITO,
    overlay=(20, 20, 20, 170),
)

HIGH_CONTRAST = Theme(
    name="contraste",
    background=(0, 0, 0), panel=(18, 18, 18), text=(255, 255, 255), muted=(230, 230, 230),
    border=(255, 255, 255), accent=(255, 215, 0), on_accent=(0, 0, 0),
    right=(0, 200, 140), wrong=(255, 140, 60), on_signal=(0, 0, 0),
    teams=((86, 180, 233), (230, 159, 0), (0, 200, 140), (230, 150, 200), (240, 228, 66), (255, 140, 60)),
    overlay=(0, 0, 0, 200),
)


def luminance(color: Color) -> float:
    """Relative luminance as WCAG 2 defines it."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Color, b: Color) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
