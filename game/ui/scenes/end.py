"""The end screen, made to be read from the back of the room: who won (or how the gauges ended) in big
letters, each team's panorama drawn, each gauge's path over the session, and the sheet the table wrote
the moment the session ended, to open or print."""

from __future__ import annotations

import os
import threading
from functools import cached_property
from pathlib import Path

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
    actions_with_note,
    line,
    mark,
    panel,
    team_chip,
    text_box,
    threshold_line,
)
from game.wording.players import end_reason, gauge_span, headline, tr


class EndScene(Scene):
    def __init__(self, app: App, table: Table):
        super().__init__(app)
        self.table = table
        self.standings: Standings = table.standings()
        self.aspects = table.facts().aspects  # read once: drawing happens on every frame
        self.minutes = round(table.view().clock.elapsed / 60)
        self.status = ""
        self.buttons = ButtonList([])
        self.head_rect = self.teams_rect = self.gauges_rect = self.foot_rect = pygame.Rect(0, 0, 0, 0)
        self.headline_size = 0
        # The teams' and the gauges' rows, side by side; where the reader's size leaves too little room, in turns
        # over several views, each ("teams" or "gauges", its rows), an action showing the next
        self.views: list[tuple[str, range]] = []
        self.view = 0
        self.sending: threading.Thread | None = None  # the push to the lab's LRS, while it runs
        self.sent: list[tuple[str, bool]] = []  # what it said, once done

    @property
    def shows_teams(self) -> bool:
        return self.standings.win != "gauges"

    def sheet_line(self) -> str:
        """Under the results, in secondary text: how a game of this scenario is won (the room asks), then where the
        sheet is, or what became of opening or printing it."""
        return tr(f"end.rule_{self.standings.win}") + " " + sheet_note(self.table, self.status)

    def handle(self, intent: Intent) -> None:
        press(self.app, self.buttons, intent, self.choose)

    def _actions(self) -> list[Choice]:
        sheet = [Choice(tr("end.open"), "open"), Choice(tr("end.print"), "print")] if self.table.sheet else []
        other = [Choice(tr("play.more", page=self.view + 1, pages=len(self.views)), "other")] if len(self.views) > 1 else []
        debrief = [Choice(tr("end.debrief"), "debrief", shortcut=tr("end.debrief_key"))]
        lab = [Choice(tr("end.send"), "send", shortcut=tr("end.send_key"))] if self.lab_config is not None else []
        return debrief + other + sheet + lab + [Choice(tr("end.home"), "home"), Choice(tr("end.quit"), "quit")]

    @cached_property
    def lab_config(self) -> Path | None:
        """The settings' folder where a lab's LRS is set (`xapi configure`); None where none is."""
        if self.app.settings_path is None:
            return None
        from game.xapi.labconfig import LabSettings

        folder = self.app.settings_path.parent
        return folder if LabSettings.load(folder).configured else None

    def send(self, password: str) -> None:
        """The finished sessions not yet sent, to the lab's LRS, beside the screen (which keeps answering, and says
        it is sending); what happened, under the results, when done."""
        from game.xapi.labconfig import send_now

        assert self.lab_config is not None
        if self.sending is not None:
            return
        config, folder, result = self.lab_config, self.app.sessions_dir, self.sent
        result.clear()
        self.sending = threading.Thread(target=lambda: result.extend(send_now(config, folder, password)), daemon=True)
        self.sending.start()
        self.status = tr("lab.sending")
        self.layout(*self.app.size)

    def idle(self, now: float) -> None:
        if self.sending is not None and not self.sending.is_alive():
            self.sending = None
            self.status = " ".join(sentence for sentence, _ in self.sent)
            self.layout(*self.app.size)
            self.app.dirty = True

    def tick(self, now: float) -> float | None:
        return 0.2 if self.sending is not None else None  # looked at again while the sessions are being sent

    def choose(self, key: str) -> None:
        sheet = self.table.sheet
        if key == "debrief":
            self.app.push(Screen.DEBRIEFING, table=self.table)
        elif key == "send":
            from game.xapi.labconfig import PASSWORD_VARIABLE

            password = os.environ.get(PASSWORD_VARIABLE)
            if password is not None:
                self.send(password)
            else:
                self.app.push(Screen.PASSWORD, on_done=self.send)
        elif key == "other":
            self.view = (self.view + 1) % len(self.views)
            self.layout(*self.app.size)
        elif key == "open" and sheet is not None:
            self.status = open_file(sheet.pdf)
            self.layout(*self.app.size)  # what happened, whole under the results
        elif key == "print" and sheet is not None:
            self.status = print_file(sheet.pdf)
            self.layout(*self.app.size)
        elif key == "home":
            self.app.replace(Screen.HOME)
        else:
            self.app.pop_all()

    def layout(self, width: int, height: int) -> None:
        body, step = self.app.body, self.app.line
        pad = max(12, height // 40)
        middle_w = width - 2 * pad
        # the headline 2.2 times the body, smaller (never below 1.25 times) where two lines of it would take more
        # than a quarter of the screen
        for factor in (2.2, 1.8, 1.5, 1.25):
            self.headline_size = int(body * factor)
            big = self.app.fonts.get(self.headline_size, bold=True)
            lines = wrap(big, headline(self.standings), middle_w)
            head_h = step + len(lines) * big.get_linesize()
            if len(lines) <= 2 and head_h <= height // 4:
                break
        self.head_rect = pygame.Rect(pad, pad, middle_w, head_h)
        self.views = []
        for _ in range(3):  # again with the action that shows the next view, when there are several
            focus = self.buttons.focus
            self.buttons = ButtonList(self._actions(), focus)
            middle = self._place_actions(width, height, pad, foot=True)
            if middle.height - body < 2 * self._team_row():  # the sheet's line is a view of its own
                middle = self._place_actions(width, height, pad, foot=False)
            views = self._views(middle, pad) + ([("sheet", range(0))] if not self.foot_rect.height else [])
            if len(views) == len(self.views):
                break
            self.views = views
        self.views = views
        self.view = min(self.view, len(views) - 1)
        self.teams_rect = self.gauges_rect = pygame.Rect(0, 0, 0, 0)
        if views[0][0] == "both":  # then the only view
            split = int(middle.width * 0.52)  # the gauges need a label, a path and two values on a line
            split = max(self._teams_width(), min(split, middle.width - pad - self._gauges_width()))
            self.teams_rect = pygame.Rect(middle.x, middle.y, split, middle.height)
            self.gauges_rect = pygame.Rect(middle.x + split + pad, middle.y, middle.width - split - pad, middle.height)
        elif views[self.view][0] == "teams":
            self.teams_rect = middle
        elif views[self.view][0] == "gauges":
            self.gauges_rect = middle
        else:
            self.foot_rect = middle

    def _place_actions(self, width: int, height: int, pad: int, foot: bool) -> pygame.Rect:
        """The actions at the bottom, and the sheet's line above them when `foot`; the room left above."""
        middle_w = width - 2 * pad
        buttons_h = int(self.app.line * (1.6 if self.app.settings.scale < 1.3 else 1.3))
        self.foot_rect = actions_with_note(self.app, self.buttons, self.sheet_line(), pad, middle_w, height - pad,
                                           buttons_h, noted=foot)
        return pygame.Rect(pad, self.head_rect.bottom + pad, middle_w,
                           self.foot_rect.top - pad - self.head_rect.bottom - pad)

    def _views(self, middle: pygame.Rect, pad: int) -> list[tuple[str, range]]:
        """The teams and the gauges side by side in one view where their rows fit, each at least a line high;
        else in turns, as many rows to a view as fit."""
        body, step = self.app.body, self.app.line
        teams = len(self.standings.teams) if self.shows_teams else 0
        gauges = len(self.standings.gauges)
        inner = middle.height - body  # the panel's margins
        team_h, gauge_h = self._team_row(), step + body // 4
        legend = self._legend_height(middle.width - 2 * body) if teams else 0
        fits_teams = teams * team_h + legend <= inner
        if (not teams or not gauges) and (fits_teams if teams else gauges * gauge_h <= inner):
            return [("teams" if teams else "gauges", range(teams or gauges))]
        if teams and gauges and self._teams_width() + self._gauges_width() + pad <= middle.width and fits_teams \
                and gauges * gauge_h <= inner:
            return [("both", range(0))]
        views: list[tuple[str, range]] = []
        for kind, count, row_h in (("teams", teams, team_h), ("gauges", gauges, gauge_h)):
            per = max(1, inner // row_h)
            views += [(kind, range(first, min(count, first + per))) for first in range(0, count, per)]
        # the panorama's legend under the last team, or on a view of its own where it does not fit under it
        last = max((n for n, (kind, _) in enumerate(views) if kind == "teams"), default=None)
        if last is not None and legend and len(views[last][1]) * team_h + legend > inner:
            views.insert(last + 1, ("teams", range(teams, teams)))
        return views

    def _team_row(self) -> int:
        """The least height of a team's row: its chip or a line, whichever is higher, and a gap."""
        return max(self.app.line, int(self.app.body * 1.4)) + self.app.body // 4

    def _legend(self) -> str:
        panorama = self.standings.panorama if self.standings.win == "panorama" else ()
        return tr("end.panorama_legend", aspects=" · ".join(self.aspects.get(a, a) for a in panorama)) if panorama else ""

    def _legend_height(self, width: int) -> int:
        font = self.app.fonts.get(self.app.body)
        legend = self._legend()
        return len(wrap(font, legend, width)) * int(font.get_linesize() * 1.08) if legend else 0

    def _teams_width(self) -> int:
        """What a team's row needs: its chip, a default name, its points and its panorama, at the reader's size."""
        body = self.app.body
        bold = self.app.fonts.get(body, True)
        panorama = len(self.standings.panorama) if self.standings.win == "panorama" else 0
        done = text_width(bold, tr("end.done", minutes=88)) if panorama else 0
        pip = int(body * 1.1)
        return (body * 3 + text_width(self.app.fonts.get(int(body * 1.2)), tr("team.default", n=6))
                + text_width(bold, tr("play.points", n=888)) + body + panorama * (pip + pip // 3) + done + body)

    def _gauges_width(self) -> int:
        """What a gauge's row needs: its label and its values on a line (its chart under them), at the reader's size."""
        body, gauges = self.app.body, self.standings.gauges
        if not gauges:
            return 0
        bold = self.app.fonts.get(body, True)
        label = max(text_width(bold, g.label) for g in gauges)
        values = max(text_width(bold, gauge_span(88, 89)), text_width(bold, gauge_span(88, 88))) + body * 2
        return label + body + values + body * 2

    def draw(self, surface: pygame.Surface) -> None:
        theme, body = self.app.theme, self.app.body
        surface.fill(theme.background)
        head = self.head_rect
        said = f"{tr('end.title')} · {end_reason(self.standings.end_reason)} · {tr('end.minutes', n=self.minutes)}"
        text_box(self.app, surface, said, pygame.Rect(head.x, head.y, head.width, self.app.line), body, theme.muted)
        text_box(self.app, surface, headline(self.standings), pygame.Rect(head.x, head.y + self.app.line, head.width,
                 head.height - self.app.line), self.headline_size, theme.text, bold=True, floor=self.headline_size)
        if self.teams_rect.width:
            self._draw_teams(surface, self.teams_rect)
        if self.gauges_rect.width:
            self._draw_gauges(surface, self.gauges_rect)
        if self.foot_rect.height:  # where the sheet is, a secondary text: down to the reader's secondary size
            text_box(self.app, surface, self.sheet_line(), self.foot_rect, body, theme.muted, valign="center",
                     floor=self.app.small)
        self.buttons.draw(self.app, surface, numbered=True)

    def _rows(self, kind: str, count: int) -> range:
        """The rows of `kind` on the view shown: all of them where teams and gauges share one view."""
        shown, rows = self.views[self.view]
        return rows if shown == kind else range(count)

    def _draw_teams(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """One row per team: number, name, points, and its panorama as big squares, filled when acquired."""
        theme, body, step = self.app.theme, self.app.body, self.app.line
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, -body)
        standings = self.standings
        panorama = standings.panorama if standings.win == "panorama" else ()
        teams = standings.teams
        shown = self._rows("teams", len(teams))
        legend = self._legend() if shown.stop == len(teams) else ""  # under the last team, or alone
        legend_h = self._legend_height(inner.width) if legend else 0
        row_h = max(self._team_row(), min(int(step * 2), (inner.height - legend_h) // max(1, len(shown))))
        pip = min(int(body * 1.1), row_h - body // 2)
        bold = self.app.fonts.get(body, True)
        completed = panorama and any(t.completed is not None for t in teams)
        tail_w = text_width(bold, tr("end.done", minutes=88)) if completed else 0
        points_w = text_width(bold, tr("play.points", n=888))
        for k, i in enumerate(shown):
            team = teams[i]
            row = pygame.Rect(inner.x, inner.y + k * row_h, inner.width, row_h - body // 4)
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
        if legend:
            caption = pygame.Rect(inner.x, inner.y + row_h * len(shown), inner.width, legend_h)
            text_box(self.app, surface, legend, caption, body, theme.muted)

    def _draw_gauges(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """One row per gauge: its label, its path card after card with its thresholds, where it started and ended."""
        theme, body, step = self.app.theme, self.app.body, self.app.line
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, -body)
        gauges = self.standings.gauges
        shown = self._rows("gauges", len(gauges))
        row_h = min(int(step * 3.2), inner.height // len(shown))
        stacked = row_h >= int(step * 1.9)  # the label above its chart; else label, chart and values on one line
        # on one line, the labels take what the longest needs, the chart keeps at least a quarter of the row
        widest = max(text_width(self.app.fonts.get(body, bold=True), g.label) for g in gauges) + body // 2
        side = min(widest, inner.width * 3 // 5)
        for k, gauge in enumerate(gauges[i] for i in shown):
            row = pygame.Rect(inner.x, inner.y + k * row_h, inner.width, row_h - body // 4)
            first = row.y + (step // 2 if stacked else row.height // 2)
            end = line(self.app, surface, gauge_span(gauge.start, gauge.value),
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
