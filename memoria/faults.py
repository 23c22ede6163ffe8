"""One error path: what the disk or the catalogue refused, as one sentence for a person.

Every operation (a command, a window action) lets OSError and sqlite3 errors
rise; the command line's `main` and the window's task runner hand them to
:func:`describe`, which names the file and the cause in Spanish or English.
The operations themselves only have to remove what they half-wrote (they do
it in `finally`/`except BaseException` blocks around their temporary files),
not to catch and word errors one by one.

An OSError raised by `file.write` carries no file name; :func:`naming` adds
the path an operation was writing, so the sentence can still name it.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from memoria.storage import driver as sqlite3

_NO_SPACE = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG)
_NO_PERMISSION = (errno.EACCES, errno.EPERM)
LOW_SPACE = 1024 * 1024  # below this, an I/O error of SQLite is a full disk

_TEXT = {
    "es": {
        "space": "No queda espacio en el disco para escribir {file}; libere espacio y vuelva "
                 "a intentarlo (no se guardó nada a medias).",
        "permission": "No hay permiso para escribir o leer {file}; revise los permisos de la "
                      "carpeta (no se guardó nada a medias).",
        "readonly": "El disco de {file} es de solo lectura; no se pudo escribir "
                    "(no se guardó nada a medias).",
        "missing": "{file} ya no existe (se movió, se borró o se desconectó el disco durante "
                   "la operación); no se guardó nada a medias.",
        "notdir": "Una parte de la ruta {file} no es una carpeta; elija otra carpeta "
                  "(no se guardó nada a medias).",
        "io": "El disco informó un error de lectura o escritura en {file}; revise el disco "
              "y ejecute 'memoria verify'.",
        "other": "No se pudo usar {file}: {cause}.",
        "locked": "El catálogo {file} está ocupado por otro proceso de Memoria; espere un "
                  "momento y vuelva a intentarlo.",
        "damaged": "El catálogo {file} está dañado ({cause}); ejecute 'memoria verify' para "
                   "ver qué encontró y 'memoria restore' desde la última copia de seguridad.",
        "catalogue": "el catálogo",
    },
    "en": {
        "space": "No space left on the disk to write {file}; free some space and try again "
                 "(nothing was left half-written).",
        "permission": "No permission to write or read {file}; check the folder's permissions "
                      "(nothing was left half-written).",
        "readonly": "The disk holding {file} is read-only; nothing could be written "
                    "(nothing was left half-written).",
        "missing": "{file} no longer exists (it was moved, deleted or its disk disconnected "
                   "during the operation); nothing was left half-written.",
        "notdir": "Part of the path {file} is not a folder; choose another folder "
                  "(nothing was left half-written).",
        "io": "The disk reported a read or write error on {file}; check the disk and run "
              "'memoria verify'.",
        "other": "Could not use {file}: {cause}.",
        "locked": "The catalogue {file} is busy in another Memoria process; wait a moment "
                  "and try again.",
        "damaged": "The catalogue {file} is damaged ({cause}); run 'memoria verify' to see what "
                   "it finds and 'memoria restore' from the last backup.",
        "catalogue": "the catalogue",
    },
}


class Fault(Exception):
    """An operation stopped because of the disk or the catalogue; str() is the sentence."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class CatalogueDamaged(Fault):
    """The catalogue cannot be trusted as it is: the way out is verify, then restore."""


def _lang(lang: str) -> dict[str, str]:
    return _TEXT["en" if lang == "en" else "es"]


def _os_kind(code: int | None) -> str:
    if code in _NO_SPACE:
        return "space"
    if code in _NO_PERMISSION:
        return "permission"
    if code == errno.EROFS:
        return "readonly"
    if code == errno.ENOTDIR:
        return "notdir"
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
        return "missing"
    if code == errno.EIO:
        return "io"
    return "other"


def _sqlite_kind(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return "space"
    if primary == sqlite3.SQLITE_READONLY or "readonly database" in text:
        return "readonly"
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "is locked" in text:
        return "locked"
    if primary == sqlite3.SQLITE_PERM or primary == sqlite3.SQLITE_AUTH:
        return "permission"
    if primary == sqlite3.SQLITE_IOERR or "disk i/o error" in text:
        return "io"
    if primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        return "missing"
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or any(
            w in text for w in ("malformed", "not a database", "corrupt")):
        return "damaged"
    return "other"


def is_damage(exc: BaseException) -> bool:
    """True when `exc` says the catalogue's bytes are wrong (not the disk refusing)."""
    return isinstance(exc, CatalogueDamaged) or (
        isinstance(exc, sqlite3.DatabaseError) and _sqlite_kind(exc) == "damaged")


def is_disk_refusal(exc: BaseException) -> bool:
    """True when SQLite could not write or read because of the disk (full, read-only...)."""
    return isinstance(exc, sqlite3.Error) and _sqlite_kind(exc) in (
        "space", "readonly", "locked", "permission", "io", "missing")


def describe(exc: BaseException, lang: str = "es", catalogue: Path | None = None) -> str | None:
    """The sentence for an OSError or sqlite3 error, or None for anything else.

    `catalogue` names the file an SQLite error is about (SQLite does not say).
    """
    text = _lang(lang)
    if isinstance(exc, Located):
        return describe(exc.error, lang, exc.path)
    if isinstance(exc, Fault):
        return str(exc)
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else None
        if where is None:
            where = catalogue if catalogue is not None else "?"
        kind = _os_kind(exc.errno)
        cause = exc.strerror or str(exc)
        return text[kind].format(file=where, cause=cause)
    if isinstance(exc, sqlite3.Error):
        where = catalogue if catalogue is not None else text["catalogue"]
        kind = _sqlite_kind(exc)
        if kind == "io" and catalogue is not None and _nearly_full(catalogue):
            kind = "space"  # SQLite says "disk I/O error" when its shared memory cannot grow
        if kind == "missing" and catalogue is not None and Path(catalogue).exists():
            # "unable to open": the file is there, so its -shm/-wal could not be made
            kind = "readonly" if _read_only(catalogue) else "permission"
        return text[kind].format(file=where, cause=str(exc))
    return None


def _read_only(path: Path) -> bool:
    try:
        return bool(os.statvfs(Path(path).parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _nearly_full(path: Path) -> bool:
    folder = Path(path)
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


def damaged(catalogue: Path | str, cause: str, lang: str = "es") -> CatalogueDamaged:
    """The one sentence every command says when it meets a damaged catalogue."""
    from memoria.domain.messages import say

    return CatalogueDamaged(_lang(lang)["damaged"].format(file=catalogue, cause=say(cause, lang)))


class Located(Fault):
    """An SQLite error about a file other than the archive's catalogue (a backup's copy)."""

    def __init__(self, error: sqlite3.Error, path: Path | str) -> None:
        self.error, self.path = error, Path(path)
        super().__init__(describe(error, "en", self.path) or str(error))


@contextmanager
def naming(path: Path | str) -> Iterator[None]:
    """Say which file a fault inside was about: a `write` names none, SQLite never does."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(path)
        raise
    except sqlite3.Error as exc:
        if is_damage(exc):
            raise
        raise Located(exc, path) from exc


def is_fault(exc: BaseException) -> bool:
    return isinstance(exc, (Fault, OSError, sqlite3.Error))


def undecodable(exc: BaseException) -> bool:
    """SQLite handed back text that is not UTF-8 (a damaged or hand-edited catalogue)."""
    return isinstance(exc, sqlite3.OperationalError) and "could not decode" in str(exc).lower()


def lenient_text(conn: sqlite3.Connection) -> None:
    """Read undecodable text with U+FFFD in place of the bad bytes (slower: only on demand)."""
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")


def undecodable_warning(lang: str) -> str:
    if lang == "en":
        return ("some text in the catalogue is not valid UTF-8 (shown with \ufffd); the "
                "catalogue may be damaged: run 'memoria verify'.")
    return ("parte del texto del catálogo no es UTF-8 válido (se muestra con \ufffd); el "
            "catálogo puede estar dañado: ejecute 'memoria verify'.")
