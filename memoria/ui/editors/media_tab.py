"""An item's files: what they are, and adding more by button or drag and drop.

Files are copied in by the writer thread (stage, record the blob, attach) so
a large WAV never freezes the window, and a failure leaves no stray original.
"""

from __future__ import annotations

import dataclasses
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

from memoria.media.detect import UNKNOWN, detect_format
from memoria.storage import items as item_store
from memoria.storage import media_store
from memoria.storage.archive import Archive
from memoria.storage.db import transaction
from memoria.ui.session import Session


def _technical(path: Path, family: str) -> dict:
    """Best-effort technical metadata; a file that cannot be probed is still kept."""
    try:
        if family == "image":
            from memoria.media.images import probe_image

            info = probe_image(path, decode=False)
        elif family == "audio":
            from memoria.media.audio import probe_audio

            info = probe_audio(path, strict=False)
        else:
            return {}
        data = dataclasses.asdict(info)
        return {k: v for k, v in data.items() if isinstance(v, (str, int, float, bool))}
    except Exception:  # noqa: BLE001 - metadata is a nicety, the file is what matters
        return {}


def add_files(archive: Archive, item_id: int, paths: list[Path]) -> list[str]:
    """Writer-thread job: store and attach each file; returns per-file problems."""
    problems: list[str] = []
    for path in paths:
        try:
            fmt = detect_format(path)
        except Exception as exc:  # noqa: BLE001 - reported by name, the rest go on
            problems.append(f"{path.name}: {exc}")
            continue
        if fmt is UNKNOWN:
            problems.append(f"{path.name}: not a format Memoria knows")
            continue
        try:
            staged = media_store.stage(archive, path, fmt.extension)
        except media_store.IngestError as exc:
            problems.append(f"{path.name}: {exc}")
            continue
        try:
            with transaction(archive.conn):
                item_store.record_blob(archive, staged.sha256, staged.size, staged.relpath,
                                       fmt.mime, fmt.format, _technical(path, fmt.family))
                item_store.attach_media(archive, item_id, staged.sha256, path.name)
        except BaseException:
            media_store.discard(archive, staged)
            raise
        media_store.settle(archive, staged)
    return problems


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
        files = item_store.media_of(self.session.reader, item_id) if item_id is not None else []
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
        self.session.write(add_files, item_id, paths, label=self.tr("Adding files"),
                           changed={item_id}, on_done=self._added, on_error=self._failed)

    def _added(self, problems: list[str]) -> None:
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
