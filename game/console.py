"""A keyboard-only text front end: plays a session at the table in a terminal, line by line.

It reads the table's views and sends it actions; every action is on disk before the screen moves on,
and the table writes the sheet when the session ends. Input, output and the clock are passed in, so
tests drive it like a user.
"""

from __future__ import annotations

from collections.abc import Callable

from game.content.models import constraint_label
from game.engine.vocabulary import Action, ActionType, Phase
from game.table.table import Table
from game.table.view import Mark, PlayView, TableView
from game.diskerrors import sheet_problem
from game.wording.players import end_reason, refusal, result, result_lines, tr

RULE, DOUBLE_RULE = "─" * 60, "═" * 60


class Console:
    def __init__(self, table: Table, read: Callable[[str], str], write: Callable[[str], None],
                 clock: Callable[[], float]):
        self.table = table
        self.read, self.write, self.clock = read, write, clock

    def run(self) -> bool:
        """Play until the end; False when input stops first (the session stays resumable)."""
        self.write(tr("console.help"))
        shown: tuple[int, str, bool] | None = None
        while not self.table.over:
            view = self.table.view()
            if shown != (view.number, view.phase, view.paused):
                shown = (view.number, view.phase, view.paused)
                self.show(view)
            try:
                line = self.read(self.prompt(view))
            except (EOFError, KeyboardInterrupt):
                self.write("\n" + tr("console.interrupted", path=self.table.path))
                self.write(tr("console.how_to_resume", path=self.table.path))
                return False
            action = self.parse(line.strip(), view)
            if action is None:
                continue
            refused = self.table.act(action, self.clock())
            if refused is not None:
                self.write(refusal(refused))
            elif action.type == ActionType.UNDO:
                shown = None
            elif action.type == ActionType.NOTE:
                note = self.table.view().note
                self.write(tr("console.note_saved", note=note) if note else tr("console.note_cleared"))
        self.show_end()
        return True

    def parse(self, line: str, view: TableView) -> Action | None:
        if line == "?":
            self.write(tr("console.help"))
            return None
        if line == "":
            return Action(ActionType.NEXT)
        if view.every_team and line.replace(" ", "").replace("+", "").isdigit():
            return self.room_answer(line, view)
        if line.replace(" ", "").isdigit():
            return Action(ActionType.ANSWER, tuple(sorted({int(x) - 1 for x in line.split()})))
        command, _, rest = line.partition(" ")
        if command == "n":
            return Action(ActionType.NOTE, text=rest.strip())
        if command == "f":
            confirm = self.read(tr("console.confirm_end")).strip().lower()
            return Action(ActionType.END) if confirm in ("o", "oui") else None
        simple = {"s": ActionType.SKIP, "u": ActionType.UNDO,
                  "p": ActionType.RESUME if view.paused else ActionType.PAUSE}
        if command in simple:
            return Action(simple[command])
        self.write(tr("console.unknown") + " " + tr("console.help"))
        return None

    def room_answer(self, line: str, view: TableView) -> Action | None:
        """Every team's answer in team order ("2 1 3", "1+3" for several choices); on a split room, the
        facilitator says which choice happens."""
        teams = tuple(tuple(sorted({int(x) - 1 for x in part.split("+") if x})) for part in line.split())
        tied = view.tied(teams) if len(teams) == len(view.teams) else ()
        if not tied:
            return Action(ActionType.ANSWER, teams=teams)
        numbers = " / ".join(str(c[0] + 1) for c in tied)
        pick = self.read(tr("console.tie", choices=numbers)).strip()
        chosen = (int(pick) - 1,) if pick.isdigit() else ()
        if chosen not in tied:
            self.write(tr("refusal.tie"))
            return None
        return Action(ActionType.ANSWER, chosen, teams=teams)

    def prompt(self, view: TableView) -> str:
        if view.paused:
            return tr("console.prompt_paused")
        if not view.clock.timed:
            spent = int(view.clock.elapsed_at(self.clock()))
            return tr("console.prompt_spent", minutes=spent // 60, seconds=spent % 60)
        left = max(0, int(view.clock.remaining_at(self.clock())))
        return tr("console.prompt", minutes=left // 60, seconds=left % 60)

    def show(self, view: TableView) -> None:
        card = view.card
        if view.paused:
            self.write("\n" + tr("console.paused"))
            return
        if view.reveal is not None:
            self.show_reveal(view.reveal)
            on = view.reveal.step is not None and view.reveal.reached is None  # the parcours goes on
            self.write(tr("console.next_step" if on else "console.next"))
            return
        who = view.team_name or tr("play.every_team" if view.every_team and card.team_answers else "play.table")
        self.write("\n" + RULE)
        self.write(tr("console.card", n=view.number, total=view.total, kind=tr(f"kind.{card.kind}"),
                      aspect=view.aspect_label, who=who))
        self.write(" | ".join(result_lines(self.table.standings())))
        _INTRODUCE[card.kind](self, card)
        self.write("")
        self.write((view.step or card).prompt)
        for i, text in enumerate(view.choices, start=1):
            self.write(f"  {i}. {text}")
        if view.every_team and view.phase == Phase.ANSWER:
            self.write(tr("console.every_team", teams=", ".join(view.teams)))
        elif view.several:
            self.write(tr("console.multiple"))
        if view.phase == Phase.DISCUSS:
            for hint in card.hints:
                self.write(f"  · {hint}")
            if view.note:
                self.write(tr("play.note", note=view.note))
            self.write(tr("console.debate"))

    def _persona(self, card) -> None:
        self.write(f"{tr('persona.who', name=card.name, age=card.age)}. {card.situation}")
        self.write(tr("play.need", need=card.need))
        if card.constraints:
            self.write(tr("console.constraints", list=", ".join(constraint_label(c) for c in card.constraints)))
        if card.quote:
            self.write(f"« {card.quote} »")

    def _situation(self, card) -> None:
        if card.partner:
            self.write(tr("console.partner", partner=card.partner))

    def _plain(self, card) -> None:
        pass

    def show_reveal(self, play: PlayView) -> None:
        card = play.card
        if play.verdicts:
            self.write(tr(f"mark.{play.mark}") + ".")
            if len(play.verdicts) > 1:
                texts = play.choices
                for v in play.verdicts:
                    given = "+".join(str(c + 1) for c in v.choices)
                    self.write(tr("console.team_verdict", team=v.name, given=given, mark=tr(f"mark.{v.mark}")))
                if play.applied:
                    votes = play.votes(play.applied[0])
                    self.write(tr("console.applied", choice=texts[play.applied[0]],
                                  votes=f"{votes} équipe{'s' if votes > 1 else ''}"))
            if play.mark in (Mark.RIGHT, Mark.WRONG):
                self.write(tr("console.right", answers=" ; ".join(play.choices[i] for i in play.right)))
            if play.explanation is not None:
                self.write(play.explanation.text)
                if play.explanation.source:
                    self.write(tr("play.source", source=play.explanation.source))
            if play.reached is not None:
                self.write(f"{tr('parcours.reached', title=play.reached.title)} "
                           f"({tr('parcours.result.' + play.reached.result)}). {play.reached.feedback}")
        else:
            self.write("\n" + tr("console.event", prompt=card.prompt))
        for change in play.changes:
            self.write(tr("console.gauge", label=change.label, before=change.before, after=change.after,
                          delta=change.delta))

    def show_end(self) -> None:
        standings = self.table.standings()
        self.write("\n" + DOUBLE_RULE)
        self.write(tr("console.end", reason=end_reason(standings.end_reason)))
        for line in result_lines(standings):
            self.write("  " + line)
        self.write(tr("console.result", result=result(standings)))
        self.write(tr("console.log", path=self.table.path))
        if self.table.sheet is not None:
            self.write(tr("console.sheet", path=self.table.sheet.pdf))
            self.write(tr("console.csv", path=self.table.sheet.csv))
        elif self.table.sheet_error is not None:
            self.write(tr("console.sheet_failed", reason=sheet_problem(self.table.sheet_error, self.table.path)))


# What the terminal says about a card before its prompt, by kind: the front end's renderer table.
_INTRODUCE: dict[str, Callable[[Console, object], None]] = {
    "persona": Console._persona, "parcours": Console._persona, "situation": Console._situation,
    "question": Console._plain, "debate": Console._plain, "event": Console._plain,
}
