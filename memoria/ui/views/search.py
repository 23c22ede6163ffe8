"""The search box's engine: the full-text index (memoria.search.engine), with the
plain catalogue search as a fallback while no index can be had.

Threads: searches, facets and snippets run on one dedicated search thread
(a single-thread pool whose thread never expires), so the engine's
per-thread whoosh searcher is only ever used by that thread; index writes
(``ensure_fresh`` at start-up, ``update_items`` after every save) run on a
second single-thread pool, so writes never race and never block the window.
An answer that arrives after a newer search started is dropped by a
generation counter.

The window's search pieces (the matching-moments strip, the facet panel,
saved searches, messages under the field) are views/search_ui.py's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from memoria.domain.consent import Audience
from memoria.search.engine import (
    FilterError,
    Hit,
    IndexUnavailable,
    QuerySyntaxError,
    SearchEngine,
    SearchResults,
)
from memoria.ui.session import Session

if TYPE_CHECKING:
    from memoria.search.snippets import Snippet

#: The list shows every match; more than this many are cut (see docs/search.md).
MAX_RESULTS = 5000


def search_ids(session: Session, text: str, audience: Audience) -> list[int]:
    """The plain catalogue search: the fallback while there is no sound index."""
    from memoria.catalogue_search import catalogue_search

    with session.reading() as reader:
        return catalogue_search(reader, text, audience)


@dataclass
class _Answer:
    ids: list[int] = field(default_factory=list)
    results: SearchResults | None = None
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    error: QuerySyntaxError | FilterError | None = None
    fallback: bool = False


def _single_thread_pool(parent: QObject) -> QThreadPool:
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    pool.setExpiryTimeout(-1)  # the same thread all along: its searcher stays its own
    return pool


class SearchController(QObject):
    resultsReady = Signal(list)
    failed = Signal(str)
    syntaxError = Signal(str)  # a message for the person, "" when the query is fine
    facetsReady = Signal(dict)
    snippetReady = Signal(int, object)  # item id, Snippet | None
    indexReady = Signal()
    notice = Signal(str)  # for the status bar
    alsoSearched = Signal(str)  # "Also searched: niños" (ñ spellings searched too), or ""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # The engine reads only the archive's folder and date from this object;
        # its catalogue connections are its own, one per thread.
        self.engine = SearchEngine(session.reader)
        session.closingConnections.connect(self._close_engine)
        session.connectionsReopened.connect(self._reopen_engine)
        self.search_pool = _single_thread_pool(self)
        self.index_pool = _single_thread_pool(self)
        self.text = ""
        self.filters: dict[str, list[str]] = {}
        self.results: list[int] | None = None  # None: no search, show everything
        self.found: SearchResults | None = None  # None: no full-text hits (fallback)
        self.fallback = False
        self._hits: dict[int, tuple[int, Hit]] = {}
        self._snippets: dict[int, Snippet | None] = {}
        self._generation = 0
        self._indexing = False
        session.catalogueChanged.connect(self._catalogue_changed)
        session.audienceChanged.connect(self._audience_changed)
        self.wants_facets: Callable[[], bool] = lambda: True  # the window narrows this
        self._index_task = None
        self._search_task = None  # the search queued or running, cancelled by a newer one

    # -- the index -----------------------------------------------------------------
    def prepare_index(self) -> None:
        """Build or catch up the index in the background (at start-up)."""
        if self._indexing:
            return
        self._indexing = True
        label = self.tr("Preparing the search index")

        def job(progress, cancelled):
            # Nothing else here: facets are read by the first search that needs them.
            # Read at start-up on this thread (a warm-up was tried), their 1.2 s of
            # Python at 100,000 items starved the list's reader thread and the GUI
            # of the interpreter lock: the first screen took 2.3 s instead of 50 ms.
            return self.engine.ensure_fresh(lambda n, total: progress(n, total, label),
                                            cancelled)

        self._index_task = self.session.runner.run(
            job, label=label, pool=self.index_pool, on_done=self._index_done,
            on_error=self._index_failed)

    def _close_engine(self) -> None:
        """The idle lock or a key rotation closes the archive: every thread's catalogue
        connection and searcher go too (each holds a key of an encrypted archive)."""
        self.engine.close()

    def _reopen_engine(self) -> None:
        """Reopened, perhaps under a new key (rotation): a new engine reads the new reader."""
        self.engine = type(self.engine)(self.session.reader)

    def shutdown(self) -> None:
        """The window is closing: stop a build in progress (it resumes next time)."""
        if self._indexing and self._index_task is not None:
            self._index_task.cancel()

    def _index_done(self, _what: object) -> None:
        self._indexing = False
        self._index_task = None
        self.indexReady.emit()
        if self.fallback and self.active:
            self.rerun()
        elif not self.active:
            self.refresh_facets()

    def _audience_changed(self, _audience: object) -> None:
        self.filters.pop("consent", None)  # custodians only
        # An answer (results, facets, snippet) asked for the previous audience must never
        # land in this one: a search still running is dropped and asked again.
        self._generation += 1
        if self.active:
            self.start(self.text)
        else:
            self.refresh_facets()

    def refresh_facets(self) -> None:
        """Facet counts of everything the audience may see (no search running).

        Only while someone can see them: at 100,000 items these counts are a
        Python walk over every document, and on the search thread it competes
        with the window for the interpreter (benchmarked: 0.7-1 s stalls on
        each audience switch when they were computed unseen)."""
        if not self.wants_facets():
            return
        engine, audience, generation = self.engine, self.session.audience, self._generation

        def job(_p, _c) -> dict:
            try:
                return engine.facets("", audience)
            except IndexUnavailable:
                return {}

        def done(facets: object) -> None:
            if generation == self._generation and not self.active:
                self.facetsReady.emit(facets)

        self.session.runner.run(job, pool=self.search_pool, on_done=done,
                                on_error=lambda _m: None)

    def _index_failed(self, message: str) -> None:
        self._indexing = False
        self._index_task = None
        self.failed.emit(self.tr("The search index could not be prepared: {0}").format(message))

    def _catalogue_changed(self, changed: object) -> None:
        ids = sorted(changed) if isinstance(changed, (set, frozenset, list, tuple)) else []
        self.session.runner.run(lambda _p, _c: self.engine.update_items(ids),
                                pool=self.index_pool, on_done=self._index_updated,
                                on_error=lambda _m: None)

    def _index_updated(self, _count: object) -> None:
        if self.active:
            self.rerun()
        else:
            self.refresh_facets()

    # -- searching -----------------------------------------------------------------
    @property
    def active(self) -> bool:
        return bool(self.text or self.filters)

    def start(self, text: str, filters: dict | None = None) -> None:
        if filters is not None:
            self.filters = {k: list(v) if isinstance(v, (list, tuple)) else [v]
                            for k, v in filters.items() if v}
        self._generation += 1
        generation = self._generation
        self.text = text
        session, audience = self.session, self.session.audience
        filters_now = {k: list(v) for k, v in self.filters.items()}
        engine = self.engine

        def job(_p, cancelled) -> _Answer:
            if cancelled():
                return _Answer()  # a newer search replaced it before it started
            try:
                res = engine.search(text, audience, filters_now or None, page_size=MAX_RESULTS,
                                    moments=False)  # the selected hit's come with its snippet
                facets = engine.facets(text, audience, filters_now or None)
            except (QuerySyntaxError, FilterError) as exc:
                return _Answer(error=exc)
            except IndexUnavailable:
                return _Answer(search_ids(session, text, audience) if text else [], fallback=True)
            return _Answer(res.item_ids, res, facets)

        if self._search_task is not None:
            self._search_task.cancel()  # still queued behind another: never run it
        self._search_task = self.session.runner.run(
            job, pool=self.search_pool, on_done=lambda answer: self._done(generation, answer),
            on_error=self.failed.emit)

    def rerun(self) -> None:
        if self.active:
            self.start(self.text)

    def add_filter(self, key: str, value: str) -> None:
        values = self.filters.setdefault(key, [])
        if value not in values:
            values.append(value)
        self.start(self.text)

    def clear_filters(self) -> None:
        self.filters = {}
        if self.text:
            self.start(self.text)
        else:
            self.clear()
            self.resultsReady.emit([])

    def clear(self) -> None:
        self._generation += 1
        self.text = ""
        self.filters = {}
        self.results = None
        self.found = None
        self.fallback = False
        self._hits = {}
        self._snippets = {}
        self.syntaxError.emit("")
        self.alsoSearched.emit("")
        self.refresh_facets()

    def _done(self, generation: int, answer: _Answer) -> None:
        if generation != self._generation:
            return
        if answer.error is not None:
            self.syntaxError.emit(self.explain(answer.error))
            self.alsoSearched.emit("")
            return
        self.syntaxError.emit("")
        also = answer.results.also_searched if answer.results is not None else []
        self.alsoSearched.emit(self.tr("Also searched: {words}").format(words=", ".join(also))
                               if also else "")
        self.fallback = answer.fallback
        self.found = answer.results
        self._hits = ({h.item_id: (n, h) for n, h in enumerate(answer.results.hits)}
                      if answer.results else {})
        self._snippets = {}
        self.results = list(answer.ids)
        if answer.fallback:
            self.notice.emit(self.tr("The search index is not ready yet: a simple search of "
                                     "titles and descriptions is shown meanwhile."))
            if not self._indexing:
                self.prepare_index()
        elif answer.results is not None and answer.results.total > len(answer.ids):
            self.notice.emit(self.tr("Showing the best {shown} of {total} matches.").format(
                shown=len(answer.ids), total=answer.results.total))
        self.facetsReady.emit(answer.facets)
        self.resultsReady.emit(self.results)

    def explain(self, error: Exception) -> str:
        """A malformed query, said in the interface language where we can."""
        if isinstance(error, FilterError):
            return self.tr("This filter is not available for this audience.")
        code = getattr(error, "code", "")
        position = getattr(error, "position", None)
        generic = {
            "stray_paren": self.tr("A parenthesis is not closed or not opened."),
            "leading_wildcard": self.tr("A word cannot start with * or ?."),
            "short_prefix": self.tr("Write at least two letters before * or ?."),
            "missing_value": self.tr("A field needs a value after the colon."),
            "bad_kind": self.tr("Unknown kind: use testimony, photograph or audio."),
            "bad_language": self.tr("Unknown language: use a code such as es or en."),
            "bad_range": self.tr("That date or year is not valid; write e.g. 1998 or "
                                 "1985..1991."),
        }.get(code)
        message = generic or getattr(error, "message", "") or str(error)
        if position is not None:
            message = self.tr("{message} (character {position})").format(
                message=message.rstrip(". "), position=position + 1)
        return message

    # -- hits and snippets -----------------------------------------------------------
    def hit_for(self, item_id: int | None) -> Hit | None:
        found = self._hits.get(item_id) if item_id is not None else None
        return found[1] if found else None

    def request_snippet(self, item_id: int) -> None:
        """The snippet and matching moments of one hit (the selected one), made on
        the search thread; ``hit_for`` has the moments once snippetReady says so."""
        found = self._hits.get(item_id)
        if found is None or self.found is None:
            return
        if item_id in self._snippets:
            self.snippetReady.emit(item_id, self._snippets[item_id])
            return
        results, row, engine, generation = self.found, found[0], self.engine, self._generation

        def job(_p, _c) -> tuple[Snippet | None, tuple]:
            return engine.snippets(results, [row])[0], engine.moments(results, [row])[0]

        def done(answer: tuple[Snippet | None, tuple]) -> None:
            if generation == self._generation:
                snippet, segments = answer
                self._hits[item_id] = (row, replace(found[1], segments=segments))
                self._snippets[item_id] = snippet
                self.snippetReady.emit(item_id, snippet)

        self.session.runner.run(job, pool=self.search_pool, on_done=done,
                                on_error=lambda _m: None)
