"""`train` and `progress`: an agent alone learns, comes back to what they missed, and sees their progress."""

from __future__ import annotations

import argparse
import secrets
import sys
import time
from pathlib import Path

from game.cli.content import load_checked
from game.cli.folders import sessions_folder
from game.cli.refusals import UserError
from game.diskerrors import disk_problem
from game.present.sheet import shorten
from game.progress.ending import learner_ending
from game.progress.profiles import default_profile, profile_problem, sheet_name
from game.progress.report import ProgressReport, progress_report
from game.progress.store import ProgressError, Store
from game.progress.sync import open_store
from game.progress.training import (
    TrainingError,
    in_theme,
    review_session,
    start_training,
    theme_of,
    training_scenario,
)
from game.wording.players import choice_line, day, progress_summary, review_when, tr, yes


def profile_name(wanted: str | None) -> str:
    """The profile asked for, else the last one trained on this computer, else the system user's."""
    if wanted is None:
        last = remembered_profile()
        return last if last and profile_problem(last) is None else default_profile()
    problem = profile_problem(wanted)
    if problem is not None:
        raise UserError(tr("train.bad_profile", problem=problem))
    return wanted.strip()


def remembered_profile() -> str:
    """The learner who trained last here: kept with the display settings, the screens' and the terminal's alike."""
    from game.ui.settings import Settings, default_settings_path

    return Settings.load(default_settings_path()).profile


def remember_profile(profile: str) -> None:
    from game.ui.settings import Settings, default_settings_path

    path = default_settings_path()
    Settings.load(path).remember(profile, path)


def opened_store(folder: Path) -> Store:
    try:
        store = open_store(folder)
    except ProgressError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(tr("store.cannot_open", problem=disk_problem(exc, folder))) from None
    if store.notice:
        print(store.notice, file=sys.stderr)
    return store


def run_train(args: argparse.Namespace) -> int:
    library = load_checked(args.decks)
    profile = profile_name(args.profile)
    folder = sessions_folder(args)
    now = time.time()
    if args.review:
        try:
            theme = theme_of(library, args.deck, args.aspect)
            training_scenario(library, theme, args.minutes)  # a theme the decks do not have is refused here too
        except TrainingError as exc:
            raise UserError(str(exc)) from None
        store = opened_store(folder)
        try:
            due, later = store.due(profile, now), store.next_due(profile)
        finally:
            store.close()
        review = review_session(library, in_theme(library, theme, due))
        if review.gone:
            print(tr("train.gone", cards=", ".join(review.gone)))
        if review.scenario is None:
            print(tr("train.nothing_due", profile=profile))
            if later is not None and later > now:
                print(tr("train.next_due", date=day(later)))
            return 0
        scenario, pool = review.scenario, review.cards
    else:
        try:
            scenario = training_scenario(library, theme_of(library, args.deck, args.aspect), args.minutes, args.timed)
        except TrainingError as exc:
            raise UserError(str(exc)) from None
        pool = library.pool(scenario)
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    try:
        table = start_training(library, folder, scenario, pool, profile, seed, now)
    except OSError as exc:
        raise UserError(f"{tr('cli.log_not_written')} {disk_problem(exc, folder)}") from None
    remember_profile(profile)
    if not args.console:
        from game.cli.screen import play_on_screen
        return play_on_screen(args, library, table)
    from game.cli.play import play_in_terminal

    print(tr("train.started", title=scenario.title, profile=profile, path=table.path))
    code = play_in_terminal(table)
    while code == 0 and table.over:  # the mistakes again at once, as often as the learner asks
        missed = learner_ending(table).missed
        review = review_session(library, [m.item for m in missed])
        if review.scenario is None or not asked(tr("learner.ask_review", n=len(review.cards))):
            break
        table = start_training(library, folder, review.scenario, review.cards, profile, secrets.randbelow(1_000_000),
                               time.time())  # a new order of the options each time
        print(tr("train.started", title=review.scenario.title, profile=profile, path=table.path))
        code = play_in_terminal(table)
    print(tr("train.after", profile="" if args.profile is None else f" --profile \"{profile}\""))
    return code


def asked(question: str) -> bool:
    """A yes typed at the terminal; the end of input is a no."""
    try:
        return input(question).strip().lower() in yes()
    except EOFError:
        return False


def run_progress(args: argparse.Namespace) -> int:
    folder = sessions_folder(args)
    profile = profile_name(args.profile)
    store = opened_store(folder)
    try:
        report = progress_report(profile, store.answers(profile))
        others = [name for name in store.profiles() if name != profile]
    finally:
        store.close()
    if not report.answers:
        print(tr("progress.none", profile=profile))
        if others:
            print(tr("progress.profiles", names=", ".join(others)))
        return 0
    now = time.time()
    for line in progress_lines(report, now):
        print(line)
    if args.pdf is not None:
        from game.progress.sheet import write_progress_sheet

        path = Path(args.pdf) if args.pdf else folder / sheet_name(profile)
        try:
            write_progress_sheet(report, path, now)
        except OSError as exc:
            raise UserError(f"{tr('cli.progress_not_written')} {disk_problem(exc, path)}") from None
        print(tr("progress.pdf", path=path))
    return 0


def progress_lines(report: ProgressReport, now: float) -> list[str]:
    """The progress as the terminal tells it."""
    lines = [tr("progress.title", profile=report.profile), progress_summary(report, now), "", tr("progress.aspects"),
             f"  {tr('progress.mastery_means')}"]
    lines += [f"  {tr('progress.aspect', label=a.label, known=a.mastered, seen=a.seen, share=round(100 * a.share))}"
              for a in report.aspects]
    if report.choices:
        lines += ["", tr("progress.choices")]
        lines += [f"  {choice_line(choice)}" for choice in report.choices]
    lines += ["", tr("progress.review", n=len(report.review))]
    if not report.review:
        lines.append(f"  {tr('progress.review_none')}")
    for card in report.review:
        lines.append(f"  {card.card} · {card.last.aspect_label} · {review_when(card.due, now)} — "
                     f"{shorten(card.last.prompt, 90)}")
    if report.sources:
        lines += ["", tr("progress.sources")]
        lines += [f"  • {source}" for source in report.sources]
    return lines
