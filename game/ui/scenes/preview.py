"""`preview`: a deck's cards one by one, exactly as players see them, reloaded whenever the file is saved.

An author keeps the window beside the editor: each save shows the change, a mistake shows the same
located messages as `validate` (on screen, never a crash), and fixing it brings the card back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.content.errors import ContentError, mistakes
from game.content.loaded import Library, LoadedDeck
from game.content.models import Gauge
from game.paths import display_path
from game.ui.app import App, Scene
from game.ui.cardview import CardView, card_table
from game.ui.intents import Act, Intent
from game.ui.text import text_width, wrap
from game.ui.widgets import bars, line, panel, text_box
from game.wording.authors import say
from game.wording.catalogue import ntr, tr

CHECK_EVERY = 0.3  # seconds between looks at the file's modification time
ERRORS_SHOWN = 8

Loader = Callable[[Path], Library]


class PreviewCard(CardView):
    """A card in the preview: the top bar tells which card of which file, the footer the preview's keys."""

    def __init__(self, app: App, preview: PreviewScene, card: Any, aspects: dict[str, str], gauges: list[Gauge]):
        super().__init__(app, card_table(card, aspects, gauges, app.clock()), on_done=preview.next_card)
        self.preview = preview

    def tick(self, now: float) -> float | None:
        return None  # no session clock to show

    def _draw_top(self, surface: pygame.Surface, now: float) -> None:
        self.preview.draw_bar(surface)

    def _draw_footer(self, surface: pygame.Surface, now: float) -> None:
        rect = self.foot_rect
        if self.continue_rect.width:
            rect = pygame.Rect(rect.x, rect.y, self.continue_rect.left - rect.x - self.app.body, rect.height)
        text_box(self.app, surface, tr("preview.keys"), rect.inflate(-self.app.body, 0), self.app.body,
                 self.app.theme.muted, valign="center", floor=self.app.small)  # key help: secondary text


class PreviewScene(Scene):
    def __init__(self, app: App, path: Path, load: Loader):
        super().__init__(app)
        self.path = path
        self.load = load
        self.deck: LoadedDeck | None = None
        self.gauges: list[Gauge] = []
        self.errors: list[ContentError] = []
        self.index = 0
        self.view: PreviewCard | None = None
        self.stamp: tuple[int, int] | None = None
        self.checked_at = 0.0
        self.reloads = 0
        self.reload()  # and lays the screen out

    # -- the file --------------------------------------------------------------------------------

    def _stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def reload(self) -> None:
        """Read the file again; keep showing the same card (by id) when it still exists."""
        self.stamp = self._stamp()
        self.reloads += 1
        current = self.deck.cards[self.index].id if self.view is not None and self.deck is not None else None
        library = self.load(self.path)
        mine = [d for d in library.decks.values() if d.doc.path.resolve() == self.path.resolve()]
        self.errors = list(library.errors)
        if not self.errors and not mine:
            scenario = any(s.doc.path.resolve() == self.path.resolve() for s in library.scenarios.values())
            self.errors = [ContentError(display_path(self.path), 1, 1, say("file.not_a_deck" if scenario else
                                                                             "file.missing"))]
        self.deck = mine[0] if mine and not self.errors else None
        self.gauges = library.gauges()
        if self.deck is not None:
            ids = [card.id for card in self.deck.cards]
            self.index = ids.index(current) if current in ids else min(self.index, len(ids) - 1)
            self.show(self.index)
        else:
            self.view = None
            self.layout(*self.app.size)
        self.app.dirty = True

    def idle(self, now: float) -> None:
        if now - self.checked_at < CHECK_EVERY:
            return
        self.checked_at = now
        if self._stamp() != self.stamp:
            self.reload()

    # -- cards -----------------------------------------------------------------------------------

    def show(self, index: int) -> None:
        assert self.deck is not None
        self.index = index % len(self.deck.cards)
        self.view = PreviewCard(self.app, self, self.deck.cards[self.index], dict(self.deck.info.aspects),
                                self.gauges)
        self.layout(*self.app.size)
        self.app.dirty = True

    def next_card(self) -> None:
        if self.deck is not None:
            self.show(self.index + 1)

    def previous_card(self) -> None:
        if self.deck is not None:
            self.show(self.index - 1)

    # -- the scene -------------------------------------------------------------------------------

    def layout(self, width: int, height: int) -> None:
        self.pad, self.top_rect, self.foot_rect = bars(self.app.line, width, height, self.app.settings.scale)
        body = self.app.body
        self.prev_rect = self.next_rect = pygame.Rect(0, 0, 0, 0)
        if self.deck is not None:
            button_w = body * 2 + max(text_width(self.app.fonts.get(body, True), tr(key))
                                      for key in ("preview.previous", "preview.next"))
            button_h = self.top_rect.height - body // 2
            right = self.top_rect.right - body // 2
            self.next_rect = pygame.Rect(right - button_w, self.top_rect.centery - button_h // 2, button_w, button_h)
            self.prev_rect = self.next_rect.move(-button_w - body // 2, 0)
        if self.view is not None:
            self.view.layout(width, height)

    def handle(self, intent: Intent) -> None:
        kind = intent.kind
        if kind in (Act.MENU, Act.QUIT):
            self.app.pop_all()
        elif kind == Act.CLICK and self.next_rect.collidepoint(intent.pos):
            self.next_card()
        elif kind == Act.CLICK and self.prev_rect.collidepoint(intent.pos):
            self.previous_card()
        elif self.view is None:
            return
        elif kind == Act.NEXT:
            self.next_card()
        elif kind == Act.UNDO:
            self.previous_card()
        elif kind == Act.BACK:
            self.show(self.index)  # the same card again, unanswered
        elif kind not in (Act.PAUSE, Act.SKIP, Act.END, Act.NOTE):
            self.view.handle(intent)

    def draw(self, surface: pygame.Surface) -> None:
        if self.view is not None:
            self.view.draw(surface)
        else:
            self._draw_errors(surface)

    def draw_bar(self, surface: pygame.Surface) -> None:
        """The file, the card's place and id, and buttons to move between cards."""
        theme, body, rect = self.app.theme, self.app.body, self.top_rect
        panel(surface, rect, theme.panel, theme.border)
        inner = rect.inflate(-body, 0)
        for button, key in ((self.prev_rect, "preview.previous"), (self.next_rect, "preview.next")):
            if not button.width:
                continue
            panel(surface, button, theme.background, theme.accent, width=3)
            line(self.app, surface, tr(key), button.center, body, theme.text, bold=True, anchor="center")
        text = tr("preview.file", file=self.path.name)
        if self.deck is not None:
            card = self.deck.cards[self.index]
            where, _ = self.deck.doc.position(("cards", self.deck.entries[self.index][0]))
            text = tr("preview.card", file=self.path.name, n=self.index + 1, total=len(self.deck.cards),
                      id=card.id, line=where)
        right = self.prev_rect.left if self.deck is not None else inner.right
        label = pygame.Rect(inner.x, rect.y, right - inner.x - body, rect.height)
        text_box(self.app, surface, text, label, body, theme.text, bold=True, valign="center")

    def _draw_errors(self, surface: pygame.Surface) -> None:
        theme, body, pad, foot = self.app.theme, self.app.body, self.pad, self.foot_rect
        width = surface.get_width()
        surface.fill(theme.background)
        self.draw_bar(surface)
        said = tr("preview.errors", errors=ntr("count.errors", mistakes(self.errors)))
        bold = self.app.fonts.get(body, True)  # the banner as high as its sentence needs at the body size
        lines = len(wrap(bold, said, width - 2 * pad - body))
        banner = pygame.Rect(pad, self.top_rect.bottom + pad, width - 2 * pad,
                             max(int(self.app.line * 1.8), lines * int(bold.get_linesize() * 1.08) + body // 2))
        panel(surface, banner, theme.wrong, theme.text)
        text_box(self.app, surface, said, banner.inflate(-body, 0), int(body * 1.2), theme.on_signal, bold=True,
                 valign="center")
        text_box(self.app, surface, tr("preview.fix"), foot, body, theme.muted, valign="center", floor=self.app.small)
        box = pygame.Rect(pad, banner.bottom + pad, width - 2 * pad, foot.top - banner.bottom - 2 * pad)
        text_box(self.app, surface, "\n".join(self._errors_shown(box)), box, body, theme.text)

    def _errors_shown(self, box: pygame.Rect) -> list[str]:
        """The errors, at most ERRORS_SHOWN, as many as the box holds whole at the body size, then how many more."""
        font = self.app.fonts.get(self.app.body)
        step = int(font.get_linesize() * 1.08)
        every = [f"{tr('preview.line', line=e.line, column=e.column)} {e.message}" for e in self.errors]
        heights = [len(wrap(font, text, box.width)) * step for text in every[:ERRORS_SHOWN]]
        count = len(heights)
        while count and sum(heights[:count]) + (step if count < len(every) else 0) > box.height:
            count -= 1  # one error fewer, and the line saying how many more
        more = [tr("error.more", others=ntr("count.others", len(every) - count))] if count < len(every) else []
        return every[:count] + more
