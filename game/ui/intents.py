"""Keys, mouse and presenter remotes turned into intentions, once; scenes never look at raw events.

A presenter remote sends Page Down / Page Up (next, back), B or "." (blank screen: pause) and
F5 (start). While a scene is taking text, printable keys are text, not commands.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

import pygame


class Act(StrEnum):
    """What an intention asks for; + and − (MORE, LESS) change a count or a size, wherever the focus is."""

    CHOOSE = "choose"
    CONFIRM = "confirm"
    NEXT = "next"
    BACK = "back"
    UNDO = "undo"
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    PAUSE = "pause"
    SKIP = "skip"
    END = "end"
    NOTE = "note"
    EXTEND = "extend"
    MENU = "menu"
    FULLSCREEN = "fullscreen"
    CLICK = "click"
    POINT = "point"
    TEXT = "text"
    QUIT = "quit"
    MORE = "more"
    LESS = "less"
    LETTER = "letter"  # a letter with no meaning of its own (`text`, lower case): a list's shortcut
    SELECT_ALL = "select_all"  # Ctrl+A while typing


class Intent(NamedTuple):
    kind: Act
    number: int = 0
    pos: tuple[int, int] = (0, 0)
    text: str = ""


_KEYS: dict[int, Intent] = {
    pygame.K_RETURN: Intent(Act.CONFIRM), pygame.K_KP_ENTER: Intent(Act.CONFIRM), pygame.K_F5: Intent(Act.CONFIRM),
    pygame.K_PAGEDOWN: Intent(Act.NEXT),
    pygame.K_PAGEUP: Intent(Act.UNDO), pygame.K_BACKSPACE: Intent(Act.BACK),
    pygame.K_UP: Intent(Act.UP), pygame.K_DOWN: Intent(Act.DOWN),
    pygame.K_LEFT: Intent(Act.LEFT), pygame.K_RIGHT: Intent(Act.RIGHT),
    pygame.K_TAB: Intent(Act.DOWN),
    pygame.K_SPACE: Intent(Act.PAUSE), pygame.K_p: Intent(Act.PAUSE), pygame.K_b: Intent(Act.PAUSE),
    pygame.K_PERIOD: Intent(Act.PAUSE),
    pygame.K_s: Intent(Act.SKIP), pygame.K_f: Intent(Act.END), pygame.K_n: Intent(Act.NOTE), pygame.K_t: Intent(Act.EXTEND),
    pygame.K_ESCAPE: Intent(Act.MENU), pygame.K_F11: Intent(Act.FULLSCREEN),
    pygame.K_PLUS: Intent(Act.MORE), pygame.K_KP_PLUS: Intent(Act.MORE), pygame.K_EQUALS: Intent(Act.MORE),
    pygame.K_MINUS: Intent(Act.LESS), pygame.K_KP_MINUS: Intent(Act.LESS),
}
_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(10)}  # 0 too: a number out of range is said, not ignored
_DIGITS.update({getattr(pygame, f"K_KP{n}"): n for n in range(10)})
# While typing, only these keys keep a meaning of their own.
_TEXT_KEYS = {pygame.K_RETURN: Intent(Act.CONFIRM), pygame.K_KP_ENTER: Intent(Act.CONFIRM),
              pygame.K_BACKSPACE: Intent(Act.BACK), pygame.K_ESCAPE: Intent(Act.MENU),
              pygame.K_F11: Intent(Act.FULLSCREEN)}


def translate(event: pygame.event.Event, typing: bool = False) -> Intent | None:
    """The intention behind one pygame event, or None when it means nothing here."""
    if event.type == pygame.QUIT:
        return Intent(Act.QUIT)
    if event.type == pygame.KEYDOWN:
        if typing:
            if event.key == pygame.K_a and getattr(event, "mod", 0) & pygame.KMOD_CTRL:
                return Intent(Act.SELECT_ALL)
            return _TEXT_KEYS.get(event.key)
        if event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT:
            return Intent(Act.UP)
        if event.key in _DIGITS:
            return Intent(Act.CHOOSE, number=_DIGITS[event.key])
        found = _KEYS.get(event.key)
        letter = getattr(event, "unicode", "")
        if len(letter) == 1 and letter.isalpha():  # the letter typed, whatever the keyboard
            # a letter with a meaning of its own (S: skip) still carries itself, for a list's row it is the shortcut of
            return Intent(Act.LETTER, text=letter.lower()) if found is None else found._replace(text=letter.lower())
        return found
    if event.type == pygame.TEXTINPUT and typing:
        return Intent(Act.TEXT, text=event.text)
    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        return Intent(Act.CLICK, pos=event.pos)
    if event.type == pygame.MOUSEMOTION:
        return Intent(Act.POINT, pos=event.pos)
    return None
