"""Drawing pieces shared by the scenes: panels, fitted text, marks, and a list of big buttons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pygame

from game.ui.intents import Act, Intent
from game.ui.text import Fitted, fit, text_width, wrap
from game.ui.theme import Color


def panel(surface: pygame.Surface, rect: pygame.Rect, fill: Color, border: Color | None = None,
          radius: int = 10, width: int = 2) -> None:
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if border is not None:
        pygame.draw.rect(surface, border, rect, width=width, border_radius=radius)


def text_box(app, surface: pygame.Surface, text: str, rect: pygame.Rect, size: int, color: Color,
             bold: bool = False, align: str = "left", valign: str = "top", floor: int | None = None,
             quiet: bool = False) -> Fitted:
    """Draw `text` fitted into `rect`: wrapped by words, shrunk down to the body size, and further, down to
    the small size, when the reader's own settings (bigger text, the wider OpenDyslexic font) take more
    room than `validate` measured with the defaults: smaller text rather than a cut one.

    Text that still does not fit is cut with … and reported, unless `quiet`: a one-line reminder of a text the
    reader has seen in full and can see again, cut at the reader's size rather than shrunk below it."""
    app.shown.append(text)
    floor = floor or app.body
    fitted = fit(app.fonts, text, rect.width, rect.height, size, floor, bold=bold)
    if fitted.overflow and floor > app.small and app.settings.widened and not quiet:
        fitted = fit(app.fonts, text, rect.width, rect.height, floor, app.small, bold=bold)
        if fitted.size < floor:  # smaller than the reader chose: a screen still to reflow (issue 32), said
            app.report_shrunk(text)
    y = rect.y if valign == "top" else rect.y + (rect.height - fitted.height) // 2
    for line in fitted.lines:
        rendered = app.text.render(line, fitted.size, color, bold)
        x = rect.x if align == "left" else rect.x + (rect.width - rendered.get_width()) // 2
        surface.blit(rendered, (x, y + (fitted.line_height - rendered.get_height()) // 2))
        y += fitted.line_height
    if fitted.overflow and not quiet:
        app.report_overflow(text)
    return fitted


def line(app, surface: pygame.Surface, text: str, pos: tuple[int, int], size: int, color: Color,
         bold: bool = False, anchor: str = "topleft") -> pygame.Rect:
    app.shown.append(text)
    rendered = app.text.render(text, size, color, bold)
    rect = rendered.get_rect(**{anchor: pos})
    surface.blit(rendered, rect)
    return rect


def mark(surface: pygame.Surface, kind: str, center: tuple[int, int], size: int, color: Color) -> None:
    """A check or a cross drawn as lines (the font has neither glyph), thick enough to read from afar."""
    x, y = center
    s = size // 2
    width = max(3, size // 6)
    if kind == "check":
        pygame.draw.lines(surface, color, False, [(x - s, y), (x - s // 3, y + s * 2 // 3), (x + s, y - s * 2 // 3)], width)
    else:
        pygame.draw.line(surface, color, (x - s, y - s), (x + s, y + s), width)
        pygame.draw.line(surface, color, (x - s, y + s), (x + s, y - s), width)


def tick_room(choice: Choice, size: int) -> int:
    """The width a row's tick box takes before its label, with its gap (none for a row without one)."""
    return size * 3 // 2 if choice.checked is not None else 0


def tick_box(surface: pygame.Surface, checked: bool, left: int, centery: int, size: int, color: Color) -> None:
    """A box `size` pixels high, ticked or empty, drawn as lines (the fonts have no ☑)."""
    box = pygame.Rect(left, centery - size // 2, size, size)
    pygame.draw.rect(surface, color, box, width=max(2, size // 10), border_radius=max(2, size // 8))
    if checked:
        mark(surface, "check", box.center, size * 2 // 3, color)


def chip_size(text: int) -> int:
    """A team chip's side for digits `text` pixels high."""
    return int(text * 1.4)


def team_chip(app, surface: pygame.Surface, index: int, left: int, centery: int, size: int | None = None
              ) -> pygame.Rect:
    """A team's number on its colour (colour and digit), as every team row starts; `size`: its text's."""
    body, theme = size or app.body, app.theme
    side = chip_size(body)
    chip = pygame.Rect(left, centery - side // 2, side, side)
    panel(surface, chip, theme.teams[index % len(theme.teams)], theme.text, radius=6)
    line(app, surface, str(index + 1), chip.center, body, theme.on_signal, bold=True, anchor="center")
    return chip


def threshold_line(app, surface: pygame.Surface, start: tuple[int, int], end: tuple[int, int]) -> None:
    """A gauge's threshold: a thick line in the warning colour with a thin dark core, seen in grey too."""
    pygame.draw.line(surface, app.theme.wrong, start, end, 5)
    pygame.draw.line(surface, app.theme.text, start, end, 1)


class Choice(NamedTuple):
    label: str
    key: str
    detail: str = ""
    # a letter pressed instead of a number, shown in its place: a row that comes and goes, or one past the ninth,
    # leaves the others their numbers and is itself one key away
    shortcut: str = ""
    checked: bool | None = None  # a row that is ticked or not (a card chosen for a workshop): a box before its label


class ButtonList:
    """A column of large buttons: arrows move the focus, Enter or a number picks, the mouse clicks."""

    def __init__(self, choices: Sequence[Choice], focus: int = 0):
        self.choices = list(choices)
        self.focus = min(focus, max(0, len(self.choices) - 1))
        self.rects: list[pygame.Rect] = []
        self.area = pygame.Rect(0, 0, 0, 0)
        self.heights: list[int] = []
        self.gap = 0
        self.paired: tuple[range, ...] = ()  # runs of rows laid two to a line (when space is short)
        self.cues: dict[int, pygame.Rect] = {}  # the triangles saying rows are hidden above (-1) or below (1)
        self._columns: dict[tuple[str, int], int] = {}  # (font family, size) → the widest one-character mark

    def handle(self, intent: Intent) -> str | None:
        """The key of the chosen button, if the intent chose one."""
        key = self._handle(intent)
        if self.rects:
            self._place()
        return key

    def _handle(self, intent: Intent) -> str | None:
        if not self.choices:
            return None
        if intent.kind not in (Act.TEXT, Act.LETTER) and len(intent.text) == 1:  # a command's letter (S, P, T…)
            shortcuts = [i for i, choice in enumerate(self.choices) if choice.shortcut.lower() == intent.text]
            if shortcuts:
                self.focus = shortcuts[0]
                return self.choices[self.focus].key
        if intent.kind in (Act.UP, Act.LEFT):
            self.focus = (self.focus - 1) % len(self.choices)
        elif intent.kind in (Act.DOWN, Act.RIGHT):
            self.focus = (self.focus + 1) % len(self.choices)
        elif intent.kind in (Act.CONFIRM, Act.NEXT):
            return self.choices[self.focus].key
        elif intent.kind in (Act.CHOOSE, Act.LETTER):
            wanted = str(intent.number) if intent.kind == Act.CHOOSE else intent.text
            chosen = [i for i in range(len(self.choices)) if self.mark(i).lower() == wanted]
            if chosen:
                self.focus = chosen[0]
                return self.choices[self.focus].key
        elif intent.kind == Act.CLICK and any(r.collidepoint(intent.pos) for r in self.cues.values()):
            step = next(k for k, r in self.cues.items() if r.collidepoint(intent.pos))
            self.focus = max(0, min(len(self.choices) - 1, self.focus + step))
        elif intent.kind in (Act.CLICK, Act.POINT):
            for i in self.visible():
                if self.rects[i].collidepoint(intent.pos):
                    self.focus = i
                    return self.choices[i].key if intent.kind == Act.CLICK else None
        return None

    def layout(self, area: pygame.Rect, heights: Sequence[int], gap: int, paired: tuple[range, ...] = ()) -> None:
        """Stack the buttons in `area`, each run in `paired` two to a line; when they do not all fit, the
        list scrolls to keep the focus shown."""
        self.area = area
        self.gap = gap
        self.heights = list(heights)
        self.paired = paired
        self._place()

    def layout_row(self, area: pygame.Rect, gap: int, weights: Sequence[int] = ()) -> None:
        """Side by side in `area` (a bar of actions under a screen's content): equal widths, or shared in
        proportion to `weights` (each label's width, so a long one is not cut beside short ones)."""
        self.area, self.gap, self.heights = area, gap, []
        n = max(1, len(self.choices))
        shares = list(weights) if len(weights) == n else [1] * n
        room = area.width - gap * (n - 1)
        x, self.rects = area.x, []
        for share in shares:
            width = room * share // sum(shares)
            self.rects.append(pygame.Rect(x, area.y, width, area.height))
            x += width + gap

    def _place(self) -> None:
        if not self.heights:  # laid out as a row, or not yet: nothing scrolls
            return
        boxes, top = [], 0
        half = (self.area.width - self.gap) // 2
        for i, h in enumerate(self.heights):
            if second_of_pair(i, self.paired):  # the right half of the line above
                boxes.append((self.area.x + half + self.gap, boxes[-1][1], half, h))
                continue
            width = half if second_of_pair(i + 1, self.paired) else self.area.width
            if boxes:
                top += boxes[-1][3] + self.gap
            boxes.append((self.area.x, top, width, h))
        focused = boxes[self.focus]
        shift = max(0, focused[1] + focused[3] - self.area.height)
        if shift:  # scrolled: the first row shown starts at the top, no blank band where a row is hidden
            shift = min(focused[1], min(top for _, top, _, _ in boxes if top >= shift))
        self.rects = [pygame.Rect(x, self.area.y + y - shift, w, h) for x, y, w, h in boxes]

    def _mark_column(self, app, size: int, i: int) -> int:
        """Where row `i`'s label starts after its mark, at `size`: past the widest one-character mark, so that
        the labels line up whether a row shows 1 or R; a longer mark (« Échap ») takes its own room."""
        font, key = app.fonts.get(size, True), (app.fonts.family, size)
        if key not in self._columns:  # measured once per size, not for every row at every frame
            marks = (self.mark(k) for k in range(len(self.choices)))
            self._columns[key] = max([text_width(font, mark) for mark in marks if len(mark) == 1], default=0)
        mark = self.mark(i)
        return self._columns[key] if len(mark) == 1 else max(self._columns[key], text_width(font, mark))

    def mark(self, i: int) -> str:
        """What row `i` shows and answers to: its shortcut, or its number among the rows without one."""
        shortcut = self.choices[i].shortcut
        return shortcut or str(1 + sum(1 for choice in self.choices[:i] if not choice.shortcut))

    def visible(self) -> list[int]:
        return [i for i, r in enumerate(self.rects) if r.top >= self.area.top - 1 and r.bottom <= self.area.bottom + 1]

    def needs(self, app, width: int, numbered: bool = True) -> list[int]:
        """Each row's least height for its label (and detail) whole at the body size, `width` wide, as `draw`
        fits it: what a row is given at least, the list scrolling when they do not all fit, never smaller text."""
        body, heights = app.body, []
        bold, plain = app.fonts.get(body, True), app.fonts.get(body)

        def block(font: pygame.font.Font, text: str, room: int) -> int:
            lines = len(wrap(font, text, room))
            return int(font.get_linesize() * 1.08) * (lines - 1) + font.get_height()

        for i, choice in enumerate(self.choices):
            size = body if choice.detail else int(body * 1.1)
            inner = width - body - (self._mark_column(app, size, i) + body if numbered else 0) - tick_room(choice, size)
            need = block(bold if choice.detail else plain, choice.label, inner)
            if choice.detail:  # the label in 55 % of the row, the detail in the rest
                need = max(need * 100 // 55, block(plain, choice.detail, inner) * 100 // 45)
            heights.append(need + body // 3 + 2)
        return heights

    def draw(self, app, surface: pygame.Surface, numbered: bool = True) -> None:
        theme = app.theme
        shown = self.visible()
        self._draw_cues(app, surface, shown)
        for i in shown:
            choice, rect = self.choices[i], self.rects[i]
            focused = i == self.focus
            panel(surface, rect, theme.accent if focused else theme.panel, theme.accent if focused else theme.border,
                  width=3)
            color = theme.on_accent if focused else theme.text
            inner = rect.inflate(-app.body, -app.body // 3)
            size = app.body if choice.detail else int(app.body * 1.1)
            if numbered:  # at its label's size: the same font, whose glyphs are loaded once
                line(app, surface, self.mark(i), (inner.x, inner.centery), size, color, bold=True, anchor="midleft")
                column = self._mark_column(app, size, i)
                inner.x, inner.width = inner.x + column + app.body, inner.width - column - app.body
            if choice.checked is not None:
                tick_box(surface, choice.checked, inner.x, inner.centery, size, color)
                inner.x, inner.width = inner.x + tick_room(choice, size), inner.width - tick_room(choice, size)
            if choice.detail:
                top = pygame.Rect(inner.x, inner.y, inner.width, inner.height * 55 // 100)
                text_box(app, surface, choice.label, top, app.body, color, bold=True, valign="center", floor=app.body)
                bottom = pygame.Rect(inner.x, top.bottom, inner.width, inner.height - top.height)
                text_box(app, surface, choice.detail, bottom, app.body, color, valign="center", floor=app.body)
            else:
                bold = focused and not fit(app.fonts, choice.label, inner.width, inner.height, size, app.body,
                                           bold=True).overflow  # the focus in bold where its wider letters fit
                text_box(app, surface, choice.label, inner, size, color, bold=bold, valign="center", floor=app.body)

    def _draw_cues(self, app, surface: pygame.Surface, shown: list[int]) -> None:
        """A triangle over the list when rows are hidden above it, under it when some are below: the list
        scrolls with the focus (arrows, numbers), and a click on a triangle moves it one row that way."""
        self.cues = {}
        if not shown:
            return
        side = max(8, app.body // 2)
        for step, hidden, y in ((-1, shown[0] > 0, self.area.top - side // 2 - 2),
                                (1, shown[-1] < len(self.choices) - 1, self.area.bottom + side // 2 + 2)):
            if not hidden:
                continue
            x = self.area.right - side
            tip = y - side // 2 if step < 0 else y + side // 2
            base = y + side // 2 if step < 0 else y - side // 2
            pygame.draw.polygon(surface, app.theme.accent, [(x - side, base), (x + side, base), (x, tip)])
            self.cues[step] = pygame.Rect(x - side, min(tip, base), 2 * side, side)


def second_of_pair(i: int, paired: tuple[range, ...]) -> bool:
    """Row `i` goes to the right of the row before it."""
    return any(i in run and (i - run.start) % 2 == 1 for run in paired)


def action_bar(app, buttons: ButtonList, left: int, width: int, bottom: int, high: int, most: int = 2
               ) -> pygame.Rect:
    """Lay `buttons` out as the actions under a screen's content, ending at `bottom`: side by side, each as wide as
    its label needs; where big text leaves no room for that, two to a line where both labels fit half a line, else
    one, on `most` lines at most, the bar scrolling with the focus (a triangle where actions are hidden). The
    bar's place, for the content above it."""
    body = app.body
    bold = app.fonts.get(int(body * 1.1), True)
    widths = [text_width(bold, buttons.mark(i)) + text_width(bold, c.label) + body * 3
              for i, c in enumerate(buttons.choices)]
    gap = body // 2
    if sum(widths) + gap * (len(widths) - 1) <= width:
        bar = pygame.Rect(left, bottom - high, width, high)
        buttons.layout_row(bar, gap, widths)
        return bar
    half, pairs, i = (width - gap) // 2, [], 0
    while i < len(widths):
        if i + 1 < len(widths) and max(widths[i], widths[i + 1]) <= half:
            pairs.append(range(i, i + 2))
            i += 2
        else:
            i += 1
    lines = min(most, len(widths) - len(pairs))
    bar = pygame.Rect(left, bottom - (high + gap) * lines + gap, width, (high + gap) * lines - gap)
    buttons.layout(bar, [high] * len(widths), gap, tuple(pairs))
    return bar


def actions_with_note(app, buttons: ButtonList, note: str, left: int, width: int, bottom: int, high: int,
                      most: int = 2, noted: bool = True) -> pygame.Rect:
    """An end screen's actions at the bottom (see `action_bar`) and, above them when `noted`, the line saying
    where its sheet is, wrapped at the body size: the line's place (no height when not `noted`)."""
    bar = action_bar(app, buttons, left, width, bottom, high, most)
    font = app.fonts.get(app.body)
    height = len(wrap(font, note, width)) * int(font.get_linesize() * 1.08) if noted else 0
    return pygame.Rect(left, bar.top - app.body // 2 - height, width, height)


def bars(line: int, width: int, height: int, scale: float = 1.0) -> tuple[int, pygame.Rect, pygame.Rect]:
    """The margin, the top bar and the footer of a play-like screen: sized by a line of body text. From the
    reader's scale of 1.3 up, the footer holds two lines of secondary text: its key help and its messages wrap
    rather than shrink below the reader's size."""
    pad = max(12, height // 40)
    top_h, foot_h = int(line * 2.1), int(line * (1.75 if scale >= 1.3 else 1.3))
    return (pad, pygame.Rect(pad, pad, width - 2 * pad, top_h),
            pygame.Rect(pad, height - pad - foot_h, width - 2 * pad, foot_h))
