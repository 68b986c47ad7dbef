"""Overlays: the facilitator's menu (Esc) and the confirmations that guard every irreversible step."""

from __future__ import annotations

import sys
from collections.abc import Callable

from game.ui.app import App, Scene
from game.ui.intents import Act, Intent
from game.ui.listing import ListScene
from game.ui.screens import Screen
from game.ui.widgets import Choice
from game.wording.catalogue import ntr, tr


class ConfirmScene(ListScene):
    overlay = True

    def __init__(self, app: App, on_yes: Callable[[], None], question_key: str = "", question: str = ""):
        """The question: a catalogue key, or a sentence already worded (one that names teams, say)."""
        self.question = question or tr(question_key)
        self.on_yes = on_yes
        super().__init__(app, focus=1)  # "No" first: a stray Enter changes nothing

    def title_text(self) -> str:
        return self.question

    def choices(self) -> list[Choice]:
        return [Choice(tr("confirm.yes"), "yes"), Choice(tr("confirm.no"), "no")]

    def choose(self, key: str) -> None:
        self.app.pop()
        if key == "yes":
            self.on_yes()

    def cancel(self) -> None:
        self.app.pop()

    def handle(self, intent: Intent) -> None:
        if intent.kind == Act.QUIT:
            return  # already asking
        super().handle(intent)


class MenuScene(ListScene):
    """Esc during play: nothing here quits or ends without a confirmation."""

    overlay = True
    title_key = "menu.title"

    def __init__(self, app: App, play: Scene):
        self.play = play
        super().__init__(app)

    def choices(self) -> list[Choice]:
        return [Choice(tr("menu.resume"), "resume"), Choice(tr("menu.skip"), "skip"),
                Choice(tr("menu.undo"), "undo"), Choice(tr("menu.extend"), "extend"), Choice(tr("menu.end"), "end"),
                Choice(tr("menu.fullscreen"), "fullscreen"), Choice(tr("menu.accessibility"), "access"),
                Choice(tr("menu.quit"), "quit")]

    def cancel(self) -> None:
        self.app.pop()

    def choose(self, key: str) -> None:
        if key == "resume":
            self.app.pop()
        elif key in ("skip", "undo", "extend"):
            self.app.pop()
            self.play.handle(Intent(key))
        elif key == "end":
            self.app.pop()
            self.play.handle(Intent(Act.END))
        elif key == "fullscreen":
            self.app.toggle_fullscreen()
        elif key == "access":
            self.app.push(Screen.ACCESSIBILITY, overlay=True)
        elif key == "quit":
            self.app.push(Screen.CONFIRM, question_key="confirm.quit", on_yes=self.app.pop_all)


class ErrorScene(ListScene):
    """Content that cannot be played: the mistakes with their place, the same lines `validate` prints."""

    overlay = True
    shown = 6

    def __init__(self, app: App, errors: list[str], title: str | None = None, advice: str | None = None):
        """`title` and `advice`: by default, those for content that cannot be played."""
        self.errors = errors
        self.heading = tr("error.content") if title is None else title
        self.advice = tr("error.fix") if advice is None else advice
        for error in errors:
            print(error, file=sys.stderr)
        super().__init__(app)

    @property
    def title(self) -> str:
        return self.heading

    def lines(self) -> list[str]:
        more = len(self.errors) - self.shown
        return self.errors[: self.shown] + ([tr("error.more", others=ntr("count.others", more))] if more > 0 else []) + \
            ([self.advice] if self.advice else [])

    def layout(self, width: int, height: int) -> None:
        self.shown = ErrorScene.shown  # as many as the new size holds, up to six
        super().layout(width, height)

    def shorten(self) -> bool:
        if self.shown <= 1:
            return False
        self.shown -= 1
        return True

    def choices(self) -> list[Choice]:
        return [Choice(tr("error.back"), "back")]

    def choose(self, key: str) -> None:
        self.app.pop()

    def cancel(self) -> None:
        self.app.pop()


class PasswordScene(ListScene):
    """The lab's LRS password, typed and shown as dots, used once and kept nowhere (Escape gives up)."""

    overlay = True
    title_key = "lab.password_title"

    def __init__(self, app: App, on_done: Callable[[str], None]):
        self.typed = ""
        self.on_done = on_done
        super().__init__(app)

    @property
    def typing(self) -> bool:
        return True

    def lines(self) -> list[str]:
        return ["\u2022" * len(self.typed) + "|", tr("lab.password_hint")]

    def choices(self) -> list[Choice]:
        return [Choice(tr("lab.send"), "send"), Choice(tr("lab.cancel"), "cancel")]

    def handle(self, intent: Intent) -> None:
        if intent.kind == Act.TEXT:
            self.typed += intent.text
        elif intent.kind == Act.BACK:
            self.typed = self.typed[:-1]
        elif intent.kind == Act.CONFIRM:
            self.choose("send")
            return
        elif intent.kind == Act.QUIT:  # the window closed: asked by the screen under this box, as everywhere
            self.app.pop()
            self.app.top.handle(intent)
            return
        else:
            super().handle(intent)
            return
        self.refresh()

    def choose(self, key: str) -> None:
        self.app.pop()
        if key == "send" and self.typed:
            self.on_done(self.typed)

    def cancel(self) -> None:
        self.app.pop()
