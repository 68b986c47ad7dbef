"""The end of a training session, for the learner: their score and its share per aspect, each card they missed
with the right answer, why and the source (one at a time, Up and Down or a click to go through them), when
those cards come back, and « Revoir mes erreurs (N) »."""

from __future__ import annotations

import secrets
from dataclasses import replace

import pygame

from game.desktop import open_file
from game.diskerrors import disk_problem
from game.progress.ending import LearnerEnding, learner_ending
from game.progress.training import review_session, start_training
from game.table.table import Table
from game.ui.app import App, Scene
from game.ui.flow import flow
from game.ui.intents import Act, Intent
from game.ui.listing import press
from game.ui.screens import Screen
from game.ui.sheetnote import sheet_note
from game.ui.text import text_width, wrap
from game.ui.widgets import ButtonList, Choice, actions_with_note, line, mark, panel, text_box
from game.wording.learner import missed_status, next_review_line, right_line, score_line
from game.wording.players import tr


class LearnedScene(Scene):
    def __init__(self, app: App, table: Table):
        super().__init__(app)
        self.table = table
        self.ending: LearnerEnding = learner_ending(table)
        self.shown = 0  # the missed card on show
        self.part = 0  # its view, where the reader's size spreads it over several
        self.parts = 1
        self.status = ""
        # the cards the review deals: a parcours's missed steps come back as one parcours, a card gone from the decks not
        dealt = len(review_session(app.library, [m.item for m in self.ending.missed]).cards)
        rows = [Choice(tr("learner.review_now", n=dealt), "review")] if dealt else []
        rows += [Choice(tr("end.open"), "open")] if table.sheet else []
        rows += [Choice(tr("train.progress"), "progress"), Choice(tr("end.home"), "home")]
        self.rows = rows
        self.buttons = ButtonList(rows)
        self.head_rect = self.aspects_rect = self.missed_rect = self.foot_rect = pygame.Rect(0, 0, 0, 0)
        self.title_size = self.title_h = 0
        # where big text leaves too little room, the mistakes, the aspects and the sheet's line take turns in the
        # middle, an action showing the next: the names of the views, in order
        self.views: list[str] = []
        self.view = 0

    def handle(self, intent: Intent) -> None:
        missed = len(self.ending.missed)
        if missed and intent.kind in (Act.UP, Act.DOWN):
            self._browse(1 if intent.kind == Act.DOWN else -1)
            return
        if missed and intent.kind == Act.CLICK and self.missed_rect.collidepoint(intent.pos):
            self._browse(1)
            return
        press(self.app, self.buttons, intent, self.choose)

    def _browse(self, step: int) -> None:
        """The next (or previous) view of the mistake on show, else the next (previous) mistake, from its start."""
        if 0 <= self.part + step < self.parts:
            self.part += step
            return
        self.shown = (self.shown + step) % len(self.ending.missed)
        self.part = 0

    def choose(self, key: str) -> None:
        if key == "other":
            self.view = (self.view + 1) % len(self.views)
            self.layout(*self.app.size)
        elif key == "review":
            self.review()
        elif key == "open" and self.table.sheet is not None:
            self.status = open_file(self.table.sheet.pdf)
            self.layout(*self.app.size)  # what happened, whole under the results
        elif key == "progress":
            self.app.push(Screen.PROGRESS, profile=self.ending.profile, on_profile=self.profile_changed)
        elif key == "home":
            self.app.replace(Screen.HOME)

    def profile_changed(self, name: str | None) -> None:
        """Renamed (`name`) or deleted (None) from the progress screen: a review now is under the new name, or
        none."""
        if name is None:
            self.rows = [c for c in self.rows if c.key not in ("review", "progress")]
            self.layout(*self.app.size)
        else:
            self.ending = replace(self.ending, profile=name)

    def review(self) -> None:
        """The cards missed in this session, dealt again now (an early review does not space them)."""
        library = self.app.library
        chosen = review_session(library, [m.item for m in self.ending.missed])
        if chosen.scenario is None:
            self.status = tr("train.gone", cards=", ".join(chosen.gone))
            return
        try:
            table = start_training(library, self.app.sessions_dir, chosen.scenario, chosen.cards, self.ending.profile,
                                   secrets.randbelow(1_000_000), self.app.clock())
        except OSError as exc:
            self.status = disk_problem(exc, self.app.sessions_dir)
            return
        self.app.replace(Screen.PLAY, table=table)

    def sheet_line(self) -> str:
        return sheet_note(self.table, self.status)

    def layout(self, width: int, height: int) -> None:
        body, step = self.app.body, self.app.line
        pad = max(12, height // 40)
        big = self.app.settings.roomy
        # big text: the title at a smaller multiple of the body, with the score on its line
        self.title_size = int(body * (1.2 if big else 2))
        self.title_h = max(int(self.title_size * 1.1), self.app.fonts.get(self.title_size, True).get_height())
        self.head_rect = pygame.Rect(pad, pad, width - 2 * pad, self.title_h + (1 if big else 2) * step)
        for foot in (True, False):  # the sheet's line a view of its own where it leaves the middle too little room
            others = [Choice(tr("play.more", page=self.view + 1, pages=len(self.views)), "other")] if self.views else []
            self.buttons = ButtonList(others + self.rows, self.buttons.focus)
            self.foot_rect = actions_with_note(self.app, self.buttons, self.sheet_line(), pad, width - 2 * pad,
                                               height - pad, int(step * (1.3 if big else 1.6)), most=1 if big else 2,
                                               noted=foot)
            top = self.head_rect.bottom + pad
            middle = pygame.Rect(pad, top, width - 2 * pad, self.foot_rect.top - pad - top)
            rates = len(self.ending.aspects)
            together = middle.height >= 7 * step and rates * int(step * 1.6) <= middle.height - body
            views = [] if together else ["missed", "aspects"] + ([] if foot else ["sheet"])
            if together or middle.height >= 5 * step:
                break
        if views != self.views:  # the action that shows the next view comes (or goes): placed again
            self.views = views
            self.view = min(self.view, max(0, len(views) - 1))
            self.layout(width, height)
            return
        share = 0.38 if self.app.settings.scale <= 1.0 else 0.3  # bigger text: the mistake's panel gets the room
        split = int((middle.width - pad) * share)
        self.aspects_rect = pygame.Rect(middle.x, middle.y, split, middle.height)
        self.missed_rect = pygame.Rect(middle.x + split + pad, middle.y, middle.width - split - pad, middle.height)
        if views:
            shown = views[self.view]
            self.aspects_rect = middle if shown == "aspects" else pygame.Rect(0, 0, 0, 0)
            self.missed_rect = middle if shown == "missed" else pygame.Rect(0, 0, 0, 0)
            if shown == "sheet":
                self.foot_rect = middle

    def draw(self, surface: pygame.Surface) -> None:
        theme, body, step = self.app.theme, self.app.body, self.app.line
        surface.fill(theme.background)
        head = self.head_rect
        ending = self.ending
        title = tr("learner.title", profile=ending.profile)
        together = self.app.settings.roomy  # the score on the title's line (see `layout`)
        text_box(self.app, surface, f"{title} · {score_line(ending)}" if together else title,
                 pygame.Rect(head.x, head.y, head.width, self.title_h), self.title_size, theme.text, bold=True,
                 floor=body)
        y = head.y + self.title_h
        if not together:
            text_box(self.app, surface, score_line(ending), pygame.Rect(head.x, y, head.width, step), int(body * 1.2),
                     theme.text, bold=True)
            y += step
        text_box(self.app, surface, next_review_line(ending), pygame.Rect(head.x, y, head.width, step), body,
                 theme.muted)
        if self.aspects_rect.width:
            self._draw_aspects(surface)
        if self.missed_rect.width:
            self._draw_missed(surface)
        if self.foot_rect.height:  # where the sheet is, a secondary text: down to the reader's secondary size
            text_box(self.app, surface, self.sheet_line(), self.foot_rect, body, theme.muted, valign="center",
                     floor=self.app.small)
        self.buttons.draw(self.app, surface, numbered=True)

    def _draw_aspects(self, surface: pygame.Surface) -> None:
        """One row per aspect: its name, a bar of the first answers right, the figures."""
        theme, body, step = self.app.theme, self.app.body, self.app.line
        rect = self.aspects_rect
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, -body)
        rates = self.ending.aspects
        if not rates:
            return
        row_h = min(int(step * 2.2), inner.height // len(rates))
        bold = self.app.fonts.get(body, True)
        figures_w = max(text_width(bold, f"{r.right}/{r.answered}") for r in rates) + body // 2
        for n, rate in enumerate(rates):
            row = pygame.Rect(inner.x, inner.y + n * row_h, inner.width, row_h)
            text_box(self.app, surface, rate.label, pygame.Rect(row.x, row.y, row.width, step), body, theme.text)
            bar = pygame.Rect(row.x, row.y + step, row.width - figures_w, max(6, row_h - step - body // 2))
            pygame.draw.rect(surface, theme.background, bar)
            pygame.draw.rect(surface, theme.accent, (bar.x, bar.y, round(bar.width * rate.percent / 100), bar.height))
            pygame.draw.rect(surface, theme.text, bar, width=2)
            line(self.app, surface, f"{rate.right}/{rate.answered}", (row.right, bar.centery), body, theme.text,
                 bold=True, anchor="midright")

    def _draw_missed(self, surface: pygame.Surface) -> None:
        """The missed card on show: where it stands, the card, the answer given, the right one, why, the source."""
        theme, body, step = self.app.theme, self.app.body, self.app.line
        rect = self.missed_rect
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, -body)
        missed = self.ending.missed
        if not missed:
            text_box(self.app, surface, tr("learner.none_missed"), inner, int(body * 1.2), theme.text, bold=True)
            return
        shown = missed[self.shown]
        first = shown.first
        # each block: its text, bold or not, its mark, its colour, its size (the source, secondary, at the reader's
        # secondary size); the rest at the body size, over as many views as they need
        small = self.app.small
        blocks = [(first.prompt, True, "", theme.text, body),
                  (tr("learner.given", answer=first.given), False, "cross", theme.text, body),
                  (right_line(first), True, "check", theme.text, body)]
        blocks += [(first.feedback, False, "", theme.text, body)] if first.feedback else []
        blocks += [(tr("play.source", source=first.source), False, "", theme.muted, small)] if first.source else []
        indent = int(body * 1.4)  # the given answer crossed, the right one ticked: not by colour alone
        wrapped = [wrap(self.app.fonts.get(size, bold), text, inner.width - (indent if sign else 0))
                   for text, bold, sign, _, size in blocks]
        line_h = int(self.app.fonts.get(body).get_linesize() * 1.08)
        steps = [int(self.app.fonts.get(size).get_linesize() * 1.08) for *_, size in blocks]
        units = [-(-len(w) * h // line_h) for w, h in zip(wrapped, steps)]  # in body lines, rounded up
        top = inner.y + 2 * step + body // 3
        views = flow([], units, line_h, 0, body // 3, inner.bottom - top)
        hint = len(views) > 1  # the way on said on the last line: views of a mistake leave it room
        if hint:
            views = flow([], units, line_h, 0, body // 3, inner.bottom - top - step)
        self.parts = len(views)
        self.part = min(self.part, self.parts - 1)
        count = f"{tr('learner.missed', n=len(missed))} · {tr('learner.browse', n=self.shown + 1, of=len(missed))}"
        if self.parts > 1:
            count += f" · {tr('learner.part', n=self.part + 1, of=self.parts)}"
        text_box(self.app, surface, count, pygame.Rect(inner.x, inner.y, inner.width, step), body, theme.muted,
                 bold=True)
        text_box(self.app, surface, missed_status(shown, self.ending.ended),
                 pygame.Rect(inner.x, inner.y + step, inner.width, step), body, theme.muted)
        y = top
        for block, first_unit, end_unit in views[self.part][1]:
            text, bold, sign, color, size = blocks[block]
            x = inner.x + (indent if sign else 0)
            if sign and first_unit == 0:
                mark(surface, sign, (inner.x + body // 2, y + line_h // 2), body * 3 // 4,
                     theme.wrong if sign == "cross" else theme.right)
            lines = wrapped[block]
            part = lines[first_unit * len(lines) // units[block]:end_unit * len(lines) // units[block]]
            self.app.shown.append(text if len(part) == len(lines) else "\n".join(part))
            for k, shown_line in enumerate(part):
                surface.blit(self.app.text.render(shown_line, size, color, bold), (x, y + k * steps[block]))
            y += (end_unit - first_unit) * line_h + body // 3
        if hint or (len(missed) > 1 and inner.bottom - y >= step):  # other mistakes: said where there is room
            text_box(self.app, surface, tr("learner.browse_hint"), pygame.Rect(inner.x, inner.bottom - step, inner.width,
                     step), body, theme.muted)
