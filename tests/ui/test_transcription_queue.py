"""Edit > Transcribe on a selection: every testimony or audio item, one after another,
on the window's own transcription job; progress names which; cancel stops the queue
and Resume continues it where it stopped; items without a recording are skipped."""

from __future__ import annotations

import pytest

from memoria.domain.model import Kind
from memoria.storage import items as item_store
from memoria.ui.actions import ActionId
from memoria.ui.main_window import MainWindow


def _recorded(archive, tmp_path, sentences, name, title, voice="es"):
    from memoria.importing.importer import ImportOptions, import_paths
    from tests.unit import asr_support as sup

    spoken = sup.speak(sentences, voice, tmp_path / f"{name}.wav")
    [outcome] = import_paths(archive, [spoken.path], ImportOptions(kind=Kind.TESTIMONY)).outcomes
    fields = item_store.ItemFields.from_item(item_store.get_item(archive, outcome.item_id))
    fields.title = title
    item_store.update_item(archive, outcome.item_id, fields)
    return outcome.item_id


def _photo(archive, title="Foto del mural"):
    return item_store.create_item(archive, item_store.ItemFields(Kind.PHOTOGRAPH, title))


def _window(session, settings, qtbot, rows):
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == rows, timeout=10_000)  # loaded aside
    return window


def _kept(path, item):
    import sqlite3

    with sqlite3.connect(path / "catalogue.sqlite") as conn:
        return conn.execute("SELECT COUNT(*) FROM asr_chunks WHERE item_id = ?",
                            (item,)).fetchone()[0]


def test_queue_goes_on_after_a_refusal_and_names_what_it_skipped(
        archive, tmp_path, settings, qtbot, monkeypatch):
    """No model on this machine: each item is refused with the sentence saying how to
    get one, the queue still goes through all of them; the photograph is skipped."""
    monkeypatch.setenv("MEMORIA_DATA", str(tmp_path / "sin-modelo"))
    from memoria.ui.session import Session
    from tests.unit import asr_support as sup

    first = _recorded(archive, tmp_path, sup.SPANISH[:1], "uno", "Relato de Rosa")
    photo = _photo(archive)
    second = _recorded(archive, tmp_path, sup.SPANISH[1:2], "dos", "Relato de Luis")
    accession = item_store.get_item(archive, photo).accession
    path = archive.root
    archive.close()
    session = Session(path)
    try:
        window = _window(session, settings, qtbot, 3)
        window.items.select_items([first, photo, second])
        action = window.actions[ActionId.TRANSCRIBE]
        assert action in window.edit_menu.actions() and action in window.custodian_actions
        queue = window.transcription
        done = []
        queue.finished.connect(lambda: done.append(True))
        action.trigger()
        assert queue.total == 2  # the photograph has no recording
        qtbot.waitUntil(lambda: bool(done), timeout=30_000)
        text = queue.text()
        assert f"Without a recording, skipped: {accession}." in text
        assert text.count("memoria asr install") == 2
        assert queue.transcribed == 0 and queue.pending == []
        assert queue.close_button.isVisible() and not queue.cancel_button.isVisible()
        # The bar names the items: a researcher's view and a visitor's lock hide it
        from memoria.domain.consent import Audience

        assert queue.bar.isVisible()
        session.set_audience(Audience.RESEARCHER)
        assert not queue.bar.isVisible()
        session.set_audience(Audience.CUSTODIAN)
        assert queue.bar.isVisible()
        session.lock_to(Audience.PUBLIC)
        assert not queue.bar.isVisible()
        session.unlock_view()
        assert queue.bar.isVisible()
        # Nothing to transcribe at all: said at once, no job.
        window.items.select_items([photo])
        action.trigger()
        assert queue.job is None and "skipped" in queue.text()
    finally:
        session.close()


@pytest.mark.slow
def test_transcribe_a_selection_of_two_with_cancel_and_resume(archive, tmp_path, settings,
                                                              qtbot):
    """The real model on two spoken testimonies: progress says which ("1 of 2"), cancel
    stops the queue keeping the first item's finished chunks, Resume goes on from there
    and then transcribes the second; both get a draft."""
    from memoria.ui.session import Session
    from tests.unit import asr_support as sup

    sup.real_model()
    first = _recorded(archive, tmp_path, sup.SPANISH, "uno", "Relato de Rosa")  # ~1 min
    second = _recorded(archive, tmp_path, sup.SPANISH[:3], "dos", "Relato corto")
    path = archive.root
    archive.close()
    session = Session(path)  # the real runner and the job's own thread
    try:
        window = _window(session, settings, qtbot, 2)
        for item in (first, second):
            fields = item_store.ItemFields.from_item(item_store.get_item(session.reader, item))
            assert fields.kind is Kind.TESTIMONY
        window.items.select_items([first, second])
        assert window.selected_item_ids() == sorted([first, second], key=window.model.row_of)
        order = window.selected_item_ids()
        queue = window.transcription
        done_items = []
        queue.itemDone.connect(done_items.append)
        window.actions[ActionId.TRANSCRIBE].trigger()
        assert queue.job is not None and queue.job.item_id == order[0]
        title = item_store.get_item(session.reader, order[0]).title
        assert queue.text().startswith(f"Transcribing 1 of 2: {title}")
        qtbot.waitUntil(lambda: queue.progress.value() > 0, timeout=120_000)
        assert " min" in queue.text() and "1 of 2" in queue.text()
        queue.cancel_button.click()
        qtbot.waitUntil(lambda: queue.job is None, timeout=60_000)
        kept = _kept(path, order[0])
        assert kept >= 1 and queue.pending == order and done_items == []
        assert queue.resume_button.isVisible()
        assert "Resume" in queue.text()

        queue.resume_button.click()
        assert queue.job is not None and queue.job.item_id == order[0]
        qtbot.waitUntil(lambda: len(done_items) == 1, timeout=240_000)
        assert "2 of 2" in queue.text()
        qtbot.waitUntil(lambda: queue.job is None and not queue.pending, timeout=240_000)
        assert done_items == order
        assert queue.text().startswith("2 item(s) transcribed")
        for item in order:
            segments = item_store.segments_of(session.reader, item)
            assert segments, f"no draft for {item}"
        audit = session.reader.conn.execute(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'asr-start' AND item_id = ?",
            (order[0],)).fetchone()[0]
        assert audit == 1  # resumed, not started over
    finally:
        session.close()
