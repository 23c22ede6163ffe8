"""Placing many items in an exhibit at once: Edit > Add to exhibit (a submenu of the
exhibits), the exhibit editor's "Add selected items", and a drag from the list or
the grid onto an exhibit in the sidebar or onto the editor's outline.

Every path places through one operation (operations.exhibits.place_items) and then
reports once: how many were placed, which the exhibit's own consent check blocks
(memoria.exhibits.check, the check the export uses; each item with its reason)
and which were already in the exhibit. One message for the whole selection, never
a dialog per item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu, QMessageBox, QStackedWidget

from memoria.exhibits.model import Exhibit
from memoria.operations import exhibits as exhibit_ops
from memoria.operations import items as item_ops
from memoria.ui.actions import ActionId
from memoria.ui.exhibits.check_panel import check_verdicts
from memoria.ui.exhibits.exhibit_editor import ExhibitEditor
from memoria.ui.i18n import current_language
from memoria.ui.undo import run_undoable

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi


class ExhibitPlacement(QObject):
    def __init__(self, window: WindowApi, editor: ExhibitEditor, stack: QStackedWidget) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.editor = editor
        self.stack = stack  # the right pane: the editor shows when it is current
        self.session = window.session
        self.last_report = ""  # what was said after the last placement (tests read it)
        self.menu = QMenu(window)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.action = window.actions.add(
            ActionId.ADD_TO_EXHIBIT, self.tr("Add to e&xhibit"), self._triggered,
            custodian=True)
        self.action.setMenu(self.menu)
        self.action.setToolTip(self.tr("Place the selected items at the end of an exhibit"))
        window.edit_menu.addAction(self.action)
        # The outline's drops and "Add selected items" place through here too.
        editor.placer = self.place
        window.sidebar.itemsDropped.connect(self._dropped_on_sidebar)

    def _allowed(self) -> bool:
        from memoria.domain.consent import Audience

        return (self.session.audience is Audience.CUSTODIAN and self.session.edition is None
                and self.session.locked_to is None)

    # -- the ways in ------------------------------------------------------------------
    def _fill_menu(self) -> None:
        self.menu.clear()
        listed = exhibit_ops.list_exhibits(self.session.reader)
        if not listed:
            empty = self.menu.addAction(self.tr("(no exhibits yet)"))
            empty.setEnabled(False)
        for exhibit in listed:
            action = self.menu.addAction(exhibit.title.es)
            action.triggered.connect(lambda _=False, x=exhibit.id: self.add_selected_to(x))

    def _triggered(self) -> None:
        """From a shortcut or a button: the exhibit open in the editor, else the list."""
        editor = self.editor
        if self.stack.currentWidget() is editor and editor.exhibit is not None:
            editor.add_selected()
        else:
            self.menu.popup(QCursor.pos())

    def add_selected_to(self, exhibit_id: int) -> None:
        ids = self.window.selected_item_ids()
        if ids:
            self.place(ids, None, None, exhibit_id=exhibit_id)

    def _dropped_on_sidebar(self, item_ids: list[int], exhibit_id: int) -> None:
        if self._allowed():
            self.place(item_ids, None, None, exhibit_id=exhibit_id)

    # -- placing -----------------------------------------------------------------------
    def place(self, item_ids: list[int], section_id: int | None, position: int | None,
              exhibit_id: int | None = None) -> None:
        """Place `item_ids` (in order; those already in the exhibit are left where they
        are) and report once."""
        editor = self.editor
        if exhibit_id is None:
            if editor.exhibit is None:
                return
            exhibit_id = editor.exhibit.id
        if section_id is None and editor.exhibit is not None and editor.exhibit.id == exhibit_id:
            section_id = editor.current_section()
        try:
            exhibit = exhibit_ops.get_exhibit(self.session.reader, exhibit_id)
        except exhibit_ops.ExhibitError as exc:
            QMessageBox.warning(self.window, self.tr("Add to exhibit"), str(exc))
            return
        there = {e.item_id for e in exhibit.entries}
        wanted = list(dict.fromkeys(item_ids))
        new = [i for i in wanted if i not in there]
        already = [i for i in wanted if i in there]
        if not new:
            self._report(exhibit, [], [], already)
            return

        def done(placed: list[int]) -> None:
            if placed and editor.exhibit is not None and editor.exhibit.id == exhibit_id:
                editor.outline.select("entry", placed[-1])
            self._report(exhibit, new, placed, already)

        # One undo step for the whole selection (Edit > Undo takes them all out again).
        run_undoable(self.session, exhibit_ops.place_items, exhibit_id, new, section_id,
                     position, label=self.tr("Placing items in the exhibit"), on_done=done,
                     on_error=lambda message: QMessageBox.warning(
                         self.window, self.tr("Add to exhibit"), message))

    def _report(self, exhibit: Exhibit, item_ids: list[int], entries: list[int],
                already: list[int]) -> None:
        """One message: placed, blocked by the exhibit's consent check (with reasons),
        already there. Only the count goes to the status bar when all is well."""
        title = exhibit.title.es
        blocked: list[str] = []
        if entries:
            verdicts = {v.entry_id: v for v in check_verdicts(
                self.session, exhibit.id, exhibit.scope, current_language())}
            for entry in entries:
                verdict = verdicts.get(entry)
                if verdict is not None and not verdict.allowed:
                    blocked.append(f"• {verdict.accession}: {verdict.explanation}")
        placed = self.tr("%n item(s) added to «{title}».", "", len(entries)).format(
            title=title)
        parts = [placed]
        if blocked:
            parts.append(self.tr("The exhibit's consent check blocks %n of them for now "
                                 "(they stay in the exhibit, marked, and are left out of "
                                 "anything exported):", "", len(blocked)))
            parts.append("\n".join(blocked))
        if already:
            names = item_ops.accessions_and_titles(self.session.reader, already)
            listing = ", ".join(names[i][0] for i in already if i in names)
            parts.append(self.tr("Already in the exhibit, left where they are: {items}.")
                         .format(items=listing))
        self.last_report = "\n\n".join(parts)
        if blocked or already:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Add to exhibit"),
                              self.last_report, QMessageBox.StandardButton.Ok, self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)  # titles are never markup
            box.exec()
        else:
            self.window.statusBar().showMessage(placed, 8000)
