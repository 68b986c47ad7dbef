"""A solo learner's answers, in one SQLite file beside the session logs: nothing online, no account.

The session logs stay the source of truth. A session played under a profile is copied into the store
whenever the store is opened (`sync`), one session per transaction, so a kill during a write leaves
either the whole session or none of it, and the next opening copies what is missing. What
a row keeps (the card's text, deck and version, the answer in words, the feedback and its source) is
copied, not referenced: editing or removing a card later never changes a learner's history.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from game.progress.answers import Answer
from game.progress.schedule import MASTERED, leitner
from game.wording.catalogue import tr

STORE_NAME = "progres.sqlite3"
SCHEMA_VERSION = 3  # 2: which log each session was copied from (a session copied twice counts once); 3: a log's file
_OLD = "DROP TABLE IF EXISTS answers; DROP TABLE IF EXISTS boxes; DROP TABLE IF EXISTS logs; DROP TABLE IF EXISTS sessions"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    session TEXT NOT NULL, number INTEGER NOT NULL, profile TEXT NOT NULL, card TEXT NOT NULL,
    deck TEXT NOT NULL, deck_version INTEGER NOT NULL, kind TEXT NOT NULL, aspect TEXT NOT NULL,
    aspect_label TEXT NOT NULL, at REAL NOT NULL, mark TEXT NOT NULL, success INTEGER NOT NULL,
    prompt TEXT NOT NULL, given TEXT NOT NULL, right TEXT NOT NULL, feedback TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (session, number));
CREATE INDEX IF NOT EXISTS answers_by_profile ON answers (profile, at);
CREATE INDEX IF NOT EXISTS answers_by_card ON answers (profile, card, at);
CREATE TABLE IF NOT EXISTS boxes (
    profile TEXT NOT NULL, card TEXT NOT NULL, box INTEGER NOT NULL, due REAL NOT NULL,
    PRIMARY KEY (profile, card));
CREATE TABLE IF NOT EXISTS logs (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ino INTEGER NOT NULL,
    session TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (session TEXT PRIMARY KEY, log TEXT NOT NULL);
"""


class ProgressError(Exception):
    """The progress file cannot be used; the message is a sentence for the user."""


class StoreDamaged(ProgressError):
    """The progress file is not a store any more (garbled, tables missing): it is set aside and rebuilt from the
    logs, which are the source of truth."""


TABLES = {"answers", "boxes", "logs", "sessions"}


class Store:
    """The progress file of one sessions folder. Open it with `open_store`, which also brings it up to date."""

    def __init__(self, path: Path):
        self.path = path
        self.notice = ""  # what opening it did besides: a damaged store set aside and rebuilt
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, isolation_level=None)  # transactions are opened explicitly
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                self.db.close()
                raise ProgressError(tr("store.newer", path=path))
            self.db.execute("PRAGMA synchronous = FULL")
            if version < SCHEMA_VERSION:  # a new file: its tables, made at once (not each opening: a write costs)
                with self.transaction():  # an older store is a cache like any: emptied, filled again from the logs
                    for statement in (_OLD + ";" + _SCHEMA if version else _SCHEMA).split(";"):  # not executescript: it would commit on its own
                        if statement.strip():
                            self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            checked = self.db.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if hasattr(self, "db"):
                self.db.close()
            if _full(exc):
                raise ProgressError(tr("store.full", path=path)) from None
            if _said(exc) != tr("store.damaged"):  # busy or read-only: the file is sound, it is not set aside
                raise ProgressError(tr("store.not_opened", path=path, problem=_said(exc))) from None
            raise StoreDamaged(tr("store.unreadable", path=path, reason=_said(exc))) from None
        if not TABLES <= tables or checked != "ok":
            self.db.close()
            raise StoreDamaged(tr("store.unreadable", path=path, reason=tr("store.damaged")))

    def close(self) -> None:
        self.db.close()

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    # -- writing --------------------------------------------------------------------------------------

    def record(self, session: str, answers: Iterable[Answer], log: Path | None = None,
               seen: os.stat_result | None = None) -> bool:
        """Keep a session's answers in place of what was kept of it before (a session read again after it went
        on, or after an answer was undone, is stored once, as it now is), and note the log as read: as `seen`, its
        state taken before it was read (or as it is now). A session already copied from another log still there
        (a copy of a log, renamed or given another profile) is counted once: its first log's; False then."""
        answers = list(answers)
        try:
            return self._record(session, answers, log, seen)
        except sqlite3.Error as exc:  # a full or read-only disk: the transaction is rolled back, nothing half-kept
            problem = _said(exc)
            raise ProgressError(tr("store.not_updated", path=self.path, problem=problem)) from None

    def _record(self, session: str, answers: list[Answer], log: Path | None, seen: os.stat_result | None) -> bool:
        path = str(log.resolve()) if log is not None else ""
        with self.transaction():
            owner = self.db.execute("SELECT log FROM sessions WHERE session = ?", (session,)).fetchone()
            # the session's first log keeps it while it is there, even when another log of it is read first
            kept = owner is None or owner[0] == path or not Path(owner[0]).is_file()
            if kept:
                touched = {(a.profile, a.card) for a in answers}
                touched |= set(self.db.execute("SELECT profile, card FROM answers WHERE session = ?", (session,)))
                self.db.execute("DELETE FROM answers WHERE session = ?", (session,))
                self.db.executemany(f"INSERT OR REPLACE INTO answers VALUES ({', '.join('?' * len(Answer._fields))})",
                                    [tuple(a) for a in answers])
                self._schedule(touched)
                if answers or owner is None:
                    self.db.execute("INSERT OR REPLACE INTO sessions VALUES (?, ?)", (session, path))
            if log is not None:
                stat = seen or log.stat()
                self.db.execute("INSERT OR REPLACE INTO logs VALUES (?, ?, ?, ?, ?)",
                                (path, stat.st_size, stat.st_mtime_ns, stat.st_ino, session))
        return kept

    def forget_gone(self, present: set[str]) -> None:
        """Forget the logs no longer in the folder (deleted, renamed, moved) and the sessions copied from them:
        the store holds what the logs hold. Another log of such a session is read again, and counts instead."""
        try:
            self._forget_gone(present)
        except sqlite3.Error as exc:  # a full or read-only disk: rolled back, said in a sentence
            raise ProgressError(tr("store.not_updated", path=self.path, problem=_said(exc))) from None

    def _forget_gone(self, present: set[str]) -> None:
        gone = [row for row in self.db.execute("SELECT path, session FROM logs") if row[0] not in present]
        if not gone:
            return
        with self.transaction():
            for path, session in gone:
                self.db.execute("DELETE FROM logs WHERE path = ?", (path,))
                owner = self.db.execute("SELECT log FROM sessions WHERE session = ?", (session,)).fetchone()
                if session and owner is not None and owner[0] == path:
                    touched = set(self.db.execute("SELECT profile, card FROM answers WHERE session = ?", (session,)))
                    self.db.execute("DELETE FROM answers WHERE session = ?", (session,))
                    self.db.execute("DELETE FROM sessions WHERE session = ?", (session,))
                    self.db.execute("DELETE FROM logs WHERE session = ?", (session,))  # its copies: read again
                    self._schedule(touched)

    def _schedule(self, cards: set[tuple[str, str]]) -> None:
        """Each of these cards' box from its whole history, kept beside the answers in the same transaction:
        a review starts from one small query, not from every answer ever given."""
        for profile, card in cards:
            results = self.db.execute("SELECT at, success FROM answers WHERE profile = ? AND card = ? ORDER BY at",
                                      (profile, card)).fetchall()
            if results:
                self.db.execute("INSERT OR REPLACE INTO boxes VALUES (?, ?, ?, ?)", (profile, card, *leitner(results)))
            else:
                self.db.execute("DELETE FROM boxes WHERE profile = ? AND card = ?", (profile, card))

    def due(self, profile: str, now: float) -> list[str]:
        """The cards to review now (missed, not yet learnt, their wait over), the longest waiting first."""
        rows = self.db.execute("SELECT card FROM boxes WHERE profile = ? AND box BETWEEN 1 AND ? AND due <= ? "
                               "ORDER BY due, card", (profile, MASTERED - 1, now))
        return [row[0] for row in rows]

    def next_due(self, profile: str) -> float | None:
        """When the next card to review comes back, or None when no card waits."""
        row = self.db.execute("SELECT MIN(due) FROM boxes WHERE profile = ? AND box BETWEEN 1 AND ?",
                              (profile, MASTERED - 1)).fetchone()
        return row[0]

    def read_before(self, log: Path, stat: os.stat_result) -> bool:
        """Whether this log was read as it is now, `stat`: same size, modification time and file (a log rewritten
        whole, a renamed learner's, is a new file even with the same size and time)."""
        row = self.db.execute("SELECT size, mtime_ns, ino FROM logs WHERE path = ?", (str(log.resolve()),)).fetchone()
        return row == (stat.st_size, stat.st_mtime_ns, stat.st_ino)

    # -- reading --------------------------------------------------------------------------------------

    def answers(self, profile: str) -> list[Answer]:
        """The profile's answers, oldest first."""
        rows = self.db.execute("SELECT * FROM answers WHERE profile = ? ORDER BY at, session, number", (profile,))
        return [Answer(*row[:11], bool(row[11]), *row[12:]) for row in rows]

    def profiles(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT DISTINCT profile FROM answers ORDER BY profile")]


def _said(exc: sqlite3.Error) -> str:
    """What went wrong, in the reader's language: SQLite's own message is English."""
    if _full(exc):
        return tr("store.disk_full")
    code = getattr(exc, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_READONLY or "readonly" in str(exc):
        return tr("store.read_only")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(exc):
        return tr("store.busy")
    return tr("store.damaged")


def _full(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(exc)


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error: all of a session's rows, or none."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self.db.execute("COMMIT")
        elif self.db.in_transaction:  # SQLite may have rolled back already (a full disk)
            self.db.execute("ROLLBACK")

