"""The play screen's side panel: the teams with their points, panoramas and entries, or the gauges."""

from __future__ import annotations

from typing import Any

import pygame

from game.engine.vocabulary import Phase
from game.ui.playmarks import GOOD
from game.ui.sidepanel import SidePlan
from game.ui.text import text_width, with_ellipsis
from game.ui.widgets import line, mark, panel, team_chip, threshold_line
from game.wording.players import tr


class PlaySide:
    """The play screen's side panel: the teams with their points, panoramas and entries, or the gauges."""

    def _draw_side(self, surface: pygame.Surface, now: float) -> None:
        panel(surface, self.side_rect, self.app.theme.panel, self.app.theme.border)
        plan, view = self.side_plan, self.view
        self.team_rects = []
        if not plan.fits:
            self.app.report_overflow(tr("play.side_overflow"))
        if plan.size < self.app.small:
            self.app.report_shrunk(tr("play.side_overflow"))
        if plan.views:  # the gauges and the teams take turns
            plan = self.shown_half
            self._draw_switch(surface, plan, tr("play.side_gauges" if self.side_teams else "play.side_teams"))
        if plan.gauges:
            self._draw_gauges(surface, plan, now)
        if plan.teams and (self.standings.win != "gauges" or (view.every_team and (view.phase == Phase.ANSWER
                                                                                   or view.reveal is not None))):
            self._draw_teams(surface, plan)  # in a gauges game, only who answered what
        for caption in plan.captions:
            self._draw_lines(surface, caption.text, caption.lines, caption.rect, plan, self.app.theme.muted, False)

    @property
    def shown_half(self) -> SidePlan:
        """The half of a panel in turns shown now: the teams' or the gauges'."""
        return self.side_plan.views[1 if self.side_teams else 0]

    @property
    def side_teams(self) -> bool:
        """Where the panel shows the gauges or the teams in turn, whether the teams: while answers are entered,
        unless the reader clicked to see the other."""
        if self.side_choice is not None:
            return self.side_choice
        return self.view.phase == Phase.ANSWER and self.view.every_team

    def _draw_switch(self, surface: pygame.Surface, plan: SidePlan, label: str) -> None:
        """The line at the panel's foot that shows the other half (a click on it), where there is room for it."""
        assert plan.switch is not None
        if plan.switch.height > self.app.line * 2:  # no room: a click anywhere on the panel
            return
        line(self.app, surface, label, plan.switch.midleft, self.app.small, self.app.theme.accent, bold=True,
             anchor="midleft")

    def _draw_lines(self, surface: pygame.Surface, text: str, lines: tuple[str, ...], rect: pygame.Rect,
                    plan: SidePlan, color: tuple[int, int, int], bold: bool) -> None:
        """`text`, already wrapped into `lines` by the plan, one panel line apart."""
        self.app.shown.append(text)
        for k, shown in enumerate(lines):
            rendered = self.app.text.render(shown, plan.size, color, bold)
            surface.blit(rendered, rendered.get_rect(midleft=(rect.x, rect.y + plan.line * k + plan.line // 2)))

    def _draw_teams(self, surface: pygame.Surface, plan: SidePlan) -> None:
        """Each team: number chip and name, its points and panorama squares (on a second line when there
        is room), and while every team answers, its answer at the right."""
        theme, size, step = self.app.theme, plan.size, plan.line
        standings, view = self.standings, self.view
        panorama = standings.panorama if standings.win == "panorama" else ()
        scored = standings.win != "gauges"
        entering = view.phase == Phase.ANSWER and view.every_team and not view.paused
        verdicts = {v.team: v for v in view.reveal.verdicts} if view.reveal is not None else {}
        completing = set(view.reveal.completes) if view.reveal is not None else set()  # the moment, marked
        answers = entering or len(verdicts) > 1
        self.team_rects = list(plan.teams)
        beside = [row.right - size // 3 - plan.answer_width - size // 3 - (row.x + size // 3 + plan.chip + size // 2)
                  for row in plan.teams]
        crowded = answers and any(text_width(self.app.fonts.get(size, True), team.name) > room
                                  for team, room in zip(standings.teams, beside))
        # one line to a team (a gauges game): long names all at the reader's secondary size rather than cut
        name_size = min(size, self.app.small) if crowded and (not scored or plan.compact_teams) else size
        for i, (team, row) in enumerate(zip(standings.teams, plan.teams)):
            two_lines = scored and not plan.compact_teams
            first = row.y + step * 6 // 10 if two_lines else row.centery
            second = row.y + int(step * 1.75)
            right = row.right - size // 3
            chip = team_chip(self.app, surface, i, row.x + size // 3, first, size)
            score_end = (self._draw_score(surface, plan, team, panorama, chip.x, second, align_right=False)
                         if two_lines else 0)
            if answers:
                # the answers beside the names, or, where a name needs the line and the score lines have room, all
                # under them, in one column
                below = two_lines and crowded and score_end + size // 2 + plan.answer_width <= right
                # room to grow for several answers: the score line's free end under the name, or beside a short name
                name_w = text_width(self.app.fonts.get(name_size, team.active), team.name)
                widest = (right - score_end - size // 2 if below else
                          right - chip.right - size - name_w if two_lines else plan.answer_width)
                box_w = self._draw_team_answer(surface, plan, right, second if below else first, i, verdicts.get(i),
                                               widest)
                if not below:
                    right -= box_w + size // 3
            if scored and plan.compact_teams:
                right = self._draw_score(surface, plan, team, panorama, right, first, align_right=True) - size // 2
            name_rect = pygame.Rect(chip.right + size // 2, first - step // 2, right - chip.right - size // 2, step)
            drawn = self._draw_name(surface, team.name, name_rect, name_size, team.active)
            if i in completing:  # its panorama complete on this card: the row framed in the right answers' colour
                pygame.draw.rect(surface, theme.right, row.union(drawn.inflate(0, 6)), width=4, border_radius=8)
            elif team.active or (entering and i == self.entering and not self.picking):  # around the accents too
                pygame.draw.rect(surface, theme.accent, row.union(drawn.inflate(0, 6)), width=4, border_radius=8)

    def _draw_name(self, surface: pygame.Surface, name: str, rect: pygame.Rect, size: int,
                   bold: bool) -> pygame.Rect:
        """A team's name on one line at `size`, cut with … only where even that is too long (names are the room's,
        not authored text, so a cut is no overflow to report); where it was drawn."""
        font = self.app.fonts.get(size, bold)
        shown = name if text_width(font, name) <= rect.width else with_ellipsis(font, name, rect.width)
        return line(self.app, surface, shown, (rect.x, rect.centery), size, self.app.theme.text, bold=bold,
                    anchor="midleft")

    def _draw_score(self, surface: pygame.Surface, plan: SidePlan, team: Any, panorama: tuple[str, ...], x: int,
                    y: int, align_right: bool) -> int:
        """Points, or with a panorama its squares (and, on a line of their own, the points and a count);
        from `x` rightwards, or ending at `x`; returns the far edge."""
        theme, size, pip = self.app.theme, plan.size, plan.pip
        if align_right:
            if not panorama:
                return line(self.app, surface, tr("play.points", n=team.score), (x, y), size, theme.text, bold=True,
                            anchor="midright").left
            x -= len(panorama) * (pip + pip // 3) - pip // 3
            start = x
        else:
            x = line(self.app, surface, tr("play.points", n=team.score), (x, y), size, theme.text, bold=True,
                     anchor="midleft").right + size
        for aspect in panorama:
            box = pygame.Rect(x, y - pip // 2, pip, pip)
            if aspect in team.panorama:
                pygame.draw.rect(surface, theme.text, box)
            else:
                pygame.draw.rect(surface, theme.muted, box, width=2)
            x += pip + pip // 3
        if align_right:
            return start
        if panorama:  # the count too: the far edge is where a box beside it may begin
            return line(self.app, surface, f"{len(team.panorama)}/{len(panorama)}", (x + size // 3, y), size,
                        theme.muted, anchor="midleft").right
        return x

    def _draw_team_answer(self, surface: pygame.Surface, plan: SidePlan, right: int, centery: int, team: int,
                          verdict: Any, widest: int) -> int:
        """The team's answer, ending at `right`: a box to fill while answers are entered, then the answer on
        the verdict's colour with a check or a cross (colour and shape); the box grows leftwards up to `widest`
        for several answers, where the row has room for it; its width."""
        theme, size = self.app.theme, plan.size
        if verdict is not None:
            choices, good = verdict.choices, GOOD[verdict.mark]
        else:
            entry = self.view.entries[team] if team < len(self.view.entries) else None
            choices, good = entry or (), None
        text = "+".join(str(c + 1) for c in choices) if choices else "—" if verdict is not None else "…"
        needs = text_width(self.app.fonts.get(size, True), text) + size * (2 if good is not None else 1)
        width = max(plan.answer_width, min(widest, needs + size // 2))
        box = pygame.Rect(right - width, centery - int(size * 0.8), width, int(size * 1.6))
        fill = theme.panel if good is None else theme.right if good else theme.wrong
        panel(surface, box, fill, theme.accent if verdict is None and choices else theme.border, radius=6,
              width=3 if verdict is None and choices else 2)
        color = theme.text if good is None else theme.on_signal
        bold = self.app.fonts.get(size, True)
        x = box.x + size // 2
        if good is not None:
            room = box.right - x - size * 3 // 2 - size // 4
            # the answer beside the mark, down to the reader's secondary size; several answers too wide even then:
            # the mark alone, the answers being listed on the reveal's rows (« cochée par les équipes 1, 2 »)
            fitting = [s for s in range(size, min(size, self.app.small) - 1, -1)
                       if text_width(self.app.fonts.get(s, True), text) <= room]
            centre = (x + size // 2, box.centery) if fitting else box.center
            mark(surface, "check" if good else "cross", centre, size * 2 // 3, color)
            if fitting:
                line(self.app, surface, text, (x + size * 3 // 2, box.centery), fitting[0], color, bold=True,
                     anchor="midleft")
            return box.width
        rows = [text]
        if text_width(bold, text) > box.width - size // 2 and "+" in text:  # several answers: on two rows, spaced
            half = (len(choices) + 1) // 2
            rows = [" ".join(str(c + 1) for c in part) for part in (choices[:half], choices[half:])]
        row_size = size if len(rows) == 1 else min(size, self.app.small)
        while len(rows) > 1 and max(text_width(self.app.fonts.get(row_size, True), r) for r in rows) > box.width - 6:
            row_size -= 1  # five or six answers ticked in a narrow box: said, as any text below the reader's size
        if row_size < min(size, self.app.small):
            self.app.report_shrunk(text)
        step = box.height // len(rows)
        for k, row in enumerate(rows):
            line(self.app, surface, row, (box.centerx, box.y + step * k + step // 2), row_size, color, bold=True,
                 anchor="center")
        return box.width

    def _draw_gauges(self, surface: pygame.Surface, plan: SidePlan, now: float) -> None:
        """Each gauge: its label in full, a bar with its thresholds, its value, and the last change."""
        theme, size = self.app.theme, plan.size
        reveal = self.view.reveal
        deltas = {c.gauge: c.delta for c in reveal.changes} if reveal is not None else {}
        for gauge, value, row in zip(self.standings.gauges, self.gauge_values(now), plan.gauges):
            self._draw_lines(surface, gauge.label, row.lines, row.label, plan, theme.text, True)
            bar = row.bar
            pygame.draw.rect(surface, theme.background, bar, border_radius=4)
            span = gauge.high - gauge.low
            filled = bar.copy()
            filled.width = int(bar.width * (value - gauge.low) / span)
            pygame.draw.rect(surface, theme.accent, filled, border_radius=4)
            pygame.draw.rect(surface, theme.border, bar, width=1 if plan.compact_gauges else 2, border_radius=4)
            reach = max(4, size // 4)
            top = max(bar.y - reach, row.label.bottom + 2)  # clear of the label's descenders
            for threshold in (gauge.lose_below, gauge.lose_above):
                if threshold is not None:
                    x = bar.x + int(bar.width * (threshold - gauge.low) / span)
                    threshold_line(self.app, surface, (x, min(top, bar.y - 2)), (x, bar.bottom + reach))
            value_text = str(round(value))
            delta = deltas.get(gauge.id)
            if delta:
                value_text += f" ({delta:+d})"
            line(self.app, surface, value_text, row.value, size, theme.text, bold=True, anchor="midright")
