"""The list's title column: it takes the spare width, until the person sets one.

A header section in Stretch mode cannot be resized by hand, and one in
Interactive mode never grows with the window; so the title column is
Interactive, and while nobody has dragged it, it is given whatever width the
other columns leave (on every resize of the list). Dragging its edge keeps
that width, remembered across sessions (`window/titleWidth`); a double click
on the edge gives it back to the spare width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QHeaderView, QTableView

TITLE_COLUMN = 1
MIN_TITLE = 120
KEY = "window/titleWidth"


class TitleColumn(QObject):
    def __init__(self, table: QTableView, settings: QSettings | None = None,
                 column: int = TITLE_COLUMN) -> None:
        super().__init__(table)
        self.table, self.settings, self.column = table, settings, column
        self._adjusting = False
        value = settings.value(KEY) if settings is not None else None
        try:
            self.user_width: int | None = int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            self.user_width = None
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._resized)
        header.sectionHandleDoubleClicked.connect(self._double_clicked)
        table.viewport().installEventFilter(self)

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        if header.sectionResizeMode(self.column) != QHeaderView.ResizeMode.Interactive:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Interactive)
        if self.user_width is not None:
            width = self.user_width
        else:
            others = sum(header.sectionSize(c) for c in range(header.count())
                         if c != self.column and not header.isSectionHidden(c))
            width = max(MIN_TITLE, self.table.viewport().width() - others)
        if header.sectionSize(self.column) != width:
            self._adjusting = True
            try:
                header.resizeSection(self.column, width)
            finally:
                self._adjusting = False

    def _resized(self, logical: int, _old: int, new: int) -> None:
        if self._adjusting:
            return
        if logical == self.column:
            self.user_width = new  # dragged by hand: kept, and remembered
            if self.settings is not None:
                self.settings.setValue(KEY, new)
        elif self.user_width is None:
            self.fit()  # another column changed: the title takes what is left

    def _double_clicked(self, logical: int) -> None:
        if logical == self.column:
            self.user_width = None
            if self.settings is not None:
                self.settings.remove(KEY)
            self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False
