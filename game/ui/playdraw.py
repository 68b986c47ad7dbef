"""The play screen's drawing: the header and clock, the card, its choices, the reveal, the debate, the footer."""

from __future__ import annotations

import pygame

from game.engine.vocabulary import Phase
from game.present.room import Played
from game.table.view import Mark
from game.ui import cardface
from game.ui.playmarks import GOOD, clock_text
from game.ui.text import fit, text_width
from game.ui.widgets import line, mark, panel, text_box
from game.wording.players import teams_listed, tr


class PlayDrawing:
    """The play screen's drawing: the header and clock, the card, its choices, the reveal, the debate, the footer."""

    def draw(self, surface: pygame.Surface) -> None:
        now = self.app.clock()
        view = self.view
        surface.fill(self.app.theme.background)
        self._draw_top(surface, now)
        self._draw_side(surface, now)
        self._draw_footer(surface, now)
        self._draw_card(surface, now)
        if view.paused:
            self._draw_pause(surface)

    def _draw_top(self, surface: pygame.Surface, now: float) -> None:
        theme, body, rect, view = self.app.theme, self.app.body, self.top_rect, self.view
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, 0)
        line(self.app, surface, tr("play.card", n=view.number, total=view.total), (inner.x, inner.centery), body,
             theme.text, anchor="midleft")
        team = view.team
        if team is None:
            label = tr("play.every_team" if view.every_team and view.face is not None and view.face.answered
                       else "play.table")
        elif view.solo:
            label = tr("play.solo_turn")
        else:
            label = tr("play.team_turn", team=view.team_name)
        size = int(body * 1.3)
        self.app.shown.append(label)
        text = self.app.text.render(label, size, theme.on_signal if team is not None else theme.text, True)
        pill = text.get_rect(center=rect.center).inflate(body * 2, body // 2)
        if team is not None:
            panel(surface, pill, theme.teams[team % len(theme.teams)], theme.text, radius=pill.height // 2)
        surface.blit(text, text.get_rect(center=pill.center))
        self._draw_clock(surface, inner, now)

    def _draw_clock(self, surface: pygame.Surface, inner: pygame.Rect, now: float) -> None:
        """The time played against the target; in the target's last two minutes on an amber pill, past it on
        the warning colour with the time the maximum ends the game (colour and words both say it)."""
        theme, body, clock = self.app.theme, self.app.body, self.view.clock
        stage = clock.stage_at(now)
        elapsed = clock_text(clock.elapsed_at(now))
        if self.view.paused:
            text = tr("play.paused")
        elif stage == "untimed":
            text = tr("play.spent", time=elapsed)
        elif stage == "over":
            text = tr("play.clock_over", elapsed=elapsed, limit=clock_text(clock.limit))
        else:
            text = tr("play.clock", elapsed=elapsed, target=clock_text(clock.target))
        size = int(body * 1.3)
        fill = {"near": theme.teams[1], "over": theme.wrong}.get(stage) if not self.view.paused else None
        if fill is None:
            line(self.app, surface, text, (inner.right, inner.centery), size, theme.text, bold=True, anchor="midright")
            return
        self.app.shown.append(text)
        rendered = self.app.text.render(text, size, theme.on_signal, True)
        pill = rendered.get_rect(midright=(inner.right, inner.centery)).inflate(body, body // 3)
        pill.right = inner.right + body // 2
        panel(surface, pill, fill, theme.text, radius=pill.height // 2)
        surface.blit(rendered, rendered.get_rect(center=pill.center))

    def _header(self, surface: pygame.Surface) -> None:
        theme, body, view = self.app.theme, self.app.body, self.view
        label = f"{view.face.label} · {view.aspect_label}"
        if view.step_number:
            label += f" · {tr('parcours.step', n=view.step_number)}"
        line(self.app, surface, label, (self.main_rect.x, self.main_rect.y), body, theme.muted, bold=True)

    def _draw_card(self, surface: pygame.Surface, now: float) -> None:
        view = self.view
        if view.face is None:
            return
        self._header(surface)
        if view.phase == Phase.DISCUSS:
            self._draw_debate(surface, now)
        elif view.reveal is not None and not view.reveal.verdicts:
            self._draw_event(surface, view.reveal)
        elif view.reveal is not None:
            self._draw_reveal(surface, view.reveal)
        else:
            self._draw_question(surface)

    def _draw_question(self, surface: pygame.Surface) -> None:
        theme, body, view = self.app.theme, self.app.body, self.view
        if self.split and self.story:
            cardface.draw(self.app, surface, self.prompt_rect, view.face)
            self._draw_continue(surface, tr("play.show_choices"))
            return
        if self.split:  # the choices' view: the text in one line, and the way back to it
            back = tr("play.show_story")
            width = text_width(self.app.fonts.get(body, True), back) + body * 2
            self.story_rect = pygame.Rect(self.prompt_rect.right - width, self.prompt_rect.y, width,
                                          int(self.app.line * 1.1))
            panel(surface, self.story_rect, theme.background, theme.accent, width=2)
            line(self.app, surface, back, self.story_rect.center, body, theme.text, bold=True, anchor="center")
            reminder = pygame.Rect(self.prompt_rect.x, self.prompt_rect.y, self.prompt_rect.width - width - body,
                                   self.story_rect.height)
            text_box(self.app, surface, view.face.reminder, reminder, body, theme.muted,
                     bold=True, valign="center", quiet=True)
        else:
            cardface.draw(self.app, surface, self.prompt_rect, view.face)
        multiple = view.several
        ticked = self.ticked if multiple or not view.every_team else frozenset()
        size = self._choices_size(view.choices)
        for i, (item, rect) in enumerate(zip(view.choices, self.answer_rects)):
            focused = i == self.focus
            chosen = i in ticked
            fill = theme.accent if focused else theme.panel
            panel(surface, rect, fill, theme.accent if focused or chosen else theme.border, width=5 if chosen else 2)
            color = theme.on_accent if focused else theme.text
            number = line(self.app, surface, f"{i + 1}", (rect.x + body, rect.centery), int(body * 1.3), color,
                          bold=True, anchor="midleft")
            x = number.right + body
            if multiple:
                box = pygame.Rect(x, rect.centery - body // 2, body, body)
                pygame.draw.rect(surface, color, box, width=3)
                if chosen:
                    mark(surface, "check", box.center, body, color)
                x = box.right + body // 2
            text_box(self.app, surface, item, pygame.Rect(x, rect.y + 4, rect.right - x - body, rect.height - 8),
                     size, color, valign="center", floor=min(size, self.app.body))
        if multiple:
            focused = self.focus == len(view.choices)
            panel(surface, self.validate_rect, theme.accent if focused else theme.panel, theme.accent, width=3)
            line(self.app, surface, tr("play.validate"), self.validate_rect.center, body,
                 theme.on_accent if focused else theme.text, bold=True, anchor="center")
            line(self.app, surface, tr("play.multiple"), (self.main_rect.x, self.validate_rect.centery), body,
                 theme.muted, anchor="midleft")

    def _choices_size(self, items: tuple[str, ...]) -> int:
        """One size for every choice of the card: the largest at which each fits its button. A longer answer
        drawn smaller than the others would point at itself, and the right answer is often the longer one."""
        body, several = self.app.body, self.view.several
        size = int(body * 1.15)
        numbers = self.app.fonts.get(int(body * 1.3), True)
        for i, (item, rect) in enumerate(zip(items, self.answer_rects)):
            # past the number and (with several answers) the tick box, as drawn
            x = rect.x + body + text_width(numbers, f"{i + 1}") + body + (body + body // 2 if several else 0)
            fitted = fit(self.app.fonts, item, rect.right - x - body, rect.height - 8, size, body)
            size = min(size, fitted.size)
        return size

    def _verdict(self, surface: pygame.Surface, rect: pygame.Rect, good: bool | None, label: str) -> None:
        theme, body = self.app.theme, self.app.body
        color = theme.right if good else theme.wrong if good is False else theme.panel
        panel(surface, rect, color, theme.text)
        if good is not None:
            mark(surface, "check" if good else "cross", (rect.x + body * 3 // 2, rect.centery), body, theme.on_signal)
        left = body * 3 if good is not None else body
        text_box(self.app, surface, label, pygame.Rect(rect.x + left, rect.y, rect.width - left - body, rect.height),
                 int(body * 1.4), theme.on_signal if good is not None else theme.text, bold=True, valign="center")

    def _draw_reveal(self, surface: pygame.Surface, play: Played) -> None:
        theme, body = self.app.theme, self.app.body
        if self.reminder_rect.height:
            text_box(self.app, surface, play.face.reminder, self.reminder_rect, body, theme.muted,
                     bold=True, quiet=True)
        silent = [v.team + 1 for v in play.verdicts if v.mark == Mark.NO_ANSWER]
        verdict = tr(f"mark.{play.mark}") + (f" · {tr('play.no_answer', teams=teams_listed(silent))}" if silent else "")
        self._verdict(surface, self.banner_rect, GOOD[play.mark], verdict)
        text_box(self.app, surface, self._explanation(play), self.explain_rect, int(body * 1.45), theme.text)
        size = self.row_size
        step = int(self.app.fonts.get(size).get_linesize() * 1.08)
        for i, rect in zip(play.shown, self.answer_rects):
            text = self.view.choices[i]
            right = i in play.right
            panel(surface, rect, theme.right if right else theme.wrong, theme.text, width=2)
            top = rect.y + size // 4
            mark(surface, "check" if right else "cross", (rect.x + body, top + step // 2), size * 2 // 3,
                 theme.on_signal)
            tag = line(self.app, surface, self._tag(play, i), (rect.x + body * 2, top + step // 2), size,
                       theme.on_signal, bold=True, anchor="midleft")
            if self._one_line(play, i):
                line(self.app, surface, text, (tag.right + size // 2, top + step // 2), size, theme.on_signal,
                     anchor="midleft")
            else:
                text_box(self.app, surface, text,
                         pygame.Rect(rect.x + body * 2, top + step, rect.width - body * 3, rect.bottom - top - step),
                         size, theme.on_signal, floor=size)
        self._draw_continue(surface)

    def _draw_event(self, surface: pygame.Surface, play: Played) -> None:
        theme, body = self.app.theme, self.app.body
        main = self.main_rect
        banner = pygame.Rect(main.x, main.y + int(self.app.line * 1.2), main.width, int(self.app.line * 1.9))
        self._verdict(surface, banner, None, tr("play.event"))
        rect = pygame.Rect(main.x, banner.bottom + body, main.width, main.bottom - banner.bottom - 2 * body)
        effects = "\n".join(tr("play.effect", label=c.label, delta=c.delta) for c in play.changes)
        text_box(self.app, surface, play.face.prompt + ("\n\n" + effects if effects else ""), rect, int(body * 1.6),
                 theme.text, bold=False, valign="center")
        self._draw_continue(surface)

    def _draw_debate(self, surface: pygame.Surface, now: float) -> None:
        theme, body, view = self.app.theme, self.app.body, self.view
        card, main = view.face, self.main_rect
        timer = tr("play.discussion", time=clock_text(view.clock.card_seconds_at(now)))
        line(self.app, surface, timer, (main.right, main.y), int(body * 1.2), theme.text, bold=True, anchor="topright")
        prompt_rect = pygame.Rect(main.x, main.y + body * 2, main.width, int(main.height * 0.4))
        fitted = text_box(self.app, surface, card.prompt, prompt_rect, int(body * 1.9), theme.text, bold=True,
                          valign="center")
        y = prompt_rect.y + (prompt_rect.height + fitted.height) // 2 + body
        hints = "\n".join(f"· {hint}" for hint in card.hints)
        note_rect = pygame.Rect(main.x, main.bottom - int(self.app.line * 2.6), main.width, int(self.app.line * 2.6))
        if hints:
            hint_rect = pygame.Rect(main.x + body, y, main.width - body, note_rect.top - y - body)
            text_box(self.app, surface, hints, hint_rect, int(body * 1.2), theme.text)
        if self.note_draft is not None:
            panel(surface, note_rect, theme.panel, theme.accent, width=3)
            text_box(self.app, surface, tr("play.note_editing") + "\n" + self.note_draft + "|",
                     note_rect.inflate(-body, -body // 3), body, theme.text)
        else:
            text = tr("play.note", note=view.note) if view.note else tr("play.note_hint")
            text_box(self.app, surface, text, note_rect, body, theme.text if view.note else theme.muted,
                     valign="center")
        self._draw_continue(surface)

    def _draw_continue(self, surface: pygame.Surface, label: str | None = None) -> None:
        theme = self.app.theme
        panel(surface, self.continue_rect, theme.accent, theme.accent)
        line(self.app, surface, label or tr("play.continue"), self.continue_rect.center, self.app.body,
             theme.on_accent, bold=True, anchor="center")

    def _draw_footer(self, surface: pygame.Surface, now: float) -> None:
        theme, body, rect, view = self.app.theme, self.app.body, self.foot_rect, self.view
        if self.message and now < self.message_until:
            panel(surface, rect, theme.wrong, theme.text)
            text, color = self.message, theme.on_signal
        elif view.clock.remaining_at(now) <= 0 and not view.paused:
            text, color = tr("play.time_up"), theme.text
        elif view.phase == Phase.ANSWER and view.every_team and not view.paused:
            text, color = tr("play.keys_room_several" if view.several else "play.keys_room"), theme.muted
        else:
            text, color = tr("play.keys"), theme.muted
        if self.continue_rect.width:
            rect = pygame.Rect(rect.x, rect.y, self.continue_rect.left - rect.x - body, rect.height)
        text_box(self.app, surface, text, rect.inflate(-body, 0), body, color, valign="center", floor=self.app.small)

    def _draw_pause(self, surface: pygame.Surface) -> None:
        theme, body = self.app.theme, self.app.body
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill(theme.overlay)
        surface.blit(shade, (0, 0))
        width, height = surface.get_size()
        box = pygame.Rect(0, 0, int(width * 0.6), int(body * 8))
        box.center = (width // 2, height // 2)
        panel(surface, box, theme.background, theme.border, width=3)
        line(self.app, surface, tr("play.paused"), (box.centerx, box.y + body * 2), body * 3, theme.text, bold=True,
             anchor="midtop")
        line(self.app, surface, tr("play.paused_hint"), (box.centerx, box.bottom - body * 2), body, theme.text,
             anchor="midbottom")
