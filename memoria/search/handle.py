"""What the index maintainer and the searcher share in one process: the archive,
the index folder and its key, each thread's read-only catalogue connection, the
cached column values of whoosh segments, and whether the index was found damaged.

Neither writes through this: the maintainer (``maintainer``) is the only writer
of the index, the searcher (``searcher``) only reads it.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import struct
import threading
import weakref
import zlib
from pathlib import Path
from typing import Any

from whoosh import index as windex

from memoria.crypto.stream import StreamDamaged
from memoria.search.store import IndexState, index_storage
from memoria.storage.archive import Archive
from memoria.storage.changes import stale_item_ids

log = logging.getLogger(__name__)

#: What reading a damaged index file raises (whoosh decodes with struct,
#: pickle, zlib and array indexing; an encrypted index's chunk that fails its
#: check raises StreamDamaged); a programming error is not among them.
DAMAGE = (OSError, EOFError, struct.error, pickle.UnpicklingError, zlib.error, IndexError,
          KeyError, ValueError, UnicodeDecodeError, OverflowError, AssertionError,
          StreamDamaged)


class IndexUnavailable(Exception):
    """No sound index right now (missing, damaged, old, being built): call
    ``ensure_fresh`` on a worker thread, or use ``catalogue_search`` meanwhile."""


def index_key_for(archive: Archive) -> bytes | None:
    """The STREAM key of an encrypted archive's index (None: a plain index)."""
    keys = getattr(archive, "keys", None)
    if keys is None or not getattr(keys, "encrypted", True):  # a plain archive's accounts
        return None
    if not getattr(archive, "encrypted", True):
        return None
    return keys.subkey("index")


def stale_items(archive: Archive, state: IndexState) -> set[int]:
    """Items changed in the catalogue since the index's generation."""
    from memoria.storage.protections import items_to_rescan

    # A newly protected name: every item mentioning it, not only the linked ones.
    return stale_item_ids(archive, state.generation) | items_to_rescan(
        archive, state.generation)


class IndexHandle:
    """One archive's index as this process sees it (see the module docstring)."""

    def __init__(self, archive: Archive, index_root: Path | None = None,
                 index_key: bytes | None = None) -> None:
        self.archive = archive
        self.root = Path(index_root) if index_root else archive.root / "index"
        self.key = index_key if index_key is not None else index_key_for(archive)
        #: Per thread: ``archive`` (read-only catalogue), ``searcher`` ((folder,
        #: whoosh searcher)), ``stale`` (item ids masked out of this thread's reads).
        self.local = threading.local()
        # Every thread's catalogue connection and searcher (each holds a key of an
        # encrypted archive), so that close() can let go of all of them at the lock.
        self.held: weakref.WeakSet[Any] = weakref.WeakSet()
        self._held_lock = threading.Lock()
        self.epoch = 0  # bumped by close(): a thread's older connections are closed
        self.damaged: str | None = None
        #: (column name, segment id) -> values by docnum within the segment.
        self.caches: dict[tuple[str, Any], Any] = {}

    def reader_archive(self) -> Archive:
        """This thread's read-only catalogue connection (sqlite objects stay per thread)."""
        arch = getattr(self.local, "archive", None)
        if arch is None or getattr(self.local, "archive_epoch", None) != self.epoch:
            arch = Archive.open(self.archive.root, writable=False,  # checked when opened
                                keys=getattr(self.archive, "keys", None), check_seal=False)
            arch.today_override = self.archive.today_override
            self.hold(arch)
            self.local.archive = arch
            self.local.archive_epoch = self.epoch
        return arch

    def hold(self, thing: Any) -> Any:
        """Remember a connection or searcher that ``close`` must close."""
        with self._held_lock:
            self.held.add(thing)
        return thing

    def open_index(self, state: IndexState) -> windex.Index:
        folder = state.folder
        if not state.data or folder is None or not state.current_versions():
            raise IndexUnavailable("there is no current index; it must be built first")
        if self.damaged:
            raise IndexUnavailable(self.damaged)
        try:
            return index_storage(folder, self.key).open_index()
        except Exception as exc:  # noqa: BLE001
            raise IndexUnavailable(f"the index cannot be opened ({exc})") from exc

    def mark_damaged(self, exc: BaseException) -> None:
        log.error("search index damaged: %r", exc)
        self.damaged = f"the index is damaged ({type(exc).__name__})"
        self.drop_searchers()

    def drop_searchers(self) -> None:
        """Forget this thread's searcher and every cached column (the index was rebuilt,
        rewritten or found damaged); other threads see the new folder or commit."""
        self.local.searcher = None
        self.caches.clear()

    def close(self) -> None:
        """Close every thread's searcher and catalogue connection (the idle lock and
        a key rotation: an open SQLCipher connection or encrypted index keeps its
        key in memory); the next search opens new ones. No search may be running."""
        with self._held_lock:
            self.epoch += 1
            held, self.held = list(self.held), weakref.WeakSet()
        for thing in held:
            with contextlib.suppress(Exception):  # already closed, or a thread's leftover
                thing.close()
        self.local.searcher = None
        self.local.archive = None
        self.caches.clear()
