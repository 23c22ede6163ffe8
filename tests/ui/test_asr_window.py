"""The window while it transcribes: the GUI thread never stalls (the job is a thread
of its own, the engine a child process), pause holds it and resume finishes it; a
stretch typed in from..to is what gets transcribed; the correction view marks the
words the engine was unsure of, with a legend, and Same/other speaker marks turns."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication

from memoria.asr import drafts
from memoria.domain.model import Kind
from memoria.storage import items as item_store
from memoria.storage.archive import utc_now
from memoria.storage.db import transaction
from memoria.ui.editors.transcript_table import SPEAKER, TEXT, TranscriptTable

# The worst gap of a 10 ms timer on the GUI thread while a real transcription runs.
# On the shared 2-core machine (8 people's test runs): 40-99 ms at load average 10-17,
# 151 and 195 ms at load 19-20 (the floor with nothing transcribing: 14-17 ms at 12.5).
# Before (the job on the writer thread, the engine in the window's process): 287 ms at
# load 9.6, 340 and 1,172 ms in docs/benchmarks.md. 300 ms holds on a 2-core machine
# loaded to 20; the benchmark (dev.py bench asr) records the real figure.
STALL_LIMIT_MS = 300


def _recorded(archive, tmp_path, sentences, voice="es"):
    from memoria.importing.importer import ImportOptions, import_paths
    from tests.unit import asr_support as sup

    spoken = sup.speak(sentences, voice, tmp_path / "entrevista.wav")
    [outcome] = import_paths(archive, [spoken.path], ImportOptions(kind=Kind.TESTIMONY)).outcomes
    return outcome.item_id, spoken


def _editor(session, qtbot, item_id):
    from memoria.ui.editors.item_editor import ItemEditor

    editor = ItemEditor(session)
    qtbot.addWidget(editor)
    editor.load(item_id)
    return editor


@pytest.mark.slow
def test_the_window_never_stalls_while_transcribing_and_pause_holds_it(archive, tmp_path,
                                                                        qtbot):
    from memoria.ui.session import Session
    from tests.unit import asr_support as sup

    sup.real_model()
    item, _ = _recorded(archive, tmp_path, sup.SPANISH[:8])
    path = archive.root
    archive.close()
    session = Session(path)  # the real runner: nothing here runs inline
    try:
        editor = _editor(session, qtbot, item)
        editor.show()
        editor.tabs.setCurrentWidget(editor.transcript)
        tab = editor.transcript_media
        tab.language.setCurrentIndex(tab.language.findData("es"))
        clock, gaps, last = QElapsedTimer(), [], [0]
        clock.start()

        def tick():
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        last[0] = clock.elapsed()
        progress = []
        tab.progress.valueChanged.connect(progress.append)
        qtbot.mouseClick(tab.transcribe_button, Qt.MouseButton.LeftButton)
        assert tab.pause_button.isVisible() and tab.cancel_button.isVisible()
        qtbot.waitUntil(lambda: any(v > 0 for v in progress), timeout=120_000)
        qtbot.mouseClick(tab.pause_button, Qt.MouseButton.LeftButton)
        assert tab.task.is_paused() and tab.pause_button.text() in ("Resume", "Reanudar")
        qtbot.wait(300)  # a chunk being kept when the pause came lands now
        kept = _kept(path, item)
        qtbot.wait(2500)
        assert _kept(path, item) == kept                  # nothing moves while paused
        qtbot.mouseClick(tab.pause_button, Qt.MouseButton.LeftButton)
        assert not tab.task.is_paused()
        qtbot.waitUntil(lambda: tab.task is None, timeout=240_000)
        timer.stop()
        assert editor.transcript.table.rowCount() >= 4
        assert "ciudad" in " ".join(editor.transcript.table.item(r, TEXT).text().lower()
                                    for r in range(editor.transcript.table.rowCount()))
        worst = max(gaps[1:])
        print(f"worst GUI gap {worst} ms over {len(gaps)} ticks")
        assert worst < STALL_LIMIT_MS, f"the GUI thread stalled {worst} ms"
    finally:
        session.close()


def _kept(path, item):
    import sqlite3

    with sqlite3.connect(path / "catalogue.sqlite") as conn:
        return conn.execute("SELECT COUNT(*) FROM asr_chunks WHERE item_id = ?",
                            (item,)).fetchone()[0]


def test_the_stretch_to_transcribe_is_typed_or_taken_from_selected_rows(session, qtbot):
    from memoria.ui.editors.item_editor import ItemEditor

    with transaction(session.archive.conn):
        item = item_store.create_item(session.archive, item_store.ItemFields(
            kind=Kind.TESTIMONY, title="Testimonio"))
    editor = ItemEditor(session)
    qtbot.addWidget(editor)
    editor.load(item)
    tab = editor.transcript_media
    assert tab.span() is None                      # both empty: the whole recording
    qtbot.keyClicks(tab.span_from, "0:01:05")
    qtbot.keyClicks(tab.span_to, "0:02:00")
    assert tab.span() == (65_000, 120_000)
    tab.span_to.setText("0:00:30")
    with pytest.raises(ValueError, match="ends before|termina antes"):
        tab.span()
    tab.span_to.setText("1:xx")
    with pytest.raises(ValueError, match="1:xx"):
        tab.span()
    table = editor.transcript
    table.add_segment("0:00:10", "0:00:20", "", "uno")
    table.add_segment("0:00:20", "0:00:31", "", "dos")
    table.table.setRangeSelected(_whole_rows(table, 0, 1), True)
    qtbot.mouseClick(tab.use_selection, Qt.MouseButton.LeftButton)
    assert tab.span() == (10_000, 31_000)


def _whole_rows(table, first, last):
    from PySide6.QtWidgets import QTableWidgetSelectionRange

    return QTableWidgetSelectionRange(first, 0, last, table.table.columnCount() - 1)


def _drafted(archive, words):
    item = item_store.create_item(archive, item_store.ItemFields(kind=Kind.TESTIMONY,
                                                                 title="Testimonio"))
    with transaction(archive.conn):
        archive.conn.execute(
            "INSERT INTO asr_jobs (item_id, media_sha256, model_sha256, language, chunks,"
            " started_at) VALUES (?, 'x', 'y', 'es', 1, ?)", (item, utc_now()))
        archive.conn.execute(
            "INSERT INTO asr_chunks (item_id, position, start_ms, end_ms, segments)"
            " VALUES (?, 0, 0, 15000, ?)", (item, json.dumps([
                {"start_ms": 1000, "end_ms": 4000, "text": "Me llamo Rosa y nací cerca.",
                 "confidence": 0.7, "words": words},
                {"start_ms": 5000, "end_ms": 9000, "text": "Mi familia cultivaba café.",
                 "confidence": 0.9, "words": []},
                {"start_ms": 9000, "end_ms": 12000, "text": "Salimos de noche.",
                 "confidence": 0.9, "words": []}])))
    drafts.write_draft(archive, item)
    return item


def test_unsure_words_are_marked_with_a_legend_until_the_row_is_checked(session, qtbot):
    from memoria.ui.editors.item_editor import ItemEditor

    item = _drafted(session.archive, [[0, 2, 0.97], [3, 8, 0.22], [9, 13, 0.41],
                                      [16, 20, 0.93]])
    editor = ItemEditor(session)
    qtbot.addWidget(editor)
    editor.load(item)
    editor.show()
    table = editor.transcript
    assert table.marked_words(0) == ["llamo", "Rosa"]      # below 50%
    assert table.marked_words(1) == []
    assert not table.legend.isHidden() and "50%" in table.legend.text()
    table.table.setCurrentCell(0, TEXT)
    table.confirm_current()
    assert table.marked_words(0) == []                     # checked: nothing to listen to
    table.table.item(1, TEXT).setText("Mi familia cultivaba café y plátano.")
    table.table.item(2, TEXT).setText("Salimos esa noche.")
    assert table.legend.isHidden()                         # no unchecked row left


def test_same_or_other_speaker_with_one_key(qtbot):
    table = TranscriptTable()
    qtbot.addWidget(table)
    table.show()
    table.windowHandle().requestActivate()   # shortcuts fire only in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is table, timeout=3000)
    table.add_segment("0:00:00", "0:00:05", "Entrevistadora", "¿Dónde nació?")
    table.add_segment("0:00:05", "0:00:09", "Rosa", "En el pueblo.")
    table.add_segment("0:00:09", "0:00:12", "", "¿Y su familia?")
    table.table.setCurrentCell(2, TEXT)
    table.table.setFocus()
    qtbot.keyClick(table.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert table.table.item(2, SPEAKER).text() == "Rosa"            # same as before
    qtbot.keyClick(table.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert table.table.item(2, SPEAKER).text() == "Entrevistadora"  # the other speaker
    qtbot.mouseClick(table.speaker_button, Qt.MouseButton.LeftButton)
    assert table.table.item(2, SPEAKER).text() == "Rosa"


def test_a_search_hit_in_a_draft_opens_the_recording_at_that_moment(session, settings,
                                                                     tmp_path, qtbot):
    """Drafts are searchable by staff at once; clicking the matching moment of a hit
    in an unchecked automatic segment seeks the recording to that segment's start."""
    from memoria.importing.importer import ImportOptions, import_paths
    from memoria.ui.main_window import MainWindow
    from tests.conftest import make_wav

    import_paths(session.archive, [make_wav(tmp_path / "voz.wav", seconds=20)],
                 ImportOptions(kind=Kind.TESTIMONY))
    (item,) = item_store.list_item_ids(session.archive)
    with transaction(session.archive.conn):
        session.archive.conn.execute(
            "INSERT INTO asr_jobs (item_id, media_sha256, model_sha256, language, chunks,"
            " started_at) VALUES (?, 'x', 'y', 'es', 1, ?)", (item, utc_now()))
        session.archive.conn.execute(
            "INSERT INTO asr_chunks (item_id, position, start_ms, end_ms, segments)"
            " VALUES (?, 0, 0, 20000, ?)", (item, json.dumps([
                {"start_ms": 1200, "end_ms": 6000, "text": "Vivíamos cerca del río.",
                 "confidence": 0.8},
                {"start_ms": 12_340, "end_ms": 17_000,
                 "text": "Después llegaron al cafetal de la vereda.", "confidence": 0.6}])))
    drafts.write_draft(session.archive, item)
    assert all(s.automatic for s in item_store.segments_of(session.archive, item))
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.search_field.setText("cafetal")
    window.run_search()
    assert set(window.search.results or []) == {item}
    window.items.select_item(item)
    moments = window.search_hits.moments
    qtbot.waitUntil(lambda: moments.count() == 1, timeout=5000)
    assert "0:00:12" in moments.itemWidget(moments.item(0)).text()
    moments.itemClicked.emit(moments.item(0))              # the window's own connection
    media = window.detail.media
    assert window.detail.item_id == item
    assert media.player.position() == 12_340
    assert media.transcript.current == 1                   # the draft's segment, shown


@pytest.mark.slow
def test_the_idle_lock_stops_a_transcription_and_unlocking_resumes_it(archive, tmp_path,
                                                                      settings, qtbot):
    """Locking cancels the job (its connection closes with the session's), the chunks
    it finished stay; unlocking starts it again and it reuses them."""
    from memoria.ui.main_window import MainWindow
    from memoria.ui.session import Session
    from tests.unit import asr_support as sup

    sup.real_model()
    item, _ = _recorded(archive, tmp_path, sup.SPANISH)    # about a minute: 3 chunks
    path = archive.root
    archive.close()
    session = Session(path)
    try:
        window = MainWindow(session, settings)
        qtbot.addWidget(window)
        window.show()
        editor = window.editors.edit_item(item)
        tab = editor.transcript_media
        tab.language.setCurrentIndex(tab.language.findData("es"))
        progress = []
        tab.progress.valueChanged.connect(progress.append)
        qtbot.mouseClick(tab.transcribe_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any(v > 0 for v in progress) or tab.task is None,
                        timeout=120_000)                   # the first chunk is kept
        assert tab.task is not None, tab.status.text()
        window.idle_lock.lock()
        qtbot.waitUntil(lambda: session.sleeping, timeout=60_000)
        assert session.background_jobs == [] and _kept(path, item) >= 1
        results = []
        tab.drafted.connect(results.append)
        window.idle_lock.screen.unlock_button.click()
        assert tab.task is not None                          # started again
        qtbot.waitUntil(lambda: tab.task is None, timeout=240_000)
        assert results == [item] and editor.transcript.table.rowCount() >= 4
        audit = session.reader.conn.execute(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'asr-start' AND item_id = ?",
            (item,)).fetchone()[0]
        assert audit == 1                                    # resumed, not started over
    finally:
        session.close()


def test_a_shift_drag_on_the_waveform_marks_the_stretch_to_transcribe(session, qtbot):
    from PySide6.QtCore import QPoint

    from memoria.ui.editors.item_editor import ItemEditor

    with transaction(session.archive.conn):
        item = item_store.create_item(session.archive, item_store.ItemFields(
            kind=Kind.TESTIMONY, title="Testimonio"))
    editor = ItemEditor(session)
    qtbot.addWidget(editor)
    editor.load(item)
    editor.resize(1200, 700)
    editor.show()
    editor.tabs.setCurrentWidget(editor.transcript)
    wave = editor.transcript_media.waveform
    wave.set_peaks([0.2, 0.8] * 100)
    wave.set_duration(100_000)
    qtbot.waitExposed(wave)
    y = wave.height() // 2
    first, last = QPoint(wave.width() // 4, y), QPoint(wave.width() // 2, y)
    shift = Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(wave.rangeSelected) as marked:
        qtbot.mousePress(wave, Qt.MouseButton.LeftButton, shift, first)
        qtbot.mouseMove(wave, last)
        qtbot.mouseRelease(wave, Qt.MouseButton.LeftButton, shift, last)
    start, end = wave.ms_at(first.x()), wave.ms_at(last.x())
    assert marked.args == [start, end] and 20_000 < start < 30_000 < 45_000 < end
    tab = editor.transcript_media
    assert abs(tab.span()[0] - start) < 1000 and abs(tab.span()[1] - end) < 1000
