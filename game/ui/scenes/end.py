"""The end screen, made to be read from the back of the room: who won (or how the gauges ended) in big
letters, each team's panorama drawn, each gauge's path over the session, and the sheet the table wrote
the moment the session ended, to open or print."""

from __future__ import annotations

import pygame

from game.desktop import open_file, print_file
from game.table.table import Table
from game.table.view import GaugeView, Standings
from game.ui.app import App, Scene
from game.ui.intents import Intent
from game.ui.listing import press
from game.ui.screens import Screen
from game.ui.sheetnote import sheet_note
from game.ui.text import text_width, wrap
from game.ui.widgets import (
    ButtonList,
    Choice,
    line,
    mark,
    panel,
    team_chip,
    text_box,
    threshold_line,
)
from game.wording.players import end_reason, headline, tr


class EndScene(Scene):
    def __init__(self, app: App, table: Table):
        super().__init__(app)
        self.table = table
        self.standings: Standings = table.standings()
        self.aspects = table.facts().aspects  # read once: drawing happens on every frame
        self.minutes = round(table.view().clock.elapsed / 60)
        self.status = ""
        sheet = [Choice(tr("end.open"), "open"), Choice(tr("end.print"), "print")] if table.sheet else []
        self.buttons = ButtonList(sheet + [Choice(tr("end.home"), "home"), Choice(tr("end.quit"), "quit")])
        self.head_rect = self.teams_rect = self.gauges_rect = self.foot_rect = pygame.Rect(0, 0, 0, 0)

    @property
    def shows_teams(self) -> bool:
        return self.standings.win != "gauges"

    def sheet_line(self) -> str:
        return sheet_note(self.table, self.status)

    def handle(self, intent: Intent) -> None:
        press(self.app, self.buttons, intent, self.choose)

    def choose(self, key: str) -> None:
        sheet = self.table.sheet
        if key == "open" and sheet is not None:
            self.status = open_file(sheet.pdf)
        elif key == "print" and sheet is not None:
            self.status = print_file(sheet.pdf)
        elif key == "home":
            self.app.replace(Screen.HOME)
        else:
            self.app.pop_all()

    def layout(self, width: int, height: int) -> None:
        body, step = self.app.body, self.app.line
        pad = max(12, height // 40)
        big = self.app.fonts.get(int(body * 2.2), bold=True)
        head_h = step + len(wrap(big, headline(self.standings), width - 2 * pad)[:2]) * big.get_linesize()
        self.head_rect = pygame.Rect(pad, pad, width - 2 * pad, head_h)
        buttons_h = int(step * 1.6)
        font = self.app.fonts.get(body)
        # the actions side by side, each as wide as its label needs; two to a line where big text needs it
        bold = self.app.fonts.get(int(body * 1.1), True)
        widths = [text_width(bold, f"{i + 1}") + text_width(bold, c.label) + body * 3
                  for i, c in enumerate(self.buttons.choices)]
        n, gap = len(widths), body // 2
        one_line = sum(widths) + gap * (n - 1) <= width - 2 * pad
        bar_h = buttons_h if one_line else (buttons_h + gap) * ((n + 1) // 2) - gap
        foot_h = len(wrap(font, self.sheet_line(), width - 2 * pad)) * int(font.get_linesize() * 1.08)
        self.foot_rect = pygame.Rect(pad, height - pad - bar_h - body // 2 - foot_h, width - 2 * pad, foot_h)
        bar = pygame.Rect(pad, height - pad - bar_h, width - 2 * pad, bar_h)
        if one_line:
            self.buttons.layout_row(bar, gap, widths)
        else:
            self.buttons.layout(bar, [buttons_h] * n, gap, (range(0, n - n % 2),))
        middle = pygame.Rect(pad, self.head_rect.bottom + pad, width - 2 * pad,
                             self.foot_rect.top - pad - self.head_rect.bottom - pad)
        gauges = bool(self.standings.gauges)
        if self.shows_teams and gauges:
            split = int(middle.width * 0.52)  # the gauges need a label, a path and two values on a line
            self.teams_rect = pygame.Rect(middle.x, middle.y, split, middle.height)
            self.gauges_rect = pygame.Rect(middle.x + split + pad, middle.y, middle.width - split - pad, middle.height)
        else:
            self.teams_rect = middle if self.shows_teams else pygame.Rect(0, 0, 0, 0)
            self.gauges_rect = middle if gauges else pygame.Rect(0, 0, 0, 0)

    def draw(self, surface: pygame.Surface) -> None:
        theme, body = self.app.theme, self.app.body
        surface.fill(theme.background)
        head = self.head_rect
        said = f"{tr('end.title')} · {end_reason(self.standings.end_reason)} · {tr('end.minutes', n=self.minutes)}"
        text_box(self.app, surface, said, pygame.Rect(head.x, head.y, head.width, self.app.line), body, theme.muted)
        text_box(self.app, surface, headline(self.standings), pygame.Rect(head.x, head.y + self.app.line, head.width,
                 head.height - self.app.line), int(body * 2.2), theme.text, bold=True)
        if self.teams_rect.width:
            self._draw_teams(surface, self.teams_rect)
        if self.gauges_rect.width:
            self._draw_gauges(surface, self.gauges_rect)
        text_box(self.app, surface, self.sheet_line(), self.foot_rect, body, theme.muted, valign="center")
        self.buttons.draw(self.app, surface, numbered=True)

    def _draw_teams(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """One row per team: number, name, points, and its panorama as big squares, filled when acquired."""
        theme, body, step = self.app.theme, self.app.body, self.app.line
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, -body)
        standings = self.standings
        panorama = standings.panorama if standings.win == "panorama" else ()
        legend = tr("end.panorama_legend", aspects=" · ".join(self.aspects.get(a, a) for a in panorama))
        font = self.app.fonts.get(body)
        legend_h = len(wrap(font, legend, inner.width)) * int(font.get_linesize() * 1.08) if panorama else 0
        teams = standings.teams
        row_h = max(step, min(int(step * 2), (inner.height - legend_h) // max(1, len(teams))))
        pip = min(int(body * 1.1), row_h - body // 2)
        bold = self.app.fonts.get(body, True)
        completed = panorama and any(t.completed is not None for t in teams)
        tail_w = text_width(bold, tr("end.done", minutes=88)) if completed else 0
        points_w = text_width(bold, tr("play.points", n=888))
        for i, team in enumerate(teams):
            row = pygame.Rect(inner.x, inner.y + i * row_h, inner.width, row_h - body // 4)
            if i in standings.winners:
                pygame.draw.rect(surface, theme.accent, row, width=4, border_radius=8)
            chip = team_chip(self.app, surface, i, row.x + body // 3, row.centery)
            right = row.right - body // 2
            if panorama:
                if team.completed is not None:
                    line(self.app, surface, tr("end.done", minutes=round(team.completed / 60)), (right, row.centery),
                         body, theme.text, bold=True, anchor="midright")
                x = right - tail_w - len(panorama) * (pip + pip // 3)
                right = x - body // 2
                for aspect in panorama:
                    box = pygame.Rect(x, row.centery - pip // 2, pip, pip)
                    if aspect in team.panorama:
                        pygame.draw.rect(surface, theme.text, box)
                        mark(surface, "check", box.center, pip * 2 // 3, theme.panel)
                    else:
                        pygame.draw.rect(surface, theme.muted, box, width=3)
                    x += pip + pip // 3
            line(self.app, surface, tr("play.points", n=team.score), (right, row.centery), body, theme.text,
                 bold=True, anchor="midright")
            name = pygame.Rect(chip.right + body // 2, row.centery - step // 2,
                               right - points_w - body - chip.right - body // 2, step)
            text_box(self.app, surface, team.name, name, int(body * 1.2), theme.text, bold=i in standings.winners,
                     valign="center")
        if panorama:
            caption = pygame.Rect(inner.x, inner.y + row_h * len(teams), inner.width, legend_h)
            text_box(self.app, surface, legend, caption, body, theme.muted)

    def _draw_gauges(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """One row per gauge: its label, its path card after card with its thresholds, where it started and ended."""
        theme, body, step = self.app.theme, self.app.body, self.app.line
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, -body)
        gauges = self.standings.gauges
        row_h = min(int(step * 3.2), inner.height // len(gauges))
        stacked = row_h >= int(step * 1.9)  # the label above its chart; else label, chart and values on one line
        # on one line, the labels take what the longest needs, the chart keeps at least a quarter of the row
        widest = max(text_width(self.app.fonts.get(body, bold=True), g.label) for g in gauges) + body // 2
        side = min(widest, inner.width * 3 // 5)
        for k, gauge in enumerate(gauges):
            row = pygame.Rect(inner.x, inner.y + k * row_h, inner.width, row_h - body // 4)
            first = row.y + (step // 2 if stacked else row.height // 2)
            end = line(self.app, surface, tr("end.gauge_values", start=gauge.start, end=gauge.value),
                       (row.right, first), body, theme.text, bold=True, anchor="midright")
            if gauge.losing:
                mark(surface, "cross", (end.x - body, end.centery), body * 3 // 4, theme.wrong)
                end.x -= body * 2
            label_right = end.x - body // 2 if stacked else max(row.x + row.width // 3, min(row.x + side,
                                                                                         end.x - row.width // 4))
            text_box(self.app, surface, gauge.label, pygame.Rect(row.x, first - step // 2, label_right - row.x, step),
                     body, theme.text, bold=True)
            chart = (pygame.Rect(row.x, row.y + step, row.width, row.height - step) if stacked else
                     pygame.Rect(label_right + body // 2, row.y + body // 4, end.x - label_right - body,
                                 row.height - body // 2))
            self._trajectory(surface, chart, gauge)

    def _trajectory(self, surface: pygame.Surface, chart: pygame.Rect, gauge: GaugeView) -> None:
        theme, body = self.app.theme, self.app.body
        pygame.draw.rect(surface, theme.background, chart, border_radius=4)
        pygame.draw.rect(surface, theme.border, chart, width=1, border_radius=4)
        span = max(1, gauge.high - gauge.low)
        steps = max(1, len(gauge.trajectory) - 1)

        def at(i: int, value: int) -> tuple[int, int]:
            return (chart.x + 4 + (chart.width - 8) * i // steps,
                    chart.bottom - 4 - (chart.height - 8) * (value - gauge.low) // span)

        for threshold in (gauge.lose_below, gauge.lose_above):
            if threshold is not None:
                y = at(0, threshold)[1]
                threshold_line(self.app, surface, (chart.x, y), (chart.right - 1, y))
        points = [at(i, v) for i, v in enumerate(gauge.trajectory)]
        if len(points) > 1:
            pygame.draw.lines(surface, theme.accent, False, points, max(3, body // 6))
        pygame.draw.circle(surface, theme.text, points[-1], max(5, body // 4))
