"""Team setup: how many teams (within the scenario's range) and their names; the defaults need no typing."""

from __future__ import annotations

import secrets

from game.answer_cards import write_answer_cards
from game.content.models import ScenarioInfo
from game.debrief.ending import sheet_at_end
from game.desktop import saved_and_opened
from game.diskerrors import disk_problem
from game.paths import display_path
from game.table.table import Table, deal, teams_in_turn
from game.ui.app import App
from game.ui.intents import Act, Intent
from game.ui.listing import ListScene, NameEntry
from game.ui.screens import Screen
from game.ui.widgets import Choice
from game.wording.catalogue import ntr
from game.wording.players import team_names, tr


class SetupScene(ListScene):
    title_key = "setup.title"

    def __init__(self, app: App, scenario: ScenarioInfo, seed: int | None = None):
        self.scenario = scenario
        self.seed = seed
        self.names = team_names(scenario, None)
        self.answering = scenario.answering  # the scenario's default; the facilitator may switch it
        self.editing: int | None = None
        self.status = ""  # what became of the answer cards, once asked for, or of a name's refused characters
        self.entry: NameEntry | None = None  # the name being typed
        # one team in turn, how many teams the scenario's time gives a round per aspect of the panorama
        self.served = teams_in_turn(scenario, app.library.pool(scenario))
        self._dealt: dict[tuple[int, str], bool] = {}
        super().__init__(app, focus=len(self.rows_before_names()) + len(self.names))  # on "Start": Enter alone starts

    def rows_before_names(self) -> list[Choice]:
        limits = self.scenario.team_range  # a count to choose only where there is a choice (« Nombre d'équipes : 1 »)
        rows = [Choice(tr("setup.count", n=len(self.names)) + "   − / +", "count")] if limits.max > limits.min else []
        if self.several_teams:
            label = tr(f"setup.answering_{self.answering}")
            if self.answering == "rotation" and self.served < self.scenario.team_range.max:
                label += " " + tr("setup.rotation_up_to", n=self.served)  # what this scenario's time serves
            rows.append(Choice(label + "   < >", "answering"))
        return rows

    @property
    def several_teams(self) -> bool:
        """The scenario may be played by several teams: who answers, and answer cards, are worth asking."""
        return self.scenario.team_range.max > 1

    @property
    def typing(self) -> bool:
        return self.editing is not None

    def lines(self) -> list[str]:
        return [f"{self.scenario.title} · {self.status or self.too_many or tr('setup.edit_hint')}"]

    @property
    def too_many(self) -> str:
        """Why this many teams cannot play here (one at a time, or at all: the draw deals them no card), or
        nothing."""
        if self.answering == "rotation" and len(self.names) > self.served:
            return tr("setup.rotation_limit", n=self.served)
        if not self.dealt(len(self.names), self.answering):
            return tr("start.no_cards", teams=ntr("count.teams", len(self.names)), title=self.scenario.title)
        return ""

    def dealt(self, teams: int, answering: str) -> bool:
        """Whether the draw deals this many teams any card; asked once per count and mode (a draw per frame
        would cost)."""
        key = (teams, answering)
        if key not in self._dealt:
            self._dealt[key] = bool(deal(self.scenario, self.app.library.pool(self.scenario), teams, answering))
        return self._dealt[key]

    def paired(self) -> tuple[range, ...]:
        """The names two by two, and the answer cards beside "Back"."""
        first = len(self.rows_before_names())
        after = first + len(self.names) + 1  # past "Start"
        return (range(first, first + len(self.names)),) + ((range(after, after + 2),) if self.several_teams else ())

    def choices(self) -> list[Choice]:
        names = [Choice(name + ("|" if i == self.editing else ""), f"name:{i}") for i, name in enumerate(self.names)]
        return (self.rows_before_names() + names
                + [Choice(tr("setup.start"), "start")]
                + ([Choice(tr("setup.cards"), "cards", shortcut=tr("setup.cards_key"))] if self.several_teams else [])
                + [Choice(tr("setup.back"), "back", shortcut=tr("setup.back_key"))])  # Escape goes back

    def handle(self, intent: Intent) -> None:
        if self.editing is not None:
            self._edit(intent)
            return
        step = self.stepped(intent, "count")
        if step:
            self._count(step)
            return
        if self.buttons.choices[self.buttons.focus].key == "answering" and intent.kind in (Act.LEFT, Act.RIGHT):
            self.choose("answering")
            return
        super().handle(intent)

    def _edit(self, intent: Intent) -> None:
        i, entry = self.editing, self.entry
        assert i is not None and entry is not None
        done = entry.handle(intent)
        self.names[i], self.status = entry.text, entry.status
        if done:
            self.names[i] = self.names[i].strip() or team_names(self.scenario, len(self.names))[i]
            self.editing = self.entry = None
            self.status = ""
        self.refresh()

    def _count(self, step: int) -> None:
        limits = self.scenario.team_range
        n = min(limits.max, max(limits.min, len(self.names) + step))
        defaults = team_names(self.scenario, n)
        self.names = (self.names + defaults[len(self.names):])[:n]
        self.refresh()

    def choose(self, key: str) -> None:
        if key == "count":
            limits = self.scenario.team_range
            self._count(1 if len(self.names) < limits.max else limits.min - len(self.names))
        elif key == "answering":
            self.answering = "rotation" if self.answering == "all" else "all"
            self.refresh()
        elif key.startswith("name:"):
            self.editing = int(key.split(":")[1])
            self.entry = NameEntry(self.names[self.editing])
            self.refresh()
        elif key == "start":
            self.start()
        elif key == "cards":
            self.print_cards()
        elif key == "back":
            self.app.pop()

    def print_cards(self) -> None:
        """The teams' answer cards as a PDF in the sessions folder, opened in the system's viewer to print."""
        path = self.app.sessions_dir / f"cartes-reponses-{self.scenario.id}.pdf"
        try:
            write_answer_cards(self.scenario.title, self.names, path)
        except OSError as exc:
            self.status = tr("setup.cards_failed", folder=display_path(path.parent),
                             reason=disk_problem(exc, path))
        else:
            self.status = saved_and_opened("setup.cards_written", path)
        self.refresh()

    def cancel(self) -> None:
        self.app.pop()

    def start(self) -> None:
        """Draw the cards, open the session's log, and show the first card."""
        if self.too_many:  # said on the screen already; the room must see why nothing starts
            self.app.push(Screen.ERROR, errors=[self.too_many], title=tr("setup.not_started"), advice="")
            return
        library = self.app.library
        seed = self.seed if self.seed is not None else secrets.randbelow(1_000_000)
        try:
            table = Table.start_new(self.app.sessions_dir, self.scenario, library.pool(self.scenario), self.names,
                                    seed, library.aspect_labels(self.scenario), self.app.clock(),
                                    answering=self.answering, at_end=sheet_at_end)
        except OSError as exc:  # no log, no session: the room must know before it plays
            self.app.push(Screen.ERROR, errors=[disk_problem(exc, self.app.sessions_dir)], title=tr("error.not_started"),
                          advice="")
            return
        self.app.replace(Screen.PLAY, table=table)
