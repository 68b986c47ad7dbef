"""The accessibility panel: text size, high contrast, a dyslexia-friendly font; saved for next time."""

from __future__ import annotations

from game.ui.app import App
from game.ui.intents import Intent
from game.ui.listing import ListScene
from game.ui.settings import SCALES
from game.ui.widgets import Choice
from game.wording.players import tr


class AccessibilityScene(ListScene):
    title_key = "access.title"

    def __init__(self, app: App, overlay: bool = False):
        self.overlay = overlay
        super().__init__(app)

    def lines(self) -> list[str]:
        return [tr("access.note")]

    def choices(self) -> list[Choice]:
        s = self.app.settings
        state = {True: tr("on"), False: tr("off")}
        return [Choice(tr("access.scale", percent=round(s.scale * 100)), "scale"),
                Choice(tr("access.contrast", state=state[s.high_contrast]), "contrast"),
                Choice(tr("access.dyslexia", state=state[s.dyslexia_font]), "dyslexia"),
                Choice(tr("access.back"), "back")]

    def handle(self, intent: Intent) -> None:
        step = self.stepped(intent, "scale")
        if step:
            self.app.settings.bigger(step)
            self._apply()
            return
        super().handle(intent)

    def choose(self, key: str) -> None:
        settings = self.app.settings
        if key == "scale":  # Enter cycles through the sizes; left and right step
            settings.scale = SCALES[(SCALES.index(settings.scale) + 1) % len(SCALES)]
        elif key == "contrast":
            settings.high_contrast = not settings.high_contrast
        elif key == "dyslexia":
            settings.dyslexia_font = not settings.dyslexia_font
        else:
            self.app.pop()
            return
        self._apply()

    def _apply(self) -> None:
        self.app.apply_settings(save=True)
        self.refresh()

    def cancel(self) -> None:
        self.app.pop()
