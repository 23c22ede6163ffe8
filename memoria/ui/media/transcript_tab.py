"""The editor's transcript tab: listen and type in one place.

The table stays the editor's own tab page (its rows are what gets saved);
this controller only puts the player above the rows, inside the table's own
layout, and the TableSync that links the two, so a
transcriber can play, stop (Space on the player), mark a boundary (F8 or
Ctrl+B) and keep typing without leaving the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from memoria.domain.model import MediaFile
from memoria.ui.editors.transcript_table import TranscriptTable
from memoria.ui.labels import format_ms, parse_ms
from memoria.ui.media.item_media import duration_ms, first_media
from memoria.ui.media.player import AudioPlayer, stored_audio
from memoria.ui.media.transcript_sync import TableSync
from memoria.ui.media.transcription_job import TranscriptionJob
from memoria.ui.media.waveform import WaveformView, request_peaks
from memoria.ui.session import Session


class TranscriptTab(QObject):
    """Player, waveform and the transcript table, kept in step; and "Transcribe": a
    background job (progress, cancel; finished chunks kept, so it resumes) that writes
    a draft for the correction loop."""

    drafted = Signal(int)  # item id: a draft was written

    def __init__(self, session: Session, table: TranscriptTable) -> None:
        super().__init__(table)
        self.session = session
        self.table = table
        self.sha: str | None = None
        self.item_id: int | None = None
        self.task: TranscriptionJob | None = None
        self.asr_bar = QWidget(table)
        row = QHBoxLayout(self.asr_bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.transcribe_button = QPushButton(self.tr("Transcri&be"), self.asr_bar)
        self.transcribe_button.setToolTip(self.tr(
            "Draft a transcript from the recording on this computer (nothing leaves it); "
            "a person checks every segment"))
        self.language = QComboBox(self.asr_bar)
        for code, name in (("es", self.tr("Spanish")), ("en", self.tr("English")),
                           ("auto", self.tr("Detect language"))):
            self.language.addItem(name, code)
        # A selection: only from..to is transcribed, replacing only that stretch's draft.
        self.span_from = QLineEdit(self.asr_bar)
        self.span_to = QLineEdit(self.asr_bar)
        for edit, name in ((self.span_from, self.tr("Transcribe from")),
                           (self.span_to, self.tr("Transcribe until"))):
            edit.setAccessibleName(name)
            edit.setPlaceholderText(self.tr("h:mm:ss"))
            edit.setMaximumWidth(72)
            edit.setToolTip(self.tr(
                "Leave both empty to transcribe the whole recording; with two times, only "
                "that stretch is transcribed and only its draft is replaced"))
        self.span_from_label = QLabel(self.tr("from"), self.asr_bar)
        self.span_to_label = QLabel(self.tr("to"), self.asr_bar)
        self.use_selection = QPushButton(self.tr("Selected rows"), self.asr_bar)
        self.use_selection.setToolTip(self.tr(
            "Take the times of the selected segments as the stretch to transcribe again"))
        self.progress = QProgressBar(self.asr_bar)
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(160)
        self.status = QLabel(self.asr_bar)
        self.pause_button = QPushButton(self.tr("Pause"), self.asr_bar)
        self.pause_button.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self.asr_bar)
        self.cancel_button.setVisible(False)
        for widget in (self.transcribe_button, self.language, self.span_from_label,
                       self.span_from, self.span_to_label, self.span_to, self.use_selection,
                       self.progress, self.status, self.pause_button, self.cancel_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.transcribe_button.clicked.connect(self.transcribe)
        self.cancel_button.clicked.connect(self.cancel)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.use_selection.clicked.connect(self.span_from_rows)
        self.player = AudioPlayer(table)
        self.waveform = WaveformView(table)
        self.hint = QLabel(self.tr(
            "Space plays or pauses (on the player) · F8 or Ctrl+B marks a segment boundary now "
            "· Ctrl+Left/Right: 10 s back/forward · Ctrl+[ / Ctrl+]: speed"), table)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        layout = table.layout()
        assert isinstance(layout, QBoxLayout)
        for index, widget in enumerate((self.player, self.waveform, self.hint, self.asr_bar)):
            layout.insertWidget(index, widget)
        self.sync = TableSync(table, self.player, host=table)
        self.player.add_shortcuts(table)
        self.player.positionChanged.connect(self.waveform.set_position)
        self.player.durationChanged.connect(self.waveform.set_duration)
        self.waveform.seekRequested.connect(self.player.seek)
        self.waveform.rangeSelected.connect(self._span_from_waveform)
        self.waveform.setToolTip(self.tr(
            "Click to jump to that moment; Shift+drag marks the stretch to transcribe"))
        table.play_requested.connect(self._play_from)

    def _play_from(self, ms: int) -> None:
        """The correction loop: hear the segment being checked from its start."""
        self.player.seek(ms)
        if not self.player.is_playing():
            self.player.toggle()

    # -- transcription ---------------------------------------------------------------
    def span(self) -> tuple[int, int] | None:
        """The stretch typed in from..to (ms), None for the whole recording; ValueError
        (one sentence) for a time that is not one or an empty stretch."""
        first, last = self.span_from.text().strip(), self.span_to.text().strip()
        if not first and not last:
            return None
        try:
            start = parse_ms(first) or 0
            end = parse_ms(last) if last else self.player.duration() or 0
        except ValueError as exc:
            raise ValueError(self.tr("'%1' is not a time (use h:mm:ss).")
                             .replace("%1", str(exc))) from None
        if end is None or end <= start:
            raise ValueError(self.tr("The stretch to transcribe ends before it starts."))
        return start, end

    def _span_from_waveform(self, start: int, end: int) -> None:
        self.span_from.setText(format_ms(start))
        self.span_to.setText(format_ms(end))

    def span_from_rows(self) -> None:
        """The selected rows' first start and last end, as the stretch to transcribe."""
        rows = sorted({i.row() for i in self.table.table.selectedIndexes()}
                      or ({self.table.table.currentRow()} - {-1}))
        if not rows:
            return
        try:
            segs = self.table.segments()
        except ValueError as exc:
            self.status.setText(str(exc))
            return
        start = min(segs[r].start_ms for r in rows)
        ends = [segs[r].end_ms or segs[r].start_ms for r in rows]
        self.span_from.setText(format_ms(start))
        self.span_to.setText(format_ms(max(ends)))

    def transcribe(self) -> None:
        if self.item_id is None or self.task is not None:
            return
        try:
            span = self.span()
        except ValueError as exc:
            self.status.setText(str(exc))
            return
        self.transcribe_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.pause_button.setVisible(True)
        self.pause_button.setText(self.tr("Pause"))
        self.status.setText(self.tr("Loading the model…"))
        self.task = TranscriptionJob(self.session, self.item_id,
                                     self.language.currentData(), span)
        self.task.progressed.connect(self._progress)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.pausedChanged.connect(self._paused)
        self.task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling… finished parts are kept"))

    def toggle_pause(self) -> None:
        if self.task is None:
            return
        if self.task.is_paused():
            self.task.resume()
        else:
            self.task.pause()

    def _paused(self, paused: bool) -> None:
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        if paused:
            self.status.setText(self.tr("Paused; finished parts are kept"))

    def _progress(self, done_s: int, total_s: int, left_min: str) -> None:
        if self.task is not None and self.task.is_paused():
            return
        self.progress.setRange(0, total_s)
        self.progress.setValue(done_s)
        text = self.tr("%1 of %2 min").replace("%1", f"{done_s / 60:.1f}").replace(
            "%2", f"{total_s / 60:.1f}")
        if left_min:
            text += " · " + self.tr("about %1 min left").replace("%1", left_min)
        self.status.setText(text)

    def _finish(self, text: str) -> None:
        job, self.task = self.task, None
        if job is not None:
            job.wait(15000)
            if job.changes is not None:
                self.session.catch_up(job.changes)
            job.deleteLater()
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.pause_button.setVisible(False)
        self.transcribe_button.setEnabled(self.item_id is not None and self.sha is not None)
        self.status.setText(text)

    def _done(self, result: object) -> None:
        if getattr(result, "finished", False):
            self._finish(self.tr("Draft ready: %1 automatic segments to check").replace(
                "%1", str(result.segments_written)))  # type: ignore[attr-defined]
            self.drafted.emit(result.item_id)  # type: ignore[attr-defined]
        else:
            self._finish(self.tr("Cancelled; Transcribe again resumes where it stopped"))

    def _failed(self, message: str) -> None:
        self._finish(message)
        self.session.writeFailed.emit(message)

    def load(self, media: list[MediaFile] | tuple[MediaFile, ...],
             item_id: int | None = None) -> None:
        """The recording of the item being edited (custodians only: always audible)."""
        if self.task is None:
            self.item_id = item_id
        sound = first_media(media, "audio")
        self.asr_bar.setVisible(sound is not None and item_id is not None)
        self.transcribe_button.setEnabled(sound is not None and self.task is None)
        if sound is not None and sound.sha256 == self.sha:
            return
        self.sha = sound.sha256 if sound else None
        self.waveform.set_peaks(None)
        self.player.setVisible(sound is not None)
        if sound is None:
            self.player.set_source(None)
            return
        self.player.set_source(stored_audio(self.session.archive.vault, sound), duration_ms(sound))
        sha = sound.sha256
        request_peaks(self.session, sha, sound.path,
                      lambda peaks: self.waveform.set_peaks(peaks) if self.sha == sha else None)
