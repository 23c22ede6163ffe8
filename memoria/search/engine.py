"""The full-text search engine: the one interface the rest of Memoria calls.

    engine = SearchEngine(archive)
    engine.ensure_fresh(progress, cancelled)      # at start-up, on a worker thread
    results = engine.search("Medellin desplazados", Audience.RESEARCHER)
    engine.snippets(results, range(0, 20))        # only the rows on screen
    engine.facets("Medellin", Audience.RESEARCHER, {"kind": "testimony"})
    engine.update_items([item_id])                # after every save, off the GUI thread

Two halves over one shared view of the index (``handle``): the maintainer
(``maintainer.IndexMaintainer``, ``engine.maintainer``), the only writer
(build, version and damage checks, updates, purges), and the searcher
(``searcher.IndexSearcher``, ``engine.searcher``), which only reads: items
changed since the index's generation are masked out of its answers until the
maintainer has re-indexed them. The window runs them on separate threads.

Threads: every method may be called from any thread. Each thread gets its
own whoosh searcher and its own read-only catalogue connection; writes are
serialised by a lock in this process and by whoosh's file lock across processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from memoria.domain.consent import Audience
from memoria.search.facets import FACETS, FilterError
from memoria.search.handle import IndexHandle, IndexUnavailable, index_key_for
from memoria.search.maintainer import IndexMaintainer, Progress
from memoria.search.querylang import QuerySyntaxError
from memoria.search.searcher import Hit, IndexSearcher, SearchResults
from memoria.search.snippets import Snippet
from memoria.storage.archive import Archive

__all__ = ["FACETS", "FilterError", "Hit", "IndexUnavailable", "QuerySyntaxError", "SearchEngine",
           "SearchResults", "index_key_for"]


class SearchEngine:
    """Full-text search over one archive (see the module docstring)."""

    def __init__(self, archive: Archive, index_root: Path | None = None,
                 index_key: bytes | None = None) -> None:
        """``index_key``: encrypt the index with it (default: the archive's
        subkey "index" when the archive is encrypted, else a plain index)."""
        self.handle = IndexHandle(archive, index_root, index_key)
        self.maintainer = IndexMaintainer(self.handle)
        self.searcher = IndexSearcher(self.handle)
        self.archive = archive
        self.root = self.handle.root

    # -- the maintainer's half: the only writer ---------------------------------------
    def problem(self) -> str | None:
        """Why the index cannot be used as it is (None: it can)."""
        return self.maintainer.problem()

    def ensure_fresh(self, progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None) -> str:
        """Make the index usable and current: rebuild or catch up. Returns what was done."""
        return self.maintainer.ensure_fresh(progress, cancelled)

    def rebuild(self, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None, procs: int = 2) -> bool:
        """Build a new index in a separate process; False if cancelled."""
        return self.maintainer.rebuild(progress, cancelled, procs)

    def update_items(self, ids: Iterable[int]) -> int:
        """Re-index ``ids`` and every other item changed since the last catch-up."""
        return self.maintainer.update_items(ids)

    def remove_items(self, ids: Iterable[int]) -> None:
        """Drop items from the index (deleted from the catalogue)."""
        self.maintainer.remove_items(ids)

    def forget_items(self, ids: Iterable[int]) -> bool:
        """Rewrite the index without ``ids`` (a purge); False: none, or busy."""
        return self.maintainer.forget_items(ids)

    def merge(self) -> None:
        """Merge small segments now."""
        self.maintainer.merge()

    # -- the searcher's half: reads only ------------------------------------------------
    def search(self, query_text: str, audience: Audience, filters: Mapping | None = None,
               sort: str = "relevance", page: int = 0, page_size: int = 50,
               moments: bool = True) -> SearchResults:
        """One page of items matching ``query_text`` that ``audience`` may see
        (see ``IndexSearcher.search``)."""
        return self.searcher.search(query_text, audience, filters, sort, page, page_size,
                                    moments)

    def facets(self, query_text: str, audience: Audience, filters: Mapping | None = None,
               top: int | None = None) -> dict[str, list[tuple[str, int]]]:
        """Counts of matching items per facet value (consent: custodians only)."""
        return self.searcher.facets(query_text, audience, filters, top)

    def suggest(self, prefix: str, audience: Audience, limit: int = 10) -> list[str]:
        """Names, places and subjects starting with ``prefix`` that ``audience`` may see."""
        return self.searcher.suggest(prefix, audience, limit)

    def snippets(self, results: SearchResults, rows: Iterable[int],
                 maxchars: int = 240) -> list[Snippet | None]:
        """Highlighted snippets for ``rows`` (indexes into ``results.hits``) only."""
        return self.searcher.snippets(results, rows, maxchars)

    def moments(self, results: SearchResults, rows: Iterable[int]
                ) -> list[tuple[tuple[int, int, int | None], ...]]:
        """Matching segments (segment_id, start_ms, end_ms) of ``rows``."""
        return self.searcher.moments(results, rows)

    def close(self) -> None:
        """Close every thread's searcher and catalogue connection (see ``IndexHandle.close``)."""
        self.handle.close()
