"""The end screen (result in a few lines) and the debriefing screen (the sheet, written and shown)."""

from __future__ import annotations

from game.debrief.files import Written, write_debrief
from game.desktop import open_file, print_file
from game.results import END_REASONS, result_lines, winner_text
from game.session.recorded import RecordedSession
from game.ui.app import App
from game.ui.scenes.listing import ListScene
from game.ui.strings import tr
from game.ui.widgets import Choice


class EndScene(ListScene):
    title = tr("end.title")

    def __init__(self, app: App, recorded: RecordedSession):
        self.rec = recorded
        super().__init__(app)

    def lines(self) -> list[str]:
        game, state = self.rec.session.game, self.rec.state
        result = winner_text(game, state)
        head = result[0].upper() + result[1:] if game.scenario.win == "gauges" else tr("end.winner", name=result)
        return [f"{head} ({END_REASONS.get(state.end_reason or '', '')})"] + [r.strip() for r in result_lines(game, state)]

    def choices(self) -> list[Choice]:
        return [Choice(tr("end.debrief"), "debrief"), Choice(tr("end.home"), "home")]

    def choose(self, key: str) -> None:
        if key == "debrief":
            self.app.replace(DebriefScene(self.app, write_debrief(self.rec.path)))
        else:
            go_home(self.app)


class DebriefScene(ListScene):
    title = tr("debrief.title")

    def __init__(self, app: App, written: Written):
        self.written = written
        self.status = ""
        super().__init__(app)

    def lines(self) -> list[str]:
        lines = [f"{tr('debrief.written')} {self.written.pdf}", f"{tr('debrief.csv')} {self.written.csv}"]
        return lines + ([self.status] if self.status else [])

    def choices(self) -> list[Choice]:
        return [Choice(tr("debrief.open"), "open"), Choice(tr("debrief.print"), "print"),
                Choice(tr("debrief.home"), "home"), Choice(tr("debrief.quit"), "quit")]

    def choose(self, key: str) -> None:
        if key == "open":
            self.status = open_file(self.written.pdf)
        elif key == "print":
            self.status = print_file(self.written.pdf)
        elif key == "home":
            go_home(self.app)
            return
        else:
            self.app.pop_all()
            return
        self.refresh()


def go_home(app: App) -> None:
    from game.content.summary import ScenarioSummary
    from game.session.recorded import latest_unfinished
    from game.ui.scenes.home import HomeScene

    summaries = [ScenarioSummary(s.info.id, s.info.title, s.info.description, s.info.mode, s.info.minutes.target,
                                 s.info.minutes.max) for s in app.library.scenarios.values()]
    app.replace(HomeScene(app, summaries, latest_unfinished(app.sessions_dir)))
