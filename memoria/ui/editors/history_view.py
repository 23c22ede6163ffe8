"""An item's audit trail, in words: who changed what, and when.

The audit log stores JSON details for programs; an archivist needs "Title:
'A' → 'B'". The summary is built here so the log format can stay stable.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from memoria.domain.model import AuditEntry
from memoria.operations.items import item_history
from memoria.ui.session import Session

_HIDDEN_KEYS = {"kind"}


def _short(value: object, limit: int = 60) -> str:
    if isinstance(value, list):
        text = ", ".join(str(v) for v in value)
    elif value is None or value == "":
        text = "—"
    else:
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class HistoryView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("History of the item"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Details")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def load(self, item_id: int | None) -> None:
        entries = item_history(self.session.reader, item_id) if item_id is not None else []
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [self.when(entry.at), entry.actor, self.action_text(entry), self.summary(entry)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()

    @staticmethod
    def when(at: str) -> str:
        stamp = QDateTime.fromString(at.replace("Z", "+00:00"), Qt.DateFormat.ISODateWithMs)
        if not stamp.isValid():
            stamp = QDateTime.fromString(at, Qt.DateFormat.ISODate)
        if not stamp.isValid():
            return at
        # The locale's short format, with four-digit years ("6/12/2026 11:42 a. m."):
        # two-digit years are ambiguous in an archive that spans decades.
        locale = QLocale()
        pattern = locale.dateTimeFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in pattern:
            pattern = pattern.replace("yy", "yyyy")
        return locale.toString(stamp.toLocalTime(), pattern)

    def action_text(self, entry: AuditEntry) -> str:
        known = {
            ("item", "create"): self.tr("Created"),
            ("item", "update"): self.tr("Edited"),
            ("media", "attach"): self.tr("File added"),
            ("transcript", "save"): self.tr("Transcript saved"),
            ("consent", "record"): self.tr("Consent recorded"),
            ("consent", "status"): self.tr("Consent status changed"),
            ("consent", "supersede"): self.tr("Consent superseded"),
            ("consent", "embargo_reviewed"): self.tr("Embargo reviewed"),
        }
        text = known.get((entry.entity_type, entry.action), f"{entry.entity_type}: {entry.action}")
        if "undo_of" in entry.details:  # Edit > Undo (memoria/operations/undo.py)
            return self.tr("%1 (undo)").replace("%1", text)
        if "redo_of" in entry.details:
            return self.tr("%1 (redo)").replace("%1", text)
        return text

    def summary(self, entry: AuditEntry) -> str:
        d = entry.details
        if entry.entity_type == "item" and entry.action == "create":
            return self.tr("Accession %1, title '%2'").replace(
                "%1", str(d.get("accession", ""))).replace("%2", _short(d.get("title")))
        if entry.entity_type == "item" and entry.action == "update":
            fields = {  # the stored field names, as the editor labels them
                "title": self.tr("Title"), "description": self.tr("Description"),
                "date_edtf": self.tr("Date"), "notes": self.tr("Notes"),
                "languages": self.tr("Languages"), "place_ids": self.tr("Places"),
                "people": self.tr("People"), "subjects": self.tr("Subjects"),
            }
            parts = [
                f"{fields.get(key, key)}: {_short(change.get('before'))} → "
                f"{_short(change.get('after'))}"
                for key, change in d.items()
                if key not in _HIDDEN_KEYS and isinstance(change, dict)
            ]
            return "; ".join(parts)
        if entry.entity_type == "media":
            return str(d.get("name", ""))
        if entry.entity_type == "transcript":
            return self.tr("%1 segments, %2 removed").replace(
                "%1", str(d.get("segments", 0))).replace("%2", str(d.get("removed", 0)))
        if entry.entity_type == "consent":
            text = self.tr("Record %1: %2").replace("%1", str(entry.entity_id)).replace(
                "%2", str(d.get("status", "")))
            if d.get("reason"):
                text += " — " + str(d["reason"])
            return text
        return "; ".join(f"{k}: {_short(v)}" for k, v in d.items())
