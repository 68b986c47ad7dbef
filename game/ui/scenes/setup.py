"""Team setup: how many teams (within the scenario's range) and their names, who answers, the cards chosen for the
audience; the last workshop's teams come back, and the whole set-up can be kept as a session plan."""

from __future__ import annotations

import secrets
from pathlib import Path

from game.answer_cards import write_answer_cards
from game.atomic import write_text_atomic
from game.content.fields import slug
from game.content.models import ScenarioInfo
from game.content.plan import PLAN_SUFFIX
from game.content.plan import TITLE_MAX as PLAN_TITLE_MAX
from game.debrief.ending import sheet_at_end
from game.desktop import saved_and_opened
from game.diskerrors import disk_problem
from game.paths import display_path
from game.table.table import Table, chosen_minutes, deal, teams_in_turn
from game.ui.app import App
from game.ui.intents import Act, Intent
from game.ui.listing import ListScene, NameEntry
from game.ui.presenter import open_presenter
from game.ui.screens import Screen
from game.ui.widgets import Choice
from game.wording.catalogue import ntr
from game.wording.players import team_names, tr


class SetupScene(ListScene):
    title_key = "setup.title"

    def __init__(self, app: App, scenario: ScenarioInfo, seed: int | None = None, names: list[str] | None = None,
                 answering: str | None = None, chosen: list[str] | None = None, plan: Path | None = None,
                 plan_title: str = "", status: str = ""):
        """Without `names`, the last workshop's teams (as many as the scenario allows); `chosen`: the cards a plan
        chose (None: the scenario's draw); `plan`: the file they came from, which saving the plan rewrites, under
        its `plan_title`; `status`: what to say first (what changed in the plan's decks)."""
        self.scenario = scenario
        self.seed = seed
        settings = app.settings
        self.names = names or _remembered(scenario, settings.teams)
        # the plan's, the last workshop's, or the scenario's default; the facilitator may switch it
        self.answering = answering or (settings.answering if names is None and settings.answering else None) \
            or scenario.answering
        self.chosen = chosen
        self.plan = plan
        self.plan_title = plan_title  # the plan's title: being typed when saving it
        self.editing: int | None = None  # the team name being typed, or -1 the plan's title
        self.status = status  # what became of the answer cards, once asked for, or of a name's refused characters
        self.entry: NameEntry | None = None  # the name being typed
        # one team in turn, how many teams the scenario's time gives a round per aspect of the panorama
        self.served = teams_in_turn(scenario, app.library.pool(scenario))
        self._dealt: dict[tuple[int, str], bool] = {}
        super().__init__(app, focus=len(self.rows_before_names()) + len(self.names))  # on "Start": Enter alone starts

    def rows_before_names(self) -> list[Choice]:
        limits = self.scenario.team_range  # a count to choose only where there is a choice (« Nombre d'équipes : 1 »)
        rows = [Choice(tr("setup.count", n=len(self.names)) + "\u00a0\u00a0 −\u00a0/\u00a0+", "count")] if limits.max > limits.min else []
        if self.several_teams:
            label = tr(f"setup.answering_{self.answering}")
            if self.answering == "rotation" and self.served < self.scenario.team_range.max:
                label += " " + tr("setup.rotation_up_to", n=self.served)  # what this scenario's time serves
            rows.append(Choice(label + "\u00a0\u00a0 <\u00a0>", "answering"))
        return rows

    @property
    def several_teams(self) -> bool:
        """The scenario may be played by several teams: who answers, and answer cards, are worth asking."""
        return self.scenario.team_range.max > 1

    @property
    def typing(self) -> bool:
        return self.editing is not None

    def lines(self) -> list[str]:
        title = f"{self.plan_name} · " if self.plan is not None else ""
        return [f"{title}{self.scenario.title} · {self.status or self.too_many or tr('setup.edit_hint')}"]

    @property
    def plan_name(self) -> str:
        """The title of the plan this set-up came from (or was saved as)."""
        return self.plan_title or (self.plan.stem if self.plan is not None else "")

    @property
    def too_many(self) -> str:
        """Why this many teams cannot play here (one at a time, or at all: the draw deals them no card), or
        nothing."""
        if self.chosen is not None:  # every chosen card is played; the selection warns about the panorama
            return ""
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
        """The names two by two, the card selection beside saving the plan, and the rows after them two by two
        (the answer cards, the presenter window, "Back")."""
        first = len(self.rows_before_names())
        after = first + len(self.names) + 1  # past "Start"
        end = after + 3 + len(self.extra_rows())  # past "Back"
        return (range(first, first + len(self.names)), range(after, after + 2)) + tuple(
            range(row, row + 2) for row in range(after + 2, end - 1, 2))

    def extra_rows(self) -> list[Choice]:
        """The answer cards (several teams) and the presenter window (a second screen), before "Back"."""
        return (([Choice(tr("setup.cards"), "cards", shortcut=tr("setup.cards_key"))] if self.several_teams else [])
                + ([Choice(tr("setup.presenter"), "presenter", shortcut=tr("setup.presenter_key"))]
                   if self.app.presenter is None and self.app.second_display() else []))

    def choices(self) -> list[Choice]:
        names = [Choice(name + ("|" if i == self.editing else ""), f"name:{i}") for i, name in enumerate(self.names)]
        save = tr("setup.plan_title", title=self.plan_title + "|") if self.editing == -1 else tr("setup.save_plan")
        return (self.rows_before_names() + names
                + [Choice(tr("setup.start"), "start"),
                   Choice(self.selection(), "select", shortcut=tr("setup.select_key")),
                   Choice(save, "plan", shortcut=tr("setup.plan_key"))]
                + self.extra_rows()
                + [Choice(tr("setup.back"), "back", shortcut=tr("setup.back_key"))])  # Escape goes back

    def selection(self) -> str:
        """The card selection's row: the scenario's draw, or how many cards were chosen and their minutes."""
        if self.chosen is None:
            return tr("setup.select_draw")
        minutes = chosen_minutes(self.app.library.pool(self.scenario), self.chosen, self.answering, len(self.names))
        return ntr("setup.select_chosen", len(self.chosen), minutes=f"{minutes:.0f}")

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
        if i == -1:
            self._edit_title(intent, done)
            return
        self.names[i], self.status = entry.text, entry.status
        if done:
            typed, others = self.names[i].strip(), self.names[:i] + self.names[i + 1:]
            if typed in others:  # two teams of one name: the room could not tell them apart, nor a plan be opened
                self.status = tr("setup.name_taken", name=typed)
                self.refresh()
                return
            own = team_names(self.scenario, self.scenario.team_range.max)[i]  # its place's default, else a free one
            self.names[i] = typed or (own if own not in others else _filled(others, self.scenario, len(self.names))[-1])
            self.editing = self.entry = None
            self.status = ""
        self.refresh()

    def _edit_title(self, intent: Intent, done: bool) -> None:
        """The plan's title being typed: Enter saves the plan under it, Escape gives up."""
        assert self.entry is not None
        self.plan_title, self.status = self.entry.text, self.entry.status or tr("setup.plan_hint")
        if done:
            self.editing = self.entry = None
            self.status = ""
            if intent.kind == Act.CONFIRM and self.plan_title.strip():
                self.save_plan(self.plan_title.strip())
        self.refresh()

    def _count(self, step: int) -> None:
        limits = self.scenario.team_range
        n = min(limits.max, max(limits.min, len(self.names) + step))
        self.names = _filled(self.names, self.scenario, n)
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
        elif key == "select":
            self.app.push(Screen.CARDS, scenario=self.scenario, chosen=self.chosen, teams=len(self.names),
                          answering=self.answering, on_done=self.selected)
        elif key == "plan":
            self.editing = -1
            self.entry = NameEntry((self.plan_name or self.scenario.title)[:PLAN_TITLE_MAX], PLAN_TITLE_MAX)
            self.plan_title, self.status = self.entry.text, tr("setup.plan_hint")
            self.refresh()
        elif key == "cards":
            self.print_cards()
        elif key == "presenter":  # the room's view on the projector, this screen's on the laptop
            self.status = open_presenter(self.app) or tr("setup.presenter_opened")
            self.refresh()
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

    def selected(self, chosen: list[str] | None) -> None:
        """The card selection screen's answer: the chosen cards, or None for the scenario's draw."""
        self.chosen = chosen
        self.refresh()

    def save_plan(self, title: str) -> None:
        """The set-up as a plan file in the plans folder (or back where it came from); where it went, or why not."""
        from game.content.plan import plan_of, plan_text

        info = plan_of(title, self.scenario, self.names, self.answering if self.several_teams else None, self.chosen,
                       self.app.library)
        path = self.plan if self.plan is not None else free_name(self.app.plans_dir, slug(title) or "plan", PLAN_SUFFIX)
        try:
            write_text_atomic(path, plan_text(info, tr("plan.heading")))
        except OSError as exc:
            self.status = tr("setup.plan_failed", folder=display_path(path.parent), reason=disk_problem(exc, path))
        else:
            self.plan = path
            self.status = tr("setup.plan_saved", name=path.name, folder=display_path(path.parent))

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
                                    answering=self.answering, chosen=self.chosen,
                                    origins=library.origins(self.scenario), languages=library.languages(self.scenario),
                                    at_end=sheet_at_end)
        except OSError as exc:  # no log, no session: the room must know before it plays
            self.app.push(Screen.ERROR, errors=[disk_problem(exc, self.app.sessions_dir)], title=tr("error.not_started"),
                          advice="")
            return
        if self.several_teams:
            self.app.settings.remember_workshop(self.names, self.answering, self.app.settings_path)
        self.app.replace(Screen.PLAY, table=table)


def _remembered(scenario: ScenarioInfo, teams: list[str]) -> list[str]:
    """The last workshop's team names, as many as the scenario allows (its default names fill up to its least);
    the scenario's default names when there was none, or for a solo scenario."""
    limits = scenario.team_range
    if not teams or limits.max == 1:
        return team_names(scenario, None)
    return _filled(list(dict.fromkeys(teams))[:limits.max], scenario, max(limits.min, min(len(teams), limits.max)))


def _filled(names: list[str], scenario: ScenarioInfo, n: int) -> list[str]:
    """`names` cut or filled up to `n` with the scenario's default names that no team has yet."""
    free = [name for name in team_names(scenario, scenario.team_range.max) if name not in names]
    return (names + free)[:n]


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """A file name in `folder` that no file has yet: `stem`, then `stem-2`…"""
    path, n = folder / f"{stem}{suffix}", 2
    while path.exists():
        path, n = folder / f"{stem}-{n}{suffix}", n + 1
    return path
