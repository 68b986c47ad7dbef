"""How a card's own text is laid out and drawn on the play screen, whatever its kind.

The kind's display (in `game.present.kinds`) has already said what goes where: a line over the card (a
partner), a heading with chips (an usager and their constraints), a story, a big lead. This draws those.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pygame

from game.present.faces import CardFace
from game.ui.text import wrap
from game.ui.widgets import line, panel, text_box

LEAD = 1.7  # the lead's size, times the body size
STORY = 1.25
HEADING = 1.5


def chips(app: Any, face: CardFace, left: int, top: int, width: int
          ) -> tuple[pygame.Rect, list[tuple[str, pygame.Surface, pygame.Rect]]]:
    """The heading's line, then each tag's chip (its label, drawn, and its place): after the heading while
    there is room, then on further lines below it, so that no tag is left out; the rectangle they cover."""
    body = app.body
    title = app.text.render(face.heading, int(body * HEADING), app.theme.text, True)
    covered = pygame.Rect(left, top, title.get_width(), title.get_height())
    size = int(body * 0.9) if body > 20 else body
    x, middle, placed = covered.right + body // 2, covered.centery, []
    for label in face.tags:
        text = app.text.render(label, size, app.theme.text)
        chip = pygame.Rect(0, 0, text.get_width() + body // 2, text.get_height() + body // 4)
        if x + body // 2 + chip.width > left + width and x > left:  # a new line of chips
            x, middle = left - body // 2, covered.bottom + body // 4 + chip.height // 2
        chip.midleft = (x + body // 2, middle)
        if chip.right > left + width:  # wider than the card itself: said, so that validate reports it
            app.report_overflow(label)
            continue
        placed.append((label, text, chip))
        covered.union_ip(chip)
        x = chip.right
    return covered, placed


class FacePage(NamedTuple):
    """One view of a card's text too long for one: the head (line over, heading, chips) on the first view only,
    then lines of the story and of the lead, each as it was measured at the body size."""

    head: bool
    story: tuple[str, ...]
    lead: tuple[str, ...]


def pages(app: Any, face: CardFace, rect: pygame.Rect) -> list[FacePage]:
    """The card's text flowed over as many views of `rect` as it needs at the reader's body size: one view
    when it fits (then drawn by `draw`, at its bigger sizes)."""
    if need(app, face, rect.width) <= rect.height:
        return [FacePage(True, (), ())]
    body = app.body
    plain, bold = app.fonts.get(body), app.fonts.get(body, True)
    step = int(plain.get_linesize() * 1.08)
    used = _head_height(app, face, rect.width)
    items = [("story", text) for text in wrap(plain, "\n".join(face.story), rect.width)] if face.story else []
    items += [("lead", text) for text in wrap(bold, face.lead, rect.width)] if face.lead else []
    found = [FacePage(True, (), ())]
    for kind, text in items:
        if used + step > rect.height and (found[-1].story or found[-1].lead or found[-1].head and len(found) > 1):
            found.append(FacePage(False, (), ()))
            used = 0
        page = found[-1]
        found[-1] = page._replace(story=page.story + (text,)) if kind == "story" else page._replace(
            lead=page.lead + (text,))
        used += step
    return found


def _head_height(app: Any, face: CardFace, width: int) -> int:
    body = app.body
    height = int(body * 1.4) if face.over else 0
    if face.heading:
        head, _ = chips(app, face, 0, 0, width)
        height += head.height + body // 3
    return height


def draw_page(app: Any, surface: pygame.Surface, rect: pygame.Rect, face: CardFace, page: FacePage) -> None:
    """One view of a card's text flowed over several: its lines as measured, at the body size."""
    body, theme = app.body, app.theme
    if page.head:
        rect = _draw_head(app, surface, rect, face)
    step = int(app.fonts.get(body).get_linesize() * 1.08)
    for lines, bold in ((page.story, False), (page.lead, True)):
        if lines:
            height = len(lines) * step
            text_box(app, surface, "\n".join(lines), pygame.Rect(rect.x, rect.y, rect.width, height), body,
                     theme.text, bold=bold, floor=body)
            rect = pygame.Rect(rect.x, rect.y + height, rect.width, rect.height - height)


def _draw_head(app: Any, surface: pygame.Surface, rect: pygame.Rect, face: CardFace) -> pygame.Rect:
    """The line over the card and its heading with chips; the rest of `rect`, under them."""
    body, theme = app.body, app.theme
    if face.over:
        line(app, surface, face.over, (rect.x, rect.y), body, theme.muted, bold=True)
        rect = pygame.Rect(rect.x, rect.y + int(body * 1.4), rect.width, rect.height - int(body * 1.4))
    if face.heading:
        line(app, surface, face.heading, (rect.x, rect.y), int(body * HEADING), theme.text, bold=True)
        head, placed = chips(app, face, rect.x, rect.y, rect.width)
        for label, text, chip in placed:  # written chips: a constraint is read, not guessed from a colour
            app.shown.append(label)
            panel(surface, chip, theme.background, theme.border, radius=chip.height // 2)
            surface.blit(text, text.get_rect(center=chip.center))
        rect = pygame.Rect(rect.x, head.bottom + body // 3, rect.width, rect.bottom - head.bottom - body // 3)
    return rect


def need(app: Any, face: CardFace, width: int) -> int:
    """The height the card's own text needs at the body size."""
    body = app.body
    step = int(app.fonts.get(body).get_linesize() * 1.08)
    height = _head_height(app, face, width)
    if face.story:
        height += len(wrap(app.fonts.get(body), "\n".join(face.story), width)) * step
    if face.lead:
        height += len(wrap(app.fonts.get(body, True), face.lead, width)) * step
    return height


def draw(app: Any, surface: pygame.Surface, rect: pygame.Rect, face: CardFace) -> None:
    """The card's text in `rect`: the line over it, the heading and its chips, the story, then the lead."""
    body, theme = app.body, app.theme
    rect = _draw_head(app, surface, rect, face)
    if face.story:
        story = "\n".join(face.story)
        if face.lead:  # the story on top at its own height, the lead under it
            font = app.fonts.get(int(body * STORY))  # measured as text_box lays it out, whatever the font's leading
            height = len(wrap(font, story, rect.width)) * int(font.get_linesize() * 1.08)
            text_box(app, surface, story, pygame.Rect(rect.x, rect.y, rect.width, height), int(body * STORY),
                     theme.text)
            rect = pygame.Rect(rect.x, rect.y + height, rect.width, rect.height - height)
        else:
            text_box(app, surface, story, rect, int(body * STORY), theme.text)
    if face.lead:
        text_box(app, surface, face.lead, rect, int(body * LEAD), theme.text, bold=True, valign="center")
