"""The end screen: the result, and the sheet the table wrote the moment the session ended, to open or print."""

from __future__ import annotations

from game.content.errors import display_path
from game.desktop import open_file, print_file
from game.table.table import Table
from game.ui.app import App
from game.ui.listing import ListScene
from game.ui.widgets import Choice
from game.wording.players import end_reason, result, result_lines, tr


class EndScene(ListScene):
    title = tr("end.title")

    def __init__(self, app: App, table: Table):
        self.table = table
        self.status = ""
        super().__init__(app)

    def lines(self) -> list[str]:
        standings, table = self.table.standings(), self.table
        said = result(standings)
        head = said[0].upper() + said[1:] if standings.win == "gauges" else tr("end.winner", name=said)
        lines = [f"{head} ({end_reason(standings.end_reason)})", " · ".join(result_lines(standings))]
        if table.sheet is not None:
            lines.append(tr("end.sheet", name=table.sheet.pdf.name, folder=display_path(table.sheet.pdf.parent)))
        elif table.sheet_error is not None:
            lines.append(tr("end.sheet_failed", reason=table.sheet_error))
        return lines + ([self.status] if self.status else [])

    def choices(self) -> list[Choice]:
        sheet = [Choice(tr("end.open"), "open"), Choice(tr("end.print"), "print")] if self.table.sheet else []
        return sheet + [Choice(tr("end.home"), "home"), Choice(tr("end.quit"), "quit")]

    def choose(self, key: str) -> None:
        sheet = self.table.sheet
        if key == "open" and sheet is not None:
            self.status = open_file(sheet.pdf)
        elif key == "print" and sheet is not None:
            self.status = print_file(sheet.pdf)
        elif key == "home":
            self.app.replace("home")
            return
        else:
            self.app.pop_all()
            return
        self.refresh()
