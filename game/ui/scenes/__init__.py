"""The screens, each registered under its name (`game.ui.screens.Screen`) with the function that loads its class.

A scene's module is imported when the scene is first shown, so the home screen does not wait for the rules,
pydantic or the sheet; and no scene imports another. The program gives this table to its `App`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.ui.screens import Screen


def _home() -> type[Any]:
    from game.ui.scenes.home import HomeScene

    return HomeScene


def _setup() -> type[Any]:
    from game.ui.scenes.setup import SetupScene

    return SetupScene


def _play() -> type[Any]:
    from game.ui.scenes.play import PlayScene

    return PlayScene


def _end() -> type[Any]:
    from game.ui.scenes.end import EndScene

    return EndScene


def _learned() -> type[Any]:
    from game.ui.scenes.learned import LearnedScene

    return LearnedScene


def _menu() -> type[Any]:
    from game.ui.scenes.overlays import MenuScene

    return MenuScene


def _confirm() -> type[Any]:
    from game.ui.scenes.overlays import ConfirmScene

    return ConfirmScene


def _error() -> type[Any]:
    from game.ui.scenes.overlays import ErrorScene

    return ErrorScene


def _accessibility() -> type[Any]:
    from game.ui.scenes.accessibility import AccessibilityScene

    return AccessibilityScene


def _preview() -> type[Any]:
    from game.ui.scenes.preview import PreviewScene

    return PreviewScene


def _train() -> type[Any]:
    from game.ui.scenes.train import TrainScene

    return TrainScene


def _progress() -> type[Any]:
    from game.ui.scenes.progress import ProgressScene

    return ProgressScene


def _cards() -> type[Any]:
    from game.ui.scenes.cards import CardsScene

    return CardsScene


def _plans() -> type[Any]:
    from game.ui.scenes.plans import PlansScene

    return PlansScene


def _debriefing() -> type[Any]:
    from game.ui.scenes.debriefing import DebriefingScene

    return DebriefingScene


def _password() -> type[Any]:
    from game.ui.scenes.overlays import PasswordScene

    return PasswordScene


SCENES: dict[Screen, Callable[[], type[Any]]] = {
    Screen.HOME: _home, Screen.SETUP: _setup, Screen.PLAY: _play, Screen.END: _end, Screen.LEARNED: _learned,
    Screen.MENU: _menu,
    Screen.CONFIRM: _confirm, Screen.ERROR: _error, Screen.ACCESSIBILITY: _accessibility, Screen.PREVIEW: _preview,
    Screen.TRAIN: _train, Screen.PROGRESS: _progress, Screen.CARDS: _cards, Screen.PLANS: _plans,
    Screen.DEBRIEFING: _debriefing, Screen.PASSWORD: _password,
}
