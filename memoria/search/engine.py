"""The full-text search engine: the one interface the rest of Memoria calls.

    engine = SearchEngine(archive)
    engine.ensure_fresh(progress, cancelled)      # at start-up, on a worker thread
    results = engine.search("Medellin desplazados", Audience.RESEARCHER)
    engine.snippets(results, range(0, 20))        # only the rows on screen
    engine.facets("Medellin", Audience.RESEARCHER, {"kind": "testimony"})
    engine.update_items([item_id])                # after every save, off the GUI thread

Threads: every method may be called from any thread. Each thread gets its
own whoosh searcher and its own read-only catalogue connection (whoosh
searchers and SQLite cursors must not be shared); writes are serialised by
a lock in this process and by whoosh's file lock across processes.

Consent (see ``documents`` for the index side): every search is restricted
to the documents whose ``visible_to`` names the audience; items changed in
the catalogue since the index last caught up are masked out until they are
re-indexed (a withdrawal can never be served from a stale document); and
the page of hits is re-checked against the catalogue's consent records
before it is returned.

Past 600 lines because index upkeep (the only writer) and querying still
share this class; they are to be split into a maintainer and a searcher.
"""

from __future__ import annotations

import contextlib
import heapq
import logging
import pickle
import struct
import threading
import weakref
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from whoosh import index as windex
from whoosh import query as Q
from whoosh.index import LockError
from whoosh.searching import Searcher
from whoosh.writing import MERGE_SMALL

from memoria import access
from memoria.crypto.stream import StreamDamaged
from memoria.domain.consent import Audience
from memoria.search.analysis import fold
from memoria.search.expansion import resolve as resolve_enye
from memoria.search.facets import (
    FACETS,
    FilterError,
    compact_facets,
    count_facets,
    filter_tests,
)
from memoria.search.hits import (
    column,
    matching_segments,
    per_searcher,
    positions_of,
    reopen,
    snippet_for,
)
from memoria.search.planner import (
    expand,
    fast_phrases,
    rewrite,
    split_typed,
    with_field_boosts,
)
from memoria.search.querylang import QuerySyntaxError, parse_query
from memoria.search.schema import QUERY_FIELDS
from memoria.search.scoring import Unsupported, score_all
from memoria.search.snippets import Snippet
from memoria.search.store import (
    SEPARATE_FILES,
    BuildKeys,
    IndexState,
    file_crcs,
    index_storage,
    run_build_process,
    verify,
)
from memoria.storage.archive import Archive
from memoria.storage.changes import stale_item_ids

__all__ = ["FACETS", "FilterError", "Hit", "IndexUnavailable", "QuerySyntaxError", "SearchEngine",
           "SearchResults"]

log = logging.getLogger(__name__)
_NULL = type(Q.NullQuery)

_TEXT_FIELDS = frozenset({"text", "text_en"})
#: Stale items above this are not re-indexed inline by a search (only masked).
_INLINE_CATCH_UP = 20
#: More changed items than this and ensure_fresh rebuilds instead of updating.
_REBUILD_ABOVE = 3000
_MERGE_ABOVE_SEGMENTS = 10
Progress = Callable[[int, int], None]


#: What reading a damaged index file raises (whoosh decodes with struct,
#: pickle, zlib and array indexing; an encrypted index's chunk that fails its
#: check raises StreamDamaged); a programming error is not among them.
_DAMAGE = (OSError, EOFError, struct.error, pickle.UnpicklingError, zlib.error, IndexError,
           KeyError, ValueError, UnicodeDecodeError, OverflowError, AssertionError,
           StreamDamaged)


def index_key_for(archive: Archive) -> bytes | None:
    """The STREAM key of an encrypted archive's index (None: a plain index)."""
    keys = getattr(archive, "keys", None)
    if keys is None or not getattr(keys, "encrypted", True):  # a plain archive's accounts
        return None
    if not getattr(archive, "encrypted", True):
        return None
    return keys.subkey("index")


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


class IndexUnavailable(Exception):
    """No sound index right now (missing, damaged, old, being built): call
    ``ensure_fresh`` on a worker thread, or use ``catalogue_search`` meanwhile."""


@dataclass(frozen=True)
class Hit:
    """One item in the results; ``segments`` are (segment_id, start_ms, end_ms)."""

    item_id: int
    score: float
    segments: tuple[tuple[int, int, int | None], ...] = ()
    docnum: int = field(default=-1, repr=False)


@dataclass
class SearchResults:
    """A page of hits, the total count and what snippets need later."""

    query: str
    audience: Audience
    total: int
    hits: list[Hit]
    page: int = 0
    page_size: int = 50
    sort: str = "relevance"
    _searcher: Searcher | None = field(default=None, repr=False)
    _positions: dict[int, list[int]] = field(default_factory=dict, repr=False)
    _query: Q.Query | None = field(default=None, repr=False)
    #: ñ spellings searched besides the words typed ("ninos" -> "niños"),
    #: drawn only from documents this audience may see: say them to the person.
    also_searched: list[str] = field(default_factory=list)

    @property
    def item_ids(self) -> list[int]:
        return [h.item_id for h in self.hits]


class SearchEngine:
    """Full-text search over one archive (see the module docstring)."""

    def __init__(self, archive: Archive, index_root: Path | None = None,
                 index_key: bytes | None = None) -> None:
        """``index_key``: encrypt the index with it (default: the archive's
        subkey "index" when the archive is encrypted, else a plain index)."""
        self.archive = archive
        self.root = Path(index_root) if index_root else archive.root / "index"
        self._key = index_key if index_key is not None else index_key_for(archive)
        self._local = threading.local()
        # Every thread's catalogue connection and searcher (each holds a key of an
        # encrypted archive), so that close() can let go of all of them at the lock.
        self._held: weakref.WeakSet[Any] = weakref.WeakSet()
        self._held_lock = threading.Lock()
        self._epoch = 0  # bumped by close(): a thread's older connections are closed
        self._write_lock = threading.RLock()
        self._damaged: str | None = None
        self._caches: dict[tuple[str, Any], Any] = {}

    # -- freshness -------------------------------------------------------------------
    def problem(self) -> str | None:
        """Why the index cannot be used as it is (None: it can)."""
        if self._damaged:
            return self._damaged
        state = IndexState(self.root)
        if not state.data:
            return "there is no index yet"
        if not state.current_versions():
            return "the index was built by an older version"
        if bool(state.data.get("encrypted")) != (self._key is not None):
            return ("the index is not encrypted like the archive" if self._key is not None
                    else "the index is encrypted but the archive is not")
        folder = state.folder
        if folder is None or not folder.is_dir():
            return "the index folder is missing"
        wrong = verify(folder, state.data.get("crcs", {}))
        if wrong:
            return f"the index is damaged ({wrong})"
        try:
            index_storage(folder, self._key).open_index().close()
        except Exception as exc:  # noqa: BLE001 - any failure means "rebuild"
            return f"the index cannot be opened ({type(exc).__name__})"
        return None

    def ensure_fresh(self, progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None) -> str:
        """Make the index usable and current: rebuild or catch up. Returns what was done."""
        reason = self.problem()
        if reason is None:
            stale = self._stale_items(self._reader_archive(), IndexState(self.root))
            if len(stale) > _REBUILD_ABOVE:
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
        ok = run_build_process(self.archive.root, self.root, self.archive.today_override,
                               procs, progress, cancelled, BuildKeys.of(self.archive, self._key))
        if ok:
            self._damaged = None
            self._drop_searchers()
        return ok

    # -- writing ---------------------------------------------------------------------
    def update_items(self, ids: Iterable[int]) -> int:
        """Re-index ``ids`` and every other item changed since the last catch-up.

        Small commit (no merge), then a merge of small segments only when they
        pile up, so saving never waits for a big merge. Returns items written.
        """
        with self._write_lock:
            state = IndexState(self.root)
            if not state.data:
                return 0  # no index yet: the coming build reads the catalogue anyway
            ix = self._open_index(state)
            writer = ix.writer(timeout=10.0, **SEPARATE_FILES)
            generation, todo = self._rewrite(writer, state, ids, merge=False)
            self._after_commit(ix, state, generation)
            return len(todo)

    def remove_items(self, ids: Iterable[int]) -> None:
        """Drop items from the index (deleted from the catalogue)."""
        with self._write_lock:
            state = IndexState(self.root)
            if not state.data:
                return
            ix = self._open_index(state)
            writer = ix.writer(timeout=10.0, **SEPARATE_FILES)
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
            archive = self._reader_archive()
            generation = archive.generation()
            todo = sorted(set(ids) | self._stale_items(archive, state))
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

        with self._write_lock:
            state = IndexState(self.root)
            if not state.data or state.folder is None:
                return False
            try:
                ix = self._open_index(state)
                writer = ix.writer(timeout=10.0, **SEPARATE_FILES)
            except (IndexUnavailable, LockError):
                return False
            generation, _ = self._rewrite(writer, state, ids,
                                          mergetype=_merge_segments_with_deletions)
            live = {s.segment_id() for s in ix._segments()}  # noqa: SLF001 - no public list
            toc = f"_{ix.indexname}_{ix.latest_generation()}.toc"
            ix.close()
            self._drop_searchers()
            fresh = IndexState(self.root)
            if fresh.folder != state.folder:
                return False
            fresh.data["generation"] = max(generation, fresh.generation)
            fresh.data["crcs"] = file_crcs(state.folder)
            fresh.save()
            remove_other_builds(self.root, state.folder, live, toc)
            return True

    def merge(self) -> None:
        """Merge small segments now (whoosh MERGE_SMALL: never the big ones)."""
        with self._write_lock:
            state = IndexState(self.root)
            ix = self._open_index(state)
            ix.writer(timeout=10.0, **SEPARATE_FILES).commit(mergetype=MERGE_SMALL)
            self._after_commit(ix, state, state.generation)

    def _after_commit(self, ix: windex.Index, state: IndexState, generation: int) -> None:
        segments = len(ix._segments())  # noqa: SLF001 - whoosh has no public count
        if segments > _MERGE_ABOVE_SEGMENTS:
            ix.writer(timeout=10.0, **SEPARATE_FILES).commit(mergetype=MERGE_SMALL)
        ix.close()
        fresh = IndexState(self.root)  # another process may have written meanwhile
        if fresh.folder != state.folder:
            return
        fresh.data["generation"] = max(generation, fresh.generation)
        fresh.data["crcs"] = file_crcs(state.folder, fresh.data.get("crcs"))
        fresh.save()

    # -- reading ---------------------------------------------------------------------
    def search(self, query_text: str, audience: Audience, filters: Mapping | None = None,
               sort: str = "relevance", page: int = 0, page_size: int = 50,
               moments: bool = True) -> SearchResults:
        """One page of items matching ``query_text`` that ``audience`` may see.

        ``moments=False`` leaves each hit's matching segments empty until
        ``moments(results, rows)`` asks for some rows: a window listing
        thousands of hits shows the moments of the selected one only (reading
        word positions for 5,000 hits was half of such a search).

        Raises QuerySyntaxError (``.message``, ``.code``, ``.position``) for a
        malformed query, IndexUnavailable when there is no sound index.
        """
        if sort not in ("relevance", "date", "accession"):
            raise ValueError(f"unknown sort {sort!r}")
        q = parse_query(query_text, QUERY_FIELDS)
        try:
            def run() -> SearchResults:
                res = self._search(query_text, q, audience, filters, sort, page, page_size)
                if moments:
                    self._attach_segments(res, range(len(res.hits)))
                return res

            return self._once_more_if_swapped(run)
        except (IndexUnavailable, QuerySyntaxError, FilterError):
            raise
        except LockError as exc:  # another process holds the index: busy, not damaged
            raise IndexUnavailable("the index is busy") from exc
        except _DAMAGE as exc:  # a damaged index shows up here
            self._mark_damaged(exc)
            raise IndexUnavailable(self._damaged) from exc

    def _search(self, text: str, q: Q.Query, audience: Audience, filters: Mapping | None,
                sort: str, page: int, page_size: int) -> SearchResults:
        s = self._searcher()
        scored, allowed, also = self._plan(s, q, audience, filters)
        limit = (page + 1) * page_size
        if scored is None:
            return SearchResults(text, audience, 0, [], page, page_size, sort, s)
        sortedby = {"date": "date_start", "accession": "accession"}.get(sort)
        if isinstance(scored, Q.Every):
            docs = sorted(allowed, key=self._sort_key(s, sortedby or "accession"))
            total = len(docs)
            top = [(0.0, d) for d in docs[page * page_size:limit]]
        else:
            matched = self._matches(s, scored, allowed)
            total = len(matched)
            if sortedby:
                docs = sorted(matched, key=self._sort_key(s, sortedby))[page * page_size:limit]
                top = [(matched[d], d) for d in docs]
            else:  # best first; equal scores in index order, as whoosh ranks them
                best = heapq.nsmallest(limit, matched.items(), key=lambda ds: (-ds[1], ds[0]))
                top = [(sc, d) for d, sc in best[page * page_size:]]
        ids = self._item_ids(s)
        hits = [Hit(ids[d], score, (), d) for score, d in top]
        hits = self._recheck(hits, audience)
        if len(hits) < len(top):
            total -= len(top) - len(hits)
        return SearchResults(text, audience, total, hits, page, page_size, sort, s, {}, scored,
                             also)

    def _plan(self, s: Searcher, q: Q.Query, audience: Audience,
              filters: Mapping | None) -> tuple[Q.Query | None, set[int], list[str]]:
        """(scored query or Every or None for nothing, allowed docnums, ñ spellings
        also searched: only those the allowed documents hold, see ``expansion``)."""
        if isinstance(q, _NULL):
            q = Q.Every()
        q = rewrite(q)
        scored, typed = split_typed(q)
        tests = [typed] if typed else []
        tests += self._filter_tests(audience, filters or {})
        allowed = self._audience_docs(s, audience)
        if tests:
            facets = self._facets(s)
            allowed = {d for d in allowed if all(t(facets[d]) for t in tests)}
        also: list[str] = []
        if not isinstance(scored, Q.Every):
            scored, also = resolve_enye(scored, s.reader(), allowed)
            scored = with_field_boosts(fast_phrases(expand(scored, s.reader())))
            if isinstance(scored, _NULL):
                return None, allowed, also
        return scored, allowed, also

    @staticmethod
    def _matches(s: Searcher, scored: Q.Query, allowed: set[int],
                 counting: bool = False) -> dict[int, float]:
        """Every allowed document ``scored`` matches, with its relevance score.

        ``counting`` is the facet counters' call: it may reuse the matches of
        the search just made with the same query on this searcher.

        Term-at-a-time (``scoring``) for the shapes it knows; otherwise
        whoosh's collector, which scores every match one document at a time
        (limit=None: the total must be exact, and whoosh found no blocks to
        skip for common words anyway), or, when the caller only counts,
        whoosh's unscored document walk at 0.0.
        """
        mine = per_searcher(s)
        try:
            # The window asks for the facets of the search it has just run: they
            # reuse its matches once (raw scores; consent is applied below, anew).
            last = mine.pop("last_scores", None) if counting else None
            if last is not None and type(last[0]) is type(scored) and last[0] == scored:
                found = last[1]
            else:
                found = score_all(s, scored)
                if not counting:
                    mine["last_scores"] = (scored, found)
        except Unsupported:
            if counting:
                return dict.fromkeys(allowed.intersection(s.docs_for_query(scored)), 0.0)
            results = s.search(scored, filter=allowed, limit=None)
            return {hit.docnum: hit.score or 0.0 for hit in results}
        if len(found) > len(allowed):
            return {d: found[d] for d in allowed if d in found}
        return {d: sc for d, sc in found.items() if d in allowed}

    def _filter_tests(self, audience: Audience, filters: Mapping) -> list[Callable[[dict], bool]]:
        return filter_tests(audience, filters,
                            lambda: access.ConsentSnapshot(self._reader_archive()))

    def _recheck(self, hits: list[Hit], audience: Audience) -> list[Hit]:
        """Defence in depth: ask the catalogue's consent records about each hit."""
        if audience is Audience.CUSTODIAN:
            return hits
        decisions = access.decisions_for(self._reader_archive(), [h.item_id for h in hits],
                                         audience)
        kept = [h for h in hits if decisions[h.item_id].allowed]
        if len(kept) != len(hits):
            log.warning("search index offered %d item(s) consent does not open to %s",
                        len(hits) - len(kept), audience.value)
        return kept

    # -- facets and suggestions --------------------------------------------------------
    def facets(self, query_text: str, audience: Audience, filters: Mapping | None = None,
               top: int | None = None) -> dict[str, list[tuple[str, int]]]:
        """Counts of matching items per facet value (consent: custodians only)."""
        q = parse_query(query_text, QUERY_FIELDS)

        def matching() -> tuple[Searcher, set[int]]:
            s = self._searcher()
            scored, allowed, _ = self._plan(s, q, audience, filters)
            if scored is None:
                return s, set()
            if isinstance(scored, Q.Every):
                return s, allowed
            return s, set(self._matches(s, scored, allowed, counting=True))

        try:
            s, docs = self._once_more_if_swapped(matching)
        except (IndexUnavailable, QuerySyntaxError, FilterError):
            raise
        except LockError as exc:
            raise IndexUnavailable("the index is busy") from exc
        except _DAMAGE as exc:
            self._mark_damaged(exc)
            raise IndexUnavailable(self._damaged) from exc
        facets = self._facets(s)
        snapshot = (access.ConsentSnapshot(self._reader_archive())
                    if audience is Audience.CUSTODIAN else None)
        return count_facets([facets[d] for d in docs], snapshot, top)

    def suggest(self, prefix: str, audience: Audience, limit: int = 10) -> list[str]:
        """Names, places and subjects starting with ``prefix`` that ``audience`` may see."""
        want = fold(prefix.strip())
        if len(want) < 1:
            return []
        s = self._searcher()
        mine = per_searcher(s)
        key = ("suggest", audience, frozenset(getattr(self._local, "stale", ())))
        counter = mine.get(key)
        if counter is None:
            facets = self._facets(s)
            counter = Counter()
            for d in self._audience_docs(s, audience):
                f = facets[d]
                counter.update({*f["people"], *f["places"], *f["subjects"]})
            mine[key] = counter
        found = [(n, v) for v, n in counter.items()
                 if any(w.startswith(want) for w in [fold(v), *fold(v).split()])]
        found.sort(key=lambda nv: (-nv[0], fold(nv[1])))
        return [v for _, v in found[:limit]]

    # -- snippets and segments -----------------------------------------------------
    def snippets(self, results: SearchResults, rows: Iterable[int],
                 maxchars: int = 240) -> list[Snippet | None]:
        """Highlighted snippets for ``rows`` (indexes into ``results.hits``) only.

        The transcript when the words matched there, else the description;
        see ``hits.snippet_for``.
        """
        rows = list(rows)
        try:
            self._attach_segments(results, rows)
            s = results._searcher  # noqa: SLF001 - the searcher the docnums belong to
            found = results._positions  # noqa: SLF001
            return [snippet_for(s, results.hits[r].docnum,
                                found.get(results.hits[r].docnum, []), maxchars) for r in rows]
        except _DAMAGE as exc:  # the rows' stored text or positions are unreadable
            self._index_failed(exc)

    def moments(self, results: SearchResults, rows: Iterable[int]
                ) -> list[tuple[tuple[int, int, int | None], ...]]:
        """Matching segments (segment_id, start_ms, end_ms) of ``rows``; the same
        as their ``Hit.segments`` once asked for (see ``search(moments=...)``)."""
        rows = list(rows)
        try:
            self._attach_segments(results, rows)
        except _DAMAGE as exc:
            self._index_failed(exc)
        return [results.hits[r].segments for r in rows]

    def _attach_segments(self, res: SearchResults, rows: Iterable[int]) -> None:
        """Word positions and matching segments of ``rows`` not yet read."""
        if res._query is None or isinstance(res._query, Q.Every) or not res.hits:  # noqa: SLF001
            return
        done = res._positions  # noqa: SLF001 - docnum -> positions ([] when none)
        todo = [r for r in rows if res.hits[r].docnum not in done]
        if not todo:
            return
        s = res._searcher  # noqa: SLF001
        found = positions_of(s, res._query, [res.hits[r].docnum for r in todo],  # noqa: SLF001
                             _TEXT_FIELDS)
        for r in todo:
            h = res.hits[r]
            done[h.docnum] = found.get(h.docnum, [])
            if done[h.docnum]:
                res.hits[r] = Hit(h.item_id, h.score,
                                  matching_segments(s, h.docnum, done[h.docnum]), h.docnum)

    # -- per-thread plumbing -------------------------------------------------------
    def _reader_archive(self) -> Archive:
        """This thread's read-only catalogue connection (sqlite objects stay per thread)."""
        arch = getattr(self._local, "archive", None)
        if arch is None or getattr(self._local, "archive_epoch", None) != self._epoch:
            arch = Archive.open(self.archive.root, writable=False,
                                keys=getattr(self.archive, "keys", None))
            arch.today_override = self.archive.today_override
            self._hold(arch)
            self._local.archive = arch
            self._local.archive_epoch = self._epoch
        return arch

    def _hold(self, thing: Any) -> Any:
        with self._held_lock:
            self._held.add(thing)
        return thing

    def _open_index(self, state: IndexState) -> windex.Index:
        folder = state.folder
        if not state.data or folder is None or not state.current_versions():
            raise IndexUnavailable("there is no current index; it must be built first")
        if self._damaged:
            raise IndexUnavailable(self._damaged)
        try:
            return index_storage(folder, self._key).open_index()
        except Exception as exc:  # noqa: BLE001
            raise IndexUnavailable(f"the index cannot be opened ({exc})") from exc

    def _searcher(self) -> Searcher:
        state = IndexState(self.root)
        cur = getattr(self._local, "searcher", None)
        if getattr(self._local, "searcher_epoch", None) != self._epoch:
            cur = None  # closed by close() from another thread
        if cur is not None and cur[0] == state.folder and state.folder is not None \
                and state.folder.is_dir() and not self._damaged:
            s = cur[1]
            if not s.up_to_date():
                s = self._hold(reopen(s))
                self._local.searcher = (state.folder, s)
            searcher = s
        else:
            searcher = self._hold(self._open_index(state).searcher())
            self._local.searcher = (state.folder, searcher)
            self._local.searcher_epoch = self._epoch
        self._catch_up(state)
        return self._local.searcher[1]

    def _catch_up(self, state: IndexState) -> None:
        """Re-index a few items saved since the last update; mask the rest."""
        archive = self._reader_archive()
        if archive.generation() <= state.generation:
            self._local.stale = set()
            return
        stale = self._stale_items(archive, state)
        if stale and len(stale) <= _INLINE_CATCH_UP and self._write_lock.acquire(blocking=False):
            try:
                self.update_items(())
                stale = self._stale_items(archive, IndexState(self.root))
                folder, s = self._local.searcher
                if not s.up_to_date():
                    self._local.searcher = (folder, self._hold(reopen(s)))
            except LockError:
                pass
            finally:
                self._write_lock.release()
        self._local.stale = stale

    @staticmethod
    def _stale_items(archive: Archive, state: IndexState) -> set[int]:
        from memoria.storage.protections import items_to_rescan

        # A newly protected name: every item mentioning it, not only the linked ones.
        return stale_item_ids(archive, state.generation) | items_to_rescan(
            archive, state.generation)

    def _item_ids(self, s: Searcher) -> list[int]:
        """Item id by docnum (every search needs these; they are cheap)."""
        return self._per_segment(s, "item_ids", self._read_item_ids)

    def _facets(self, s: Searcher) -> list[dict]:
        """Facet dicts by docnum: only filters, sorts, facet counts and suggestions
        need them, and they are the expensive column (~1.2 s at 100,000 items)."""
        return self._per_segment(s, "facets", self._segment_facets)

    def _per_segment(self, s: Searcher, name: str, build: Callable[[Any], list]) -> list:
        """One column's values by docnum, built per whoosh segment and kept.

        Keyed by segment id: a segment's columns never change (deleted
        documents are skipped by every matcher), so a big segment is read
        once per process, not after every small commit.
        """
        mine = per_searcher(s)
        if name in mine:
            return mine[name]
        values: list = []
        for reader, _offset in s.reader().leaf_readers():
            if reader.segment() is None:  # an empty index's EmptyReader: no documents
                continue
            values.extend(self._segment(reader, name, build))
        if len(self._caches) > 64:  # forget segments merged away
            live = {r.segment().segment_id() for r, _ in s.reader().leaf_readers()
                    if r.segment() is not None}
            self._caches = {k: v for k, v in self._caches.items() if k[1] in live}
        mine[name] = values
        return values

    def _segment(self, reader: Any, name: str, build: Callable[[Any], list]) -> list:
        key = (name, reader.segment().segment_id())
        seg = self._caches.get(key)
        if seg is None:
            seg = self._caches[key] = build(reader)
        return seg

    @staticmethod
    def _read_item_ids(reader: Any) -> list[int]:
        return [int(v) if v else 0 for v in column(reader, "item_id")]

    def _segment_facets(self, reader: Any) -> list[dict]:
        shared: dict[Any, Any] = {}
        ids = self._segment(reader, "item_ids", self._read_item_ids)
        return [compact_facets(f, i, shared) if f else f
                for f, i in zip(column(reader, "facets"), ids, strict=False)]

    def _audience_docs(self, s: Searcher, audience: Audience) -> set[int]:
        mine = per_searcher(s)
        key = ("audience", audience, frozenset(getattr(self._local, "stale", ())))
        docs = mine.get(key)
        if docs is None:
            docs = set(s.docs_for_query(Q.Term("visible_to", audience.value)))
            stale = getattr(self._local, "stale", set())
            if stale:
                ids = self._item_ids(s)
                docs = {d for d in docs if ids[d] not in stale}
            mine[key] = docs
        return docs

    def _sort_key(self, s: Searcher, column: str) -> Callable[[int], Any]:
        facets = self._facets(s)
        if column == "date_start":
            return lambda d: (facets[d]["date_start"] or 99999999, facets[d]["accession"])
        return lambda d: facets[d]["accession"]

    def _once_more_if_swapped(self, run: Callable[[], Any]) -> Any:
        """Run a read; if another process's commit removed a file this searcher still
        named (a merge, a rebuild) or held the index's lock, start from a fresh searcher
        once. Only a second failure counts: a file missing twice is damage."""
        try:
            return run()
        except (FileNotFoundError, LockError):
            self._drop_searchers()
            return run()

    def _index_failed(self, exc: BaseException) -> NoReturn:
        """A read of a result's rows failed. A file gone since the search (another process
        merged the index) is not damage: the caller asks again with a fresh search."""
        if isinstance(exc, FileNotFoundError):
            self._drop_searchers()
            raise IndexUnavailable("the index changed during the search") from exc
        self._mark_damaged(exc)
        raise IndexUnavailable(self._damaged) from exc

    def _mark_damaged(self, exc: BaseException) -> None:
        log.error("search index damaged: %r", exc)
        self._damaged = f"the index is damaged ({type(exc).__name__})"
        self._drop_searchers()

    def _drop_searchers(self) -> None:
        self._local.searcher = None
        self._caches.clear()

    def close(self) -> None:
        """Close every thread's searcher and catalogue connection (the idle lock and
        a key rotation: an open SQLCipher connection or encrypted index keeps its
        key in memory); the next search opens new ones. No search may be running."""
        with self._held_lock:
            self._epoch += 1
            held, self._held = list(self._held), weakref.WeakSet()
        for thing in held:
            with contextlib.suppress(Exception):  # already closed, or a thread's leftover
                thing.close()
        self._local.searcher = None
        self._local.archive = None
        self._caches.clear()
