"""The play screen's input: keys, clicks and the answers entered team by team, sent to the table as moves."""

from __future__ import annotations

from game.engine.vocabulary import ActionType, Phase
from game.ui.intents import Act, Intent
from game.ui.screens import Screen
from game.wording.players import extended, teams_numbered, tr

NOTE_MAX = 280  # the rules' limit for a note, kept while typing


class PlayInput:
    """The play screen's input: keys, clicks and the answers entered team by team, sent to the table as moves."""

    def handle(self, intent: Intent) -> None:
        kind = intent.kind
        view = self.view
        if self.note_draft is not None:
            self._edit_note(intent)
        elif kind == Act.MENU:
            self.app.push(Screen.MENU, play=self)
        elif kind == Act.QUIT:
            self.app.push(Screen.CONFIRM, question_key="confirm.quit", on_yes=self.app.pop_all)
        elif kind == Act.PAUSE:
            self.send(ActionType.RESUME if view.paused else ActionType.PAUSE)
        elif kind == Act.END:
            self.ask_end()
        elif kind in (Act.EXTEND, Act.MORE):
            if self.send(ActionType.EXTEND):
                self.say(extended(self.view.clock))
        elif kind == Act.CLICK and self.side_plan.views and self.shown_half.switch.collidepoint(intent.pos) \
                and not any(rect.collidepoint(intent.pos) for rect in self.team_rects):
            self.side_choice = not self.side_teams
        elif view.paused:
            return
        elif view.phase == Phase.ANSWER and self.split and self._between_views(intent):
            return
        elif len(self.reveal_chunks) > 1 and self._turn_page(intent):  # a reveal, an event or a debate
            return
        elif view.phase == Phase.ANSWER and len(self.choice_pages) > 1 and kind == Act.CLICK \
                and self.continue_rect.collidepoint(intent.pos):
            self._show_choice_page((self.choice_page + 1) % len(self.choice_pages))
        elif view.phase == Phase.ANSWER and kind in (Act.BACK, Act.CHOOSE, Act.CONFIRM, Act.NEXT, Act.CLICK, Act.POINT,
                                                     Act.UP, Act.DOWN, Act.LEFT, Act.RIGHT):
            self._entering(intent)
            if self.focus is not None and len(self.choice_pages) > 1:
                self._show_choice(self.focus)
        elif kind in (Act.BACK, Act.UNDO):
            self.send(ActionType.UNDO)
        elif kind == Act.SKIP:
            self.send(ActionType.SKIP)
        elif kind == Act.NOTE and view.phase == Phase.DISCUSS:
            self.note_draft = view.note
        elif kind in (Act.CONFIRM, Act.NEXT) or (kind == Act.CLICK and self.continue_rect.collidepoint(intent.pos)):
            self.send(ActionType.NEXT)

    def _between_views(self, intent: Intent) -> bool:
        """On a split card, the text's view leads to the choices (Enter, →, a number, a click) and the choices'
        view back to the text (←, or its button). Whether the intent was one of these."""
        kind = intent.kind
        if self.story:
            more = self.story_page < len(self.story_pages) - 1  # the text itself goes on over another view
            if kind in (Act.CONFIRM, Act.NEXT, Act.RIGHT, Act.CLICK) and more:
                self.story_page += 1
                self.app.dirty = True
            elif kind == Act.LEFT and self.story_page > 0:
                self.story_page -= 1
                self.app.dirty = True
            elif kind in (Act.CONFIRM, Act.NEXT, Act.RIGHT, Act.CHOOSE, Act.CLICK):
                if kind == Act.CHOOSE and 1 <= intent.number <= len(self.view.choices):
                    self.focus = intent.number - 1  # the choice is shown, not made: it was not seen yet
                self.show_choices(True)
                if self.focus is not None:
                    self._show_choice(self.focus)
            return kind not in (Act.BACK, Act.UNDO, Act.SKIP, Act.PAUSE, Act.END, Act.NOTE, Act.MENU, Act.QUIT)
        if kind == Act.LEFT or (kind == Act.CLICK and self.story_rect.collidepoint(intent.pos)):
            self.show_choices(False)
            return True
        return False

    def _turn_page(self, intent: Intent) -> bool:
        """A reveal over several views: Enter, →, or its button shows the next view, ← the one before; on the
        last view, Enter moves on as on any reveal. Whether the intent turned a page."""
        kind, last = intent.kind, len(self.reveal_chunks) - 1
        forward = kind in (Act.CONFIRM, Act.NEXT, Act.RIGHT) or (
            kind == Act.CLICK and self.continue_rect.collidepoint(intent.pos))
        if forward and self.page < last:
            self.page += 1
        elif kind == Act.LEFT and self.page > 0:
            self.page -= 1
        else:
            return False
        self._layout_card()
        self.app.dirty = True
        return True

    def _show_choice(self, i: int) -> None:
        """Choices over several views: the view that holds choice `i` (moved to, or entered by its number)."""
        self._show_choice_page(next((p for p, page in enumerate(self.choice_pages) if i in page), self.choice_page))

    def _show_choice_page(self, page: int) -> None:
        if page != self.choice_page:
            self.choice_page = page
            self._layout_card()
            self.app.dirty = True

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
        if kind == Act.CHOOSE:
            if not 1 <= intent.number <= count:
                self.say(tr("play.no_such_number", n=intent.number, count=count))
            else:
                self._choose(intent.number - 1)
        elif kind in (Act.UP, Act.DOWN) and room:
            self._move_team(-1 if kind == Act.UP else 1)
        elif kind in (Act.UP, Act.DOWN, Act.LEFT, Act.RIGHT):
            stops = count + 1 if several else count  # with several answers, "Validate" is one more stop
            step = -1 if kind in (Act.UP, Act.LEFT) else 1
            self.focus = (step if step < 0 else 0) % stops if self.focus is None else (self.focus + step) % stops
        elif kind == Act.BACK:
            self._take_back()
        elif kind in (Act.CONFIRM, Act.NEXT):
            if not room and not several and self.focus is not None and self.focus < count:
                self._choose(self.focus)  # one team in turn, its answer chosen with the arrows
            else:
                self._validate()
        elif kind in (Act.CLICK, Act.POINT):
            self._point_answers(intent)
            if kind == Act.CLICK:
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
        self._show_choice(i)  # the entry is seen where it is made
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
            self.app.push(Screen.CONFIRM, question=tr(f"confirm.reveal_missing{many}", teams=missing),
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
            if intent.kind == Act.CLICK else None
        if (intent.kind == Act.CHOOSE and (intent.number - 1,) in split) or (clicked is not None and (clicked,) in split):
            self.picking = False
            pick = (clicked,) if clicked is not None else (intent.number - 1,)
            self.send(ActionType.REVEAL, pick, force=self.forced)
        elif intent.kind == Act.CHOOSE:
            self.say(tr("play.tie_number", choices=" / ".join(str(c[0] + 1) for c in split)), forever=True)
        elif intent.kind in (Act.BACK, Act.CLICK):
            self.picking = False
            self.message = ""

    def _point_answers(self, intent: Intent) -> None:
        """The pointer over an answer focuses it; a click chooses it."""
        for i, rect in enumerate(self.answer_rects):
            if rect.collidepoint(intent.pos):
                self.focus = i
                if intent.kind == Act.CLICK:
                    self._choose(i)

    def _edit_note(self, intent: Intent) -> None:
        assert self.note_draft is not None
        if intent.kind == Act.TEXT:
            self.note_draft = (self.note_draft + intent.text)[:NOTE_MAX]
        elif intent.kind == Act.BACK:
            self.note_draft = self.note_draft[:-1]
        elif intent.kind == Act.CONFIRM:
            draft, self.note_draft = self.note_draft, None
            self.send(ActionType.NOTE, text=draft.strip())
        elif intent.kind == Act.MENU:
            self.note_draft = None
        self._layout_card()  # the note's box is as high as its text
