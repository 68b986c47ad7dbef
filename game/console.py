"""A keyboard-only text front end: plays a session at the table in a terminal, line by line.

It reads the table's views and sends it actions; every action is on disk before the screen moves on,
and the table writes the sheet when the session ends. Input, output and the clock are passed in, so
tests drive it like a user.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from game.diskerrors import sheet_problem
from game.engine.vocabulary import Action, ActionType, Phase
from game.present.room import Played, RoomView, room
from game.table.table import Table
from game.wording.catalogue import ntr, tr
from game.wording.players import (
    end_reason,
    extended,
    lower_first,
    refusal,
    result,
    result_lines,
    teams_numbered,
    upper_first,
    yes,
)

RULE, DOUBLE_RULE = "─" * 60, "═" * 60
NUMBERS = re.compile(r"[0-9][0-9+, ]*", re.ASCII)  # choice numbers: "2", "1 3", "1+3", "2 1 2", "1+3 2"


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
            view = room(self.table)
            if shown != (view.number, view.phase, view.paused):
                shown = (view.number, view.phase, view.paused)
                self.show(view)
            try:
                line = self.read(self.prompt(view))
            except (EOFError, KeyboardInterrupt):
                self.write("\n" + tr("console.interrupted", path=self.table.path))
                self.write(tr("console.how_to_resume", path=self.table.path))
                return False
            for action in self.parse(line.strip(), view):
                refused = self.table.act(action, self.clock())
                if refused is not None:
                    self.write(refusal(refused))
                    break
                if action.type == ActionType.UNDO:
                    shown = None
                elif action.type == ActionType.NOTE:
                    note = room(self.table).note
                    self.write(tr("console.note_saved", note=note) if note else tr("console.note_cleared"))
                elif action.type == ActionType.EXTEND:
                    self.write(extended(room(self.table).clock))
            after = room(self.table)
            if after.phase == Phase.ANSWER and after.every_team and shown == (after.number, after.phase, after.paused):
                self.write(self.entries_line(after))
        self.show_end()
        return True

    def ask(self, question: str) -> str:
        """A yes/no or a pick asked in the middle of a line: the end of input answers nothing."""
        try:
            return self.read(question).strip()
        except (EOFError, KeyboardInterrupt):
            return ""

    def parse(self, line: str, view: RoomView) -> list[Action]:
        """The moves a line means; none for a line that only asked for help or was refused here."""
        if line == "?":
            self.write(tr("console.help"))
            return []
        if view.phase == Phase.ANSWER and not view.paused:
            entered = self.entries(line, view)
            if entered is not None:
                return entered
        if line == "":
            return [Action(ActionType.NEXT)]
        command, _, rest = line.partition(" ")
        if command == "n":
            return [Action(ActionType.NOTE, text=rest.strip())]
        if command == "f":
            return [Action(ActionType.END)] if self.ask(tr("console.confirm_end")).lower() in yes() else []
        simple = {"s": ActionType.SKIP, "u": ActionType.UNDO, "t": ActionType.EXTEND,
                  "p": ActionType.RESUME if view.paused else ActionType.PAUSE}
        if command in simple:
            return [Action(simple[command])]
        self.write(tr("console.unknown") + " " + tr("console.help"))
        return []

    def entries(self, line: str, view: RoomView) -> list[Action] | None:
        """Answers typed while a card waits for them, or None for a line that is something else. One team in
        turn: its number (several numbers when the card asks for several), revealed at once. Every team: the
        numbers of the teams still without an answer, in team order (revealed once all have one); « 3=2 »
        corrects team 3, « 3= » clears it; Enter reveals; « v » reveals without the missing teams."""
        count = len(view.choices)
        if line == "":
            return self.reveal(view, force=False)
        if line == "v":
            key = "console.confirm_missing" + ("_many" if len(view.missing) > 1 else "")
            if not view.missing or self.ask(tr(key, teams=teams_numbered(
                    t + 1 for t in view.missing))).lower() in yes():
                return self.reveal(view, force=True)
            return []
        if "=" in line and view.every_team:
            team, _, answer = (part.strip() for part in line.partition("="))
            if not team.isdigit() or not 1 <= int(team) <= len(view.teams):
                self.write(tr("console.no_such_team", n=team, count=len(view.teams)))
                return []
            if not answer:
                return [Action(ActionType.CLEAR, team=int(team) - 1)]
            choices = self.numbers(answer, count)
            return [] if choices is None else [Action(ActionType.ENTER, choices, team=int(team) - 1)]
        if not NUMBERS.fullmatch(line):
            return None
        if not view.every_team:
            choices = self.numbers(line, count)
            if choices is not None and len(choices) > 1 and not view.several:
                self.write(tr("console.one_number", count=count))
                return []
            return [] if choices is None else [Action(ActionType.ENTER, choices, team=view.answering[0]),
                                               *self.reveal(view, force=False)]
        missing = view.missing
        parts = line.split()  # each team's answer, named when it is a mistake (« Équipe 5 : pas de choix 3 »)
        answers = [self.numbers(part, count, view.teams[missing[k]] if k < len(missing) else "")
                   for k, part in enumerate(parts)]
        if any(a is None for a in answers):
            return []
        if len(answers) > len(missing):
            self.write(tr("console.too_many", given=len(answers), missing=ntr("count.teams", len(missing))))
            return []
        moves = [Action(ActionType.ENTER, choices, team=team) for team, choices in zip(missing, answers)]
        if len(answers) == len(missing):
            moves += self.reveal(view, force=False, coming=answers)
        return moves

    def numbers(self, text: str, count: int, team: str = "") -> tuple[int, ...] | None:
        """Choice numbers as the rules count them (from 0); None, said (with the `team` whose answer it is, when
        several teams' answers came on one line), for a number the card does not have."""
        words = [w for w in re.split(r"[\s+,]+", text) if w]
        numbers = [int(w) for w in words] if words and all(NUMBERS.fullmatch(w) for w in words) else []
        wrong = [n for n in numbers if not 1 <= n <= count]
        if numbers and not wrong:
            return tuple(sorted({n - 1 for n in numbers}))
        said = (tr("play.no_such_number", n=wrong[0], count=count) if wrong
                else tr("console.not_numbers", text=text, count=count))
        self.write(tr("console.team_mistake", team=team, message=lower_first(said)) if team else said)
        return None

    def reveal(self, view: RoomView, force: bool, coming: list[tuple[int, ...] | None] | None = None
               ) -> list[Action]:
        """The reveal, with the facilitator's pick when the room is split (asked here, counting the answers
        `coming` on the same line)."""
        given = tuple(e for e in [*view.entries, *(coming or [])] if e is not None)
        tied = view.tied(given) if view.every_team else ()
        if not tied:
            return [Action(ActionType.REVEAL, force=force)]
        numbers = " / ".join(str(c[0] + 1) for c in tied)
        pick = self.ask(tr("console.tie", choices=numbers))
        chosen = (int(pick) - 1,) if pick.isdigit() else ()
        if chosen not in tied:
            self.write(tr("refusal.tie"))
            return []
        return [Action(ActionType.REVEAL, chosen, force=force)]

    def entries_line(self, view: RoomView) -> str:
        """Each team's answer so far, « … » for those still missing."""
        said = [f"{name} = {'+'.join(str(c + 1) for c in entry) if entry else '…'}"
                for name, entry in zip(view.teams, view.entries)]
        return tr("console.entries", answers=" · ".join(said))

    def prompt(self, view: RoomView) -> str:
        if view.paused:
            return tr("console.prompt_paused")
        if not view.clock.timed:
            spent = int(view.clock.elapsed_at(self.clock()))
            return tr("console.prompt_spent", minutes=spent // 60, seconds=spent % 60)
        clock, now = view.clock, self.clock()
        spent = int(clock.elapsed_at(now))
        target, limit = round(clock.target / 60), round(clock.limit / 60)
        key = "console.prompt_over" if clock.stage_at(now) == "over" else "console.prompt"
        return tr(key, minutes=spent // 60, seconds=spent % 60, target=target, limit=limit)

    def show(self, view: RoomView) -> None:
        card = view.face
        if view.paused:
            self.write("\n" + tr("console.paused"))
            return
        if view.reveal is not None:
            self.show_reveal(view.reveal)
            on = view.reveal.step_title != "" and view.reveal.ending is None  # the parcours goes on
            self.write(tr("console.next_step" if on else "console.next"))
            return
        assert card is not None  # a game over is shown by show_end
        who = view.team_name or tr("play.every_team" if view.every_team and card.answered else "play.table")
        self.write("\n" + RULE)
        self.write(tr("console.card", n=view.number, total=view.total, kind=card.label,
                      aspect=view.aspect_label, who=who))
        self.write(" | ".join(result_lines(self.table.standings())))
        for line in card.introduction:
            self.write(line)
        self.write("")
        self.write(card.prompt)
        for i, text in enumerate(view.choices, start=1):
            self.write(f"  {i}. {text}")
        if view.every_team and view.phase == Phase.ANSWER:
            self.write(tr("console.every_team", teams=", ".join(view.teams)))
            if any(e is not None for e in view.entries):  # a resumed session, or an undone reveal
                self.write(self.entries_line(view))
        elif view.several:
            self.write(tr("console.multiple"))
        if view.phase == Phase.DISCUSS:
            for hint in card.hints:
                self.write(f"  · {hint}")
            if view.note:
                self.write(tr("play.note", note=view.note))
            self.write(tr("console.debate"))

    def show_reveal(self, play: Played) -> None:
        if play.verdicts:
            self.write(tr(f"mark.{play.mark}") + ".")
            if len(play.verdicts) > 1:
                texts = play.choices
                for v in play.verdicts:
                    if not v.choices:
                        self.write(tr("console.team_silent", team=v.name))
                        continue
                    given = "+".join(str(c + 1) for c in v.choices)
                    self.write(tr("console.team_verdict", team=v.name, given=given, mark=tr(f"mark.{v.mark}")))
                if play.applied:
                    votes = play.votes(play.applied[0])
                    self.write(tr("console.applied", choice=texts[play.applied[0]],
                                  votes=ntr("count.teams", votes)))
            if play.all_right_line:
                self.write(upper_first(play.all_right_line) + ".")
            if play.right:  # whether the room was right, wrong or split; for every kind, its best option too
                self.write(tr("console.right" if play.has_right_answer else "console.best",
                              answers=" ; ".join(play.choices[i] for i in play.right)))
            if play.explanation is not None:
                self.write(play.explanation.text)
                if play.explanation.source:
                    self.write(tr("play.source", source=play.explanation.source))
            if play.ending is not None:
                self.write(f"{play.reached_line}. {play.ending.feedback}")
            if play.completes_line:
                self.write(play.completes_line)
        else:
            self.write("\n" + tr("console.event", prompt=play.face.prompt))
        for change in play.changes:
            self.write(tr("console.gauge", label=change.label, before=change.before, after=change.after,
                          delta=change.delta))

    def show_end(self) -> None:
        standings = self.table.standings()
        self.write("\n" + DOUBLE_RULE)
        self.write(tr("console.end", reason=end_reason(standings.end_reason)))
        if self.table.facts().profile:  # a learner alone: what they scored, missed, and when it comes back
            from game.progress.ending import learner_ending
            from game.wording.learner import learner_lines

            for line in learner_lines(learner_ending(self.table)):
                self.write(line)
        else:
            for line in result_lines(standings):
                self.write("  " + line)
            self.write(tr("console.result", result=result(standings)))
        self.write(tr("console.log", path=self.table.path))
        if self.table.sheet is not None:
            self.write(tr("console.sheet", path=self.table.sheet.pdf))
            self.write(tr("console.csv", path=self.table.sheet.csv))
        elif self.table.sheet_error is not None:
            self.write(tr("console.sheet_failed", reason=sheet_problem(self.table.sheet_error, self.table.path)))

