"""`profile list|rename|delete`: the learners of a sessions folder, renamed or deleted with their answers."""

from __future__ import annotations

import argparse

from game.cli.folders import sessions_folder
from game.cli.refusals import UserError
from game.cli.train import asked, opened_store, remember_profile, remembered_profile
from game.diskerrors import disk_problem
from game.progress.renaming import ProfileError, delete_profile, rename_profile, sessions_of
from game.wording.catalogue import ntr, tr


def run_profile(args: argparse.Namespace) -> int:
    folder = sessions_folder(args)
    wanted = {"list": 0, "rename": 2, "delete": 1}[args.action]
    if len(args.names) != wanted:
        raise UserError(tr(f"profile.usage_{args.action}"))
    try:
        if args.action == "list":
            store = opened_store(folder)
            try:
                names = store.profiles()
            finally:
                store.close()
            print(tr("progress.profiles", names=", ".join(names)) if names else tr("profile.none"))
        elif args.action == "rename":
            old, new = args.names
            count = rename_profile(folder, old, new)
            if remembered_profile() == old:
                remember_profile(new.strip())
            print(tr("profile.renamed", old=old, new=new.strip(), sessions=ntr("count.sessions", count)))
        else:
            (name,) = args.names
            count = sessions_of(folder, name)
            question = tr("profile.ask_delete", profile=name, sessions=ntr("count.sessions", count))
            if count and not args.yes and not asked(question):
                print(tr("profile.kept", profile=name))
                return 0
            delete_profile(folder, name)
            if remembered_profile() == name:
                remember_profile("")
            print(tr("profile.deleted", profile=name, sessions=ntr("count.sessions", count)))
    except ProfileError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(disk_problem(exc, folder)) from None
    if args.action != "list":
        opened_store(folder).close()  # the store follows the logs now, not at the next look
    return 0
