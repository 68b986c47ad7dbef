"""The autopilot: a bot that plays a whole session by posting key presses into the real event loop.

Used for a demo kiosk and for the end-to-end test: every answer goes through the same keys,
intents, scenes and log as a facilitator's would. It reads the same table view as any front end,
and closes the program once the end screen (and so the sheet) is shown.
"""

from __future__ import annotations

import random

import pygame

from game.engine.vocabulary import ActionType
from game.present.bots import choose
from game.ui.app import App
from game.ui.scenes.debriefing import DebriefingScene
from game.ui.scenes.end import EndScene
from game.ui.scenes.play import PlayScene

_DIGIT_KEYS = [getattr(pygame, f"K_{n}") for n in range(1, 10)]


def _press(key: int) -> None:
    letter = chr(key) if pygame.K_a <= key <= pygame.K_z else ""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=letter, scancode=0))


class Autopilot:
    def __init__(self, strategy: str = "random", seed: int = 0, delay: float = 1.5):
        self.strategy = strategy
        self.rng = random.Random(seed)
        self.delay = delay
        self.next_time = 0.0
        self.debriefed = False

    def __call__(self, app: App) -> None:
        if pygame.event.peek(pygame.KEYDOWN):
            return  # keys posted and not yet handled
        now = app.clock()
        if now < self.next_time:
            return
        self.next_time = now + self.delay
        scene = app.top
        if isinstance(scene, PlayScene):
            self._play(scene)
        elif isinstance(scene, EndScene) and not self.debriefed:  # the debriefing, slide after slide
            self.debriefed = True
            _press(pygame.K_d)
        elif isinstance(scene, DebriefingScene):
            _press(pygame.K_PAGEDOWN)
        elif isinstance(scene, EndScene):
            keys = [c.key for c in scene.buttons.choices]
            _press(_DIGIT_KEYS[int(scene.buttons.mark(keys.index("quit"))) - 1])
        else:
            _press(pygame.K_ESCAPE)

    def _play(self, scene: PlayScene) -> None:
        view = scene.view
        if view.paused:
            _press(pygame.K_SPACE)
            return
        action = choose(scene.table, self.strategy, self.rng)
        if action.type == ActionType.ENTER:  # the team being entered is the first without an answer
            for choice in action.choices:
                _press(_DIGIT_KEYS[choice])
            if view.several:
                _press(pygame.K_RETURN)  # the ticks are its answer (one team alone: revealed)
            return
        _press(pygame.K_RETURN)  # the reveal, or on to the next card
        for choice in action.choices:  # the pick on a split room
            _press(_DIGIT_KEYS[choice])
