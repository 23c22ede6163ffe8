"""The window's search pieces, owned by one controller: messages under the search
field (a syntax error, "also searched"), the matching moments above the detail
pane, the facet dock, saved searches in the sidebar, the empty state; it then
prepares the index. The engine's side is views/search.py (SearchController).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QToolBar

from memoria.ui.theme import ERROR, colour_style
from memoria.ui.views.search import SearchController
from memoria.ui.views.search_feedback import EmptyResults
from memoria.ui.views.search_panels import FacetPanel, SavedSearches, SearchHitsPanel
from memoria.ui.views.search_syntax import install_search_syntax

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # their context in the .ts files


class SearchUi(QObject):
    """Created by the window once its toolbar and detail pane exist."""

    def __init__(self, window: WindowApi, controller: SearchController) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.controller = controller
        self._build_messages()
        self._build_hits()
        self._build_facets()
        self.empty = EmptyResults(window)
        self.saved = SavedSearches(window)
        self.save_action = window.toolbar.addAction(_tr("Save search..."))
        self.save_action.setToolTip(_tr("Keep this search and its filters in the sidebar"))
        self.save_action.triggered.connect(self.saved.save_current)
        # As you type after a pause; the "?" in the field and Help > Search syntax.
        self.as_you_type, self.syntax, self.syntax_button = install_search_syntax(window)
        window.installEventFilter(self)  # type: ignore[attr-defined]
        controller.prepare_index()

    def _build_messages(self) -> None:
        window, controller = self.window, self.controller
        self.error = QLabel(window)  # type: ignore[arg-type]
        self.error.setObjectName("searchError")
        self.error.setWordWrap(False)  # its own row under the field: one line, the whole width
        self.error.setStyleSheet(colour_style(ERROR))  # readable in a dark theme too
        self.error.setAccessibleName(_tr("Search problem"))
        # Errors and "also searched" go on their own row under the search field: a long
        # message never reflows the main toolbar onto three lines (issue 15).
        feedback = QToolBar(_tr("Search messages"), window)  # type: ignore[arg-type]
        feedback.setObjectName("searchFeedback")
        feedback.setMovable(False)
        feedback.setFloatable(False)
        feedback.toggleViewAction().setVisible(False)
        window.addToolBarBreak()  # type: ignore[attr-defined]
        window.addToolBar(feedback)  # type: ignore[attr-defined]
        feedback.hide()
        self.feedback = feedback
        self.error_action = feedback.addWidget(self.error)
        self.error_action.setVisible(False)
        controller.syntaxError.connect(self._show_error)

        self.also = QLabel(window)  # type: ignore[arg-type]
        self.also.setObjectName("searchAlso")
        self.also.setAccessibleName(_tr("Also searched"))
        self.also_action = feedback.addWidget(self.also)
        self.also_action.setVisible(False)
        controller.alsoSearched.connect(self._show_also)
        controller.failed.connect(lambda msg: window.statusBar().showMessage(msg, 10000))
        controller.notice.connect(lambda msg: window.statusBar().showMessage(msg, 10000))

    def _follow_messages(self) -> None:
        self.feedback.setVisible(self.error_action.isVisible() or self.also_action.isVisible())

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setToolTip(message)
        self.error_action.setVisible(bool(message))
        self._follow_messages()

    def _show_also(self, message: str) -> None:
        self.also.setText(message)
        self.also_action.setVisible(bool(message))
        self._follow_messages()

    def _build_hits(self) -> None:
        window, controller = self.window, self.controller
        self.hits = SearchHitsPanel(controller, window.detail)
        layout = window.detail.layout()
        layout.insertWidget(max(0, layout.count() - 1), self.hits)
        window.items.currentItemChanged.connect(self.hits.show_item)
        controller.resultsReady.connect(
            lambda _ids: self.hits.show_item(window.items.current_item()))
        self.hits.momentChosen.connect(window.open_item_at)

    def _build_facets(self) -> None:
        window, controller = self.window, self.controller
        self.facets = FacetPanel(controller, window)  # type: ignore[arg-type]
        dock = QDockWidget(_tr("Filters"), window)  # type: ignore[arg-type]
        dock.setObjectName("facetDock")
        dock.setWidget(self.facets)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)  # type: ignore[attr-defined]
        self.facet_dock = dock
        # Filters matter while searching; the rest of the time the three panes need the
        # width (1366 px laptops). Shown with results, hidden when the search is cleared.
        dock.hide()
        controller.wants_facets = dock.isVisible
        dock.visibilityChanged.connect(
            lambda shown: shown and not controller.active and controller.refresh_facets())
        filters_toggle = dock.toggleViewAction()
        filters_toggle.setToolTip(_tr(
            "Show the filters: counts by kind, place, subject, person, decade"))
        window.toolbar.addAction(filters_toggle)
        controller.resultsReady.connect(
            lambda _ids: dock.setVisible(bool(window.search_field.text().strip())))
        window.search_field.textChanged.connect(lambda text: text.strip() or dock.hide())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        """Stops an index build when the window closes."""
        if (watched is self.window and event.type() == QEvent.Type.Close
                and event.isAccepted()):
            self.controller.shutdown()
        return False
