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
    """The help's sentences in the language asked for, each written in French beside its English."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, fr: str, en: str) -> str:
        return en if self.lang == "en" else fr


def _content_options(parser: argparse.ArgumentParser, t: Words, scenario: bool = True) -> None:
    if scenario:
        parser.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar=t("ID|FICHIER", "ID|FILE"),
                            help=t(f"id d'un scénario, ou chemin d'un fichier de scénario (défaut : {DEFAULT_SCENARIO})",
                                   f"a scenario's id, or the path of a scenario file (default: {DEFAULT_SCENARIO})"))
    parser.add_argument("--decks", action="append", type=Path, default=[], metavar=t("DOSSIER", "FOLDER"),
                        help=t("dossier de decks à ajouter aux decks fournis (option répétable)",
                               "a folder of decks to add to the shipped ones (may be repeated)"))


def _sessions_option(parser: argparse.ArgumentParser, t: Words) -> None:
    parser.add_argument("--sessions-dir", type=folder, metavar=t("DOSSIER", "FOLDER"),
                        help=t("dossier des journaux de session (défaut : dossier de données de l'utilisateur)",
                               "the folder of session logs (default: the user's data folder)"))


def _profile_option(parser: argparse.ArgumentParser, t: Words) -> None:
    parser.add_argument("--profile", metavar=t("NOM", "NAME"),
                        help=t("profil de l'agent (défaut : le nom de la session système)",
                               "the agent's profile (default: the system's user name)"))


def _lang_option(parser: argparse.ArgumentParser, t: Words) -> None:
    """`--lang`: every command's interface, messages and help in English."""
    parser.add_argument("--lang", choices=("fr", "en"), default="fr",
                        help=t("langue de l'interface, des messages et de l'aide (défaut : fr ; à l'écran, celle "
                               "choisie à l'accueil)", "language of the interface, the messages and this help "
                               "(default: fr; on screen, the one chosen on the home screen)"))


def _fullscreen_option(parser: argparse.ArgumentParser, t: Words) -> None:
    parser.add_argument("--fullscreen", action="store_true", help=t("plein écran", "full screen"))


def build_parser(lang: str = "fr") -> argparse.ArgumentParser:
    import argparse

    from game.cli.french import speak

    t = Words(lang)
    speak(lang)
    whole.__name__ = t("nombre entier", "whole number")
    parser = argparse.ArgumentParser(
        prog="python -m game",
        description=t("Jeu sérieux pour former les agents publics : decks YAML, sessions par équipes ou en solo. "
                      "Sans commande : ouvre l'écran d'accueil.",
                      "A serious game to train public agents: YAML decks, sessions in teams or alone. "
                      "Without a command: opens the home screen."))
    _lang_option(parser, t)
    commands = parser.add_subparsers(dest="command", metavar=t("COMMANDE", "COMMAND"))
    folder_word, number = t("DOSSIER", "FOLDER"), "N"
    seed_help = t("graine du tirage des cartes (défaut : au hasard)", "seed of the card draw (default: random)")
    answering_help = t("qui répond : all (toutes les équipes à chaque carte) ou rotation (une équipe à tour de rôle) ; "
                       "par défaut, le choix du scénario",
                       "who answers: all (every team, each card) or rotation (one team in turn); by default, the "
                       "scenario's choice")
    teams_help = t("nombre d'équipes (défaut : 2, ou le minimum du scénario)",
                   "number of teams (default: 2, or the scenario's minimum)")
    force_help = t("remplacer le fichier de sortie s'il existe", "replace the output file if it exists")

    play = commands.add_parser("play", help=t("jouer une session (scénario par défaut si rien n'est précisé)",
                                              "play a session (the default scenario unless one is given)"))
    _content_options(play, t)
    _sessions_option(play, t)
    play.add_argument("--teams", type=whole, metavar=number, help=t("nombre d'équipes (dans les limites du scénario)",
                                                                    "number of teams (within the scenario's limits)"))
    play.add_argument("--answering", choices=("all", "rotation"), help=answering_help)
    play.add_argument("--seed", type=whole, metavar=number, help=seed_help)
    play.add_argument("--fullscreen", action="store_true", help=t("plein écran (F11 bascule pendant le jeu)",
                                                                  "full screen (F11 switches during the game)"))
    play.add_argument("--autoplay", action="store_true", help=t("un robot joue toute la session à l'écran (démonstration)",
                                                                "a robot plays the whole session on screen (a demo)"))
    play.add_argument("--fast", action="store_true", help=t("sans attentes ni animations (avec --autoplay)",
                                                            "no waits nor animations (with --autoplay)"))
    play.add_argument("--out", type=folder, metavar=folder_word, help=t("dossier du journal et du bilan de cette session",
                                                                        "the folder of this session's log and sheet"))
    play.add_argument("--console", action="store_true", help=t("jouer dans le terminal plutôt qu'à l'écran",
                                                               "play in the terminal instead of on screen"))

    train = commands.add_parser("train", help=t("m'entraîner seul : une session sur un thème, ou revoir mes erreurs",
                                                "train alone: a session on one theme, or review my mistakes"))
    theme = train.add_mutually_exclusive_group()
    theme.add_argument("--deck", metavar="ID", help=t("le thème : un deck (défaut : tous les decks)",
                                                      "the theme: a deck (default: every deck)"))
    theme.add_argument("--aspect", metavar="ID", help=t("le thème : un aspect (ex. : reglementaire)",
                                                        "the theme: an aspect (e.g. reglementaire)"))
    train.add_argument("--minutes", type=whole, choices=(5, 10, 15), default=10,
                       help=t("durée visée (défaut : 10)", "target duration (default: 10)"))
    train.add_argument("--timed", action="store_true",
                       help=t("avec le chrono : la session s'arrête à la durée visée et demie (défaut : sans chrono)",
                              "timed: the session stops at one and a half times its target (default: untimed)"))
    train.add_argument("--review", action="store_true",
                       help=t("revoir mes erreurs : les cartes manquées dont le tour est venu, jusqu'à les réussir",
                              "review my mistakes: the missed cards that are due, until they are right"))
    _profile_option(train, t)
    train.add_argument("--console", action="store_true", help=t("dans le terminal plutôt qu'à l'écran",
                                                                "in the terminal instead of on screen"))
    train.add_argument("--seed", type=whole, metavar=number, help=seed_help)
    _fullscreen_option(train, t)
    _content_options(train, t, scenario=False)
    _sessions_option(train, t)

    progress = commands.add_parser("progress", help=t("mes progrès : maîtrise par aspect, cartes à revoir, sources",
                                                      "my progress: mastery by aspect, cards to review, sources"))
    _profile_option(progress, t)
    progress.add_argument("--pdf", nargs="?", const="", metavar=t("FICHIER.pdf", "FILE.pdf"),
                          help=t("écrire aussi la fiche de progrès (défaut : progres-PROFIL.pdf, dans le dossier des "
                                 "sessions)", "also write the progress sheet (default: progres-PROFILE.pdf, in the "
                                 "sessions folder)"))
    _sessions_option(progress, t)

    resume = commands.add_parser("resume", help=t("reprendre une session interrompue", "resume an interrupted session"))
    resume.add_argument("log", nargs="?", type=Path, metavar=t("JOURNAL", "LOG"),
                        help=t("journal de session (.jsonl) ; défaut : la dernière session non terminée",
                               "a session log (.jsonl); default: the last unfinished session"))
    _sessions_option(resume, t)
    resume.add_argument("--console", action="store_true", help=t("reprendre dans le terminal plutôt qu'à l'écran",
                                                                 "resume in the terminal instead of on screen"))
    _fullscreen_option(resume, t)

    path_word = t("CHEMIN", "PATH")
    validate = commands.add_parser("validate", help=t("vérifier des decks et des scénarios", "check decks and scenarios"))
    validate.add_argument("paths", nargs="*", type=Path, metavar=path_word,
                          help=t("fichiers ou dossiers à vérifier ensemble (défaut : decks/ et scenarios/ fournis)",
                                 "files or folders to check together (default: the shipped decks/ and scenarios/)"))
    _content_options(validate, t, scenario=False)
    _lang_option(validate, t)
    validate.add_argument("--no-layout", action="store_true",
                          help=t("ne pas vérifier que les textes tiennent à l'écran, dans les deux polices (plus "
                                 "rapide)", "do not check that texts fit the screen, in both fonts (faster)"))

    linter = commands.add_parser("lint", help=t("remarques qui n'empêchent pas de jouer (sources, longueurs, doublons)",
                                                "remarks that do not block a session (sources, lengths, duplicates)"))
    linter.add_argument("paths", nargs="*", type=Path, metavar=path_word,
                        help=t("fichiers ou dossiers à relire (défaut : decks/ et scenarios/ fournis)",
                               "files or folders to review (default: the shipped decks/ and scenarios/)"))
    _content_options(linter, t, scenario=False)
    _lang_option(linter, t)

    simulate = commands.add_parser("simulate", help=t("faire jouer des sessions par un robot et résumer",
                                                      "have a robot play sessions, and sum them up"))
    _content_options(simulate, t)
    simulate.add_argument("--seed", type=whole, default=1, metavar=number,
                          help=t("graine de la première session (défaut : 1)", "seed of the first session (default: 1)"))
    simulate.add_argument("--strategy", choices=("random", "best", "worst"), default="random",
                          help=t("réponses du robot : au hasard, les meilleures ou les pires (défaut : random)",
                                 "the robot's answers: random, the best or the worst (default: random)"))
    simulate.add_argument("--sessions", type=whole, default=1, metavar="K",
                          help=t("nombre de sessions (défaut : 1)", "number of sessions (default: 1)"))
    simulate.add_argument("--teams", type=whole, metavar=number, help=teams_help)
    simulate.add_argument("--answering", choices=("all", "rotation"), help=answering_help)

    file_word = t("FICHIER", "FILE")
    preview = commands.add_parser("preview", help=t("voir les cartes d'un deck à l'écran, mises à jour à chaque "
                                                    "enregistrement", "see a deck's cards on screen, updated at each save"))
    preview.add_argument("path", type=Path, metavar=file_word, help=t("le deck à regarder (.yaml)", "the deck to see (.yaml)"))
    _content_options(preview, t, scenario=False)
    _fullscreen_option(preview, t)

    schema = commands.add_parser("schema", help=t("écrire les schémas JSON des decks et scénarios (complétion dans "
                                                  "l'éditeur)", "write the JSON Schemas of decks and scenarios (for the "
                                                  "editor's completion)"))
    schema.add_argument("--out", type=folder, default=Path("."), metavar=folder_word,
                        help=t("dossier où écrire deck.schema.json et scenario.schema.json (défaut : dossier courant)",
                               "where to write deck.schema.json and scenario.schema.json (default: this folder)"))
    schema.add_argument("--docs", type=Path, metavar=file_word,
                        help=t("mettre aussi à jour la référence des champs de ce document (docs/authoring.md)",
                               "also update the field reference in this document (docs/authoring.md)"))

    new = commands.add_parser("new", help=t("créer un deck ou un scénario à compléter",
                                            "create a deck or a scenario to fill in"))
    new.add_argument("what", choices=("deck", "scenario"), metavar="deck|scenario",
                     help=t("ce qu'il faut créer", "what to create"))
    new.add_argument("name", metavar=t("NOM", "NAME"), help=t("le titre ; l'identifiant et le nom du fichier en sont "
                                                              "tirés", "the title; the id and file name come from it"))
    new.add_argument("--kind", choices=("question", "persona", "situation"), default="question",
                     help=t("pour un deck : le type de cartes de l'exemple (défaut : question)",
                            "for a deck: the kind of the example cards (default: question)"))
    new.add_argument("--deck", default="teletravail", metavar="ID",
                     help=t("pour un scénario : l'identifiant du deck à tirer (défaut : teletravail)",
                            "for a scenario: the id of the deck to draw (default: teletravail)"))
    new.add_argument("--dir", type=Path, default=Path("."), metavar=folder_word,
                     help=t("dossier où créer le fichier (défaut : dossier courant)",
                            "where to create the file (default: this folder)"))

    importer = commands.add_parser("import", aliases=["import-csv"], help=t(
        "importer des cartes d'un tableur (CSV, Excel) ou d'une banque de questions (GIFT, Aiken)",
        "import cards from a spreadsheet (CSV, Excel) or a question bank (GIFT, Aiken)"))
    importer.add_argument("file", type=Path, nargs="?", metavar=file_word,
                          help=t("le tableau (.csv, .xlsx) ou la banque de questions (.gift, .txt pour Aiken)",
                                 "the table (.csv, .xlsx) or the question bank (.gift, .txt for Aiken)"))
    importer.add_argument("--deck", metavar="ID", help=t("identifiant du deck créé (ex. : mon-deck)",
                                                         "id of the deck created (e.g. my-deck)"))
    importer.add_argument("--out", type=Path, metavar=t("FICHIER.yaml", "FILE.yaml"),
                          help=t("le deck à écrire", "the deck to write"))
    importer.add_argument("--into", type=Path, metavar="DECK.yaml",
                          help=t("remplacer les cartes de ce deck (son en-tête est gardé) : le retour d'une relecture",
                                 "replace this deck's cards (its header is kept): a review coming back"))
    importer.add_argument("--title", metavar=t("TITRE", "TITLE"), help=t("titre du deck (défaut : son identifiant)",
                                                                         "the deck's title (default: its id)"))
    importer.add_argument("--license", default="CC-BY-4.0", metavar=t("LICENCE", "LICENSE"),
                          help=t("licence (défaut : CC-BY-4.0)", "license (default: CC-BY-4.0)"))
    importer.add_argument("--aspect", metavar=t("LIBELLÉ", "LABEL"),
                          help=t("l'aspect des cartes quand le fichier n'en dit rien (Kahoot, Aiken ; défaut pour "
                                 "GIFT : sa catégorie, sinon « Général »)", "the cards' aspect when the file names none "
                                 "(Kahoot, Aiken; for GIFT, its category by default, else « Général »)"))
    importer.add_argument("--format", choices=("csv", "xlsx", "gift", "aiken"),
                          help=t("le format du fichier (défaut : d'après son extension)",
                                 "the file's format (default: from its extension)"))
    importer.add_argument("--template", type=Path, metavar=file_word,
                          help=t("écrire un tableau à remplir (.csv ou .xlsx) avec une ligne d'exemple, puis s'arrêter",
                                 "write a table to fill in (.csv or .xlsx) with an example row, then stop"))
    importer.add_argument("--kind", choices=("question", "persona", "situation"), default="question",
                          help=t("pour --template : le type de cartes du tableau (défaut : question)",
                                 "with --template: the kind of cards of the table (default: question)"))
    importer.add_argument("--force", action="store_true", help=force_help)

    for command, suffix, what in (("export-csv", "csv", "CSV"), ("export-xlsx", "xlsx", "Excel")):
        exporter = commands.add_parser(command, help=t(f"écrire les cartes d'un deck dans un tableau {what} à relire",
                                                       f"write a deck's cards into a {what} table to review"))
        exporter.add_argument("deck", type=Path, metavar="DECK.yaml", help=t("le deck à exporter", "the deck to export"))
        exporter.add_argument("--out", type=Path, metavar=t(f"FICHIER.{suffix}", f"FILE.{suffix}"),
                              help=t(f"le tableau à écrire (défaut : le nom du deck en .{suffix})",
                                     f"the table to write (default: the deck's name in .{suffix})"))
        exporter.add_argument("--force", action="store_true", help=force_help)

    cards = commands.add_parser("answer-cards", help=t("imprimer les cartes-réponses des équipes (PDF, une page A4 par "
                                                       "équipe)", "print the teams' answer cards (PDF, one A4 page per "
                                                       "team)"))
    _content_options(cards, t)
    cards.add_argument("--teams", type=whole, metavar=number, help=teams_help)
    cards.add_argument("--names", metavar=t("NOMS", "NAMES"),
                       help=t("noms des équipes séparés par des virgules (remplace --teams)",
                              "the teams' names, separated by commas (instead of --teams)"))
    cards.add_argument("--out", type=Path, default=Path("cartes-reponses.pdf"), metavar=t("FICHIER.pdf", "FILE.pdf"),
                       help=t("le PDF à écrire, ou un dossier où l'écrire (défaut : cartes-reponses.pdf)",
                              "the PDF to write, or a folder to write it in (default: cartes-reponses.pdf)"))

    debrief = commands.add_parser("debrief", help=t("refaire les bilans (PDF et CSV) à partir de journaux de session",
                                                    "write the sheets (PDF and CSV) again from session logs"))
    debrief.add_argument("logs", nargs="+", type=Path, metavar=t("JOURNAL", "LOG"),
                         help=t("journaux de session (.jsonl)", "session logs (.jsonl)"))
    debrief.add_argument("--out", type=folder, metavar=folder_word,
                         help=t("dossier où écrire les bilans (défaut : à côté de chaque journal)",
                                "where to write the sheets (default: beside each log)"))
    for command in {id(p): p for p in commands.choices.values()}.values():  # an alias shares its parser
        if "--lang" not in command._option_string_actions:
            _lang_option(command, t)
    return parser


HOME = SimpleNamespace(command=None, decks=[], out=None, sessions_dir=None, fullscreen=False, fast=False)
"""The options of a bare `python -m game`: those of `play` by default (a test holds them equal)."""


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        return unknown_command(argv[0], [name for name in COMMANDS if name])
    chosen = chosen_lang(argv)
    lang = chosen or "fr"
    use(lang)
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

