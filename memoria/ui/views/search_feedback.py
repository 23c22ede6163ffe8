"""Search that talks back (issue 15): an empty state over the list when nothing
matched, with what to try, and the keyboard path search field -> results.

The empty state is a label laid over the item views (list or grid), shown only
while a search is active and its list is empty, so the views themselves stay as
they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchFeedback", text)


class EmptyResults(QLabel):
    """"Nothing matched" with suggestions, over the item views while a search finds
    nothing the audience may see."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window.items)
        self.window_ = window
        self.setObjectName("searchEmpty")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAutoFillBackground(True)
        self.setMargin(24)
        self.setAccessibleName(_tr("No results"))
        self.hide()
        window.items.installEventFilter(self)
        window.model.modelReset.connect(self.update_state)
        window.model.rowsInserted.connect(self.update_state)
        window.model.rowsRemoved.connect(self.update_state)
        window.model.loaded.connect(self.update_state)
        window.search.resultsReady.connect(self.update_state)
        window.search.syntaxError.connect(self.update_state)
        window.search_field.textChanged.connect(self.update_state)
        window.search_field.installEventFilter(_DownToResults(window))

    def update_state(self, *_args: object) -> None:
        window = self.window_
        text = window.search.text if window.search.results is not None else ""
        error = getattr(window, "search_error", None)
        empty = (bool(text) and not window.model.loading and window.model.rowCount() == 0
                 and not (error is not None and error.text()))  # the error says it instead
        if empty:
            self.setText(self.message(text))
            self.setGeometry(window.items.rect())
            self.raise_()
        self.setVisible(empty)

    @staticmethod
    def message(text: str) -> str:
        from html import escape

        lines = [
            _tr("Nothing matched “{text}”.").format(text=escape(text)),
            _tr("Try fewer words, or other spellings (accents and capitals do not matter)."),
            _tr("Alternatives with OR: <code>madres OR buscadoras</code>; the exact phrase "
                "in quotes: <code>\"casa quemada\"</code>; one field: "
                "<code>lugar:Medellín</code>, <code>persona:\"Ana\"</code>."),
            _tr("Remove the filters, or view as another audience, if you expected more."),
        ]
        return "<p style='font-size:large'><b>{}</b></p><p>{}</p><p>{}</p><p>{}</p>".format(*lines)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.window_.items.rect())
        return False


class _DownToResults(QObject):
    """Down in the search field moves to the results (the first one when none is
    current), as in calibre or a mail client."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)
        self.window_ = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Down and not event.modifiers()):
            items = self.window_.items
            view = items.grid if items.is_grid() else items.table
            if self.window_.model.rowCount() == 0:
                return False
            if not view.currentIndex().isValid():
                view.setCurrentIndex(self.window_.model.index(0, 0))
            view.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False
