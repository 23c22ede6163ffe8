"""Grid thumbnails from one long-lived pair of worker processes, fed in batches.

The pictures are the one thumbnail family an import writes (derive.THUMB, 256 px,
in derived/thumbs/): read from there when present (the usual case); when a
thumbnail is missing (derived/ is a cache anyone may delete) it is made again
by the import's own function (`derive.thumbnail_of`), from the blurred picture
when the photograph has blur regions, and stored in the same place.

Starting a fresh limited process per thumbnail costs more than decoding
the thumbnail; a MediaPool(2) kept alive while the grid is busy (and
closed after a quiet minute) does the same work safely at a fraction of
the cost. Requests queue up while a screenful is painted and are taken
as one batch; when the view scrolls or the list changes, everything
still queued is dropped by a generation counter (the calibre/TagStudio
pattern), so the workers only ever decode what is on screen now.

Everything goes through the archive's vault: the workers decode the original
(decrypted into their own memory in an encrypted archive) and hand the
thumbnail back as bytes; it is stored through the vault and decoded here from
memory (QImage.fromData), never from a plain file.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from memoria.crypto.sealed import worker_call
from memoria.media.derive import THUMB, THUMB_PX, thumbnail_of
from memoria.media.safe import Job, MediaPool
from memoria.media.thumbcache import ThumbCache

BATCH = 8
IDLE_SECONDS = 60.0
TIMEOUT = 30.0


class ThumbnailPool(QObject):
    """`request()` from the GUI thread; `rendered(sha, QImage)` / `failed(sha)` come back."""

    rendered = Signal(str, object)
    failed = Signal(str)

    def __init__(self, root: Path, *, workers: int = 2,
                 synchronous: bool = False, vault: object | None = None,
                 regions: Callable[[str], list] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The archive's Vault (storage/vault.py), or a function giving the current one (a
        # session reopens its archive after a lock); None: plain files under root.
        self._vault = vault
        self._plain_cache = ThumbCache(Path(root) / "derived")
        self._vault_cache: ThumbCache | None = None
        self.root = Path(root)
        self.variant, self.px, self.workers = THUMB, THUMB_PX, workers
        # sha256 -> the photograph's blur regions (asked on this pool's thread, for a
        # missing thumbnail only): a thumbnail made again stays blurred.
        self._regions = regions
        self.synchronous = synchronous
        self.generation = 0
        self.batches = 0  # how many batches ran: for tests and curiosity
        self._queue: OrderedDict[str, tuple[str, int]] = OrderedDict()
        self._cond = threading.Condition()
        self._closing = False
        self._thread: threading.Thread | None = None
        self._pool: MediaPool | None = None

    @property
    def vault(self) -> Any:
        return self._vault() if callable(self._vault) else self._vault

    @property
    def cache(self) -> ThumbCache:
        vault = self.vault
        if vault is None:
            return self._plain_cache
        if self._vault_cache is None or self._vault_cache.vault is not vault:
            self._vault_cache = ThumbCache(self.root / "derived", vault=vault)
        return self._vault_cache

    # -- GUI thread ---------------------------------------------------------------------------
    def request(self, sha256: str, relpath: str) -> None:
        with self._cond:
            self._queue[sha256] = (relpath, self.generation)
            if self.synchronous:
                batch = self._take()
            else:
                self._start()
                self._cond.notify()
                return
        self._run(batch)
        if self._pool is not None:  # inline (tests): no idle workers left behind
            self._pool.close()
            self._pool = None

    def drop_queued(self) -> None:
        """The view moved on: whatever has not started yet is no longer wanted."""
        with self._cond:
            self.generation += 1
            self._queue.clear()

    def pending(self) -> int:
        with self._cond:
            return len(self._queue)

    def close(self) -> None:
        with self._cond:
            self._closing = True
            self._queue.clear()
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(TIMEOUT + 5)
            self._thread = None
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    # -- worker thread -------------------------------------------------------------------------
    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._loop, name="memoria-thumbnails",
                                            daemon=True)
            self._thread.start()

    def _take(self) -> list[tuple[str, str]]:
        """Up to BATCH current requests, newest first (what the person looks at now)."""
        batch = []
        for sha in reversed(list(self._queue)):
            relpath, generation = self._queue.pop(sha)
            if generation == self.generation:
                batch.append((sha, relpath))
            if len(batch) >= BATCH:
                break
        return batch

    def _loop(self) -> None:
        while True:
            with self._cond:
                if not self._queue and not self._closing:
                    self._cond.wait(IDLE_SECONDS)
                if self._closing:
                    return
                if not self._queue:  # a quiet minute: let the worker processes go
                    if self._pool is not None:
                        self._pool.close()
                        self._pool = None
                    self._thread = None
                    return
                batch = self._take()
            self._run(batch)

    def _run(self, batch: list[tuple[str, str]]) -> None:
        if not batch:
            return
        self.batches += 1
        try:
            self._render(batch)
        except Exception:  # noqa: BLE001 - a locked or closed archive: placeholders stay
            for sha, _relpath in batch:
                self.failed.emit(sha)

    def _render(self, batch: list[tuple[str, str]]) -> None:
        todo: list[str] = []
        for sha, _relpath in batch:
            if self.cache.get(sha, self.variant) is None:
                todo.append(sha)
            else:
                self._announce(sha)
        if not todo:
            return
        if self._pool is None:
            self._pool = MediaPool(self.workers, timeout=TIMEOUT)
        sources = dict(batch)
        jobs = [Job(*self._job(sources[sha], self._regions(sha) if self._regions else []))
                for sha in todo]
        for result in self._pool.imap(jobs, cancel=lambda: self._closing):
            sha = todo[result.index]
            if result.ok:
                try:
                    self.cache.put(sha, self.variant, result.value)
                except OSError:
                    self.failed.emit(sha)
                    continue
                self._announce(sha, result.value)
            else:
                self.failed.emit(sha)

    def _job(self, relpath: str, regions: list) -> tuple:
        if self.vault is not None:
            return self.vault.job(thumbnail_of, relpath, regions)  # type: ignore[attr-defined]
        return worker_call, (thumbnail_of, str(self.root / relpath), regions)

    def _announce(self, sha: str, data: bytes | None = None) -> None:
        if data is None:
            data = self.cache.read_bytes(sha, self.variant)
        image = QImage.fromData(data) if data else QImage()
        if image.isNull():
            self.failed.emit(sha)
        else:
            self.rendered.emit(sha, image)
