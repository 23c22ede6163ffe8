"""The search panels around the list: matching moments above the detail pane,
the facet filters, and saved searches in the sidebar.

They read from `SearchController` (memoria/ui/views/search.py) and never run a
query themselves.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.changes import ChangeKind, Changes
from memoria.domain.consent import Audience
from memoria.projection import project
from memoria.search.analysis import search_fold

if TYPE_CHECKING:
    from memoria.search.snippets import Snippet
    from memoria.ui.views.search import SearchController
    from memoria.ui.window_api import WindowApi
from memoria.domain.timecode import clock

MOMENT_ROLE = Qt.ItemDataRole.UserRole + 31


# -- the matching moments strip -----------------------------------------------------------
def snippet_html(snippet: Snippet) -> str:
    parts, at = [], 0
    for start, end in snippet.spans:
        parts.append(escape(snippet.text[at:start]))
        parts.append(f"<b>{escape(snippet.text[start:end])}</b>")
        at = end
    parts.append(escape(snippet.text[at:]))
    text = "".join(parts)
    if snippet.clipped_start:
        text = "…" + text
    if snippet.clipped_end:
        text += "…"
    return text


def emphasise(text: str, words: set[str]) -> str:
    """`text` escaped, with the words whose folded form is in `words` in bold."""
    out, at = [], 0
    for m in re.finditer(r"\w+", text):
        if search_fold(m.group()) in words:
            out.append(escape(text[at:m.start()]))
            out.append(f"<b>{escape(m.group())}</b>")
            at = m.end()
    out.append(escape(text[at:]))
    return "".join(out)


class SearchHitsPanel(QWidget):
    """Above the detail pane while a search shows: the selected hit's snippet and
    its matching moments (h:mm:ss and text); a click opens the item there."""

    momentChosen = Signal(int, int)  # item id, start ms

    def __init__(self, controller: SearchController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.item_id: int | None = None
        self.setAccessibleName(self.tr("Search matches"))
        self.snippet = QLabel(self)
        self.snippet.setWordWrap(True)
        self.snippet.setTextFormat(Qt.TextFormat.RichText)
        self.snippet.setAccessibleName(self.tr("Matching text"))
        self.moments = QListWidget(self)
        self.moments.setAccessibleName(self.tr("Matching moments"))
        self.moments.setMaximumHeight(160)
        self.moments.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.moments.setWordWrap(True)
        self.moments.itemClicked.connect(self._chosen)
        self.moments.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.snippet)
        layout.addWidget(self.moments)
        controller.snippetReady.connect(self._snippet)
        self.hide()

    def show_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        hit = self.controller.hit_for(item_id)
        self.snippet.clear()
        self.moments.clear()
        if hit is None:
            self.hide()
            return
        self.show()
        self.controller.request_snippet(hit.item_id)

    def _snippet(self, item_id: int, snippet: Snippet | None) -> None:
        if item_id != self.item_id:
            return
        hit = self.controller.hit_for(item_id)
        if snippet is not None:
            self.snippet.setText(snippet_html(snippet))
        words = ({search_fold(snippet.text[s:e]) for s, e in snippet.spans} if snippet else set())
        # ...and the words typed as they are (a moment may match outside the snippet)
        words |= {search_fold(w) for w in re.findall(r"\w+", self.controller.text)
                  if w not in ("OR", "AND", "NOT", "O", "Y", "NO")}
        self.moments.clear()
        if hit is None or not hit.segments:
            self.moments.hide()
            return
        texts = self._segment_texts(item_id)
        for segment_id, start_ms, _end in hit.segments:
            text = texts.get(segment_id, "")
            short = text if len(text) <= 160 else text[:157] + "…"
            item = QListWidgetItem(self.moments)
            item.setData(MOMENT_ROLE, (item_id, start_ms))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{clock(start_ms)} {short}")
            item.setToolTip(self.tr("Open the recording at {time}").format(time=clock(start_ms)))
            label = QLabel(f"<b>{clock(start_ms)}</b>  {emphasise(short, words)}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            width = max(120, self.moments.viewport().width() - 4)
            item.setSizeHint(QSize(width, label.heightForWidth(width) + 4))
            self.moments.setItemWidget(item, label)
        rows = sum(self.moments.item(r).sizeHint().height() + 2 * self.moments.spacing()
                   for r in range(self.moments.count()))
        self.moments.setFixedHeight(min(160, rows + 2 * self.moments.frameWidth() + 2))
        self.moments.show()

    def _segment_texts(self, item_id: int) -> dict[int, str]:
        """The segments as this audience may read them (pseudonyms, withheld parts)."""

        session = self.controller.session
        try:
            view = project(session.reader, item_id, session.audience)
        except Exception:  # noqa: BLE001 - not visible any more, or deleted meanwhile
            return {}
        return {seg.id: seg.text for seg in view.segments}

    def _chosen(self, item: QListWidgetItem) -> None:
        data = item.data(MOMENT_ROLE)
        if data:
            self.momentChosen.emit(int(data[0]), int(data[1]))


# -- facets --------------------------------------------------------------------------------
class FacetPanel(QWidget):
    """Counts per kind, place, subject, person, language, decade (consent status for
    custodians) for the current query and audience; a click adds a filter."""

    FACET_ROLE = Qt.ItemDataRole.UserRole + 32

    def __init__(self, controller: SearchController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName(self.tr("Filters"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Filter by"))
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.active = QLabel(self)
        self.active.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.clicked.connect(controller.clear_filters)
        row = QHBoxLayout()
        row.addWidget(self.active, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        controller.facetsReady.connect(self.set_facets)
        self.set_facets({})

    def names(self) -> dict[str, str]:
        return {"kind": self.tr("Kind"), "place": self.tr("Place"),
                "subject": self.tr("Subject"), "person": self.tr("Person"),
                "language": self.tr("Language"), "decade": self.tr("Decade"),
                "consent": self.tr("Consent status")}

    def set_facets(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        self.tree.clear()
        names = self.names()
        custodian = self.controller.session.audience is Audience.CUSTODIAN
        for key, name in names.items():
            values = facets.get(key) or []
            if not values or (key == "consent" and not custodian):
                continue
            group = QTreeWidgetItem(self.tree, [name])
            for value, count in values[:12]:
                label = self.value_label(key, value)
                child = QTreeWidgetItem(group, [f"{label} ({count})"])
                child.setData(0, self.FACET_ROLE, (key, value))
            group.setExpanded(key in ("kind", "decade", "language", "consent"))
        filters = self.controller.filters
        self.active.setText(", ".join(
            f"{names.get(k, k)}: {' / '.join(self.value_label(k, x) for x in v)}"
            for k, v in filters.items()))
        self.clear_button.setEnabled(bool(filters))

    def value_label(self, key: str, value: object) -> str:
        from memoria.ui.labels import kind_label, status_label

        try:
            if key == "kind":
                return kind_label(str(value))
            if key == "consent":
                return status_label(str(value))
        except ValueError:
            return str(value)
        if key == "decade":
            return self.tr("{decade}s").format(decade=value)
        if key == "language":
            return {"es": self.tr("Spanish"), "en": self.tr("English"),
                    "pt": self.tr("Portuguese"), "fr": self.tr("French")}.get(
                str(value), str(value))
        return str(value)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, self.FACET_ROLE)
        if data:
            self.controller.add_filter(data[0], data[1])


# -- saved searches -----------------------------------------------------------------
class SavedSearches(QObject):
    """The sidebar's saved searches: save (name), run on click, delete with Del.
    The list follows the change feed: a search saved in another window (or on the
    command line) appears here as one saved in this window does."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        window.sidebar.savedSearchChosen.connect(self.run)
        window.sidebar.savedSearchDeleteRequested.connect(self.delete)
        self.session.audienceChanged.connect(self._audience_changed)
        self.session.changesArrived.connect(self._changes_arrived)
        self.refresh()

    def _changes_arrived(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.SEARCHES):
            self.refresh()

    def _audience_changed(self, _audience: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        from memoria.operations import search as saved_searches

        found = saved_searches.list_saved(self.session.reader, self.session.audience)
        self.window.sidebar.set_saved_searches([(s.id, s.name) for s in found])

    def save_current(self) -> None:
        from memoria.operations import search as saved_searches

        controller = self.window.search
        query = self.window.search_field.text().strip()
        if not query and not controller.filters:
            self.window.statusBar().showMessage(self.tr("There is no search to save."), 5000)
            return
        name, ok = QInputDialog.getText(self.window, self.tr("Save search"), self.tr("Name:"),
                                        text=query)
        if not ok or not name.strip():
            return
        self.session.run(saved_searches.save, name.strip(), query, self.session.audience,
                         {k: list(v) for k, v in controller.filters.items()},
                         label=self.tr("Saving the search"))

    def run(self, saved_id: int) -> None:
        from memoria.operations import search as saved_searches

        try:
            saved = saved_searches.get(self.session.reader, saved_id)
        except saved_searches.SavedSearchError as exc:
            self.window.statusBar().showMessage(str(exc), 5000)
            return
        if saved.audience is not self.session.audience:
            return  # runs as its own audience only; the list shows the current one's
        field = self.window.search_field
        blocker = field.blockSignals(True)
        field.setText(saved.query)
        field.blockSignals(blocker)
        self.window.search.start(saved.query, saved.filters)

    def delete(self, saved_id: int) -> None:
        from memoria.operations import search as saved_searches

        self.session.run(saved_searches.delete, saved_id,
                         label=self.tr("Deleting the saved search"))
