"""The selected entry's texts and, for a testimony, which part of it is shown.

Texts save themselves shortly after typing stops (and at once when another
entry is chosen), through session.write, so a curator never has a Save
button to forget. Choosing a segment or quoting selected words re-places the
entry (memoria.operations.exhibits.retarget_entry) keeping its texts.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.model import Segment
from memoria.domain.timecode import clock
from memoria.exhibits.model import Entry, EntryKind
from memoria.operations import exhibits as exhibit_ops
from memoria.operations import items as item_ops
from memoria.ui.session import Session
from memoria.ui.undo import run_undoable

SAVE_DELAY_MS = 700
FIELDS = ("caption_es", "caption_en", "text_es", "text_en")


class EntryForm(QWidget):
    """Caption and curatorial text (es/en) of one entry, plus its segment choice."""

    retargeted = Signal(int)  # the new entry id after a segment / quotation choice

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.entry: Entry | None = None
        self._segments: list[Segment] = []
        self._pending: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.commit)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {
            "caption_es": QLineEdit(self), "caption_en": QLineEdit(self),
            "text_es": QPlainTextEdit(self), "text_en": QPlainTextEdit(self),
        }
        names = {"caption_es": self.tr("Caption (Spanish)"),
                 "caption_en": self.tr("Caption (English, optional)"),
                 "text_es": self.tr("Curatorial text (Spanish)"),
                 "text_en": self.tr("Curatorial text (English, optional)")}
        form = QFormLayout()
        for key, widget in self.fields.items():
            widget.setAccessibleName(names[key])
            if isinstance(widget, QPlainTextEdit):
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(widget.fontMetrics().lineSpacing() * 2 + 14)
                widget.textChanged.connect(partial(self._changed, key))
            else:
                widget.textEdited.connect(partial(self._changed, key))
            form.addRow(names[key], widget)

        self.transcript = QGroupBox(self.tr("Part of the testimony shown"), self)
        self.segment_list = QListWidget(self.transcript)
        self.segment_list.setAccessibleName(self.tr("Transcript segments"))
        self.segment_list.currentRowChanged.connect(self._segment_chosen)
        self.segment_text = QPlainTextEdit(self.transcript)
        self.segment_text.setReadOnly(True)
        self.segment_text.setAccessibleName(self.tr("Segment text: select words to quote"))
        self.segment_text.setFixedHeight(self.segment_text.fontMetrics().lineSpacing() * 4 + 12)
        self.whole_button = QPushButton(self.tr("Whole testimony"), self.transcript)
        self.segment_button = QPushButton(self.tr("Use this segment"), self.transcript)
        self.quote_button = QPushButton(self.tr("Quote selected words"), self.transcript)
        self.whole_button.clicked.connect(lambda: self.retarget(None))
        self.segment_button.clicked.connect(self.use_segment)
        self.quote_button.clicked.connect(self.quote_selection)
        buttons = QHBoxLayout()
        for button in (self.whole_button, self.segment_button, self.quote_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.transcript)
        box.addWidget(self.segment_list, 1)
        box.addWidget(self.segment_text)
        box.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.transcript, 1)
        self.load(None, "")

    # -- showing ------------------------------------------------------------------------
    def load(self, entry: Entry | None, label: str) -> None:
        """Show `entry`; the same entry reloaded keeps what is being typed."""
        same = entry is not None and self.entry is not None and entry.id == self.entry.id
        if not same:
            self.commit()
        self.entry = entry
        self.setEnabled(entry is not None)
        if entry is None:
            self.heading.setText(self.tr("Choose an entry to edit its texts."))
            for widget in self.fields.values():
                set_text_quietly(widget, "")
            self.transcript.hide()
            return
        kinds = {EntryKind.ITEM: self.tr("Whole item"), EntryKind.SEGMENT: self.tr("Segment"),
                 EntryKind.QUOTE: self.tr("Quotation")}
        heading = f"{kinds[entry.kind]} · {label}"
        if entry.kind is EntryKind.QUOTE:
            heading += f"\n“{entry.quote}”"
        self.heading.setText(heading)
        values = {"caption_es": entry.caption.es, "caption_en": entry.caption.en,
                  "text_es": entry.text.es, "text_en": entry.text.en}
        for key, widget in self.fields.items():
            if not (same and (key in self._pending or widget.hasFocus())):
                set_text_quietly(widget, values[key])
        self._segments = item_ops.segments_of(self.session.reader, entry.item_id)
        self.transcript.setVisible(bool(self._segments))
        blocker = self.segment_list.blockSignals(True)
        self.segment_list.clear()
        chosen = 0
        for n, seg in enumerate(self._segments):
            speaker = f"{seg.speaker}: " if seg.speaker else ""
            row = QListWidgetItem(f"[{clock(seg.start_ms)}] {speaker}{seg.text}")
            row.setToolTip(seg.text)
            self.segment_list.addItem(row)
            if seg.id == entry.segment_id:
                chosen = n
        self.segment_list.blockSignals(blocker)
        if self._segments:
            self.segment_list.setCurrentRow(chosen)
            self._segment_chosen(chosen)
        self.whole_button.setEnabled(entry.kind is not EntryKind.ITEM)

    def _segment_chosen(self, row: int) -> None:
        seg = self._segments[row] if 0 <= row < len(self._segments) else None
        self.segment_text.setPlainText(seg.text if seg else "")

    # -- saving -------------------------------------------------------------------------
    def _changed(self, key: str, *_args: object) -> None:
        if self.entry is None:
            return
        widget = self.fields[key]
        text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        if text != _stored(self.entry, key):
            self._pending[key] = text
            self._timer.start()

    def commit(self) -> None:
        """Write pending text changes now (typing paused, or another entry chosen)."""
        self._timer.stop()
        if self.entry is None or not self._pending:
            self._pending.clear()
            return
        changes, self._pending = dict(self._pending), {}
        run_undoable(self.session, partial(exhibit_ops.update_entry, **changes), self.entry.id,
                     label=self.tr("Saving the entry's texts"))

    def current_segment(self) -> Segment | None:
        row = self.segment_list.currentRow()
        return self._segments[row] if 0 <= row < len(self._segments) else None

    def use_segment(self) -> None:
        seg = self.current_segment()
        if seg is not None:
            self.retarget(seg.id)

    def quote_selection(self) -> None:
        seg = self.current_segment()
        words = self.segment_text.textCursor().selectedText().replace("\u2029", " ").strip()
        if seg is not None and words:
            self.retarget(seg.id, words)

    def retarget(self, segment_id: int | None, quote: str = "") -> None:
        if self.entry is None:
            return
        self.commit()
        run_undoable(self.session, exhibit_ops.retarget_entry, self.entry.id, segment_id, quote,
                     label=self.tr("Changing the part shown"), on_done=self.retargeted.emit)


def _stored(entry: Entry, key: str) -> str:
    texts = entry.caption if key.startswith("caption") else entry.text
    return texts.en if key.endswith("_en") else texts.es


def set_text_quietly(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Show stored text without emitting edits (which would be saved back)."""
    blocker = widget.blockSignals(True)
    if isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != text:
            widget.setPlainText(text)
    elif widget.text() != text:
        widget.setText(text)
    widget.blockSignals(blocker)
