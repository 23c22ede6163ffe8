"""Protected names (custodians only): who and what is replaced on every path out.

Lists every protected person and term (by consent, by a pseudonym on the
record, or marked by a custodian), lets a custodian protect another person
or a term with its replacement, and shows, for a selected person, the
variants Memoria proposes (diminutives, plural surnames, surname alone; a
given name alone is unticked) to confirm or edit. Reads go through the
session's reader, writes through the consent operations (memoria.operations.consent).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memoria.operations import consent as protections
from memoria.operations import items as authorities
from memoria.protect import propose_variants
from memoria.ui.i18n import current_language
from memoria.ui.widgets.fit import fit_to_screen


class ProtectionsDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Protected names"))
        self._rows: list[protections.Protection] = []

        intro = QLabel(self.tr(
            "These names and terms are replaced wherever they appear, in every item, "
            "caption and export outside the custodian view. Accents and ñ are ignored "
            "when matching."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name or term"), self.tr("Replaced by"), self.tr("Why"),
             self.tr("Variants caught")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_variants)

        self.variants = QListWidget()
        self.variants_label = QLabel(self.tr("Select a person to see the variants."))
        self.extra = QLineEdit()
        self.extra.setPlaceholderText(self.tr("Another variant, e.g. a nickname"))
        add_variant = QPushButton(self.tr("Add variant"))
        add_variant.clicked.connect(self._add_variant)
        self.confirm = QPushButton(self.tr("Confirm variants"))
        self.confirm.clicked.connect(self._confirm)
        self.confirm.setEnabled(False)

        self.name = QLineEdit()
        self.replacement = QLineEdit()
        self.reason = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Person or term"), self.name)
        form.addRow(self.tr("Replace with"), self.replacement)
        form.addRow(self.tr("Reason"), self.reason)
        protect_person = QPushButton(self.tr("Protect person"))
        protect_person.clicked.connect(self._protect_person)
        protect_term = QPushButton(self.tr("Protect term"))
        protect_term.clicked.connect(self._protect_term)
        self.remove = QPushButton(self.tr("Remove protection"))
        self.remove.clicked.connect(self._remove)
        self.remove.setEnabled(False)

        buttons_row = QHBoxLayout()
        for button in (protect_person, protect_term, self.remove):
            buttons_row.addWidget(button)
        extra_row = QHBoxLayout()
        extra_row.addWidget(self.extra)
        extra_row.addWidget(add_variant)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.variants_label)
        layout.addWidget(self.variants, 1)
        layout.addLayout(extra_row)
        layout.addWidget(self.confirm)
        layout.addLayout(form)
        layout.addLayout(buttons_row)
        layout.addWidget(close)
        fit_to_screen(self, 720, 640)
        self.reload()

    # -- reading -----------------------------------------------------------------
    def reload(self) -> None:
        self._rows = protections.all_protections(self.session.reader, current_language())
        why = {"consent": self.tr("consent"), "custodian": self.tr("marked by a custodian"),
               "pseudonym": self.tr("pseudonym on the record")}
        self.table.setRowCount(len(self._rows))
        for row, p in enumerate(self._rows):
            for col, text in enumerate((p.name, p.replacement, why.get(p.source, p.source),
                                        ", ".join(p.variants))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self._show_variants()

    def _current(self) -> protections.Protection | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _show_variants(self) -> None:
        self.variants.clear()
        current = self._current()
        self.remove.setEnabled(bool(current and current.id and current.source == "custodian"))
        is_person = bool(current and current.person_id is not None)
        self.confirm.setEnabled(is_person)
        if not is_person:
            self.variants_label.setText(self.tr("Select a person to see the variants."))
            return
        assert current is not None
        self.variants_label.setText(
            self.tr("Variants confirmed by a custodian:") if current.confirmed
            else self.tr("Variants Memoria proposes (a given name alone only if you tick it):"))
        caught = {v.casefold() for v in current.variants}
        seen: set[str] = set()
        for text in [*current.variants, *(v.text for v in propose_variants(current.name))]:
            if text.casefold() in seen:
                continue
            seen.add(text.casefold())
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if text.casefold() in caught
                               else Qt.CheckState.Unchecked)
            self.variants.addItem(item)

    def checked_variants(self) -> list[str]:
        return [self.variants.item(i).text() for i in range(self.variants.count())
                if self.variants.item(i).checkState() is Qt.CheckState.Checked]

    # -- writing -----------------------------------------------------------------
    def _add_variant(self) -> None:
        text = " ".join(self.extra.text().split())
        if text and self.confirm.isEnabled():
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.variants.addItem(item)
            self.extra.clear()

    def _confirm(self) -> None:
        current = self._current()
        if current is None or current.person_id is None:
            return
        self._write(protections.confirm_variants, current.person_id, self.checked_variants())

    def _protect_person(self) -> None:
        name = self.name.text().strip()
        person = authorities.person_by_name(self.session.reader, name) if name else None
        if person is None:
            QMessageBox.warning(self, self.windowTitle(), self.tr(
                "There is no person named “{name}”. Add the person first, or protect "
                "the name as a term.").format(name=name))
            return
        self._write(protections.protect_person, person.id, self.replacement.text(),
                    self.reason.text())

    def _protect_term(self) -> None:
        term = self.name.text().strip()
        if term:
            self._write(protections.protect_term, term, self.replacement.text(),
                        self.reason.text())

    def _remove(self) -> None:
        current = self._current()
        if current is not None and current.id is not None:
            self._write(protections.unprotect, current.id, self.reason.text())

    def _write(self, fn, *args) -> None:
        def done(_result: object) -> None:
            self.name.clear()
            self.replacement.clear()
            self.reason.clear()
            self.reload()

        def failed(message: str) -> None:
            QMessageBox.warning(self, self.windowTitle(), message)

        # Which items change is known only after the scan: the operations say "anything".
        self.session.run(fn, *args, label=self.tr("Saving protected names"),
                         on_done=done, on_error=failed)
