"""What ``memoria search`` and ``memoria reindex`` do, kept out of memoria/cli.py.

The command line is one short-lived process per search, so it makes the
index usable first (building it when missing, damaged or of an older
version, catching up with saves otherwise), telling the person on stderr
when that takes a while; it falls back to the plain catalogue search only
when no index can be had.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from memoria.domain.consent import Audience
from memoria.search.engine import IndexUnavailable, SearchEngine
from memoria.search.snippets import Snippet
from memoria.storage.archive import Archive

__all__ = ["CliHit", "CliSearch", "reindex", "run_search", "snippet_json"]


@dataclass
class CliHit:
    item_id: int
    score: float | None
    segments: list[dict] = field(default_factory=list)
    snippet: dict | None = None


@dataclass
class CliSearch:
    engine: str  # "index" or "catalogue"
    total: int
    hits: list[CliHit]
    facets: dict | None = None
    #: ñ spellings also searched ("ninos" -> "niños"), see SearchResults
    also_searched: list[str] = field(default_factory=list)


def _progress_printer(label: str):  # noqa: ANN202 - a progress callback
    last = [-1]

    def report(done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 100
        if percent // 10 != last[0] // 10 or done == total:
            last[0] = percent
            print(f"memoria: {label}: {done}/{total} items ({percent}%)", file=sys.stderr)
    return report


def snippet_json(snippet: Snippet | None) -> dict | None:
    """The JSON form of a snippet: text plus [start, end] spans into it."""
    if snippet is None:
        return None
    return {"text": snippet.text, "spans": [list(s) for s in snippet.spans],
            "clipped_start": snippet.clipped_start, "clipped_end": snippet.clipped_end}


def _ready(engine: SearchEngine) -> None:
    problem = engine.problem()
    if problem:
        print(f"memoria: building the search index first ({problem}); this happens once.",
              file=sys.stderr)
    engine.ensure_fresh(progress=_progress_printer("indexing") if problem else None)


def run_search(archive: Archive, query: str, audience: Audience, limit: int,
               want_facets: bool) -> CliSearch:
    """Search with the index (building it if needed) or, failing that, the catalogue.

    QuerySyntaxError propagates (the caller prints its message).
    """
    engine = SearchEngine(archive)
    try:
        try:
            _ready(engine)
        except (RuntimeError, OSError, IndexUnavailable) as exc:
            raise IndexUnavailable(str(exc)) from exc
        results = engine.search(query, audience, page_size=max(1, limit))
        snippets = engine.snippets(results, range(len(results.hits)))
        hits = [CliHit(h.item_id, round(h.score, 4),
                       [{"id": s, "start_ms": a, "end_ms": b} for s, a, b in h.segments],
                       snippet_json(snip))
                for h, snip in zip(results.hits, snippets, strict=True)]
        facets = None
        if want_facets:
            facets = {name: [{"value": v, "count": n} for v, n in values]
                      for name, values in engine.facets(query, audience).items()}
        return CliSearch("index", results.total, hits, facets, list(results.also_searched))
    except IndexUnavailable as exc:
        from memoria.catalogue_search import catalogue_search

        print(f"memoria: the search index is unavailable ({exc}); "
              "searching the catalogue directly (no stemming, snippets or facets).",
              file=sys.stderr)
        ids = catalogue_search(archive, query, audience)
        return CliSearch("catalogue", len(ids), [CliHit(i, None) for i in ids[:limit]])
    finally:
        engine.close()


def reindex(archive: Archive, procs: int = 2) -> None:
    """Rebuild the index from the catalogue, with progress on stderr."""
    engine = SearchEngine(archive)
    try:
        engine.rebuild(progress=_progress_printer("indexing"), procs=procs)
        engine.update_items(())
    finally:
        engine.close()
