"""The end of a training session, for the learner: their score and its share per aspect, each card they missed
with the right answer, why and the source (one at a time, Up and Down or a click to go through them), when
those cards come back, and « Revoir mes erreurs maintenant (N) »."""

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
from game.ui.intents import Act, Intent
from game.ui.listing import press
from game.ui.screens import Screen
from game.ui.sheetnote import sheet_note
from game.ui.text import text_width, wrap
from game.ui.widgets import ButtonList, Choice, line, mark, panel, text_box
from game.wording.learner import missed_status, next_review_line, right_line, score_line
from game.wording.players import tr


class LearnedScene(Scene):
    def __init__(self, app: App, table: Table):
        super().__init__(app)
        self.table = table
        self.ending: LearnerEnding = learner_ending(table)
        self.shown = 0  # the missed card on show
        self.status = ""
        # the cards the review deals: a parcours's missed steps come back as one parcours, a card gone from the decks not
        dealt = len(review_session(app.library, [m.item for m in self.ending.missed]).cards)
        rows = [Choice(tr("learner.review_now", n=dealt), "review")] if dealt else []
        rows += [Choice(tr("end.open"), "open")] if table.sheet else []
        rows += [Choice(tr("train.progress"), "progress"), Choice(tr("end.home"), "home")]
        self.buttons = ButtonList(rows)
        self.head_rect = self.aspects_rect = self.missed_rect = self.foot_rect = pygame.Rect(0, 0, 0, 0)

    def handle(self, intent: Intent) -> None:
        missed = len(self.ending.missed)
        if missed and intent.kind in (Act.UP, Act.DOWN):
            self.shown = (self.shown + (1 if intent.kind == Act.DOWN else -1)) % missed
            return
        if missed and intent.kind == Act.CLICK and self.missed_rect.collidepoint(intent.pos):
            self.shown = (self.shown + 1) % missed
            return
        press(self.app, self.buttons, intent, self.choose)

    def choose(self, key: str) -> None:
        if key == "review":
            self.review()
        elif key == "open" and self.table.sheet is not None:
            self.status = open_file(self.table.sheet.pdf)
        elif key == "progress":
            self.app.push(Screen.PROGRESS, profile=self.ending.profile, on_profile=self.profile_changed)
        elif key == "home":
            self.app.replace(Screen.HOME)

    def profile_changed(self, name: str | None) -> None:
        """Renamed (`name`) or deleted (None) from the progress screen: a review now is under the new name, or
        none."""
        if name is None:
            self.buttons = ButtonList([c for c in self.buttons.choices if c.key not in ("review", "progress")])
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
        self.head_rect = pygame.Rect(pad, pad, width - 2 * pad, int(body * 2.2) + 2 * step)
        buttons_h = int(step * 1.6)
        font = self.app.fonts.get(body)
        foot_h = len(wrap(font, self.sheet_line(), width - 2 * pad)) * int(font.get_linesize() * 1.08)
        self.foot_rect = pygame.Rect(pad, height - pad - buttons_h - body // 2 - foot_h, width - 2 * pad, foot_h)
        bold = self.app.fonts.get(body, True)  # each button as wide as its label asks, with room for its number
        weights = [text_width(bold, c.label) + 3 * body for c in self.buttons.choices]
        self.buttons.layout_row(pygame.Rect(pad, height - pad - buttons_h, width - 2 * pad, buttons_h), body // 2,
                                weights)
        top = self.head_rect.bottom + pad
        middle_h = self.foot_rect.top - pad - top
        share = 0.38 if self.app.settings.scale <= 1.0 else 0.3  # bigger text: the mistake's panel gets the room
        split = int((width - 3 * pad) * share)
        self.aspects_rect = pygame.Rect(pad, top, split, middle_h)
        self.missed_rect = pygame.Rect(2 * pad + split, top, width - 3 * pad - split, middle_h)

    def draw(self, surface: pygame.Surface) -> None:
        theme, body, step = self.app.theme, self.app.body, self.app.line
        surface.fill(theme.background)
        head = self.head_rect
        ending = self.ending
        text_box(self.app, surface, tr("learner.title", profile=ending.profile), pygame.Rect(head.x, head.y, head.width,
                 int(body * 2.2)), int(body * 2), theme.text, bold=True)
        y = head.y + int(body * 2.2)
        text_box(self.app, surface, score_line(ending), pygame.Rect(head.x, y, head.width, step), int(body * 1.2),
                 theme.text, bold=True)
        text_box(self.app, surface, next_review_line(ending), pygame.Rect(head.x, y + step, head.width, step), body,
                 theme.muted)
        self._draw_aspects(surface)
        self._draw_missed(surface)
        text_box(self.app, surface, self.sheet_line(), self.foot_rect, body, theme.muted, valign="center")
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
        count = f"{tr('learner.missed', n=len(missed))} · {tr('learner.browse', n=self.shown + 1, of=len(missed))}"
        text_box(self.app, surface, count, pygame.Rect(inner.x, inner.y, inner.width, step), body, theme.muted,
                 bold=True)
        text_box(self.app, surface, missed_status(shown, self.ending.ended),
                 pygame.Rect(inner.x, inner.y + step, inner.width, step), self.app.small, theme.muted)
        blocks = [(first.prompt, body, theme.text, True, ""), (tr("learner.given", answer=first.given), body, theme.text,
                  False, "cross"), (right_line(first), body, theme.text, True, "check")]
        if first.feedback:
            blocks.append((first.feedback, self.app.small, theme.text, False, ""))
        if first.source:
            blocks.append((tr("play.source", source=first.source), self.app.small, theme.muted, False, ""))
        y = inner.y + 2 * step + body // 3
        for text, size, color, bold, sign in blocks:
            if inner.bottom - y < self.app.fonts.get(size).get_linesize():  # no room left: said, never drawn over
                self.app.report_overflow(text)
                continue
            indent = int(body * 1.4) if sign else 0  # the given answer crossed, the right one ticked: not by colour alone
            if sign:
                mark(surface, sign, (inner.x + body // 2, y + step // 2), body * 3 // 4,
                     theme.wrong if sign == "cross" else theme.right)
            fitted = text_box(self.app, surface, text, pygame.Rect(inner.x + indent, y, inner.width - indent,
                              inner.bottom - y), size, color, bold=bold, floor=min(size, self.app.small))
            y += fitted.height + body // 3
        if len(missed) > 1 and inner.bottom - y >= step:  # the way to the other mistakes, where there is room
            text_box(self.app, surface, tr("learner.browse_hint"), pygame.Rect(inner.x, inner.bottom - step, inner.width,
                     step), self.app.small, theme.muted)
