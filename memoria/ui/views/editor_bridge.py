"""Opening the item editor, consent editor and import dialog, if they exist.

They are written separately (memoria/ui/editors, memoria/ui/dialogs) and
imported lazily, so the main window works before they land and a missing
one only disables its action with a message instead of breaking start-up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from memoria.domain.consent import Audience
from memoria.domain.model import Kind
from memoria.ui.session import Session


def _load(module: str, name: str) -> type | None:
    try:
        mod = __import__(module, fromlist=[name])
    except ImportError:
        return None
    return getattr(mod, name, None)


def item_editor_class() -> type | None:
    return _load("memoria.ui.editors.item_editor", "ItemEditor")


def consent_editor_class() -> type | None:
    return _load("memoria.ui.editors.consent_editor", "ConsentEditor")


def import_dialog_class() -> type | None:
    return _load("memoria.ui.dialogs.import_dialog", "ImportDialog")


class EditorBridge(QObject):
    """Opens editors for the window; `saved(item_id)` when an edit landed."""

    saved = Signal(int)

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.open_editors: list[QWidget] = []

    def _missing(self, what: str) -> None:
        QMessageBox.information(
            self.window, self.tr("Not available yet"),
            self.tr("The {what} is not part of this version yet.").format(what=what))

    def _show(self, widget: QWidget) -> None:
        if isinstance(widget, QDialog):
            widget.setModal(False)
        else:
            widget.setWindowFlag(Qt.WindowType.Window, True)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.open_editors.append(widget)
        widget.destroyed.connect(lambda *_: self._forget(widget))
        widget.show()
        widget.raise_()
        widget.activateWindow()

    def _forget(self, widget: QWidget) -> None:
        if widget in self.open_editors:
            self.open_editors.remove(widget)

    def _custodian(self) -> bool:
        """Editing and importing are custodian work on a live archive, whichever way
        (menu, shortcut, double-click, drop) asked for them."""
        return self.session.audience is Audience.CUSTODIAN and self.session.edition is None

    def edit_item(self, item_id: int | None, kind: Kind | None = None) -> QWidget | None:
        if not self._custodian():
            return None
        editor_class = item_editor_class()
        if editor_class is None:
            self._missing(self.tr("item editor"))
            return None
        editor = editor_class(self.session, self.window)
        editor.load(item_id, kind)
        if hasattr(editor, "saved"):
            editor.saved.connect(self.saved)
        self._show(editor)
        return editor

    def edit_consent(self, item_id: int) -> QWidget | None:
        if (self.session.audience not in (Audience.CUSTODIAN, Audience.CURATOR)
                or self.session.edition is not None):
            return None  # consent records name people: staff only, whichever way asked
        dialog_class = consent_editor_class()
        if dialog_class is None:
            self._missing(self.tr("consent editor"))
            return None
        dialog = dialog_class(self.session, item_id=item_id, parent=self.window)
        self._show(dialog)
        return dialog

    def import_files(self, paths: list[Path]) -> QWidget | None:
        if not self._custodian():
            return None
        dialog_class = import_dialog_class()
        if dialog_class is None:
            self._missing(self.tr("import dialog"))
            return None
        dialog = dialog_class(self.session, paths, parent=self.window)
        self._show(dialog)
        return dialog

    def batch_edit(self, item_ids: list[int]) -> QWidget | None:
        """Edit > Edit selection...: the same change on every selected item."""
        if not self._custodian() or not item_ids:
            return None
        from memoria.ui.editors.batch_edit import BatchEditDialog

        dialog = BatchEditDialog(self.session, item_ids, parent=self.window,
                                 busy=self.unsaved_item_ids)
        self._show(dialog)
        return dialog

    def batch_consent(self, item_ids: list[int]) -> QWidget | None:
        """Edit > Consent for the selection...: custodians only, like the action."""
        if not self._custodian() or not item_ids:
            return None
        from memoria.ui.editors.batch_consent import BatchConsentDialog

        dialog = BatchConsentDialog(self.session, item_ids, parent=self.window)
        self._show(dialog)
        return dialog

    def unsaved_item_ids(self) -> set[int]:
        """Items open in an editor with edits not saved yet (a batch must not race them)."""
        return {w.item_id for w in self.open_editors
                if getattr(w, "item_id", None) is not None
                and getattr(w, "has_unsaved_changes", lambda: False)()}

    def has_unsaved_changes(self) -> bool:
        return any(getattr(w, "has_unsaved_changes", lambda: False)()
                   for w in self.open_editors)
