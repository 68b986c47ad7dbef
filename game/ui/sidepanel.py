"""Where the play screen's side panel puts the gauges and the teams: a plan, measured but never drawn.

The screen draws from the plan and `validate` asks for one, so a scenario that validates is one whose
panel fits. Six gauges above six teams do not fit a 1280×720 panel in full at body size, so at each
text size, from the body down, the plan tries the full layout, then one line per gauge,
then one line per team, then the same without the two captions, and keeps the first that fits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import pygame

from game.ui.app import body_size, small_size
from game.ui.text import FontBook, text_width, wrap
from game.ui.widgets import bars, chip_size
from game.wording.players import tr

WIDTH = 0.27  # the panel's share of the window's width; the card has the rest
WIDER = 0.05  # the share it gains, up to a scale of 1.5, for a reader’s bigger text
LOWEST = 9  # text size below which the panel gives up and overlaps (and says so)


def side_rect(line: int, width: int, height: int, scale: float = 1.0) -> pygame.Rect:
    """The panel on a `width`×`height` play screen whose body text's line is `line` high, at the reader's `scale`."""
    pad, top, foot = bars(line, width, height, scale)
    side_w = int(width * (WIDTH + WIDER * min(1.0, max(0.0, (scale - 1) / 0.5))))
    return pygame.Rect(width - pad - side_w, top.bottom + pad, side_w, foot.top - 2 * pad - top.bottom)


@dataclass(frozen=True)
class SideContent:
    """What a scenario can put in the panel at any moment of its game."""

    gauge_labels: tuple[str, ...]
    widest_value: str  # the longest value a gauge can show, with its last change
    threshold_caption: str  # "" when no gauge has a threshold
    teams: int  # 0 when the panel never shows the teams
    widest_points: str  # "" when teams have no points to show
    panorama: int  # squares in a full panorama; 0 without one
    panorama_caption: str
    answers: bool  # every team answers: a box for each team's answer
    short_names: bool = False  # a team's name may be cut after a few letters (big text, many teams)


def side_content(gauges: Sequence[tuple[str, int, int]], thresholds: bool, win: str, teams: int, panorama: int,
                 every_team: bool) -> SideContent:
    """The panel's content for a scenario: its gauges as (label, low, high), its teams and its panorama."""
    values = [f"{v} ({sign}{high - low})" for _, low, high in gauges for v in (low, high) for sign in "+-"]
    scored = win != "gauges"
    panorama = panorama if win == "panorama" else 0
    return SideContent(
        gauge_labels=tuple(label for label, _, _ in gauges), widest_value=max(values, key=len, default=""),
        threshold_caption=tr("play.threshold") if thresholds else "",
        teams=teams if scored or every_team else 0, widest_points=tr("play.points", n=99) if scored else "",
        panorama=panorama, panorama_caption=tr("play.panorama_caption", total=panorama) if panorama else "",
        answers=every_team)


@dataclass(frozen=True)
class GaugeRow:
    lines: tuple[str, ...]  # the label, wrapped
    label: pygame.Rect  # the label's lines, one `line` apart
    bar: pygame.Rect
    value: tuple[int, int]  # where the value ends (midright)


@dataclass(frozen=True)
class Caption:
    text: str
    lines: tuple[str, ...]
    rect: pygame.Rect


@dataclass(frozen=True)
class SidePlan:
    size: int  # text size in the panel
    line: int  # one line of that text
    compact_gauges: bool  # label and value on one line, a thin bar under them
    compact_teams: bool  # chip, name, points or panorama and answer on one line
    gauges: tuple[GaugeRow, ...]
    teams: tuple[pygame.Rect, ...]
    answer_width: int  # the box at the right of a team row for its answer
    captions: tuple[Caption, ...]
    missing: int  # pixels of height lacking at the smallest size tried; 0 when the plan fits
    too_wide: bool  # a team row cannot hold its squares and answer even at the smallest size tried
    # Where the gauges and the teams cannot share the panel at the reader's size: the gauges' plan and the
    # teams' plan, shown one at a time (`plan` is then a copy of the first), and the line that leads to the other
    views: tuple[SidePlan, ...] = ()
    switch: pygame.Rect | None = None

    @property
    def fits(self) -> bool:
        return not self.missing and not self.too_wide

    @property
    def chip(self) -> int:
        return chip_size(self.size)

    @property
    def pip(self) -> int:
        """A panorama square; the gap after it is a third of it."""
        return max(8, self.size * 2 // 3)


def plan_for(fonts: FontBook, width: int, height: int, content: SideContent, scale: float = 1.0,
             strict: bool = False) -> SidePlan:
    """The panel's plan on a `width`×`height` play screen, text at the reader's `scale`, never below the size of
    secondary text the reader chose. `strict` (what `validate` asks, at the default scale) wants everything at
    once; on screen, where a bigger scale leaves less room, the gauges and the teams take turns, each with the
    whole panel; only where even one of them cannot fit alone does the text get smaller than chosen."""
    return _plan_for(fonts.family, width, height, content, scale, strict)


@lru_cache(maxsize=64)
def _plan_for(family: str, width: int, height: int, content: SideContent, scale: float, strict: bool) -> SidePlan:
    """`plan_for`, remembered: a session lays the panel out again at every move, `validate` at every card (the
    plan's rectangles are read, never changed)."""
    fonts = FontBook(family)
    body = body_size(height, scale)
    inner = side_rect(fonts.get(body).get_linesize(), width, height, scale).inflate(-body, -body)
    floor = small_size(height, scale)
    plan = plan_side(fonts, inner, content, body, floor)
    if plan.fits or strict:
        return plan
    step = text_line(fonts, floor)  # the line that leads to the other half, in the panel's bottom margin
    room = pygame.Rect(inner.x, inner.y, inner.width, inner.height + body // 3 - step)
    shown = [content, replace(content, short_names=True)]  # the room's team names cut with … only if need be
    for names in shown:
        plan = plan_side(fonts, inner, names, body, floor, lean=True)
        if plan.fits:
            return plan
    if content.gauge_labels and content.teams:
        # the gauges and the teams in turns, each with the line that leads to the other where there is room for
        # it, else a click anywhere on the panel
        line = pygame.Rect(inner.x, room.bottom, inner.width, step)
        for names in shown:
            views = []
            for half in (replace(names, teams=0, panorama_caption=""), replace(names, gauge_labels=(), threshold_caption="")):
                view = plan_side(fonts, room, half, body, floor, lean=True)
                view = replace(view, switch=line) if view.fits else replace(
                    plan_side(fonts, inner, half, body, floor, lean=True), switch=inner)
                views.append(view)
            if all(view.fits for view in views):
                return replace(views[0], views=tuple(views))
    return plan_side(fonts, inner, content, body, LOWEST)


def text_line(fonts: FontBook, size: int) -> int:
    """One line of panel text: the font's line, without the tall empty margins some fonts (OpenDyslexic) have."""
    return min(fonts.get(size).get_linesize(), round(size * 1.3))


def plan_side(fonts: FontBook, inner: pygame.Rect, content: SideContent, size: int, floor: int,
              lean: bool = False) -> SidePlan:
    """The largest, fullest layout of `content` that fits `inner`; at worst the smallest one, marked unfit.
    `lean`: captions may go before the gauges get compact (big text, where the full layout is the readable one)."""
    last = None
    for attempt in _attempts(size, min(size, floor), lean):
        last = _plan(fonts, inner, content, *attempt)
        if last.fits:
            return last
    assert last is not None
    return last


def _attempts(size: int, floor: int, lean: bool) -> Iterator[tuple[int, bool, bool, bool]]:
    """(size, compact gauges, compact teams, captions), from the fullest to the most compact."""
    for s in range(size, floor - 1, -1):
        yield s, False, False, True
        yield s, True, False, True
        yield s, True, True, True
        if lean:
            yield s, False, False, False
        yield s, True, True, False


def _plan(fonts: FontBook, inner: pygame.Rect, content: SideContent, size: int, compact_gauges: bool,
          compact_teams: bool, captions: bool) -> SidePlan:
    bold, regular = fonts.get(size, True), fonts.get(size)
    step = text_line(fonts, size)
    value_w = text_width(bold, content.widest_value) if content.gauge_labels else 0
    y = inner.y
    gauges = []
    for label in content.gauge_labels:
        if compact_gauges:
            lines = tuple(wrap(bold, label, inner.width - value_w - size // 2))
            label_box = pygame.Rect(inner.x, y, inner.width - value_w - size // 2, step * len(lines))
            bar = pygame.Rect(inner.x, label_box.bottom + size // 8, inner.width, max(4, size // 4))
            value = (inner.right, y + step // 2)
            bottom = bar.bottom + size // 2
        else:
            lines = tuple(wrap(bold, label, inner.width))
            label_box = pygame.Rect(inner.x, y, inner.width, step * len(lines))
            value_col = max(size * 4, value_w + size // 2)
            bar = pygame.Rect(inner.x, label_box.bottom + size // 4, inner.width - value_col, int(size * 0.9))
            value = (inner.right, bar.centery)
            bottom = bar.bottom + size
        gauges.append(GaugeRow(lines, label_box, bar, value))
        y = bottom
    found = []
    if captions and content.threshold_caption and content.gauge_labels:
        lines = tuple(wrap(regular, content.threshold_caption, inner.width))
        found.append(Caption(content.threshold_caption, lines, pygame.Rect(inner.x, y, inner.width, step * len(lines))))
        y += step * len(lines) + size // 2
    chip = chip_size(size)
    scored = bool(content.widest_points)
    two_lines = scored and not compact_teams
    row_h = int(step * 2.6) if two_lines else max(chip, step) + size // 3
    teams_h = row_h * content.teams
    tail = []
    if captions and content.panorama and content.teams:
        tail = list(wrap(regular, content.panorama_caption, inner.width))
    top = y if not content.gauge_labels else inner.bottom - teams_h - step * len(tail)
    teams = tuple(pygame.Rect(inner.x, top + i * row_h, inner.width, row_h - size // 4) for i in range(content.teams))
    if tail:
        found.append(Caption(content.panorama_caption, tuple(tail), pygame.Rect(inner.x, top + teams_h, inner.width, step * len(tail))))
    answer_w = text_width(bold, "6") + int(size * 2.2) if content.answers else 0  # more digits shrink to fit
    plan = SidePlan(size, step, compact_gauges, compact_teams, tuple(gauges), teams, answer_w, tuple(found),
                    missing=max(0, y + size // 2 - top if content.teams and gauges else y - inner.bottom,
                                top + teams_h + step * len(tail) - inner.bottom),
                    too_wide=False)
    return _check_width(plan, fonts, inner, content)


def _check_width(plan: SidePlan, fonts: FontBook, inner: pygame.Rect, content: SideContent) -> SidePlan:
    """Whether a team row holds, beside a default team name, its points, squares and answer box."""
    if not content.teams:
        return plan
    size, bold = plan.size, fonts.get(plan.size, True)
    squares = content.panorama * (plan.pip + plan.pip // 3)
    points = text_width(bold, content.widest_points) if content.widest_points else 0
    name = text_width(fonts.get(size), tr("team.default", n=6)[:3] + "…" if content.short_names
                      else tr("team.default", n=6))  # a default name shows whole, or its first letters
    first = size // 3 + plan.chip + size // 2 + name + (plan.answer_width + size // 3 if plan.answer_width else 0)
    if plan.compact_teams:
        first += (squares + size // 2) if content.panorama else (points + size // 2) if points else 0
        second = 0
    else:
        second = size // 3 + points + size + squares + text_width(bold, "6/6") + size // 3 if points else 0
    if max(first, second) <= inner.width:
        return plan
    return replace(plan, too_wide=True)
