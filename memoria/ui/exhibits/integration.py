"""Wiring exhibits into the main window, kept out of main_window.py.

The editor shares the right pane with the item detail (a QStackedWidget in
the splitter's third place): choosing an exhibit in the sidebar shows the
editor there and widens the pane, choosing any library entry shows the item
detail again. The centre list stays where it is, as the place to drag items
from, which a separate window would lose behind the main one.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QStackedWidget

from memoria.operations import exhibits as exhibit_ops
from memoria.operations import exhibits as store
from memoria.ui.exhibits.exhibit_editor import ExhibitEditor
from memoria.ui.exhibits.new_exhibit import NewExhibitDialog
from memoria.ui.models.item_table import ID_ROLE
from memoria.ui.views.sidebar import Source

if TYPE_CHECKING:
    from memoria.ui.main_window import MainWindow

EDITOR_WIDTH = 640


class ExhibitsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.editor = ExhibitEditor(self.session, self.selected_items, window)
        self.stack = QStackedWidget(window)
        splitter = window.splitter
        at = splitter.indexOf(window.detail)
        splitter.replaceWidget(at, self.stack)
        splitter.setCollapsible(at, False)
        self.stack.addWidget(window.detail)
        self.stack.addWidget(self.editor)
        self._listed: list[tuple[int, str]] | None = None
        window.sidebar.sourceChanged.connect(self._source_changed)
        window.sidebar.newExhibitRequested.connect(self.new_exhibit)
        self.session.catalogueChanged.connect(self._catalogue_changed)
        self.refresh_sidebar()

    def _catalogue_changed(self, _ids: object) -> None:
        self.refresh_sidebar()

    def selected_items(self) -> list[int]:
        """The items selected in the centre list (table and grid share a selection)."""
        rows = self.window.items.table.selectionModel().selectedRows()
        ids = [r.data(ID_ROLE) for r in rows]
        current = self.window.items.current_item()
        return ids or ([current] if current is not None else [])

    def refresh_sidebar(self) -> None:
        listed = [(x.id, x.title.es) for x in store.list_exhibits(self.session.reader)]
        if listed != self._listed:
            self._listed = listed
            self.window.sidebar.set_exhibits(listed)

    def _source_changed(self, source: Source) -> None:
        if source.what == "exhibit" and source.exhibit is not None:
            self.show_exhibit(source.exhibit)
        elif self.stack.currentWidget() is self.editor:
            self.editor.form.commit()
            self.stack.setCurrentWidget(self.window.detail)

    def show_exhibit(self, exhibit_id: int) -> None:
        self.editor.open_exhibit(exhibit_id)
        if self.stack.currentWidget() is not self.editor:
            self.stack.setCurrentWidget(self.editor)
            sizes = self.window.splitter.sizes()
            if len(sizes) == 3 and sizes[2] < EDITOR_WIDTH:
                grow = min(EDITOR_WIDTH - sizes[2], max(0, sizes[1] - 360))
                self.window.splitter.setSizes([sizes[0], sizes[1] - grow, sizes[2] + grow])

    def new_exhibit(self) -> QDialog:
        dialog = NewExhibitDialog(self.window)
        dialog.accepted.connect(lambda: self.create(**dialog.values()))
        dialog.open()
        return dialog

    def create(self, name: str, title: str, title_en: str = "", scope: object = None) -> None:
        def done(exhibit_id: int) -> None:
            self.refresh_sidebar()
            self.window.sidebar.select(Source("exhibit", exhibit=exhibit_id))

        self.session.run(
            partial(exhibit_ops.create, title_en=title_en, scope=scope or "exhibition"),
            name, title,
            label=self.tr("Creating the exhibit"), on_done=done,
            on_error=lambda message: QMessageBox.warning(self.window, self.tr("New exhibit"),
                                                         message))
