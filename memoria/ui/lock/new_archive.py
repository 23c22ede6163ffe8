"""A new archive from the window: encrypted by default, with its first custodian,
then the recovery key shown once (to print or save as PDF and keep apart).
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from memoria.ui.lock.passphrase_form import PassphraseForm
from memoria.ui.lock.unlock_dialog import check_off_thread, error_style, sentence


def _create(path: Path, encrypt: bool, account: str, passphrase: str, kdf: Any) -> tuple:
    """On a worker thread: the archive, its keys and (encrypted) its recovery key."""
    from memoria.operations.archive import Archive

    if encrypt:
        archive = Archive.create(path, encrypt=True, account=account, passphrase=passphrase,
                                 kdf=kdf)
    else:
        archive = Archive.create(path)
    keys = getattr(archive, "account", None) or getattr(archive, "keys", None)
    recovery = getattr(archive, "recovery_key", None)
    archive.close()
    return keys, recovery


class NewArchiveDialog(QDialog):
    """Emits `created(path, keys)` once the archive exists (keys None: no accounts)."""

    created = Signal(object, object)

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None,
                 kdf: Any = None) -> None:
        super().__init__(parent)
        self.kdf = kdf
        self._pending = None
        self.setWindowTitle(self.tr("New Memoria archive"))
        self.setObjectName("newArchiveDialog")
        self.folder = QLineEdit(str(folder) if folder else "", self)
        self.folder.setAccessibleName(self.tr("Folder of the new archive"))
        choose = QPushButton(self.tr("C&hoose..."), self)
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("&Folder:"), self))
        folder_row.itemAt(0).widget().setBuddy(self.folder)  # type: ignore[union-attr]
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)

        self.encrypt = QCheckBox(self.tr("&Encrypt the archive (recommended)"), self)
        self.encrypt.setChecked(True)
        self.encrypt.toggled.connect(self._encrypt_toggled)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.first = PassphraseForm(self, role=False)
        self.first_title = QLabel(self.tr("<b>The first custodian</b>"), self)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style())
        self.error.hide()
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addWidget(self.encrypt)
        layout.addWidget(self.explain)
        layout.addWidget(self.first_title)
        layout.addWidget(self.first)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._encrypt_toggled(True)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("New archive folder"),
                                                  self.folder.text() or str(Path.home()))
        if chosen:
            self.folder.setText(chosen)

    def _encrypt_toggled(self, on: bool) -> None:
        self.first.setVisible(on)
        self.first_title.setVisible(on)
        if on:
            self.explain.setText(self.tr(
                "The catalogue, the files and the search index are unreadable without a "
                "passphrase. You will get a recovery key to print and keep apart."))
        else:
            self.explain.setText(self.tr(
                "Without encryption, anyone with this laptop, the folder or a copy reads "
                "everything. Choose it only if the disk itself is encrypted."))

    def submit(self) -> None:
        if self._pending is not None:
            return
        text = self.folder.text().strip()
        if not text:
            self._say(self.tr("Choose a folder for the new archive."))
            return
        encrypt = self.encrypt.isChecked()
        if encrypt:
            problem = self.first.problem()
            if problem:
                self._say(problem)
                return
        kdf = self.kdf
        if encrypt and kdf is None:
            from memoria.crypto.keys import KdfCost

            kdf = KdfCost.DEFAULT
        account = self.first.account.text().strip()
        passphrase = self.first.first.text()
        self.first.clear()
        self.error.hide()
        self.busy.show()
        for widget in (self.create_button, self.encrypt, self.first, self.folder):
            widget.setEnabled(False)
        self.path = Path(text).expanduser()
        self._pending = check_off_thread(self._answered, _create, self.path, encrypt, account,
                                         passphrase, kdf)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()

    def _answered(self, result: Any, error: Any) -> None:
        self._pending = None
        self.busy.hide()
        for widget in (self.create_button, self.encrypt, self.first, self.folder):
            widget.setEnabled(True)
        if error is not None:
            self._say(sentence(error))
            return
        keys, recovery = result
        self.keys = keys
        if recovery:
            self.recovery_dialog = RecoveryKeyDialog(recovery, self.path.name, self)
            self.recovery_dialog.finished.connect(lambda _r: self._done())
            self.recovery_dialog.open()
        else:
            self._done()

    def _done(self) -> None:
        self.created.emit(self.path, self.keys)
        self.accept()


class RecoveryKeyDialog(QDialog):
    """The recovery key, once: print it or save it as PDF, and keep it apart."""

    def __init__(self, key: str, archive_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.archive_name = archive_name
        self.setWindowTitle(self.tr("Recovery key"))
        self.setObjectName("recoveryKeyDialog")
        heading = QLabel(self.tr("<b>The recovery key of “{name}”</b>").format(
            name=escape(archive_name)), self)
        self.key_label = QLabel(key, self)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(13)
        self.key_label.setFont(font)
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        advice = QLabel(self.tr(
            "It opens the archive when every passphrase is lost, and whoever has it and the "
            "folder can read everything. It is shown only this once: print it or write it "
            "down, and keep the sheet apart from this laptop (in the museum's safe, never in "
            "the laptop's bag). A PDF saved on this laptop defeats the purpose."), self)
        advice.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print..."), self)
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button = QPushButton(self.tr("Save as P&DF..."), self)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.kept = QCheckBox(self.tr("I have kept the recovery key apart from this laptop"),
                              self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.done_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.done_button.setText(self.tr("Done"))
        self.done_button.setEnabled(False)
        self.kept.toggled.connect(self.done_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.key_label)
        layout.addWidget(advice)
        layout.addLayout(row)
        layout.addWidget(self.kept)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def reject(self) -> None:
        if self.kept.isChecked():
            super().reject()  # Esc only once the key is kept

    def sheet(self) -> QTextDocument:
        doc = QTextDocument(self)
        today = date.today().isoformat()
        doc.setHtml(
            "<h1>" + escape(self.tr("Memoria — recovery key")) + "</h1>"
            + "<p>" + escape(self.tr("Archive: {name} · created {date}").format(
                name=self.archive_name, date=today)) + "</p>"
            + f"<p style='font-family: monospace; font-size: 16pt'>{escape(self.key)}</p>"
            + "<p>" + escape(self.tr(
                "This key opens the archive when every passphrase is lost. Whoever has it "
                "and a copy of the archive can read everything. Keep this sheet locked away, "
                "apart from the laptop and from the backup drives.")) + "</p>")
        return doc

    def print_sheet(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.sheet().print_(printer)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        from PySide6.QtPrintSupport import QPrinter

        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the recovery key as PDF"),
                str(Path.home() / "memoria-recovery-key.pdf"), "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        self.sheet().print_(printer)
        return path
