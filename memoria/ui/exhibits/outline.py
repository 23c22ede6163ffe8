"""The exhibit's outline: sections with their ordered entries, as one tree.

The tree never writes. Drops, moves, renames and deletions come out as
signals with ids and target positions; the editor writes them through the
session and reloads the outline from the archive, so what is shown is always
what is stored. Items arrive as ITEM_IDS_MIME from the item list (and later
search results); entries and sections move with their own private types.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTreeView,
    QWidget,
)

from memoria.exhibits.model import Entry, EntryKind, Exhibit
from memoria.ui.models.item_table import ITEM_IDS_MIME
from memoria.ui.widgets.consent_badge import COLOURS

ENTRY_MIME = "application/x-memoria-exhibit-entry"
SECTION_MIME = "application/x-memoria-exhibit-section"
WHAT_ROLE = Qt.ItemDataRole.UserRole + 30   # "section" | "entry"
ID_ROLE = Qt.ItemDataRole.UserRole + 31
EDIT_ROLE = Qt.ItemDataRole.UserRole + 32   # the Spanish caption / title being edited
BLOCKED, ALLOWED = COLOURS["withdrawn"], COLOURS["granted"]


class _Model(QStandardItemModel):
    """Declares the drop types so the view draws its drop indicator for them."""

    def mimeTypes(self) -> list[str]:
        return [ITEM_IDS_MIME, ENTRY_MIME, SECTION_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, *_args: object) -> bool:
        return any(data.hasFormat(t) for t in self.mimeTypes())


class _InPlaceDelegate(QStyledItemDelegate):
    """Edits the stored Spanish text (not the fallback label) and hands the
    result to the outline instead of writing it into the model."""

    def __init__(self, outline: ExhibitOutline) -> None:
        super().__init__(outline)
        self.outline = outline

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        editor.setText(index.data(EDIT_ROLE) or "")

    def setModelData(self, editor: QWidget, _model: object, index: QModelIndex) -> None:
        self.outline.edited(index, editor.text())


class ExhibitOutline(QTreeView):
    itemsDropped = Signal(list, int, int)   # item ids, section id, position
    entryMoved = Signal(int, int, int)      # entry id, section id, position (final index)
    sectionMoved = Signal(int, int)         # section id, position
    removeRequested = Signal(str, int)      # "section" | "entry", id
    captionEdited = Signal(int, str)        # entry id, Spanish caption
    sectionRenamed = Signal(int, str)       # section id, Spanish title
    menuRequested = Signal(str, QPoint)     # "section" | "entry" right-clicked (now current)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Exhibit outline"))
        self.model_ = _Model(self)
        self.model_.setHorizontalHeaderLabels([self.tr("Sections and entries"),
                                               self.tr("Consent check")])
        self.setModel(self.model_)
        self.setItemDelegateForColumn(0, _InPlaceDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setWordWrap(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(1, 230)
        self.exhibit: Exhibit | None = None
        self._rows: dict[tuple[str, int], QStandardItem] = {}
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    # -- filling -----------------------------------------------------------------
    def load(self, exhibit: Exhibit, labels: dict[int, str]) -> None:
        """Show `exhibit`; `labels` maps item id -> "accession · title" for entries
        without a caption. Keeps the selection and the check marks by id."""
        keep = self.current()
        self.exhibit = exhibit
        self.model_.removeRows(0, self.model_.rowCount())
        self._rows.clear()
        for section in exhibit.sections:
            row = self._row("section", section.id, section.title.es, section.title.es)
            font = row.font()
            font.setBold(True)
            row.setFont(font)
            status = QStandardItem("")
            status.setEditable(False)
            self.model_.appendRow([row, status])
            for entry in section.entries:
                label = entry.caption.es or labels.get(entry.item_id, "?")
                child = self._row("entry", entry.id, f"{_kind_mark(entry)}{label}",
                                  entry.caption.es)
                child.setToolTip(labels.get(entry.item_id, ""))
                mark = QStandardItem("")
                mark.setEditable(False)
                row.appendRow([child, mark])
        self.expandAll()
        if keep is not None:
            self.select(*keep)

    def _row(self, what: str, ident: int, text: str, edit: str) -> QStandardItem:
        row = QStandardItem(text)
        row.setData(what, WHAT_ROLE)
        row.setData(ident, ID_ROLE)
        row.setData(edit, EDIT_ROLE)
        row.setDropEnabled(True)
        self._rows[(what, ident)] = row
        return row

    def mark(self, verdicts: dict[int, tuple[bool, str]]) -> None:
        """Mark each entry allowed (green) or blocked (red, with the reason)."""
        for (what, ident), row in self._rows.items():
            if what != "entry":
                continue
            cell = self._status_cell(row)
            verdict = verdicts.get(ident)
            if verdict is None:
                cell.setText("")
                cell.setData(None, Qt.ItemDataRole.BackgroundRole)
                continue
            allowed, reason = verdict
            colours = ALLOWED if allowed else BLOCKED
            cell.setText(self.tr("May go out") if allowed else self.tr("Blocked: {reason}")
                         .format(reason=reason))
            cell.setToolTip(reason)
            cell.setData(QBrush(QColor(colours[0])), Qt.ItemDataRole.BackgroundRole)
            cell.setData(QBrush(QColor(colours[1])), Qt.ItemDataRole.ForegroundRole)
            cell.setData(cell.text(), Qt.ItemDataRole.AccessibleTextRole)

    def _status_cell(self, row: QStandardItem) -> QStandardItem:
        parent = row.parent() or self.model_.invisibleRootItem()
        return parent.child(row.row(), 1)

    def status_text(self, entry_id: int) -> str:
        row = self._rows.get(("entry", entry_id))
        return self._status_cell(row).text() if row is not None else ""

    # -- selection --------------------------------------------------------------------
    def current(self) -> tuple[str, int] | None:
        index = self.currentIndex().siblingAtColumn(0)
        if not index.isValid():
            return None
        return index.data(WHAT_ROLE), index.data(ID_ROLE)

    def select(self, what: str, ident: int) -> bool:
        row = self._rows.get((what, ident))
        if row is None:
            return False
        self.setCurrentIndex(row.index())
        self.scrollTo(row.index())
        return True

    def item_of(self, entry_id: int) -> int | None:
        """The archive item an entry shows."""
        for section in self.exhibit.sections if self.exhibit else ():
            for entry in section.entries:
                if entry.id == entry_id:
                    return entry.item_id
        return None

    def _context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos).siblingAtColumn(0)
        if not index.isValid():
            return
        if index != self.currentIndex().siblingAtColumn(0):
            self.setCurrentIndex(index)
        self.menuRequested.emit(index.data(WHAT_ROLE), self.viewport().mapToGlobal(pos))

    def entry_ids(self, section_id: int) -> list[int]:
        row = self._rows.get(("section", section_id))
        return [] if row is None else [row.child(r).data(ID_ROLE) for r in range(row.rowCount())]

    def section_ids(self) -> list[int]:
        root = self.model_.invisibleRootItem()
        return [root.child(r).data(ID_ROLE) for r in range(root.rowCount())]

    def section_of(self, entry_id: int) -> int | None:
        row = self._rows.get(("entry", entry_id))
        return row.parent().data(ID_ROLE) if row is not None and row.parent() else None

    def edited(self, index: QModelIndex, text: str) -> None:
        what, ident = index.data(WHAT_ROLE), index.data(ID_ROLE)
        if text == (index.data(EDIT_ROLE) or ""):
            return
        if what == "entry":
            self.captionEdited.emit(ident, text)
        elif text.strip():
            self.sectionRenamed.emit(ident, text.strip())

    # -- keyboard ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.current()
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if current and alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_by(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if current and event.key() == Qt.Key.Key_Delete and self.state() != \
                QAbstractItemView.State.EditingState:
            self.removeRequested.emit(*current)
            event.accept()
            return
        super().keyPressEvent(event)

    def move_by(self, step: int) -> None:
        """Move the current entry (or section) one place up or down; an entry at
        the edge of its section moves into the neighbouring section."""
        current = self.current()
        if current is None:
            return
        what, ident = current
        if what == "section":
            order = self.section_ids()
            at = order.index(ident) + step
            if 0 <= at < len(order):
                self.sectionMoved.emit(ident, at)
            return
        section = self.section_of(ident)
        sections = self.section_ids()
        order = self.entry_ids(section)
        at = order.index(ident) + step
        if 0 <= at < len(order):
            self.entryMoved.emit(ident, section, at)
            return
        neighbour = sections.index(section) + step
        if 0 <= neighbour < len(sections):
            target = sections[neighbour]
            self.entryMoved.emit(ident, target, 0 if step > 0 else len(self.entry_ids(target)))

    # -- drag and drop --------------------------------------------------------------------
    def startDrag(self, supported: Qt.DropAction) -> None:
        current = self.current()
        if current is None:
            return
        mime = QMimeData()
        mime.setData(ENTRY_MIME if current[0] == "entry" else SECTION_MIME,
                     QByteArray(str(current[1]).encode("ascii")))
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.MoveAction)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.model_.canDropMimeData(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        if self.model_.canDropMimeData(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.drop(event.mimeData(), event.position().toPoint()):
            event.acceptProposedAction()
        else:
            event.ignore()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()

    def drop(self, mime: QMimeData, pos: QPoint) -> bool:
        """Turn a drop at `pos` into a signal; False if nothing could be done."""
        if mime.hasFormat(SECTION_MIME):
            section = int(bytes(mime.data(SECTION_MIME)).decode("ascii"))
            index = self.indexAt(pos).siblingAtColumn(0)
            if index.parent().isValid():
                index = index.parent()
            order = [s for s in self.section_ids() if s != section]
            at = len(order)
            if index.isValid() and index.data(ID_ROLE) in order:
                at = order.index(index.data(ID_ROLE))
                if pos.y() > self.visualRect(index).center().y():
                    at += 1
            self.sectionMoved.emit(section, at)
            return True
        target = self.drop_target(pos)
        if target is None:
            return False
        section, at = target
        if mime.hasFormat(ENTRY_MIME):
            entry = int(bytes(mime.data(ENTRY_MIME)).decode("ascii"))
            order = self.entry_ids(section)
            if entry in order and order.index(entry) < at:
                at -= 1  # the final index once the entry has left its old place
            self.entryMoved.emit(entry, section, at)
            return True
        if mime.hasFormat(ITEM_IDS_MIME):
            try:
                ids = [int(i) for i in json.loads(bytes(mime.data(ITEM_IDS_MIME)))]
            except (ValueError, TypeError):
                return False
            if ids:
                self.itemsDropped.emit(ids, section, at)
                return True
        return False

    def drop_target(self, pos: QPoint) -> tuple[int, int] | None:
        """(section id, insert position) for a drop at `pos`: before or after the
        entry under it, at the end of the section under it, else the last section."""
        index = self.indexAt(pos).siblingAtColumn(0)
        if index.isValid() and index.data(WHAT_ROLE) == "entry":
            section = index.parent().data(ID_ROLE)
            after = pos.y() > self.visualRect(index).center().y()
            return section, index.row() + (1 if after else 0)
        if index.isValid():
            section = index.data(ID_ROLE)
            return section, len(self.entry_ids(section))
        sections = self.section_ids()
        if not sections:
            return None
        return sections[-1], len(self.entry_ids(sections[-1]))


def _kind_mark(entry: Entry) -> str:
    """A short prefix so a segment or quotation reads differently from a whole item."""
    if entry.kind is EntryKind.QUOTE:
        return "“” "
    if entry.kind is EntryKind.SEGMENT:
        return "◔ "
    return ""
