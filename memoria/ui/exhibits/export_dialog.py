"""Export an exhibit to a folder: destination, scope, kiosk mode.

The export runs on the writer thread (it audits what went out), reports
progress entry by entry and stops before touching the destination when the
curator cancels. At the end the dialog lists every entry left out and why
(rule 8: nothing is dropped silently) and offers to open the folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.model import Scope
from memoria.exhibits.model import EXHIBIT_SCOPES
from memoria.operations import exhibits as exhibit_ops
from memoria.ui.i18n import current_language
from memoria.ui.labels import scope_label
from memoria.ui.session import Session
from memoria.ui.tasks import Task
from memoria.ui.widgets.fit import fit_to_screen


@dataclass(frozen=True)
class ExportSummary:
    dest: Path
    exported: int
    left_out: list[tuple[str, str]]  # accession, reason


def summarise(result: Any, dest: Path, lang: str) -> ExportSummary:
    """Plain data for the dialog from the export's result."""
    return ExportSummary(dest, len(result.exported),
                         [(c.accession, c.explain(lang)) for c in result.left_out])


class ExportDialog(QDialog):
    def __init__(self, session: Session, exhibit_id: int, scope: Scope,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.exhibit_id = exhibit_id
        self.task: Task | None = None
        self.summary: ExportSummary | None = None
        self.setWindowTitle(self.tr("Export exhibit"))
        self.dest = QLineEdit(self)
        self.dest.setAccessibleName(self.tr("Destination folder"))
        browse = QPushButton(self.tr("Choose..."), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.dest, 1)
        where.addWidget(browse)
        self.scope = QComboBox(self)
        for value in EXHIBIT_SCOPES:
            self.scope.addItem(scope_label(value), value)
        self.scope.setCurrentIndex(EXHIBIT_SCOPES.index(scope))
        self.kiosk = QCheckBox(self.tr("Kiosk mode (return to the cover when idle)"), self)
        self.idle = QSpinBox(self)
        self.idle.setRange(1, 60)
        self.idle.setValue(3)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setEnabled(False)
        self.kiosk.toggled.connect(self.idle.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("Destination folder:"), where)
        form.addRow(self.tr("Consent scope:"), self.scope)
        form.addRow("", self.kiosk)
        form.addRow(self.tr("Idle time:"), self.idle)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.report = QTextBrowser(self)
        self.report.setAccessibleName(self.tr("Export report"))
        self.report.setOpenLinks(False)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("Open folder"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.hide()
        self.cancel_button.setEnabled(False)
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_folder)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 560, 420)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"),
                                                  self.dest.text())
        if folder:
            self.dest.setText(folder)

    def start(self) -> None:
        text = self.dest.text().strip()
        if not text:
            self.report.setPlainText(self.tr("Choose a destination folder first."))
            return
        self.summary = None
        self.open_button.hide()
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.report.setPlainText(self.tr("Exporting…"))
        dest, lang = Path(text), current_language()
        self.task = self.session.run(
            partial(exhibit_ops.export, scope=Scope(self.scope.currentData()),
                    kiosk=self.kiosk.isChecked(), idle_minutes=self.idle.value()),
            self.exhibit_id, dest, label=self.tr("Exporting the exhibit"),
            on_done=lambda result: self._done(summarise(result, dest, lang)),
            on_error=self._failed, on_progress=self._progress)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"%p% · {label}")

    def _finish(self) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)

    def _failed(self, message: str) -> None:
        self._finish()
        self.progress.setValue(0)
        if "cancelled" in message.lower():
            message = self.tr("Export cancelled: the destination folder was not changed.")
        self.report.setPlainText(message)

    def _done(self, summary: ExportSummary) -> None:
        self._finish()
        self.progress.setValue(1)
        self.summary = summary
        self.report.setHtml(self.report_html(summary))
        self.open_button.show()

    def report_html(self, summary: ExportSummary) -> str:
        """The result in words: how many went out, and each entry left out with why."""
        done = self.tr("{n} entries exported to {dest}.").format(n=summary.exported,
                                                                 dest=summary.dest)
        parts = [f"<p>{escape(done)}</p>"]
        if summary.left_out:
            heading = self.tr("{n} entries were left out, and why:").format(
                n=len(summary.left_out))
            parts.append(f"<p><b>{escape(heading)}</b></p><ul>")
            parts.extend(f"<li>{escape(accession)}: {escape(reason)}</li>"
                         for accession, reason in summary.left_out)
            parts.append("</ul>")
        else:
            none_left = self.tr("No entry was left out.")
            parts.append(f"<p>{escape(none_left)}</p>")
        return "".join(parts)

    def open_folder(self) -> None:
        if self.summary is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.summary.dest)))
