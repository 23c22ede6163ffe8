"""The item list model: ids only, rows fetched on first look, a bounded cache.

Reset costs one id query; `data()` for a row not yet seen fetches a small
page of rows around it in one SQL query (memoria.listing.fetch_rows), and at
most CACHE_ROWS rows stay in memory, so 100,000 items scroll like 100.
Sorting and filtering ask the catalogue (listing.sorted_ids) and replace the
id list; there is no QSortFilterProxyModel over all rows.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from memoria import listing
from memoria.domain.dates import UncertainDate, format_date
from memoria.domain.model import Kind
from memoria.listing import ItemRow
from memoria.ui.i18n import current_language
from memoria.ui.labels import kind_label, kind_short
from memoria.ui.session import Session
from memoria.ui.widgets.consent_badge import BADGE_ROLE, status_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the ItemRow, for delegates and the grid

COLUMNS = ("accession", "title", "date", "kind", "consent", "media")
# Column -> the catalogue sort key (listing.sorted_ids).
SORT_KEYS = {0: "accession", 1: "title", 2: "date", 3: "kind", 4: "consent", 5: "media"}
PAGE = 64
# Dragged item ids (JSON list of ints): the exhibit editor and any other drop
# target accept this one type from the list, the grid and search results.
ITEM_IDS_MIME = "application/x-memoria-item-ids"
CACHE_ROWS = 4000

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ID, _ROW, _BADGE = int(ID_ROLE), int(ROW_ROLE), int(BADGE_ROLE)
_ROLES = frozenset({_DISPLAY, _ACCESSIBLE, _DECORATION, _ALIGN, _TOOLTIP, _ID, _ROW, _BADGE})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROW_FLAGS = (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
              | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren)


class ItemTableModel(QAbstractTableModel):
    """Rows of items for the current audience, sidebar source and search."""

    sortChanged = Signal(int, object)  # column, Qt.SortOrder
    loaded = Signal()  # a background load landed and reset the model

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None  # built on demand, for refreshes
        self._cache: OrderedDict[int, ItemRow] = OrderedDict()
        self._dates: dict[int, str] = {}
        self._statuses: dict[int, str] = {}  # consent badges, fetched with each page
        self._date_texts: dict[tuple[str, str], str] = {}  # EDTF -> shown, parsed once
        self.fetches: list[list[int]] = []  # ids per fetch; tests check laziness
        self.kind: Kind | None = None
        self.allowed: set[int] | None = None  # audience ∩ queue ∩ search, None = all
        self.trash = False  # the custodian's trash view: the trashed items instead
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.decorate = None  # callable(ItemRow) -> QIcon | None, set by the grid
        # The window reloads once it knows audience, source and search; until then
        # a sort only records the order (Qt announces the sort several times while
        # a view is set up, and each reload is a 100,000-id query).
        self.defer_load = False
        self._loaded = False
        # With `background`, the id query (a sort or filter over 100,000 items
        # costs 100-500 ms in SQLite) runs on a reader thread with its own
        # connection; the list keeps showing the old ids until the new ones land,
        # and a newer load makes an older one's answer stale (generation counter).
        self.background = False
        self._generation = 0
        self.loading = False

    # -- the id list -------------------------------------------------------------
    def set_ids(self, ids: list[int]) -> None:
        """Show exactly these ids in this order (no per-row work)."""
        self.beginResetModel()
        self._loaded = True
        self._ids = list(ids)
        self._row_of = None
        self._cache.clear()
        self._dates.clear()
        self._statuses.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def ids_view(self) -> list[int]:
        """The id list itself (not a copy): read it, never change it."""
        return self._ids

    def query_ids(self) -> list[int]:
        """The ids the current source, filter and sort give, from the catalogue."""
        ordered = listing.sorted_ids(
            self.session.reader, self.kind, SORT_KEYS[self.sort_column],
            self.sort_order == Qt.SortOrder.DescendingOrder, self.session.snapshot(),
            trash=self.trash,
        )
        return listing.restrict(ordered, self.allowed)

    def _in_background(self) -> bool:
        return self.background and not self.session.runner.synchronous

    def _load(self, then: Callable[[list[int]], None]) -> None:
        """Compute the ids, here or on a reader thread, and hand them to `then`."""
        self._generation += 1
        if not self._in_background():
            then(self.query_ids())
            return
        generation, session = self._generation, self.session
        kind, key = self.kind, SORT_KEYS[self.sort_column]
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        allowed = None if self.allowed is None else frozenset(self.allowed)
        trash = self.trash

        def job(_progress: object, _cancelled: object) -> list[int]:
            from memoria.access import ConsentSnapshot

            with session.reading() as reader:  # SQLite objects stay in one thread
                ordered = listing.sorted_ids(reader, kind, key, descending,
                                             ConsentSnapshot(reader), trash=trash)
                return listing.restrict(ordered, allowed)

        def landed(ids: list[int]) -> None:
            if generation != self._generation:
                return  # a newer sort or filter was asked for meanwhile
            if not self.session.reader.is_open():
                return  # the archive was closed while the answer was on its way
            self.loading = False
            then(ids)
            self.loaded.emit()

        self.loading = True
        self.session.runner.run(job, on_done=landed, on_error=lambda _m: setattr(
            self, "loading", False))

    def reload(self) -> None:
        self._load(self.set_ids)

    def refresh(self, changed: set[int]) -> None:
        """After a catalogue change: reset if membership or order moved, else
        repaint only the changed rows (keeps the selection and scroll)."""
        self._load(lambda new_ids: self._refreshed(new_ids, changed))

    def _refreshed(self, new_ids: list[int], changed: set[int]) -> None:
        if new_ids != self._ids:
            self.set_ids(new_ids)
            return
        targets = changed or set(self._cache)
        for item_id in targets:
            self._cache.pop(item_id, None)
            self._dates.pop(item_id, None)
            self._statuses.pop(item_id, None)
            row = self.row_of(item_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_of(self, item_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {i: n for n, i in enumerate(self._ids)}
        return self._row_of.get(item_id)

    def rows_of(self, item_ids: list[int]) -> list[int]:
        """The rows of those of `item_ids` listed, in row order (a selection kept
        across a reload: one dict lookup each)."""
        if self._row_of is None:
            self._row_of = {i: n for n, i in enumerate(self._ids)}
        get = self._row_of.get
        return sorted(r for r in map(get, item_ids) if r is not None)

    def cell(self, row: int, column: int) -> QModelIndex:
        """index() without its bounds check (which asks rowCount and columnCount): for
        rows this model has just listed, thousands at a time."""
        return self.createIndex(row, column)

    def item_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    # -- Qt model API -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked for every painted cell: a constant, not a base call and an enum "or".
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mimeTypes(self) -> list[str]:
        return [ITEM_IDS_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        """The dragged rows' item ids, once each, in list order."""
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self._ids[r] for r in rows if r < len(self._ids)]
        mime = QMimeData()
        mime.setData(ITEM_IDS_MIME, json.dumps(ids).encode("ascii"))
        return mime

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Accession"), self.tr("Title"), self.tr("Date"), self.tr("Kind"),
                self.tr("Consent"), self.tr("Media"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for ~10 roles per painted cell: reject unused roles first, against
        # plain ints (looking up Qt enum members on every call was a third of a scroll).
        if role not in _ROLES or not index.isValid():
            return None
        n = index.row()
        if n >= len(self._ids):
            return None
        if role == _ID:
            return self._ids[n]
        column = index.column()
        if role == _BADGE:
            return self._status(n) if column == 4 else None
        row = self._row(n)
        if row is None:
            return None
        if role in (_DISPLAY, _ACCESSIBLE):
            return status_label(self._status(n)) if column == 4 else self._text(row, column)
        if role == _ROW:
            return row
        if role == _DECORATION:
            return self.decorate(row) if column == 1 and self.decorate else None
        if role == _ALIGN:
            return _RIGHT if column == 5 else None
        # tooltip
        return kind_label(row.kind) if column == 3 else row.title if column == 1 else None

    def _text(self, row: ItemRow, column: int) -> str:
        if column == 0:
            return row.accession
        if column == 1:
            return row.title
        if column == 2:
            return self._date(row)
        if column == 3:
            return kind_short(row.kind)
        if column == 4:
            return status_label(self._status(self.row_of(row.id)))
        return QLocale().toString(row.media_count)

    def _date(self, row: ItemRow) -> str:
        text = self._dates.get(row.id)
        if text is None:
            text = ""
            if row.date_edtf:
                key = (row.date_edtf, current_language())
                text = self._date_texts.get(key, "")
                if not text:
                    try:
                        text = format_date(UncertainDate.from_edtf(row.date_edtf), key[1])
                    except ValueError:
                        text = row.date_edtf
                    if len(self._date_texts) > 20000:
                        self._date_texts.clear()
                    self._date_texts[key] = text
            self._dates[row.id] = text
        return text

    def _row(self, row: int) -> ItemRow | None:
        if self.session.sleeping:
            return None  # locked: connections closed, and nothing read for a hidden list
        item_id = self._ids[row]
        cached = self._cache.get(item_id)
        if cached is not None:
            self._cache.move_to_end(item_id)
            return cached
        start = (row // PAGE) * PAGE
        page = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
        self.fetches.append(page)
        self._cache.update(listing.fetch_rows(self.session.reader, page,
                                               self.session.audience))
        # One query for the page's badges instead of one per painted cell.
        self._statuses.update(self.session.snapshot().summary.statuses(page))
        while len(self._cache) > CACHE_ROWS:
            old, _ = self._cache.popitem(last=False)
            self._dates.pop(old, None)
            self._statuses.pop(old, None)
        return self._cache.get(item_id)

    def _status(self, row: int | None) -> str:
        """The consent badge of the row's item, fetched with its page."""
        if row is None or not 0 <= row < len(self._ids):
            return "none"
        item_id = self._ids[row]
        status = self._statuses.get(item_id)
        if status is None:
            self._row(row)
            status = self._statuses.get(item_id)
            if status is None:  # cached row from before a refresh: ask for this one
                status = self._statuses[item_id] = self.session.snapshot().status(item_id)
        return status

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the catalogue for the new order (never sorts rows in Python)."""
        if column not in SORT_KEYS:
            return
        unchanged = (column, order) == (self.sort_column, self.sort_order)
        if unchanged and self._loaded:
            return  # Qt re-announcing the current sort (setSortingEnabled, restoreState)
        self.sort_column, self.sort_order = column, order
        if self.defer_load and not self._loaded:
            return
        self.reload()
        self.sortChanged.emit(column, order)
