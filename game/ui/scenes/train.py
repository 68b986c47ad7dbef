"""M'entraîner seul: who trains, on what, for how long, with or without the clock; or review the mistakes."""

from __future__ import annotations

import secrets

from game.diskerrors import disk_problem
from game.progress.profiles import default_profile, profile_problem
from game.progress.sync import learner
from game.progress.training import (
    LENGTHS,
    review_session,
    start_training,
    themes,
    training_scenario,
)
from game.ui.app import App
from game.ui.intents import Act, Intent
from game.ui.listing import ListScene, NameEntry
from game.ui.screens import Screen
from game.ui.widgets import Choice
from game.wording.catalogue import ntr
from game.wording.players import day, tr


class TrainScene(ListScene):
    title_key = "train.screen_title"

    def __init__(self, app: App, profile: str | None = None):
        self.app = app  # read before the list is built: the rows depend on the learner's progress
        self.themes = themes(app.library)
        self.theme, self.minutes, self.timed = 0, LENGTHS[1], False
        last = app.settings.profile  # the learner who trained last here, checked as any name is
        self.profile = profile or (last if last and profile_problem(last) is None else default_profile())
        self.entry: NameEntry | None = None
        self._read()
        super().__init__(app, focus=0)
        self.buttons.focus = [c.key for c in self.buttons.choices].index("start")

    def _read(self) -> None:
        self.report, known, self.problem = learner(self.app.sessions_dir, self.profile)
        self.profiles = list(dict.fromkeys([self.profile, *known]))
        self.due = self.report.due_now(self.app.clock())

    @property
    def typing(self) -> bool:
        return self.entry is not None

    def lines(self) -> list[str]:
        if self.entry is not None:
            return [self.entry.status or tr("train.typing_profile")]
        waiting = self.report.review
        if waiting and not self.due and not self.problem:  # nothing due today: when the review row comes back
            soonest = day(min(card.due for card in waiting))
            return [tr("train.screen_note"), ntr("train.next_review", len(waiting), date=soonest)]
        return [self.problem or tr("train.screen_note")]

    def choices(self) -> list[Choice]:
        profile = self.entry.text + "|" if self.entry is not None else self.profile
        rows = [Choice(tr("train.profile", name=profile) + ("" if self.entry else "   < >"), "profile")]
        if self.due:
            rows.append(Choice(tr("train.review_row", n=len(self.due)), "review", shortcut=tr("train.review_key")))
        rows += [Choice(tr("train.theme", theme=self.themes[self.theme][1]) + "   < >", "theme"),
                 Choice(tr("train.length", minutes=self.minutes) + "   < >", "length"),
                 Choice(tr("train.clock_on" if self.timed else "train.clock_off"), "timed"),
                 Choice(tr("train.start"), "start"),
                 Choice(tr("train.progress"), "progress"),
                 Choice(tr("setup.back"), "back")]
        return rows

    def handle(self, intent: Intent) -> None:
        if self.entry is not None:
            if self.entry.handle(intent):
                name = self.entry.text.strip()
                self.entry = None
                problem = profile_problem(name) if name else None
                if problem is not None:
                    self.problem = tr("train.bad_profile", problem=problem)
                elif name:
                    self.profile = name
                    self._read()
            self.refresh()
            return
        focused = self.buttons.choices[self.buttons.focus].key
        if intent.kind in (Act.LEFT, Act.RIGHT) and focused in ("profile", "theme", "length"):
            self._step(focused, 1 if intent.kind == Act.RIGHT else -1)
            return
        super().handle(intent)

    def _step(self, row: str, step: int) -> None:
        if row == "profile":
            self.profile = self.profiles[(self.profiles.index(self.profile) + step) % len(self.profiles)]
            self._read()
        elif row == "theme":
            self.theme = (self.theme + step) % len(self.themes)
        else:
            self.minutes = LENGTHS[(LENGTHS.index(self.minutes) + step) % len(LENGTHS)]
        self.refresh()

    def choose(self, key: str) -> None:
        if key == "profile":  # Enter: a new name, typed
            self.entry = NameEntry("")
            self.refresh()
        elif key in ("theme", "length"):
            self._step(key, 1)
        elif key == "timed":
            self.timed = not self.timed
            self.refresh()
        elif key in ("start", "review"):
            self.start(review=key == "review")
        elif key == "progress":
            self.app.push(Screen.PROGRESS, profile=self.profile, on_review=lambda: self.start(review=True),
                          on_profile=self.profile_changed)
        elif key == "back":
            self.app.pop()

    def cancel(self) -> None:
        self.app.pop()

    def profile_changed(self, name: str | None) -> None:
        """The profile was renamed (`name`) or deleted (None) from the progress screen."""
        self.profile = name or default_profile()
        self._read()
        self.refresh()

    def start(self, review: bool = False) -> None:
        library, now = self.app.library, self.app.clock()
        if review:
            chosen = review_session(library, [c.card for c in self.due])
            if chosen.scenario is None:
                self.app.push(Screen.ERROR, errors=[tr("train.nothing_due", profile=self.profile)], title=tr("train.screen_title"),
                              advice="")
                return
            scenario, pool = chosen.scenario, chosen.cards
        else:
            scenario = training_scenario(library, self.themes[self.theme][0], self.minutes, self.timed)
            pool = library.pool(scenario)
        try:
            table = start_training(library, self.app.sessions_dir, scenario, pool, self.profile,
                                   secrets.randbelow(1_000_000), now)
            self.app.settings.remember(self.profile, self.app.settings_path)  # like the display choices
        except OSError as exc:
            self.app.push(Screen.ERROR, errors=[disk_problem(exc, self.app.sessions_dir)], title=tr("error.not_started"),
                          advice="")
            return
        self.app.replace(Screen.PLAY, table=table)
