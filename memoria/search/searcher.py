"""The searcher: reads an archive's search index, never writes it.

    results = searcher.search("Medellin desplazados", Audience.RESEARCHER)
    searcher.snippets(results, range(0, 20))        # only the rows on screen
    searcher.facets("Medellin", Audience.RESEARCHER, {"kind": "testimony"})

Threads: each thread gets its own whoosh searcher and its own read-only
catalogue connection (whoosh searchers and SQLite cursors must not be shared).

Consent (see ``documents`` for the index side): every search is restricted
to the documents whose ``visible_to`` names the audience; items changed in
the catalogue since the index's generation are masked out until the
maintainer (``maintainer``) has re-indexed them (a withdrawal can never be
served from a stale document, and a read never writes); and the page of hits
is re-checked against the catalogue's consent records before it is returned.
"""

from __future__ import annotations

import heapq
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn

from whoosh import query as Q
from whoosh.index import LockError
from whoosh.searching import Searcher

from memoria import access
from memoria.domain.consent import Audience
from memoria.search.analysis import search_fold
from memoria.search.expansion import resolve as resolve_enye
from memoria.search.facets import FilterError, compact_facets, count_facets, filter_tests
from memoria.search.handle import DAMAGE, IndexHandle, IndexUnavailable, stale_items
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
from memoria.search.store import IndexState

log = logging.getLogger(__name__)
_NULL = type(Q.NullQuery)
_TEXT_FIELDS = frozenset({"text", "text_en"})


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


class IndexSearcher:
    """Queries over one archive's index (see the module docstring)."""

    def __init__(self, handle: IndexHandle) -> None:
        self.handle = handle
        self._local = handle.local

    # -- searching ---------------------------------------------------------------------
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
        except DAMAGE as exc:  # a damaged index shows up here
            self.handle.mark_damaged(exc)
            raise IndexUnavailable(self.handle.damaged) from exc

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
            if last is not None and type(last[0]) is type(scored) and last[0] == scored \
                    and allowed <= last[2]:
                found = last[1]
            else:
                found = score_all(s, scored, within=allowed)
                if not counting:
                    mine["last_scores"] = (scored, found, allowed)
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
                            lambda: access.ConsentSnapshot(self.handle.reader_archive()))

    def _recheck(self, hits: list[Hit], audience: Audience) -> list[Hit]:
        """Defence in depth: ask the catalogue's consent records about each hit."""
        if audience is Audience.CUSTODIAN:
            return hits
        memo = getattr(self._local, "decisions", None)
        if memo is None:
            memo = self._local.decisions = access.DecisionMemo()
        decisions = memo.decisions_for(self.handle.reader_archive(),
                                       [h.item_id for h in hits], audience)
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
        except DAMAGE as exc:
            self.handle.mark_damaged(exc)
            raise IndexUnavailable(self.handle.damaged) from exc
        facets = self._facets(s)
        snapshot = (access.ConsentSnapshot(self.handle.reader_archive())
                    if audience is Audience.CUSTODIAN else None)
        return count_facets([facets[d] for d in docs], snapshot, top)

    def suggest(self, prefix: str, audience: Audience, limit: int = 10) -> list[str]:
        """Names, places and subjects starting with ``prefix`` that ``audience`` may see."""
        want = search_fold(prefix.strip())
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
                 if any(w.startswith(want) for w in [search_fold(v), *search_fold(v).split()])]
        found.sort(key=lambda nv: (-nv[0], search_fold(nv[1])))
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
        except DAMAGE as exc:  # the rows' stored text or positions are unreadable
            self._index_failed(exc)

    def moments(self, results: SearchResults, rows: Iterable[int]
                ) -> list[tuple[tuple[int, int, int | None], ...]]:
        """Matching segments (segment_id, start_ms, end_ms) of ``rows``; the same
        as their ``Hit.segments`` once asked for (see ``search(moments=...)``)."""
        rows = list(rows)
        try:
            self._attach_segments(results, rows)
        except DAMAGE as exc:
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

    def _searcher(self) -> Searcher:
        state = IndexState(self.handle.root)
        cur = getattr(self._local, "searcher", None)
        if getattr(self._local, "searcher_epoch", None) != self.handle.epoch:
            cur = None  # closed by close() from another thread
        if cur is not None and cur[0] == state.folder and state.folder is not None \
                and state.folder.is_dir() and not self.handle.damaged:
            s = cur[1]
            if not s.up_to_date():
                s = self.handle.hold(reopen(s))
                self._local.searcher = (state.folder, s)
            searcher = s
        else:
            searcher = self.handle.hold(self.handle.open_index(state).searcher())
            self._local.searcher = (state.folder, searcher)
            self._local.searcher_epoch = self.handle.epoch
        self._catch_up(state)
        return self._local.searcher[1]

    def _catch_up(self, state: IndexState) -> None:
        """Mask the items changed since the index's generation out of this thread's
        reads (the maintainer re-indexes them; a read never writes)."""
        archive = self.handle.reader_archive()
        if archive.generation() <= state.generation:
            self._local.stale = set()
            return
        self._local.stale = stale_items(archive, state)

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
        if len(self.handle.caches) > 64:  # forget segments merged away
            live = {r.segment().segment_id() for r, _ in s.reader().leaf_readers()
                    if r.segment() is not None}
            self.handle.caches = {k: v for k, v in self.handle.caches.items() if k[1] in live}
        mine[name] = values
        return values

    def _segment(self, reader: Any, name: str, build: Callable[[Any], list]) -> list:
        key = (name, reader.segment().segment_id())
        seg = self.handle.caches.get(key)
        if seg is None:
            seg = self.handle.caches[key] = build(reader)
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
            self.handle.drop_searchers()
            return run()

    def _index_failed(self, exc: BaseException) -> NoReturn:
        """A read of a result's rows failed. A file gone since the search (another process
        merged the index) is not damage: the caller asks again with a fresh search."""
        if isinstance(exc, FileNotFoundError):
            self.handle.drop_searchers()
            raise IndexUnavailable("the index changed during the search") from exc
        self.handle.mark_damaged(exc)
        raise IndexUnavailable(self.handle.damaged) from exc
