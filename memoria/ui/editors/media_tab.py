"""An item's files: what they are, and adding more by button or drag and drop.

Files are added by the writer thread through the import's own path (decoded
in the limited worker, staged, recorded in one transaction), so a large WAV
never freezes the window, a hostile file cannot crash it, and a refused file
leaves no stray original.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memoria.operations import items as item_ops
from memoria.operations import media as media_ops
from memoria.operations.media import ImportReport
from memoria.ui.labels import ui_lang
from memoria.ui.session import Session


class MediaTab(QWidget):
    filesAdded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item_id: int | None = None
        self.setAcceptDrops(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName(self.tr("Files of the item"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Format"), self.tr("Size"), self.tr("SHA-256"),
            self.tr("Technical metadata")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.add_button = QPushButton(self.tr("Add &files..."), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.choose_files)

    def load(self, item_id: int | None) -> None:
        self.item_id = item_id
        self.add_button.setEnabled(item_id is not None and self.session.archive.writable)
        if item_id is None:
            self.message.setText(self.tr("Save the item first, then add its files."))
        files = item_ops.media_of(self.session.reader, item_id) if item_id is not None else []
        self.table.setRowCount(len(files))
        locale = QLocale()
        for row, media in enumerate(files):
            technical = ", ".join(f"{k}: {v}" for k, v in sorted(media.technical.items()))
            cells = [media.original_name, media.format, locale.formattedDataSize(media.size),
                     media.sha256, technical]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files to the item"))
        if names:
            self.add_paths([Path(n) for n in names])

    def add_paths(self, paths: list[Path]) -> None:
        if self.item_id is None or not paths:
            return
        item_id = self.item_id
        self.message.setText(self.tr("Adding %n file(s)...", "", len(paths)))
        self.session.run(media_ops.add_files, item_id, paths, label=self.tr("Adding files"),
                         on_done=self._added, on_error=self._failed)

    def _added(self, report: ImportReport) -> None:
        problems = [o.sentence(ui_lang()) for o in report.with_status("failed")]
        self.message.setText("\n".join(problems) if problems else self.tr("Files added."))
        self.load(self.item_id)
        self.filesAdded.emit()

    def _failed(self, message: str) -> None:
        self.message.setText(self.tr("The files could not be added: %1").replace("%1", message))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.item_id is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_paths([p for p in paths if p.is_file()])
        event.acceptProposedAction()
