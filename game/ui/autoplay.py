"""The autopilot: a bot that plays a whole session by posting key presses into the real event loop.

Used for a demo kiosk and for the end-to-end test: every answer goes through the same keys,
intents, scenes and log as a facilitator's would. It closes the program once the sheet is shown.
"""

from __future__ import annotations

import random

import pygame

from game.engine.bots import choose
from game.ui.app import App

_DIGIT_KEYS = [getattr(pygame, f"K_{n}") for n in range(1, 10)]


def _press(key: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))


class Autopilot:
    def __init__(self, strategy: str = "random", seed: int = 0, delay: float = 1.5):
        self.strategy = strategy
        self.rng = random.Random(seed)
        self.delay = delay
        self.next_time = 0.0
        self.pending = False  # keys posted and not yet handled

    def __call__(self, app: App) -> None:
        from game.ui.scenes.end import DebriefScene, EndScene
        from game.ui.scenes.play import PlayScene

        if pygame.event.peek(pygame.KEYDOWN):
            return
        now = app.clock()
        if now < self.next_time:
            return
        self.next_time = now + self.delay
        scene = app.top
        if isinstance(scene, PlayScene):
            self._play(scene)
        elif isinstance(scene, EndScene):
            _press(pygame.K_RETURN)
        elif isinstance(scene, DebriefScene):
            keys = [c.key for c in scene.buttons.choices]
            _press(_DIGIT_KEYS[keys.index("quit")])
        else:
            _press(pygame.K_ESCAPE)

    def _play(self, scene) -> None:
        game, state = scene.game, scene.state
        if state.paused:
            _press(pygame.K_SPACE)
            return
        action = choose(game, state, self.strategy, self.rng)
        if action.type != "answer":
            _press(pygame.K_RETURN)
            return
        for choice in action.choices:
            _press(_DIGIT_KEYS[choice])
        card = game.card(state)
        if card.kind == "question" and card.multiple:
            _press(pygame.K_PAGEDOWN)
