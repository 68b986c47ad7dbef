"""The play screen's drawing: the header and clock, the card, its choices, the reveal, the debate, the footer."""

from __future__ import annotations

import pygame

from game.engine.vocabulary import ActionType, Phase
from game.present.room import Played
from game.ui import cardface
from game.ui.playmarks import GOOD, clock_text
from game.ui.text import fit, text_width, wrap
from game.ui.widgets import line, mark, panel, text_box
from game.wording.players import tr


class PlayDrawing:
    """The play screen's drawing: the header and clock, the card, its choices, the reveal, the debate, the footer."""

    def draw(self, surface: pygame.Surface) -> None:
        now = self.app.clock()
        view = self.view
        surface.fill(self.app.theme.background)
        self._draw_top(surface, now)
        if self.side_rect.width:
            self._draw_side(surface, now)
        self._draw_footer(surface, now)
        self._draw_card(surface, now)
        if view.paused:
            self._draw_pause(surface)

    def _draw_top(self, surface: pygame.Surface, now: float) -> None:
        """The card's number, whose turn it is on its pill, and the clock, on one line that never overlaps: the
        pill and the clock give up their extra size (down to the body size, never below), then the card's
        number its words, and the pill leaves the middle for the free space between its neighbours."""
        theme, body, rect, view = self.app.theme, self.app.body, self.top_rect, self.view
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, 0)
        team = view.team
        if team is None:
            label = tr("play.every_team" if view.every_team and view.face is not None and view.face.answered
                       else "play.table")
        elif view.solo:  # the learner's turn, then the correction
            label = tr("play.solo_turn" if view.phase == Phase.ANSWER else "play.solo_review")
        else:
            label = tr("play.team_turn", team=view.team_name)
        clock = self._clock_text(now)
        counters = (tr("play.card", n=view.number, total=view.total), tr("play.card_short", n=view.number,
                                                                           total=view.total))
        choice = None
        for counter in counters:
            for size in (int(body * 1.3), int(body * 1.15), body):
                bold = self.app.fonts.get(size, True)
                widths = (text_width(self.app.fonts.get(body), counter), text_width(bold, label) + body * 2,
                          text_width(bold, clock) + body * 2)
                if sum(widths) + body <= inner.width:
                    choice = counter, size, widths
                    break
            if choice:
                break
        if choice is None:
            choice = counters[1], body, widths
            self.app.report_overflow(label)  # nothing narrower to offer: said, never silently overlapped
        counter, size, (counter_w, pill_w, clock_w) = choice
        line(self.app, surface, counter, (inner.x, inner.centery), body, theme.text, anchor="midleft")
        self.app.shown.append(label)
        text = self.app.text.render(label, size, theme.on_signal if team is not None else theme.text, True)
        free = pygame.Rect(inner.x + counter_w + body // 2, rect.y, inner.width - counter_w - clock_w - body, rect.height)
        pill = text.get_rect(center=rect.center).inflate(body * 2, body // 2)
        if pill.left < free.left or pill.right > free.right:
            pill.centerx = free.centerx
        if team is not None:
            panel(surface, pill, theme.teams[team % len(theme.teams)], theme.text, radius=pill.height // 2)
        surface.blit(text, text.get_rect(center=pill.center))
        self._draw_clock(surface, inner, now, size)

    def _clock_text(self, now: float) -> str:
        clock = self.view.clock
        stage = clock.stage_at(now)
        elapsed = clock_text(clock.elapsed_at(now))
        if self.view.paused:
            return tr("play.paused")
        if stage == "untimed":
            return tr("play.spent", time=elapsed)
        if stage == "over":
            return tr("play.clock_over", elapsed=elapsed, limit=clock_text(clock.limit))
        return tr("play.clock", elapsed=elapsed, target=clock_text(clock.target))

    def _draw_clock(self, surface: pygame.Surface, inner: pygame.Rect, now: float, size: int) -> None:
        """The time played against the target; in the target's last two minutes on an amber pill, past it on
        the warning colour with the time the maximum ends the game (colour and words both say it)."""
        theme, body = self.app.theme, self.app.body
        stage = self.view.clock.stage_at(now)
        text = self._clock_text(now)
        fill = {"near": theme.teams[1], "over": theme.wrong}.get(stage) if not self.view.paused else None
        if fill is None:
            line(self.app, surface, text, (inner.right, inner.centery), size, theme.text, bold=True, anchor="midright")
            return
        self.app.shown.append(text)
        rendered = self.app.text.render(text, size, theme.on_signal, True)
        pill = rendered.get_rect(midright=(inner.right, inner.centery)).inflate(body * 2, body // 3)  # clear of its round ends
        pill.right = inner.right  # inside the bar, its border clear
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
        if not self.headless:
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
            pages = self.story_pages
            if len(pages) > 1:
                cardface.draw_page(self.app, surface, self.prompt_rect, view.face, pages[self.story_page])
            else:
                cardface.draw(self.app, surface, self.prompt_rect, view.face)
            self._draw_continue(surface, self._view_of(self.story_page, len(pages), tr("play.show_choices")))
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
            if not rect.width:  # on another of the choices' views
                continue
            if rect.bottom > self.main_rect.bottom:  # past the card, over the footer: as unreadable as cut, said
                self.app.report_overflow(item)
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
            hint = pygame.Rect(self.main_rect.x, self.validate_rect.y, self.validate_rect.x - body - self.main_rect.x,
                               self.validate_rect.height)  # beside the button, on two lines where need be
            said = tr("play.multiple")
            if fit(self.app.fonts, said, hint.width, hint.height, body, self.app.small).overflow:
                said = tr("play.multiple_short")  # big text: the short form
            text_box(self.app, surface, said, hint, body, theme.muted, valign="center", floor=self.app.small)
        if len(self.choice_pages) > 1:
            self._draw_continue(surface, tr("play.more_choices", page=self.choice_page + 1, pages=len(self.choice_pages)))

    def _choices_size(self, items: tuple[str, ...]) -> int:
        """One size for every choice of the card: the largest at which each fits its button. A longer answer
        drawn smaller than the others would point at itself, and the right answer is often the longer one."""
        body = self.app.body
        size = int(body * 1.15)
        for i, (item, rect) in enumerate(zip(items, self.answer_rects)):
            if rect.width:  # shown on this view
                fitted = fit(self.app.fonts, item, self._choice_width(i), rect.height - 8, size, body)
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
        self._verdict(surface, self.banner_rect, GOOD[play.mark], self.verdict_text(play))
        paged = len(self.reveal_chunks) > 1  # drawn as measured, at the body size, to keep its line breaks
        if self.reveal_text:
            text_box(self.app, surface, self.reveal_text, self.explain_rect, body if paged else int(body * 1.45),
                     theme.text)
        if self.answer_rects and self.answer_rects[0].top < self.banner_rect.bottom:
            self.app.report_overflow(self.view.choices[self.reveal_rows[0][0]])  # more than a view can hold
        size = body  # the answers, as measured
        step = int(self.app.fonts.get(size).get_linesize() * 1.08)
        for (i, piece, first), rect in zip(self.reveal_rows, self.answer_rects):
            text = self.view.choices[i]
            right = i in play.right
            neither = i in play.acceptable  # an acceptable option: neither a check nor a cross, on the panel's colour
            ink = theme.text if neither else theme.on_signal
            panel(surface, rect, theme.panel if neither else theme.right if right else theme.wrong, theme.text, width=2)
            top = rect.y + size // 4
            if first:
                if not neither:
                    mark(surface, "check" if right else "cross", (rect.x + body, top + step // 2), size * 2 // 3, ink)
                tag = line(self.app, surface, self._tag(play, i), (rect.x + body * 2, top + step // 2), size, ink,
                           bold=True, anchor="midleft")
                if self._one_line(play, i):
                    line(self.app, surface, text, (tag.right + size // 2, top + step // 2), size, ink,
                         anchor="midleft")
            words = "\n".join(part for part in piece if part)  # the text's lines on this view, as measured
            if words:
                text_box(self.app, surface, words, pygame.Rect(rect.x + body * 2, top + (step if first else 0),
                                                               rect.width - body * 3, len(words.split("\n")) * step),
                         size, ink, floor=size)
        self._draw_continue(surface, self._view_of(self.page, len(self.reveal_chunks)))

    def _draw_event(self, surface: pygame.Surface, play: Played) -> None:
        theme, body = self.app.theme, self.app.body
        self._verdict(surface, self.event_banner, None, tr("play.event"))
        pages = self.reveal_chunks
        if len(pages) > 1:  # drawn as measured, at the body size, one view at a time
            text_box(self.app, surface, "\n".join(pages[self.page]), self.event_rect, body, theme.text, floor=body)
        else:
            text_box(self.app, surface, self.event_text(play), self.event_rect, int(body * 1.6), theme.text,
                     valign="center")
        self._draw_continue(surface, self._view_of(self.page, len(pages)))

    def _draw_debate(self, surface: pygame.Surface, now: float) -> None:
        """The question big, its hints under it, the note at the bottom (as laid out by `_layout_debate`)."""
        theme, body, view = self.app.theme, self.app.body, self.view
        main, room = self.main_rect, self.debate_rect
        timer = tr("play.discussion", time=clock_text(view.clock.card_seconds_at(now)))
        line(self.app, surface, timer, (main.right, main.y + (self.app.line if self.clock_below else 0)),
             int(body * 1.2), theme.text, bold=True, anchor="topright")
        note_text, hint = self.note_text()
        if len(self.reveal_chunks) > 1:  # one view of the flow, at the body size, as measured
            step = int(self.app.fonts.get(body).get_linesize() * 1.08)
            y = room.y
            for i in self.debate_pages[self.page]:
                bold = i < self.debate_bold
                line(self.app, surface, self.debate_lines[i], (room.x + (0 if bold else body), y), body, theme.text,
                     bold=bold)
                y += step
        else:
            self._draw_debate_whole(surface)
        if self.note_draft is not None:
            panel(surface, self.note_rect, theme.panel, theme.accent, width=3)
        text_box(self.app, surface, note_text, self.note_rect.inflate(-body, 0), self.note_size,
                 theme.muted if hint else theme.text, valign="center", floor=self.note_size)
        self._draw_continue(surface, self._view_of(self.page, len(self.reveal_chunks)))

    def _draw_debate_whole(self, surface: pygame.Surface) -> None:
        """The question and its hints in one view: the question gives up size (down to the body size, never
        below) before the hints lose a line."""
        theme, body, card, room = self.app.theme, self.app.body, self.view.face, self.debate_rect
        hints = "\n".join(f"· {hint}" for hint in card.hints)
        for size in (int(body * 1.9), int(body * 1.5), int(body * 1.2), body):  # the hints at a bigger size too
            hint_size = max(body, min(int(body * 1.2), size))
            hint_font = self.app.fonts.get(hint_size)
            hints_h = len(wrap(hint_font, hints, room.width - body)) * int(hint_font.get_linesize() * 1.08) if hints else 0
            prompt = fit(self.app.fonts, card.prompt, room.width, room.height - hints_h - body, size, size, bold=True)
            if not prompt.overflow:
                break
        prompt_rect = pygame.Rect(room.x, room.y, room.width, max(prompt.height, room.height - hints_h - body))
        fitted = text_box(self.app, surface, card.prompt, prompt_rect, prompt.size, theme.text, bold=True,
                          valign="center", floor=prompt.size)
        y = prompt_rect.y + (prompt_rect.height + fitted.height) // 2 + body
        if hints:
            text_box(self.app, surface, hints, pygame.Rect(room.x + body, y, room.width - body, self.note_rect.top - y),
                     hint_size, theme.text, floor=hint_size)

    @staticmethod
    def _view_of(page: int, pages: int, last: str | None = None) -> str | None:
        """The button's label on a view among several: « Suite (1/3) » until the last, which reads `last`."""
        return tr("play.more", page=page + 1, pages=pages) if page < pages - 1 else last

    def _draw_continue(self, surface: pygame.Surface, label: str | None = None) -> None:
        theme = self.app.theme
        panel(surface, self.continue_rect, theme.accent, theme.accent)
        line(self.app, surface, label or tr("play.continue"), self.continue_rect.center, self.app.body,
             theme.on_accent, bold=True, anchor="center")

    def _draw_footer(self, surface: pygame.Surface, now: float) -> None:
        theme, body, rect, view = self.app.theme, self.app.body, self.foot_rect, self.view
        if self.continue_rect.width:
            rect = pygame.Rect(rect.x, rect.y, self.continue_rect.left - rect.x - body, rect.height)
        room = rect.inflate(-body, 0)
        if self.message and now < self.message_until:  # left of the footer's button, never under it
            panel(surface, rect, theme.wrong, theme.text)
            text, color = self.message, theme.on_signal
        elif view.reveal is not None and view.reveal.completes_line:  # the moment a team completes its panorama
            panel(surface, rect, theme.right, theme.text)
            text, color = view.reveal.completes_line, theme.on_signal
        elif view.clock.remaining_at(now) <= 0 and not view.paused:
            text, color = tr("play.time_up"), theme.text
        elif view.phase == Phase.ANSWER and view.every_team and not view.paused:
            key = "play.keys_room_several" if view.several else "play.keys_room"
            text, color = tr(key), theme.muted
            if fit(self.app.fonts, text, room.width, room.height, body, self.app.small).overflow:
                text = tr(key + "_short")  # a room's keys, short where big text leaves no room for them in full
        else:  # « S passer » only where a card can be skipped (not on a reveal)
            text, color = tr("play.keys" if ActionType.SKIP in view.moves else "play.keys_no_skip"), theme.muted
            if view.phase == Phase.REVEAL and view.panorama_line and not fit(
                    self.app.fonts, view.panorama_line, room.width, room.height, body, self.app.small).overflow:
                text, color = view.panorama_line, theme.text  # between cards, the squares' aspects named
        text_box(self.app, surface, text, room, body, color, valign="center", floor=self.app.small)

    def _draw_pause(self, surface: pygame.Surface) -> None:
        """« Pause » big over the dimmed screen, and how to go on under it, each as high as its font needs."""
        theme, body = self.app.theme, self.app.body
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill(theme.overlay)
        surface.blit(shade, (0, 0))
        width, height = surface.get_size()
        box_w = int(width * 0.6)
        title = self.app.fonts.get(body * 3, True)
        hint = tr("play.paused_hint")
        font = self.app.fonts.get(body)
        hint_h = len(wrap(font, hint, box_w - 2 * body)) * int(font.get_linesize() * 1.08)
        box = pygame.Rect(0, 0, box_w, body * 2 + title.get_height() + body + hint_h)
        box.center = (width // 2, height // 2)
        panel(surface, box, theme.background, theme.border, width=3)
        line(self.app, surface, tr("play.paused"), (box.centerx, box.y + body), body * 3, theme.text, bold=True,
             anchor="midtop")
        text_box(self.app, surface, hint, pygame.Rect(box.x + body, box.y + body + title.get_height() + body,
                 box_w - 2 * body, hint_h), body, theme.text, align="center")
