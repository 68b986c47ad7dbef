"""One door to a session for every front end: start, resume, act, close.

A `Table` owns the session log: each action is on disk (with the automatic transitions it caused)
before the state moves. The moment the session ends, the table closes its log and announces the end to
whoever opened it (`at_end`: the front ends pass the debrief layer's sheet writer, so the sheet is written
whichever front end drove the session, and this layer imports none above it). Front ends read views
(`view`, `standings`, `history`, `facts`) and send actions; they never touch the rules or the log.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from game.content.kinds import PlayingCard
from game.engine.draw import out_of_reach, panorama_aspects, rotation_teams, table_minutes
from game.engine.records import State
from game.engine.session import Session
from game.engine.vocabulary import Action, ActionType, IllegalAction, Refusal
from game.session.log import LogWriteError, LogWriter
from game.session.replay import replay_log
from game.session.start import SessionStart, draw_chosen
from game.table.view import (
    Facts,
    PlayView,
    Standings,
    TableView,
    facts,
    history,
    standings,
    table_view,
)
from game.wording.catalogue import tr

if TYPE_CHECKING:
    from game.content.models import ScenarioInfo

AtEnd = Callable[["Table"], Any]  # told once a logged session has ended; what it returns is kept as `sheet`


def panorama_size(scenario: ScenarioInfo, pool: Sequence[PlayingCard]) -> int:
    """How many aspects a full panorama of `scenario` needs, drawing from `pool`: what its screen must show."""
    return len(panorama_aspects(scenario, pool))


def teams_in_turn(scenario: ScenarioInfo, pool: Sequence[PlayingCard], most: int = 6) -> int:
    """How many teams can play `scenario` one at a time, each dealt a round per aspect of its panorama within
    the maximum minutes: what the setup screen and `play` say before a session is refused."""
    return rotation_teams(scenario, pool, most)


def deal(scenario: ScenarioInfo, pool: Sequence[PlayingCard], teams: int, answering: str | None = None,
         chosen: Sequence[str] | None = None) -> list[PlayingCard]:
    """The cards a session of `teams` teams (answering as asked) is dealt, with the first seed: none when the draw
    rules share the minutes so that no card fits (six teams in turn, a round of six usagers past the target)."""
    if answering is not None and answering != scenario.answering:
        scenario = scenario.model_copy(update={"answering": answering})
    return draw_chosen(scenario, pool, chosen, teams, 0)


def chosen_minutes(pool: Sequence[PlayingCard], chosen: Sequence[str], answering: str, teams: int) -> float:
    """The minutes the `chosen` cards take at the table: their estimates, and every team's entries when all answer."""
    wanted = set(chosen)
    return sum(table_minutes(card, answering == "all", teams) for card in pool if card.id in wanted)


def chosen_gaps(scenario: ScenarioInfo, pool: Sequence[PlayingCard], chosen: Sequence[str], answering: str,
                teams: int) -> set[str]:
    """The panorama's aspects the `chosen` cards leave some team without (none where the scenario is not won by
    a full panorama): what the card selection warns about."""
    if scenario.win != "panorama":
        return set()
    cards = deal(scenario, pool, teams, answering, chosen)
    return out_of_reach(cards, teams if answering == "rotation" else 1, panorama_aspects(scenario, pool))


T = TypeVar("T")

DAMAGED = ".abime"  # added to a log's name for the copy kept before a damaged log is cut


class Table:
    def __init__(self, start: SessionStart, session: Session, writer: LogWriter | None = None,
                 dropped_tail: bool = False, path: Path | None = None, at_end: AtEnd | None = None):
        self.start = start
        self.session = session
        self.writer = writer
        self.path = writer.path if writer is not None else path  # None for a session kept in memory
        self.dropped_tail = dropped_tail  # a resumed log's cut last line was left out
        self.damaged = ""  # a resumed log's lines left out further up: what and where, and where the original is
        self.at_end = at_end
        self.sheet: Any = None  # what `at_end` returned: the sheet's files
        self.sheet_error: Exception | None = None  # why `at_end` failed: a disk, or a fault of ours
        self._seen: dict[str, Any] = {}  # the views of the current state, each made when first asked

    # -- opening -------------------------------------------------------------------------------------

    @classmethod
    def start_new(cls, folder: Path, scenario: ScenarioInfo, pool: Sequence[PlayingCard], teams: Sequence[str], seed: int,
                  aspects: Mapping[str, str], now: float, session_id: str | None = None,
                  answering: str | None = None, profile: str | None = None,
                  origins: Mapping[str, tuple[str, int]] | None = None, chosen: Sequence[str] | None = None,
                  languages: Mapping[str, str] | None = None, *, at_end: AtEnd | None) -> Table:
        """A new session, drawn and logged in `folder` under a name that sorts by date; `answering`
        overrides the scenario's answering mode (every team, or one team in turn); a `profile` makes it
        part of a solo learner's progress, `origins` (card id -> deck id and version) their history and a lab's
        learning records, with the decks' `languages`; `chosen` cards (a session plan's) are all played, none
        other."""
        session_id = session_id or uuid.uuid4().hex[:12]
        stamp = datetime.fromtimestamp(now).strftime("%Y%m%d-%H%M%S")
        name = f"{stamp}-{scenario.id}-{session_id[:6]}"
        path, n = folder / f"{name}.jsonl", 2
        while path.exists():  # never append to another session's log
            path, n = folder / f"{name}-{n}.jsonl", n + 1
        return cls.logged(path, SessionStart.new(scenario, pool, teams, seed, now, aspects, session_id, answering,
                                                 profile, origins, chosen, languages), at_end=at_end)

    @classmethod
    def logged(cls, path: Path, start: SessionStart, *, at_end: AtEnd | None) -> Table:
        """Start the log of a session with its start record (and what the first card did at once)."""
        session = Session(start.game, start.t)
        writer = LogWriter(path)
        try:
            writer.append_all([start.to_json(), *session.events])
        except LogWriteError as failed:  # not even the start fits: no session, and no empty log left behind
            writer.close()
            path.unlink(missing_ok=True)
            raise failed.error from None
        return cls(start, session, writer, at_end=at_end)

    @classmethod
    def unlogged(cls, start: SessionStart, recorded: bool = True) -> Table:
        """A session kept in memory only: simulations and previews. Not `recorded`: not even its events (a
        batch of simulations only counts outcomes)."""
        return cls(start, Session(start.game, start.t, recorded))

    @classmethod
    def drawn(cls, scenario: ScenarioInfo, pool: Sequence[PlayingCard], teams: Sequence[str], seed: int,
              aspects: Mapping[str, str], session_id: str = "", answering: str | None = None,
              recorded: bool = True) -> Table:
        """A session drawn from the pool and kept in memory, its clock at 0: what a simulation plays."""
        return cls.unlogged(SessionStart.new(scenario, pool, teams, seed, 0.0, aspects, session_id, answering),
                            recorded)

    @classmethod
    def dealt(cls, scenario: ScenarioInfo, cards: Sequence[PlayingCard], teams: Sequence[str], aspects: Mapping[str, str],
              now: float) -> Table:
        """These cards in this order, nothing drawn or logged: a card previewed or measured on screen."""
        return cls.unlogged(SessionStart("", now, 0, tuple(teams), scenario, tuple(cards), aspects))

    @classmethod
    def resume(cls, path: Path, now: float, *, at_end: AtEnd | None) -> Table:
        """Replay the log, cut any broken last line, write what the rules did that the log missed, and
        mark the reopening so the time the session was closed is not counted. A session that had ended is
        announced again: its sheet may not have been written before the program stopped."""
        replayed = replay_log(path)
        contents = replayed.contents
        backup = path.with_name(path.name + DAMAGED) if contents.damaged else None
        writer = LogWriter(path, truncate_at=contents.good_bytes, backup=backup)
        table = cls(replayed.start, replayed.session, writer, contents.dropped_tail, at_end=at_end)
        if backup is not None:
            table.damaged = tr("log.backup", damaged=contents.damaged, backup=backup)
        if replayed.start.format >= 2:
            missing = replayed.session.events[len(contents.events) - 1:]
            if missing:
                writer.append_all(missing)
        if not table.over:
            # a clock set back since (a laptop's time corrected) counts as no time passing, as in `act`
            table._act(Action(ActionType.REOPEN), max(now, table.session.state.last_t), by_program=True)
        else:
            table._finish()
        return table

    @classmethod
    def read(cls, path: Path) -> Table:
        """A log read back, for its sheet; nothing is written to it."""
        replayed = replay_log(path)
        return cls(replayed.start, replayed.session, path=path)

    # -- reading -------------------------------------------------------------------------------------

    @property
    def over(self) -> bool:
        return self.session.game.is_terminal(self.session.state)

    def view(self) -> TableView:
        return self._cached("table", table_view)

    def standings(self) -> Standings:
        return self._cached("standings", standings)

    def history(self) -> tuple[PlayView, ...]:
        return self._cached("history", history)

    def _cached(self, name: str, make: Callable[[SessionStart, State], T]) -> T:
        return self.derived(name, lambda table: make(table.start, table.session.state))

    def derived(self, name: str, make: Callable[[Table], T]) -> T:
        """A view made from this table's views by a layer above (the room's, the facilitator's), made once
        between two actions."""
        if name not in self._seen:
            self._seen[name] = make(self)
        made: T = self._seen[name]
        return made

    @property
    def cards(self) -> tuple[PlayingCard, ...]:
        """The cards drawn for the session, in order: what a simulation weighs."""
        return self.start.cards

    def facts(self) -> Facts:
        return facts(self.start)

    # -- acting --------------------------------------------------------------------------------------

    def refusal(self, action: Action) -> IllegalAction | None:
        """Why `action` would be refused now, without playing it: a front end words it before asking more."""
        return self.session.game.refusal(self.session.state, action)

    def act(self, action: Action, now: float) -> IllegalAction | None:
        """Play `action`; on a refusal nothing changes and the refusal is returned for the front end to word.
        A clock that went backwards counts as no time passing."""
        try:
            self._act(action, float(max(now, self.session.state.last_t)))
        except IllegalAction as refused:
            return refused
        except LogWriteError as failed:  # the log is as it was: the action did not happen
            return IllegalAction(Refusal.NOT_SAVED, error=failed.error)
        if self.over:
            self._finish()
        return None

    def _act(self, action: Action, t: float, by_program: bool = False) -> None:
        state, events = self.session.preview(action, t, by_program)
        if self.writer is not None:
            self.writer.append_all(events)
        self.session.commit(state, events)
        self._seen = {}

    def _finish(self) -> None:
        """The session has ended: close the log, then announce the end."""
        if self.writer is None:
            return
        self.writer.close()
        if self.at_end is None:
            return
        try:
            self.sheet = self.at_end(self)
        except Exception as exc:  # noqa: BLE001 -- the session is safe in its log; the sheet can be written later
            self.sheet_error = exc

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
