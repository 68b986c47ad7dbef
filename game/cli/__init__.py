"""`python -m game …`: thin commands over the content, engine and session layers.

Sub-commands import their modules only when they run, so `--help` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from game.cli.commands import COMMANDS
from game.cli.folders import folder
from game.cli.refusals import report, unknown_command
from game.wording.catalogue import tr, use

if TYPE_CHECKING:  # a bare `python -m game` builds no parser: the home screen must not wait for one
    import argparse

DEFAULT_SCENARIO = "atelier-teletravail"


def whole(text: str) -> int:
    """A whole-number option; its name is what argparse's refusal says is expected (set in the help's language)."""
    return int(text)


def chosen_lang(argv: Sequence[str]) -> str | None:
    """`--lang en` or `--lang=en` anywhere on the line, None when not given: known before the parser is built, so
    that its help is written in that language too."""
    for i, word in enumerate(argv):
        for lang in ("fr", "en"):
            if word == f"--lang={lang}" or (word == "--lang" and argv[i + 1:i + 2] == [lang]):
                return lang
    return None


class Words:
    """The help's sentences in the language asked for (`help.` keys of the catalogue)."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        return tr(key, lang=self.lang, **values)


def _content_options(parser: argparse.ArgumentParser, t: Words, scenario: bool = True) -> None:
    if scenario:
        parser.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar=t("help.id_file"),
                            help=t("help.a_scenario_s_id_or", default_scenario=DEFAULT_SCENARIO))
    parser.add_argument("--decks", action="append", type=Path, default=[], metavar=t("help.folder"),
                        help=t("help.a_folder_of_decks_to"))


def _sessions_option(parser: argparse.ArgumentParser, t: Words) -> None:
    parser.add_argument("--sessions-dir", type=folder, metavar=t("help.folder"),
                        help=t("help.the_folder_of_session_logs"))


def _profile_option(parser: argparse.ArgumentParser, t: Words) -> None:
    parser.add_argument("--profile", metavar=t("help.name"),
                        help=t("help.the_agent_s_profile_default"))


def _lang_option(parser: argparse.ArgumentParser, t: Words) -> None:
    """`--lang`: every command's interface, messages and help in English."""
    parser.add_argument("--lang", choices=("fr", "en"), default="fr",
                        help=t("help.language_of_the_interface_the"))


def _fullscreen_option(parser: argparse.ArgumentParser, t: Words) -> None:
    parser.add_argument("--fullscreen", action="store_true", help=t("help.full_screen"))


def build_parser(lang: str = "fr") -> argparse.ArgumentParser:
    import argparse

    from game.cli.french import speak

    t = Words(lang)
    speak(lang)
    whole.__name__ = t("help.whole_number")
    parser = argparse.ArgumentParser(
        prog="python -m game",
        description=t("help.a_serious_game_to_train"))
    _lang_option(parser, t)
    commands = parser.add_subparsers(dest="command", metavar=t("help.command"))
    folder_word, number = t("help.folder"), "N"
    seed_help = t("help.seed_of_the_card_draw")
    answering_help = t("help.who_answers_all_every_team")
    teams_help = t("help.number_of_teams_default_2")
    force_help = t("help.replace_the_output_file_if")

    play = commands.add_parser("play", help=t("help.play_a_session_the_default"))
    _content_options(play, t)
    _sessions_option(play, t)
    play.add_argument("--teams", type=whole, metavar=number, help=t("help.number_of_teams_within_the"))
    play.add_argument("--answering", choices=("all", "rotation"), help=answering_help)
    play.add_argument("--seed", type=whole, metavar=number, help=seed_help)
    play.add_argument("--fullscreen", action="store_true", help=t("help.full_screen_f11_switches_during"))
    play.add_argument("--autoplay", action="store_true", help=t("help.a_robot_plays_the_whole"))
    play.add_argument("--fast", action="store_true", help=t("help.no_waits_nor_animations_with"))
    play.add_argument("--out", type=folder, metavar=folder_word, help=t("help.the_folder_of_this_session"))
    play.add_argument("--console", action="store_true", help=t("help.play_in_the_terminal_instead"))
    play.add_argument("--plan", type=Path, metavar=t("help.file"), help=t("help.a_session_plan_saved_from"))
    play.add_argument("--presenter", action="store_true", help=t("help.presenter"))

    train = commands.add_parser("train", help=t("help.train_alone_a_session_on"))
    train.add_argument("--deck", metavar="ID", help=t("help.the_theme_a_deck_default"))
    train.add_argument("--aspect", metavar="ID", help=t("help.the_theme_an_aspect_e"))
    train.add_argument("--minutes", type=whole, choices=(5, 10, 15), default=10,
                       help=t("help.target_duration_default_10"))
    train.add_argument("--timed", action="store_true",
                       help=t("help.timed_the_session_stops_at"))
    train.add_argument("--review", action="store_true",
                       help=t("help.review_my_mistakes_the_missed"))
    _profile_option(train, t)
    train.add_argument("--console", action="store_true", help=t("help.in_the_terminal_instead_of"))
    train.add_argument("--seed", type=whole, metavar=number, help=seed_help)
    _fullscreen_option(train, t)
    _content_options(train, t, scenario=False)
    _sessions_option(train, t)

    progress = commands.add_parser("progress", help=t("help.my_progress_mastery_by_aspect"))
    _profile_option(progress, t)
    progress.add_argument("--pdf", nargs="?", const="", metavar=t("help.file_pdf"),
                          help=t("help.also_write_the_progress_sheet"))
    _sessions_option(progress, t)

    profile = commands.add_parser("profile", help=t("help.profiles"))
    profile.add_argument("action", choices=("list", "rename", "delete"), help=t("help.profile_action"))
    profile.add_argument("names", nargs="*", metavar=t("help.name"), help=t("help.profile_names"))
    profile.add_argument("--yes", action="store_true", help=t("help.profile_yes"))
    _sessions_option(profile, t)

    resume = commands.add_parser("resume", help=t("help.resume_an_interrupted_session"))
    resume.add_argument("log", nargs="?", type=Path, metavar=t("help.log"),
                        help=t("help.a_session_log_jsonl_default"))
    _sessions_option(resume, t)
    resume.add_argument("--console", action="store_true", help=t("help.resume_in_the_terminal_instead"))
    _fullscreen_option(resume, t)
    resume.add_argument("--presenter", action="store_true", help=t("help.presenter"))

    path_word = t("help.path")
    validate = commands.add_parser("validate", help=t("help.check_decks_and_scenarios"))
    validate.add_argument("paths", nargs="*", type=Path, metavar=path_word,
                          help=t("help.files_or_folders_to_check"))
    _content_options(validate, t, scenario=False)
    _lang_option(validate, t)
    validate.add_argument("--no-layout", action="store_true",
                          help=t("help.do_not_check_that_texts"))

    linter = commands.add_parser("lint", help=t("help.remarks_that_do_not_block"))
    linter.add_argument("paths", nargs="*", type=Path, metavar=path_word,
                        help=t("help.files_or_folders_to_review"))
    _content_options(linter, t, scenario=False)
    _lang_option(linter, t)

    simulate = commands.add_parser("simulate", help=t("help.have_a_robot_play_sessions"))
    _content_options(simulate, t)
    simulate.add_argument("--seed", type=whole, default=1, metavar=number,
                          help=t("help.seed_of_the_first_session"))
    simulate.add_argument("--strategy", choices=("random", "best", "worst"), default="random",
                          help=t("help.the_robot_s_answers_random"))
    simulate.add_argument("--sessions", type=whole, default=1, metavar="K",
                          help=t("help.number_of_sessions_default_1"))
    simulate.add_argument("--teams", type=whole, metavar=number, help=teams_help)
    simulate.add_argument("--answering", choices=("all", "rotation"), help=answering_help)

    file_word = t("help.file")
    preview = commands.add_parser("preview", help=t("help.see_a_deck_s_cards"))
    preview.add_argument("path", type=Path, metavar=file_word, help=t("help.the_deck_to_see_yaml"))
    _content_options(preview, t, scenario=False)
    _fullscreen_option(preview, t)

    schema = commands.add_parser("schema", help=t("help.write_the_json_schemas_of"))
    schema.add_argument("--out", type=folder, default=Path("."), metavar=folder_word,
                        help=t("help.where_to_write_deck_schema"))
    schema.add_argument("--docs", type=Path, metavar=file_word,
                        help=t("help.also_update_the_field_reference"))

    new = commands.add_parser("new", help=t("help.create_a_deck_or_a"))
    new.add_argument("what", choices=("deck", "scenario"), metavar="deck|scenario",
                     help=t("help.what_to_create"))
    new.add_argument("name", metavar=t("help.name"), help=t("help.the_title_the_id_and"))
    new.add_argument("--kind", choices=("question", "persona", "situation"), default="question",
                     help=t("help.for_a_deck_the_kind"))
    new.add_argument("--deck", default="teletravail", metavar="ID",
                     help=t("help.for_a_scenario_the_id"))
    new.add_argument("--dir", type=Path, default=Path("."), metavar=folder_word,
                     help=t("help.where_to_create_the_file"))

    importer = commands.add_parser("import", aliases=["import-csv"], help=t("help.import_cards_from_a_spreadsheet"))
    importer.add_argument("file", type=Path, nargs="?", metavar=file_word,
                          help=t("help.the_table_csv_xlsx_or"))
    importer.add_argument("--deck", metavar="ID", help=t("help.id_of_the_deck_created"))
    importer.add_argument("--out", type=Path, metavar=t("help.file_yaml"),
                          help=t("help.the_deck_to_write"))
    importer.add_argument("--into", type=Path, metavar="DECK.yaml",
                          help=t("help.replace_this_deck_s_cards"))
    importer.add_argument("--title", metavar=t("help.title"), help=t("help.the_deck_s_title_default"))
    importer.add_argument("--license", default="CC-BY-4.0", metavar=t("help.license"),
                          help=t("help.license_default_cc_by_4"))
    importer.add_argument("--aspect", metavar=t("help.label"),
                          help=t("help.the_cards_aspect_when_the"))
    importer.add_argument("--format", choices=("csv", "xlsx", "gift", "aiken"),
                          help=t("help.the_file_s_format_default"))
    importer.add_argument("--template", type=Path, metavar=file_word,
                          help=t("help.write_a_table_to_fill"))
    importer.add_argument("--kind", choices=("question", "persona", "situation"), default="question",
                          help=t("help.with_template_the_kind_of"))
    importer.add_argument("--force", action="store_true", help=force_help)

    for command, suffix, what in (("export-csv", "csv", "CSV"), ("export-xlsx", "xlsx", "Excel")):
        exporter = commands.add_parser(command, help=t("help.write_a_deck_s_cards", what=what))
        exporter.add_argument("deck", type=Path, metavar="DECK.yaml", help=t("help.the_deck_to_export"))
        exporter.add_argument("--out", type=Path, metavar=t("help.file_2", suffix=suffix),
                              help=t("help.the_table_to_write_default", suffix=suffix))
        exporter.add_argument("--force", action="store_true", help=force_help)

    cards = commands.add_parser("answer-cards", help=t("help.print_the_teams_answer_cards"))
    _content_options(cards, t)
    cards.add_argument("--teams", type=whole, metavar=number, help=teams_help)
    cards.add_argument("--names", metavar=t("help.names"),
                       help=t("help.the_teams_names_separated_by"))
    cards.add_argument("--out", type=Path, default=Path("cartes-reponses.pdf"), metavar=t("help.file_pdf"),
                       help=t("help.the_pdf_to_write_or"))

    debrief = commands.add_parser("debrief", help=t("help.write_the_sheets_pdf_and"))
    debrief.add_argument("logs", nargs="+", type=Path, metavar=t("help.log"),
                         help=t("help.session_logs_jsonl"))
    debrief.add_argument("--out", type=folder, metavar=folder_word,
                         help=t("help.where_to_write_the_sheets"))
    xapi = commands.add_parser("xapi", help=t("help.xapi"))
    xapi.add_argument("action", choices=("export", "push", "configure"), help=t("help.xapi_action"))
    xapi.add_argument("logs", nargs="*", type=Path, metavar=t("help.log"), help=t("help.xapi_logs"))
    xapi.add_argument("--out", type=Path, metavar=t("help.xapi_file"), help=t("help.xapi_out"))
    xapi.add_argument("--endpoint", metavar="URL", help=t("help.xapi_endpoint"))
    xapi.add_argument("--user", metavar=t("help.name"), help=t("help.xapi_user"))
    xapi.add_argument("--trainer", metavar=t("help.name"), help=t("help.xapi_trainer"))
    xapi.add_argument("--home", metavar="URL", help=t("help.xapi_home"))
    xapi.add_argument("--force", action="store_true", help=force_help)
    _sessions_option(xapi, t)
    for command in {id(p): p for p in commands.choices.values()}.values():  # an alias shares its parser
        if "--lang" not in command._option_string_actions:
            _lang_option(command, t)
    return parser


HOME = SimpleNamespace(command=None, decks=[], out=None, sessions_dir=None, fullscreen=False, fast=False)
"""The options of a bare `python -m game`: those of `play` by default (a test holds them equal)."""


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    chosen = chosen_lang(argv)
    lang = chosen or "fr"
    use(lang)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        return unknown_command(argv[0], [name for name in COMMANDS if name])
    args = build_parser(lang).parse_args(argv) if argv else HOME
    if argv:
        args.lang = lang  # also where the command has no --lang of its own, for its refusals
        args.chosen_lang = chosen  # the screen keeps the reader's own choice unless one is given here
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("\n" + tr("cli.interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a user's mistake is one sentence; anything else is re-raised
        return report(exc, args)


def _run(args: argparse.Namespace | SimpleNamespace) -> int:
    return COMMANDS[args.command](args)

