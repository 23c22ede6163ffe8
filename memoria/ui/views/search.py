"""The search box's engine, behind one method so the full-text index can
replace the plain catalogue search without touching the window.

The search runs on the readers pool with its own read-only connection (the
GUI's connection stays on the GUI thread); an answer that arrives after a
newer search started is dropped by a generation counter.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from memoria.domain.consent import Audience
from memoria.ui.session import Session


def search_ids(archive_path: Path, text: str, audience: Audience) -> list[int]:
    """The one call to swap for the full-text engine: ids for `audience` only."""
    from memoria.catalogue_search import catalogue_search
    from memoria.storage.archive import Archive

    reader = Archive.open(archive_path, writable=False)
    try:
        return catalogue_search(reader, text, audience)
    finally:
        reader.close()


class SearchController(QObject):
    resultsReady = Signal(list)
    failed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.text = ""
        self.results: list[int] | None = None  # None: no search, show everything
        self._generation = 0

    def start(self, text: str) -> None:
        self._generation += 1
        generation = self._generation
        self.text = text
        path, audience = self.session.path, self.session.audience
        self.session.runner.run(
            lambda _p, _c: search_ids(path, text, audience),
            on_done=lambda ids: self._done(generation, ids),
            on_error=self.failed.emit,
        )

    def clear(self) -> None:
        self._generation += 1
        self.text = ""
        self.results = None

    def _done(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        self.results = list(ids)
        self.resultsReady.emit(self.results)
