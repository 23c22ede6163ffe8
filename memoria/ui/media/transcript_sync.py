"""The transcript follows the recording, and the recording follows the transcript.

Two faces share one rule (`segment_index_at`): the read-only list in the
detail pane, and the editor's transcript table, where a key drops a
segment boundary at the moment being heard, which is how oral historians
transcribe (listen, stop, mark, type).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QMenu, QWidget

from memoria.ui.actions import ActionId, ActionRegistry, mark_safe
from memoria.ui.context_menus import TRANSCRIPT_LINE
from memoria.ui.editors.transcript_table import END, SPEAKER, START, TranscriptTable
from memoria.ui.labels import format_ms, parse_ms
from memoria.ui.media.player import AudioPlayer, bind_key, clock
from memoria.ui.media.spans import replaced
from memoria.ui.theme import MARK, pick

HIGHLIGHT = QColor(MARK[0][0])  # the light scheme's mark (theme.MARK has both)
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"


def segment_index_at(starts: Sequence[int], ms: int) -> int:
    """Index of the segment playing at `ms` (the last one started), -1 before the first."""
    return bisect_right(list(starts), ms) - 1


@dataclass(frozen=True)
class Line:
    """One segment as the list shows it; `spans` are redactions in raw-text offsets."""

    segment_id: int
    start_ms: int
    end_ms: int | None
    speaker: str
    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def shown(self, raw: bool) -> str:
        """Raw with spans marked (custodians), or with spans replaced (everyone else)."""
        if not raw:
            return replaced(self.text, self.spans)
        out, last = [], 0
        for start, end in sorted(self.spans):
            if start < last:
                continue
            out += [self.text[last:start], MARK_OPEN, self.text[start:end], MARK_CLOSE]
            last = end
        return "".join(out + [self.text[last:]])


class TranscriptList(QListWidget):
    """Segments in order; the playing one highlighted and kept in view.

    A click asks to seek to the segment's start; a double click asks to open
    the item at that moment (the same entry point search hits use).
    """

    seekRequested = Signal(int)
    playRequested = Signal(int)  # ms: seek there and play ("Play from here")
    openRequested = Signal(int)
    segmentChosen = Signal(object)  # Line | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Transcript, following the recording"))
        self.setToolTip(self.tr(
            "Click a segment to go to that moment of the recording"))
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines: list[Line] = []
        self.current = -1
        self.raw = False
        self.itemClicked.connect(self._clicked)
        self.itemDoubleClicked.connect(self._double_clicked)
        self.currentRowChanged.connect(
            lambda row: self.segmentChosen.emit(self.lines[row] if 0 <= row < len(self.lines)
                                                else None))
        self.reference = ""  # the item's accession, for time-coded references
        # Its own actions: harmless for any audience, so usable in a locked visitor's view.
        self.menu_actions = ActionRegistry(self)
        mark_safe(
            self.menu_actions.add(ActionId.PLAY_FROM_HERE, self.tr("&Play from here"),
                                  self.play_current, safe=True),
            self.menu_actions.add(ActionId.COPY_TIME_REFERENCE,
                                  self.tr("Copy &time-coded reference"),
                                  self.copy_time_reference, safe=True))
        self.last_menu: QMenu | None = None
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        if item is None:
            return
        if self.row(item) != self.currentRow():
            self.setCurrentRow(self.row(item))
        menu = self.menu_actions.menu(TRANSCRIPT_LINE, self)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.viewport().mapToGlobal(pos))
        self.last_menu = menu

    def _current_ms(self) -> int | None:
        row = self.currentRow()
        return self.lines[row].start_ms if 0 <= row < len(self.lines) else None

    def play_current(self) -> None:
        ms = self._current_ms()
        if ms is not None:
            self.playRequested.emit(ms)

    def copy_time_reference(self) -> str:
        """"T-2026-0003 @ 0:12:05": the item and the moment, on the clipboard."""
        ms = self._current_ms()
        if ms is None:
            return ""
        text = f"{self.reference} @ {format_ms(ms)}" if self.reference else format_ms(ms)
        QGuiApplication.clipboard().setText(text)
        return text

    def set_lines(self, lines: Sequence[Line], raw: bool) -> None:
        keep = self.currentRow()
        self.lines, self.raw, self.current = list(lines), raw, -1
        self.clear()
        for line in self.lines:
            speaker = f"{line.speaker}: " if line.speaker else ""
            item = QListWidgetItem(f"[{clock(line.start_ms)}] {speaker}{line.shown(raw)}")
            item.setData(Qt.ItemDataRole.UserRole, line.start_ms)
            self.addItem(item)
        if 0 <= keep < self.count():
            self.setCurrentRow(keep)

    def set_position(self, ms: int) -> None:
        index = segment_index_at([line.start_ms for line in self.lines], ms)
        if index == self.current:
            return
        if 0 <= self.current < self.count():
            self.item(self.current).setBackground(QBrush())
            self.item(self.current).setForeground(QBrush())
        self.current = index
        if index >= 0:
            # The mark carries its own text colour: readable in a dark theme too.
            background, text = pick(MARK)
            self.item(index).setBackground(QColor(background))
            self.item(index).setForeground(QColor(text))
            self.scrollToItem(self.item(index), QAbstractItemView.ScrollHint.EnsureVisible)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.seekRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _double_clicked(self, item: QListWidgetItem) -> None:
        self.openRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class TableSync(QObject):
    """Binds the editor's TranscriptTable to a player: highlight, seek, boundaries."""

    def __init__(self, table: TranscriptTable, player: AudioPlayer,
                 host: QWidget | None = None) -> None:
        super().__init__(table)
        self.table, self.player = table, player
        self.current = -1
        host = host or table
        tip = self.tr("Add a segment after the current one. F8 or Ctrl+B instead inserts "
                      "a boundary at the current playback time.")
        for key in (Qt.Key.Key_F8, Qt.Modifier.CTRL | Qt.Key.Key_B):
            bind_key(host, key, self.mark_boundary)
        table.table.setToolTip(self.tr(
            "Click a start time to hear it. F8 or Ctrl+B inserts a segment boundary "
            "at the current playback time."))
        table.add_button.setToolTip(tip)
        player.positionChanged.connect(self.follow)
        table.table.cellClicked.connect(self._clicked)

    def starts(self) -> list[int]:
        """Start of each row in ms; a row with an unreadable time repeats the previous one."""
        result: list[int] = []
        for row in range(self.table.table.rowCount()):
            try:
                value = parse_ms(self._cell(row, START))
            except ValueError:
                value = None
            result.append(value if value is not None else (result[-1] if result else 0))
        return result

    def _cell(self, row: int, column: int) -> str:
        item = self.table.table.item(row, column)
        return item.text() if item else ""

    def follow(self, ms: int, rows_changed: bool = False) -> None:
        """Highlight the row playing at `ms`; after rows moved, clear every old highlight."""
        index = segment_index_at(self.starts(), ms)
        if index == self.current and not rows_changed:
            return
        table = self.table.table
        table.blockSignals(True)  # a highlight is not an edit
        stale = range(table.rowCount()) if rows_changed else (self.current,)
        background, text = pick(MARK)
        for row, colour, ink in ([(r, QBrush(), QBrush()) for r in stale]
                                 + [(index, QBrush(QColor(background)), QBrush(QColor(text)))]):
            if 0 <= row < table.rowCount() and table.item(row, START):
                table.item(row, START).setBackground(colour)
                table.item(row, START).setForeground(ink)
        table.blockSignals(False)
        self.current = index
        if index >= 0 and table.item(index, START):
            table.scrollToItem(table.item(index, START))

    def _clicked(self, row: int, column: int) -> None:
        if column == START:
            try:
                ms = parse_ms(self._cell(row, START))
            except ValueError:
                return
            if ms is not None:
                self.player.seek(ms)

    def mark_boundary(self) -> None:
        self.insert_boundary(self.player.position())

    def insert_boundary(self, ms: int) -> int:
        """Split the segment playing at `ms` there, or append one starting at `ms`.

        The earlier part keeps its text; the new segment starts empty with the
        same speaker, ready for what is heard next. Returns the new row.
        """
        table = self.table.table
        starts = self.starts()
        index = segment_index_at(starts, ms)
        if index >= 0 and starts[index] == ms:
            table.setCurrentCell(index, START)
            return index  # a boundary is already there
        try:
            old_end = parse_ms(self._cell(index, END)) if index >= 0 else None
        except ValueError:
            old_end = None
        following = starts[index + 1] if index + 1 < len(starts) else None
        new_end = old_end if old_end is not None and old_end > ms else following
        if index >= 0:
            table.item(index, END).setText(format_ms(ms))
        table.setCurrentCell(index, START)
        row = self.table.add_segment(start=format_ms(ms), end=format_ms(new_end),
                                     speaker=self._cell(index, SPEAKER) if index >= 0 else "")
        while index < 0 and row > 0:  # before the first segment: move it to the top
            self.table.move_current(-1)
            row -= 1
        self.follow(ms, rows_changed=True)
        return row
