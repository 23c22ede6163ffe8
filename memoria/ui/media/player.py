"""An audio player for testimonies that degrades to a clear sentence, never a crash.

QMediaPlayer is only created when the system has an audio output: on a
machine without sound (a server, the offscreen test platform, a broken
PulseAudio) the widget still keeps a position, so the seek slider, the
skip buttons and the transcript that follows them keep working, and a
label says why nothing is heard. The file played is always the archive's
original, read through the archive's vault (decrypted in memory, chunk by
chunk, in an encrypted archive) and handed to the backend as a seekable
QIODevice (`StreamDevice`), never as a temporary file; whether it may be
played at all is decided by the caller from consent (`voice_allowed`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from PySide6.QtCore import QIODevice, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.consent import Audience, Decision
from memoria.domain.model import Anonymisation
from memoria.domain.timecode import clock
from memoria.media.detect import suffix_of
from memoria.ui.theme import WARNING, colour_style

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SKIP_MS = 10_000


@dataclass(frozen=True)
class AudioSource:
    """A recording to play from memory: `open()` gives a seekable binary reader;
    `name` (with its extension) tells the backend's demuxer what it is."""

    open: Callable[[], BinaryIO]
    name: str


def stored_audio(vault: Any, media: Any) -> AudioSource:
    """The stored original `media` (a MediaFile), read through the archive's vault."""
    suffix = suffix_of(media.path, media.format) or Path(media.original_name or "").suffix
    return AudioSource(lambda: vault.open_read(media.path), f"recording{suffix}")


class StreamDevice(QIODevice):
    """A read-only, random-access QIODevice over a Python binary reader (the vault's
    decrypting reader): what QMediaPlayer.setSourceDevice plays, chunk by chunk."""

    def __init__(self, reader: BinaryIO, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._size = reader.seek(0, 2)
        reader.seek(0)

    def isSequential(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def size(self) -> int:
        return self._size

    def bytesAvailable(self) -> int:  # noqa: N802 - Qt's name
        return max(0, self._size - self.pos()) + super().bytesAvailable()

    def readData(self, maxlen: int) -> bytes:  # noqa: N802 - Qt's name
        try:
            self._reader.seek(self.pos())
            return self._reader.read(maxlen)
        except Exception:  # noqa: BLE001 - damaged or closed: the player sees the end
            return b""

    def writeData(self, _data: bytes) -> int:  # noqa: N802 - Qt's name
        return -1

    def close(self) -> None:
        super().close()
        self._reader.close()


def voice_allowed(audience: Audience, decision: Decision | None) -> bool:
    """Custodians always hear the original; others not when consent asks for no voice."""
    if audience is Audience.CUSTODIAN:
        return True
    return decision is not None and Anonymisation.NO_VOICE not in decision.anonymisation


def audio_output_available() -> bool:
    """True when Qt Multimedia reports at least one audio output device."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return bool(QMediaDevices.audioOutputs())


def bind_key(host: QWidget, key: QKeySequence | Qt.Key | object, slot: object) -> QShortcut:
    """A shortcut active while focus is inside `host` (so two players never fight over keys).

    Built in steps: PySide's one-call constructor ignores `context` and drops the shortcut.
    """
    shortcut = QShortcut(QKeySequence(key), host)  # type: ignore[call-overload]
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)  # type: ignore[arg-type]
    return shortcut


class AudioPlayer(QWidget):
    """Play/pause, seek, speed and skip over one recording; emits positionChanged(ms)."""

    positionChanged = Signal(int)
    durationChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, backend: bool | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Audio player"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._position = 0
        self._duration = 0
        self._rate = 1.0
        self._player = None
        self._output = None
        self._unavailable = ""
        self._path: Path | AudioSource | None = None
        self._device: StreamDevice | None = None
        self._source_failed = False
        style = self.style()
        self.play_button = QToolButton(self)
        self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setAccessibleName(self.tr("Play or pause"))
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.back_button = QToolButton(self)
        self.back_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward))
        self.back_button.setAccessibleName(self.tr("Back 10 seconds"))
        self.back_button.setToolTip(self.tr("Back 10 seconds (Ctrl+Left)"))
        self.forward_button = QToolButton(self)
        self.forward_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.forward_button.setAccessibleName(self.tr("Forward 10 seconds"))
        self.forward_button.setToolTip(self.tr("Forward 10 seconds (Ctrl+Right)"))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setAccessibleName(self.tr("Playback position"))
        self.slider.setRange(0, 0)
        self.time_label = QLabel(self)
        self.time_label.setAccessibleName(self.tr("Position and duration"))
        self.speed = QComboBox(self)
        self.speed.setAccessibleName(self.tr("Playback speed"))
        self.speed.setToolTip(self.tr("Playback speed (Ctrl+[ slower, Ctrl+] faster)"))
        for rate in SPEEDS:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Playback availability"))
        self.message.setStyleSheet(colour_style(WARNING))  # 4.5:1 in light and dark
        self.message.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.back_button, self.play_button, self.forward_button):
            row.addWidget(widget)
        row.addWidget(self.slider, 1)
        row.addWidget(self.time_label)
        row.addWidget(self.speed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)

        self.play_button.clicked.connect(self.toggle)
        self.back_button.clicked.connect(lambda: self.skip(-SKIP_MS))
        self.forward_button.clicked.connect(lambda: self.skip(SKIP_MS))
        self.slider.sliderMoved.connect(self.seek)
        self.slider.actionTriggered.connect(self._slider_action)
        self.speed.currentIndexChanged.connect(lambda i: self.set_rate(SPEEDS[i]))
        self.add_shortcuts(self)
        bind_key(self, Qt.Key.Key_Space, self.toggle)
        self._make_backend(audio_output_available() if backend is None else backend)
        self._update_time()

    # -- backend -------------------------------------------------------------------------
    def _make_backend(self, wanted: bool) -> None:
        if not wanted:
            self._unavailable = self.tr(
                "Playback is unavailable: this computer has no audio output device.")
            return
        try:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
        except ImportError:
            self._unavailable = self.tr(
                "Playback is unavailable: Qt Multimedia is not installed.")
            return
        self._output = QAudioOutput(self)
        self._player = QMediaPlayer(self)
        self._player.setAudioOutput(self._output)
        self._player.positionChanged.connect(self._backend_position)
        self._player.durationChanged.connect(self._backend_duration)
        self._player.playbackStateChanged.connect(lambda _s: self._update_icon())
        self._player.errorOccurred.connect(self._backend_error)

    def _backend_error(self, _error: object, text: str = "") -> None:
        self._unavailable = self.tr("Playback is unavailable: %1").replace(
            "%1", text or self.tr("the recording could not be played."))
        self._show_message(self._unavailable)

    def _backend_position(self, ms: int) -> None:
        self._set_position(ms, from_backend=True)

    def _backend_duration(self, ms: int) -> None:
        if ms > 0:
            self.set_duration(ms)

    @property
    def has_backend(self) -> bool:
        return self._player is not None and not self._unavailable

    def unavailable_reason(self) -> str:
        return self._unavailable

    # -- source -------------------------------------------------------------------------
    def set_source(self, path: Path | AudioSource | None, duration_ms: int = 0,
                   blocked: str = "") -> None:
        """Play `path` (a file, or a stored original read through the vault: see
        `stored_audio`); `blocked` is shown instead when not allowed."""
        self.stop()
        self._path = path if not blocked else None
        self._position = 0
        self.set_duration(duration_ms)
        if self._player is not None:
            self._set_backend_source()
        playable = self._path is not None and self.has_backend
        self.play_button.setEnabled(playable)
        self.speed.setEnabled(self._path is not None)
        for widget in (self.slider, self.back_button, self.forward_button):
            widget.setEnabled(self._path is not None)
        if blocked:
            self._show_message(blocked)
        elif self._unavailable:
            self._show_message(self._unavailable)
        else:
            self.message.hide()
        self._set_position(0)

    def _set_backend_source(self) -> None:
        assert self._player is not None
        if self._source_failed:  # the last recording's problem is not this one's
            self._unavailable, self._source_failed = "", False
        old, self._device = self._device, None
        source = self._path
        if isinstance(source, AudioSource):
            try:
                self._device = StreamDevice(source.open(), self)
            except Exception as exc:  # noqa: BLE001 - missing or damaged: said, not raised
                self._player.setSource(QUrl())
                self._backend_error(None, str(exc))
                self._source_failed = True
            else:
                self._device.open(QIODevice.OpenModeFlag.ReadOnly)
                self._player.setSourceDevice(self._device, QUrl(f"memoria:{source.name}"))
        else:
            self._player.setSource(QUrl.fromLocalFile(str(source)) if source else QUrl())
        if old is not None:
            old.close()
            old.deleteLater()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # -- transport ----------------------------------------------------------------------
    def is_playing(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def toggle(self) -> None:
        if not self.play_button.isEnabled() or self._player is None:
            return
        if self.is_playing():
            self._player.pause()
        else:
            self._player.play()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()

    def position(self) -> int:
        return self._position

    def duration(self) -> int:
        return self._duration

    def seek(self, ms: int) -> None:
        """Move to `ms` (clamped); works with or without a sound backend."""
        ms = max(0, int(ms))
        if self._duration:
            ms = min(ms, self._duration)
        if self._player is not None and self._path is not None:
            self._player.setPosition(ms)
        self._set_position(ms)

    def skip(self, delta_ms: int) -> None:
        self.seek(self._position + delta_ms)

    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate: float) -> None:
        self._rate = min(SPEEDS, key=lambda r: abs(r - rate))
        if self.speed.currentData() != self._rate:
            self.speed.setCurrentIndex(SPEEDS.index(self._rate))
        if self._player is not None:
            self._player.setPlaybackRate(self._rate)

    def step_rate(self, step: int) -> None:
        index = max(0, min(len(SPEEDS) - 1, SPEEDS.index(self._rate) + step))
        self.set_rate(SPEEDS[index])

    def add_shortcuts(self, host: QWidget) -> None:
        """Skip and speed keys on `host` too, so they work while typing a transcript there."""
        keys = ((Qt.Modifier.CTRL | Qt.Key.Key_Left, lambda: self.skip(-SKIP_MS)),
                (Qt.Modifier.CTRL | Qt.Key.Key_Right, lambda: self.skip(SKIP_MS)),
                (Qt.Modifier.CTRL | Qt.Key.Key_BracketLeft, lambda: self.step_rate(-1)),
                (Qt.Modifier.CTRL | Qt.Key.Key_BracketRight, lambda: self.step_rate(1)))
        for key, slot in keys:
            bind_key(host, key, slot)

    # -- display ------------------------------------------------------------------------
    def set_duration(self, ms: int) -> None:
        self._duration = max(0, int(ms))
        self.slider.setRange(0, self._duration)
        self._update_time()
        self.durationChanged.emit(self._duration)

    def _slider_action(self, _action: int) -> None:
        """Page/arrow keys and clicks on the groove: seek where the slider went."""
        if not self.slider.isSliderDown():
            self.seek(self.slider.sliderPosition())

    def _set_position(self, ms: int, from_backend: bool = False) -> None:
        changed = ms != self._position or not from_backend
        self._position = ms
        if not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(ms)
            self.slider.blockSignals(False)
        self._update_time()
        if changed:
            self.positionChanged.emit(ms)

    def _update_time(self) -> None:
        self.time_label.setText(f"{clock(self._position)} / {clock(self._duration)}")

    def _update_icon(self) -> None:
        pixmap = (QStyle.StandardPixmap.SP_MediaPause if self.is_playing()
                  else QStyle.StandardPixmap.SP_MediaPlay)
        self.play_button.setIcon(self.style().standardIcon(pixmap))
