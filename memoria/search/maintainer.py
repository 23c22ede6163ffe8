"""The index maintainer: the only writer of an archive's search index.

    maintainer.problem()                 # why the index cannot be used (None: it can)
    maintainer.ensure_fresh(progress, cancelled)   # rebuild or catch up (a worker thread)
    maintainer.update_items([item_id])   # after every save: re-index those and the stale
    maintainer.forget_items(ids)         # a purge: rewrite without them

Checks the index's schema and analysis versions, its encryption and its file
CRCs (``problem``); builds it in a child process (``store``); re-indexes the
items the catalogue's change feed names since the index's generation. Writes
are serialised by a lock in this process and by whoosh's file lock across
processes. The searcher (``searcher``) never writes: it masks what is stale.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from whoosh import index as windex
from whoosh.index import LockError
from whoosh.writing import MERGE_SMALL

from memoria.search.handle import IndexHandle, IndexUnavailable, stale_items
from memoria.search.store import (
    WRITER_OPTIONS,
    BuildKeys,
    IndexState,
    file_crcs,
    index_storage,
    run_build_process,
    verify,
)

#: More changed items than this and ensure_fresh rebuilds instead of updating.
REBUILD_ABOVE = 3000
_MERGE_ABOVE_SEGMENTS = 10
Progress = Callable[[int, int], None]


def _merge_segments_with_deletions(writer: Any, segments: list) -> list:
    """A whoosh merge policy for a purge: every segment holding a deleted document
    (the purged items, the old versions of items rewritten, older deletions) is
    merged into the new segment, which never holds them; the others stay as they
    are (they hold nothing deleted). Like whoosh's OPTIMIZE, but only where needed."""
    from whoosh.reading import SegmentReader

    kept = []
    for segment in segments:
        if segment.has_deletions():
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        else:
            kept.append(segment)
    return kept


class IndexMaintainer:
    """Builds, checks and updates one archive's index (see the module docstring)."""

    def __init__(self, handle: IndexHandle) -> None:
        self.handle = handle
        self.lock = threading.RLock()

    # -- freshness -------------------------------------------------------------------
    def problem(self) -> str | None:
        """Why the index cannot be used as it is (None: it can)."""
        h = self.handle
        if h.damaged:
            return h.damaged
        state = IndexState(h.root)
        if not state.data:
            return "there is no index yet"
        if not state.current_versions():
            return "the index was built by an older version"
        if bool(state.data.get("encrypted")) != (h.key is not None):
            return ("the index is not encrypted like the archive" if h.key is not None
                    else "the index is encrypted but the archive is not")
        folder = state.folder
        if folder is None or not folder.is_dir():
            return "the index folder is missing"
        wrong = verify(folder, state.data.get("crcs", {}))
        if wrong:
            return f"the index is damaged ({wrong})"
        try:
            index_storage(folder, h.key).open_index().close()
        except Exception as exc:  # noqa: BLE001 - any failure means "rebuild"
            return f"the index cannot be opened ({type(exc).__name__})"
        return None

    def ensure_fresh(self, progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None) -> str:
        """Make the index usable and current: rebuild or catch up. Returns what was done."""
        reason = self.problem()
        if reason is None:
            stale = stale_items(self.handle.reader_archive(), IndexState(self.handle.root))
            if len(stale) > REBUILD_ABOVE:
                reason = f"{len(stale)} items changed since the index was built"
            else:
                if stale:
                    self.update_items(stale)
                return f"updated {len(stale)} items" if stale else "fresh"
        if not self.rebuild(progress, cancelled):
            return "cancelled"
        self.update_items(())  # catch up with saves made during the build
        return f"rebuilt: {reason}"

    def rebuild(self, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None, procs: int = 2) -> bool:
        """Build a new index in a separate process; False if cancelled."""
        h = self.handle
        ok = run_build_process(h.archive.root, h.root, h.archive.today_override,
                               procs, progress, cancelled, BuildKeys.of(h.archive, h.key))
        if ok:
            h.damaged = None
            h.drop_searchers()
        return ok

    # -- writing ---------------------------------------------------------------------
    def update_items(self, ids: Iterable[int]) -> int:
        """Re-index ``ids`` and every other item changed since the last catch-up.

        Small commit (no merge), then a merge of small segments only when they
        pile up, so saving never waits for a big merge. Returns items written.
        """
        with self.lock:
            state = IndexState(self.handle.root)
            if not state.data:
                return 0  # no index yet: the coming build reads the catalogue anyway
            ix = self.handle.open_index(state)
            writer = ix.writer(timeout=10.0, **WRITER_OPTIONS)
            generation, todo = self._rewrite(writer, state, ids, merge=False)
            self._after_commit(ix, state, generation)
            return len(todo)

    def remove_items(self, ids: Iterable[int]) -> None:
        """Drop items from the index (deleted from the catalogue)."""
        with self.lock:
            state = IndexState(self.handle.root)
            if not state.data:
                return
            ix = self.handle.open_index(state)
            writer = ix.writer(timeout=10.0, **WRITER_OPTIONS)
            try:
                for item_id in ids:
                    writer.delete_by_term("item_id", str(item_id))
                writer.commit(merge=False)
            except BaseException:
                writer.cancel()
                raise
            self._after_commit(ix, state, state.generation)

    def _rewrite(self, writer: Any, state: IndexState, ids: Iterable[int],
                 **commit: Any) -> tuple[int, list[int]]:
        """Re-index ``ids`` and every item saved since the index's generation in one
        commit (or none: the writer is cancelled on any error); (generation, items)."""
        from memoria.search.documents import DocumentBuilder

        try:
            archive = self.handle.reader_archive()
            generation = archive.generation()
            todo = sorted(set(ids) | stale_items(archive, state))
            builder = DocumentBuilder(archive, bulk=len(todo) > 50)
            for item_id in todo:
                writer.delete_by_term("item_id", str(item_id))
                for doc in builder.documents(item_id):
                    writer.add_document(**doc)
            writer.commit(**commit)
        except BaseException:
            writer.cancel()
            raise
        return generation, todo

    def forget_items(self, ids: Iterable[int]) -> bool:
        """Rewrite the index without ``ids`` (a purge): whoosh only marks a deleted
        document, so every segment holding one is merged into a new one that never held them,
        and the files of the old segments and of earlier builds are removed.
        Items changed meanwhile (names redacted) are re-indexed in the same pass.
        False when there is no index to rewrite or it is busy (the caller drops it)."""
        from memoria.search.store import remove_other_builds

        h = self.handle
        with self.lock:
            state = IndexState(h.root)
            if not state.data or state.folder is None:
                return False
            try:
                ix = h.open_index(state)
                writer = ix.writer(timeout=10.0, **WRITER_OPTIONS)
            except (IndexUnavailable, LockError):
                return False
            generation, _ = self._rewrite(writer, state, ids,
                                          mergetype=_merge_segments_with_deletions)
            live = {s.segment_id() for s in ix._segments()}  # noqa: SLF001 - no public list
            toc = f"_{ix.indexname}_{ix.latest_generation()}.toc"
            ix.close()
            h.drop_searchers()
            fresh = IndexState(h.root)
            if fresh.folder != state.folder:
                return False
            fresh.data["generation"] = max(generation, fresh.generation)
            fresh.data["crcs"] = file_crcs(state.folder)
            fresh.save()
            remove_other_builds(h.root, state.folder, live, toc)
            return True

    def merge(self) -> None:
        """Merge small segments now (whoosh MERGE_SMALL: never the big ones)."""
        with self.lock:
            state = IndexState(self.handle.root)
            ix = self.handle.open_index(state)
            ix.writer(timeout=10.0, **WRITER_OPTIONS).commit(mergetype=MERGE_SMALL)
            self._after_commit(ix, state, state.generation)

    def _after_commit(self, ix: windex.Index, state: IndexState, generation: int) -> None:
        segments = len(ix._segments())  # noqa: SLF001 - whoosh has no public count
        if segments > _MERGE_ABOVE_SEGMENTS:
            ix.writer(timeout=10.0, **WRITER_OPTIONS).commit(mergetype=MERGE_SMALL)
        ix.close()
        fresh = IndexState(self.handle.root)  # another process may have written meanwhile
        if fresh.folder != state.folder:
            return
        fresh.data["generation"] = max(generation, fresh.generation)
        fresh.data["crcs"] = file_crcs(state.folder, fresh.data.get("crcs"))
        fresh.save()
