"""Opening an archive, for the window and the command line alike.

The window opens one archive for writing (its writer thread) and reads
through read-only connections; a worker thread that needs SQLite takes a
connection of its own with `reading` (SQLite objects stay in one thread).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from memoria.storage.archive import Archive, ArchiveDamaged, ArchiveError, ArchiveLocked
from memoria.storage.changes import changes_since, latest_generation
from memoria.storage.db import CATALOGUE

__all__ = ["CATALOGUE", "Archive", "ArchiveDamaged", "ArchiveError", "ArchiveLocked", "changes_since", "create",
           "latest_generation", "open_archive", "open_reader", "reading"]


def create(path: Path) -> Archive:
    """A new, empty archive in `path` (an empty or new folder), open for writing."""
    return Archive.create(path)


def open_archive(path: Path, *, writable: bool) -> Archive:
    return Archive.open(path, writable=writable)


def open_reader(path: Path) -> Archive:
    return Archive.open(path, writable=False)


@contextmanager
def reading(path: Path) -> Iterator[Archive]:
    """A read-only connection for the calling thread, closed afterwards."""
    reader = open_reader(path)
    try:
        yield reader
    finally:
        reader.close()
