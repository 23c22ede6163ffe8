"""The centre pane: one model shown as a table or as a photo grid.

Both views share one selection model, so switching keeps the selection.
Selection is extended (Ctrl/Shift-click, Shift+arrows, Ctrl+A); it is kept
by item id across the model's resets (a sort, a change from the change feed,
an audience switch), and items no longer listed leave it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QRegion
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


class _Table(QTableView):
    """The list. A selection's changed region is the whole viewport: the views add up
    a rectangle per selected range (a scattered selection of 50,000 rows kept across
    a sort was minutes of QRegion unions); repainting the visible rows costs nothing."""

    def visualRegionForSelection(self, _selection: QItemSelection) -> QRegion:  # noqa: N802
        return QRegion(self.viewport().rect())


class _Grid(QListView):
    """The photo grid, repainted whole on a selection change as the list is
    (QListView measures every selected index: 100,000 after Ctrl+A)."""

    def visualRegionForSelection(self, _selection: QItemSelection) -> QRegion:  # noqa: N802
        return QRegion(self.viewport().rect())


class ItemViews(QStackedWidget):
    """Table and grid over the same ItemTableModel."""

    currentItemChanged = Signal(object)  # int | None
    activated = Signal(int)  # Enter / double click: open the editor
    menuRequested = Signal(QPoint)  # right-click on an item (now selected), global position
    selectionChanged = Signal(list)  # selected_ids(): list order, the current item if alone

    def __init__(self, model: ItemTableModel, thumbnails: ThumbnailProvider,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.thumbnails = thumbnails
        model.decorate = thumbnails.icon
        thumbnails.ready.connect(self._thumbnail_ready, Qt.ConnectionType.QueuedConnection)
        model.modelAboutToBeReset.connect(thumbnails.reset)

        self.table = _Table(self)
        self.table.setAccessibleName(self.tr("Items"))
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        # The header asks its selection model whether each column is selected, which
        # walks every row (Ctrl+A over 100,000 items: 5-25 s of the GUI thread). It
        # highlights nothing here, so it gets a selection model of its own, empty.
        header.setSelectionModel(QItemSelectionModel(model, header))
        self._size_columns()

        self.grid = _Grid(self)
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
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setSelectionModel(self.table.selectionModel())
        thumbnails.watch(self.grid)

        self.addWidget(self.table)
        self.addWidget(self.grid)
        selection = self.table.selectionModel()
        # selected_ids() is read several times per change (the window, the detail pane,
        # the actions); it is computed once per selection, current item and reset.
        self._ids_cache: list[int] | None = None
        for signal in (selection.selectionChanged, selection.currentChanged,
                       model.modelAboutToBeReset, model.modelReset):
            signal.connect(self._forget_ids)
        selection.currentRowChanged.connect(self._row_changed)
        selection.selectionChanged.connect(lambda *_: self._announce())
        # A reset (sort, filter, consent change) keeps the selected items still listed.
        self._stash: tuple[list[int], int | None] = ([], None)
        self._announced: list[int] = []
        self._restoring = False
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

    def selected_ids(self) -> list[int]:
        """The selected items in list order; the current item alone when no row is
        selected; [] for none. Read from the selection's ranges, not row by row
        (Ctrl+A over 100,000 items is one range)."""
        if self._ids_cache is None:
            self._ids_cache = self._selected_ids()
        return list(self._ids_cache)

    def _forget_ids(self, *_args: object) -> None:
        self._ids_cache = None

    def _selected_ids(self) -> list[int]:
        ids = self.model.ids_view()
        spans = sorted((s.top(), s.bottom()) for s in self.table.selectionModel().selection())
        selected: list[int] = []
        end = -1  # last row taken: ranges may overlap (a row range and a cell range)
        for top, bottom in spans:
            if bottom > end:
                selected.extend(ids[max(top, end + 1):bottom + 1])
                end = bottom
        if selected:
            return selected
        current = self.current_item()
        return [current] if current is not None else []

    def select_items(self, item_ids: list[int], current: int | None = None) -> list[int]:
        """Select those of `item_ids` that are listed (contiguous rows as one range)
        and make `current` (or the first of them) the current item; returns the ids
        selected. Nothing listed clears the selection."""
        rows = self.model.rows_of(item_ids)
        model, chosen = self.table.selectionModel(), QItemSelection()
        last = self.model.columnCount() - 1
        start = prev = None
        cell = self.model.cell
        for row in rows + [None]:
            if start is not None and (row is None or row != prev + 1):
                chosen.select(cell(start, 0), cell(prev, last))
                start = None
            if row is not None and start is None:
                start = row
            prev = row
        current_row = self.model.row_of(current) if current is not None else None
        if current_row is None or current_row not in rows:
            current_row = rows[0] if rows else None
        before = self.current_item()
        self._restoring = True  # one announcement at the end, not one per step
        try:
            if current_row is None:
                model.clear()
            else:
                model.setCurrentIndex(self.model.index(current_row, 0),
                                      QItemSelectionModel.SelectionFlag.NoUpdate)
                # Cleared first: Qt compares an old and a new selection range by range,
                # which for thousands of scattered rows is quadratic.
                model.clearSelection()
                model.select(chosen, QItemSelectionModel.SelectionFlag.Select)
        finally:
            self._restoring = False
        self._announce()
        if self.current_item() != before:
            self.currentItemChanged.emit(self.current_item())
        ids = self.model.ids_view()
        return [ids[r] for r in rows]

    def select_all(self) -> None:
        if self.model.rowCount() == 0:
            return
        current = self.table.selectionModel().currentIndex()
        if not current.isValid():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.selectionModel().select(
            QItemSelection(self.model.index(0, 0),
                           self.model.index(self.model.rowCount() - 1,
                                            self.model.columnCount() - 1)),
            QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _announce(self) -> None:
        if self._restoring:
            return
        ids = self.selected_ids()
        if ids != self._announced:
            self._announced = ids
            self.selectionChanged.emit(ids)

    def _before_reset(self) -> None:
        self._stash = (self.selected_ids(), self.current_item())

    def _after_reset(self) -> None:
        ids, current = self._stash
        self._stash = ([], None)
        if not self.select_items(ids, current):
            self.currentItemChanged.emit(None)
        else:
            row = self.model.row_of(self.current_item())
            if row is not None:
                self.view().scrollTo(self.model.index(row, 1 if self.is_grid() else 0))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return  # said by select_items once the selection is whole
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
