"""The play screen: the card, big; the answers as large buttons; the reveal; teams or gauges; the clock.

It reads the table's views and sends the table actions (each one on disk before the screen moves);
how a card's own text is laid out and drawn comes from a renderer picked by the card's kind.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.engine.vocabulary import Action, ActionType, Phase
from game.present.room import Played, RoomView, room
from game.table.table import Table
from game.table.view import Mark, Standings
from game.ui import cardface
from game.ui.app import App, Scene
from game.ui.intents import Intent
from game.ui.sidepanel import SidePlan, plan_for, side_content, side_rect
from game.ui.text import fit, text_width, with_ellipsis, wrap
from game.ui.widgets import bars, line, mark, panel, team_chip, text_box, threshold_line
from game.wording.players import extended, refusal, teams_listed, teams_numbered, tr

ANIMATION = 0.6  # seconds for the gauges to reach their new values
MESSAGE_SECONDS = 4.0
NOTE_MAX = 280  # the rules' limit for a note, kept while typing
# How the reveal's banner reads each verdict: good, bad, or neither (an acceptable option).
GOOD = {Mark.RIGHT: True, Mark.WRONG: False, Mark.BEST: True, Mark.POOR: False, Mark.ACCEPTABLE: None,
        Mark.SPLIT: None, Mark.NO_ANSWER: None}


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class PlayScene(Scene):
    def __init__(self, app: App, table: Table):
        super().__init__(app)
        self.table = table
        self.focus: int | None = None  # the choice the arrows or the pointer are on: none until they move
        self.cursor: int | None = None  # the team moved to, to enter or correct its answer (the table keeps them)
        self.picking = False  # a split room waits for the facilitator's pick of the choice that happens
        self.forced = False  # ... on a reveal without some teams' answers
        self.team_rects: list[pygame.Rect] = []
        self.note_draft: str | None = None
        self.message = ""
        self.message_until = 0.0
        self.anim_from = self.gauge_targets()
        self.anim_start = 0.0
        self.answer_rects: list[pygame.Rect] = []
        self.row_size = app.body  # the text of the reveal's answer rows
        self.validate_rect = pygame.Rect(0, 0, 0, 0)
        self.continue_rect = pygame.Rect(0, 0, 0, 0)
        # A card whose text and choices cannot both be shown in full is shown in two views: its text first
        # (`split` and `story`), then its choices under a one-line reminder, with a way back to the text.
        self.split = False
        self.story = True
        self.story_rect = pygame.Rect(0, 0, 0, 0)  # the way back to the text, in the choices' view

    @property
    def view(self) -> RoomView:
        return room(self.table)

    @property
    def standings(self) -> Standings:
        return self.table.standings()

    @property
    def typing(self) -> bool:
        return self.note_draft is not None

    def gauge_targets(self) -> tuple[int, ...]:
        return tuple(g.value for g in self.standings.gauges)

    # -- sending actions -----------------------------------------------------------------------

    def send(self, kind: str, choices: tuple[int, ...] = (), text: str = "", team: int | None = None,
             force: bool = False) -> bool:
        """Send one move to the table; a refusal is shown in the footer. Whether the move happened."""
        before, gauges = self.view, self.gauge_targets()
        refused = self.table.act(Action(kind, choices, text, team=team, force=force), self.app.clock())
        if refused is not None:
            self.say(refusal(refused))
            return False
        self.message = ""
        after = self.view
        moved_on = after.number != before.number or after.step_number != before.step_number
        if moved_on or after.phase != before.phase:
            self.focus = self.cursor = None
            self.picking = False
        if moved_on:  # a new card or step shows its text first; back from a reveal, the view stays as it was
            self.story = True
        if self.gauge_targets() != gauges and not self.app.fast:
            self.anim_from, self.anim_start = gauges, self.app.clock()
        else:
            self.anim_from = self.gauge_targets()
        if self.table.over:
            self.finished()
            return True
        self._layout_card()  # the bars and the side panel's plan stay as they are for the whole session
        return True

    def say(self, text: str, forever: bool = False) -> None:
        """A sentence in the footer, in the warning colour, for a few seconds (or until the next move)."""
        self.message = text
        self.message_until = float("inf") if forever else self.app.clock() + MESSAGE_SECONDS

    def finished(self) -> None:
        """The session is over (its sheet is written): on to the end screen."""
        self.app.replace("end", table=self.table)

    def shutdown(self) -> None:
        self.table.close()

    def ask_end(self) -> None:
        self.app.push("confirm", question_key="confirm.end", on_yes=lambda: self.send(ActionType.END))

    # -- intents ---------------------------------------------------------------------------------

    def handle(self, intent: Intent) -> None:
        kind = intent.kind
        view = self.view
        if self.note_draft is not None:
            self._edit_note(intent)
        elif kind == "menu":
            self.app.push("menu", play=self)
        elif kind == "quit":
            self.app.push("confirm", question_key="confirm.quit", on_yes=self.app.pop_all)
        elif kind == "pause":
            self.send(ActionType.RESUME if view.paused else ActionType.PAUSE)
        elif kind == "end":
            self.ask_end()
        elif kind in ("extend", "more"):
            if self.send(ActionType.EXTEND):
                self.say(extended(self.view.clock))
        elif view.paused:
            return
        elif view.phase == Phase.ANSWER and self.split and self._between_views(intent):
            return
        elif view.phase == Phase.ANSWER and kind in ("back", "choose", "confirm", "next", "click", "point", "up",
                                                     "down", "left", "right"):
            self._entering(intent)
        elif kind in ("back", "undo"):
            self.send(ActionType.UNDO)
        elif kind == "skip":
            self.send(ActionType.SKIP)
        elif kind == "note" and view.phase == Phase.DISCUSS:
            self.note_draft = view.note
        elif kind in ("confirm", "next") or (kind == "click" and self.continue_rect.collidepoint(intent.pos)):
            self.send(ActionType.NEXT)

    def _between_views(self, intent: Intent) -> bool:
        """On a split card, the text's view leads to the choices (Enter, →, a number, a click) and the choices'
        view back to the text (←, or its button). Whether the intent was one of these."""
        kind = intent.kind
        if self.story:
            if kind in ("confirm", "next", "right", "choose", "click"):
                if kind == "choose" and 1 <= intent.number <= len(self.view.choices):
                    self.focus = intent.number - 1  # the choice is shown, not made: it was not seen yet
                self.show_choices(True)
            return kind not in ("back", "undo", "skip", "pause", "end", "note", "menu", "quit")
        if kind == "left" or (kind == "click" and self.story_rect.collidepoint(intent.pos)):
            self.show_choices(False)
            return True
        return False

    def show_choices(self, shown: bool) -> None:
        """Switch a split card between its text and its choices."""
        self.story = not shown
        self._layout_card()
        self.app.dirty = True

    def _entering(self, intent: Intent) -> None:
        """A card waits for answers. Each answer is a move of the game, kept by the table, never here: a number
        enters (or, when several choices make an answer, ticks) the answer of the team being entered; Enter
        validates it and, once every answering team has one, reveals; Backspace takes an answer back; ↑ ↓ or a
        click on its row move to another team to correct it. One team in turn answers by its number at once.
        Nothing is entered for a team that gave no answer, and no choice is pre-selected."""
        view, kind = self.view, intent.kind
        count, several, room = len(view.choices), view.several, view.every_team
        if self.picking:
            self._pick_for_split(intent)
            return
        if kind == "choose":
            if not 1 <= intent.number <= count:
                self.say(tr("play.no_such_number", n=intent.number, count=count))
            else:
                self._choose(intent.number - 1)
        elif kind in ("up", "down") and room:
            self._move_team(-1 if kind == "up" else 1)
        elif kind in ("up", "down", "left", "right"):
            stops = count + 1 if several else count  # with several answers, "Validate" is one more stop
            step = -1 if kind in ("up", "left") else 1
            self.focus = (step if step < 0 else 0) % stops if self.focus is None else (self.focus + step) % stops
        elif kind == "back":
            self._take_back()
        elif kind in ("confirm", "next"):
            if not room and not several and self.focus is not None and self.focus < count:
                self._choose(self.focus)  # one team in turn, its answer chosen with the arrows
            else:
                self._validate()
        elif kind in ("click", "point"):
            self._point_answers(intent)
            if kind == "click":
                for team, rect in enumerate(self.team_rects):
                    if rect.collidepoint(intent.pos) and team in view.answering:
                        self.cursor = team
                if self.validate_rect.collidepoint(intent.pos):
                    self._validate()

    @property
    def entering(self) -> int | None:
        """The team whose answer the keys enter: the one moved to, else the first still missing, else the last."""
        view = self.view
        if not view.answering:
            return None
        if self.cursor in view.answering:
            return self.cursor
        return view.missing[0] if view.missing else view.answering[-1]

    @property
    def ticked(self) -> frozenset[int]:
        """The choices entered for the team being entered: highlighted on the card."""
        team = self.entering
        entry = self.view.entries[team] if team is not None else None
        return frozenset(entry or ())

    def _choose(self, i: int) -> None:
        """A choice for the team being entered: ticked or unticked when an answer has several, else its answer;
        one team in turn is then revealed at once, every team moves on to the next team without an answer."""
        team = self.entering
        if team is None:
            return
        self.focus = None
        if self.view.several:
            self.cursor = team  # the team keeps the keys until Enter validates its ticks
            chosen = tuple(sorted(self.ticked ^ {i}))
            if chosen:
                self.send(ActionType.ENTER, chosen, team=team)
            else:
                self.send(ActionType.CLEAR, team=team)
            return
        if not self.send(ActionType.ENTER, (i,), team=team):
            return
        if not self.view.every_team:
            self._validate()
            return
        missing = self.view.missing  # on to the next team without an answer; a correction stays on its team
        self.cursor = next((t for t in missing if t > team), missing[0]) if missing else team

    def _move_team(self, step: int) -> None:
        teams = self.view.answering
        here = self.entering
        if here is not None:
            self.cursor = teams[(teams.index(here) + step) % len(teams)]

    def _take_back(self) -> None:
        """Backspace: the answer of the team being entered, else the one entered before it; with no answer on
        the card, back to the previous card as everywhere."""
        view, team = self.view, self.entering
        if team is not None and view.entries[team] is not None:
            self.send(ActionType.CLEAR, team=team)
            return
        entered = [t for t in view.answering if view.entries[t] is not None]
        if not entered:
            self.send(ActionType.UNDO)
            return
        before = [t for t in entered if team is None or t < team]
        self.cursor = (before or entered)[-1]
        self.send(ActionType.CLEAR, team=self.cursor)

    def _validate(self) -> None:
        """Enter: with several choices to an answer, the team's ticks are its answer (every team: on to the
        next team); reveal once every answering team has answered. A missing team is named; revealing without
        it is the facilitator's explicit choice, and the team is recorded as giving no answer."""
        view = self.view
        if view.every_team and view.several and self.cursor is not None and view.entries[self.cursor] is not None:
            self.cursor = None  # this team's ticks are its answer: on to the next one without an answer
            return
        if view.missing and len(view.missing) < len(view.answering):
            missing = teams_numbered(t + 1 for t in view.missing)
            many = "_many" if len(view.missing) > 1 else ""
            self.app.push("confirm", question=tr(f"confirm.reveal_missing{many}", teams=missing),
                          on_yes=lambda: self._reveal(force=True))
            return
        if view.missing:
            self.say(tr("play.answer_first", count=len(view.choices)))
            return
        self._reveal()

    def _reveal(self, force: bool = False) -> None:
        if self.view.split:
            self.picking = True
            self.say(tr("play.tie", choices=" / ".join(str(c[0] + 1) for c in self.view.split)), forever=True)
            self.forced = force
            return
        self.send(ActionType.REVEAL, force=force)

    def _pick_for_split(self, intent: Intent) -> None:
        """The room is split: the number of the choice that happens, or Backspace to go back to the answers."""
        split = self.view.split
        clicked = next((i for i, rect in enumerate(self.answer_rects) if rect.collidepoint(intent.pos)), None) \
            if intent.kind == "click" else None
        if (intent.kind == "choose" and (intent.number - 1,) in split) or (clicked is not None and (clicked,) in split):
            self.picking = False
            pick = (clicked,) if clicked is not None else (intent.number - 1,)
            self.send(ActionType.REVEAL, pick, force=self.forced)
        elif intent.kind == "choose":
            self.say(tr("play.tie_number", choices=" / ".join(str(c[0] + 1) for c in split)), forever=True)
        elif intent.kind in ("back", "click"):
            self.picking = False
            self.message = ""

    def _point_answers(self, intent: Intent) -> None:
        """The pointer over an answer focuses it; a click chooses it."""
        for i, rect in enumerate(self.answer_rects):
            if rect.collidepoint(intent.pos):
                self.focus = i
                if intent.kind == "click":
                    self._choose(i)

    def _edit_note(self, intent: Intent) -> None:
        assert self.note_draft is not None
        if intent.kind == "text":
            self.note_draft = (self.note_draft + intent.text)[:NOTE_MAX]
        elif intent.kind == "back":
            self.note_draft = self.note_draft[:-1]
        elif intent.kind == "confirm":
            draft, self.note_draft = self.note_draft, None
            self.send(ActionType.NOTE, text=draft.strip())
        elif intent.kind == "menu":
            self.note_draft = None

    # -- time --------------------------------------------------------------------------------------

    def animating(self, now: float) -> bool:
        return self.anim_from != self.gauge_targets() and now - self.anim_start < ANIMATION

    def tick(self, now: float) -> float | None:
        return self.view.clock.next_second(now)

    def gauge_values(self, now: float) -> list[float]:
        targets = self.gauge_targets()
        progress = min(1.0, (now - self.anim_start) / ANIMATION) if self.anim_from != targets else 1.0
        ease = 1 - (1 - progress) ** 3
        return [a + (b - a) * ease for a, b in zip(self.anim_from, targets)]

    # -- layout ------------------------------------------------------------------------------------

    def layout(self, width: int, height: int) -> None:
        pad, self.top_rect, self.foot_rect = bars(self.app.line, width, height)
        self.side_rect = side_rect(self.app.line, width, height)
        self.main_rect = pygame.Rect(pad, self.side_rect.top, self.side_rect.left - 2 * pad, self.side_rect.height)
        self._layout_side()
        self._layout_card()

    def _layout_card(self) -> None:
        """Where the prompt, the answers and the Continue button go: answers get what their text needs,
        the prompt the rest (its text then shrinks, never below the body size)."""
        view, body, main = self.view, self.app.body, self.main_rect
        self.prompt_rect = main.copy()
        self.answer_rects = []
        self.validate_rect = pygame.Rect(0, 0, 0, 0)
        self.continue_rect = pygame.Rect(0, 0, 0, 0)
        self.story_rect = pygame.Rect(0, 0, 0, 0)
        self.split = False
        if view.face is None:
            return
        if view.phase != Phase.ANSWER:
            width = max(body * 9, text_width(self.app.fonts.get(body, True), tr("play.continue")) + body * 2)
            self.continue_rect = pygame.Rect(self.foot_rect.right - width, self.foot_rect.y, width, self.foot_rect.height)
        if view.reveal is not None and view.choices:
            self._layout_reveal(view.reveal)
        elif view.phase == Phase.ANSWER and view.choices:
            self._layout_answers(view.choices)

    def _layout_answers(self, items: tuple[str, ...]) -> None:
        body, main = self.app.body, self.main_rect
        gap = body // 3
        font = self.app.fonts.get(body)
        step = int(font.get_linesize() * 1.08)
        multiple = self.view.several
        bottom = main.bottom
        if multiple:
            self.validate_rect = pygame.Rect(main.right - body * 9, main.bottom - int(self.app.line * 1.7), body * 9,
                                             int(self.app.line * 1.7))
            bottom = self.validate_rect.top - gap
        text_w = main.width - body * 4 - (body * 2 if multiple else 0)
        need = max(len(wrap(font, item, text_w)) for item in items) * step + body // 2 + 8
        top = main.y + int(self.app.line * 1.3)
        prompt_need = cardface.need(self.app, self.view.face, main.width)
        room = (bottom - top - prompt_need - gap * len(items)) // len(items)
        if room < need:  # the text and the choices cannot both be read in full: two views
            self.split = True
            if self.story:
                self._layout_story(top)
                return
            prompt_need = self.app.line
            room = (bottom - top - prompt_need - gap * len(items)) // len(items)
        height = max(min(need, room), int(self.app.line * 1.6))
        height = max(height, min(int(self.app.line * 2.4), room))  # big targets when there is room
        area_top = bottom - len(items) * (height + gap) + gap
        self.answer_rects = [pygame.Rect(main.x, area_top + i * (height + gap), main.width, height)
                             for i in range(len(items))]
        self.prompt_rect = pygame.Rect(main.x, top, main.width, area_top - top - gap)

    def _layout_story(self, top: int) -> None:
        """The text's view of a split card: the text has the card's whole height, and a button leads on."""
        main, body = self.main_rect, self.app.body
        width = max(body * 9, text_width(self.app.fonts.get(body, True), tr("play.show_choices")) + body * 2)
        self.continue_rect = pygame.Rect(self.foot_rect.right - width, self.foot_rect.y, width, self.foot_rect.height)
        self.prompt_rect = pygame.Rect(main.x, top, main.width, main.bottom - top)

    def _layout_reveal(self, play: Played) -> None:
        """The verdict, the explanation, then the right and the chosen answers; the prompt as a reminder on top
        when there is room for it."""
        body, main = self.app.body, self.main_rect
        gap = body // 3
        font = self.app.fonts.get(body)
        step = int(font.get_linesize() * 1.08)
        header = main.y + int(self.app.line * 1.2)
        banner_h = int(self.app.line * 1.6)
        explain_need = len(wrap(font, self._explanation(play), main.width)) * step
        for size in (body, self.app.small):  # a crowded reveal (every answer chosen) shrinks its answers first
            self.row_size = size
            heights = [self._row_height(play, i) for i in play.shown]
            top = main.bottom - sum(heights) - gap * (len(heights) - 1)
            if top - header - banner_h - explain_need - 3 * gap >= 0:
                break
        for height in heights:
            self.answer_rects.append(pygame.Rect(main.x, top, main.width, height))
            top += height + gap
        spare = self.answer_rects[0].top - header - banner_h - explain_need - 3 * gap
        reminder = max(0, min(2 * step, spare // step * step))
        self.reminder_rect = pygame.Rect(main.x, header, main.width, reminder)
        self.banner_rect = pygame.Rect(main.x, header + reminder + (gap if reminder else 0), main.width, banner_h)
        self.explain_rect = pygame.Rect(main.x, self.banner_rect.bottom + gap, main.width,
                                        self.answer_rects[0].top - self.banner_rect.bottom - 2 * gap)

    @staticmethod
    def _explanation(play: Played) -> str:
        explanation = play.explanation
        if explanation is None:
            return ""
        text = explanation.text + (f"\n{tr('play.source', source=explanation.source)}" if explanation.source else "")
        if play.ending is not None:  # the parcours ends here: its outcome, what it means for the usager
            text += f"\n{tr('parcours.reached', title=play.ending.title)}\n{play.ending.feedback}"
        return text

    @staticmethod
    def _tag(play: Played, i: int) -> str:
        question = play.verdicts and play.verdicts[0].mark in (Mark.RIGHT, Mark.WRONG)
        right_label = tr("play.right_answer") if question else tr("mark.best")
        tags = [right_label] if i in play.right else []
        chose = [str(v.team + 1) for v in play.verdicts if i in v.choices]
        if len(play.verdicts) > 1 and chose:
            tags.append(tr("play.teams_chose" if len(chose) > 1 else "play.team_chose", numbers=", ".join(chose)))
        elif i in play.chosen:
            tags.append(tr("play.your_answer"))
        if len(play.verdicts) > 1 and i in play.applied:
            tags.append(tr("play.applied"))
        text = " · ".join(tags)
        return tr("play.tag", tags=text[:1].upper() + text[1:])

    def _row_height(self, play: Played, i: int) -> int:
        """An answer's row in the reveal: its tag, and its text beside the tag or under it."""
        size, width = self.row_size, self.main_rect.width - self.app.body * 3
        font = self.app.fonts.get(size)
        lines = 1 if self._one_line(play, i) else 1 + len(wrap(font, self.view.choices[i], width))
        return lines * int(font.get_linesize() * 1.08) + size // 2

    def _one_line(self, play: Played, i: int) -> bool:
        """A short answer sits on the same line as its tag."""
        size = self.row_size
        width = (text_width(self.app.fonts.get(size, True), self._tag(play, i))
                 + text_width(self.app.fonts.get(size), self.view.choices[i]))
        return width + self.app.body * 4 <= self.main_rect.width

    # -- drawing ------------------------------------------------------------------------------------

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

    def _layout_side(self) -> None:
        """The side panel's plan, from the scenario's gauges, teams and panorama (the same in every phase)."""
        standings, view = self.standings, self.view
        content = side_content([(g.label, g.low, g.high) for g in standings.gauges], standings.thresholds,
                               standings.win, len(standings.teams), len(standings.panorama), view.every_team)
        self.side_plan = plan_for(self.app.fonts, *self.app.size, content, self.app.settings.scale)

    def _draw_side(self, surface: pygame.Surface, now: float) -> None:
        panel(surface, self.side_rect, self.app.theme.panel, self.app.theme.border)
        plan, view = self.side_plan, self.view
        if not plan.fits:
            self.app.report_overflow(tr("play.side_overflow"))
        if plan.gauges:
            self._draw_gauges(surface, plan, now)
        if self.standings.win != "gauges" or (view.every_team and (view.phase == Phase.ANSWER or view.reveal is not None)):
            self._draw_teams(surface, plan)  # in a gauges game, only who answered what
        for caption in plan.captions:
            self._draw_lines(surface, caption.text, caption.lines, caption.rect, plan, self.app.theme.muted, False)

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
        answers = entering or len(verdicts) > 1
        self.team_rects = list(plan.teams)
        for i, (team, row) in enumerate(zip(standings.teams, plan.teams)):
            if team.active or (entering and i == self.entering and not self.picking):
                pygame.draw.rect(surface, theme.accent, row, width=4, border_radius=8)
            first = row.y + step * 6 // 10 if scored and not plan.compact_teams else row.centery
            right = row.right - size // 3
            if answers:
                self._draw_team_answer(surface, plan, right, first, i, verdicts.get(i))
                right -= plan.answer_width + size // 3
            chip = team_chip(self.app, surface, i, row.x + size // 3, first, size)
            if scored and plan.compact_teams:
                right = self._draw_score(surface, plan, team, panorama, right, first, align_right=True) - size // 2
            name_rect = pygame.Rect(chip.right + size // 2, first - step // 2, right - chip.right - size // 2, step)
            self._draw_name(surface, team.name, name_rect, plan, team.active)
            if scored and not plan.compact_teams:
                self._draw_score(surface, plan, team, panorama, chip.x, row.y + int(step * 1.75), align_right=False)

    def _draw_name(self, surface: pygame.Surface, name: str, rect: pygame.Rect, plan: SidePlan, bold: bool) -> None:
        """A team's name on one line, cut with … when the row is too short for it (names are the room's, not
        authored text, so a cut is no overflow to report)."""
        font = self.app.fonts.get(plan.size, bold)
        shown = name if text_width(font, name) <= rect.width else with_ellipsis(font, name, rect.width)
        line(self.app, surface, shown, (rect.x, rect.centery), plan.size, self.app.theme.text, bold=bold,
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
        if panorama:
            line(self.app, surface, f"{len(team.panorama)}/{len(panorama)}", (x + size // 3, y), size, theme.muted,
                 anchor="midleft")
        return x

    def _draw_team_answer(self, surface: pygame.Surface, plan: SidePlan, right: int, centery: int, team: int,
                          verdict: Any) -> None:
        """The team's answer, ending at `right`: a box to fill while answers are entered, then the answer on
        the verdict's colour with a check or a cross (colour and shape)."""
        theme, size = self.app.theme, plan.size
        if verdict is not None:
            choices, good = verdict.choices, GOOD[verdict.mark]
        else:
            entry = self.view.entries[team] if team < len(self.view.entries) else None
            choices, good = entry or (), None
        text = "+".join(str(c + 1) for c in choices) if choices else "—" if verdict is not None else "…"
        box = pygame.Rect(right - plan.answer_width, centery - int(size * 0.8), plan.answer_width, int(size * 1.6))
        fill = theme.panel if good is None else theme.right if good else theme.wrong
        panel(surface, box, fill, theme.accent if verdict is None and choices else theme.border, radius=6,
              width=3 if verdict is None and choices else 2)
        color = theme.text if good is None else theme.on_signal
        x = box.x + size // 2
        if good is not None:
            mark(surface, "check" if good else "cross", (x + size // 2, box.centery), size * 2 // 3, color)
            x += size * 3 // 2
        room = box.right - x - size // 4 if good is not None else box.width - size // 2
        text_size = size
        while text_size > 8 and text_width(self.app.fonts.get(text_size, True), text) > room:
            text_size -= 1  # three answers or more to a card: smaller digits, the same box
        line(self.app, surface, text, (x if good is not None else box.centerx, box.centery), text_size, color,
             bold=True, anchor="midleft" if good is not None else "center")

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
            for threshold in (gauge.lose_below, gauge.lose_above):
                if threshold is not None:
                    x = bar.x + int(bar.width * (threshold - gauge.low) / span)
                    threshold_line(self.app, surface, (x, bar.y - reach), (x, bar.bottom + reach))
            value_text = str(round(value))
            delta = deltas.get(gauge.id)
            if delta:
                value_text += f" ({delta:+d})"
            line(self.app, surface, value_text, row.value, size, theme.text, bold=True, anchor="midright")

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

