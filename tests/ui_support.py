"""Driving the real screens headless: a window on SDL's dummy driver, a fixed clock, synthetic events."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.content.loaded import Library  # noqa: E402
from game.debrief.ending import sheet_at_end
from game.table.table import Table  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.scenes import SCENES
from game.ui.scenes.play import PlayScene  # noqa: E402

START = 1795424400.0


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self, now: float = START):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


DIGITS = [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6]  # the keys of choices 1 to 6


def make_app(library: Library, folder: Path, size: tuple[int, int] = (1280, 720), clock: Clock | None = None) -> App:
    return App(library, folder, size=size, settings_path=None, fast=True, clock=clock or Clock(), scenes=SCENES)


def start_play(app: App, library: Library, scenario_id: str, teams: list[str], seed: int = 5,
               answering: str | None = None) -> PlayScene:
    info = library.scenarios[scenario_id].info
    table = Table.start_new(app.sessions_dir, info, library.pool(info), teams, seed, library.aspect_labels(info),
                            app.clock(), session_id=f"{scenario_id[:6]}-{seed}", answering=answering, at_end=sheet_at_end)
    return app.replace("play", table=table)


def key(app: App, code: int, text: str = "") -> None:
    """One key press, through the same translation and dispatch as a real one."""
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=text, scancode=0))
    if text and app.top.typing:
        app.dispatch(pygame.event.Event(pygame.TEXTINPUT, text=text))


def click(app: App, pos: tuple[int, int]) -> None:
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))


def type_text(app: App, text: str) -> None:
    for char in text:
        app.dispatch(pygame.event.Event(pygame.TEXTINPUT, text=char))


def render(app: App) -> pygame.Surface:
    app.draw()
    return app.screen
