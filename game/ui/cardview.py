"""One card on the play screen, outside any session: for `preview` and for the check that text fits.

The card is dealt alone at a throw-away table (nothing is logged) and drawn by the real play
scene, so what an author previews, and what `validate` measures, is exactly what players will see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pygame

from game.content.loaded import card_effects
from game.content.models import Gauge, ScenarioInfo
from game.engine.vocabulary import Action, ActionType, Phase
from game.table.table import Table
from game.ui.app import App
from game.ui.scenes.play import PlayScene
from game.wording.catalogue import tr


def card_table(card: Any, aspects: dict[str, str], gauges: Iterable[Gauge], t: float, room: int = 0) -> Table:
    """`card` alone at an unlogged two-team table (or, with `room`, that many teams all answering it); the
    gauges its effects move are shown beside it."""
    moved = {gauge for _, effects in card_effects(card) for gauge in effects}
    shown = [g for g in gauges if g.id in moved]
    shown += [Gauge(id=g, label=g, start=5) for g in sorted(moved - {g.id for g in shown})]
    scenario = ScenarioInfo(id="apercu", title=tr("fit.preview_title"), description=tr("fit.preview_title"), mode="teams",
                            minutes={"target": 200, "max": 240}, decks=["apercu"],
                            win="gauges" if shown else "points", gauges=shown, answering="all" if room else "rotation")
    return Table.dealt(scenario, [card], [tr("team.default", n=n + 1) for n in range(room or 2)], aspects, t)


class CardView(PlayScene):
    """The play scene for one card; when the card is done it calls `on_done` instead of ending a session."""

    def __init__(self, app: App, table: Table, on_done: Callable[[], None] = lambda: None):
        super().__init__(app, table)
        self.on_done = on_done

    def finished(self) -> None:
        self.on_done()

    def draw_card(self, surface: pygame.Surface) -> None:
        """The card area alone, without the bars and the side panel around it."""
        self._draw_card(surface, self.app.clock())


def answers_to_try(card: Any) -> list[tuple[int, ...]]:
    """Every reveal a card can show: each answer chosen (all the right ones for a multiple choice)."""
    if card.several:
        right = card.right_choices()
        return [right] + [(i,) for i in range(len(card.choice_texts())) if i not in right]
    return [(i,) for i in range(len(card.choice_texts()))] or [()]


def overflowing_texts(app: App, card: Any, aspects: dict[str, str], gauges: list[Gauge], one_view: bool = True
                      ) -> set[str]:
    """The texts of `card` cut short (or shrunk below the reader's size) on `app`'s screen, on the table and in every
    reveal; with `one_view`, also those spread over several views (at the default settings, where a room reads a
    card in one view)."""
    app.overflows.clear()
    app.shrunk.clear()
    app.paged.clear()
    for shown in shown_cards(card):
        _measure(app, shown, aspects, gauges)
    unfit = app.overflows | app.shrunk  # drawn below the reader's size is as unreadable as cut
    return unfit | app.paged if one_view else unfit


def shown_cards(card: Any) -> list[Any]:
    """What a card can show: itself; for a parcours, each step begun at, with each of its options leading to
    each place it can lead (so that every step, every feedback and every outcome is on screen once)."""
    if not card.branches:
        return [card]
    return [card.leading(step.id, k, target) for step in card.steps for k, option in enumerate(step.options)
            for target in dict.fromkeys(route.to for route in option.next)]


def _measure(app: App, card: Any, aspects: dict[str, str], gauges: list[Gauge]) -> None:
    """Lay out `card` on the table and in each of its reveals; what is cut is in `app.overflows`."""
    def drawn(view: CardView) -> None:
        # only the card area holds the card's texts; a one-pixel target clips every drawing to almost
        # nothing, while the layout and the text fitting, which decide what is cut, run in full
        view.layout(*app.size)
        view.draw_card(pygame.Surface((1, 1)))
        # every view of what flows over several: the card's text, its choices, its reveal
        for name, count in (("story_page", len(view.story_pages) if view.split and view.story else 1),
                            ("choice_page", len(view.choice_pages)), ("page", len(view.reveal_chunks))):
            for page in range(1, count):
                setattr(view, name, page)
                view.layout(*app.size)
                view.draw_card(pygame.Surface((1, 1)))
            setattr(view, name, 0)

    tries = answers_to_try(card)
    for n, choices in enumerate(tries):
        view = CardView(app, card_table(card, aspects, gauges, app.clock()))
        if n == 0:  # the table looks the same whatever is answered next
            drawn(view)
            if view.split:  # shown in two views: the choices' too
                view.story = False
                drawn(view)
        if view.view.phase == Phase.ANSWER and choices:
            view.table.act(Action(ActionType.ANSWER, choices), app.clock())
            drawn(view)
    if card.team_answers and len(tries) > 1:
        # the most crowded reveal: every team answering, each a different answer, so every answer is on show
        # (and, when the room's answer decides, each one of them picked on the tie)
        for pick in tries if card.room_decides else [()]:
            view = CardView(app, card_table(card, aspects, gauges, app.clock(), room=len(tries)))
            view.table.act(Action(ActionType.ANSWER, pick, teams=tuple(tries)), app.clock())
            drawn(view)
