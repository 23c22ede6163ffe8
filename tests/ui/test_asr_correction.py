"""The correction loop in the transcript table: automatic rows are marked, "Next
unchecked" selects and plays the next one, "Confirm" or an edit makes a row the
person's, and saving keeps untouched rows automatic (with their exact times)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from memoria.asr import drafts
from memoria.domain.model import Kind
from memoria.storage import items as item_store
from memoria.storage.archive import utc_now
from memoria.storage.db import transaction
from memoria.ui.editors.transcript_table import TEXT, TranscriptTable
from memoria.ui.media.player import AudioPlayer

DRAFT = [(1234, 4321, "Me llamo Rosa y nací cerca del río."),
         (5001, 9002, "Mi familia cultivaba café en la montaña."),
         (10003, 14004, "Esa noche salimos caminando hacia la ciudad.")]


def _drafted(archive) -> int:
    item = item_store.create_item(archive, item_store.ItemFields(kind=Kind.TESTIMONY,
                                                                 title="Testimonio"))
    with transaction(archive.conn):
        archive.conn.execute(
            "INSERT INTO asr_jobs (item_id, media_sha256, model_sha256, language, chunks,"
            " started_at) VALUES (?, 'x', 'y', 'es', 1, ?)", (item, utc_now()))
        archive.conn.execute(
            "INSERT INTO asr_chunks (item_id, position, start_ms, end_ms, segments)"
            " VALUES (?, 0, 0, 15000, ?)", (item, json.dumps(
                [{"start_ms": a, "end_ms": b, "text": t, "confidence": 0.61}
                 for a, b, t in DRAFT])))
    drafts.write_draft(archive, item)
    return item


def test_the_correction_loop_confirm_edit_and_save(archive, qtbot):
    item = _drafted(archive)
    table = TranscriptTable()
    qtbot.addWidget(table)
    table.set_segments(item_store.segments_of(archive, item))
    table.show()
    qtbot.waitExposed(table)
    table.activateWindow()
    player = AudioPlayer(table, backend=False)
    player.set_source(None)
    player.set_duration(60_000)
    table.play_requested.connect(player.seek)
    cell = table.table.item(0, TEXT)
    assert cell.font().italic() and "61%" in cell.toolTip()
    assert table.unchecked_count() == 3

    with qtbot.waitSignal(table.play_requested) as asked:
        qtbot.mouseClick(table.next_button, Qt.MouseButton.LeftButton)
    assert table.table.currentRow() == 0 and asked.args == [1234]
    assert player.position() == 1234
    with qtbot.waitSignal(table.play_requested) as asked:   # confirm moves on and plays
        qtbot.mouseClick(table.confirm_button, Qt.MouseButton.LeftButton)
    assert asked.args == [5001] and table.table.currentRow() == 1
    assert not table.table.item(0, TEXT).font().italic()
    table.table.item(1, TEXT).setText("Mi familia cultivaba café y plátano en la montaña.")
    assert table.unchecked_count() == 1
    assert not table.table.item(1, TEXT).font().italic()  # an edited row is the person's

    item_store.save_segments(archive, item, table.segments())
    saved = item_store.segments_of(archive, item)
    assert [s.automatic for s in saved] == [False, False, True]
    assert saved[1].text == "Mi familia cultivaba café y plátano en la montaña."
    assert (saved[2].start_ms, saved[2].end_ms) == (10003, 14004)


def test_saving_an_untouched_draft_keeps_it_automatic(archive, qtbot):
    item = _drafted(archive)
    table = TranscriptTable()
    qtbot.addWidget(table)
    table.set_segments(item_store.segments_of(archive, item))
    table.move_current(1)  # rows moved around still carry their state
    item_store.save_segments(archive, item, table.segments())
    assert all(s.automatic for s in item_store.segments_of(archive, item))
    assert table.next_unchecked() == 0


def _recorded(archive, tmp_path, sentences):
    from memoria.importing.importer import ImportOptions, import_paths
    from tests.unit import asr_support as sup

    spoken = sup.speak(sentences, "en", tmp_path / "entrevista.wav")
    [outcome] = import_paths(archive, [spoken.path], ImportOptions(kind=Kind.TESTIMONY)).outcomes
    return outcome.item_id


def _editor(session, qtbot, item_id):
    from memoria.ui.editors.item_editor import ItemEditor

    editor = ItemEditor(session)
    qtbot.addWidget(editor)
    editor.load(item_id)
    return editor


def test_transcribe_without_a_model_says_how_to_get_one(archive, tmp_path, qtbot, monkeypatch):
    monkeypatch.setenv("MEMORIA_DATA", str(tmp_path / "sin-modelo"))
    from memoria.ui.session import Session
    from memoria.ui.tasks import TaskRunner
    from tests.unit import asr_support as sup

    item = _recorded(archive, tmp_path, sup.ENGLISH[:1])
    path = archive.root
    archive.close()
    session = Session(path, TaskRunner(synchronous=True))
    try:
        editor = _editor(session, qtbot, item)
        tab = editor.transcript_media
        assert not tab.asr_bar.isHidden() and tab.transcribe_button.isEnabled()
        qtbot.mouseClick(tab.transcribe_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.task is None, timeout=10_000)  # a thread of its own
        assert "memoria asr install" in tab.status.text()
        assert tab.transcribe_button.isEnabled() and not tab.cancel_button.isVisible()
    finally:
        session.close()


import pytest  # noqa: E402


@pytest.mark.slow
def test_transcribe_in_the_window_then_correct(archive, tmp_path, qtbot):
    """The real model, through the window: progress, the draft in the table, the loop."""
    from memoria.ui.session import Session
    from memoria.ui.tasks import TaskRunner
    from tests.unit import asr_support as sup

    sup.real_model()
    item = _recorded(archive, tmp_path, sup.ENGLISH)
    path = archive.root
    archive.close()
    session = Session(path, TaskRunner(synchronous=True))
    try:
        editor = _editor(session, qtbot, item)
        tab = editor.transcript_media
        tab.language.setCurrentIndex(tab.language.findData("en"))
        seen = []
        tab.progress.valueChanged.connect(seen.append)
        qtbot.mouseClick(tab.transcribe_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.task is None, timeout=240_000)
        assert seen and seen[-1] == tab.progress.maximum()
        assert "3" in tab.status.text() or "segment" in tab.status.text()
        table = editor.transcript
        assert table.table.rowCount() >= 2 and table.unchecked_count() == table.table.rowCount()
        assert "teacher" in " ".join(table.table.item(r, TEXT).text()
                                     for r in range(table.table.rowCount())).lower()
        assert table.next_unchecked() == 0
        table.confirm_current()
        assert editor.has_unsaved_changes()  # a confirmation is a change to save
    finally:
        session.close()
