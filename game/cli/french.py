"""argparse's own sentences in French, so that `--help`, the usage line and a mistyped option read like the
rest of the program.

argparse words them through a module-level `_` (gettext, with no French catalogue shipped by Python);
the command line replaces it with this table before building its parser. Only this program's process is
concerned, and a sentence missing from the table stays as argparse wrote it.
"""

from __future__ import annotations

import argparse
import gettext

FRENCH = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s : %(message)s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "the following arguments are required: %s": "il manque : %s",
    "one of the arguments %s is required": "il faut l'un de ces arguments : %s",
    "not allowed with argument %s": "impossible avec %s",
    "ignored explicit argument %r": "valeur en trop : %r",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "une valeur au plus est attendue",
    "expected at least one argument": "une valeur au moins est attendue",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut être %(matches)s",
    "invalid %(type)s value: %(value)r": "%(value)r : %(type)s attendu",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r n'est pas possible (choisissez parmi %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "commande inconnue %(parser_name)r (commandes : %(choices)s)",
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
}


def french(message: str) -> str:
    return FRENCH.get(message, message)


def speak(lang: str) -> None:
    """argparse's sentences in French, or back to its own English (`--lang en`)."""
    argparse._ = french if lang == "fr" else gettext.gettext  # type: ignore[attr-defined]
