"""Record the same consent for many items (issue 15): Edit > Consent for the selection...

The decision is the consent dialog's own form (status, scopes, embargo,
anonymisation, provenance, the signed form through the one ingest path); it
is recorded for each selected item (one record per item and person: the
item's narrators and depicted people, or one person named here), custodians
only, in one operation (memoria.operations.consent.record_batch).

The preview lists every item with its consent now and after. An item whose
consent was withdrawn is left out unless the custodian ticks it, item by item:
a batch never reopens a withdrawal on its own. Items left out are named.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.consent import Audience
from memoria.operations import consent as consent_ops
from memoria.operations import items as item_ops
from memoria.operations.actor import Action
from memoria.operations.consent import BatchConsentPreview
from memoria.ui.editors.batch_edit import ERROR, LivePreview, selection_label
from memoria.ui.editors.consent_form import ConsentForm
from memoria.ui.labels import role_label, status_label, ui_lang
from memoria.ui.session import Session
from memoria.ui.widgets.consent_badge import COLOURS
from memoria.ui.widgets.fit import fit_to_screen, scrolling

ID = Qt.ItemDataRole.UserRole


class BatchConsentDialog(LivePreview, QDialog):
    """One consent decision for every selected item; `applied(record_ids)` after."""

    applied = Signal(list)

    def __init__(self, session: Session, item_ids: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item_ids = list(dict.fromkeys(item_ids))
        self.preview: BatchConsentPreview | None = None
        self._applying = False
        self._left_out: list[str] = []
        reader = session.reader
        labels = item_ops.accessions_and_titles(reader, self.item_ids)
        self.setWindowTitle(self.tr("Consent for %n item(s)", "", len(self.item_ids)))
        self.heading = QLabel(self.tr("%n item(s) selected: %1", "", len(self.item_ids)).replace(
            "%1", selection_label([labels[i][0] for i in self.item_ids if i in labels])), self)
        self.heading.setWordWrap(True)
        self.banner = QLabel(self.tr(
            "Read only: only custodians can record or change consent."), self)
        self.banner.setStyleSheet("font-weight: bold;")

        self.each = QRadioButton(self.tr("The &narrators and depicted people of each item"),
                                 self)
        self.one = QRadioButton(self.tr("One &person for every item:"), self)
        self.each.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.each)
        group.addButton(self.one)
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Whose consent"))
        seen: set[int] = set()
        for item_id in self.item_ids:
            if item_id not in labels:
                continue
            for entry in item_ops.get_item(reader, item_id).people:
                if entry.person.id not in seen:
                    seen.add(entry.person.id)
                    self.person.addItem(f"{entry.person.name} ({role_label(entry.role)})",
                                        entry.person.id)
        self.person.setEnabled(False)
        self.one.setEnabled(self.person.count() > 0)
        whose = QFormLayout()
        person_row = QHBoxLayout()
        person_row.addWidget(self.one)
        person_row.addWidget(self.person, 1)
        whose.addRow(self.tr("Whose consent:"), self.each)
        whose.addRow("", person_row)

        self.form = ConsentForm(show_form_file=True, parent=self)
        inner = self.form.layout().itemAt(0).layout()
        if isinstance(inner, QFormLayout):  # the items come from the selection here
            inner.setRowVisible(self.form.items, False)
            inner.setRowVisible(self.form.segments, False)

        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("What will change, item by item"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Item"), self.tr("Now"), self.tr("After"), self.tr("Reopen?")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What will change"))
        preview = QWidget(self)
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(QLabel(self.tr("<b>What will change</b>"), self))
        preview_layout.addWidget(self.table, 1)
        preview_layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(scrolling(self.form, self))
        split.addWidget(preview)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        self.apply_button = QPushButton(self.tr("&Record consent"), self)
        self.apply_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addLayout(whose)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, 1200, 700)
        # The preview keeps room for its four columns, the Reopen boxes included (150%).
        split.setSizes([self.width() * 55 // 100, self.width() * 45 // 100])

        self._make_preview_timer()
        self.one.toggled.connect(self.person.setEnabled)
        for signal in (self.one.toggled, self.person.currentIndexChanged,
                       self.form.status.currentIndexChanged, self.form.pseudonym.textChanged,
                       self.form.embargo.none.toggled, self.form.embargo.edit.dateChanged):
            signal.connect(self._schedule)
        for box in (*self.form.scopes.values(), *self.form.anonymisation.values()):
            box.toggled.connect(self._schedule)
        self.table.itemChanged.connect(lambda _cell: self._update_summary())
        self.apply_button.clicked.connect(self.apply)
        session.catalogueChanged.connect(self._catalogue_changed)
        session.audienceChanged.connect(self._audience_changed)
        self._audience_changed()
        self.refresh_preview()

    def editable(self) -> bool:
        return (self.session.audience is Audience.CUSTODIAN and self.session.edition is None
                and self.session.actor.may(Action.CHANGE_CONSENT))

    def person_id(self) -> int | None:
        return int(self.person.currentData()) if self.one.isChecked() \
            and self.person.currentData() is not None else None

    # -- the preview ------------------------------------------------------------------------
    def _audience_changed(self, _audience: object = None) -> None:
        editable = self.editable()
        self.banner.setVisible(not editable)
        self.form.file_row.setVisible(editable)  # rule 7: the form is custodian-only
        self.form.form_label_widget.setVisible(editable)
        if not editable:
            self.form.set_form_file(None)
        self._update_summary()

    def refresh_preview(self) -> None:
        self._timer.stop()
        confirmed = set(self.confirmed())
        self.preview = None
        try:
            self.preview = consent_ops.preview_batch(self.session.reader, self.item_ids,
                                                     self.form.terms(), self.person_id(),
                                                     ui_lang())
        except ValueError as exc:  # ConsentError: one sentence in the window's language
            self.table.setRowCount(0)
            self._say(str(exc), True)
            return
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.preview.items))
        for row, entry in enumerate(self.preview.items):
            after = self.tr("Nobody to record") if entry.problem \
                else status_label(entry.after.value)
            cells = [entry.accession, status_label(entry.before.value), after, ""]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID, entry.item_id)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, cell)
            for column, badge in ((1, entry.before), (2, entry.after)):
                colour = COLOURS.get(badge.value, COLOURS["none"])[0]
                self.table.item(row, column).setForeground(QBrush(QColor(colour)))
            if entry.problem:
                self.table.item(row, 2).setToolTip(entry.problem)
                self.table.item(row, 2).setForeground(QBrush(QColor("#b42318")))
            if entry.withdrawn and not entry.problem:
                reopen = self.table.item(row, 3)
                reopen.setText(self.tr("Reopen"))
                reopen.setFlags(reopen.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                reopen.setCheckState(Qt.CheckState.Checked if entry.item_id in confirmed
                                     else Qt.CheckState.Unchecked)
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        self._update_summary()

    def confirmed(self) -> list[int]:
        """The withdrawn items the custodian ticked, one by one, to reopen."""
        out = []
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 3)
            if cell is not None and cell.flags() & Qt.ItemFlag.ItemIsUserCheckable \
                    and cell.checkState() == Qt.CheckState.Checked:
                out.append(int(cell.data(ID)))
        return out

    def chosen(self) -> tuple[list[int], list[str]]:
        """The items the record goes to, and the accessions left out (and why)."""
        if self.preview is None:
            return [], []
        confirmed = set(self.confirmed())
        chosen, left = [], []
        for entry in self.preview.items:
            if entry.problem or (entry.withdrawn and entry.item_id not in confirmed):
                left.append(entry.accession)
            else:
                chosen.append(entry.item_id)
        return chosen, left

    def nobody(self) -> list[str]:
        """Items with no narrator or depicted person (and no person chosen above)."""
        return [e.accession for e in self.preview.items if e.problem] if self.preview else []

    def _update_summary(self) -> None:
        if self.preview is None:
            self.apply_button.setEnabled(False)
            return
        chosen, left = self.chosen()
        changing = [e for e in self.preview.changing if e.item_id in chosen]
        parts = [self.tr("%n item(s) change consent state.", "", len(changing))]
        withdrawn = [e for e in self.preview.withdrawn if not e.problem]
        if withdrawn:
            parts.append(self.tr(
                "%n item(s) had consent withdrawn: left out unless you tick “Reopen” for "
                "each one.", "", len(withdrawn)))
        nobody = self.nobody()
        if nobody:
            parts.append(self.tr("No narrator or depicted person, so left out unless you choose "
                                 "one person above: %1.").replace("%1", ", ".join(nobody)))
        if left:
            parts.append(self.tr("Left out: %1.").replace("%1", ", ".join(left)))
        problems = self.form.problems()
        unchosen = QCoreApplication.translate("ConsentForm", "Choose at least one item.")
        problems = [p for p in problems if p != unchosen]
        self._say(" ".join(parts + problems), bool(problems))
        self.apply_button.setEnabled(self.editable() and not self._applying and bool(chosen)
                                     and not problems)

    def _say(self, text: str, error: bool) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(ERROR if error else "")
        if error:
            self.apply_button.setEnabled(False)

    # -- applying ---------------------------------------------------------------------------
    def apply(self) -> None:
        if self._timer.isActive() or self.preview is None:
            self.refresh_preview()
        chosen, left = self.chosen()
        if not chosen or not self.editable() or self._applying:
            return
        self._applying = True
        self._left_out = left
        self.apply_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Recording consent..."))
        operation = partial(consent_ops.record_batch, person_id=self.person_id(),
                            reason=self.form.reason.text().strip(),
                            confirmed=[i for i in self.confirmed() if i in chosen])
        self.session.run(operation, chosen, self.form.terms(), self.form.form_path,
                         label=self.tr("Recording consent"), on_done=self._applied,
                         on_error=self._failed)

    def _applied(self, record_ids: list[int]) -> None:
        self._applying = False
        text = self.tr("%n consent record(s) saved.", "", len(record_ids))
        if self._left_out:
            text += " " + self.tr("Left out: %1.").replace("%1", ", ".join(self._left_out))
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.form.set_form_file(None)
        self.applied.emit(list(record_ids))
        self.refresh_preview()

    def _failed(self, message: str) -> None:
        self._applying = False
        self.message.setStyleSheet(ERROR)
        self.message.setText(self.tr("Nothing was recorded: %1").replace("%1", message))
        self.refresh_preview()
