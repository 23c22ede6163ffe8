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
    QProgressBar,
    QPushButton,
    QWidget,
)

from memoria.domain.model import MediaFile
from memoria.operations import transcription
from memoria.ui.editors.transcript_table import TranscriptTable
from memoria.ui.media.item_media import duration_ms, first_media
from memoria.ui.media.player import AudioPlayer, stored_audio
from memoria.ui.media.transcript_sync import TableSync
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
        self.task = None
        self._engines: dict = {}
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
        self.progress = QProgressBar(self.asr_bar)
        self.progress.setVisible(False)
        self.status = QLabel(self.asr_bar)
        self.cancel_button = QPushButton(self.tr("Cancel"), self.asr_bar)
        self.cancel_button.setVisible(False)
        for widget in (self.transcribe_button, self.language, self.progress, self.status,
                       self.cancel_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.transcribe_button.clicked.connect(self.transcribe)
        self.cancel_button.clicked.connect(self.cancel)
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
        table.play_requested.connect(self._play_from)

    def _play_from(self, ms: int) -> None:
        """The correction loop: hear the segment being checked from its start."""
        self.player.seek(ms)
        if not self.player.is_playing():
            self.player.toggle()

    # -- transcription ---------------------------------------------------------------
    def transcribe(self) -> None:
        if self.item_id is None or self.task is not None:
            return
        self.transcribe_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.status.setText(self.tr("Loading the model…"))
        self.task = self.session.run(
            transcription.transcribe_for_window, self.item_id, self.language.currentData(),
            self._engines, label=self.tr("Transcribing"), on_done=self._done,
            on_error=self._failed, on_progress=self._progress)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling… finished parts are kept"))

    def _progress(self, done_s: int, total_s: int, left_min: str) -> None:
        self.progress.setRange(0, total_s)
        self.progress.setValue(done_s)
        text = self.tr("%1 of %2 min").replace("%1", f"{done_s / 60:.1f}").replace(
            "%2", f"{total_s / 60:.1f}")
        if left_min:
            text += " · " + self.tr("about %1 min left").replace("%1", left_min)
        self.status.setText(text)

    def _finish(self, text: str) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
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
