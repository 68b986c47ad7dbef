"""The debriefing projected to the room after the last card: the slides of `game.present.debriefing`, big enough to
be read from the back, a long slide spread over several views; the game's keys page through them (Enter or Page
Down on, Page Up back, Escape to the end screen), and a click on the left third goes back."""

from __future__ import annotations

import pygame

from game.present.debriefing import Slide, slides
from game.present.sheet import build_report
from game.table.table import Table
from game.ui.app import App, Scene
from game.ui.intents import Act, Intent
from game.ui.screens import Screen
from game.ui.text import text_width, wrap
from game.ui.widgets import line, mark, panel, team_chip, text_box
from game.wording.players import tr

FORWARD = (Act.CONFIRM, Act.NEXT, Act.RIGHT, Act.DOWN)
BACKWARD = (Act.UNDO, Act.LEFT, Act.UP, Act.BACK)
BULLET = "• "


class DebriefingScene(Scene):
    def __init__(self, app: App, table: Table):
        super().__init__(app)
        report = build_report(table)
        self.title = report.title
        self.slides: list[Slide] = slides(report)
        # each view: its slide, the rows shown (a text's lines, the panorama's teams, the bars' aspects) and the
        # panorama's columns shown
        self.views: list[tuple[int, range, range]] = []
        self.lines: dict[int, list[tuple[str, str]]] = {}  # a text slide's lines, each (style, text), once wrapped
        self.shown = 0
        self.area = self.head = self.foot = pygame.Rect(0, 0, 0, 0)

    @property
    def text_size(self) -> int:
        """The slides' text: a fifth above the body, for the back of the room."""
        return int(self.app.body * 1.2)

    def layout(self, width: int, height: int) -> None:
        body = self.app.body
        pad = max(12, height // 30)
        title_h = int(body * 1.7 * 1.25)
        self.head = pygame.Rect(pad, pad, width - 2 * pad, self.app.line + title_h)
        foot_h = self.app.fonts.get(self.app.small).get_linesize() * 2
        self.foot = pygame.Rect(pad, height - pad - foot_h, width - 2 * pad, foot_h)
        self.area = pygame.Rect(pad, self.head.bottom + body // 2, width - 2 * pad,
                                self.foot.top - body // 2 - self.head.bottom - body // 2)
        current = self.views[self.shown][0] if self.views else 0
        self.views, self.lines = [], {}
        inner = self.area.inflate(-body, -body)
        rows_room = inner.height // self._row()
        for n, slide in enumerate(self.slides):
            if slide.blocks:
                self.lines[n] = self._wrapped(slide, inner.width - body)
                per_view = max(1, inner.height // self._step())
                self.views += [(n, rows, range(0)) for rows in _pages(self.lines[n], per_view)]
            elif slide.teams:  # the panorama: as many teams and aspects' columns to a view as fit whole
                head, _, _, per = self._grid(slide, inner.width)
                teams = max(1, (inner.height - self._head_height(slide, head, inner.width)) // self._row())
                self.views += [(n, rows, columns) for rows in _chunks(len(slide.teams), teams)
                               for columns in _chunks(len(slide.aspects), per)]
            else:
                self.views += [(n, rows, range(0)) for rows in _chunks(len(slide.rates), max(1, rows_room))]
        self.shown = next((i for i, (n, _, _) in enumerate(self.views) if n == current), 0)

    def _row(self) -> int:
        """A row of the panorama or of the bars: a line of text, and room around it."""
        return int(self.app.fonts.get(self.text_size, bold=True).get_linesize() * 1.25)

    def _head_height(self, slide: Slide, head: int, width: int) -> int:
        """The panorama's header: the aspects' names, as many lines as the most wrapped one takes."""
        _, name_w, points_w, per = self._grid(slide, width)
        col_w = (width - name_w - points_w) // max(1, per)
        font = self.app.fonts.get(head, bold=True)
        return max(len(wrap(font, label, col_w)) for label in slide.aspects) * font.get_linesize() + self.app.body // 2

    def _step(self) -> int:
        return int(self.app.fonts.get(self.text_size).get_linesize() * 1.1)

    def _wrapped(self, slide: Slide, width: int) -> list[tuple[str, str]]:
        """The slide's blocks as lines at their sizes; a blank line before each card's head but the first."""
        lines: list[tuple[str, str]] = []
        for block in slide.blocks:
            if block.style == "head" and lines:
                lines.append(("blank", ""))
            font = self.app.fonts.get(self.text_size, bold=block.style == "head")
            if block.style == "item":  # after a bullet, its lines aligned on the first one's text
                wrapped = wrap(font, block.text, width - text_width(font, BULLET))
                lines += [("item", BULLET + wrapped[0])] + [("more", text) for text in wrapped[1:]]
            else:
                lines += [(block.style, text) for text in wrap(font, block.text, width)]
        return lines

    def handle(self, intent: Intent) -> None:
        if intent.kind == Act.CLICK:
            step = -1 if intent.pos[0] < self.app.size[0] // 3 else 1
        elif intent.kind in FORWARD:
            step = 1
        elif intent.kind in BACKWARD:
            step = -1
        elif intent.kind == Act.QUIT:  # the window closed: asked first, as on every other screen
            self.app.push(Screen.CONFIRM, question_key="confirm.leave", on_yes=self.app.pop_all)
            return
        elif intent.kind == Act.MENU:
            self.app.pop()
            return
        else:
            return
        if self.shown + step >= len(self.views):  # past the last slide: back to the end screen
            self.app.pop()
            return
        self.shown = max(0, self.shown + step)

    def draw(self, surface: pygame.Surface) -> None:
        theme, body = self.app.theme, self.app.body
        surface.fill(theme.background)
        if not self.views:
            return
        n, rows, columns = self.views[self.shown]
        slide = self.slides[n]
        page = tr("debrief.page", page=self.shown + 1, pages=len(self.views))
        right = line(self.app, surface, page, (self.head.right, self.head.y), body, theme.muted, anchor="topright")
        text_box(self.app, surface, f"{tr('debrief.title')} · {self.title}",
                 pygame.Rect(self.head.x, self.head.y, right.x - body - self.head.x, self.app.line), body, theme.muted)
        text_box(self.app, surface, slide.title, pygame.Rect(self.head.x, self.head.y + self.app.line,
                 self.head.width, self.head.height - self.app.line), int(body * 1.7), theme.text, bold=True)
        panel(surface, self.area, theme.panel, theme.border)
        inner = self.area.inflate(-body, -body)
        if slide.teams:
            self._draw_panorama(surface, inner, slide, rows, columns)
        elif slide.rates:
            self._draw_rates(surface, inner, slide, rows)
        else:
            self._draw_lines(surface, inner, [self.lines[n][i] for i in rows])
        text_box(self.app, surface, tr("debrief.keys"), self.foot, self.app.small, theme.muted, valign="center",
                 floor=self.app.small)

    def _draw_lines(self, surface: pygame.Surface, inner: pygame.Rect, lines: list[tuple[str, str]]) -> None:
        theme, step = self.app.theme, self._step()
        y = inner.y
        for style, text in lines:
            if text:
                color = theme.muted if style == "note" else theme.text
                x = inner.x + (text_width(self.app.fonts.get(self.text_size), BULLET) if style == "more" else 0)
                line(self.app, surface, text, (x, y), self.text_size, color, bold=style == "head")
            y += step

    def _grid(self, slide: Slide, width: int) -> tuple[int, int, int, int]:
        """The panorama's header size (the body's, or the secondary one where the teams' names leave too little
        room), the names' and the points' widths, and how many aspects' columns fit their names whole on a view."""
        body, size = self.app.body, self.text_size
        bold = self.app.fonts.get(size, bold=True)
        points_w = max(text_width(bold, tr("play.points", n=t.points)) for t in slide.teams) + body
        name_w = min(width // 3, max(text_width(bold, t.name) for t in slide.teams) + int(size * 2.2))
        for head in (body, self.app.small):
            column = max(text_width(self.app.fonts.get(head, bold=True), a) for a in slide.aspects) + body // 2
            per = max(1, min(len(slide.aspects), (width - name_w - points_w) // column))
            if per == len(slide.aspects):
                break
        return head, name_w, points_w, per

    def _draw_panorama(self, surface: pygame.Surface, inner: pygame.Rect, slide: Slide, teams: range,
                       columns: range) -> None:
        """A row per team (its chip, name and points), a column per aspect named on top, a tick where it is done."""
        theme, body = self.app.theme, self.app.body
        size = self.text_size
        aspects = [slide.aspects[k] for k in columns]
        head, name_w, points_w, per = self._grid(slide, inner.width)
        col_w = (inner.width - name_w - points_w) // max(1, per)
        head_h = self._head_height(slide, head, inner.width) - body // 2
        row_h = max(self._row(), min(int(self.app.line * 2.2), (inner.height - head_h - body // 2) // len(teams)))
        for k, label in enumerate(aspects):
            box = pygame.Rect(inner.x + name_w + k * col_w, inner.y, col_w, head_h)
            text_box(self.app, surface, label, box, head, theme.text, bold=True, align="center", valign="bottom",
                     floor=head)
        pip = min(int(size * 1.2), row_h - body // 2)
        for k, i in enumerate(teams):
            team = slide.teams[i]
            row = pygame.Rect(inner.x, inner.y + head_h + body // 2 + k * row_h, inner.width, row_h)
            if i % 2 == 0:
                pygame.draw.rect(surface, theme.background, row, border_radius=6)
            chip = team_chip(self.app, surface, i, row.x + body // 3, row.centery)
            name = pygame.Rect(chip.right + body // 2, row.y, name_w - chip.right + row.x - body, row.height)
            if team.completed is not None and row.height >= self._row() + self.app.small:  # who completed it, when
                done = tr("debrief.done_at", minutes=round(team.completed))
                name.height = row.height - self.app.small
                line(self.app, surface, done, (name.x, row.bottom - body // 6), self.app.small, theme.muted,
                     anchor="bottomleft")
            text_box(self.app, surface, team.name, name, size, theme.text, bold=True, valign="center")
            for k, label in enumerate(aspects):
                center = (inner.x + name_w + k * col_w + col_w // 2, row.centery)
                box = pygame.Rect(0, 0, pip, pip)
                box.center = center
                if label in team.panorama:
                    pygame.draw.rect(surface, theme.right, box, border_radius=4)
                    mark(surface, "check", box.center, pip * 2 // 3, theme.on_signal)
                else:
                    pygame.draw.rect(surface, theme.muted, box, width=3, border_radius=4)
            line(self.app, surface, tr("play.points", n=team.points), (row.right - body // 2, row.centery), size,
                 theme.text, bold=True, anchor="midright")

    def _draw_rates(self, surface: pygame.Surface, inner: pygame.Rect, slide: Slide, shown: range) -> None:
        """A bar per aspect: its label, how much of the room's answers were right, and the count."""
        theme, body = self.app.theme, self.app.body
        size = self.text_size
        bold = self.app.fonts.get(size, bold=True)
        label_w = min(inner.width * 2 // 5, max(text_width(bold, r.label) for r in slide.rates) + body)
        counts = [tr("debrief.rate", right=r.right, answered=r.answered, percent=r.percent) for r in slide.rates]
        count_w = max(text_width(self.app.fonts.get(size), c) for c in counts) + body
        row_h = max(self._row(), min(int(self.app.line * 2.2), inner.height // len(shown)))
        for k, i in enumerate(shown):
            rate, count = slide.rates[i], counts[i]
            row = pygame.Rect(inner.x, inner.y + k * row_h, inner.width, row_h)
            text_box(self.app, surface, rate.label, pygame.Rect(row.x, row.y, label_w - body // 2, row.height), size,
                     theme.text, bold=True, valign="center")
            track = pygame.Rect(row.x + label_w, row.centery - row_h // 4, row.width - label_w - count_w, row_h // 2)
            pygame.draw.rect(surface, theme.background, track, border_radius=6)
            filled = track.copy()
            filled.width = track.width * rate.right // max(1, rate.answered)
            if filled.width:
                pygame.draw.rect(surface, theme.accent, filled, border_radius=6)
            pygame.draw.rect(surface, theme.border, track, width=2, border_radius=6)
            line(self.app, surface, count, (row.right, row.centery), size, theme.text, anchor="midright")


def _chunks(count: int, per: int) -> list[range]:
    return [range(first, min(count, first + per)) for first in range(0, count, per)]


def _pages(lines: list[tuple[str, str]], per: int) -> list[range]:
    """The lines in views of at most `per`, a card's lines (from its head to the next) kept on one view where they
    fit in one; a view never opens on a blank line."""
    cards: list[range] = []
    for i, (style, _) in enumerate(lines):
        if not cards or (style == "head" and lines[i - 1][0] != "head"):  # a head over two lines is one head
            cards.append(range(i, i + 1))
        else:
            cards[-1] = range(cards[-1].start, i + 1)
    pages: list[range] = []
    for card in cards:
        first = card.start + (1 if pages and lines[card.start][0] == "blank" else 0)
        if pages and card.stop - pages[-1].start <= per:
            pages[-1] = range(pages[-1].start, card.stop)
            continue
        while first < card.stop:
            pages.append(range(first, min(card.stop, first + per)))
            first += per
    return pages
