"""The item editor on a real archive, driven by the keyboard."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from memoria.domain.consent import Audience
from memoria.domain.model import Kind, Role
from memoria.operations import consent as consent_ops
from memoria.storage import authorities
from memoria.storage import items as item_store
from memoria.ui.editors.item_editor import ItemEditor, ItemEditorDialog
from memoria.ui.session import Session


@pytest.fixture
def editor(session, qtbot, monkeypatch):
    widget = ItemEditor(session)
    qtbot.addWidget(widget)
    # A modal question at teardown would wait forever in an offscreen test.
    monkeypatch.setattr(widget, "ask_unsaved", lambda: QMessageBox.StandardButton.Discard)
    widget.show()
    return widget


def _new_testimony(editor, qtbot, date="c. 1998") -> int:
    editor.load(None, Kind.TESTIMONY)
    form = editor.form
    qtbot.keyClicks(form.title, "Testimonio de la Comuna 13")
    qtbot.keyClicks(form.date.edit, date)
    qtbot.mouseClick(form.people.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.people.name_edit(0), "Ana Restrepo")
    qtbot.keyClicks(form.subjects.input, "desplazamiento forzado")
    qtbot.keyClick(form.subjects.input, Qt.Key.Key_Return)
    # QTest types ASCII only; the accented path is pasted, as people often do.
    form.places.input.setText("Colombia > Antioquia > Medellín > Comuna 13")
    qtbot.keyClick(form.places.input, Qt.Key.Key_Return)
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    return saved.args[0]


def test_create_testimony_through_the_editor(editor, session, qtbot):
    assert not editor.has_unsaved_changes()
    item_id = _new_testimony(editor, qtbot)
    item = item_store.get_item(session.reader, item_id)
    assert item_id in item_store.list_item_ids(session.reader, kind=Kind.TESTIMONY)
    assert item.date_edtf == "1998~"
    assert item.title == "Testimonio de la Comuna 13"
    assert [(p.person.name, p.role) for p in item.people] == [("Ana Restrepo", Role.NARRATOR)]
    assert item.subjects == ("desplazamiento forzado",)
    assert [p.name for p in item.places] == ["Comuna 13"]
    assert authorities.find_people(session.reader, "Ana")[0].name == "Ana Restrepo"
    assert not editor.has_unsaved_changes()
    assert editor.form.accession.isReadOnly() and editor.form.accession.text().startswith("T-")
    assert "1998" in editor.form.date.hint.text()


def test_malformed_date_shows_message_and_disables_save(editor, qtbot):
    editor.load(None, Kind.PHOTOGRAPH)
    assert not editor.save_button.isEnabled()  # no title yet
    assert editor.form.title_error.text()
    qtbot.keyClicks(editor.form.title, "Mural")
    assert editor.save_button.isEnabled()
    qtbot.keyClicks(editor.form.date.edit, "el mes de las flores")
    assert not editor.save_button.isEnabled()
    assert editor.form.date.error()
    assert editor.form.date.error() in editor.form.date.hint.text()
    editor.form.date.edit.clear()
    qtbot.keyClicks(editor.form.date.edit, "1990s")
    assert editor.save_button.isEnabled()
    assert "199X" in editor.form.date.hint.text()


def test_edit_transcript_and_history(editor, session, qtbot):
    item_id = _new_testimony(editor, qtbot)
    assert editor.tabs.isTabVisible(editor.tabs.indexOf(editor.transcript))
    table = editor.transcript
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    table.table.item(0, 1).setText("0:01:30")
    table.table.item(0, 2).setText("Ana")
    table.table.item(0, 3).setText("Llegamos al barrio en 1998.")
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    assert table.table.item(1, 0).text() == "0:01:30"  # starts where the last ended
    table.table.item(1, 3).setText("Después vino la operación.")
    assert editor.has_unsaved_changes()
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    segments = item_store.segments_of(session.reader, item_id)
    assert [(s.start_ms, s.end_ms, s.text) for s in segments] == [
        (0, 90000, "Llegamos al barrio en 1998."), (90000, None, "Después vino la operación.")]
    # Edit the title too, then read the history tab.
    editor.form.title.clear()
    qtbot.keyClicks(editor.form.title, "Testimonio de Ana")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    history = editor.history.table
    actions = [history.item(r, 2).text() for r in range(history.rowCount())]
    assert "Created" in actions and "Edited" in actions and "Transcript saved" in actions
    summaries = [history.item(r, 3).text() for r in range(history.rowCount())]
    assert any("Testimonio de Ana" in s for s in summaries)
    assert all(history.item(r, 1).text() == "test-archivist" for r in range(history.rowCount()))


def test_moving_segments_keeps_ids(editor, session, qtbot):
    item_id = _new_testimony(editor, qtbot)
    for _ in range(2):
        qtbot.mouseClick(editor.transcript.add_button, Qt.MouseButton.LeftButton)
    editor.save()
    first, second = item_store.segments_of(session.reader, item_id)
    editor.transcript.table.setCurrentCell(0, 3)
    qtbot.mouseClick(editor.transcript.down_button, Qt.MouseButton.LeftButton)
    editor.save()
    assert [s.id for s in item_store.segments_of(session.reader, item_id)] == [second.id, first.id]


def test_bad_time_code_is_reported_not_saved(editor, qtbot):
    _new_testimony(editor, qtbot)
    qtbot.mouseClick(editor.transcript.add_button, Qt.MouseButton.LeftButton)
    editor.transcript.table.item(0, 1).setText("uno y medio")
    assert not editor.save()
    assert "Row 1" in editor.message.text()


def test_dialog_asks_before_losing_edits(session, qtbot, monkeypatch):
    dialog = ItemEditorDialog(session, kind=Kind.AUDIO)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.editor.form.title, "Grabacion de la marcha")
    asked = []
    monkeypatch.setattr(dialog.editor, "ask_unsaved",
                        lambda: asked.append(1) or QMessageBox.StandardButton.Cancel)
    dialog.reject()
    assert asked and dialog.isVisible()
    monkeypatch.setattr(dialog.editor, "ask_unsaved", lambda: QMessageBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    assert item_store.list_item_ids(session.reader, kind=Kind.AUDIO)


def test_not_editable_outside_custodian_view(session, qtbot):
    session.set_audience(Audience.RESEARCHER)
    widget = ItemEditor(session)
    qtbot.addWidget(widget)
    widget.load(None, Kind.TESTIMONY)
    assert not widget.tabs.isEnabled() and not widget.banner.isHidden()
    assert not widget.has_unsaved_changes()


def test_editor_as_its_own_window_guards_edits(session, qtbot, monkeypatch):
    editor = ItemEditor(session)
    qtbot.addWidget(editor)
    editor.load(None, Kind.PHOTOGRAPH)
    editor.show()
    qtbot.keyClicks(editor.form.title, "Foto del mural")
    monkeypatch.setattr(editor, "ask_unsaved", lambda: QMessageBox.StandardButton.Cancel)
    assert not editor.close() and editor.isVisible()
    monkeypatch.setattr(editor, "ask_unsaved", lambda: QMessageBox.StandardButton.Discard)
    assert editor.close()
    assert item_store.list_item_ids(session.reader) == []


def test_removing_a_consented_segment_shows_the_core_message(editor, session, qtbot):
    from memoria.domain.model import ConsentStatus, Scope
    from memoria.storage import consents

    item_id = _new_testimony(editor, qtbot)
    qtbot.mouseClick(editor.transcript.add_button, Qt.MouseButton.LeftButton)
    editor.save()
    (segment,) = item_store.segments_of(session.reader, item_id)
    person_id = item_store.get_item(session.reader, item_id).people[0].person.id
    terms = consents.ConsentTerms(ConsentStatus.GRANTED, {Scope.RESEARCH})
    session.run(partial(consent_ops.record, segment_ids=[segment.id]), [person_id], [item_id],
                terms)
    editor.transcript.table.setCurrentCell(0, 0)
    qtbot.mouseClick(editor.transcript.remove_button, Qt.MouseButton.LeftButton)
    editor.save()
    assert "consent" in editor.message.text()
    assert editor.has_unsaved_changes()  # the edit is kept for the person to undo
    assert item_store.segments_of(session.reader, item_id) == [segment]


def test_media_tab_adds_files_off_the_gui_thread(editor, session, qtbot, tmp_path):
    from tests.conftest import make_wav

    item_id = _new_testimony(editor, qtbot)
    assert editor.media.add_button.isEnabled()
    editor.media.add_paths([make_wav(tmp_path / "entrevista.wav"), tmp_path / "missing.wav"])
    (media,) = item_store.media_of(session.reader, item_id)
    assert media.format == "WAV" and media.original_name == "entrevista.wav"
    assert media.technical.get("sample_rate") == 8000
    assert editor.media.table.rowCount() == 1
    assert editor.media.table.item(0, 3).text() == media.sha256
    assert "missing.wav" in editor.media.message.text()
    actions = [editor.history.table.item(r, 2).text()
               for r in range(editor.history.table.rowCount())]
    assert "File added" in actions


def test_new_item_cannot_take_files_before_it_is_saved(editor):
    editor.load(None, Kind.AUDIO)
    assert not editor.media.add_button.isEnabled()
    assert not editor.tabs.isTabVisible(editor.tabs.indexOf(editor.transcript))


def test_item_editor_saves_through_the_real_writer_thread(archive, qtbot):
    """The same save with a background writer: results come back by signal."""
    path = archive.root
    archive.close()
    session = Session(path)
    try:
        editor = ItemEditor(session)
        qtbot.addWidget(editor)
        editor.load(None, Kind.PHOTOGRAPH)
        qtbot.keyClicks(editor.form.title, "Mural de la 13")
        qtbot.keyClicks(editor.form.date.edit, "2002-10")
        with qtbot.waitSignal(editor.saved, timeout=10000) as saved:
            editor.save()
        assert item_store.get_item(session.reader, saved.args[0]).date_edtf == "2002-10"
        assert not editor.has_unsaved_changes()
    finally:
        session.close()


def test_files_dropped_on_the_media_tab_are_attached(editor, session, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from tests.conftest import make_jpeg

    item_id = _new_testimony(editor, qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(make_jpeg(tmp_path / "retrato.jpg")))])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    editor.media.dropEvent(event)
    assert [m.original_name for m in item_store.media_of(session.reader, item_id)] == [
        "retrato.jpg"]
    assert "JPEG" in editor.media.table.item(0, 1).text()


def test_audience_switch_hides_but_keeps_unsaved_edits(editor, session, qtbot):
    editor.load(None, Kind.TESTIMONY)
    qtbot.keyClicks(editor.form.title, "Borrador")
    session.set_audience(Audience.RESEARCHER)
    assert editor.tabs.isHidden() and not editor.banner.isHidden()
    session.set_audience(Audience.CUSTODIAN)
    assert not editor.tabs.isHidden() and editor.form.title.text() == "Borrador"
    assert editor.has_unsaved_changes()
