"""Consent for a person, or for the people on an item: records, history, changes.

Every change is an operation (memoria.operations.consent) run by the
session, which announces the Changes it returns as catalogueChanged, so a
withdrawal takes effect at once in every open view (rule 4). Only custodians change consent; everyone else sees it read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from memoria import access
from memoria.domain.consent import Audience, Decision
from memoria.domain.messages import explain
from memoria.domain.model import ConsentRecord, Kind, Role
from memoria.operations import consent as consent_ops
from memoria.operations import items as item_ops
from memoria.ui.editors.consent_form import ConsentForm
from memoria.ui.editors.history_view import HistoryView
from memoria.ui.labels import (
    audience_label,
    role_label,
    scope_label,
    status_label,
    ui_lang,
)
from memoria.ui.session import Session
from memoria.ui.theme import ERROR, colour_style
from memoria.ui.widgets.consent_badge import COLOURS
from memoria.ui.widgets.fit import fit_to_screen

EXPLAINED = (Audience.CURATOR, Audience.RESEARCHER, Audience.PUBLIC)


class ConsentEditor(QDialog):
    changed = Signal()

    def __init__(self, session: Session, item_id: int | None = None,
                 person_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item_id = item_id
        self.editable = session.audience is Audience.CUSTODIAN
        self.setWindowTitle(self.tr("Consent"))
        fit_to_screen(self, 900, 700)
        self.banner = QLabel(self.tr(
            "Read only: only custodians can record or change consent."), self)
        self.banner.setVisible(not self.editable)
        self.banner.setStyleSheet("font-weight: bold;")
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Whose consent"))
        person_label = QLabel(self.tr("&Person:"), self)
        person_label.setBuddy(self.person)
        self.add_person_button = QPushButton(self.tr("A&dd person..."), self)
        self.add_person_button.setVisible(self.editable and item_id is not None)
        top = QHBoxLayout()
        top.addWidget(person_label)
        top.addWidget(self.person, 1)
        top.addWidget(self.add_person_button)

        self.records = QTableWidget(0, 6, self)
        self.records.setAccessibleName(self.tr("Consent records"))
        self.records.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Status"), self.tr("Scopes"), self.tr("Items"),
            self.tr("Embargo until"), self.tr("Pseudonym")])
        self.records.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.records.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.records.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.records.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.records.verticalHeader().hide()
        self.events = QTableWidget(0, 5, self)
        self.events.setAccessibleName(self.tr("History of the selected record"))
        self.events.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Status"),
            self.tr("Reason")])
        self.events.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.events.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.events.verticalHeader().hide()
        self.withdraw_button = QPushButton(self.tr("&Withdraw consent..."), self)
        self.review_button = QPushButton(self.tr("Review &embargo..."), self)
        actions = QHBoxLayout()
        actions.addWidget(self.withdraw_button)
        actions.addWidget(self.review_button)
        actions.addStretch(1)
        records_page = QWidget(self)
        records_layout = QVBoxLayout(records_page)
        records_layout.addWidget(self.records, 2)
        records_layout.addWidget(QLabel(self.tr("History of the selected record:"), self))
        records_layout.addWidget(self.events, 1)
        records_layout.addLayout(actions)

        self.form = ConsentForm(show_form_file=self.editable, parent=self)
        self.record_button = QPushButton(self.tr("&Record consent"), self)
        form_page = QWidget(self)
        form_layout = QVBoxLayout(form_page)
        # The form is taller than a 1366x768 laptop screen: it scrolls inside itself so
        # the record button, the messages and Close always stay in view (issue 15).
        self.form_scroll = QScrollArea(form_page)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_scroll.setWidget(self.form)
        form_layout.addWidget(self.form_scroll, 1)
        form_layout.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(records_page, self.tr("Records and &history"))
        self.tabs.addTab(form_page, self.tr("&New consent"))
        self.tabs.setTabVisible(1, self.editable)

        self.explanations = {a: QLabel(self) for a in EXPLAINED}
        explain_box = QGroupBox(self.tr("Who may see this item"), self)
        explain_layout = QVBoxLayout(explain_box)
        for label in self.explanations.values():
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
            explain_layout.addWidget(label)
        explain_box.setVisible(item_id is not None)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(explain_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.person.currentIndexChanged.connect(self._person_changed)
        self.records.itemSelectionChanged.connect(self._record_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.review_button.clicked.connect(self.review_selected)
        self.record_button.clicked.connect(self.record)
        self.add_person_button.clicked.connect(self.add_person)
        self.form.changed.connect(self._refresh_segments)
        # Bound slots, never lambdas: Qt disconnects a slot of this dialog when it is
        # deleted (WA_DeleteOnClose), while a lambda would outlive it and touch dead
        # widgets on the next audience switch (issue 15).
        session.catalogueChanged.connect(self._catalogue_changed)
        session.audienceChanged.connect(self._apply_audience)
        self._fill_people(person_id)

    def _catalogue_changed(self, _ids: object) -> None:
        self.refresh()

    def _apply_audience(self, _audience: object = None) -> None:
        """The window's audience changed while this dialog was open: follow it, so
        a custodian view never stays editable (or shows real names) for others."""
        self.editable = self.session.audience is Audience.CUSTODIAN
        self.banner.setVisible(not self.editable)
        self.add_person_button.setVisible(self.editable and self.item_id is not None)
        self.tabs.setTabVisible(1, self.editable)
        self.form.file_row.setVisible(self.editable)
        self.form.form_label_widget.setVisible(self.editable)
        if not self.editable:
            self.form.set_form_file(None)
            self.tabs.setCurrentIndex(0)
        self._fill_people(self.person_id())

    # -- reading ---------------------------------------------------------------
    def _name(self, person_id: int) -> str:
        person = item_ops.get_person(self.session.reader, person_id)
        if self.editable:
            return person.name
        return access.display_name(self.session.reader, person, self.session.audience, ui_lang())

    def _fill_people(self, selected: int | None = None) -> None:
        reader = self.session.reader
        self.person.blockSignals(True)
        self.person.clear()
        if self.item_id is not None:
            item = item_ops.get_item(reader, self.item_id)
            order = {Role.NARRATOR: 0, Role.DEPICTED: 1}
            for entry in sorted(item.people, key=lambda p: order.get(p.role, 2)):
                if self.person.findData(entry.person.id) < 0:
                    self.person.addItem(f"{self._name(entry.person.id)} ({role_label(entry.role)})",
                                        entry.person.id)
        elif selected is not None:
            self.person.addItem(self._name(selected), selected)
        self.person.setEnabled(self.item_id is not None)
        if selected is not None and self.person.findData(selected) >= 0:
            self.person.setCurrentIndex(self.person.findData(selected))
        self.person.blockSignals(False)
        self._person_changed()

    def person_id(self) -> int | None:
        data = self.person.currentData()
        return int(data) if data is not None else None

    def _item_label(self, item_id: int) -> str:
        item = item_ops.get_item(self.session.reader, item_id)
        return f"{item.accession} · {item.title}" if self.editable else item.accession

    def _person_changed(self) -> None:
        person_id = self.person_id()
        item_ids = item_ops.person_item_ids(self.session.reader, person_id) if person_id else []
        if self.item_id is not None and self.item_id not in item_ids:
            item_ids.insert(0, self.item_id)
        checked = {self.item_id} if self.item_id is not None else set(item_ids)
        self.form.set_items([(i, self._item_label(i)) for i in item_ids], checked)
        self._refresh_segments()
        self.refresh()

    def _refresh_segments(self) -> None:
        reader = self.session.reader
        segments = []
        for item_id in self.form.item_ids():
            item = item_ops.get_item(reader, item_id)
            if item.kind is Kind.TESTIMONY:
                segments += [(item.accession, s) for s in item_ops.segments_of(reader, item_id)]
        if [s.id for _, s in segments] != [self.form.segments.item(i).data(Qt.ItemDataRole.UserRole)
                                           for i in range(self.form.segments.count())]:
            self.form.set_segments(segments)

    def person_records(self) -> list[ConsentRecord]:
        person_id = self.person_id()
        return consent_ops.records_for_person(self.session.reader, person_id) if person_id else []

    def refresh(self) -> None:
        """Re-read records, history and explanations after any change."""
        reader = self.session.reader
        records = self.person_records()
        selected = self.selected_record()
        self.records.setRowCount(len(records))
        for row, record in enumerate(records):
            accessions = ", ".join(item_ops.get_item(reader, i).accession
                                   for i in sorted(record.item_ids))
            cells = [
                str(record.id), status_label(record.status),
                ", ".join(scope_label(s) for s in sorted(record.scopes)), accessions,
                record.embargo_until.isoformat() if record.embargo_until else "",
                record.pseudonym or "",
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, record.id)
                self.records.setItem(row, column, cell)
            badge = self.records.item(row, 1)
            badge.setForeground(QBrush(QColor(COLOURS.get(record.status.value, COLOURS["none"])[0])))
            badge.setToolTip(status_label(record.status))
        if records:
            ids = [r.id for r in records]
            self.records.selectRow(ids.index(selected.id) if selected and selected.id in ids
                                   else len(records) - 1)
        self._record_selected()  # also enables withdraw/review for the selected record
        self._explain()
        self.add_person_button.setEnabled(self.editable)

    def selected_record(self) -> ConsentRecord | None:
        rows = self.records.selectionModel().selectedRows() if self.records.selectionModel() else []
        if not rows:
            return None
        consent_id = self.records.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return consent_ops.get_record(self.session.reader, int(consent_id))

    def event_label(self, action: str) -> str:
        """The history's action column in the user's language (it showed "record")."""
        known = {"record": self.tr("Recorded"), "status": self.tr("Status changed"),
                 "supersede": self.tr("Replaced by a newer record"),
                 "embargo_reviewed": self.tr("Embargo reviewed")}
        return known.get(action, action)

    def _record_selected(self) -> None:
        record = self.selected_record()
        found = consent_ops.events(self.session.reader, record.id) if record else []
        self.events.setRowCount(len(found))
        for row, event in enumerate(found):
            cells = [HistoryView.when(event.at), event.actor, self.event_label(event.action),
                     status_label(event.status), event.reason if self.editable else ""]
            for column, text in enumerate(cells):
                self.events.setItem(row, column, QTableWidgetItem(text))
        today = self.session.reader.today()
        self.withdraw_button.setEnabled(self.editable and record is not None
                                        and record.status.value in ("pending", "granted",
                                                                    "restricted"))
        self.review_button.setEnabled(
            self.editable and record is not None and record.embargo_until is not None
            and record.embargo_until <= today and record.embargo_reviewed_at is None)

    def _explain(self) -> None:
        if self.item_id is None:
            return
        snapshot = access.ConsentSnapshot(self.session.reader)
        for audience, label in self.explanations.items():
            sentence = explain(snapshot.decide(self.item_id, audience), ui_lang())
            label.setText(f"{audience_label(audience)}: {sentence}")

    def decision(self, audience: Audience) -> Decision:
        """What the rules decide for the item now, read fresh (not from a cache)."""
        return access.ConsentSnapshot(self.session.reader).decide(self.item_id, audience)

    # -- changing --------------------------------------------------------------
    def ask_reason(self, title: str, prompt: str) -> str | None:
        """A reason typed by the custodian; None if they cancel. Tests replace this."""
        text, ok = QInputDialog.getMultiLineText(self, title, prompt)
        return text if ok else None

    def ask_name(self) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Add person"),
                                        self.tr("Name of the person giving consent:"))
        return text if ok else None

    def _write(self, operation: Callable[..., Any], *args: Any, label: str,
               after: Callable[[Any], None] | None = None) -> None:
        """Run a consent operation; `after` receives what it made."""
        def done(result: object) -> None:
            self.message.setStyleSheet("")
            if after:
                after(result)
            self.refresh()
            self.changed.emit()

        def failed(message: str) -> None:
            self.message.setStyleSheet(colour_style(ERROR))
            self.message.setText(message)

        self.session.run(operation, *args, label=label, on_done=done, on_error=failed)

    def record(self) -> None:
        if not self.editable or self.person_id() is None:
            return
        problems = self.form.problems()
        if problems:
            self.message.setStyleSheet(colour_style(ERROR))
            self.message.setText(" ".join(problems))
            return
        self._write(partial(consent_ops.record, segment_ids=self.form.segment_ids(),
                            reason=self.form.reason.text().strip()),
                    [self.person_id()], self.form.item_ids(), self.form.terms(),
                    self.form.form_path, label=self.tr("Recording consent"),
                    after=lambda ids: self._recorded(ids[0]))

    def _recalls(self, item_ids: Iterable[int]) -> str:
        """The copies outside the archive that still hold these items, as a notice."""
        from memoria.ui.dialogs.recall_dialog import recall_lines

        lines = recall_lines(self.session, set(item_ids))
        if not lines:
            return ""
        return "\n" + self.tr("Copies outside the archive still hold this and must be "
                              "recalled (see “Copies to recall” in the sidebar):") + "\n" + \
            "\n".join(f"• {line}" for line in lines)

    def _recorded(self, consent_id: int) -> None:
        self.message.setText(self.tr("Consent record %1 saved.").replace("%1", str(consent_id))
                             + self._recalls(self.form.item_ids()))
        self.form.set_form_file(None)
        self.form.reason.clear()
        self.tabs.setCurrentIndex(0)

    def withdraw_selected(self) -> None:
        record = self.selected_record()
        if not self.editable or record is None:
            return
        reason = self.ask_reason(self.tr("Withdraw consent"), self.tr(
            "Why is consent withdrawn? The withdrawal applies at once, everywhere."))
        if reason is None:
            return
        if not reason.strip():
            self.message.setStyleSheet(colour_style(ERROR))
            self.message.setText(self.tr("A withdrawal needs a reason."))
            return
        self._write(consent_ops.withdraw, record.id, reason.strip(),
                    label=self.tr("Withdrawing consent"),
                    after=lambda _r: self.message.setText(self.tr("Consent withdrawn.")
                                                          + self._recalls(record.item_ids)))

    def review_selected(self) -> None:
        record = self.selected_record()
        if not self.editable or record is None:
            return
        reason = self.ask_reason(self.tr("Review embargo"), self.tr(
            "The embargo has ended. Note why the item may now be shown as consent allows:"))
        if reason is None:
            return
        self._write(consent_ops.review_embargo, record.id, reason.strip(),
                    label=self.tr("Reviewing embargo"),
                    after=lambda _r: self.message.setText(self.tr("Embargo reviewed.")))

    def add_person(self) -> None:
        if not self.editable or self.item_id is None:
            return
        name = (self.ask_name() or "").strip()
        if name:
            self._write(item_ops.add_person, self.item_id, name, label=self.tr("Adding person"),
                        after=self._fill_people)
