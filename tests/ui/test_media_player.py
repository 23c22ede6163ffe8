"""The audio player, waveform and synced transcript on real files, offscreen (no sound)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from memoria.domain.model import Segment
from memoria.media.derive import waveform_path
from memoria.ui.editors.transcript_table import END, START, TEXT, TranscriptTable
from memoria.ui.media.player import AudioPlayer, clock
from memoria.ui.media.transcript_sync import Line, TableSync, TranscriptList, segment_index_at
from memoria.ui.media.waveform import WaveformView, peaks_job
from tests.conftest import make_wav


def _activate(qtbot, widget: QWidget) -> None:
    """Shortcuts only fire in the active window; offscreen needs asking explicitly."""
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)


def test_offscreen_player_says_why_it_is_silent_and_its_controls_still_work(qtbot, tmp_path):
    player = AudioPlayer()
    qtbot.addWidget(player)
    player.show()
    assert not player.has_backend  # offscreen: no audio output device
    player.set_source(make_wav(tmp_path / "voz.wav", seconds=1), duration_ms=90_000)
    assert player.message.isVisibleTo(player)
    assert "unavailable" in player.message.text()
    assert not player.play_button.isEnabled()
    player.toggle()  # nothing to play with: no crash
    with qtbot.waitSignal(player.positionChanged) as moved:
        player.seek(30_000)
    assert moved.args == [30_000] and player.slider.value() == 30_000
    assert player.time_label.text() == "0:00:30 / 0:01:30"
    player.skip(-10_000)
    assert player.position() == 20_000
    _activate(qtbot, player)
    player.setFocus()
    QTest.keyClick(player, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert player.position() == 30_000
    QTest.keyClick(player, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert player.rate() == 1.25
    player.step_rate(-5)
    assert player.rate() == 0.5
    player.seek(10**9)
    assert player.position() == 90_000  # clamped to the duration
    assert clock(3_725_000) == "1:02:05"


def test_waveform_of_a_real_wav_is_cached_and_click_seeks(qtbot, archive, tmp_path):
    wav = make_wav(archive.root / "media-test.wav", seconds=2)
    sha = "ab" * 32
    peaks = peaks_job(None, None, archive.vault, sha, wav.name)
    assert peaks and max(peaks) > 0.2
    assert waveform_path(archive.root / "derived", sha).is_file()
    assert peaks_job(None, None, archive.vault, sha, wav.name) == peaks  # from the cache
    view = WaveformView()
    qtbot.addWidget(view)
    view.set_peaks(peaks)
    view.set_duration(2000)
    view.resize(200, 50)
    view.show()
    with qtbot.waitSignal(view.seekRequested) as asked:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(150, 25))
    assert asked.args == [1500]
    view.grab()  # paints without error
    view.set_peaks(None)
    assert not view.isVisibleTo(view.parentWidget() or view) or view.isHidden()


def test_transcript_follows_the_position_and_clicks_ask_for_a_seek(qtbot):
    assert segment_index_at([0, 5000, 9000], 4999) == 0
    assert segment_index_at([0, 5000, 9000], 5000) == 1
    assert segment_index_at([1000], 10) == -1
    listing = TranscriptList()
    qtbot.addWidget(listing)
    listing.set_lines([Line(1, 0, 5000, "Rosa", "Buenos días."),
                       Line(2, 5000, 9000, "Rosa", "La huerta empezó con cilantro."),
                       Line(3, 9000, None, "Julián", "¿Y después?")], raw=True)
    listing.show()
    listing.set_position(7000)
    assert listing.current == 1
    assert listing.item(1).background().color().name() == "#fff1b8"
    listing.set_position(9500)
    assert listing.current == 2 and listing.item(1).background().style() == Qt.BrushStyle.NoBrush
    with qtbot.waitSignal(listing.seekRequested) as asked:
        rect = listing.visualItemRect(listing.item(1))
        qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked.args == [5000]


def _table(qtbot) -> tuple[TranscriptTable, AudioPlayer, TableSync]:
    table = TranscriptTable()
    qtbot.addWidget(table)
    table.set_segments([Segment(1, 0, 0, 8000, "Rosa", "Primera parte y segunda parte."),
                        Segment(2, 1, 8000, 12000, "Julián", "¿Y después?")])
    player = AudioPlayer(table, backend=False)
    player.set_source(None)
    player.set_duration(60_000)
    return table, player, TableSync(table, player)


def _cells(table: TranscriptTable, column: int) -> list[str]:
    return [table.table.item(r, column).text() for r in range(table.table.rowCount())]


def test_boundary_key_splits_the_segment_playing_now(qtbot):
    table, player, sync = _table(qtbot)
    player.seek(5000)
    _activate(qtbot, table)
    table.table.setFocus()
    QTest.keyClick(table.table, Qt.Key.Key_F8)
    assert _cells(table, START) == ["0:00:00", "0:00:05", "0:00:08"]
    assert _cells(table, END) == ["0:00:05", "0:00:08", "0:00:12"]
    assert _cells(table, TEXT)[:2] == ["Primera parte y segunda parte.", ""]
    assert table.segments()[1].speaker == "Rosa"
    highlighted = [table.table.item(r, START).background().style() != Qt.BrushStyle.NoBrush
                   for r in range(3)]
    assert highlighted == [False, True, False]  # the new segment is the one playing
    assert "F8" in table.table.toolTip() and "Ctrl+B" in table.add_button.toolTip()


def test_boundary_after_the_last_segment_appends_and_start_cell_click_seeks(qtbot):
    table, player, sync = _table(qtbot)
    row = sync.insert_boundary(20_000)
    assert row == 2 and _cells(table, START)[-1] == "0:00:20"
    assert _cells(table, END)[1] == "0:00:20"
    assert sync.insert_boundary(20_000) == 2  # already a boundary there: nothing added
    assert table.table.rowCount() == 3
    sync._clicked(1, START)
    assert player.position() == 8000
    assert sync.current == 1


def test_an_encrypted_recording_plays_from_memory_and_seeks(qtbot, archive, tmp_path):
    """The vault's decrypting reader goes to QMediaPlayer as a QIODevice: the backend
    demuxes the real WAV through it (its duration comes from the stream) and seeks in it."""
    pytest.importorskip("PySide6.QtMultimedia")
    from memoria.domain.model import Kind
    from memoria.importing.importer import ImportOptions, import_paths
    from memoria.storage import items as item_store
    from memoria.ui.media.player import AudioPlayer, stored_audio
    from tests.unit.test_vault import encrypt

    encrypt(archive)
    wav = make_wav(tmp_path / "voz.wav", seconds=3)
    [outcome] = import_paths(archive, [wav], ImportOptions(kind=Kind.TESTIMONY)).outcomes
    (media,) = item_store.media_of(archive, outcome.item_id)
    assert wav.read_bytes()[60:124] not in (archive.root / media.path).read_bytes()
    player = AudioPlayer(backend=True)
    qtbot.addWidget(player)
    if player._player is None:
        pytest.skip("no Qt Multimedia backend")
    durations: list[int] = []
    player.durationChanged.connect(durations.append)
    player.set_source(stored_audio(archive.vault, media), duration_ms=0)
    qtbot.waitUntil(lambda: 2900 <= player.duration() <= 3100, timeout=10000)
    player.seek(2000)
    player._player.play()
    qtbot.waitUntil(lambda: player.position() >= 2000, timeout=10000)
    assert player._device is not None and player._device.pos() > 0
    player.set_source(None)


def test_a_damaged_encrypted_recording_is_said_not_played(qtbot, archive, tmp_path):
    pytest.importorskip("PySide6.QtMultimedia")
    from memoria.domain.model import Kind
    from memoria.importing.importer import ImportOptions, import_paths
    from memoria.storage import items as item_store
    from memoria.ui.media.player import AudioPlayer, stored_audio
    from tests.unit.test_vault import encrypt

    encrypt(archive)
    wav = make_wav(tmp_path / "voz.wav", seconds=2)
    [outcome] = import_paths(archive, [wav], ImportOptions(kind=Kind.TESTIMONY)).outcomes
    (media,) = item_store.media_of(archive, outcome.item_id)
    stored = archive.root / media.path
    stored.chmod(0o600)
    stored.write_bytes(stored.read_bytes()[:-100])  # cut: found when it is opened
    player = AudioPlayer(backend=True)
    qtbot.addWidget(player)
    if player._player is None:
        pytest.skip("no Qt Multimedia backend")
    player.set_source(stored_audio(archive.vault, media), duration_ms=2000)
    assert media.path in player.unavailable_reason()
    assert not player.message.isHidden() and not player.play_button.isEnabled()
    player.set_source(wav, duration_ms=2000)  # the next recording is not blamed for it
    assert player.unavailable_reason() == ""
