"""The window and its loop: a stack of scenes, started by name, intents in, frames out only when needed.

Scenes are registered by name (`game.ui.scenes.SCENES`, in the spirit of Tuxemon's state manager, given to the
`App` by the program) and started by name, so no scene imports another, and a scene's module is loaded when first shown:
the home screen does not wait for the rules, pydantic or the sheet. Every scene that leaves the
stack is shut down (the play scene closes its session log), however the program ends.

Between events the loop sleeps in short slices (see `run`); it draws when an intent was handled, when
the window changed, once a second while a clock is shown, and at 60 frames a second only while
an animation runs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pygame

from game.ui.intents import Act, Intent, translate
from game.ui.screens import Screen
from game.ui.settings import Settings
from game.ui.text import FontBook, TextCache
from game.ui.theme import HIGH_CONTRAST, LIGHT, Theme
from game.wording.catalogue import tr, use

if TYPE_CHECKING:
    from game.content.loaded import Library
    from game.table.table import Table

MIN_SIZE = (960, 540)
FPS = 60
IDLE_SLICE = 0.04  # seconds asleep between looks at the event queue


class SecondWindow(Protocol):
    """The presenter window (`game.ui.presenter`) as the app drives it: named here so the app needs not import it."""

    def owns(self, event: pygame.event.Event) -> bool: ...

    def intent(self, event: pygame.event.Event, typing: bool) -> Intent | None: ...

    def draw(self, app: App, room: pygame.Surface) -> None: ...

    def close(self) -> None: ...


class Scene:
    """One screen. It reads the engine's state, sends it actions, and draws; `draw` changes nothing."""

    overlay = False  # drawn over the scene beneath it

    def __init__(self, app: App):
        self.app = app

    @property
    def typing(self) -> bool:
        return False

    def layout(self, width: int, height: int) -> None:
        """Place everything for this window size; called when shown and on every resize."""

    def uncovered(self) -> None:
        """The scene above this one closed: what it did may show here (a plan saved, a setting changed)."""

    def handle(self, intent: Intent) -> None:
        """React to one intention."""

    def animating(self, now: float) -> bool:
        return False

    def tick(self, now: float) -> float | None:
        """Seconds until the scene must be drawn again for a clock, or None."""
        return None

    def idle(self, now: float) -> None:
        """A look at the world between events (a file saved, say); set `app.dirty` to be drawn again."""

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError

    @property
    def facilitated(self) -> Table | None:
        """The session the presenter window shows the facilitator's view of, while this scene is on the projector;
        None: the presenter window shows what the room sees."""
        return None

    def shutdown(self) -> None:
        """The scene leaves the stack for good: release what it holds (a session log, say)."""


def window_icon(theme: Theme) -> pygame.Surface:
    """The taskbar's icon: two cards fanned out, one per answer colour, drawn rather than shipped."""
    icon = pygame.Surface((32, 32), pygame.SRCALPHA)
    pygame.draw.rect(icon, theme.right, (3, 6, 17, 23), border_radius=3)
    pygame.draw.rect(icon, theme.accent, (12, 3, 17, 23), border_radius=3)
    pygame.draw.rect(icon, theme.on_accent, (16, 9, 9, 3))
    pygame.draw.rect(icon, theme.on_accent, (16, 15, 9, 3))
    return icon


def body_size(height: int, scale: float = 1.0) -> int:
    """Body text in pixels for a window `height` high: a thirtieth of it at least, times the reader's scale."""
    return max(12, round(height / 30 * scale))


def small_size(height: int, scale: float = 1.0) -> int:
    """Secondary text (the side panel, the key help): three quarters of the body, at the reader's scale too."""
    return max(10, round(body_size(height, scale) * 0.75))


class App:
    def __init__(self, library: Library | Callable[[], Library], sessions_dir: Path, size: tuple[int, int] = (1280, 720),
                 fullscreen: bool = False, settings_path: Path | None = None, fast: bool = False,
                 clock: Callable[[], float] = time.time, language: str | None = None, *,
                 scenes: Mapping[Screen, Callable[[], type[Scene]]]):
        """`language`: asked for on the command line, it wins over the one the reader chose last time."""
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_icon(window_icon(LIGHT))  # also spares loading pygame's own icon before the first frame
        self._library = library
        self.registry = scenes
        self.sessions_dir = sessions_dir
        self.settings_path = settings_path
        self.settings = Settings.load(settings_path)
        if language is not None:
            self.settings.language = language
        self.fast = fast
        self.clock = clock
        self.fullscreen = fullscreen
        # full screen at the desktop's own size: a mode of 1280×720 asked on a screen that cannot switch to it (a
        # projector's, a virtual one) was drawn for one size and shown cropped in another
        self.screen = pygame.display.set_mode((0, 0) if fullscreen else size,
                                              pygame.RESIZABLE | (pygame.FULLSCREEN if fullscreen else 0))
        self.scenes: list[Scene] = []
        self.running = True
        self.dirty = True
        self.frames = 0
        self.shown: list[str] = []  # every text drawn in the last frame, in order: what tests read
        self.overflows: set[str] = set()
        self.shrunk: set[str] = set()  # texts drawn below the reader's chosen size (the screens still to reflow)
        self.paged: set[str] = set()  # texts shown over several views: fine for a reader's big text, too long
        # for `validate` at the default settings, where a card is read in full in one view
        self.say_overflows = True  # off where the caller reports them itself (the text-fit check)
        self.on_idle: Callable[[App], None] | None = None  # the autopilot's hook
        self.after_first_frame: list[Callable[[], None]] = []  # work that must not delay the first frame
        self.presenter: SecondWindow | None = None  # the trainer's own window, while the projector shows the room's
        self.apply_settings()

    @property
    def plans_dir(self) -> Path:
        """Where the setup screen saves session plans and the home screen finds them: beside the sessions folder."""
        return self.sessions_dir.parent / "plans"

    @property
    def library(self) -> Library:
        """The decks and scenarios, checked; loaded on first use so the home screen shows at once."""
        if callable(self._library):
            self._library = self._library()
        return self._library

    # -- look --------------------------------------------------------------------------------

    def apply_settings(self, save: bool = False) -> None:
        """Redraw with the reader's settings; `save` keeps a change for the next launches (not done at
        start: the first frame must not wait for a write it does not need)."""
        use(self.settings.language)
        pygame.display.set_caption(tr("app.title"))
        self.theme: Theme = HIGH_CONTRAST if self.settings.high_contrast else LIGHT
        self.fonts = FontBook("opendyslexic" if self.settings.dyslexia_font else "atkinson")
        self.text = TextCache(self.fonts)
        if save:
            self.settings.save(self.settings_path)
        self.relayout()

    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    @property
    def body(self) -> int:
        """Body text in pixels: a thirtieth of the window height at least, times the reader's scale."""
        return body_size(self.size[1], self.settings.scale)

    @property
    def small(self) -> int:
        """The smallest secondary text (side panel, key help): the reader's chosen size for it, never gone below."""
        return small_size(self.size[1], self.settings.scale)

    @property
    def line(self) -> int:
        """The height of a line of body text in the current font: the unit for rows that hold text."""
        return self.fonts.get(self.body).get_linesize()

    def report_shrunk(self, text: str) -> None:
        """A text drawn below the size the reader chose, to fit its place: said once, as a cut text is."""
        if text not in self.shrunk:
            self.shrunk.add(text)
            if self.say_overflows:
                print(tr("fit.text_shrunk", text=text[:80]), file=sys.stderr)

    def report_overflow(self, text: str) -> None:
        if text not in self.overflows:
            self.overflows.add(text)
            if self.say_overflows:
                print(tr("fit.text_cut", text=text[:80]), file=sys.stderr)

    # -- scenes ------------------------------------------------------------------------------

    @property
    def top(self) -> Scene:
        return self.scenes[-1]

    def make(self, name: Screen | str, **values: object) -> Scene:
        """The scene registered as `name`, built with `values`; its module is imported on first use."""
        return self.registry[Screen(name)]()(self, **values)

    def push(self, scene: Scene | Screen | str, **values: object) -> Scene:
        """Show a scene (or the one registered under a name) above the current one."""
        if isinstance(scene, str):
            scene = self.make(scene, **values)
        self.scenes.append(scene)
        scene.layout(*self.size)
        self._typing_changed()
        self.dirty = True
        return scene

    def pop(self) -> None:
        self.scenes.pop().shutdown()
        self._typing_changed()
        self.dirty = True
        if not self.scenes:
            self.running = False
        else:
            self.top.uncovered()

    def pop_all(self) -> None:
        """Close every scene, each shut down: the program ends (sessions are already on disk)."""
        while self.scenes:
            self.scenes.pop().shutdown()
        self.running = False

    def replace(self, scene: Scene | Screen | str, **values: object) -> Scene:
        """Show a scene in place of every scene shown."""
        if isinstance(scene, str):
            scene = self.make(scene, **values)
        for old in reversed(self.scenes):
            if old is not scene:
                old.shutdown()
        self.scenes = [scene]
        scene.layout(*self.size)
        self._typing_changed()
        self.dirty = True
        return scene

    def relayout(self) -> None:
        for scene in self.scenes:
            scene.layout(*self.size)
        self.dirty = True

    def _typing_changed(self) -> None:
        if self.scenes and self.top.typing:
            pygame.key.start_text_input()
        else:
            pygame.key.stop_text_input()

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.fullscreen else 0)
        size = (0, 0) if self.fullscreen else (1280, 720)
        if self.presenter is not None:  # the room's window stays on the projector
            self.screen = pygame.display.set_mode(size, flags, display=1)
        else:
            self.screen = pygame.display.set_mode(size, flags)
        self.relayout()

    # -- the presenter window ------------------------------------------------------------------------

    @staticmethod
    def second_display() -> bool:
        """Whether a second display (a projector beside the laptop's screen) is connected."""
        return pygame.display.get_num_displays() >= 2

    def close_presenter(self, said: str = "") -> None:
        """Back to one window (the second display was unplugged, or the program ends): the session goes on in the
        room's window, on the remaining display."""
        if self.presenter is None:
            return
        self.presenter.close()
        self.presenter = None
        if self.running and self.scenes:
            self.fullscreen = False
            self.screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
            self.relayout()
        if said:
            print(said, file=sys.stderr)

    # -- the loop ----------------------------------------------------------------------------

    def dispatch(self, event: pygame.event.Event) -> None:
        if self.presenter is not None and self.presenter.owns(event):
            self._from_presenter(event)
            return
        if self.presenter is not None and self.scenes and self.top.overlay and event.type in (
                pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION):
            return  # a menu is open in the presenter window: the room's window shows none to click
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if not self.fullscreen and event.type == pygame.VIDEORESIZE:
                width, height = max(MIN_SIZE[0], event.w), max(MIN_SIZE[1], event.h)
                if (width, height) != self.size:
                    self.screen = pygame.display.set_mode((width, height), pygame.RESIZABLE)
            self.relayout()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.dirty = True
            return
        self.act(translate(event, typing=self.top.typing))

    def _from_presenter(self, event: pygame.event.Event) -> None:
        assert self.presenter is not None
        if event.type in (pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.dirty = True
            return
        self.act(self.presenter.intent(event, self.top.typing))

    def act(self, intent: Intent | None) -> None:
        """An intention from either window, to the scene on top (F11 switches the room's window)."""
        if intent is None:
            return
        if intent.kind == Act.FULLSCREEN:
            self.toggle_fullscreen()
            return
        was_typing = self.top.typing
        self.top.handle(intent)
        if self.scenes and self.top.typing != was_typing:
            self._typing_changed()
        self.dirty = True

    def draw(self) -> None:
        self.shown = []
        first = len(self.scenes) - 1
        while first > 0 and self.scenes[first].overlay:
            first -= 1
        for scene in self.scenes[first:] if self.presenter is None else self.scenes[first:first + 1]:
            scene.draw(self.screen)  # with a presenter window, the room never sees a menu: it opens there
        pygame.display.flip()
        if self.presenter is not None:
            self.presenter.draw(self, self.screen)
        self.frames += 1
        self.dirty = False

    def run(self, max_frames: int | None = None) -> None:
        """Until the last scene closes (or `max_frames` frames, for measurements).

        Between events it sleeps in short slices: pygame's own `event.wait` polls and keeps a core
        2–3 % busy, sleeping costs a tenth of that, for at most 40 ms of added latency.
        """
        next_tick: float | None = None
        while self.running and self.scenes:
            if self.presenter is not None and not self.second_display():
                self.close_presenter(tr("presenter.lost"))
            now = self.clock()
            self.top.idle(now)
            animating = self.top.animating(now)
            if next_tick is not None and time.monotonic() >= next_tick:
                self.dirty = True
            if self.dirty or animating:
                self.draw()
                if max_frames is not None and self.frames >= max_frames:
                    return
                while self.after_first_frame:
                    self.after_first_frame.pop(0)()
                wait = self.top.tick(now)
                next_tick = time.monotonic() + wait if wait is not None else None
            if self.on_idle is not None:
                self.on_idle(self)
            events = pygame.event.get()
            if not events:
                time.sleep(self._pause(animating, next_tick))
                events = pygame.event.get()
            for event in events:
                if not self.scenes:
                    break
                self.dispatch(event)
        pygame.key.stop_text_input()
        if max_frames is None:
            self.pop_all()
            self.close_presenter()

    def _pause(self, animating: bool, next_tick: float | None) -> float:
        if self.on_idle is not None and self.fast:
            return 0.0
        if animating:
            return 1 / FPS
        pause = IDLE_SLICE
        if next_tick is not None:
            pause = min(pause, max(0.0, next_tick - time.monotonic()))
        return pause
