"""A recording's loudness at a glance, and a place to click to jump in it.
Shift+drag marks a stretch (the stretch to transcribe again, in the editor).

Peaks come from the importer's cache (derived/waveforms/, `derive.read_waveform`)
or are computed once on the readers pool and cached there. A format Python
cannot decode gives None: the overview simply stays hidden.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from memoria.crypto.sealed import materialised
from memoria.media.derive import WAVEFORM_BUCKETS, read_waveform, store_waveform
from memoria.media.errors import MediaError
from memoria.media.waveform import compute_waveform
from memoria.ui.session import Session
from memoria.ui.theme import ERROR, MARK, pick


def peaks_job(_progress: object, _cancelled: object, vault: Any, sha256: str,
              relpath: str) -> list[float] | None:
    """Readers-pool side: cached peaks, else computed from the original and cached
    (read through the archive's vault: decrypted in memory when encrypted)."""
    peaks = read_waveform(vault, sha256)
    if peaks is not None:
        return peaks
    try:
        with materialised(vault.source(relpath)) as path:
            peaks = compute_waveform(path, WAVEFORM_BUCKETS)
    except (MediaError, OSError, ValueError):
        return None
    if peaks:
        with contextlib.suppress(OSError):  # a read-only archive shows it, just uncached
            store_waveform(vault, sha256, peaks)
    return peaks


def request_peaks(session: Session, sha256: str, relpath: str,
                  done: Callable[[list[float] | None], None]) -> None:
    """Start `peaks_job` on the readers pool; `done` runs on the GUI thread."""
    session.runner.run(peaks_job, session.archive.vault, sha256, relpath,
                       on_done=done, on_error=lambda _msg: done(None))


class WaveformView(QWidget):
    """Peaks as mirrored bars, played part tinted, a marker at the current position."""

    seekRequested = Signal(int)
    rangeSelected = Signal(int, int)  # start ms, end ms: a Shift+drag

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Waveform"))
        self.setToolTip(self.tr("Click to jump to that moment"))
        self.setMinimumHeight(48)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.peaks: list[float] = []
        self.duration = 0
        self.position = 0
        self.selection: tuple[int, int] | None = None
        self._anchor: int | None = None
        self.hide()

    def set_peaks(self, peaks: list[float] | None) -> None:
        """None or empty hides the view: a missing overview is not an error."""
        self.peaks = list(peaks or [])
        self.setVisible(bool(self.peaks))
        self.update()

    def set_duration(self, ms: int) -> None:
        self.duration = max(0, int(ms))
        self.update()

    def set_position(self, ms: int) -> None:
        self.position = max(0, int(ms))
        self.update()

    def ms_at(self, x: float) -> int:
        if self.width() <= 0 or not self.duration:
            return 0
        return round(max(0.0, min(1.0, x / self.width())) * self.duration)

    def select(self, start: int, end: int) -> None:
        """Mark a stretch (ms) and say so; an empty one clears the mark."""
        start, end = sorted((max(0, int(start)), max(0, int(end))))
        self.selection = (start, end) if end - start >= 200 else None
        self.update()
        if self.selection is not None:
            self.rangeSelected.emit(*self.selection)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.duration:
            at = self.ms_at(event.position().x())
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._anchor = at
            else:
                self.seekRequested.emit(at)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._anchor is not None:
            self.selection = tuple(sorted((self._anchor, self.ms_at(event.position().x()))))
            self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._anchor is not None:
            anchor, self._anchor = self._anchor, None
            self.select(anchor, self.ms_at(event.position().x()))
        super().mouseReleaseEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        rect = QRectF(self.rect())
        palette = self.palette()
        painter.fillRect(rect, palette.base())
        if not self.peaks:
            return
        loudest = max(self.peaks) or 1.0
        mid = rect.height() / 2
        played_x = rect.width() * (self.position / self.duration) if self.duration else 0.0
        # From the palette, so the drawing reads in a dark theme as in a light one.
        played = palette.color(QPalette.ColorRole.Highlight)
        base = palette.color(QPalette.ColorRole.Base)
        rest = QColor((played.red() + base.red()) // 2, (played.green() + base.green()) // 2,
                      (played.blue() + base.blue()) // 2)
        if self.selection is not None and self.duration:
            a, b = (rect.width() * ms / self.duration for ms in self.selection)
            painter.fillRect(QRectF(a, 0, max(1.0, b - a), rect.height()),
                             QColor(pick(MARK, palette)[0]))
        columns = max(1, int(rect.width()))
        for x in range(columns):
            peak = self.peaks[min(len(self.peaks) - 1, x * len(self.peaks) // columns)]
            half = max(0.5, peak / loudest * (mid - 2))
            painter.setPen(played if x < played_x else rest)
            painter.drawLine(QPointF(x + 0.5, mid - half), QPointF(x + 0.5, mid + half))
        painter.setPen(QPen(QColor(pick(ERROR, palette)), 2))
        painter.drawLine(QPointF(played_x, 0), QPointF(played_x, rect.height()))
