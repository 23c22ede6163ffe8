"""The left pane: where the list's items come from (all, a kind, a work queue).

Each entry carries a `Source` that the main window turns into a filter of
the item list; counts are those of the current audience, so a researcher's
sidebar never hints at items they may not see.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from memoria.domain.model import Kind
from memoria.ui.labels import kind_plural
from memoria.ui.models.item_table import ITEM_IDS_MIME

SOURCE_ROLE = Qt.ItemDataRole.UserRole + 20


@dataclass(frozen=True)
class Source:
    """What the list shows: "all", "kind" (with kind), "queue" (with queue name), "trash",
    "exhibit" (with its id: the window opens the exhibit editor), "new_exhibit",
    "saved_search" (with its id: the window re-runs it), "recalls" (the window
    opens the copies to recall), or the placeholder ("saved") shown while there
    are no saved searches."""

    what: str
    kind: Kind | None = None
    queue: str | None = None
    exhibit: int | None = None
    saved: int | None = None


ALL = Source("all")
RECALLS = Source("recalls")
TRASH = Source("trash")  # custodians only: the items moved to the trash
QUEUES = ("consent_pending", "embargo_review", "consent_withdrawn")


class Sidebar(QTreeView):
    sourceChanged = Signal(object)  # Source
    newExhibitRequested = Signal()
    savedSearchChosen = Signal(int)  # saved search id
    savedSearchDeleteRequested = Signal(int)
    recallsRequested = Signal()
    menuRequested = Signal(object, QPoint)  # Source right-clicked, global position
    itemsDropped = Signal(list, int)  # item ids dragged from the list, exhibit id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Collections"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        # Items dragged from the list or the grid onto an exhibit are added to it.
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self._model = QStandardItemModel(self)
        self._entries: dict[Source, QStandardItem] = {}
        self._names: dict[Source, str] = {}
        self._just_chosen: Source | None = None
        self.menu_source: Source | None = None  # the entry of the last context menu
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self._build()
        self.setModel(self._model)
        self.expandAll()
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.clicked.connect(self._clicked)
        self.activated.connect(self._clicked)
        self.select(ALL)

    def _group(self, title: str) -> QStandardItem:
        group = QStandardItem(title)
        group.setSelectable(False)
        font = group.font()
        font.setBold(True)
        group.setFont(font)
        self._model.appendRow(group)
        return group

    def _entry(self, parent: QStandardItem | QStandardItemModel, source: Source,
               name: str) -> QStandardItem:
        entry = QStandardItem(name)
        entry.setData(source, SOURCE_ROLE)
        parent.appendRow(entry)
        self._entries[source] = entry
        self._names[source] = name
        return entry

    def _build(self) -> None:
        library = self._group(self.tr("Library"))
        self._entry(library, ALL, self.tr("All items"))
        for kind in Kind:
            self._entry(library, Source("kind", kind=kind), kind_plural(kind))
        self._library = library
        self._entry(library, TRASH, self.tr("Trash"))
        self._exhibits = self._group(self.tr("Exhibits"))
        self._entry(self._exhibits, Source("new_exhibit"), self.tr("New exhibit..."))
        self._saved = self._group(self.tr("Saved searches"))
        placeholder = self._entry(self._saved, Source("saved"), self.tr("(none yet)"))
        placeholder.setEnabled(False)
        self._queues = self._group(self.tr("Work queues"))
        names = {
            "consent_pending": self.tr("Consent pending"),
            "embargo_review": self.tr("Embargo ended: review"),
            "consent_withdrawn": self.tr("Consent withdrawn"),
        }
        for queue in QUEUES:
            self._entry(self._queues, Source("queue", queue=queue), names[queue])
        # Copies outside the archive still holding what consent closed (the register).
        self._entry(self._queues, RECALLS, self.tr("Copies to recall"))

    def select(self, source: Source) -> None:
        entry = self._entries.get(source)
        if entry is not None:
            self.setCurrentIndex(entry.index())

    def current_source(self) -> Source:
        source = self.currentIndex().data(SOURCE_ROLE)
        return source if isinstance(source, Source) else ALL

    def set_counts(self, counts: dict[Source, int]) -> None:
        """Show a count after each name ("Photographs (8)"), in the UI locale."""
        locale = QLocale()
        for source, entry in self._entries.items():
            if source in counts:
                entry.setText(f"{self._names[source]} ({locale.toString(counts[source])})")
                entry.setData(
                    self.tr("{name}, {count} items").format(
                        name=self._names[source], count=locale.toString(counts[source])),
                    Qt.ItemDataRole.AccessibleTextRole,
                )

    def set_queues_visible(self, visible: bool) -> None:
        """Work queues are custodial work: hidden when viewing as anyone else."""
        self.setRowHidden(self._queues.row(), QModelIndex(), not visible)
        if not visible and self.current_source().what == "queue":
            self.select(ALL)

    def set_trash_visible(self, visible: bool) -> None:
        """The trash is custodial: hidden when viewing as anyone else, and in an edition."""
        self.setRowHidden(self._entries[TRASH].row(), self._library.index(), not visible)
        if not visible and self.current_source() == TRASH:
            self.select(ALL)

    def set_exhibits_visible(self, visible: bool) -> None:
        """Exhibits are made in the archive, never in a reading-room edition."""
        self.setRowHidden(self._exhibits.row(), QModelIndex(), not visible)

    def set_exhibits(self, exhibits: list[tuple[int, str]]) -> None:
        """List the exhibits (id, title) above "New exhibit...", keeping the
        selected one selected (or falling back to All items if it is gone)."""
        current = self.current_source()
        for source in [s for s in self._entries if s.what in ("exhibit", "new_exhibit")]:
            del self._entries[source]
            del self._names[source]
        blocker = self.selectionModel().blockSignals(True)
        self._exhibits.removeRows(0, self._exhibits.rowCount())
        for exhibit_id, title in exhibits:
            self._entry(self._exhibits, Source("exhibit", exhibit=exhibit_id), title)
        new = self._entry(self._exhibits, Source("new_exhibit"), self.tr("New exhibit..."))
        font = new.font()
        font.setItalic(True)
        new.setFont(font)
        self.selectionModel().blockSignals(blocker)
        if current.what == "exhibit":
            if current in self._entries:
                self.select(current)
            else:
                self.select(ALL)

    def set_saved_searches(self, searches: list[tuple[int, str]]) -> None:
        """List the saved searches (id, name), or the "(none yet)" placeholder."""
        current = self.current_source()
        for source in [s for s in self._entries if s.what in ("saved", "saved_search")]:
            del self._entries[source]
            del self._names[source]
        blocker = self.selectionModel().blockSignals(True)
        self._saved.removeRows(0, self._saved.rowCount())
        for saved_id, name in searches:
            self._entry(self._saved, Source("saved_search", saved=saved_id), name)
        if not searches:
            self._entry(self._saved, Source("saved"), self.tr("(none yet)")).setEnabled(False)
        self.selectionModel().blockSignals(blocker)
        self.expand(self._saved.index())
        if current.what == "saved_search":
            self.select(current if current in self._entries else ALL)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        source = self.current_source()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and source.saved is not None:
            self.savedSearchDeleteRequested.emit(source.saved)
            return
        super().keyPressEvent(event)

    def _context_menu(self, pos: QPoint) -> None:
        """The entry under the pointer is the menu's subject; a list entry (all, a kind, a
        queue, an exhibit, a saved search, the trash) is selected first, as a row is, so
        what the menu acts on is what the window shows (the trash's "Empty" included)."""
        source = self.indexAt(pos).data(SOURCE_ROLE)
        if isinstance(source, Source):
            if (source.what in ("all", "kind", "queue", "exhibit", "saved_search", "trash")
                    and source != self.current_source()):
                self.select(source)
            self.menu_source = source
            self.menuRequested.emit(source, self.viewport().mapToGlobal(pos))

    # -- items dropped on an exhibit --------------------------------------------------
    def _exhibit_at(self, event: QDragMoveEvent | QDropEvent) -> int | None:
        if not event.mimeData().hasFormat(ITEM_IDS_MIME):
            return None
        source = self.indexAt(event.position().toPoint()).data(SOURCE_ROLE)
        if isinstance(source, Source) and source.what == "exhibit":
            return source.exhibit
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasFormat(ITEM_IDS_MIME):
            event.acceptProposedAction()  # the target is decided row by row on move
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if self._exhibit_at(event) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        exhibit = self._exhibit_at(event)
        try:
            ids = [int(i) for i in json.loads(bytes(event.mimeData().data(ITEM_IDS_MIME)))]
        except (ValueError, TypeError):
            ids = []
        if exhibit is None or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.itemsDropped.emit(ids, exhibit)

    def _clicked(self, index: QModelIndex) -> None:
        source = index.data(SOURCE_ROLE)
        if isinstance(source, Source) and source.what == "new_exhibit":
            self.newExhibitRequested.emit()
        elif source == RECALLS:
            self.recallsRequested.emit()
        elif isinstance(source, Source) and source.what == "saved_search":
            if self._just_chosen == source:  # this click made it current: already run
                self._just_chosen = None
            else:
                self.savedSearchChosen.emit(source.saved)  # clicked again: run it again

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = current.data(SOURCE_ROLE)
        if isinstance(source, Source) and source.what in ("all", "kind", "queue", "exhibit",
                                                          "trash"):
            self.sourceChanged.emit(source)
        elif isinstance(source, Source) and source.what == "saved_search":
            self._just_chosen = source
            self.savedSearchChosen.emit(source.saved)
