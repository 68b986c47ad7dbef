"""A screen (or an overlay) made of a title, a few lines of text and a column of big buttons."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.fonts import TEAM_NAME_MAX, code_points, undrawable
from game.ui.app import App, Scene
from game.ui.intents import Act, Intent
from game.ui.screens import Screen
from game.ui.text import wrap
from game.ui.widgets import ButtonList, Choice, panel, second_of_pair, text_box
from game.wording.players import tr


def press(app: App, buttons: ButtonList, intent: Intent, choose: Callable[[str], None]) -> None:
    """Closing the window asks first; anything else goes to the buttons, and a chosen one to `choose`."""
    if intent.kind == Act.QUIT:
        app.push(Screen.CONFIRM, question_key="confirm.leave", on_yes=app.pop_all)  # no session under way here
        return
    key = buttons.handle(intent)
    if key is not None:
        choose(key)




class NameEntry:
    """A name being typed into a row: characters the fonts cannot draw are left out and named once each
    (a box on screen, nothing on the sheet: said at once instead), and the name never grows past the limit,
    which is said when a character is lost to it. Ctrl+A selects the whole name, which the next key replaces."""

    def __init__(self, text: str, limit: int = TEAM_NAME_MAX):
        self.text = text
        self.limit = limit
        self.refused = ""
        self.full = False  # a character was typed past the limit
        self.selected = False

    def handle(self, intent: Intent) -> bool:
        """Take a key; True once the name is finished (Enter or Escape)."""
        if intent.kind == Act.SELECT_ALL:
            self.selected = bool(self.text)
            return False
        if intent.kind == Act.TEXT:
            refused = undrawable(intent.text)
            self.refused = "".join(dict.fromkeys(self.refused + refused))
            typed = ("" if self.selected else self.text) + "".join(c for c in intent.text if c not in refused)
            self.full = len(typed) > self.limit
            self.text = typed[:self.limit]
        elif intent.kind == Act.BACK:
            self.text = "" if self.selected else self.text[:-1]
            self.full = False
        self.selected = False
        return intent.kind in (Act.CONFIRM, Act.MENU)

    @property
    def status(self) -> str:
        if self.refused:
            return tr("setup.name_refused", codes=code_points(self.refused))
        if self.selected:
            return tr("setup.name_selected")
        return tr("setup.name_full", n=self.limit) if self.full else ""


class ListScene(Scene):
    """Subclasses give the choices and say what each key does in `choose`."""

    title_key = ""  # the catalogue's key of the title, worded when drawn (the language may change meanwhile)

    def __init__(self, app: App, focus: int = 0):
        super().__init__(app)
        self.title_size = self.lines_size = 0  # the title's and the lines' text sizes, chosen by `layout`
        self.buttons = ButtonList(self.choices(), focus)
        self.area = pygame.Rect(0, 0, 0, 0)

    def choices(self) -> list[Choice]:
        raise NotImplementedError

    def lines(self) -> list[str]:
        """Text shown under the title."""
        return []

    def shorten(self) -> bool:
        """Fewer lines under the title where big text leaves too little room for them (a list of mistakes shows
        fewer, and says how many more); whether there were fewer. None by default."""
        return False

    def choose(self, key: str) -> None:
        raise NotImplementedError

    def cancel(self) -> None:
        """Escape: by default, nothing (home) — overlays close."""

    def uncovered(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the rows; the focus stays on the same row (by its key) when rows come and go."""
        focused = self.buttons.choices[self.buttons.focus].key if self.buttons.choices else None
        choices = self.choices()
        keys = [c.key for c in choices]
        self.buttons = ButtonList(choices, keys.index(focused) if focused in keys else self.buttons.focus)
        self.layout(*self.app.size)

    def handle(self, intent: Intent) -> None:
        if intent.kind == Act.MENU:
            self.cancel()
            return
        press(self.app, self.buttons, intent, self.choose)

    def stepped(self, intent: Intent, row: str) -> int:
        """+1 or −1 when the intent steps a count or a size: + and − wherever the focus, the arrows on the
        row `row`; 0 otherwise."""
        on_row = self.buttons.choices[self.buttons.focus].key == row and intent.kind in (Act.LEFT, Act.RIGHT)
        if on_row or intent.kind in (Act.MORE, Act.LESS):
            return 1 if intent.kind in (Act.RIGHT, Act.MORE) else -1
        return 0

    def paired(self) -> tuple[range, ...]:
        """Runs of rows that may go two to a line when the column is too tall for the window (none by default)."""
        return ()

    def layout(self, width: int, height: int) -> None:
        body, step = self.app.body, self.app.line
        box_w = int(width * (0.62 if self.overlay else 0.76))
        gap = body // 2
        inner_w = box_w - 2 * body
        needs = self.buttons.needs(self.app, inner_w)  # a row never gets less than its text needs at its size
        heights = [max(need, int(step * (2.6 if c.detail else 1.8))) for c, need in zip(self.buttons.choices, needs)]
        # the title gives up size (down to the body size), the lines under it go to the reader's secondary size,
        # then give up some of themselves (a list of mistakes), before the buttons lose their first three rows
        least = sum(heights[:3]) + gap * (min(3, len(heights)) - 1)
        sizes = [(lines, title) for lines in (body, self.app.small)
                 for title in (int(body * 1.7), int(body * 1.4), int(body * 1.15), body)]
        # every row in view, two to a line where they pair, if a smaller title and lines leave the room for them
        every = self._paired_height(width, body // 4)
        chosen = next((size for size in sizes if self._sized(size, inner_w) + every <= height - 4 * body), None)
        for self.lines_size, self.title_size in [chosen] if chosen else sizes:
            text_h = self._text_height(inner_w)
            if text_h + least <= height - 4 * body:
                break
        while text_h + least > height - 4 * body and self.shorten():
            text_h = self._text_height(inner_w)
        room = height - text_h - 4 * body
        paired: tuple[range, ...] = ()
        if sum(heights) + gap * (len(heights) - 1) > room:  # many rows (six teams): tighter, then the list scrolls
            gap = body // 4
            paired = self.paired()
            if paired:
                box_w = int(width * 0.92)  # two buttons to a line: wider, so half a line still holds a name
                halves = self.buttons.needs(self.app, (box_w - 2 * body - gap) // 2)  # rows two to a line
                needs = [half if any(i in run for run in paired) else need
                         for i, (need, half) in enumerate(zip(self.buttons.needs(self.app, box_w - 2 * body), halves))]
            lines = [h for i, h in enumerate(heights) if not second_of_pair(i, paired)]
            scale = (room - gap * (len(lines) - 1)) / sum(lines)
            heights = [max(need, int(h * scale)) for h, need in zip(heights, needs)]
        lines = [h for i, h in enumerate(heights) if not second_of_pair(i, paired)]
        buttons_h = sum(lines) + gap * (len(lines) - 1)
        box_h = min(height - body, text_h + buttons_h + 3 * body)
        self.area = pygame.Rect((width - box_w) // 2, (height - box_h) // 2, box_w, box_h)
        inner = self.area.inflate(-2 * body, 0)
        self._text_rect = pygame.Rect(inner.x, self.area.y + body, inner.width, text_h)
        top = self._text_rect.bottom + body
        self.buttons.layout(pygame.Rect(inner.x, top, inner.width, self.area.bottom - body // 2 - top), heights, gap,
                            paired)

    def _sized(self, sizes: tuple[int, int], width: int) -> int:
        """The title's and the lines' height at these (lines, title) sizes."""
        self.lines_size, self.title_size = sizes
        return self._text_height(width)

    def _paired_height(self, width: int, gap: int) -> int:
        """The rows' least height, the runs of `paired` two to a line in the widened box (unpaired: no less than
        all of them at their least): what a list needs to show every row at once."""
        paired = self.paired()
        if not paired:
            needs = self.buttons.needs(self.app, int(width * 0.76) - 2 * self.app.body)
            return sum(needs) + gap * (len(needs) - 1)
        box_w = int(width * 0.92)
        halves = self.buttons.needs(self.app, (box_w - 2 * self.app.body - gap) // 2)
        fulls = self.buttons.needs(self.app, box_w - 2 * self.app.body)
        lines: list[int] = []
        for i, (full, half) in enumerate(zip(fulls, halves)):
            if second_of_pair(i, paired):
                lines[-1] = max(lines[-1], half)
            else:
                lines.append(half if any(i in run for run in paired) else full)
        return sum(lines) + gap * (len(lines) - 1)

    def _text_height(self, width: int) -> int:
        """The title and the lines under it, wrapped at the body size."""
        body = self.app.body
        title = self.app.fonts.get(self.title_size, bold=True)
        height = len(wrap(title, self.title_text(), width)) * int(title.get_linesize() * 1.2) + body // 2
        font = self.app.fonts.get(self.lines_size)
        for text in self.lines():
            height += len(wrap(font, text, width)) * int(font.get_linesize() * 1.2) + body // 3
        return height

    def draw(self, surface: pygame.Surface) -> None:
        theme, body = self.app.theme, self.app.body
        if self.overlay:
            shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            shade.fill(theme.overlay)
            surface.blit(shade, (0, 0))
            panel(surface, self.area, theme.background, theme.border, width=3)
        else:
            surface.fill(theme.background)
        rect = self._text_rect
        title = text_box(self.app, surface, self.title_text(), rect, self.title_size, theme.text, bold=True,
                         floor=self.title_size)
        y = rect.y + title.height + body // 2
        for text in self.lines():
            fitted = text_box(self.app, surface, text, pygame.Rect(rect.x, y, rect.width, rect.bottom - y),
                              self.lines_size, theme.muted, floor=self.lines_size)
            y += fitted.height + body // 3
        self.buttons.draw(self.app, surface, numbered=True)

    @property
    def title(self) -> str:
        return tr(self.title_key) if self.title_key else ""

    def title_text(self) -> str:
        return self.title
