"""Edit the shared fields of many items at once (issue 15): Edit > Edit selection...

Subjects, places and people are added or removed; the date and the languages
are replaced; notes are appended to or replaced. The fields are the item
editor's own widgets (token lists, people table, date field). A preview says,
per field, how many items change and how many already had it, and updates as
the fields change; Apply runs one operation (memoria.operations.items.batch_edit)
on the writer thread: one transaction, each item audited as part of the batch,
refused whole if an item was saved elsewhere after the preview.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.consent import Audience
from memoria.operations import items as item_ops
from memoria.operations.archive import SQLiteError
from memoria.operations.items import BatchEdits, BatchPreview
from memoria.ui.editors.date_field import DateField
from memoria.ui.editors.people_table import PeopleTable
from memoria.ui.editors.suggest import people_names, place_paths, subject_terms
from memoria.ui.editors.token_list import TokenList
from memoria.ui.labels import ui_lang
from memoria.ui.session import Session
from memoria.ui.undo import run_undoable
from memoria.ui.widgets.fit import fit_to_screen, scrolling

PREVIEW_DELAY_MS = 150  # the preview follows the fields after a short pause
ERROR = "color: #b42318;"


def selection_label(accessions: list[str], limit: int = 6) -> str:
    shown = ", ".join(accessions[:limit])
    return shown + (f" … (+{len(accessions) - limit})" if len(accessions) > limit else "")


class LivePreview:
    """The batch dialogs' preview: asked again a short pause after the fields or the
    catalogue change (not while applying), never on a locked or closed archive."""

    session: Session
    _applying: bool

    def _make_preview_timer(self) -> None:
        self._timer = QTimer(self)  # type: ignore[arg-type]
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._timer_fired)

    def refresh_preview(self) -> None:
        raise NotImplementedError

    def _schedule(self) -> None:
        self._timer.start()

    def _timer_fired(self) -> None:
        if self.session.sleeping:
            return
        with contextlib.suppress(SQLiteError):  # the archive closed meanwhile (closing)
            self.refresh_preview()

    def _catalogue_changed(self, _ids: object) -> None:
        if not self._applying:
            self._schedule()


class BatchEditDialog(LivePreview, QDialog):
    """The same change on every selected item; `applied(count)` once it committed."""

    applied = Signal(int)

    def __init__(self, session: Session, item_ids: list[int], parent: QWidget | None = None,
                 busy: Callable[[], set[int]] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item_ids = list(dict.fromkeys(item_ids))
        self._busy = busy or set  # items open elsewhere with unsaved edits
        self._labels: dict[int, tuple[str, str]] = {}
        self.preview: BatchPreview | None = None
        self._applying = False
        reader = session.reader
        labels = self._labels = item_ops.accessions_and_titles(reader, self.item_ids)
        accessions = [labels[i][0] for i in self.item_ids if i in labels]
        self.setWindowTitle(self.tr("Edit %n item(s)", "", len(self.item_ids)))
        self.heading = QLabel(self.tr("%n item(s) selected: %1", "", len(self.item_ids))
                              .replace("%1", selection_label(accessions)), self)
        self.heading.setWordWrap(True)
        self.banner = QLabel(self.tr(
            "Only custodians edit items. Switch to the custodian view to edit the selection."),
            self)
        self.banner.setStyleSheet("font-weight: bold;")

        # What the selection already holds, offered first for removal.
        held = [item_ops.get_item(reader, i) for i in self.item_ids if i in labels]
        paths = dict((pid, path) for path, pid in place_paths(reader))
        held_subjects = sorted({s for item in held for s in item.subjects}, key=str.casefold)
        held_places = sorted({(paths.get(p.id, p.name), p.id) for item in held
                              for p in item.places}, key=lambda pair: pair[0].casefold())
        held_people = sorted({(p.person.name, p.person.id) for item in held for p in item.people},
                             key=lambda pair: pair[0].casefold())

        self.add_subjects = TokenList(self.tr("Subject to add"),
                                      lambda text: subject_terms(reader, text), self)
        self.remove_subjects = TokenList(self.tr("Subject to remove"),
                                         lambda _text: [(s, None) for s in held_subjects], self)
        self.add_places = TokenList(self.tr("Place to add"), lambda _text: place_paths(reader),
                                    self)
        self.add_places.input.setPlaceholderText(
            self.tr("Choose a place, or type a new one: Colombia > Antioquia > Medellín"))
        self.remove_places = TokenList(self.tr("Place to remove"), lambda _text: held_places,
                                       self)
        self.add_people = PeopleTable(lambda text: people_names(reader, text), self)
        self.add_people.table.setAccessibleName(self.tr("People to add, with their roles"))
        self.remove_people = PeopleTable(lambda _text: held_people, self)
        self.remove_people.table.setAccessibleName(self.tr("People to remove, with their roles"))
        for table in (self.add_people, self.remove_people):
            table.table.setMinimumHeight(90)
        for tokens in (self.add_subjects, self.remove_subjects, self.add_places,
                       self.remove_places):
            tokens.list.setMaximumHeight(64)

        self.set_date = QCheckBox(self.tr("Replace the &date with:"), self)
        self.date = DateField(self)
        self.date.setEnabled(False)
        self.set_languages = QCheckBox(self.tr("Replace the &languages with:"), self)
        self.languages = QLineEdit(self)
        self.languages.setPlaceholderText(self.tr("Language codes, e.g. es, en"))
        self.languages.setAccessibleName(self.tr("Languages"))
        self.languages.setEnabled(False)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(56)
        self.notes.setAccessibleName(self.tr("Internal notes"))
        self.notes_append = QRadioButton(self.tr("A&ppend to each item's notes"), self)
        self.notes_replace = QRadioButton(self.tr("Rep&lace each item's notes"), self)
        self.notes_append.setChecked(True)

        lists = QGridLayout()
        lists.addWidget(self._header(self.tr("Add to every item")), 0, 1)
        lists.addWidget(self._header(self.tr("Remove from every item")), 0, 2)
        for row, (text, add, remove) in enumerate((
                (self.tr("&Subjects:"), self.add_subjects, self.remove_subjects),
                (self.tr("&Places:"), self.add_places, self.remove_places),
                (self.tr("Pe&ople:"), self.add_people, self.remove_people)), start=1):
            label = QLabel(text, self)
            label.setBuddy(add.input if isinstance(add, TokenList) else add.table)
            lists.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            lists.addWidget(add, row, 1)
            lists.addWidget(remove, row, 2)
        lists.setColumnStretch(1, 1)
        lists.setColumnStretch(2, 1)
        replace = QFormLayout()
        replace.addRow(self.set_date, self.date)
        replace.addRow(self.set_languages, self.languages)
        note_choice = QHBoxLayout()
        note_choice.addWidget(self.notes_append)
        note_choice.addWidget(self.notes_replace)
        note_choice.addStretch(1)
        notes_label = QLabel(self.tr("&Notes (internal):"), self)
        notes_label.setBuddy(self.notes)
        replace.addRow(notes_label, self.notes)
        replace.addRow("", note_choice)
        fields = QWidget(self)
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addLayout(lists)
        fields_layout.addLayout(replace)

        self.preview_box = QGroupBox(self.tr("What will change"), self)
        self.preview_text = QLabel(self.preview_box)
        self.preview_text.setWordWrap(True)
        self.preview_text.setAccessibleName(self.tr("What will change"))
        self.preview_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        box_layout = QVBoxLayout(self.preview_box)
        box_layout.addWidget(self.preview_text)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        self.apply_button = QPushButton(self.tr("&Apply to %n item(s)", "", len(self.item_ids)),
                                        self)
        self.apply_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(scrolling(fields, self), 1)
        layout.addWidget(self.preview_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, 1000, 700)

        self._make_preview_timer()
        for signal in (self.add_subjects.changed, self.remove_subjects.changed,
                       self.add_places.changed, self.remove_places.changed,
                       self.add_people.changed, self.remove_people.changed,
                       self.date.edited, self.set_date.toggled, self.set_languages.toggled,
                       self.languages.textChanged, self.notes.textChanged,
                       self.notes_append.toggled):
            signal.connect(self._schedule)
        self.set_date.toggled.connect(self.date.setEnabled)
        self.set_languages.toggled.connect(self.languages.setEnabled)
        self.apply_button.clicked.connect(self.apply)
        session.catalogueChanged.connect(self._catalogue_changed)
        session.audienceChanged.connect(self._audience_changed)
        self._audience_changed()
        self.refresh_preview()

    def _header(self, text: str) -> QLabel:
        label = QLabel(f"<b>{text}</b>", self)
        return label

    # -- the edit, as the core's data ---------------------------------------------------
    def edits(self) -> BatchEdits:
        languages = None
        if self.set_languages.isChecked():
            text = self.languages.text().replace(";", ",")
            languages = [part.strip().lower() for part in text.split(",") if part.strip()]
        notes = self.notes.toPlainText()
        return BatchEdits(
            add_subjects=[t for t, _ in self.add_subjects.values()],
            remove_subjects=[t for t, _ in self.remove_subjects.values()],
            add_places=self.add_places.values(), remove_places=self.remove_places.values(),
            add_people=self.add_people.rows(), remove_people=self.remove_people.rows(),
            date_edtf=(self.date.edtf() or "") if self.set_date.isChecked() else None,
            languages=languages,
            notes_append=notes if self.notes_append.isChecked() else "",
            notes_replace=notes if self.notes_replace.isChecked() and notes.strip() else None)

    def editable(self) -> bool:
        return self.session.audience is Audience.CUSTODIAN and self.session.edition is None

    # -- the preview --------------------------------------------------------------------
    def _audience_changed(self, _audience: object = None) -> None:
        self.banner.setVisible(not self.editable())
        self._update_apply()

    def field_names(self) -> dict[str, str]:
        return {"subjects": self.tr("Subjects"), "places": self.tr("Places"),
                "people": self.tr("People"), "date": self.tr("Date"),
                "languages": self.tr("Languages"), "notes": self.tr("Notes")}

    def refresh_preview(self) -> None:
        """Count, per field, the items that change and those already so (read only)."""
        self._timer.stop()
        self.preview = None
        if self.set_date.isChecked() and not self.date.is_valid():
            self._say_preview(self.tr("The date cannot be read; see the hint beside it."), True)
            return
        busy = [self._labels.get(i, ("?", ""))[0] for i in self.item_ids if i in self._busy()]
        if busy:
            self._say_preview(self.tr("Open in the item editor with changes not saved: %1. "
                                      "Save or close it first.").replace("%1", ", ".join(busy)),
                              True)
            return
        edits = self.edits()
        if edits.empty():
            self._say_preview(self.tr("Add, remove or replace something above to see what "
                                      "will change."), False)
            return
        try:
            preview = item_ops.preview_batch_edit(self.session.reader, self.item_ids, edits,
                                                  ui_lang())
        except ValueError as exc:  # ItemError: one sentence in the window's language
            self._say_preview(str(exc), True)
            return
        self.preview = preview
        names = self.field_names()
        lines = [self.tr("%1: %2 to change, %3 already so")
                 .replace("%1", names.get(name, name)).replace("%2", str(count.change))
                 .replace("%3", str(count.already))
                 for name, count in sorted(preview.fields.items(),
                                           key=lambda pair: list(names).index(pair[0]))]
        total = self.tr("%n item(s) will change.", "", len(preview.changing))
        self._say_preview("\n".join([total, *lines]), False)

    def _say_preview(self, text: str, error: bool) -> None:
        self.preview_text.setText(text)
        self.preview_text.setStyleSheet(ERROR if error else "")
        self._update_apply()

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(self.editable() and not self._applying
                                     and self.preview is not None
                                     and bool(self.preview.changing))

    # -- applying -------------------------------------------------------------------------
    def apply(self) -> None:
        """One operation on the writer thread; the list and the index follow its Changes."""
        self.refresh_preview()  # read again: another window may have saved meanwhile
        if self.preview is None or not self.preview.changing or not self.editable():
            return
        self._applying = True
        self._update_apply()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Applying..."))
        # On the window's undo stack: Edit > Undo puts all the items back in one step.
        run_undoable(self.session, item_ops.batch_edit, self.item_ids, self.edits(),
                     self.preview.stamps,
                     label=self.tr("Editing %n item(s)", "", len(self.item_ids)),
                     on_done=self._applied, on_error=self._failed)

    def _applied(self, count: int) -> None:
        self._applying = False
        self.message.setStyleSheet("")
        self.message.setText(self.tr("%n item(s) changed.", "", count))
        self.applied.emit(count)
        self.refresh_preview()

    def _failed(self, message: str) -> None:
        self._applying = False
        self.message.setStyleSheet(ERROR)
        self.message.setText(self.tr("Nothing was changed: %1").replace("%1", message))
        self.refresh_preview()
