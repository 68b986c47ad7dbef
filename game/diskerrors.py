"""What a failed file operation means for the user: which file, and what to do, in French.

The system's own text (strerror) is English and says nothing of what to do; every place that writes
a file words its failure here, from the screen's dialogs to the commands' messages.
"""

from __future__ import annotations

import errno
from pathlib import Path

from game.paths import display_path

_DISK = {
    errno.ENOSPC: "le disque est plein : libérez de la place, puis recommencez",
    errno.EDQUOT: "votre quota de disque est atteint : libérez de la place, puis recommencez",
    errno.EROFS: "ce disque est en lecture seule : choisissez un autre dossier",
    errno.EACCES: "vous n’avez pas le droit d’écrire ici : choisissez un autre dossier",
    errno.EPERM: "vous n’avez pas le droit d’écrire ici : choisissez un autre dossier",
    errno.EISDIR: "un dossier porte ce nom : déplacez-le, ou choisissez un autre dossier",
    errno.ENOTDIR: "un fichier se trouve là où un dossier est attendu",
    errno.ENOENT: "ce dossier n’existe pas (ou plus) : une clé USB a-t-elle été retirée ?",
    errno.EIO: "le disque ne répond pas (erreur matérielle) : vérifiez la clé USB ou le disque",
}


def disk_problem(error: OSError, path: object = None) -> str:
    """A failed file operation as a sentence: which file, and what to do (the system's own text is English)."""
    where = error.filename or path
    why = _DISK.get(error.errno or 0) or str(error.strerror or error)
    return f"{display_path(Path(str(where)))} : {why}" if where else why


def sheet_problem(error: Exception, log: object = None) -> str:
    """Why a session's sheet was not written: a disk's refusal, or (never expected) a fault of the program's
    own, said in a sentence that keeps the log safe and names it, instead of a traceback."""
    if isinstance(error, OSError):
        return disk_problem(error)
    where = f" ; le journal {display_path(Path(str(log)))} est intact" if log else " ; le journal est intact"
    return (f"le programme n’a pas su construire ce bilan ({type(error).__name__}){where} : "
            "signalez-le avec ce journal")
