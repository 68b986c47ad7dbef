"""The facilitator's view, drawn in the presenter window on the laptop while the projector shows the room's: the
card with its expected answer, why, its source and the author's notes; each team's entry; the time against the
target and the maximum; the next card; every team's panorama with its aspects named; the controls.

It reads the table through `game.present.room.facilitator` and draws at the presenter window's own size.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine.vocabulary import ActionType
from game.present.room import Facilitator, facilitator
from game.table.table import Table
from game.ui.app import App, body_size, small_size
from game.ui.intents import Act, Intent
from game.ui.playmarks import GOOD, clock_text
from game.ui.text import fit, text_width, wrap
from game.ui.widgets import chip_size, line, mark, panel, team_chip, text_box
from game.wording.players import tr

# The controls under the view, each with the key that does the same in either window.
CONTROLS = ((Act.PAUSE, "presenter.pause"), (Act.EXTEND, "presenter.extend"), (Act.SKIP, "presenter.skip"),
            (Act.UNDO, "presenter.undo"), (Act.END, "presenter.end"))
# the table's moves that make each control usable now (a reveal cannot be skipped, nothing to undo at the start)
MOVES = {Act.PAUSE: (ActionType.PAUSE, ActionType.RESUME), Act.EXTEND: (ActionType.EXTEND,),
         Act.SKIP: (ActionType.SKIP,), Act.UNDO: (ActionType.UNDO,), Act.END: (ActionType.END,)}


@dataclass(frozen=True)
class Control:
    """A control as drawn: where, and whether a click does anything now."""

    rect: pygame.Rect
    enabled: bool


@dataclass
class Sizes:
    body: int
    small: int
    line: int
    pad: int


def sizes(app: App, height: int) -> Sizes:
    """Text for a laptop's screen read up close: the play screen's rule, at the presenter window's height."""
    body = body_size(height, app.settings.scale)
    small = small_size(height, app.settings.scale)
    return Sizes(body, small, app.fonts.get(body).get_linesize(), max(8, body // 2))


def draw_facilitator(app: App, surface: pygame.Surface, table: Table, now: float) -> list[Control]:
    """The whole view; the controls, in the order of CONTROLS, for the clicks."""
    theme = app.theme
    size = sizes(app, surface.get_height())
    surface.fill(theme.background)
    width, height = surface.get_size()
    view = facilitator(table)
    header = pygame.Rect(size.pad, size.pad, width - 2 * size.pad, size.line)
    _header(app, surface, view, header, now, size)
    controls_h = int(size.line * 1.6)
    bar = pygame.Rect(size.pad, height - size.pad - controls_h, width - 2 * size.pad, controls_h)
    top = header.bottom + size.pad
    split = int(width * 0.58)
    card = pygame.Rect(size.pad, top, split - size.pad * 3 // 2, bar.top - size.pad - top)
    side = pygame.Rect(split, top, width - split - size.pad, card.height)
    _card(app, surface, view, card, size)
    _side(app, surface, table, view, side, size)
    return _controls(app, surface, view, bar, size)


def _header(app: App, surface: pygame.Surface, view: Facilitator, rect: pygame.Rect, now: float, size: Sizes) -> None:
    theme, clock = app.theme, view.clock
    if view.paused:
        said = tr("play.paused")
    elif clock.timed:
        said = tr("presenter.clock", elapsed=clock_text(clock.elapsed_at(now)), target=clock_text(clock.target),
                  limit=clock_text(clock.limit))
    else:
        said = tr("play.spent", time=clock_text(clock.elapsed_at(now)))
    stage = clock.stage_at(now)
    color = theme.wrong if stage == "over" and not view.paused else theme.text
    right = line(app, surface, said, (rect.right, rect.centery), size.body, color, bold=True, anchor="midright")
    where = tr("play.card", n=view.number, total=view.total)
    if view.face is not None:
        where = tr("presenter.where", card=where, kind=view.face.label, aspect=view.aspect_label)
    text_box(app, surface, where, pygame.Rect(rect.x, rect.y, right.x - size.body - rect.x, rect.height), size.body,
             theme.text, bold=True, floor=size.small)


def _card(app: App, surface: pygame.Surface, view: Facilitator, rect: pygame.Rect, size: Sizes) -> None:
    """The card as the room sees it, then what only the facilitator sees: the expected answer marked, why, the
    source and the notes."""
    theme = app.theme
    panel(surface, rect, theme.panel, theme.border)
    inner = rect.inflate(-size.body, -size.body)
    face = view.face
    if face is None:
        return
    rows: list[tuple[str, str, int]] = [("bold", face.prompt if not view.choices else face.summary, 0)]
    expected, acceptable = set(view.expected), set(view.acceptable)
    for i, choice in enumerate(view.choices):
        kind = "right" if i in expected else "acceptable" if i in acceptable else "choice"
        rows.append((kind, f"{i + 1}  {choice}", i))
    why = view.why
    if why is not None and why.text:
        rows.append(("muted", tr("presenter.why", text=why.text), 0))
    if why is not None and why.source:
        rows.append(("muted", tr("presenter.source", source=why.source), 0))
    if view.notes:
        rows.append(("notes", tr("presenter.notes", notes=view.notes), 0))
    _flow(app, surface, inner, rows, size)


def _flow(app: App, surface: pygame.Surface, inner: pygame.Rect, rows: list[tuple[str, str, int]], size: Sizes) -> None:
    """The rows one under the other, wrapped; the first sizes that fit them all (body, then secondary)."""
    theme = app.theme
    for text_size in (size.body, size.small):
        font_h = app.fonts.get(text_size).get_linesize()
        needed = sum(len(wrap(app.fonts.get(text_size, bold=kind in ("bold", "right")), text,
                              inner.width - _indent(kind, text_size))) * font_h + text_size // 3
                     for kind, text, _ in rows)
        if needed <= inner.height:
            break
    y = inner.y
    for kind, text, _ in rows:
        indent = _indent(kind, text_size)
        color = {"muted": theme.muted, "right": theme.text}.get(kind, theme.text)
        box = pygame.Rect(inner.x + indent, y, inner.width - indent, inner.bottom - y)
        if kind == "notes":
            lines = len(wrap(app.fonts.get(text_size), text, box.width))
            pygame.draw.rect(surface, theme.accent, (inner.x, y, max(3, text_size // 6), lines * font_h))
        if kind == "right":
            mark(surface, "check", (inner.x + text_size // 2, y + font_h // 2), text_size * 3 // 4, theme.right)
        elif kind == "acceptable":
            line(app, surface, "~", (inner.x + text_size // 2, y + font_h // 2), text_size, theme.muted, bold=True,
                 anchor="center")
        fitted = text_box(app, surface, text, box, text_size, color, bold=kind in ("bold", "right"),
                          floor=size.small)
        y += fitted.height + text_size // 3
        if y >= inner.bottom:
            return


def _indent(kind: str, text_size: int) -> int:
    return int(text_size * 1.4) if kind in ("right", "acceptable", "choice", "notes") else 0


def _side(app: App, surface: pygame.Surface, table: Table, view: Facilitator, rect: pygame.Rect, size: Sizes) -> None:
    """Each team's entry and its panorama with the aspects named; the next card at the bottom."""
    theme = app.theme
    panel(surface, rect, theme.panel, theme.border)
    inner = rect.inflate(-size.body, -size.body)
    standings = table.standings()
    aspects = table.facts().aspects
    panorama = view.panorama_labels
    upcoming = view.upcoming
    nxt = tr("presenter.next", kind=upcoming.label, aspect=view.upcoming_aspect, what=upcoming.summary) \
        if upcoming is not None else tr("presenter.last")
    next_h = fit(app.fonts, nxt, inner.width, inner.height // 4, size.small, size.small).height
    text_box(app, surface, nxt, pygame.Rect(inner.x, inner.bottom - next_h, inner.width, next_h), size.small,
             theme.muted, floor=size.small)
    room = inner.height - next_h - size.small
    teams = standings.teams
    row_h = max(size.line, min(int(size.line * 2.4), room // max(1, len(teams))))
    for i, team in enumerate(teams):
        row = pygame.Rect(inner.x, inner.y + i * row_h, inner.width, row_h - size.small // 3)
        if row.bottom > inner.bottom - next_h:
            break
        if view.team == i or (view.every_team and i in view.answering and view.entries[i] is None):
            pygame.draw.rect(surface, theme.accent, row, width=2, border_radius=6)
        first = row.y + chip_size(size.body) // 2 + 3  # the middle of the row's first line
        chip = team_chip(app, surface, i, row.x + size.small // 3, first, size.body)
        answered = _entry(app, surface, view, i, (row.right - size.small // 2, first), size)
        name = tr("presenter.team", name=team.name, points=tr("play.points", n=team.score))
        text_box(app, surface, name, pygame.Rect(chip.right + size.small // 2, first - size.line // 2, answered.x
                 - chip.right - size.small, size.line), size.body, theme.text, bold=True, floor=size.small)
        below = chip.bottom + 2
        if panorama and row.bottom - below >= app.fonts.get(size.small).get_linesize():
            done = [aspects.get(a, a) for a in team.panorama]  # already in the squares' order
            said = tr("presenter.panorama", done=len(done), total=len(panorama),
                      aspects=", ".join(done) if done else tr("presenter.none"))
            text_box(app, surface, said, pygame.Rect(chip.x, below, row.right - chip.x - size.small // 2,
                     row.bottom - below), size.small, theme.muted, floor=size.small, quiet=True)


def _entry(app: App, surface: pygame.Surface, view: Facilitator, team: int, right: tuple[int, int],
           size: Sizes) -> pygame.Rect:
    """A team's entry ending at `right`: as typed while teams answer; on the reveal, with its check or cross in
    the verdict's colour. Where it was drawn."""
    theme = app.theme
    verdict = next((v for v in view.reveal.verdicts if v.team == team), None) if view.reveal is not None else None
    entry = verdict.choices if verdict is not None else view.entries[team] if team < len(view.entries) else None
    said = "+".join(str(c + 1) for c in entry) if entry else "—"
    good = GOOD[verdict.mark] if verdict is not None else None
    color = theme.text if good is None else theme.right if good else theme.wrong
    drawn = line(app, surface, said, right, size.body, color, bold=True, anchor="midright")
    if good is None:
        return drawn
    centre = (drawn.x - size.body * 2 // 3, drawn.centery)
    mark(surface, "check" if good else "cross", centre, size.body * 2 // 3, color)
    return drawn.union(pygame.Rect(centre[0] - size.body // 2, drawn.y, 1, drawn.height))


def _controls(app: App, surface: pygame.Surface, view: Facilitator, bar: pygame.Rect, size: Sizes) -> list[Control]:
    """The controls along the bottom, those the table would refuse now greyed; « Reprendre » while paused."""
    theme = app.theme
    gap = size.small // 2
    labels = [tr("presenter.resume" if act == Act.PAUSE and view.paused else key) for act, key in CONTROLS]
    font = app.fonts.get(size.small, bold=True)
    weights = [text_width(font, label) + size.body for label in labels]
    room = bar.width - gap * (len(labels) - 1)
    controls, x = [], bar.x
    for (act, _), label, weight in zip(CONTROLS, labels, weights):
        rect = pygame.Rect(x, bar.y, room * weight // sum(weights), bar.height)
        enabled = any(move in view.moves for move in MOVES[act])
        panel(surface, rect, theme.panel if enabled else theme.background, theme.border if enabled else theme.muted,
              width=2)
        text_box(app, surface, label, rect.inflate(-size.small // 2, -4), size.small,
                 theme.text if enabled else theme.muted, bold=enabled, align="center", valign="center",
                 floor=size.small)
        controls.append(Control(rect, enabled))
        x = rect.right + gap
    return controls


def control_at(controls: list[Control], pos: tuple[int, int]) -> Intent | None:
    """The intent of the usable control under a click in the presenter window, if any."""
    for control, (act, _) in zip(controls, CONTROLS):
        if control.enabled and control.rect.collidepoint(pos):
            return Intent(act)
    return None
