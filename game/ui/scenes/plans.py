"""The session plans saved on this computer: one chosen opens the team setup as it was saved, ready to start."""

from __future__ import annotations

from pathlib import Path

from game.content.plan import TITLE_MAX, read_plan
from game.content.yamlsource import read_yaml
from game.paths import display_path
from game.ui.app import App
from game.ui.listing import ListScene
from game.ui.planfiles import saved_plans
from game.ui.screens import Screen
from game.ui.widgets import Choice
from game.wording.catalogue import tr
from game.wording.players import day


def _saved(path: Path) -> str:
    """When the plan was saved; nothing for a file gone since the list was read (it is said when chosen)."""
    try:
        return tr("plans.saved", date=day(path.stat().st_mtime))
    except OSError:
        return ""


def _title(path: Path) -> str:
    """A plan's title as its file says it, or the file's name where it says none (it is checked when chosen)."""
    data = read_yaml(path, path.name).data
    plan = data.get("plan") if isinstance(data, dict) else None
    title = plan.get("title") if isinstance(plan, dict) else None
    said = title.strip() if isinstance(title, str) and title.strip() else path.stem
    return said[:TITLE_MAX]  # a hand-written title too long is refused with its line when chosen


class PlansScene(ListScene):
    title_key = "plans.title"

    def __init__(self, app: App):
        self.plans = saved_plans(app.plans_dir)
        super().__init__(app)

    def lines(self) -> list[str]:
        return [tr("plans.where", folder=display_path(self.app.plans_dir))]

    def choices(self) -> list[Choice]:
        rows = [Choice(_title(path), f"plan:{n}", detail=_saved(path)) for n, path in enumerate(self.plans)]
        return rows + [Choice(tr("setup.back"), "back", shortcut=tr("setup.back_key"))]

    def choose(self, key: str) -> None:
        if key == "back":
            self.app.pop()
            return
        open_plan(self.app, self.plans[int(key.split(":")[1])])

    def cancel(self) -> None:
        self.app.pop()


def open_plan(app: App, path: Path, seed: int | None = None) -> None:
    """The team setup as `path` saved it; its mistakes, each at its line, instead when it no longer matches the
    decks. What changed in its decks since (a newer version) is said on the setup screen."""
    plan = read_plan(path, app.library)
    if plan.errors or plan.info is None or plan.scenario is None:
        app.push(Screen.ERROR, errors=[str(e) for e in plan.errors], title=tr("plans.not_opened"),
                 advice=tr("plans.advice"))
        return
    app.push(Screen.SETUP, scenario=plan.scenario, names=list(plan.info.teams), answering=plan.info.answering,
             chosen=plan.info.cards, plan=path, seed=seed, plan_title=plan.info.title,
             status=" ".join(str(note.message) for note in plan.notes))
