"""What a command says when it cannot do what was asked: a mistyped command, a content error, a user's mistake,
a full disk; one sentence each and an exit status, never a traceback."""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

from game.wording.catalogue import ntr, tr

if TYPE_CHECKING:  # a bare `python -m game` builds no parser: the home screen must not wait for one
    import argparse

class UserError(Exception):
    """A mistake the user can fix: printed as one plain sentence, exit status 2."""


def unknown_command(typed: str, known: list[str]) -> int:
    """A mistyped command gets the closest of the `known` ones, as a mistyped field does in `validate`."""
    from difflib import get_close_matches

    near = get_close_matches(typed, known, n=1, cutoff=0.6)
    hint = tr("cli.did_you_mean", near=near[0]) if near else ""
    print(tr("cli.error", problem=tr("cli.unknown_command", typed=typed, hint=hint, known=", ".join(known))),
          file=sys.stderr)
    return 2


def report(exc: Exception, args: argparse.Namespace | SimpleNamespace) -> int:
    """The exit status for an error the user can act on, told in one sentence; other errors go on up.

    The error classes are imported here, when something went wrong, not on the way to the first frame."""
    from game.content.errors import ContentInvalid
    from game.session.log import LogError
    from game.session.start import StartError

    if isinstance(exc, ContentInvalid):
        for error in exc.errors:
            print(error.text(), file=sys.stderr)
        if exc.count == 0:  # only notes: what blocks is in the other files they name
            print(tr("cli.blocked_elsewhere"), file=sys.stderr)
        else:
            print(ntr("cli.errors_to_fix", exc.count), file=sys.stderr)
        return 1
    if isinstance(exc, (UserError, LogError, StartError)):
        print(tr("cli.error", problem=exc), file=sys.stderr)
        return 2
    if isinstance(exc, BrokenPipeError):  # `simulate ... | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the final flush must not fail again
        return 1
    if isinstance(exc, OSError):  # a disk that is full, read-only or locked, met where no closer code expected it
        from game.diskerrors import disk_problem

        print(tr("cli.error", problem=disk_problem(exc)), file=sys.stderr)
        return 2
    raise exc
