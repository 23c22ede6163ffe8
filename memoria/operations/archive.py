"""Opening an archive, for the window and the command line alike.

The window opens one archive for writing (its writer thread) and reads
through read-only connections; a worker thread that needs SQLite takes a
connection of its own with `reading` (SQLite objects stay in one thread).
An encrypted archive (or a plain one with accounts, for writing) needs the
`ArchiveKeys` an unlock gave (memoria.crypto.keys.unlock); without them the
open raises `ArchiveNeedsUnlock`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from memoria.crypto.keys import ArchiveKeys, KdfCost, KeysError, WrongPassphrase
from memoria.storage.archive import (
    Archive,
    ArchiveDamaged,
    ArchiveError,
    ArchiveLocked,
    ArchiveNeedsUnlock,
)
from memoria.storage.changes import changes_since, latest_generation
from memoria.storage.db import CATALOGUE
from memoria.storage.driver import Error as SQLiteError

__all__ = ["CATALOGUE", "Archive", "ArchiveDamaged", "ArchiveError", "ArchiveKeys",
           "ArchiveLocked", "ArchiveNeedsUnlock", "KdfCost", "KeysError", "SQLiteError",
           "WrongPassphrase", "changes_since", "create", "latest_generation", "open_archive",
           "open_reader", "reading"]


def create(path: Path) -> Archive:
    """A new, empty archive in `path` (an empty or new folder), open for writing."""
    return Archive.create(path)


def open_archive(path: Path, *, writable: bool, keys: ArchiveKeys | None = None,
                 check_seal: bool = True) -> Archive:
    return Archive.open(path, writable=writable, keys=keys, check_seal=check_seal)


#: Seconds a background page check rests per 64 pages it reads: a 1 GB
#: catalogue is checked in ~5 s instead of ~0.6 s, and the window keeps the
#: interpreter meanwhile (see ``seal.page_crcs``).
BACKGROUND_CHECK_REST = 0.001


def changed_pages(path: Path, cancelled: Callable[[], bool] | None = None) -> list[str] | None:
    """Pages of the catalogue changed outside Memoria since its last seal (the check
    an opening made with ``check_seal=False`` leaves to the caller: it reads every
    page, so the window runs it on a worker, resting, without holding up a save;
    None if ``cancelled()`` stopped it)."""
    from memoria.storage import seal
    from memoria.storage.db import CATALOGUE

    return seal.check_pages_in_background(path, path / CATALOGUE, BACKGROUND_CHECK_REST,
                                          cancelled)


def open_reader(path: Path, keys: ArchiveKeys | None = None) -> Archive:
    return Archive.open(path, writable=False, keys=keys)


@contextmanager
def reading(path: Path, keys: ArchiveKeys | None = None) -> Iterator[Archive]:
    """A read-only connection for the calling thread, closed afterwards: a further
    connection of a process that opened the archive (and checked its seal) already."""
    reader = Archive.open(path, writable=False, keys=keys, check_seal=False)
    try:
        yield reader
    finally:
        reader.close()
