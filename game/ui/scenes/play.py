"""The play screen's state and its one door to the table: it reads the room's view and sends the table actions
(each one on disk before the screen moves). How a card's own text is drawn, whatever its kind, is in
`game.ui.cardface`; the screen's input, layout, side panel and drawing in `game.ui.play*`.
"""

from __future__ import annotations

import pygame

from game.engine.vocabulary import Action, ActionType
from game.present.room import RoomView, room
from game.table.table import Table
from game.table.view import Standings
from game.ui.app import App, Scene
from game.ui.cardface import FacePage
from game.ui.playdraw import PlayDrawing
from game.ui.playinput import PlayInput
from game.ui.playlayout import PlayLayout
from game.ui.playside import PlaySide
from game.ui.screens import Screen
from game.wording.players import refusal

ANIMATION = 0.6  # seconds for the gauges to reach their new values
MESSAGE_SECONDS = 4.0


class PlayScene(PlayInput, PlayLayout, PlaySide, PlayDrawing, Scene):
    """The play screen: the card, big; the answers as large buttons; the reveal; teams or gauges; the clock. Its
    input, layout, side panel and drawing are in their own modules, each a part of this class."""

    def __init__(self, app: App, table: Table):
        super().__init__(app)
        self.table = table
        self.focus: int | None = None  # the choice the arrows or the pointer are on: none until they move
        self.cursor: int | None = None  # the team moved to, to enter or correct its answer (the table keeps them)
        self.picking = False  # a split room waits for the facilitator's pick of the choice that happens
        self.forced = False  # ... on a reveal without some teams' answers
        self.team_rects: list[pygame.Rect] = []
        self.side_choice: bool | None = None  # the half of a panel shown in turns that the reader clicked to see
        self.note_draft: str | None = None
        self.message = ""
        self.message_until = 0.0
        self.anim_from = self.gauge_targets()
        self.anim_start = 0.0
        self.answer_rects: list[pygame.Rect] = []
        self.validate_rect = pygame.Rect(0, 0, 0, 0)
        self.continue_rect = pygame.Rect(0, 0, 0, 0)
        # A card whose text and choices cannot both be shown in full is shown in two views: its text first
        # (`split` and `story`), then its choices under a one-line reminder, with a way back to the text.
        self.split = False
        self.headless = False
        self.story = True
        self.story_rect = pygame.Rect(0, 0, 0, 0)  # the way back to the text, in the choices' view
        self.story_pages: list[FacePage] = []  # the text's view itself flows over several when it is too long
        self.story_page = 0
        # Choices too long for one view at the reader's size flow over several: `choice_page` is the one shown.
        self.choice_pages: list[list[int]] = []
        self.choice_page = 0
        # A reveal too long for one view at the reader's size flows over several: `page` is the one shown.
        self.page = 0
        self.reveal_chunks: list[tuple[str, ...]] = [()]
        self.reveal_text = ""
        self.event_banner = self.event_rect = pygame.Rect(0, 0, 0, 0)
        # a debate: its question and hints, its note; over several views, the flow's lines and each view's
        self.debate_rect = self.note_rect = pygame.Rect(0, 0, 0, 0)
        self.debate_lines: tuple[str, ...] = ()
        self.debate_bold = 0
        self.debate_pages: list[list[int]] = []
        self.note_size = 0  # the note's text size: the body's, or secondary for how to take one
        self.clock_below = False  # the discussion's clock under the card's kind line (big text), not beside it
        # the answers shown on this view: each by its place in the card, its lines here, whether its first ones
        self.reveal_rows: list[tuple[int, tuple[str, ...], bool]] = []

    @property
    def view(self) -> RoomView:
        return room(self.table)

    @property
    def facilitated(self) -> Table:
        return self.table

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
            self.story_page = self.choice_page = 0
        if moved_on or after.phase != before.phase:
            self.page = 0
            self.side_choice = None
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
        """The session is over (its sheet is written): on to the end screen, the learner's for a training session."""
        self.app.replace(Screen.LEARNED if self.table.facts().profile else Screen.END, table=self.table)

    def shutdown(self) -> None:
        self.table.close()

    def ask_end(self) -> None:
        self.app.push(Screen.CONFIRM, question_key="confirm.end", on_yes=lambda: self.send(ActionType.END))

    # -- intents ---------------------------------------------------------------------------------


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


    # -- drawing ------------------------------------------------------------------------------------

