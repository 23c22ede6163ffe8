"""The media half of the detail pane: hear a testimony while reading it, or look at a photo.

Built only from what `projection.project` returned, so a researcher's pane
never holds more than the researcher may see: withheld segments are
absent, redacted words replaced, and a recording whose consent says
"no voice" is not handed to the audio backend at all.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from memoria import access
from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, MediaFile
from memoria.ui.media.blur_editor import BlurEditor
from memoria.ui.media.player import AudioPlayer, stored_audio, voice_allowed
from memoria.ui.media.redaction_editor import RedactionEditor
from memoria.ui.media.spans import spans_of
from memoria.ui.media.transcript_sync import Line, TranscriptList
from memoria.ui.media.waveform import WaveformView, request_peaks
from memoria.ui.session import Session

EDITORS = (Audience.CUSTODIAN, Audience.CURATOR)


def first_media(media: tuple[MediaFile, ...] | list[MediaFile], family: str) -> MediaFile | None:
    return next((m for m in media if (m.mime or "").startswith(family + "/")), None)


def duration_ms(media: MediaFile) -> int:
    seconds = (media.technical or {}).get("duration") or 0
    return round(float(seconds) * 1000)


class ItemMediaPanel(QWidget):
    """Player + waveform + synced transcript (+ redaction) or the photo viewer."""

    openRequested = Signal(int)  # ms: double-click on a segment

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item_id: int | None = None
        self._source: tuple[str, str] | None = None  # (sha, blocked) now in the player
        self.audience = Audience.CUSTODIAN
        self.player = AudioPlayer(self)
        self.waveform = WaveformView(self)
        self.transcript = TranscriptList(self)
        self.redaction = RedactionEditor(session, self)
        self.photo = BlurEditor(session, self)
        self.audio_box = QWidget(self)
        audio = QVBoxLayout(self.audio_box)
        audio.setContentsMargins(0, 0, 0, 0)
        audio.addWidget(self.player)
        audio.addWidget(self.waveform)
        split = QSplitter(Qt.Orientation.Vertical, self.audio_box)
        split.addWidget(self.transcript)
        split.addWidget(self.redaction)
        split.setStretchFactor(0, 1)
        audio.addWidget(split, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.audio_box)
        layout.addWidget(self.photo)

        self.player.positionChanged.connect(self.waveform.set_position)
        self.player.positionChanged.connect(self.transcript.set_position)
        self.player.durationChanged.connect(self.waveform.set_duration)
        self.waveform.seekRequested.connect(self.player.seek)
        self.transcript.seekRequested.connect(self.player.seek)
        self.transcript.playRequested.connect(self._play_from)
        self.transcript.openRequested.connect(self.openRequested)
        self.transcript.segmentChosen.connect(self._segment_chosen)
        self.show_view(None, Audience.CUSTODIAN)

    def _play_from(self, ms: int) -> None:
        self.player.seek(ms)
        if not self.player.is_playing():
            self.player.toggle()

    def seek(self, ms: int) -> None:
        self.player.seek(ms)
        self.transcript.set_position(ms)

    def show_view(self, view: access.ItemView | None, audience: Audience) -> None:
        """Show what `view` allows; None hides everything (nothing selected or not visible)."""
        self.item_id = view.item.id if view else None
        self.audience = audience
        self.transcript.reference = view.item.accession if view else ""
        media = list(view.item.media) if view else []
        sound = first_media(media, "audio")
        picture = first_media(media, "image")
        has_audio = view is not None and (sound is not None or bool(view.segments))
        has_photo = view is not None and picture is not None and not has_audio
        self.audio_box.setVisible(has_audio)
        self.photo.setVisible(has_photo)
        self.setVisible(has_audio or has_photo)
        if view is None:
            self._set_sound(None, "")
            self.transcript.set_lines([], raw=False)
            self.photo.show_photo(None, None, False)
            return
        blocked = "" if voice_allowed(audience, view.decision) else self.tr(
            "The voice is not played because of consent.")
        self._set_sound(sound, blocked)
        self._show_transcript(view, audience)
        if has_photo:
            blur = Anonymisation.BLUR_FACES in view.decision.anonymisation
            # Curators are staff and draw the regions, so they see the original;
            # the reading room and the public only ever see the blurred copy.
            self.photo.show_photo(picture, view.item.id, audience in EDITORS,
                                  blurred_only=audience not in EDITORS and blur)

    def _set_sound(self, sound: MediaFile | None, blocked: str) -> None:
        key = (sound.sha256, blocked) if sound else None
        if key == self._source:
            return  # the same recording: keep playing where it was
        self._source = key
        self.waveform.set_peaks(None)
        if sound is None:
            self.player.set_source(None)
            return
        self.player.set_source(stored_audio(self.session.archive.vault, sound),
                               duration_ms(sound), blocked)
        if not blocked:
            sha = sound.sha256
            request_peaks(self.session, sha, sound.path, lambda peaks: (
                self.waveform.set_peaks(peaks) if self._source and self._source[0] == sha
                else None))

    def _show_transcript(self, view: access.ItemView, audience: Audience) -> None:
        segments = view.segments
        spans = spans_of(self.session.reader, [s.id for s in segments])
        lines = [Line(s.id, s.start_ms, s.end_ms, s.speaker, s.text,
                      tuple(spans.get(s.id, ())))
                 for s in segments]
        self.transcript.set_lines(lines, raw=audience is Audience.CUSTODIAN)
        self.transcript.set_position(self.player.position())
        self.transcript.setVisible(bool(lines))
        self.redaction.setVisible(bool(lines) and audience in EDITORS)
        self._segment_chosen(lines[self.transcript.currentRow()]
                             if 0 <= self.transcript.currentRow() < len(lines) else None)

    def _segment_chosen(self, line: Line | None) -> None:
        if self.redaction.isVisibleTo(self):
            self.redaction.set_line(line, self.item_id,
                                    readable=self.audience is Audience.CUSTODIAN)
