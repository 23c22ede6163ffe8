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
