"""The centre pane: one model shown as a table or as a photo grid.

Both views share one selection model, so switching keeps the selected item.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListView,
    QStackedWidget,
    QTableView,
    QWidget,
)

from memoria.domain.model import Kind
from memoria.ui.labels import kind_short
from memoria.ui.models.item_table import ID_ROLE, ItemTableModel
from memoria.ui.views.grid_tiles import TileDelegate, tile_size
from memoria.ui.views.thumbnails import TILE_PX, ThumbnailProvider
from memoria.ui.widgets.consent_badge import COLOURS, BadgeDelegate, status_label


class ItemViews(QStackedWidget):
    """Table and grid over the same ItemTableModel."""

    currentItemChanged = Signal(object)  # int | None
    activated = Signal(int)  # Enter / double click: open the editor
    menuRequested = Signal(QPoint)  # right-click on an item (now selected), global position

    def __init__(self, model: ItemTableModel, thumbnails: ThumbnailProvider,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.thumbnails = thumbnails
        model.decorate = thumbnails.icon
        thumbnails.ready.connect(self._thumbnail_ready, Qt.ConnectionType.QueuedConnection)
        model.modelAboutToBeReset.connect(thumbnails.reset)

        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Items"))
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setItemDelegateForColumn(4, BadgeDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self._size_columns()

        self.grid = QListView(self)
        self.grid.setAccessibleName(self.tr("Item grid"))
        self.grid.setModel(model)
        self.grid.setModelColumn(1)
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setWordWrap(True)
        self.grid.setIconSize(QSize(TILE_PX, TILE_PX))
        # Picture, consent badge and an elided two-line title (views/grid_tiles.py).
        self.tiles = TileDelegate(thumbnails, self.grid)
        self.grid.setItemDelegate(self.tiles)
        self.grid.setGridSize(tile_size(self.grid.fontMetrics()))
        self.grid.setSpacing(4)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setSelectionModel(self.table.selectionModel())
        thumbnails.watch(self.grid)

        self.addWidget(self.table)
        self.addWidget(self.grid)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        # A reset (sort, filter, consent change) keeps the selected item if still listed.
        self._stash: int | None = None
        model.modelAboutToBeReset.connect(self._before_reset)
        model.modelReset.connect(self._after_reset)
        for view in (self.table, self.grid):
            view.activated.connect(self._activated)
            # Items can be dragged out (into an exhibit), never moved within the list.
            view.setDragEnabled(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self._context_menu(v, pos))

    def _size_columns(self) -> None:
        """Widths from the longest label in the UI language, never from the rows
        (ResizeToContents would read thousands of rows to measure them)."""
        width = self.table.fontMetrics().horizontalAdvance
        header = self.table.horizontalHeader()
        pad = 24
        header.resizeSection(0, width("F-2026-0000") + pad)
        header.resizeSection(2, width("3 de noviembre de 2017") + pad)
        header.resizeSection(3, max(width(kind_short(k)) for k in Kind) + pad)
        header.resizeSection(4, max(width(status_label(s)) for s in COLOURS) + pad + 14)
        header.resizeSection(5, max(width(self.model.headerData(
            5, Qt.Orientation.Horizontal)), width("000")) + pad)

    # -- mode ----------------------------------------------------------------------
    def set_grid(self, grid: bool) -> None:
        self.thumbnails.enabled = grid
        self.setCurrentWidget(self.grid if grid else self.table)
        if grid:
            self.grid.viewport().update()

    def is_grid(self) -> bool:
        return self.currentWidget() is self.grid

    def view(self) -> QAbstractItemView:
        return self.grid if self.is_grid() else self.table

    # -- selection -----------------------------------------------------------------
    def current_item(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_item(self, item_id: int | None) -> bool:
        row = self.model.row_of(item_id) if item_id is not None else None
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view().scrollTo(index if not self.is_grid() else self.model.index(row, 1))
        return True

    def _before_reset(self) -> None:
        self._stash = self.current_item()

    def _after_reset(self) -> None:
        if not self.select_item(self._stash):
            self.currentItemChanged.emit(None)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentItemChanged.emit(current.data(ID_ROLE) if current.isValid() else None)

    def _activated(self, index: QModelIndex) -> None:
        item_id = index.data(ID_ROLE)
        if item_id is not None:
            self.activated.emit(item_id)

    def _context_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        """A right-click on an item that is not selected selects it (alone) first."""
        index = view.indexAt(pos)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.select_item(index.data(ID_ROLE))
        self.menuRequested.emit(view.viewport().mapToGlobal(pos))

    def _thumbnail_ready(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row is not None:
            index = self.model.index(row, 1)
            self.model.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
