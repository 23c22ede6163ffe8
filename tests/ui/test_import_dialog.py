"""The import dialog over a real folder: preview by content, import, report."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from memoria.domain.model import Kind
from memoria.storage import items as item_store
from memoria.ui.dialogs.import_dialog import ImportDialog
from tests.conftest import make_jpeg, make_wav


def _folder(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    make_jpeg(folder / "barrio.jpg")
    make_wav(folder / "entrevista.dat")  # a WAV with a misleading name
    (folder / "vacio.wav").write_bytes(b"")
    return folder


def _column(dialog, column):
    return {dialog.table.item(r, 0).text(): dialog.table.item(r, column).text()
            for r in range(dialog.table.rowCount())}


def test_preview_import_and_report(session, qtbot, tmp_path):
    folder = _folder(tmp_path)
    dialog = ImportDialog(session, [folder])
    qtbot.addWidget(dialog)
    dialog.show()
    kinds = _column(dialog, 1)
    assert kinds["barrio.jpg"].startswith("Photograph") and "JPEG" in kinds["barrio.jpg"]
    assert kinds["entrevista.dat"].startswith("Audio") and "WAV" in kinds["entrevista.dat"]
    statuses = _column(dialog, 3)
    assert "empty" in statuses["vacio.wav"]
    assert statuses["barrio.jpg"] == "Ready"
    qtbot.keyClicks(dialog.subjects, "barrio, memoria")
    qtbot.keyClicks(dialog.date.edit, "c. 1998")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.report is not None
    statuses = _column(dialog, 3)
    assert statuses["barrio.jpg"].startswith("Imported as F-")
    assert statuses["entrevista.dat"].startswith("Imported as A-")
    assert statuses["vacio.wav"].startswith("Not imported:") and "empty" in statuses["vacio.wav"]
    ids = item_store.list_item_ids(session.reader)
    assert len(ids) == 2
    item = item_store.get_item(session.reader, ids[0])
    assert item.date_edtf == "1998~" and set(item.subjects) == {"barrio", "memoria"}
    assert "2 imported" in dialog.summary.text()
    assert dialog.cancel_button.text() == "Close"


def test_kind_override_and_duplicates(session, qtbot, tmp_path):
    folder = tmp_path / "wavs"
    folder.mkdir()
    make_wav(folder / "a.wav")
    first = ImportDialog(session, [folder])
    qtbot.addWidget(first)
    first.kind.setCurrentIndex(first.kind.findData(Kind.TESTIMONY))
    first.start()
    assert item_store.list_item_ids(session.reader, kind=Kind.TESTIMONY)
    accession = item_store.get_item(session.reader, item_store.list_item_ids(session.reader)[0])
    shutil.copy(folder / "a.wav", folder / "copia.wav")
    again = ImportDialog(session, [folder / "copia.wav"])
    qtbot.addWidget(again)
    again.start()
    status = _column(again, 3)["copia.wav"]
    assert status == f"Already in the archive as {accession.accession}"


def test_malformed_common_date_blocks_import(session, qtbot, tmp_path):
    dialog = ImportDialog(session, [_folder(tmp_path)])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.date.edit, "la semana pasada")
    assert not dialog.import_button.isEnabled()
    dialog.start()
    assert item_store.list_item_ids(session.reader) == []


def test_import_on_the_writer_thread_reports_progress(archive, qtbot, tmp_path):
    from memoria.ui.session import Session

    path = archive.root
    archive.close()
    session = Session(path)
    try:
        dialog = ImportDialog(session, [_folder(tmp_path)])
        qtbot.addWidget(dialog)
        seen = []
        original = dialog._progress
        dialog._progress = lambda d, t, n: (seen.append((d, t)), original(d, t, n))
        dialog.start()
        assert dialog.task is not None and not dialog.options_box.isEnabled()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
        assert seen[0] == (0, 3) and seen[-1] == (3, 3)
        assert len(item_store.list_item_ids(session.reader)) == 2
        assert dialog.task is None and dialog.cancel_button.text() == "Close"
    finally:
        session.close()


def test_cancelled_import_names_the_files_it_did_not_reach(session, qtbot, tmp_path):
    from memoria.importing.importer import FileOutcome, ImportReport

    folder = _folder(tmp_path)
    dialog = ImportDialog(session, [folder])
    qtbot.addWidget(dialog)
    report = ImportReport(cancelled=True, outcomes=[
        FileOutcome(folder / "barrio.jpg", "imported", "", 1, "F-2026-0001")])
    dialog._finished(report)
    statuses = _column(dialog, 3)
    assert statuses["barrio.jpg"] == "Imported as F-2026-0001"
    assert "cancelled" in statuses["entrevista.dat"]
    assert "cancelled" in dialog.summary.text()


def test_a_spreadsheet_that_matches_nothing_is_asked_about(session, qtbot, tmp_path,
                                                           no_blocking_message_boxes, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    folder = _folder(tmp_path)
    lote = tmp_path / "lote.csv"  # outside the folder: none of its rows names these files
    lote.write_text("file,title\nbarrio.jpg,Barrio\n", encoding="utf-8")
    dialog = ImportDialog(session, [folder])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.csv.setText(str(lote))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # answered No
    (asked,) = no_blocking_message_boxes
    assert "the only row of lote.csv names no file" in asked.lower() and "without" in asked
    assert dialog.report is None and item_store.list_item_ids(session.reader) == []
    assert "lote.csv" in dialog.summary.text()
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.report is not None and len(item_store.list_item_ids(session.reader)) == 2
    assert any("lote.csv" in p and "barrio.jpg" in p for p in dialog.report.problems)
