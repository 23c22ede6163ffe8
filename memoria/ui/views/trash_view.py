"""The trash in the window (issue 15): Delete moves the selection to the trash,
the sidebar's "Trash" shows it (custodians only, with its count), and there
its items are restored or the trash is emptied.

Every change is a core operation (memoria.operations.trash: custodians only,
one audited transaction) run through the session; moving asks first, naming
what goes, and emptying says how many items and originals leave the archive
and that backups keep them. The actions live in the window's registry
(ActionId.MOVE_TO_TRASH, RESTORE_FROM_TRASH, EMPTY_TRASH; custodian=True).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from memoria.domain.consent import Audience
from memoria.domain.trash_messages import trash_sentence
from memoria.operations import items as item_ops
from memoria.operations import trash as trash_ops
from memoria.ui.actions import ActionId
from memoria.ui.labels import ui_lang
from memoria.ui.views.sidebar import TRASH

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi

NAMED = 8  # items named in the confirmation; the rest are counted


class TrashController(QObject):
    """Owns the trash's actions and dialogs; the window asks `in_trash()` for its list."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.dialog: QMessageBox | None = None  # the open confirmation (tests answer it)
        add = window.actions.add
        self.move_action = add(ActionId.MOVE_TO_TRASH, self.tr("Move to &trash"),
                               self.move_selected, QKeySequence.StandardKey.Delete,
                               custodian=True)
        # Delete belongs to the list and the grid: typed in the search field or an
        # exhibit's outline it edits there.
        self.move_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.items.addAction(self.move_action)
        self.restore_action = add(ActionId.RESTORE_FROM_TRASH, self.tr("&Restore from trash"),
                                  self.restore_selected, custodian=True)
        self.empty_action = add(ActionId.EMPTY_TRASH, self.tr("E&mpty trash..."),
                                self.empty, custodian=True)
        menu = window.edit_menu
        menu.addSeparator()
        for action in (self.move_action, self.restore_action, self.empty_action):
            menu.addAction(action)
        self.show_view(False)

    # -- what the window asks ---------------------------------------------------------
    def in_trash(self) -> bool:
        return self.window.source == TRASH

    def count(self) -> int:
        return trash_ops.count(self.session.reader)

    def show_view(self, trash: bool) -> None:
        """The trash view offers restore and empty; the others offer moving to it."""
        if self.session.edition is not None:
            return  # a reading-room edition hides every custodial action
        self.move_action.setVisible(not trash)
        self.restore_action.setVisible(trash)
        self.empty_action.setVisible(trash)

    def _selected(self) -> list[int]:
        chosen = getattr(self.window, "selected_item_ids", None)  # helper "sel"'s
        if chosen is not None:
            return list(chosen())
        current = self.window.items.current_item()
        return [] if current is None else [current]

    def _custodian(self) -> bool:
        return (self.session.audience is Audience.CUSTODIAN and self.session.edition is None
                and getattr(self.session, "locked_to", None) is None)

    # -- moving ---------------------------------------------------------------------------
    def move_selected(self) -> None:
        ids = self._selected()
        if not ids or not self._custodian() or self.in_trash():
            return
        if self._ask(self.tr("Move to trash"), self._move_text(ids),
                     self.tr("Move to trash")):
            self.session.run(trash_ops.move_to_trash, ids,
                             label=self.tr("Moving to the trash"), on_done=self._moved)

    def _move_text(self, ids: list[int]) -> str:
        named = item_ops.accessions_and_titles(self.session.reader, ids[:NAMED])
        lines = [f"{named[i][0]} · {named[i][1]}" for i in ids[:NAMED] if i in named]
        if len(ids) > NAMED:
            lines.append(self.tr("and %n more", "", len(ids) - NAMED))
        head = self.tr("Move %n item(s) to the trash?", "", len(ids))
        tail = self.tr("They leave every list, search, export and exhibit at once. You can "
                       "restore them from the Trash until it is emptied.")
        return "\n".join([head, "", *lines, "", tail])

    def _moved(self, moved: object) -> None:
        n = len(moved) if isinstance(moved, list) else 0
        self.window.statusBar().showMessage(
            self.tr("%n item(s) moved to the trash.", "", n), 8000)

    # -- in the trash view ----------------------------------------------------------------
    def restore_selected(self) -> None:
        ids = self._selected()
        if not ids or not self._custodian() or not self.in_trash():
            return
        self.session.run(trash_ops.restore, ids, label=self.tr("Restoring from the trash"),
                         on_done=self._restored)

    def _restored(self, restored: object) -> None:
        n = len(restored) if isinstance(restored, list) else 0
        self.window.statusBar().showMessage(
            self.tr("%n item(s) restored from the trash.", "", n), 8000)

    def empty(self) -> None:
        if not self._custodian():
            return
        items, files = trash_ops.preview_empty(self.session.reader, self.session.actor)
        if not items:
            self.window.statusBar().showMessage(trash_sentence("empty", ui_lang()), 8000)
            return
        text = (trash_sentence("confirm", ui_lang(), items=items, files=files) + "\n\n"
                + self.tr("This cannot be undone in the archive."))
        if self._ask(self.tr("Empty trash"), text, self.tr("Empty trash")):
            self.session.run(trash_ops.empty_trash, label=self.tr("Emptying the trash"),
                             on_done=self._emptied)

    def _emptied(self, emptied: object) -> None:
        if not isinstance(emptied, trash_ops.Emptied):
            return
        text = trash_sentence("emptied", ui_lang(), items=len(emptied.item_ids),
                              originals=emptied.originals)
        if emptied.files_left:
            text += " " + trash_sentence("files_left", ui_lang(), files=emptied.files_left)
        self.window.statusBar().showMessage(text, 12000)

    # -- asking -------------------------------------------------------------------------
    def box(self, title: str, text: str, yes: str) -> QMessageBox:
        """A confirmation whose default is Cancel (its yes button has the AcceptRole)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Cancel, self.window)
        box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box

    def move_box(self, ids: list[int]) -> QMessageBox:
        return self.box(self.tr("Move to trash"), self._move_text(ids), self.tr("Move to trash"))

    def _ask(self, title: str, text: str, yes: str) -> bool:
        """True when the person confirms."""
        box = self.box(title, text, yes)
        confirm = next(b for b in box.buttons()
                       if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        self.dialog = box
        try:
            box.exec()
        finally:
            self.dialog = None
        return box.clickedButton() is confirm
