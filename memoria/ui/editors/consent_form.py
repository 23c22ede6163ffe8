"""The form that records a new consent: status, scopes, items, embargo,
anonymisation and provenance, as the core's ConsentTerms.

Consent is data, not a note: every choice here is a checkbox or a date the
rules in memoria.domain.consent can act on. The signed-form row exists only
in the custodian view (rule 7).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.model import (
    Anonymisation,
    ConsentStatus,
    Provenance,
    ProvenanceMethod,
    Scope,
    Segment,
)
from memoria.operations.consent import ConsentTerms
from memoria.ui.labels import anonymisation_label, format_ms, scope_label, status_label

ID = Qt.ItemDataRole.UserRole


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OptionalDate(QWidget):
    """A date with a "none" checkbox: "no embargo" is a choice, not a blank."""

    def __init__(self, none_text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.none = QCheckBox(none_text, self)
        self.none.setChecked(True)
        self.edit = QDateEdit(QDate.currentDate(), self)
        # Four-digit years (docs/glossary.md): the locale's short format says "6/12/26".
        pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        self.edit.setDisplayFormat(pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy"))
        self.edit.setCalendarPopup(True)
        self.edit.setAccessibleName(name)
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.none)
        layout.addStretch(1)
        self.none.toggled.connect(lambda off: self.edit.setEnabled(not off))

    def value(self) -> date | None:
        return None if self.none.isChecked() else _to_date(self.edit.date())

    def set_value(self, value: date | None) -> None:
        self.none.setChecked(value is None)
        if value:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class ConsentForm(QWidget):
    changed = Signal()

    def __init__(self, show_form_file: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form_path: Path | None = None
        self.status = QComboBox(self)
        for status in (ConsentStatus.PENDING, ConsentStatus.GRANTED, ConsentStatus.RESTRICTED):
            self.status.addItem(status_label(status), status)
        self.scopes = {scope: QCheckBox(scope_label(scope), self) for scope in Scope}
        scope_box = QGroupBox(self.tr("Scopes granted"), self)
        scope_grid = QGridLayout(scope_box)
        for n, box in enumerate(self.scopes.values()):
            scope_grid.addWidget(box, n // 3, n % 3)
        self.items = QListWidget(self)
        self.items.setAccessibleName(self.tr("Items this consent covers"))
        self.items.setMaximumHeight(110)
        self.segments = QListWidget(self)
        self.segments.setAccessibleName(self.tr("Only these segments"))
        self.segments.setMaximumHeight(90)
        self.embargo = OptionalDate(self.tr("No embargo"), self.tr("Embargo until"), self)
        self.review = OptionalDate(self.tr("No review date"), self.tr("Review date"), self)
        self.anonymisation = {a: QCheckBox(anonymisation_label(a), self) for a in Anonymisation}
        self.pseudonym = QLineEdit(self)
        self.pseudonym.setAccessibleName(self.tr("Pseudonym to use"))
        self.pseudonym.setPlaceholderText(self.tr("Pseudonym to use"))
        self.pseudonym.setEnabled(False)
        anon_box = QGroupBox(self.tr("Anonymisation required"), self)
        anon_grid = QGridLayout(anon_box)
        anon_grid.addWidget(self.anonymisation[Anonymisation.PSEUDONYM], 0, 0)
        anon_grid.addWidget(self.pseudonym, 0, 1)
        for n, value in enumerate(list(Anonymisation)[1:]):
            anon_grid.addWidget(self.anonymisation[value], 1 + n // 2, n % 2)
        self.method = QComboBox(self)
        self.method.addItem(self.tr("Not recorded"), None)
        self.method.addItem(self.tr("Signed form"), ProvenanceMethod.SIGNED_FORM)
        self.method.addItem(self.tr("Recorded verbally"), ProvenanceMethod.VERBAL_RECORDED)
        self.obtained_by = QLineEdit(self)
        self.obtained_at = OptionalDate(self.tr("Date unknown"), self.tr("Obtained on"), self)
        self.witness = QLineEdit(self)
        self.form_button = QPushButton(self.tr("Attach si&gned form..."), self)
        self.form_label = QLabel(self.tr("No file attached"), self)
        self.reason = QLineEdit(self)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self._row(form, self.tr("S&tatus:"), self.tr("Consent status"), self.status)
        form.addRow(scope_box)
        self._row(form, self.tr("&Items:"), self.tr("Items this consent covers"), self.items)
        self._row(form, self.tr("Se&gments (optional):"), self.tr("Only these segments"),
                  self.segments)
        self._row(form, self.tr("&Embargo until:"), self.tr("Embargo until"), self.embargo,
                  self.embargo.edit)
        self._row(form, self.tr("Re&view date:"), self.tr("Review date"), self.review,
                  self.review.edit)
        form.addRow(anon_box)
        self._row(form, self.tr("&How obtained:"), self.tr("How consent was obtained"),
                  self.method)
        self._row(form, self.tr("Obtained &by:"), self.tr("Obtained by"), self.obtained_by)
        self._row(form, self.tr("Obtained o&n:"), self.tr("Obtained on"), self.obtained_at,
                  self.obtained_at.edit)
        self._row(form, self.tr("&Witness:"), self.tr("Witness"), self.witness)
        self.file_row = file_row = QWidget(self)
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.form_button)
        file_layout.addWidget(self.form_label, 1)
        form.addRow(self.tr("Signed form:"), file_row)
        file_row.setVisible(show_form_file)
        self.form_label_widget = form.labelForField(file_row)
        self.form_label_widget.setVisible(show_form_file)
        self._row(form, self.tr("N&ote for the history:"), self.tr("Note for the history"),
                  self.reason)

        self.anonymisation[Anonymisation.PSEUDONYM].toggled.connect(self.pseudonym.setEnabled)
        self.form_button.clicked.connect(self.choose_form_file)
        self.items.itemChanged.connect(lambda _i: self.changed.emit())

    def _row(self, form: QFormLayout, text: str, name: str, widget: QWidget,
             buddy: QWidget | None = None) -> None:
        label = QLabel(text, self)
        label.setBuddy(buddy or widget)
        (buddy or widget).setAccessibleName(name)
        form.addRow(label, widget)

    # -- items and segments ----------------------------------------------------
    def set_items(self, items: list[tuple[int, str]], checked: set[int]) -> None:
        self.items.clear()
        for item_id, label in items:
            entry = QListWidgetItem(label, self.items)
            entry.setData(ID, item_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if item_id in checked
                                else Qt.CheckState.Unchecked)

    def set_segments(self, segments: list[tuple[str, Segment]]) -> None:
        self.segments.clear()
        for accession, seg in segments:
            text = f"{accession} · {format_ms(seg.start_ms)} · {seg.speaker} {seg.text[:50]}"
            entry = QListWidgetItem(text.strip(), self.segments)
            entry.setData(ID, seg.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)

    @staticmethod
    def _checked(widget: QListWidget) -> list[int]:
        return [int(widget.item(i).data(ID)) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def item_ids(self) -> list[int]:
        return self._checked(self.items)

    def segment_ids(self) -> list[int]:
        return self._checked(self.segments)

    def choose_form_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Scan of the signed consent form"), "",
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)"))
        if name:
            self.set_form_file(Path(name))

    def set_form_file(self, path: Path | None) -> None:
        self.form_path = path
        self.form_label.setText(path.name if path else self.tr("No file attached"))

    # -- values ----------------------------------------------------------------
    def terms(self) -> ConsentTerms:
        return ConsentTerms(
            status=ConsentStatus(self.status.currentData()),
            scopes={s for s, box in self.scopes.items() if box.isChecked()},
            embargo_until=self.embargo.value(),
            review_date=self.review.value(),
            anonymisation={a for a, box in self.anonymisation.items() if box.isChecked()},
            pseudonym=self.pseudonym.text().strip() or None,
            provenance=Provenance(
                method=ProvenanceMethod(self.method.currentData())
                if self.method.currentData() else None, obtained_by=self.obtained_by.text().strip(),
                obtained_at=self.obtained_at.value(), witness=self.witness.text().strip()),
        )

    def problems(self) -> list[str]:
        """What stops this consent from being recorded, in words, before the core says so."""
        terms = self.terms()
        found = []
        if not self.item_ids():
            found.append(self.tr("Choose at least one item."))
        if terms.status is ConsentStatus.GRANTED and not terms.scopes:
            found.append(self.tr("Granted consent must name at least one scope."))
        if Anonymisation.PSEUDONYM in terms.anonymisation and not terms.pseudonym:
            found.append(self.tr("Say which pseudonym to use."))
        return found
