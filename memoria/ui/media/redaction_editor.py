"""Hide words of a transcript from everyone outside the archive, without deleting them.

A custodian or curator selects words in one segment and redacts them
(`operations.media.add_redaction`, on the writer thread). The stored text is
never changed: spans are character offsets into it, struck through on the
custodian's screen and replaced by a marker everywhere else.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from memoria.operations import media as media_ops
from memoria.ui.media.transcript_sync import Line
from memoria.ui.session import Session


def python_offset(text: str, utf16_offset: int) -> int:
    """Qt counts UTF-16 units, the archive counts characters: convert one to the other."""
    return len(text.encode("utf-16-le")[: 2 * utf16_offset].decode("utf-16-le", "ignore"))


def utf16_offset(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


class RedactionEditor(QWidget):
    """One segment's stored text, its redactions marked, and "Redact selection"."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item_id: int | None = None
        self.line: Line | None = None
        self.readable = True
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Segment text for redaction"))
        self.text.setMaximumHeight(90)
        self.hint = QLabel(self.tr("Select words in the segment, then redact them."), self)
        self.hint.setWordWrap(True)
        self.redact_button = QPushButton(self.tr("Redact selection"), self)
        self.redact_button.setToolTip(self.tr(
            "Replace the selected words with a marker everywhere outside the archive; "
            "the stored transcript is not changed"))
        self.redact_button.setEnabled(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hint, 1)
        row.addWidget(self.redact_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.text.selectionChanged.connect(self._selection_changed)
        self.redact_button.clicked.connect(self.redact_selection)
        self.set_line(None)

    def set_line(self, line: Line | None, item_id: int | None = None,
                 readable: bool = True) -> None:
        """`readable` False (curators) masks existing spans instead of striking them."""
        self.line, self.item_id, self.readable = line, item_id, readable
        self.text.setPlainText(line.text if line else "")
        self.setEnabled(line is not None)
        marks = []
        for start, end in (line.spans if line else ()):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(utf16_offset(line.text, start))  # type: ignore[union-attr]
            cursor.setPosition(utf16_offset(line.text, end),  # type: ignore[union-attr]
                               QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            if readable:
                fmt.setFontStrikeOut(True)
                fmt.setBackground(QColor("#f6d5d5"))
                fmt.setForeground(QColor("#000000"))  # readable on pink in a dark theme
            else:
                fmt.setBackground(QColor("#222222"))
                fmt.setForeground(QColor("#222222"))
            selection.cursor, selection.format = cursor, fmt
            marks.append(selection)
        self.text.setExtraSelections(marks)
        self._selection_changed()

    def selection(self) -> tuple[int, int] | None:
        """The selected range in stored-text character offsets, or None."""
        cursor = self.text.textCursor()
        if self.line is None or not cursor.hasSelection():
            return None
        start = python_offset(self.line.text, cursor.selectionStart())
        end = python_offset(self.line.text, cursor.selectionEnd())
        return (start, end) if end > start else None

    def select(self, start: int, end: int) -> None:
        """Select characters [start, end) of the stored text (keyboard users, tests)."""
        if self.line is None:
            return
        cursor = self.text.textCursor()
        cursor.setPosition(utf16_offset(self.line.text, start))
        cursor.setPosition(utf16_offset(self.line.text, end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def _selection_changed(self) -> None:
        self.redact_button.setEnabled(self.selection() is not None)

    def redact_selection(self) -> None:
        chosen = self.selection()
        if self.line is None or chosen is None:
            return
        self.redact_button.setEnabled(False)
        self.session.run(media_ops.add_redaction, self.line.segment_id, chosen[0], chosen[1],
                         label=self.tr("Redacting words"))
