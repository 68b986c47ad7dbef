"""Home: the scenarios on the left, the focused one described on the right; resuming comes first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.content.summary import ScenarioSummary
from game.diskerrors import disk_problem, sheet_problem
from game.paths import display_path
from game.ui.app import App
from game.ui.listing import ListScene
from game.ui.planfiles import saved_plans
from game.ui.screens import Screen
from game.ui.text import text_width
from game.ui.widgets import Choice, line, panel, text_box
from game.wording.catalogue import LANGUAGES, tr
from game.wording.players import day

if TYPE_CHECKING:
    from game.content.loaded import Library
    from game.content.models import ScenarioInfo

DEFAULT = "atelier-teletravail"


def checked_library(app: App) -> Library | None:
    """The decks and scenarios, fully checked; on a content error, the errors are shown and None is returned.

    The content modules load here, when a scenario or training is chosen: the home screen shows before pydantic."""
    from game.content.errors import ContentInvalid

    try:
        return app.library
    except ContentInvalid as exc:
        app.push(Screen.ERROR, errors=[str(e) for e in exc.errors])
        return None


def checked_scenario(app: App, scenario_id: str) -> ScenarioInfo | None:
    """The scenario, fully checked; on a content error, the errors are shown and None is returned."""
    library = checked_library(app)
    if library is None:
        return None
    loaded = library.scenarios.get(scenario_id)
    if loaded is None:
        app.push(Screen.ERROR, errors=[str(e) for e in library.errors] or [tr("home.no_scenario", id=scenario_id)])
        return None
    return loaded.info


def _summaries(app: App) -> list[ScenarioSummary]:
    """The loaded library's scenarios; if the content has errors (the library loads for the first time after a
    session resumed from its log alone), the shipped scenarios, whose errors show when one is chosen."""
    from game.content.errors import ContentInvalid

    try:
        library = app.library
    except ContentInvalid:
        from game.content.summary import scenario_summaries
        from game.paths import shipped_scenarios

        return scenario_summaries(shipped_scenarios(), None)
    return [ScenarioSummary(s.info.id, s.info.title, s.info.description, s.info.mode, s.info.minutes.target,
                            s.info.minutes.max) for s in library.scenarios.values()]


class HomeScene(ListScene):
    title_key = "home.title"

    def __init__(self, app: App, summaries: list[ScenarioSummary] | None = None, unfinished: Path | None = None):
        """Without `summaries`, the scenarios of the loaded library (coming back from a session)."""
        self.missing: list[Path] = []  # logs of ended sessions without their sheet
        if summaries is None:
            summaries = _summaries(app)
            from game.session.logs import pending  # not at import: the first frame need not wait

            unfinished, self.missing = pending(app.sessions_dir)
        self.unfinished = unfinished
        self._resumable: tuple[str, str, str] | None | bool = False  # the resume row's panel, read once (False: not yet)
        self.scenarios = {s.id: s for s in sorted(summaries, key=lambda s: (s.id != DEFAULT, s.title))}
        # the focus on the default scenario, so that Enter starts it even with a session to resume above it
        super().__init__(app, focus=(unfinished is not None) + bool(self.missing))

    def offer_resume(self, unfinished: Path | None, missing: list[Path] | None = None) -> None:
        """Add "resume", and the sheets that ended sessions lack, once the logs have been looked at (after the
        first frame: reading them takes time)."""
        if missing:
            self.missing = missing
        if unfinished is not None and self.unfinished is None:
            self.unfinished = unfinished
            self.refresh()  # the focus stays on its row: Enter still starts the default scenario
        elif missing:
            self.refresh()
        self.app.dirty = True

    @property
    def has_plans(self) -> bool:
        """Whether a plan was saved: read again whenever the rows are (a plan saved from the setup screen shows)."""
        return bool(saved_plans(self.app.plans_dir))

    def choices(self) -> list[Choice]:
        """The rows that come and go (a session to resume, sheets to write) and those past the ninth answer to a
        letter, so that a scenario's number is the same from one day to the next."""
        choices = []
        if self.unfinished is not None:
            choices.append(Choice(tr("home.resume"), "resume", shortcut=tr("home.resume_key")))
        if self.missing:
            choices.append(Choice(tr("home.sheets", n=len(self.missing)), "sheets", shortcut=tr("home.sheets_key")))
        for s in self.scenarios.values():
            choices.append(Choice(s.title, f"scenario:{s.id}"))
        if self.has_plans:
            choices.append(Choice(tr("home.plans"), "plans", shortcut=tr("home.plans_key")))
        choices += [Choice(tr("home.train"), "train"), Choice(tr("home.language"), "language"),
                    Choice(tr("home.accessibility"), "access", shortcut=tr("home.access_key")),
                    Choice(tr("home.quit"), "quit", shortcut=tr("home.quit_key"))]
        return choices

    def write_missing_sheets(self) -> None:
        """The sheets of ended sessions that lack one, from their logs; what was written, or why not, is shown."""
        from game.debrief.ending import sheet_of
        from game.session.log import LogError
        from game.table.table import Table

        said = []
        for path in self.missing:
            try:
                said.append(tr("home.sheet_written", name=sheet_of(Table.read(path)).pdf.name))
            except LogError as exc:
                said.append(str(exc))
            except OSError as exc:
                said.append(disk_problem(exc, path.with_suffix(".pdf")))
            except Exception as exc:  # noqa: BLE001 -- one log that cannot be a sheet must not stop the others
                said.append(tr("disk.where", path=path.name, why=sheet_problem(exc, path)))
        self.missing = []
        self.refresh()
        self.app.push(Screen.ERROR, errors=said, title=tr("home.sheets_title", folder=display_path(self.app.sessions_dir)),
                      advice="")

    def layout(self, width: int, height: int) -> None:
        body = self.app.body
        big = self.app.settings.roomy  # margins and the list give the description room for big text
        pad = body // 2 if big else body * 3 // 2
        self.title_rect = pygame.Rect(pad, pad, width - 2 * pad, int(body * 2.4))
        top = self.title_rect.bottom + (body // 2 if big else body)
        list_w = int((width - 3 * pad) * (0.36 if big else 0.45))
        self.detail_rect = pygame.Rect(2 * pad + list_w, top, width - 3 * pad - list_w, height - top - pad)
        n, room, gap = len(self.buttons.choices), height - top - pad, body // 2
        # every choice in view while each stays a comfortable target; below that, the list scrolls
        each = max(int(self.app.line * 1.3), min(int(self.app.line * 1.9), (room - gap * (n - 1)) // max(1, n)))
        heights = [max(each, need) for need in self.buttons.needs(self.app, list_w)]  # text whole, at its size
        self.buttons.layout(pygame.Rect(pad, top, list_w, room), heights, gap)

    def draw(self, surface: pygame.Surface) -> None:
        theme, body = self.app.theme, self.app.body
        surface.fill(theme.background)
        title = line(self.app, surface, self.title, self.title_rect.topleft, int(body * 1.8), theme.text, bold=True)
        line(self.app, surface, tr("home.subtitle"), (title.right + body, title.bottom - body // 4), int(body * 1.1),
             theme.muted, anchor="bottomleft")  # the list's size, as all the home screen's text but two titles
        self.buttons.draw(self.app, surface)
        key = self.buttons.choices[self.buttons.focus].key
        if key.startswith("scenario:"):
            scenario = self.scenarios[key.split(":", 1)[1]]
            facts = (f"{tr('mode.' + scenario.mode)} · "
                     + tr("home.minutes", target=f"{scenario.target:g}", max=f"{scenario.maximum:g}"))
            self._describe(surface, scenario.title, facts, scenario.description)
        elif key == "train":
            self._describe(surface, tr("home.train"), tr("home.train_facts"), tr("home.train_description"))
        elif key == "plans":
            self._describe(surface, tr("home.plans"), tr("home.plans_facts"), tr("home.plans_description"))
        elif key == "language":
            self._describe(surface, tr("home.language"), tr("home.language_facts"), tr("home.language_description"))
        elif key == "resume" and (said := self.resumable()) is not None:
            self._describe(surface, *said)

    def resumable(self) -> tuple[str, str, str] | None:
        """The session to resume, for its panel: its scenario, when it began and how far it went, its teams; None
        when its log cannot be read (choosing it then says why). The log is read once, not at every frame."""
        if self._resumable is False and self.unfinished is not None:
            from game.present.room import room
            from game.session.log import LogError
            from game.table.table import Table

            self._resumable = None
            try:
                view = room(Table.read(self.unfinished))
            except (LogError, OSError):
                return None
            self._resumable = (view.scenario_title, tr("home.resume_facts", date=day(view.started),
                                                       number=view.number, total=view.total),
                               tr("home.resume_description", teams=", ".join(view.teams)))
        return self._resumable if isinstance(self._resumable, tuple) else None

    def _describe(self, surface: pygame.Surface, title: str, facts: str, description: str) -> None:
        """What the focused choice is: its title, a line of facts, and its description."""
        theme, body, rect = self.app.theme, self.app.body, self.detail_rect
        panel(surface, rect, theme.panel, theme.border)
        # big text: a smaller margin, no title (the focused row says it) and the facts at the body size, the room
        # for the description
        big = self.app.settings.roomy
        margin = body if big else 2 * body
        inner = rect.inflate(-margin, -margin)
        y = inner.y
        if not big:
            head = text_box(self.app, surface, title, pygame.Rect(inner.x, inner.y, inner.width, body * 4),
                            int(body * 1.4), theme.text, bold=True)
            y += head.height + body // 2
        size = body if big else int(body * 1.1)
        if text_width(self.app.fonts.get(size, True), facts) <= inner.width:
            line(self.app, surface, facts, (inner.x, y), size, theme.muted, bold=True)
            y += int(body * 1.8)
        else:  # big text: the facts over two lines
            said = text_box(self.app, surface, facts, pygame.Rect(inner.x, y, inner.width, self.app.line * 3), size,
                            theme.muted, bold=True)
            y += said.height + body // 2
        text_box(self.app, surface, description, pygame.Rect(inner.x, y, inner.width, inner.bottom - y), size,
                 theme.text)

    def choose(self, key: str) -> None:
        if key == "resume" and self.unfinished is not None:
            from game.debrief.ending import sheet_at_end
            from game.session.log import LogError
            from game.table.table import Table  # the rules load once a session is asked for

            try:
                table = Table.resume(self.unfinished, self.app.clock(), at_end=sheet_at_end)
            except LogError as exc:
                self.app.push(Screen.ERROR, errors=[str(exc)], title=tr("error.not_resumed"), advice="")
                return
            except OSError as exc:
                self.app.push(Screen.ERROR, errors=[disk_problem(exc, self.unfinished)],
                              title=tr("error.not_resumed"), advice="")
                return
            self.app.replace(Screen.PLAY, table=table)
            if table.damaged:
                self.app.push(Screen.ERROR, errors=[table.damaged], title=tr("error.resumed"), advice="")
        elif key == "sheets":
            self.write_missing_sheets()
        elif key.startswith("scenario:"):
            scenario = checked_scenario(self.app, key.split(":", 1)[1])
            if scenario is None:
                return
            setup = self.app.make(Screen.SETUP, scenario=scenario)
            if scenario.team_range.max == 1:
                setup.start()
            else:
                self.app.push(setup)
        elif key == "plans":
            if checked_library(self.app) is not None:
                self.app.push(Screen.PLANS)
        elif key == "train":
            if checked_library(self.app) is not None:
                self.app.push(Screen.TRAIN)
        elif key == "language":  # the other language: two for now, each named in its own words
            settings = self.app.settings
            settings.language = next(lang for lang in LANGUAGES if lang != settings.language)
            self.app.apply_settings(save=True)
            self.refresh()
        elif key == "access":
            self.app.push(Screen.ACCESSIBILITY)
        elif key == "quit":
            self.app.push(Screen.CONFIRM, question_key="confirm.leave", on_yes=self.app.pop_all)
