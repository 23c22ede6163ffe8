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

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QMessageBox, QStackedWidget

from memoria.operations import exhibits as exhibit_ops
from memoria.operations import exhibits as store
from memoria.ui.actions import ActionId
from memoria.ui.context_menus import EXHIBIT_ENTRY, EXHIBIT_SECTION, popup
from memoria.ui.exhibits.exhibit_editor import ExhibitEditor
from memoria.ui.exhibits.new_exhibit import NewExhibitDialog
from memoria.ui.exhibits.placement import ExhibitPlacement
from memoria.ui.views.sidebar import Source

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi

EDITOR_WIDTH = 640


class ExhibitsController(QObject):
    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)  # type: ignore[arg-type]
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
        # Add to exhibit (Edit menu), drops on the sidebar's exhibits, one report each.
        self.placement = ExhibitPlacement(window, self.editor, self.stack)
        window.sidebar.sourceChanged.connect(self._source_changed)
        window.sidebar.newExhibitRequested.connect(self.new_exhibit)
        self.session.catalogueChanged.connect(self._catalogue_changed)
        self._register_actions()
        self.editor.outline.menuRequested.connect(self.outline_menu)
        self.last_menu: QMenu | None = None
        self.refresh_sidebar()

    # -- actions (context menus of the sidebar's exhibits and of the outline) ------------
    def _register_actions(self) -> None:
        add = self.window.actions.add
        add(ActionId.RENAME_EXHIBIT, self.tr("Re&name..."), self.rename_exhibit,
            custodian=True)
        add(ActionId.EXPORT_EXHIBIT, self.tr("&Export..."), self.export_exhibit,
            custodian=True)
        add(ActionId.OPEN_ENTRY_ITEM, self.tr("&Open the item"), self.open_entry_item,
            custodian=True)
        add(ActionId.MOVE_ENTRY_UP, self.tr("Move &up"), lambda: self.editor.outline.move_by(-1),
            custodian=True)
        add(ActionId.MOVE_ENTRY_DOWN, self.tr("Move &down"),
            lambda: self.editor.outline.move_by(1), custodian=True)
        add(ActionId.REMOVE_ENTRY, self.tr("&Remove from the exhibit..."), self.remove_current,
            custodian=True)

    def outline_menu(self, what: str, global_pos: QPoint) -> QMenu | None:
        ids = EXHIBIT_ENTRY if what == "entry" else EXHIBIT_SECTION
        self.last_menu = popup(self.window.actions, ids, self.session, self.editor.outline,
                               global_pos)
        return self.last_menu

    def _menu_exhibit(self) -> int | None:
        """The exhibit of the sidebar's last context menu, else the one shown."""
        source = self.window.sidebar.menu_source or self.window.sidebar.current_source()
        return source.exhibit if source.what == "exhibit" else None

    def rename_exhibit(self) -> None:
        exhibit_id = self._menu_exhibit()
        if exhibit_id is None:
            return
        titles = dict(self._listed or [])
        title, ok = QInputDialog.getText(self.window, self.tr("Rename the exhibit"),  # type: ignore[arg-type]
                                         self.tr("Title (Spanish):"),
                                         text=titles.get(exhibit_id, ""))
        if not ok or not title.strip() or title.strip() == titles.get(exhibit_id):
            return
        self.session.run(
            partial(exhibit_ops.update, title_es=title.strip()), exhibit_id,
            label=self.tr("Saving the exhibit"),
            on_error=lambda message: QMessageBox.warning(
                self.window, self.tr("Rename the exhibit"), message))  # type: ignore[arg-type]

    def export_exhibit(self) -> None:
        exhibit_id = self._menu_exhibit()
        if exhibit_id is None:
            return
        self.window.sidebar.select(Source("exhibit", exhibit=exhibit_id))
        self.show_exhibit(exhibit_id)
        self.editor.export()

    def open_entry_item(self) -> None:
        current = self.editor.outline.current()
        if current is None or current[0] != "entry":
            return
        item_id = self.editor.outline.item_of(current[1])
        if item_id is not None:
            self.window.editors.edit_item(item_id)

    def remove_current(self) -> None:
        """Remove the chosen entry (asked first) or section (asked when it has entries)."""
        current = self.editor.outline.current()
        if current is None:
            return
        what, ident = current
        if what == "entry":
            answer = QMessageBox.question(
                self.window, self.tr("Remove from the exhibit"),  # type: ignore[arg-type]
                self.tr("Remove this entry from the exhibit? The item stays in the archive."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.editor.remove(what, ident)

    def _catalogue_changed(self, _ids: object) -> None:
        self.refresh_sidebar()

    def selected_items(self) -> list[int]:
        """The items selected in the centre list (table and grid share a selection)."""
        return self.window.selected_item_ids()

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
