"""The play screen: the card, big; the answers as large buttons; the reveal; teams or gauges; the clock.

It only reads the engine's state and sends it actions (each one on disk before the screen moves).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.content.models import CONSTRAINTS
from game.engine.rules import Action, IllegalAction, State
from game.session.recorded import RecordedSession
from game.ui.app import App, Scene
from game.ui.intents import Intent
from game.ui.strings import tr
from game.ui.text import wrap
from game.ui.widgets import line, mark, panel, text_box

ANIMATION = 0.6  # seconds for the gauges to reach their new values
MESSAGE_SECONDS = 4.0


def bars(app: App, width: int, height: int) -> tuple[int, pygame.Rect, pygame.Rect]:
    """The margin, the top bar and the footer of a play-like screen: sized by the body text's line."""
    pad = max(12, height // 40)
    top_h, foot_h = int(app.line * 2.1), int(app.line * 1.3)
    return (pad, pygame.Rect(pad, pad, width - 2 * pad, top_h),
            pygame.Rect(pad, height - pad - foot_h, width - 2 * pad, foot_h))


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class PlayScene(Scene):
    def __init__(self, app: App, recorded: RecordedSession):
        super().__init__(app)
        self.rec = recorded
        self.game = recorded.session.game
        self.aspects: dict[str, str] = recorded.session.events[0].get("aspects", {})
        self.focus = 0
        self.selected: set[int] = set()
        self.note_draft: str | None = None
        self.message = ""
        self.message_until = 0.0
        self.anim_from = self.state.gauges
        self.anim_start = 0.0
        self.answer_rects: list[pygame.Rect] = []
        self.validate_rect = pygame.Rect(0, 0, 0, 0)
        self.continue_rect = pygame.Rect(0, 0, 0, 0)

    @classmethod
    def resume(cls, app: App, path: Path) -> PlayScene:
        return cls(app, RecordedSession.resume(path, app.clock()))

    @property
    def state(self) -> State:
        return self.rec.state

    @property
    def card(self) -> Any:
        return self.game.card(self.state)

    @property
    def typing(self) -> bool:
        return self.note_draft is not None

    # -- sending actions -----------------------------------------------------------------------

    def send(self, kind: str, choices: tuple[int, ...] = (), text: str = "") -> None:
        before = self.state
        try:
            self.rec.act(Action(kind, choices, text), max(self.app.clock(), before.last_t))
        except IllegalAction as exc:
            self.message = tr("error.refused", reason=str(exc))
            self.message_until = self.app.clock() + MESSAGE_SECONDS
            return
        self.message = ""
        if self.state.index != before.index or self.state.phase != before.phase:
            self.focus = 0
            self.selected.clear()
        if self.state.gauges != before.gauges and not self.app.fast:
            self.anim_from, self.anim_start = before.gauges, self.app.clock()
        else:
            self.anim_from = self.state.gauges
        if self.game.is_terminal(self.state):
            self.finished()
            return
        self.layout(*self.app.size)

    def finished(self) -> None:
        """The session is over: on to the end screen and its sheet."""
        from game.ui.scenes.end import EndScene

        self.rec.close()
        self.app.replace(EndScene(self.app, self.rec))

    def ask_end(self) -> None:
        from game.ui.scenes.overlays import ConfirmScene

        self.app.push(ConfirmScene(self.app, "confirm.end", lambda: self.send("end")))

    # -- intents ---------------------------------------------------------------------------------

    def handle(self, intent: Intent) -> None:
        from game.ui.scenes.overlays import ConfirmScene, MenuScene

        kind = intent.kind
        if self.note_draft is not None:
            self._edit_note(intent)
        elif kind == "menu":
            self.app.push(MenuScene(self.app, self))
        elif kind == "quit":
            self.app.push(ConfirmScene(self.app, "confirm.quit", self.app.pop_all))
        elif kind == "pause":
            self.send("resume" if self.state.paused else "pause")
        elif kind == "end":
            self.ask_end()
        elif self.state.paused:
            return
        elif kind in ("back", "undo"):
            self.send("undo")
        elif kind == "skip":
            self.send("skip")
        elif self.state.phase == "answer":
            self._answering(intent)
        elif kind == "note" and self.state.phase == "discuss":
            self.note_draft = self.state.note
        elif kind in ("confirm", "next") or (kind == "click" and self.continue_rect.collidepoint(intent.pos)):
            self.send("next")

    def _answering(self, intent: Intent) -> None:
        count = len(self.answer_rects)
        multiple = self.card.kind == "question" and self.card.multiple
        last = count if multiple else count - 1  # with several answers, "Validate" is one more stop
        kind = intent.kind
        if kind in ("up", "left"):
            self.focus = (self.focus - 1) % (last + 1)
        elif kind in ("down", "right"):
            self.focus = (self.focus + 1) % (last + 1)
        elif kind == "choose" and 1 <= intent.number <= count:
            self._pick(intent.number - 1, multiple)
        elif kind == "confirm":
            if multiple and self.focus == count:
                self._validate()
            else:
                self._pick(self.focus, multiple)
        elif kind == "next" and multiple:
            self._validate()
        elif kind in ("click", "point"):
            for i, rect in enumerate(self.answer_rects):
                if rect.collidepoint(intent.pos):
                    self.focus = i
                    if kind == "click":
                        self._pick(i, multiple)
            if multiple and self.validate_rect.collidepoint(intent.pos):
                self.focus = count
                if kind == "click":
                    self._validate()

    def _pick(self, i: int, multiple: bool) -> None:
        self.focus = i
        if multiple:
            self.selected ^= {i}
        else:
            self.send("answer", (i,))

    def _validate(self) -> None:
        if self.selected:
            self.send("answer", tuple(sorted(self.selected)))

    def _edit_note(self, intent: Intent) -> None:
        assert self.note_draft is not None
        if intent.kind == "text":
            self.note_draft = (self.note_draft + intent.text)[:280]
        elif intent.kind == "back":
            self.note_draft = self.note_draft[:-1]
        elif intent.kind == "confirm":
            draft, self.note_draft = self.note_draft, None
            self.send("note", text=draft.strip())
        elif intent.kind == "menu":
            self.note_draft = None

    # -- time --------------------------------------------------------------------------------------

    def elapsed(self, now: float) -> float:
        state = self.state
        return state.elapsed if state.paused else state.elapsed + max(0.0, now - state.last_t)

    def animating(self, now: float) -> bool:
        return self.anim_from != self.state.gauges and now - self.anim_start < ANIMATION

    def tick(self, now: float) -> float | None:
        if self.state.paused:
            return None
        return 1.0 - (self.elapsed(now) % 1.0) + 0.01

    def gauge_values(self, now: float) -> list[float]:
        progress = min(1.0, (now - self.anim_start) / ANIMATION) if self.anim_from != self.state.gauges else 1.0
        ease = 1 - (1 - progress) ** 3
        return [a + (b - a) * ease for a, b in zip(self.anim_from, self.state.gauges)]

    # -- layout ------------------------------------------------------------------------------------

    def layout(self, width: int, height: int) -> None:
        pad, self.top_rect, self.foot_rect = bars(self.app, width, height)
        side_w = int(width * 0.27)
        body_top = self.top_rect.bottom + pad
        self.side_rect = pygame.Rect(width - pad - side_w, body_top, side_w, self.foot_rect.top - pad - body_top)
        self.main_rect = pygame.Rect(pad, body_top, self.side_rect.left - 2 * pad, self.side_rect.height)
        self._layout_card()

    def _layout_card(self) -> None:
        """Where the prompt, the answers and the Continue button go: answers get what their text needs,
        the prompt the rest (its text then shrinks, never below the body size)."""
        card, body, main = self.card, self.app.body, self.main_rect
        self.prompt_rect = main.copy()
        self.answer_rects = []
        self.validate_rect = pygame.Rect(0, 0, 0, 0)
        self.continue_rect = pygame.Rect(0, 0, 0, 0)
        if card is None:
            return
        if self.state.phase != "answer":
            width = max(body * 9, self.app.fonts.get(body, True).size(tr("play.continue"))[0] + body * 2)
            self.continue_rect = pygame.Rect(self.foot_rect.right - width, self.foot_rect.y, width, self.foot_rect.height)
        items = card.answers if card.kind == "question" else getattr(card, "options", [])
        if self.state.phase == "reveal" and items:
            self._layout_reveal(items)
        elif self.state.phase == "answer" and items:
            self._layout_answers(items)

    def _layout_answers(self, items: list[Any]) -> None:
        card, body, main = self.card, self.app.body, self.main_rect
        gap = body // 3
        font = self.app.fonts.get(body)
        step = int(font.get_linesize() * 1.08)
        multiple = card.kind == "question" and card.multiple
        bottom = main.bottom
        if multiple:
            self.validate_rect = pygame.Rect(main.right - body * 9, main.bottom - int(self.app.line * 1.7), body * 9,
                                             int(self.app.line * 1.7))
            bottom = self.validate_rect.top - gap
        text_w = main.width - body * 4 - (body * 2 if multiple else 0)
        need = max(len(wrap(font, item.text, text_w)) for item in items) * step + body // 2 + 8
        top = main.y + int(self.app.line * 1.3)
        prompt_need = self._prompt_need(main.width)
        room = (bottom - top - prompt_need - gap * len(items)) // len(items)
        height = max(min(need, room), int(self.app.line * 1.6))
        height = max(height, min(int(self.app.line * 2.4), room))  # big targets when there is room
        area_top = bottom - len(items) * (height + gap) + gap
        self.answer_rects = [pygame.Rect(main.x, area_top + i * (height + gap), main.width, height)
                             for i in range(len(items))]
        self.prompt_rect = pygame.Rect(main.x, top, main.width, area_top - top - gap)

    def _prompt_need(self, width: int) -> int:
        """The height the card's own text needs at the body size."""
        card, body = self.card, self.app.body
        font = self.app.fonts.get(body)
        step = int(font.get_linesize() * 1.08)
        if card.kind == "persona":
            text = "\n".join([card.situation, tr("play.need", need=card.need)] + ([f"« {card.quote} »"] if card.quote else []))
            return int(self.app.line * 1.6) + len(wrap(font, text, width)) * step
        extra = int(self.app.line * 1.1) if card.kind == "situation" and card.partner else 0
        return extra + len(wrap(self.app.fonts.get(body, True), card.prompt, width)) * step

    def _layout_reveal(self, items: list[Any]) -> None:
        """The verdict, the explanation, then the right and the chosen answers; the prompt as a reminder on top
        when there is room for it."""
        body, main = self.app.body, self.main_rect
        gap = body // 3
        font = self.app.fonts.get(body)
        step = int(font.get_linesize() * 1.08)
        heights = []
        for i in self.revealed_items():
            lines = 1 if self._one_line(i) else 1 + len(wrap(font, items[i].text, main.width - body * 3))
            heights.append(lines * step + body // 2)
        top = main.bottom - sum(heights) - gap * (len(heights) - 1)
        for height in heights:
            self.answer_rects.append(pygame.Rect(main.x, top, main.width, height))
            top += height + gap
        header = main.y + int(self.app.line * 1.2)
        banner_h = int(self.app.line * 1.6)
        explain_need = len(wrap(font, self._explanation(), main.width)) * step
        spare = self.answer_rects[0].top - header - banner_h - explain_need - 3 * gap
        reminder = max(0, min(2 * step, spare // step * step))
        self.reminder_rect = pygame.Rect(main.x, header, main.width, reminder)
        self.banner_rect = pygame.Rect(main.x, header + reminder + (gap if reminder else 0), main.width, banner_h)
        self.explain_rect = pygame.Rect(main.x, self.banner_rect.bottom + gap, main.width,
                                        self.answer_rects[0].top - self.banner_rect.bottom - 2 * gap)

    def _explanation(self) -> str:
        card, play = self.card, self.state.plays[-1]
        if card.kind == "question":
            return card.explanation + (f"\n{tr('play.source', source=card.source)}" if card.source else "")
        return card.options[play.choices[0]].feedback

    def _tag(self, i: int) -> str:
        card, play = self.card, self.state.plays[-1]
        right = card.answers[i].correct if card.kind == "question" else card.options[i].rating == "best"
        tags = [tr("play.right_answer") if card.kind == "question" else tr("rating.best")] if right else []
        if i in play.choices:
            tags.append(tr("play.your_answer"))
        return " · ".join(tags) + " :"

    def _one_line(self, i: int) -> bool:
        """A short answer sits on the same line as its tag."""
        card, body = self.card, self.app.body
        text = card.answers[i].text if card.kind == "question" else card.options[i].text
        width = self.app.fonts.get(body, True).size(self._tag(i))[0] + self.app.fonts.get(body).size(text)[0]
        return width + body * 4 <= self.main_rect.width

    def revealed_items(self) -> list[int]:
        """On the reveal, the right answers (or best options) and the one chosen: the rest is noise."""
        card, play = self.card, self.state.plays[-1]
        if card.kind == "question":
            right = set(card.correct_choices)
        else:
            right = {i for i, o in enumerate(card.options) if o.rating == "best"}
        return sorted(right | set(play.choices))

    # -- drawing ------------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        now = self.app.clock()
        surface.fill(self.app.theme.background)
        self._draw_top(surface, now)
        self._draw_side(surface, now)
        self._draw_footer(surface, now)
        self._draw_card(surface, now)
        if self.state.paused:
            self._draw_pause(surface)

    def _draw_top(self, surface: pygame.Surface, now: float) -> None:
        theme, body, rect = self.app.theme, self.app.body, self.top_rect
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, 0)
        line(self.app, surface, tr("play.card", n=min(self.state.index + 1, len(self.game.cards)),
                                   total=len(self.game.cards)), (inner.x, inner.centery), body, theme.text,
             anchor="midleft")
        team = self.game.current_team(self.state)
        if team is None:
            label = tr("play.table")
        elif self.game.scenario.mode == "solo":
            label = tr("play.solo_turn")
        else:
            label = tr("play.team_turn", team=self.game.teams[team])
        size = int(body * 1.3)
        text = self.app.text.render(label, size, theme.on_signal if team is not None else theme.text, True)
        pill = text.get_rect(center=rect.center).inflate(body * 2, body // 2)
        if team is not None:
            panel(surface, pill, theme.teams[team % len(theme.teams)], theme.text, radius=pill.height // 2)
        surface.blit(text, text.get_rect(center=pill.center))
        left = self.game.scenario.minutes.max * 60 - self.elapsed(now)
        clock = tr("play.paused") if self.state.paused else tr("play.remaining", time=clock_text(left))
        line(self.app, surface, clock, (inner.right, inner.centery), int(body * 1.3), theme.text, bold=True,
             anchor="midright")

    def _draw_side(self, surface: pygame.Surface, now: float) -> None:
        theme, body, rect = self.app.theme, self.app.body, self.side_rect
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, -body)
        if self.game.gauges:
            self._draw_gauges(surface, inner, now)
        if self.game.scenario.win != "gauges":
            self._draw_teams(surface, inner)

    def _draw_teams(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """Each team: number chip and name on one line; points and panorama (filled squares) on the next."""
        theme, body, step = self.app.theme, self.app.body, self.app.line
        panorama = sorted(self.game.panorama)
        row_h = min(int(step * 2.6), inner.height // max(1, len(self.game.teams)))
        active = self.game.current_team(self.state)
        y = inner.y if not self.game.gauges else inner.bottom - row_h * len(self.game.teams)
        for i, name in enumerate(self.game.teams):
            row = pygame.Rect(inner.x, y + i * row_h, inner.width, row_h - body // 4)
            if i == active:
                pygame.draw.rect(surface, theme.accent, row, width=4, border_radius=8)
            chip = pygame.Rect(row.x + body // 3, row.y + step * 6 // 10 - int(body * 0.7), int(body * 1.4),
                               int(body * 1.4))
            panel(surface, chip, theme.teams[i % len(theme.teams)], theme.text, radius=6)
            line(self.app, surface, str(i + 1), chip.center, body, theme.on_signal, bold=True, anchor="center")
            name_rect = pygame.Rect(chip.right + body // 2, chip.centery - step // 2, row.right - chip.right - body, step)
            text_box(self.app, surface, name, name_rect, body, theme.text, bold=i == active, valign="center")
            second = row.y + int(step * 1.75)
            points = line(self.app, surface, tr("play.points", n=self.state.scores[i]), (chip.x, second), body,
                          theme.text, bold=True, anchor="midleft")
            if panorama and self.game.scenario.win == "panorama":
                done = self.state.panoramas[i]
                pip = max(8, body * 2 // 3)
                px = points.right + body
                for aspect in panorama:
                    box = pygame.Rect(px, second - pip // 2, pip, pip)
                    if aspect in done:
                        pygame.draw.rect(surface, theme.text, box)
                    else:
                        pygame.draw.rect(surface, theme.muted, box, width=2)
                    px += pip + pip // 3
                line(self.app, surface, f"{len(done & self.game.panorama)}/{len(panorama)}", (px + body // 3, second),
                     body, theme.muted, anchor="midleft")
        if panorama and self.game.scenario.win == "panorama":
            caption = pygame.Rect(inner.x, y + row_h * len(self.game.teams), inner.width,
                                  inner.bottom - y - row_h * len(self.game.teams))
            text_box(self.app, surface, tr("play.panorama_caption", total=len(panorama)), caption, body, theme.muted)

    def _draw_gauges(self, surface: pygame.Surface, inner: pygame.Rect, now: float) -> None:
        """Each gauge: its label in full, a bar with its thresholds, its value, and the last change."""
        theme, body = self.app.theme, self.app.body
        values = self.gauge_values(now)
        deltas = dict(self.state.plays[-1].deltas) if self.state.phase == "reveal" and self.state.plays else {}
        font = self.app.fonts.get(body, True)
        y = inner.y
        for gauge, value in zip(self.game.gauges, values):
            label_h = len(wrap(font, gauge.label, inner.width)) * int(font.get_linesize() * 1.08)
            text_box(self.app, surface, gauge.label, pygame.Rect(inner.x, y, inner.width, label_h), body, theme.text,
                     bold=True)
            bar = pygame.Rect(inner.x, y + label_h + body // 4, inner.width - body * 4, int(body * 0.9))
            pygame.draw.rect(surface, theme.background, bar, border_radius=4)
            span = gauge.max - gauge.min
            filled = bar.copy()
            filled.width = int(bar.width * (value - gauge.min) / span)
            pygame.draw.rect(surface, theme.accent, filled, border_radius=4)
            pygame.draw.rect(surface, theme.border, bar, width=2, border_radius=4)
            for threshold in (gauge.lose_below, gauge.lose_above):
                if threshold is not None:
                    x = bar.x + int(bar.width * (threshold - gauge.min) / span)
                    pygame.draw.line(surface, theme.wrong, (x, bar.y - body // 4), (x, bar.bottom + body // 4), 5)
                    pygame.draw.line(surface, theme.text, (x, bar.y - body // 4), (x, bar.bottom + body // 4), 1)
            value_text = str(round(value))
            delta = deltas.get(gauge.id)
            if delta:
                value_text += f" ({delta:+d})"
            line(self.app, surface, value_text, (inner.right, bar.centery), body, theme.text, bold=True,
                 anchor="midright")
            y = bar.bottom + body
        if any(g.lose_below is not None or g.lose_above is not None for g in self.game.gauges):
            caption = pygame.Rect(inner.x, y, inner.width, inner.bottom - y)
            text_box(self.app, surface, tr("play.threshold"), caption, body, theme.muted, valign="top")

    def _header(self, surface: pygame.Surface) -> None:
        theme, body, card = self.app.theme, self.app.body, self.card
        label = f"{tr('kind.' + card.kind)} · {self.aspects.get(card.aspect, card.aspect)}"
        line(self.app, surface, label, (self.main_rect.x, self.main_rect.y), body, theme.muted, bold=True)

    def _draw_card(self, surface: pygame.Surface, now: float) -> None:
        card = self.card
        if card is None:
            return
        self._header(surface)
        if self.state.phase == "discuss":
            self._draw_debate(surface, now)
        elif self.state.phase == "reveal" and card.kind == "event":
            self._draw_event(surface)
        elif self.state.phase == "reveal":
            self._draw_reveal(surface)
        else:
            self._draw_question(surface)

    def _draw_question(self, surface: pygame.Surface) -> None:
        theme, body, card = self.app.theme, self.app.body, self.card
        rect = self.prompt_rect
        if card.kind == "persona":
            self._draw_persona(surface, rect)
        else:
            if card.kind == "situation" and card.partner:
                line(self.app, surface, card.partner, (rect.x, rect.y), body, theme.muted, bold=True)
                rect = pygame.Rect(rect.x, rect.y + int(body * 1.4), rect.width, rect.height - int(body * 1.4))
            text_box(self.app, surface, card.prompt, rect, int(body * 1.7), theme.text, bold=True, valign="center")
        items = card.answers if card.kind == "question" else card.options
        multiple = card.kind == "question" and card.multiple
        for i, (item, rect) in enumerate(zip(items, self.answer_rects)):
            focused = i == self.focus
            chosen = i in self.selected
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
            text_box(self.app, surface, item.text, pygame.Rect(x, rect.y + 4, rect.right - x - body, rect.height - 8),
                     int(body * 1.15), color, valign="center")
        if multiple:
            focused = self.focus == len(items)
            panel(surface, self.validate_rect, theme.accent if focused else theme.panel, theme.accent, width=3)
            line(self.app, surface, tr("play.validate"), self.validate_rect.center, body,
                 theme.on_accent if focused else theme.text, bold=True, anchor="center")
            line(self.app, surface, tr("play.multiple"), (self.main_rect.x, self.validate_rect.centery), body,
                 theme.muted, anchor="midleft")

    def _draw_persona(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme, body, card = self.app.theme, self.app.body, self.card
        title = line(self.app, surface, f"{card.name}, {card.age} ans", (rect.x, rect.y), int(body * 1.5), theme.text,
                     bold=True)
        x, y = title.right + body, title.centery
        for constraint in card.constraints:  # written chips: the constraint is read, not guessed from a colour
            text = self.app.text.render(CONSTRAINTS[constraint], int(body * 0.9) if body > 20 else body, theme.text)
            chip = text.get_rect(midleft=(x + body // 2, y)).inflate(body // 2, body // 4)
            if chip.right > rect.right:
                break
            panel(surface, chip, theme.background, theme.border, radius=chip.height // 2)
            surface.blit(text, text.get_rect(center=chip.center))
            x = chip.right
        lines = [card.situation, tr("play.need", need=card.need)]
        if card.quote:
            lines.append(f"« {card.quote} »")
        text = "\n".join(lines)
        box = pygame.Rect(rect.x, title.bottom + body // 3, rect.width, rect.bottom - title.bottom - body // 3)
        text_box(self.app, surface, text, box, int(body * 1.25), theme.text)

    def _verdict(self, surface: pygame.Surface, rect: pygame.Rect, good: bool | None, label: str) -> None:
        theme, body = self.app.theme, self.app.body
        color = theme.right if good else theme.wrong if good is False else theme.panel
        panel(surface, rect, color, theme.text)
        if good is not None:
            mark(surface, "check" if good else "cross", (rect.x + body * 3 // 2, rect.centery), body, theme.on_signal)
        left = body * 3 if good is not None else body
        text_box(self.app, surface, label, pygame.Rect(rect.x + left, rect.y, rect.width - left - body, rect.height),
                 int(body * 1.4), theme.on_signal if good is not None else theme.text, bold=True, valign="center")

    def _draw_reveal(self, surface: pygame.Surface) -> None:
        theme, body, card = self.app.theme, self.app.body, self.card
        play = self.state.plays[-1]
        if self.reminder_rect.height:
            reminder = card.prompt if card.kind != "persona" else f"{card.name} : {card.need}"
            text_box(self.app, surface, reminder, self.reminder_rect, body, theme.muted, bold=True, quiet=True)
        if card.kind == "question":
            self._verdict(surface, self.banner_rect, bool(play.correct),
                          tr("play.right") if play.correct else tr("play.wrong"))
        else:
            option = card.options[play.choices[0]]
            self._verdict(surface, self.banner_rect, {"best": True, "poor": False}.get(option.rating),
                          tr(f"rating.{option.rating}"))
        text_box(self.app, surface, self._explanation(), self.explain_rect, int(body * 1.45), theme.text)
        items = card.answers if card.kind == "question" else card.options
        step = int(self.app.fonts.get(body).get_linesize() * 1.08)
        for i, rect in zip(self.revealed_items(), self.answer_rects):
            item = items[i]
            right = item.correct if card.kind == "question" else item.rating == "best"
            panel(surface, rect, theme.right if right else theme.wrong, theme.text, width=2)
            top = rect.y + body // 4
            mark(surface, "check" if right else "cross", (rect.x + body, top + step // 2), body * 2 // 3,
                 theme.on_signal)
            tag = line(self.app, surface, self._tag(i), (rect.x + body * 2, top + step // 2), body, theme.on_signal,
                       bold=True, anchor="midleft")
            if self._one_line(i):
                line(self.app, surface, item.text, (tag.right + body // 2, top + step // 2), body, theme.on_signal,
                     anchor="midleft")
            else:
                text_box(self.app, surface, item.text,
                         pygame.Rect(rect.x + body * 2, top + step, rect.width - body * 3, rect.bottom - top - step),
                         body, theme.on_signal)
        self._draw_continue(surface)

    def _draw_event(self, surface: pygame.Surface) -> None:
        theme, body, card = self.app.theme, self.app.body, self.card
        main = self.main_rect
        banner = pygame.Rect(main.x, main.y + int(self.app.line * 1.2), main.width, int(self.app.line * 1.9))
        self._verdict(surface, banner, None, tr("play.event"))
        rect = pygame.Rect(main.x, banner.bottom + body, main.width, main.bottom - banner.bottom - 2 * body)
        labels = {g.id: g.label for g in self.game.gauges}
        effects = "\n".join(f"{labels.get(g, g)} : {d:+d}" for g, d in self.state.plays[-1].deltas if d)
        text_box(self.app, surface, card.prompt + ("\n\n" + effects if effects else ""), rect, int(body * 1.6),
                 theme.text, bold=False, valign="center")
        self._draw_continue(surface)

    def _draw_debate(self, surface: pygame.Surface, now: float) -> None:
        theme, body, card = self.app.theme, self.app.body, self.card
        main = self.main_rect
        timer = tr("play.discussion", time=clock_text(self.elapsed(now) - self.state.card_started))
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
            text = tr("play.note", note=self.state.note) if self.state.note else tr("play.note_hint")
            text_box(self.app, surface, text, note_rect, body, theme.text if self.state.note else theme.muted,
                     valign="center")
        self._draw_continue(surface)

    def _draw_continue(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        panel(surface, self.continue_rect, theme.accent, theme.accent)
        line(self.app, surface, tr("play.continue"), self.continue_rect.center, self.app.body, theme.on_accent,
             bold=True, anchor="center")

    def _draw_footer(self, surface: pygame.Surface, now: float) -> None:
        theme, body, rect = self.app.theme, self.app.body, self.foot_rect
        left = self.game.scenario.minutes.max * 60 - self.elapsed(now)
        if self.message and now < self.message_until:
            panel(surface, rect, theme.wrong, theme.text)
            text, color = self.message, theme.on_signal
        elif left <= 0 and not self.state.paused:
            text, color = tr("play.time_up"), theme.text
        else:
            text, color = tr("play.keys"), theme.muted
        if self.continue_rect.width:
            rect = pygame.Rect(rect.x, rect.y, self.continue_rect.left - rect.x - body, rect.height)
        text_box(self.app, surface, text, rect.inflate(-body, 0), body, color, valign="center")

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
