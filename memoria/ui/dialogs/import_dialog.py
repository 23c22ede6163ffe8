"""Bulk import: preview by content, common metadata, progress, and a full report.

The import runs as one job on the writer thread (each file in its own
transaction inside the core), so Cancel stops between files and keeps what
was finished. At the end every file is accounted for by name: imported,
already in the archive (and as which accession), or refused and why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QStringListModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.model import Kind
from memoria.importing import messages as ingest_messages
from memoria.importing.importer import csv_matches
from memoria.importing.messages import csv_matches_nothing
from memoria.operations import media as media_ops
from memoria.operations.media import ImportOptions, ImportReport
from memoria.ui.dialogs.import_preview import PreviewRow, family_label, preview
from memoria.ui.editors.date_field import DateField
from memoria.ui.editors.suggest import place_paths
from memoria.ui.labels import kind_label, ui_lang
from memoria.ui.session import Session
from memoria.ui.tasks import Task
from memoria.ui.theme import ERROR, MUTED, pick
from memoria.ui.widgets.fit import fit_to_screen

NAME, KIND, SIZE, STATUS = range(4)
# (light, dark) pairs, each 4.5:1 on its scheme's background (ui/theme.py).
RED, GREEN, GREY = ERROR, ("#1b7f3b", "#81c995"), MUTED


class ImportDialog(QDialog):
    def __init__(self, session: Session, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.paths = [Path(p) for p in paths]
        self.task: Task | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import files"))
        fit_to_screen(self, 860, 620)

        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Files to import"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Kind (from content)"), self.tr("Size"), self.tr("Status")])
        self.table.horizontalHeader().setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()

        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("From the content (image: photograph, audio: recording)"), None)
        for kind in Kind:
            self.kind.addItem(kind_label(kind), kind)
        self.date = DateField(self)
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("Colombia > Antioquia > Medellín > Comuna 13"))
        completer = QCompleter(QStringListModel(
            [p for p, _ in place_paths(session.reader)], self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.place.setCompleter(completer)
        self.subjects = QLineEdit(self)
        self.subjects.setPlaceholderText(self.tr("Separated by commas"))
        self.language = QLineEdit(self)
        self.language.setPlaceholderText(self.tr("e.g. es"))
        self.csv = QLineEdit(self)
        self.csv_button = QPushButton(self.tr("Bro&wse..."), self)
        csv_row = QWidget(self)
        csv_layout = QHBoxLayout(csv_row)
        csv_layout.setContentsMargins(0, 0, 0, 0)
        csv_layout.addWidget(self.csv, 1)
        csv_layout.addWidget(self.csv_button)

        self.options_box = options = QGroupBox(self.tr("For every file"), self)
        form = QFormLayout(options)
        for text, name, widget, buddy in (
            (self.tr("&Kind:"), self.tr("Kind for every file"), self.kind, self.kind),
            (self.tr("&Date:"), self.tr("Date"), self.date, self.date.edit),
            (self.tr("&Place:"), self.tr("Place"), self.place, self.place),
            (self.tr("&Subjects:"), self.tr("Subjects"), self.subjects, self.subjects),
            (self.tr("&Language:"), self.tr("Language"), self.language, self.language),
            (self.tr("&Metadata CSV (optional):"), self.tr("Metadata CSV"), csv_row, self.csv),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            buddy.setAccessibleName(name)
            form.addRow(label, widget)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.hide()
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(options)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

        self.csv_button.clicked.connect(self._choose_csv)
        self.import_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.date.validityChanged.connect(lambda ok: self.import_button.setEnabled(ok))
        self.rows = preview(self.paths)
        self._fill_preview()

    # -- preview ---------------------------------------------------------------
    def _set(self, row: int, column: int, text: str,
             colour: tuple[str, str] | None = None) -> None:
        cell = QTableWidgetItem(text)
        cell.setToolTip(text)
        if colour:
            cell.setForeground(QBrush(QColor(pick(colour))))
        self.table.setItem(row, column, cell)

    def _fill_preview(self) -> None:
        locale = QLocale()
        self.table.setRowCount(len(self.rows))
        for row, entry in enumerate(self.rows):
            self._set(row, NAME, entry.path.name)
            self._set(row, KIND, family_label(entry.family, entry.format))
            self._set(row, SIZE, "" if entry.size is None else locale.formattedDataSize(entry.size))
            if entry.problem:
                self._set(row, STATUS, self.tr("Will not import: %1").replace("%1", entry.problem),
                          RED)
            else:
                self._set(row, STATUS, self.tr("Ready"), GREY)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        ready = sum(1 for r in self.rows if not r.problem)
        self.summary.setText(self.tr("%1 file(s) found, %2 ready to import.")
                             .replace("%1", str(len(self.rows))).replace("%2", str(ready)))
        self.import_button.setEnabled(bool(self.rows))

    def _choose_csv(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Metadata spreadsheet"), "",
                                              self.tr("CSV files (*.csv)"))
        if name:
            self.csv.setText(name)

    def options(self) -> ImportOptions:
        split = [s.strip() for s in self.subjects.text().replace(";", ",").split(",")]
        return ImportOptions(
            kind=Kind(self.kind.currentData()) if self.kind.currentData() else None,
            metadata_csv=Path(self.csv.text().strip()) if self.csv.text().strip() else None,
            languages=[x.strip().lower() for x in self.language.text().split(",") if x.strip()],
            subjects=[s for s in split if s],
            place=self.place.text().strip(),
            date=self.date.edit.text().strip() if self.date.is_valid() else "",
            lang=ui_lang(),
        )

    # -- running ---------------------------------------------------------------
    def start(self) -> None:
        if self.task is not None or not self.date.is_valid():
            return
        options = self.options()
        if options.metadata_csv is not None and not self._csv_confirmed(options):
            return
        self.import_button.setEnabled(False)
        self.options_box.setEnabled(False)  # what is being imported no longer changes
        self.progress.setRange(0, max(1, len(self.rows)))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setText(self.tr("Cancel import"))
        self.summary.setText(self.tr("Importing..."))
        self.task = self.session.run(
            media_ops.import_files, self.paths, options, label=self.tr("Importing files"),
            on_done=self._finished, on_error=self._failed, on_progress=self._progress)

    def _csv_confirmed(self, options: ImportOptions) -> bool:
        """A spreadsheet that names none of these files is never applied silently: ask."""
        assert options.metadata_csv is not None
        try:
            matched, unmatched = csv_matches(options.metadata_csv, self.paths)
        except ValueError as exc:  # CsvError: the spreadsheet as a whole cannot be read
            self.summary.setText(str(exc))
            return False
        if matched:
            return True
        said = csv_matches_nothing(options.metadata_csv.name, len(unmatched), ui_lang(),
                                   stopped=False)
        answer = QMessageBox.question(
            self, self.tr("Metadata spreadsheet"),
            said + "\n\n" + self.tr("Import the files without the spreadsheet's metadata?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            options.csv_may_match_nothing = True
            return True
        self.summary.setText(said)
        return False

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        if name:
            self.summary.setText(self.tr("Importing %1...").replace("%1", name))

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.summary.setText(self.tr("Stopping after the current file..."))
        else:
            self.reject()

    def reject(self) -> None:
        if self.task is None:  # a running import is stopped with Cancel, not by closing
            super().reject()

    def _failed(self, message: str) -> None:
        self.task = None
        self._done_buttons()
        self.summary.setText(self.tr("The import stopped: %1").replace("%1", message))

    def _done_buttons(self) -> None:
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.import_button.hide()
        self.cancel_button.setDefault(True)

    def _finished(self, report: ImportReport) -> None:
        self.task = None
        self.report = report
        self._done_buttons()
        self.show_report(report)

    def outcome_text(self, status: str, reason: str, accession: str | None) -> tuple[str, str]:
        if status == "imported":
            return self.tr("Imported as %1").replace("%1", accession or ""), GREEN
        if status == "duplicate":
            return self.tr("Already in the archive as %1").replace("%1", accession or ""), GREY
        return self.tr("Not imported: %1").replace("%1", reason), RED

    def show_report(self, report: ImportReport) -> None:
        """Every file by name; files the import never reached say so (after Cancel)."""
        by_path = {o.path: o for o in report.outcomes}
        known = {r.path for r in self.rows}
        extra = [PreviewRow(o.path, "", "", None, "") for o in report.outcomes
                 if o.path not in known]
        if extra:
            self.rows = self.rows + extra
            self._fill_preview()
        for row, entry in enumerate(self.rows):
            outcome = by_path.get(entry.path)
            if outcome is None:
                self._set(row, STATUS, self.tr("Not imported (cancelled before this file)"), GREY)
                continue
            reason = ingest_messages.cause(outcome.code, outcome.reason, ui_lang())
            text, colour = self.outcome_text(outcome.status, reason, outcome.accession)
            if outcome.warnings:
                text += " — " + "; ".join(outcome.warnings)
            self._set(row, STATUS, text, colour)
        counts = {s: len(report.with_status(s)) for s in ("imported", "duplicate", "failed")}
        lines = [self.tr("%1 imported, %2 already in the archive, %3 not imported.")
                 .replace("%1", str(counts["imported"])).replace("%2", str(counts["duplicate"]))
                 .replace("%3", str(counts["failed"]))]
        if report.cancelled:
            lines.append(self.tr("The import was cancelled; the files imported so far are kept."))
        lines += report.problems
        self.summary.setText("\n".join(lines))
