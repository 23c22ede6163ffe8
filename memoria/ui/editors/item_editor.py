"""Edit one item: description, files, transcript and history, in tabs.

Saving builds the core's ItemFields and hands one job to the writer thread:
new people and places are created in the same transaction as the item, so a
failed save leaves no stray authority records. Unsaved edits are measured
against the state as loaded, so closing never loses work silently.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.consent import Audience
from memoria.domain.model import Kind
from memoria.operations import items, transcription
from memoria.operations.items import ItemDraft
from memoria.ui.editors.history_view import HistoryView
from memoria.ui.editors.item_fields_form import ItemFieldsForm
from memoria.ui.editors.media_tab import MediaTab
from memoria.ui.editors.suggest import place_paths
from memoria.ui.editors.transcript_table import TranscriptTable
from memoria.ui.media.transcript_tab import TranscriptTab
from memoria.ui.session import Session
from memoria.ui.theme import ERROR, colour_style
from memoria.ui.undo import run_undoable
from memoria.ui.widgets.fit import fit_to_screen, scrolling


class ItemEditor(QWidget):
    saved = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item_id: int | None = None
        self._loaded_state: tuple = ()
        self._saving = False
        self._close_after_save: Callable[[], object] | None = None
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.form = ItemFieldsForm(session, self)
        self.media = MediaTab(session, self)
        self.transcript = TranscriptTable(self)
        self.transcript_media = TranscriptTab(session, self.transcript)
        self.history = HistoryView(session, self)
        self.tabs = QTabWidget(self)
        # The description form is taller than a laptop screen at 150%: it scrolls inside
        # its tab so Save and Revert stay in view (issue 15).
        self.tabs.addTab(scrolling(self.form, self), self.tr("Descr&iption"))
        self.tabs.addTab(self.media, self.tr("&Media"))
        self.tabs.addTab(self.transcript, self.tr("T&ranscript"))
        self.tabs.addTab(self.history, self.tr("&History"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Save status"))
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        self.setFocusProxy(self.form.title)

        self.form.changed.connect(self._update_buttons)
        self.form.kind.currentIndexChanged.connect(self._show_transcript_tab)
        self.transcript.changed.connect(self._update_buttons)
        # A finished draft shows at once, unless the person has unsaved edits open.
        self.transcript_media.drafted.connect(
            lambda item_id: self.load(item_id) if item_id == self.item_id
            and not self.has_unsaved_changes() else None)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self.load(self.item_id, self.form.current_kind()))
        self.media.filesAdded.connect(lambda: self.history.load(self.item_id))
        self._loaded_state = self._state()  # nothing loaded yet: nothing to lose
        session.catalogueChanged.connect(self._catalogue_changed)
        session.audienceChanged.connect(self._audience_changed)

    def _audience_changed(self, audience: Audience) -> None:
        """Hide (never discard) the item when the window leaves the custodian view:
        unsaved edits come back when it returns."""
        custodian = audience is Audience.CUSTODIAN
        self.tabs.setVisible(custodian)
        self.save_button.setVisible(custodian)
        self.revert_button.setVisible(custodian)
        self.banner.setVisible(not custodian)

    def _catalogue_changed(self, ids: object) -> None:
        """Consent or files changed elsewhere: refresh what is read-only here.

        The form is left alone so that a change in another window never
        overwrites what the person is typing.
        """
        if self.item_id is not None and not self._saving and (
                not ids or self.item_id in ids):  # type: ignore[operator]
            self.media.load(self.item_id)
            self.history.load(self.item_id)

    # -- loading ---------------------------------------------------------------
    def load(self, item_id: int | None, kind: Kind | None = None) -> None:
        """Show an item (None: a new item of `kind`); what is shown becomes "unchanged"."""
        editable = self.session.audience is Audience.CUSTODIAN
        self.banner.setVisible(not editable)
        self.banner.setText(self.tr(
            "Only custodians edit items. Switch to the custodian view to edit this item."))
        self.tabs.setEnabled(editable)
        self.item_id = item_id if editable else None
        item = None
        if editable and item_id is not None:
            item = items.get_item(self.session.reader, item_id)
        kind = item.kind if item else Kind(kind or Kind.TESTIMONY)
        paths = dict((pid, path) for path, pid in place_paths(self.session.reader))
        places = [(paths.get(p.id, p.name), p.id) for p in (item.places if item else ())]
        self.form.show_item(item, kind, places)
        self.transcript.set_segments(
            items.segments_of(self.session.reader, item.id) if item else [],
            transcription.word_marks(self.session.reader, item.id) if item else None)
        self.transcript.reference = item.accession if item else ""
        self.transcript_media.load(item.media if item else [], self.item_id)
        self.media.load(self.item_id)
        self.history.load(self.item_id)
        self._show_transcript_tab()
        self.message.clear()
        self.message.setStyleSheet("")
        self._loaded_state = self._state()
        self._update_buttons()
        self.save_button.setVisible(editable)
        self.revert_button.setVisible(editable)

    def _show_transcript_tab(self) -> None:
        self.tabs.setTabVisible(self.tabs.indexOf(self.transcript),
                                self.form.current_kind() is Kind.TESTIMONY)

    # -- state -----------------------------------------------------------------
    def _state(self) -> tuple:
        return self.form.state() + (tuple(self.transcript.state()),)

    def has_unsaved_changes(self) -> bool:
        return self.tabs.isEnabled() and self._state() != self._loaded_state

    def is_valid(self) -> bool:
        return self.form.is_valid()

    def _update_buttons(self) -> None:
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(self.is_valid() and dirty and not self._saving)
        self.revert_button.setEnabled(dirty and not self._saving)

    # -- saving ----------------------------------------------------------------
    def draft(self) -> ItemDraft:
        transcript_changed = tuple(self.transcript.state()) != self._loaded_state[-1]
        segments = None
        if self.form.current_kind() is Kind.TESTIMONY and transcript_changed:
            segments = self.transcript.segments()
        form = self.form
        return ItemDraft(
            item_id=self.item_id, kind=form.current_kind(), accession=form.accession.text().strip(),
            title=form.title.text().strip(), description=form.description.toPlainText(),
            date_edtf=form.date.edtf(), notes=form.notes.toPlainText(),
            languages=form.language_list(), places=form.places.values(), people=form.people.rows(),
            subjects=[term for term, _ in form.subjects.values()], segments=segments,
        )

    def save(self) -> bool:
        """Start saving; False when the form cannot be saved as it stands."""
        if not self.is_valid() or self._saving:
            return False
        try:
            draft = self.draft()
        except ValueError as exc:
            self._failed(str(exc))
            return False
        self._saving = True
        self.message.setText(self.tr("Saving..."))
        self._update_buttons()
        run_undoable(self.session, items.save, draft, label=self.tr("Saving item"),
                     on_done=self._saved, on_error=self._failed)
        return True

    def _saved(self, item_id: int) -> None:
        self._saving = False
        self.load(item_id)
        self.message.setText(self.tr("Saved."))
        self.saved.emit(item_id)
        close, self._close_after_save = self._close_after_save, None
        if close:
            close()

    # -- closing ---------------------------------------------------------------
    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel; a method of its own so tests can answer it."""
        return QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("This item has changes that are not saved. Save them before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)

    def may_close(self, close: Callable[[], object]) -> bool:
        """True to close now. After "Save" with a background writer, `close` is
        called once the save has committed (and never if it fails)."""
        if not self.has_unsaved_changes():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Discard:
            self._loaded_state = self._state()  # the person chose to drop them
            return True
        if answer != QMessageBox.StandardButton.Save or not self.save():
            self.tabs.setCurrentIndex(0)
            return False
        if self._saving:  # still on the writer thread: close when it lands
            self._close_after_save = close
            return False
        return not self.has_unsaved_changes()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Opened as a window of its own, the editor guards its edits itself."""
        if self.may_close(self.close):
            event.accept()
        else:
            event.ignore()

    def _failed(self, message: str) -> None:
        self._saving = False
        self.message.setText(self.tr("Not saved: %1").replace("%1", message))
        self.message.setStyleSheet(colour_style(ERROR))
        self._update_buttons()


class ItemEditorDialog(QDialog):
    """The editor in a window that asks before closing over unsaved edits."""

    def __init__(self, session: Session, item_id: int | None = None, kind: Kind | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = ItemEditor(session, self)
        self.editor.load(item_id, kind)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        self.setWindowTitle(self.tr("New item") if item_id is None else self.tr("Edit item"))
        fit_to_screen(self, 820, 640)
        self.editor.saved.connect(lambda _id: self.setWindowTitle(self.tr("Edit item")))

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes()

    def reject(self) -> None:
        if self.editor.may_close(super().reject):
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.editor.may_close(self.close):
            event.accept()
        else:
            event.ignore()
