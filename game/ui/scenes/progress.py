"""Mes progrès: mastery per aspect now and over the sessions, the cards to review, the progress sheet."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.desktop import saved_and_opened
from game.diskerrors import disk_problem
from game.progress.profiles import sheet_name
from game.progress.renaming import ProfileError, delete_profile, rename_profile
from game.progress.sync import learner
from game.ui.app import App
from game.ui.intents import Act, Intent
from game.ui.listing import ListScene, NameEntry
from game.ui.screens import Screen
from game.ui.text import text_width, wrap
from game.ui.widgets import Choice, line, panel, text_box
from game.wording.catalogue import ntr
from game.wording.players import choice_line, day, progress_summary, tr


class ProgressScene(ListScene):
    def __init__(self, app: App, profile: str, on_review: Callable[[], None] | None = None,
                 on_profile: Callable[[str | None], None] | None = None):
        self.app = app
        self.profile = profile
        self.on_review = on_review  # how to start a review session from here (None: not offered)
        self.on_profile = on_profile  # told the profile's new name after a rename, None after a delete
        self.report, _, self.problem = learner(app.sessions_dir, profile)
        self.status = ""
        self.entry: NameEntry | None = None  # the new name being typed
        super().__init__(app, focus=0)

    @property
    def typing(self) -> bool:
        return self.entry is not None

    def title_text(self) -> str:
        return tr("progress.title", profile=self.profile)

    def choices(self) -> list[Choice]:
        due = self.report.due_now(self.app.clock())
        rows = [Choice(tr("train.review_row", n=len(due)), "review")] if due and self.on_review else []
        if self.entry is not None:
            return rows + [Choice(tr("progress.new_name", name=self.entry.text + "|"), "name")]
        if self.report.answers:
            rows += [Choice(tr("progress.sheet"), "sheet"), Choice(tr("progress.rename"), "rename"),
                     Choice(tr("progress.delete"), "delete")]
        return rows + [Choice(tr("setup.back"), "back")]

    def summary(self) -> list[str]:
        report, now = self.report, self.app.clock()
        if self.problem:
            return [self.problem]
        if self.entry is not None:
            return [self.entry.status or tr("progress.typing_name", profile=self.profile)]
        if not report.answers:
            return [tr("progress.none_screen")] + ([self.status] if self.status else [])
        lines = [progress_summary(report, now), tr("progress.review", n=len(report.review))]
        return lines + ([self.status] if self.status else [])

    def details(self) -> list[str]:
        """Smaller, and as many as there is room for (the sheet has them all, and a last line says how many more):
        the best choices with usagers and partners, then the cards to review."""
        return ([choice_line(choice) for choice in self.report.choices]
                + [f"• {card.last.prompt}" for card in self.report.review])

    def layout(self, width: int, height: int) -> None:
        body, big = self.app.body, self.app.settings.roomy
        pad = body // 2 if big else body * 3 // 2  # big text: the margins give their room to the text
        self.title_rect = pygame.Rect(pad, pad, width - 2 * pad, int(body * 2.4))
        top = self.title_rect.bottom + body // 2
        side_w = int((width - 3 * pad) * (0.45 if big else 0.38))
        self.chart_rect = pygame.Rect(pad, top, width - 3 * pad - side_w, height - top - pad)
        side = pygame.Rect(self.chart_rect.right + pad, top, side_w, height - top - pad)
        # the summary whole at the body size; the buttons below it, each as high as its label needs, scrolling
        # with the focus when they do not all fit
        font = self.app.fonts.get(body)
        step = int(font.get_linesize() * 1.08)
        summary_h = sum(len(wrap(font, text, side.width)) * step + body // 2 for text in self.summary())
        heights = [max(int(self.app.line * 1.8), need) for need in self.buttons.needs(self.app, side.width)]
        buttons_h = min(sum(heights) + body // 2 * (len(heights) - 1), side.height - summary_h - body)
        self.summary_rect = pygame.Rect(side.x, side.y, side.width, side.height - buttons_h - body)
        self.buttons.layout(pygame.Rect(side.x, side.bottom - buttons_h, side.width, buttons_h), heights, body // 2)

    def draw(self, surface: pygame.Surface) -> None:
        theme, body = self.app.theme, self.app.body
        surface.fill(theme.background)
        line(self.app, surface, self.title_text(), self.title_rect.topleft, int(body * 1.8), theme.text, bold=True)
        y, rect = self.summary_rect.y, self.summary_rect
        for text in self.summary():
            fitted = text_box(self.app, surface, text, pygame.Rect(rect.x, y, rect.width, rect.bottom - y), body,
                              theme.text)
            y += fitted.height + body // 2
        small = self.app.small
        details, font = self.details(), self.app.fonts.get(small)
        step = int(font.get_linesize() * 1.08)
        for k, text in enumerate(details):
            left = len(details) - k  # the rest, said in one line where they do not all fit
            need = min(3, len(wrap(font, text, rect.width))) * step + (0 if left == 1 else step + small // 3)
            if rect.bottom - y < need:
                more = ntr("progress.more_review", min(left, len(self.report.review)))
                text_box(self.app, surface, more, pygame.Rect(rect.x, y, rect.width, rect.bottom - y), small,
                         theme.muted, floor=small, quiet=True)
                break
            fitted = text_box(self.app, surface, text, pygame.Rect(rect.x, y, rect.width, min(small * 3, rect.bottom - y)),
                              small, theme.muted, floor=small, quiet=True)
            y += fitted.height + small // 3
        self._chart(surface)
        self.buttons.draw(self.app, surface)

    def _chart(self, surface: pygame.Surface) -> None:
        """One row per aspect: its name, a bar of the cards known now with the figures, and a line of the share
        after each session (right of the bar): the chart over time, readable in black and white."""
        theme, body, rect = self.app.theme, self.app.body, self.chart_rect
        aspects = self.report.aspects
        if not aspects:
            return
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, -body)
        big = self.app.settings.roomy  # the caption, secondary, at the reader's secondary size: room for rows
        heading = text_box(self.app, surface, tr("progress.aspects_screen"), pygame.Rect(inner.x, inner.y, inner.width,
                           self.app.line * 3), self.app.small if big else body, theme.muted, bold=True,
                           floor=self.app.small if big else None)  # what « Maîtrise » measures, said
        top = inner.y + heading.height + self.app.line // 4
        if self.report.first is not None and self.report.sessions > 1:  # what the lines right of the bars say
            axis = text_box(self.app, surface, tr("progress.trend_screen", first=day(self.report.first),
                                                  last=day(self.report.last or self.report.first)),
                            pygame.Rect(inner.x, top, inner.width, self.app.line * 3), self.app.small, theme.muted,
                            floor=self.app.small)
            top += axis.height
        top += self.app.line // 4
        label_w, figures_w = int(inner.width * 0.34), int(inner.width * 0.16)
        # where a label does not fit its column at the reader's size, it goes above its bar and line
        stacked = max(text_width(self.app.fonts.get(body), a.label) for a in aspects) > label_w - body // 2
        if stacked:
            label_w = 0
        row_h = min(int(self.app.line * (3.0 if stacked else 2.2)), (inner.bottom - top) // len(aspects))
        bar_w = int(inner.width * (0.4 if stacked else 0.26))
        trend_x = inner.x + label_w + bar_w + figures_w + body // 2
        sessions = max(1, self.report.sessions - 1)
        for n, aspect in enumerate(aspects):
            y = top + n * row_h
            if stacked:
                line(self.app, surface, aspect.label, (inner.x, y), body, theme.text)
                y += self.app.line
                bar_h = row_h - self.app.line
            else:
                text_box(self.app, surface, aspect.label, pygame.Rect(inner.x, y, label_w - body // 2, row_h), body,
                         theme.text, valign="center")
                bar_h = row_h
            bar = pygame.Rect(inner.x + label_w, y + bar_h // 4, bar_w, bar_h // 2)
            pygame.draw.rect(surface, theme.background, bar)
            pygame.draw.rect(surface, theme.accent, (bar.x, bar.y, round(bar.width * aspect.share), bar.height))
            pygame.draw.rect(surface, theme.text, bar, width=2)
            line(self.app, surface, f"{aspect.mastered}/{aspect.seen}", (bar.right + body // 2, bar.centery), body,
                 theme.text, bold=True, anchor="midleft")
            graph = pygame.Rect(trend_x, y + bar_h // 6, inner.right - trend_x, bar_h * 2 // 3)
            pygame.draw.line(surface, theme.border, graph.bottomleft, graph.bottomright, 1)
            points = [(graph.x + graph.width * rank // sessions, graph.bottom - round(graph.height * share))
                      for rank, share in aspect.trend]
            if len(points) > 1:
                pygame.draw.lines(surface, theme.text, False, points, 3)
            for point in points[-1:]:
                pygame.draw.circle(surface, theme.text, point, max(3, body // 5))

    def handle(self, intent: Intent) -> None:
        if self.entry is None:
            super().handle(intent)
            return
        if self.entry.handle(intent):
            name, self.entry = self.entry.text.strip(), None
            if name and intent.kind == Act.CONFIRM:
                self.rename(name)
        self.refresh()

    def choose(self, key: str) -> None:
        if key == "review" and self.on_review is not None:
            self.app.pop()
            self.on_review()
        elif key == "sheet":
            self.write_sheet()
        elif key == "rename":
            self.entry = NameEntry("")
            self.refresh()
        elif key == "delete":
            question = tr("progress.ask_delete", profile=self.profile, sessions=ntr("count.sessions", self.report.sessions))
            self.app.push(Screen.CONFIRM, question=question, on_yes=self.delete)
        elif key == "back":
            self.app.pop()

    def rename(self, name: str) -> None:
        """Every session of this profile under `name` (its logs rewritten); the store follows them."""
        try:
            rename_profile(self.app.sessions_dir, self.profile, name)
        except ProfileError as exc:
            self.status = str(exc)
            return
        except OSError as exc:
            self.status = disk_problem(exc, self.app.sessions_dir)
            return
        self._remembered(self.profile, name)
        self.profile = name
        self.report, _, self.problem = learner(self.app.sessions_dir, name)
        self.status = tr("progress.renamed", profile=name)
        if self.on_profile is not None:
            self.on_profile(name)

    def delete(self) -> None:
        """This profile's sessions and answers removed, after the confirmation."""
        try:
            delete_profile(self.app.sessions_dir, self.profile)
        except (ProfileError, OSError) as exc:
            self.status = str(exc) if isinstance(exc, ProfileError) else disk_problem(exc, self.app.sessions_dir)
            self.refresh()
            return
        self._remembered(self.profile, "")
        self.report, _, self.problem = learner(self.app.sessions_dir, self.profile)
        self.status = tr("progress.deleted", profile=self.profile)
        if self.on_profile is not None:
            self.on_profile(None)
        self.refresh()

    def _remembered(self, old: str, new: str) -> None:
        """The learner remembered for the next training follows a rename, and is forgotten with a delete."""
        if self.app.settings.profile == old:
            self.app.settings.remember(new, self.app.settings_path)

    def cancel(self) -> None:
        self.app.pop()

    def write_sheet(self) -> None:
        from game.progress.sheet import write_progress_sheet  # fpdf2 loads only when a sheet is asked for

        path = self.app.sessions_dir / sheet_name(self.profile)
        try:
            write_progress_sheet(self.report, path, self.app.clock())
        except OSError as exc:
            self.status = disk_problem(exc, path)
        else:
            self.status = saved_and_opened("progress.sheet_written", path)
        self.app.dirty = True
