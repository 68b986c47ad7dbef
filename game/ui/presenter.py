"""The presenter window: the trainer's own screen on the laptop while the projector shows the room's view.

The projector (the display module's window, full screen on the second display) shows the room's scene and never a
menu; this window shows the facilitator's view during play (`game.ui.facilitator`), and otherwise what the room sees,
smaller; a menu or a confirmation opens here, over it. Keys act the same in either window; a click here goes to the
controls, or to the menu shown. pygame's windows are used from the main thread only, as SDL requires.
"""

from __future__ import annotations

import pygame

from game.ui.app import App
from game.ui.facilitator import Control, control_at, draw_facilitator, sizes
from game.ui.intents import Act, Intent, translate
from game.ui.widgets import text_box
from game.wording.catalogue import tr

PRESENTER_SIZE = (1280, 720)  # on a laptop's screen; the window can be resized
MIN_SIZE = (800, 450)


def open_presenter(app: App) -> str:
    """The room's view full screen on the second display, the facilitator's in a window on the first; with one
    display, nothing changes and the sentence saying so is returned (empty when the presenter window opened)."""
    if app.presenter is not None:
        return ""
    if not app.second_display():
        return tr("presenter.one_screen")
    app.fullscreen = True
    app.screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN, display=1)
    app.presenter = Presenter(app)
    app.relayout()
    return ""


class Presenter:
    def __init__(self, app: App):
        """On the first display, the laptop's (the room's window went full screen on the second)."""
        desktop = pygame.display.get_desktop_sizes()[0]
        size = (min(PRESENTER_SIZE[0], desktop[0]), min(PRESENTER_SIZE[1], desktop[1] - 60))
        self.window = pygame.Window(tr("presenter.title"), size, position=pygame.WINDOWPOS_CENTERED, resizable=True)
        self.window.minimum_size = MIN_SIZE
        self.controls: list[Control] = []
        self.overlay_box: tuple[pygame.Rect, float] | None = None  # where the room-sized menu is drawn, and its scale
        self.mirror_box: tuple[pygame.Rect, float] | None = None  # ... the room's view, outside play
        self.shown: list[str] = []  # the texts drawn here in the last frame: what tests read

    @property
    def surface(self) -> pygame.Surface:
        return self.window.get_surface()

    def owns(self, event: pygame.event.Event) -> bool:
        return getattr(event, "window", None) is self.window

    def draw(self, app: App, room: pygame.Surface) -> None:
        """This window's frame: the facilitator's view (or the room's, smaller), and any menu over it."""
        before, app.shown = app.shown, []
        surface = self.surface
        base = next(scene for scene in app.scenes if not scene.overlay) if app.scenes else None
        table = base.facilitated if base is not None else None
        self.controls, self.mirror_box = [], None
        if table is not None and not table.over:
            self.controls = draw_facilitator(app, surface, table, app.clock())
        else:
            self._mirror(app, surface, room)
        overlays = [scene for scene in app.scenes if scene.overlay]
        self.overlay_box = None
        if overlays:
            menu = room.copy()
            for scene in overlays:
                scene.draw(menu)
            self.overlay_box = self._fit(surface, menu)
        self.window.flip()
        self.shown, app.shown = app.shown, before

    def _mirror(self, app: App, surface: pygame.Surface, room: pygame.Surface) -> None:
        """What the room sees, as large as this window allows, under a line saying so."""
        size = sizes(app, surface.get_height())
        surface.fill(app.theme.background)
        caption = pygame.Rect(size.pad, size.pad, surface.get_width() - 2 * size.pad, size.line)
        text_box(app, surface, tr("presenter.mirror"), caption, size.small, app.theme.muted, floor=size.small)
        self.mirror_box = self._fit(surface, room, top=caption.bottom + size.pad // 2)

    @staticmethod
    def _fit(surface: pygame.Surface, picture: pygame.Surface, top: int = 0) -> tuple[pygame.Rect, float]:
        """`picture` scaled to fit under `top`, centred; where it went and at what scale."""
        width, height = surface.get_width(), surface.get_height() - top
        scale = min(width / picture.get_width(), height / picture.get_height())
        scaled = pygame.transform.smoothscale(picture, (max(1, int(picture.get_width() * scale)),
                                                        max(1, int(picture.get_height() * scale))))
        rect = scaled.get_rect(midtop=(width // 2, top + (height - scaled.get_height()) // 2))
        surface.blit(scaled, rect)
        return rect, scale

    def intent(self, event: pygame.event.Event, typing: bool) -> Intent | None:
        """What an event of this window means: a click on a control, or on the menu or the room's view shown (in
        the room's coordinates, where they are laid out); its keys mean what they mean in the room's window."""
        if event.type == pygame.WINDOWCLOSE:
            return Intent(Act.QUIT)
        if event.type not in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION):
            return translate(event, typing=typing)
        shown = self.overlay_box or self.mirror_box  # a menu, or the room's view: clicked as in the room's window
        if shown is not None:
            rect, scale = shown
            if not rect.collidepoint(event.pos):
                return None
            pos = (int((event.pos[0] - rect.x) / scale), int((event.pos[1] - rect.y) / scale))
            return Intent(Act.CLICK if event.type == pygame.MOUSEBUTTONDOWN else Act.POINT, pos=pos)
        if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            return control_at(self.controls, event.pos)
        return None

    def close(self) -> None:
        self.window.destroy()
