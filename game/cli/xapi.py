"""`xapi export|push|configure`: a lab's learning records, as a file or sent to its Learning Record Store; the
password is read from ATELIER_LRS_PASSWORD or asked, never taken from the command line nor kept."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import replace
from pathlib import Path

from game.cli.folders import sessions_folder
from game.cli.refusals import UserError
from game.paths import default_config_dir, display_path
from game.wording.catalogue import ntr, tr
from game.xapi.labconfig import PASSWORD_VARIABLE, LabSettings, identity, web_address


def run_xapi(args: argparse.Namespace) -> int:
    config = default_config_dir()
    if args.action == "configure":
        return _configure(args, config)
    if args.action == "export":
        return _export(args, config)
    return _push(args, config)


def _configure(args: argparse.Namespace, config: Path) -> int:
    settings = LabSettings.load(config)
    changes = {name: value for name in ("endpoint", "user", "trainer", "home")
               if (value := getattr(args, name, None)) is not None}
    for name in ("endpoint", "home"):
        if name in changes and not web_address(changes[name]):
            raise UserError(tr("xapi.not_an_address", option=f"--{name}", value=changes[name]))
    settings = replace(settings, **changes)
    if changes:
        settings.save(config)
    print(tr("xapi.settings", endpoint=settings.endpoint or tr("xapi.none"), user=settings.user or tr("xapi.none"),
             trainer=settings.trainer, home=settings.home))
    return 0


def _export(args: argparse.Namespace, config: Path) -> int:
    from game.xapi.exporting import write_statements

    if not args.logs:
        raise UserError(tr("xapi.export_no_logs"))
    if args.out is None:
        raise UserError(tr("xapi.export_no_out"))
    if any(args.out.resolve() == log.resolve() for log in args.logs):  # a session log is never written over
        raise UserError(tr("xapi.export_over_log", path=args.out))
    if args.out.exists() and not args.force:
        raise UserError(tr("import.exists", path=args.out, other=""))
    count = write_statements(args.logs, args.out, identity(config))
    print(ntr("xapi.exported", count, path=display_path(args.out), sessions=ntr("count.sessions", len(args.logs))))
    return 0


def _push(args: argparse.Namespace, config: Path) -> int:
    from game.xapi.push import PushStopped, http_post, push, said

    settings = LabSettings.load(config)
    endpoint = args.endpoint or settings.endpoint
    user = args.user or settings.user
    if not endpoint or not user:
        raise UserError(tr("xapi.not_configured"))
    if not web_address(endpoint):
        raise UserError(tr("xapi.not_an_address", option="--endpoint", value=endpoint))
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        if not sys.stdin.isatty():
            raise UserError(tr("xapi.no_password", variable=PASSWORD_VARIABLE))
        password = getpass.getpass(tr("xapi.password_prompt", user=user, endpoint=endpoint))
    folder = sessions_folder(argparse.Namespace(out=None, sessions_dir=args.sessions_dir))  # --out is export's
    try:
        pushed = push(folder, http_post(endpoint, user, password), endpoint, identity(config, settings))
    except PushStopped as stopped:
        raise UserError(tr("xapi.refused_user", user=user, endpoint=endpoint, reason=stopped)) from None
    for sentence, problem in said(pushed, endpoint):
        print(sentence, file=sys.stderr if problem else sys.stdout)
    if pushed.waiting:
        return 3
    return 0 if not pushed.refused and not pushed.unreadable else 1


