"""A testimony's transcript as time-coded segments, edited in place.

Each row remembers the id of the segment it was loaded from: the core keeps
those ids on save, and consent records that name a segment keep applying to
the same words even after rows are moved or edited.

Rows from speech recognition are "automatic" (italic, with the engine's
confidence) until a person confirms or edits them: the correction loop is
"Next unchecked" (selects it and asks the player to play it), listen, fix the
text or "Confirm". Saving unchanged automatic rows keeps them automatic.
Words the engine was unsure of (its word probability below ``LOW``) are
underlined on a yellow ground until the row is checked; a legend says so.
"Same/other speaker" (Ctrl+K) gives a row the previous row's speaker, or,
pressed again, the speaker before that one.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.model import Segment, SegmentDraft
from memoria.ui.actions import ActionId, ActionRegistry
from memoria.ui.context_menus import TRANSCRIPT_SEGMENT
from memoria.ui.labels import format_ms, parse_ms

START, END, SPEAKER, TEXT, TITLE, KEYWORDS = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole
AUTO_ROLE = Qt.ItemDataRole.UserRole + 1  # an unchecked automatic row: what it was loaded as
MARKS_ROLE = Qt.ItemDataRole.UserRole + 2  # on the text cell: (first, end, probability) words
LOW = 0.5  # a word the engine gave less than this probability is marked
MARK_STYLE = "background-color:#ffe08a; color:#000000; text-decoration:underline;"


def marked_html(text: str, words: list | tuple) -> str:
    """The text with its low-probability words marked (HTML, the rest escaped)."""
    out, at = [], 0
    for first, end, probability in sorted(words):
        if probability >= LOW or first < at or end > len(text):
            continue
        out.append(html.escape(text[at:first]))
        out.append(f'<span style="{MARK_STYLE}">{html.escape(text[first:end])}</span>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


class MarkedTextDelegate(QStyledItemDelegate):
    """Paints a text cell with its unsure words marked; edits it as plain text."""

    def _html(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        words = index.data(MARKS_ROLE)
        if not words or not any(p < LOW for _a, _b, p in words):
            return None
        return marked_html(str(index.data() or ""), words)

    def _document(self, option: QStyleOptionViewItem, body: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml(f"<i>{body}</i>")
        doc.setTextWidth(max(10, option.rect.width() - 6))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        body = self._html(index)
        if body is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, body)
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(context.palette.ColorRole.Text,
                                     opt.palette.highlightedText().color())
        painter.save()
        top = max(0.0, (opt.rect.height() - doc.size().height()) / 2)
        painter.translate(opt.rect.left() + 3, opt.rect.top() + top)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        body = self._html(index)
        if body is None:
            return super().sizeHint(option, index)
        doc = self._document(option, body)
        return QSize(int(doc.idealWidth()) + 6, int(doc.size().height()) + 6)


class TranscriptTable(QWidget):
    changed = Signal()
    play_requested = Signal(int)  # ms: play the segment being checked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 6, self)
        self.table.setAccessibleName(self.tr("Transcript segments"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Start"), self.tr("End"), self.tr("Speaker"), self.tr("Text"),
            self.tr("Title"), self.tr("Keywords"),
        ])
        self.table.horizontalHeader().setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setItemDelegateForColumn(TEXT, MarkedTextDelegate(self.table))
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add segment"), self)
        self.remove_button = QPushButton(self.tr("&Remove segment"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move &down"), self)
        self.next_button = QPushButton(self.tr("&Next unchecked"), self)
        self.next_button.setToolTip(self.tr(
            "Select the next automatic segment nobody has checked, and play it (Ctrl+J)"))
        self.confirm_button = QPushButton(self.tr("&Confirm"), self)
        self.confirm_button.setToolTip(self.tr(
            "The selected automatic segment is right as it is (Ctrl+Enter); editing its "
            "text also makes it yours"))
        self.speaker_button = QPushButton(self.tr("Same/other &speaker"), self)
        self.speaker_button.setToolTip(self.tr(
            "The selected segment's speaker: the same as the segment before; pressed again, "
            "the other speaker (Ctrl+K)"))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button,
                       self.next_button, self.confirm_button, self.speaker_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setText(
            "<i>" + html.escape(self.tr("Italics: automatic, not checked yet.")) + "</i> "
            + f'<span style="{MARK_STYLE}">' + html.escape(self.tr("Marked words")) + "</span>"
            + html.escape(self.tr(": the engine was unsure of them (below %1%); listen to "
                                  "them before confirming.").replace("%1", str(round(LOW * 100)))))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.legend)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_segment())
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.next_button.clicked.connect(self.next_unchecked)
        self.confirm_button.clicked.connect(self.confirm_current)
        QShortcut(QKeySequence("Ctrl+J"), self, self.next_unchecked)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.confirm_current)
        self.speaker_button.clicked.connect(self.toggle_speaker)
        QShortcut(QKeySequence("Ctrl+K"), self, self.toggle_speaker)
        self.table.itemChanged.connect(self._maybe_edited)
        self._build_actions()
        self.unchecked_changed()

    # -- the segment's context menu -----------------------------------------------------
    def _build_actions(self) -> None:
        """The table's own actions (one registry per editor: several can be open)."""
        self.reference = ""  # the item's accession, for time-coded references
        self.menu_actions = ActionRegistry(self)
        add = self.menu_actions.add
        add(ActionId.PLAY_FROM_HERE, self.tr("&Play from here"), self.play_current)
        add(ActionId.EDIT_SEGMENT, self.tr("&Edit the text"), self.edit_current)
        add(ActionId.SAME_SPEAKER, self.tr("Same/other &speaker") + "\tCtrl+K",
            self.toggle_speaker)
        add(ActionId.MARK_CHECKED, self.tr("&Mark as checked") + "\tCtrl+Enter",
            self.confirm_current)
        add(ActionId.COPY_TIME_REFERENCE, self.tr("Copy &time-coded reference"),
            self.copy_time_reference)
        self.last_menu: QMenu | None = None
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if index.row() != self.table.currentRow():
            self.table.setCurrentCell(index.row(), index.column())
        row = index.row()
        self.menu_actions[ActionId.SAME_SPEAKER].setEnabled(row > 0)
        self.menu_actions[ActionId.MARK_CHECKED].setEnabled(self._auto(row) is not None)
        menu = self.menu_actions.menu(TRANSCRIPT_SEGMENT, self.table)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self.last_menu = menu

    def _start_ms(self, row: int) -> int | None:
        try:
            return parse_ms(self._row_values(row)[0][START]) if row >= 0 else None
        except ValueError:
            return None

    def play_current(self) -> None:
        ms = self._start_ms(self.table.currentRow())
        if ms is not None:
            self.play_requested.emit(ms)

    def edit_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        cell = self.table.item(row, TEXT)
        if cell is None:
            cell = QTableWidgetItem("")
            self.table.setItem(row, TEXT, cell)
        self.table.setCurrentCell(row, TEXT)
        self.table.editItem(cell)

    def copy_time_reference(self) -> str:
        """"T-2026-0003 @ 0:12:05": the item and the moment, on the clipboard."""
        ms = self._start_ms(self.table.currentRow())
        if ms is None:
            return ""
        text = f"{self.reference} @ {format_ms(ms)}" if self.reference else format_ms(ms)
        QGuiApplication.clipboard().setText(text)
        return text

    # -- rows ------------------------------------------------------------------
    def _put_row(self, row: int, values: list[str], segment_id: int | None,
                 auto: dict | None = None) -> None:
        self.table.blockSignals(True)
        for column, value in enumerate(values):
            cell = QTableWidgetItem(value)
            if column in (START, END):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, cell)
        self.table.item(row, START).setData(ID_ROLE, segment_id)
        self.table.item(row, START).setData(AUTO_ROLE, auto)
        self._style(row)
        self.table.blockSignals(False)

    def _auto(self, row: int) -> dict | None:
        first = self.table.item(row, START)
        return first.data(AUTO_ROLE) if first else None

    def _style(self, row: int) -> None:
        auto = self._auto(row)
        unchecked = auto is not None and self._still_automatic(row)
        blocked = self.table.signalsBlocked()
        self.table.blockSignals(True)
        for column in range(6):
            cell = self.table.item(row, column)
            if cell is None:
                continue
            font = QFont(cell.font())
            font.setItalic(unchecked)
            cell.setFont(font)
            if column == TEXT:
                cell.setData(MARKS_ROLE, (auto or {}).get("words") if unchecked else None)
                cell.setToolTip(self.tr("Automatic transcription, not checked yet "
                                        "(confidence %1%)").replace(
                    "%1", str(round(100 * (auto.get("confidence") or 0))))
                    if unchecked and auto is not None else "")
        self.table.blockSignals(blocked)

    def _maybe_edited(self, item: QTableWidgetItem) -> None:
        """An edited automatic row is the person's: shown as such at once."""
        self._style(item.row())
        self.unchecked_changed()

    def unchecked_changed(self) -> None:
        unchecked = self.unchecked_count()
        self.next_button.setEnabled(unchecked > 0)
        self.legend.setVisible(unchecked > 0)

    def marked_words(self, row: int) -> list[str]:
        """The words marked as unsure in a row (empty once the row is checked)."""
        cell = self.table.item(row, TEXT)
        words = cell.data(MARKS_ROLE) if cell else None
        return [cell.text()[a:b] for a, b, p in (words or ()) if p < LOW]

    def toggle_speaker(self) -> None:
        """Same speaker as the segment before; pressed again, the other speaker (the one
        who spoke before that), so an interview is marked with one key per turn."""
        row = self.table.currentRow()
        if row <= 0:
            return
        speakers = [self._row_values(r)[0][SPEAKER].strip() for r in range(row + 1)]
        previous = next((sp for sp in reversed(speakers[:row]) if sp), "")
        if not previous:
            return
        other = next((sp for sp in reversed(speakers[:row]) if sp and sp != previous), "")
        current = speakers[row]
        value = previous if current != previous else other
        cell = self.table.item(row, SPEAKER)
        if cell is None:
            cell = QTableWidgetItem("")
            self.table.setItem(row, SPEAKER, cell)
        cell.setText(value)
        if not value:  # nobody else spoke yet: type the other speaker's name
            self.table.setCurrentCell(row, SPEAKER)
            self.table.editItem(cell)

    def unchecked_count(self) -> int:
        return sum(1 for r in range(self.table.rowCount()) if self._still_automatic(r))

    def _still_automatic(self, row: int) -> bool:
        """Automatic and untouched: start, end and text as the engine wrote them."""
        auto = self._auto(row)
        if auto is None:
            return False
        values, _ = self._row_values(row)
        return (values[START], values[END], values[TEXT]) == (auto["start"], auto["end"],
                                                             auto["text"])

    def next_unchecked(self) -> int:
        """Select the next unchecked automatic row after the current one and ask to play it;
        -1 when none is left."""
        rows = self.table.rowCount()
        here = self.table.currentRow()
        for step in range(1, rows + 1):
            row = (here + step) % rows if here >= 0 else step - 1
            if self._still_automatic(row):
                self.table.setCurrentCell(row, TEXT)
                self.play_requested.emit(int(self._auto(row)["start_ms"]))
                return row
        return -1

    def confirm_current(self) -> None:
        """A person checked the selected automatic row: it is theirs now (saved with the
        item), and the loop moves on to the next unchecked one."""
        row = self.table.currentRow()
        if row < 0 or self._auto(row) is None:
            return
        self.table.item(row, START).setData(AUTO_ROLE, None)
        self._style(row)
        self.changed.emit()
        self.unchecked_changed()
        self.next_unchecked()

    def _row_values(self, row: int) -> tuple[list[str], int | None]:
        values = [(self.table.item(row, c).text() if self.table.item(row, c) else "")
                  for c in range(6)]
        first = self.table.item(row, START)
        return values, (first.data(ID_ROLE) if first else None)

    def add_segment(self, start: str = "", end: str = "", speaker: str = "", text: str = "",
                    title: str = "", keywords: str = "") -> int:
        """Insert after the current row; a new segment starts where the last one ended."""
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        if not start and row > 0:
            previous, _ = self._row_values(row - 1)
            start = previous[END] or previous[START]
        self.table.insertRow(row)
        self._put_row(row, [start or "0:00:00", end, speaker, text, title, keywords], None)
        self.table.setCurrentCell(row, TEXT)
        self.changed.emit()
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        here, here_id = self._row_values(row)
        there, there_id = self._row_values(target)
        here_auto, there_auto = self._auto(row), self._auto(target)
        self._put_row(row, there, there_id, there_auto)
        self._put_row(target, here, here_id, here_auto)
        self.table.setCurrentCell(target, self.table.currentColumn())
        self.changed.emit()

    # -- values ----------------------------------------------------------------
    def set_segments(self, segments: list[Segment],
                     words: dict[int, list] | None = None) -> None:
        """``words``: each automatic segment's (first, end, probability) words, by id."""
        self.table.setRowCount(0)
        for row, seg in enumerate(segments):
            self.table.insertRow(row)
            auto = None
            if getattr(seg, "automatic", False):
                auto = {"start": format_ms(seg.start_ms), "end": format_ms(seg.end_ms),
                        "text": seg.text, "start_ms": seg.start_ms, "end_ms": seg.end_ms,
                        "confidence": seg.confidence,
                        "words": [tuple(w) for w in (words or {}).get(seg.id, ())]}
            self._put_row(row, [format_ms(seg.start_ms), format_ms(seg.end_ms), seg.speaker,
                                seg.text, seg.title, seg.keywords], seg.id, auto)
        self.unchecked_changed()

    def state(self) -> list[tuple]:
        """The raw table, for comparing with what was loaded."""
        return [tuple(self._row_values(r)[0]) + (self._row_values(r)[1],
                                                 self._auto(r) is not None)
                for r in range(self.table.rowCount())]

    def segments(self) -> list[Segment | SegmentDraft]:
        """Rows as the core wants them; ValueError names the row with a bad time."""
        result: list[Segment | SegmentDraft] = []
        for row in range(self.table.rowCount()):
            values, segment_id = self._row_values(row)
            try:
                start = parse_ms(values[START])
                end = parse_ms(values[END])
            except ValueError as exc:
                raise ValueError(
                    self.tr("Row %1: '%2' is not a time (use h:mm:ss).")
                    .replace("%1", str(row + 1)).replace("%2", str(exc))
                ) from None
            fields = dict(start_ms=start or 0, end_ms=end, speaker=values[SPEAKER].strip(),
                          text=values[TEXT], title=values[TITLE].strip(),
                          keywords=values[KEYWORDS].strip())
            if segment_id is not None and self._still_automatic(row):
                auto = self._auto(row) or {}
                # Unchanged and unconfirmed: stays automatic, with its exact times.
                fields.update(start_ms=auto["start_ms"], end_ms=auto["end_ms"])
                result.append(Segment(id=int(segment_id), position=row, automatic=True,
                                      confidence=auto.get("confidence"), **fields))
            elif segment_id is not None:
                result.append(Segment(id=int(segment_id), position=row, **fields))
            else:
                result.append(SegmentDraft(**fields))
        return result
