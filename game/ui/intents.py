"""Keys, mouse and presenter remotes turned into intentions, once; scenes never look at raw events.

A presenter remote sends Page Down / Page Up (next, back), B or "." (blank screen: pause) and
F5 (start). While a scene is taking text, printable keys are text, not commands.
"""

from __future__ import annotations

from typing import NamedTuple

import pygame


class Intent(NamedTuple):
    kind: str  # choose, confirm, next, back, undo, up, down, left, right, pause, skip, end, note, menu,
    #            fullscreen, click, point, text, quit, more, less (+ and −: a count or a size, wherever the focus)
    number: int = 0
    pos: tuple[int, int] = (0, 0)
    text: str = ""


_KEYS: dict[int, Intent] = {
    pygame.K_RETURN: Intent("confirm"), pygame.K_KP_ENTER: Intent("confirm"), pygame.K_F5: Intent("confirm"),
    pygame.K_PAGEDOWN: Intent("next"),
    pygame.K_PAGEUP: Intent("undo"), pygame.K_BACKSPACE: Intent("back"),
    pygame.K_UP: Intent("up"), pygame.K_DOWN: Intent("down"),
    pygame.K_LEFT: Intent("left"), pygame.K_RIGHT: Intent("right"),
    pygame.K_TAB: Intent("down"),
    pygame.K_SPACE: Intent("pause"), pygame.K_p: Intent("pause"), pygame.K_b: Intent("pause"),
    pygame.K_PERIOD: Intent("pause"),
    pygame.K_s: Intent("skip"), pygame.K_f: Intent("end"), pygame.K_n: Intent("note"), pygame.K_t: Intent("extend"),
    pygame.K_ESCAPE: Intent("menu"), pygame.K_F11: Intent("fullscreen"),
    pygame.K_PLUS: Intent("more"), pygame.K_KP_PLUS: Intent("more"), pygame.K_EQUALS: Intent("more"),
    pygame.K_MINUS: Intent("less"), pygame.K_KP_MINUS: Intent("less"),
}
_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(10)}  # 0 too: a number out of range is said, not ignored
_DIGITS.update({getattr(pygame, f"K_KP{n}"): n for n in range(10)})
# While typing, only these keys keep a meaning of their own.
_TEXT_KEYS = {pygame.K_RETURN: Intent("confirm"), pygame.K_KP_ENTER: Intent("confirm"),
              pygame.K_BACKSPACE: Intent("back"), pygame.K_ESCAPE: Intent("menu"),
              pygame.K_F11: Intent("fullscreen")}


def translate(event: pygame.event.Event, typing: bool = False) -> Intent | None:
    """The intention behind one pygame event, or None when it means nothing here."""
    if event.type == pygame.QUIT:
        return Intent("quit")
    if event.type == pygame.KEYDOWN:
        if typing:
            return _TEXT_KEYS.get(event.key)
        if event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT:
            return Intent("up")
        if event.key in _DIGITS:
            return Intent("choose", number=_DIGITS[event.key])
        return _KEYS.get(event.key)
    if event.type == pygame.TEXTINPUT and typing:
        return Intent("text", text=event.text)
    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        return Intent("click", pos=event.pos)
    if event.type == pygame.MOUSEMOTION:
        return Intent("point", pos=event.pos)
    return None
