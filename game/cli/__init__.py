"""`python -m game …`: thin commands over the content, engine and session layers.

Sub-commands import their modules only when they run, so `--help` starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a bare `python -m game` builds no parser: the home screen must not wait for one
    import argparse

DEFAULT_SCENARIO = "atelier-teletravail"


class UserError(Exception):
    """A mistake the user can fix: printed as one plain sentence, exit status 2."""


def folder(text: str) -> Path:
    """A folder option: refused at once when a file of that name is in the way."""
    import argparse

    path = Path(text)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} est un fichier, pas un dossier : donnez un dossier")
    return path


def whole(text: str) -> int:
    """A whole-number option; its name is what argparse's refusal says is expected."""
    return int(text)


whole.__name__ = "nombre entier"


def sessions_folder(args: argparse.Namespace) -> Path:
    """Where this command keeps session logs: --out, else --sessions-dir, else the user's data folder."""
    if getattr(args, "out", None) is not None:
        return args.out
    if getattr(args, "sessions_dir", None) is not None:
        return args.sessions_dir
    from game.paths import default_sessions_dir

    return default_sessions_dir()


def _content_options(parser: argparse.ArgumentParser, scenario: bool = True) -> None:
    if scenario:
        parser.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID|FICHIER",
                            help=f"id d'un scénario, ou chemin d'un fichier de scénario (défaut : {DEFAULT_SCENARIO})")
    parser.add_argument("--decks", action="append", type=Path, default=[], metavar="DOSSIER",
                        help="dossier de decks à ajouter aux decks fournis (option répétable)")


def _sessions_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sessions-dir", type=folder, metavar="DOSSIER",
                        help="dossier des journaux de session (défaut : dossier de données de l'utilisateur)")


def _profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", metavar="NOM", help="profil de l'agent (défaut : le nom de la session système)")


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from game.cli.french import speak_french

    speak_french()
    parser = argparse.ArgumentParser(
        prog="python -m game",
        description="Jeu sérieux pour former les agents publics : decks YAML, sessions par équipes ou en solo. "
                    "Sans commande : ouvre l'écran d'accueil.")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")

    play = commands.add_parser("play", help="jouer une session (scénario par défaut si rien n'est précisé)")
    _content_options(play)
    _sessions_option(play)
    play.add_argument("--teams", type=whole, metavar="N", help="nombre d'équipes (dans les limites du scénario)")
    play.add_argument("--answering", choices=("all", "rotation"),
                      help="qui répond : all (toutes les équipes à chaque carte) ou rotation (une équipe à tour de "
                           "rôle) ; par défaut, le choix du scénario")
    play.add_argument("--seed", type=whole, metavar="N", help="graine du tirage des cartes (défaut : au hasard)")
    play.add_argument("--fullscreen", action="store_true", help="plein écran (F11 bascule pendant le jeu)")
    play.add_argument("--autoplay", action="store_true", help="un robot joue toute la session à l'écran (démonstration)")
    play.add_argument("--fast", action="store_true", help="sans attentes ni animations (avec --autoplay)")
    play.add_argument("--out", type=folder, metavar="DOSSIER", help="dossier du journal et du bilan de cette session")
    play.add_argument("--console", action="store_true", help="jouer dans le terminal plutôt qu'à l'écran")

    train = commands.add_parser("train", help="m'entraîner seul : une session sur un thème, ou revoir mes erreurs")
    theme = train.add_mutually_exclusive_group()
    theme.add_argument("--deck", metavar="ID", help="le thème : un deck (défaut : tous les decks)")
    theme.add_argument("--aspect", metavar="ID", help="le thème : un aspect (ex. : reglementaire)")
    train.add_argument("--minutes", type=whole, choices=(5, 10, 15), default=10, help="durée visée (défaut : 10)")
    train.add_argument("--timed", action="store_true",
                       help="avec le chrono : la session s'arrête à la durée visée et demie (défaut : sans chrono)")
    train.add_argument("--review", action="store_true",
                       help="revoir mes erreurs : les cartes manquées dont le tour est venu, jusqu'à les réussir")
    _profile_option(train)
    train.add_argument("--console", action="store_true", help="dans le terminal plutôt qu'à l'écran")
    train.add_argument("--seed", type=whole, metavar="N", help="graine du tirage des cartes (défaut : au hasard)")
    train.add_argument("--fullscreen", action="store_true", help="plein écran")
    _content_options(train, scenario=False)
    _sessions_option(train)

    progress = commands.add_parser("progress", help="mes progrès : maîtrise par aspect, cartes à revoir, sources")
    _profile_option(progress)
    progress.add_argument("--pdf", nargs="?", const="", metavar="FICHIER.pdf",
                          help="écrire aussi la fiche de progrès (défaut : progres-PROFIL.pdf, dans le dossier des sessions)")
    _sessions_option(progress)

    resume = commands.add_parser("resume", help="reprendre une session interrompue")
    resume.add_argument("log", nargs="?", type=Path, metavar="JOURNAL",
                        help="journal de session (.jsonl) ; défaut : la dernière session non terminée")
    _sessions_option(resume)
    resume.add_argument("--console", action="store_true", help="reprendre dans le terminal plutôt qu'à l'écran")
    resume.add_argument("--fullscreen", action="store_true", help="plein écran")

    validate = commands.add_parser("validate", help="vérifier des decks et des scénarios")
    validate.add_argument("paths", nargs="*", type=Path, metavar="CHEMIN",
                          help="fichiers ou dossiers à vérifier ensemble (défaut : decks/ et scenarios/ fournis)")
    _content_options(validate, scenario=False)
    validate.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue des messages (défaut : fr)")
    validate.add_argument("--no-layout", action="store_true",
                          help="ne pas vérifier que les textes tiennent à l'écran (plus rapide)")

    linter = commands.add_parser("lint", help="remarques qui n'empêchent pas de jouer (sources, longueurs, doublons)")
    linter.add_argument("paths", nargs="*", type=Path, metavar="CHEMIN",
                        help="fichiers ou dossiers à relire (défaut : decks/ et scenarios/ fournis)")
    _content_options(linter, scenario=False)
    linter.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue des messages (défaut : fr)")
    linter.add_argument("--no-layout", action="store_true",
                        help="ne pas vérifier les textes avec la police OpenDyslexic (plus rapide)")

    simulate = commands.add_parser("simulate", help="faire jouer des sessions par un robot et résumer")
    _content_options(simulate)
    simulate.add_argument("--seed", type=whole, default=1, metavar="N", help="graine de la première session (défaut : 1)")
    simulate.add_argument("--strategy", choices=("random", "best", "worst"), default="random",
                          help="réponses du robot : au hasard, les meilleures ou les pires (défaut : random)")
    simulate.add_argument("--sessions", type=whole, default=1, metavar="K", help="nombre de sessions (défaut : 1)")
    simulate.add_argument("--teams", type=whole, metavar="N", help="nombre d'équipes (défaut : 2, ou le minimum du scénario)")
    simulate.add_argument("--answering", choices=("all", "rotation"),
                          help="qui répond : all (toutes les équipes) ou rotation ; par défaut, le choix du scénario")
    preview = commands.add_parser("preview", help="voir les cartes d'un deck à l'écran, mises à jour à chaque enregistrement")
    preview.add_argument("path", type=Path, metavar="FICHIER", help="le deck à regarder (.yaml)")
    _content_options(preview, scenario=False)
    preview.add_argument("--fullscreen", action="store_true", help="plein écran")

    schema = commands.add_parser("schema", help="écrire les schémas JSON des decks et scénarios (complétion dans l'éditeur)")
    schema.add_argument("--out", type=folder, default=Path("."), metavar="DOSSIER",
                        help="dossier où écrire deck.schema.json et scenario.schema.json (défaut : dossier courant)")
    schema.add_argument("--docs", type=Path, metavar="FICHIER",
                        help="mettre aussi à jour la référence des champs de ce document (docs/authoring.md)")

    new = commands.add_parser("new", help="créer un deck ou un scénario à compléter")
    new.add_argument("what", choices=("deck", "scenario"), metavar="deck|scenario", help="ce qu'il faut créer")
    new.add_argument("name", metavar="NOM", help="le titre ; l'identifiant et le nom du fichier en sont tirés")
    new.add_argument("--kind", choices=("question", "persona", "situation"), default="question",
                     help="pour un deck : le type de cartes de l'exemple (défaut : question)")
    new.add_argument("--deck", default="teletravail", metavar="ID",
                     help="pour un scénario : l'identifiant du deck à tirer (défaut : teletravail)")
    new.add_argument("--dir", type=Path, default=Path("."), metavar="DOSSIER",
                     help="dossier où créer le fichier (défaut : dossier courant)")

    importer = commands.add_parser("import", aliases=["import-csv"], help="importer des cartes d'un tableur (CSV, "
                                    "Excel) ou d'une banque de questions (GIFT, Aiken)")
    importer.add_argument("file", type=Path, nargs="?", metavar="FICHIER",
                          help="le tableau (.csv, .xlsx) ou la banque de questions (.gift, .txt pour Aiken)")
    importer.add_argument("--deck", metavar="ID", help="identifiant du deck créé (ex. : mon-deck)")
    importer.add_argument("--out", type=Path, metavar="FICHIER.yaml", help="le deck à écrire")
    importer.add_argument("--into", type=Path, metavar="DECK.yaml",
                          help="remplacer les cartes de ce deck (son en-tête est gardé) : le retour d'une relecture")
    importer.add_argument("--title", metavar="TITRE", help="titre du deck (défaut : son identifiant)")
    importer.add_argument("--license", default="CC-BY-4.0", metavar="LICENCE", help="licence (défaut : CC-BY-4.0)")
    importer.add_argument("--aspect", metavar="LIBELLÉ",
                          help="l'aspect des cartes quand le fichier n'en dit rien (Kahoot, Aiken ; défaut pour GIFT : "
                               "sa catégorie, sinon « Général »)")
    importer.add_argument("--format", choices=("csv", "xlsx", "gift", "aiken"),
                          help="le format du fichier (défaut : d'après son extension)")
    importer.add_argument("--template", type=Path, metavar="FICHIER",
                          help="écrire un tableau à remplir (.csv ou .xlsx) avec une ligne d'exemple, puis s'arrêter")
    importer.add_argument("--kind", choices=("question", "persona", "situation"), default="question",
                          help="pour --template : le type de cartes du tableau (défaut : question)")
    importer.add_argument("--force", action="store_true", help="remplacer le fichier de sortie s'il existe")

    for command, suffix, what in (("export-csv", "csv", "CSV"), ("export-xlsx", "xlsx", "Excel")):
        exporter = commands.add_parser(command, help=f"écrire les cartes d'un deck dans un tableau {what} à relire")
        exporter.add_argument("deck", type=Path, metavar="DECK.yaml", help="le deck à exporter")
        exporter.add_argument("--out", type=Path, metavar=f"FICHIER.{suffix}",
                              help=f"le tableau à écrire (défaut : le nom du deck en .{suffix})")
        exporter.add_argument("--force", action="store_true", help="remplacer le fichier s'il existe")

    cards = commands.add_parser("answer-cards", help="imprimer les cartes-réponses des équipes (PDF, une page A4 par équipe)")
    _content_options(cards)
    cards.add_argument("--teams", type=whole, metavar="N", help="nombre d'équipes (défaut : 2, ou le minimum du scénario)")
    cards.add_argument("--names", metavar="NOMS", help="noms des équipes séparés par des virgules (remplace --teams)")
    cards.add_argument("--out", type=Path, default=Path("cartes-reponses.pdf"), metavar="FICHIER.pdf",
                       help="le PDF à écrire, ou un dossier où l'écrire (défaut : cartes-reponses.pdf)")

    debrief = commands.add_parser("debrief", help="refaire les bilans (PDF et CSV) à partir de journaux de session")
    debrief.add_argument("logs", nargs="+", type=Path, metavar="JOURNAL", help="journaux de session (.jsonl)")
    debrief.add_argument("--out", type=folder, metavar="DOSSIER",
                         help="dossier où écrire les bilans (défaut : à côté de chaque journal)")
    return parser


HOME = SimpleNamespace(command=None, decks=[], out=None, sessions_dir=None, fullscreen=False, fast=False)
"""The options of a bare `python -m game`: those of `play` by default (a test holds them equal)."""


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        return _unknown_command(argv[0])
    args = build_parser().parse_args(argv) if argv else HOME
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("\nInterrompu.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a user's mistake is one sentence; anything else is re-raised
        return _report(exc, args)


def _unknown_command(typed: str) -> int:
    """A mistyped command gets the closest one, as a mistyped field does in `validate`."""
    from difflib import get_close_matches

    known = [name for name in COMMANDS if name]
    near = get_close_matches(typed, known, n=1, cutoff=0.6)
    hint = f" : vouliez-vous dire « {near[0]} » ?" if near else ""
    print(f"erreur : commande inconnue « {typed} »{hint} (commandes : {', '.join(known)} ; "
          "python -m game --help les décrit)", file=sys.stderr)
    return 2


# Each command's module and function, imported only when it runs: `--help` and the home screen start fast.
COMMANDS: dict[str | None, str] = {
    None: "game.cli.screen:run_home", "play": "game.cli.play:run_play", "resume": "game.cli.play:run_resume",
    "train": "game.cli.train:run_train", "progress": "game.cli.train:run_progress",
    "validate": "game.cli.validate:run_validate", "preview": "game.cli.preview:run_preview",
    "lint": "game.cli.lint:run_lint", "schema": "game.cli.schema:run_schema", "new": "game.cli.new:run_new",
    "import": "game.cli.sheets:run_import", "import-csv": "game.cli.sheets:run_import", "export-csv": "game.cli.sheets:run_export",
    "export-xlsx": "game.cli.sheets:run_export", "debrief": "game.cli.debrief:run_debrief",
    "answer-cards": "game.cli.answercards:run_answer_cards", "simulate": "game.cli.simulate:run_simulate",
}


def _run(args: argparse.Namespace | SimpleNamespace) -> int:
    module, function = COMMANDS[args.command].split(":")
    return getattr(import_module(module), function)(args)


def _report(exc: Exception, args: argparse.Namespace | SimpleNamespace) -> int:
    """The exit status for an error the user can act on, told in one sentence; other errors go on up.

    The error classes are imported here, when something went wrong, not on the way to the first frame."""
    from game.content.errors import ContentInvalid
    from game.session.log import LogError

    if isinstance(exc, ContentInvalid):
        lang = getattr(args, "lang", "fr")
        for error in exc.errors:
            print(error.text(lang), file=sys.stderr)
        print(f"{exc.count} error(s): fix them and run again." if lang == "en"
              else f"{exc.count} erreur(s) : corrigez-les puis relancez.", file=sys.stderr)
        return 1
    if isinstance(exc, (UserError, LogError)):
        print(f"erreur : {exc}", file=sys.stderr)
        return 2
    if isinstance(exc, BrokenPipeError):  # `simulate ... | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the final flush must not fail again
        return 1
    if isinstance(exc, OSError):  # a disk that is full, read-only or locked, met where no closer code expected it
        from game.diskerrors import disk_problem

        print(f"erreur : {disk_problem(exc)}", file=sys.stderr)
        return 2
    raise exc
