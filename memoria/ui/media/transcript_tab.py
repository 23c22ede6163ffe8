"""The editor's transcript tab: listen and type in one place.

The table stays the editor's own tab page (its rows are what gets saved);
this controller only puts the player above the rows, inside the table's own
layout, and the TableSync that links the two, so a
transcriber can play, stop (Space on the player), mark a boundary (F8 or
Ctrl+B) and keep typing without leaving the keyboard.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QLabel

from memoria.domain.model import MediaFile
from memoria.ui.editors.transcript_table import TranscriptTable
from memoria.ui.media.item_media import duration_ms, first_media
from memoria.ui.media.player import AudioPlayer
from memoria.ui.media.transcript_sync import TableSync
from memoria.ui.media.waveform import WaveformView, request_peaks
from memoria.ui.session import Session


class TranscriptTab(QObject):
    """Player, waveform and the transcript table, kept in step."""

    def __init__(self, session: Session, table: TranscriptTable) -> None:
        super().__init__(table)
        self.session = session
        self.table = table
        self.sha: str | None = None
        self.player = AudioPlayer(table)
        self.waveform = WaveformView(table)
        self.hint = QLabel(self.tr(
            "Space plays or pauses (on the player) · F8 or Ctrl+B marks a segment boundary now "
            "· Ctrl+Left/Right: 10 s back/forward · Ctrl+[ / Ctrl+]: speed"), table)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        layout = table.layout()
        assert isinstance(layout, QBoxLayout)
        for index, widget in enumerate((self.player, self.waveform, self.hint)):
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

    def load(self, media: list[MediaFile] | tuple[MediaFile, ...]) -> None:
        """The recording of the item being edited (custodians only: always audible)."""
        sound = first_media(media, "audio")
        if sound is not None and sound.sha256 == self.sha:
            return
        self.sha = sound.sha256 if sound else None
        self.waveform.set_peaks(None)
        self.player.setVisible(sound is not None)
        if sound is None:
            self.player.set_source(None)
            return
        self.player.set_source(Path(self.session.path) / sound.path, duration_ms(sound))
        sha = sound.sha256
        request_peaks(self.session, sha, sound.path,
                      lambda peaks: self.waveform.set_peaks(peaks) if self.sha == sha else None)
