"""Edit > Undo / Redo through real widgets (issue 15): a title edited in the item
editor, undone and redone (list, search and audit follow); a transcript segment edit
undone; an exhibit entry removed with Delete and put back at its place; an undo
refused after another process changed the item; the stack cleared by the idle lock
and disabled while the window is locked to a visitor's view."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from memoria.domain.consent import Audience
from memoria.domain.messages import undo_sentence
from memoria.domain.model import Kind, SegmentDraft
from memoria.operations import Actor
from memoria.operations import items as item_ops
from memoria.storage import exhibits as exhibit_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.ui import i18n
from memoria.ui.actions import ActionId
from memoria.ui.labels import ui_lang
from memoria.ui.main_window import MainWindow
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner
from memoria.ui.views.sidebar import Source


@pytest.fixture
def made(archive, qtbot):
    """A testimony with a transcript, a photograph and an exhibit showing both."""
    actor = Actor("ana")
    item = item_ops.save(archive, actor, item_ops.ItemDraft(
        None, Kind.TESTIMONY, "", "Las mareas", "", None, "", ["es"], [], [], ["pesca"],
        [SegmentDraft(0, 1000, "Rosa", "Salíamos de noche"),
         SegmentDraft(1000, 2000, "Rosa", "El mar cambió")])).value
    photo = item_store.create_item(archive, item_store.ItemFields(Kind.PHOTOGRAPH, "El muelle"))
    exhibit = exhibit_store.create_exhibit(archive, "mar", "El mar")
    section = exhibit_store.add_section(archive, exhibit, "Antes")
    entries = [exhibit_store.add_entry(archive, exhibit, i, section_id=section)
               for i in (item, photo, item)]
    path = archive.root
    archive.close()
    session = Session(path, TaskRunner(synchronous=True))
    yield session, item, exhibit, entries
    session.close()


@pytest.fixture
def window(made, settings, qtbot, monkeypatch):
    session = made[0]
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def _editor(window, item_id, monkeypatch):
    opened = window.editors.edit_item(item_id)
    editor = getattr(opened, "editor", opened)
    monkeypatch.setattr(editor, "ask_unsaved", lambda: QMessageBox.StandardButton.Discard)
    return editor


def _save(editor, qtbot):
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def _listed_title(window, item_id):
    row = window.model.row_of(item_id)
    return window.model.index(row, 1).data()


def _search(window, text):
    window.search_field.setText(text)
    window.run_search()
    return set(window.search.results or [])


def test_a_title_edit_is_undone_and_redone_everywhere_and_audited(made, window, qtbot,
                                                                  monkeypatch):
    session, item, _exhibit, _entries = made
    undo, redo = window.actions[ActionId.UNDO], window.actions[ActionId.REDO]
    assert not undo.isEnabled() and not redo.isEnabled()
    editor = _editor(window, item, monkeypatch)
    editor.form.title.clear()
    qtbot.keyClicks(editor.form.title, "Mareas altas")
    _save(editor, qtbot)
    assert window.undo_stack.count() == 1
    assert undo.isEnabled() and undo.text() == "&Undo: edit «Mareas altas»"
    assert _listed_title(window, item) == "Mareas altas"
    assert item in _search(window, "altas")
    window.clear_search()

    undo.trigger()
    assert item_store.get_item(session.reader, item).title == "Las mareas"
    assert _listed_title(window, item) == "Las mareas"
    assert editor.form.title.text() == "Las mareas"  # the open editor shows it as it is
    assert item not in _search(window, "altas") and item in _search(window, "mareas")
    window.clear_search()
    assert redo.isEnabled() and redo.text() == "&Redo: edit «Mareas altas»"
    assert not undo.isEnabled()

    redo.trigger()
    assert item_store.get_item(session.reader, item).title == "Mareas altas"
    assert _listed_title(window, item) == "Mareas altas"
    assert item in _search(window, "altas")
    rows = [(r[0], r[1], json.loads(r[2])) for r in session.reader.conn.execute(
        "SELECT id, action, details FROM audit_log WHERE entity_type = 'item' AND item_id = ?"
        " AND action = 'update' ORDER BY id", (item,))]
    assert len(rows) == 3
    origin = rows[0][0]
    assert rows[1][2]["undo_of"] == origin and rows[2][2]["redo_of"] == origin
    assert rows[1][2]["title"] == {"before": "Mareas altas", "after": "Las mareas"}
    history = editor.history.table
    actions = [history.item(r, 2).text() for r in range(history.rowCount())]
    assert "Edited (undo)" in actions and "Edited (redo)" in actions


def test_a_transcript_segment_edit_is_undone(made, window, qtbot, monkeypatch):
    session, item, _exhibit, _entries = made
    editor = _editor(window, item, monkeypatch)
    editor.transcript.table.item(1, 3).setText("El mar se llevó todo")
    _save(editor, qtbot)
    texts = [s.text for s in item_store.segments_of(session.reader, item)]
    assert texts == ["Salíamos de noche", "El mar se llevó todo"]
    window.actions[ActionId.UNDO].trigger()
    texts = [s.text for s in item_store.segments_of(session.reader, item)]
    assert texts == ["Salíamos de noche", "El mar cambió"]
    assert editor.transcript.table.item(1, 3).text() == "El mar cambió"


def test_an_entry_removed_with_delete_comes_back_at_its_place(made, window, qtbot):
    session, _item, exhibit, entries = made
    window.sidebar.select(Source("exhibit", exhibit=exhibit))
    outline = window.exhibits.editor.outline
    assert outline.select("entry", entries[1])
    outline.setFocus()
    QTest.keyClick(outline, Qt.Key.Key_Delete)

    def order():
        return [[e.id for e in s.entries]
                for s in exhibit_store.get_exhibit(session.reader, exhibit).sections]

    assert order() == [[entries[0], entries[2]]]
    assert "Edit > Undo puts it back" in window.statusBar().currentMessage()
    undo = window.actions[ActionId.UNDO]
    assert undo.text() == "&Undo: remove an entry from «El mar»"
    undo.trigger()
    assert order() == [entries]
    assert entries[1] in outline.entry_ids(outline.section_ids()[0])
    window.actions[ActionId.REDO].trigger()
    assert order() == [[entries[0], entries[2]]]


def test_a_long_title_is_cut_and_an_ampersand_shown(made, window):
    controller = window.undoer
    _session, item, _exhibit, _entries = made
    draft = item_ops.ItemDraft(item, Kind.TESTIMONY, "", "Pesca & mar " + "muy " * 30, "",
                               None, "", ["es"], [], [], ["pesca"], None)
    controller.run(item_ops.save, draft)
    step = window.undo_stack.command(0).text()
    assert step.startswith("edit «Pesca && mar muy") and step.endswith("…»")
    assert len(step) < 60
    assert window.edit_menu.sizeHint().width() < 700  # the Edit menu fits a laptop


def test_undo_is_refused_after_another_process_changed_the_item(made, window, qtbot,
                                                                monkeypatch):
    session, item, _exhibit, _entries = made
    editor = _editor(window, item, monkeypatch)
    editor.form.title.clear()
    qtbot.keyClicks(editor.form.title, "Mareas altas")
    _save(editor, qtbot)
    other = Archive.open(session.path)  # the command line, another window
    try:
        draft = editor.draft()
        draft.description = "Escrito en otra parte"
        item_ops.save(other, Actor("carlos"), draft)
    finally:
        other.close()
    session.catch_up()
    undo = window.actions[ActionId.UNDO]
    with qtbot.waitSignal(session.writeFailed) as said:
        undo.trigger()
    assert said.args[0] == undo_sentence("changed_undo", i18n.chosen_language(),
                                         name="Mareas altas")
    got = item_store.get_item(session.reader, item)
    assert (got.title, got.description) == ("Mareas altas", "Escrito en otra parte")
    assert window.undo_stack.index() == 1 and undo.isEnabled()


def test_locks_disable_and_the_idle_lock_clears_the_stack(made, window, qtbot, monkeypatch):
    session, item, _exhibit, _entries = made
    editor = _editor(window, item, monkeypatch)
    editor.form.title.clear()
    qtbot.keyClicks(editor.form.title, "Mareas altas")
    _save(editor, qtbot)
    editor.window().close()
    undo = window.actions[ActionId.UNDO]
    assert undo.isEnabled()
    session.lock_to(Audience.PUBLIC)  # a visitor at the screen
    assert not undo.isEnabled()
    window.audience_lock.go_back_up = lambda: True
    session.unlock_view()
    assert undo.isEnabled()
    window.idle_lock.lock()
    qtbot.waitUntil(lambda: session.sleeping, timeout=5000)
    assert window.undo_stack.count() == 0 and not undo.isEnabled()
    window.idle_lock.unlock(None)
    assert not undo.isEnabled() and undo.text() == "&Undo"
    assert item_store.get_item(session.reader, item).title == "Mareas altas"


def test_undo_speaks_spanish(made, window, qtbot, monkeypatch, qapp):
    session, item, _exhibit, _entries = made
    previous = QLocale()
    i18n.install(qapp, "es")
    try:
        editor = _editor(window, item, monkeypatch)
        editor.form.title.clear()
        qtbot.keyClicks(editor.form.title, "Mareas altas")
        _save(editor, qtbot)
        undo, redo = window.actions[ActionId.UNDO], window.actions[ActionId.REDO]
        assert undo.text() == "&Deshacer: editar «Mareas altas»"
        assert "no se deshacen" in undo.toolTip()  # asked: consent is not undone
        undo.trigger()
        assert redo.text() == "&Rehacer: editar «Mareas altas»"
        assert "cambió después de este paso" in undo_sentence("changed_undo", ui_lang(),
                                                             name="x")
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(previous)


def test_a_curator_undoes_exhibit_edits_and_a_researcher_view_cannot(made, window, qtbot):
    session, _item, exhibit, entries = made
    session.adopt_account(type("Keys", (), {"account": "beto", "role": "curator"})())
    assert session.audience is Audience.CURATOR
    window.sidebar.select(Source("exhibit", exhibit=exhibit))
    outline = window.exhibits.editor.outline
    assert outline.select("entry", entries[2])
    outline.setFocus()
    QTest.keyClick(outline, Qt.Key.Key_Delete)
    undo = window.actions[ActionId.UNDO]
    assert undo.isEnabled()
    session.set_audience(Audience.RESEARCHER)
    assert not undo.isEnabled()  # a researcher's view edits nothing
    session.set_audience(Audience.CURATOR)
    undo.trigger()
    layout = [e.id for e in exhibit_store.get_exhibit(session.reader, exhibit).entries]
    assert layout == entries
    actor = session.reader.conn.execute(
        "SELECT actor FROM audit_log WHERE action = 'undo' ORDER BY id DESC").fetchone()[0]
    assert actor == "beto"


def test_texts_typed_in_an_exhibit_are_undone_as_one_step(made, window):
    session, _item, exhibit, _entries = made
    window.sidebar.select(Source("exhibit", exhibit=exhibit))
    editor = window.exhibits.editor
    for text in ("El mar de", "El mar de Tumaco"):  # saved at each pause in typing
        editor.texts["title_es"].setText(text)
        editor.texts["title_es"].editingFinished.emit()
    assert exhibit_store.get_exhibit(session.reader, exhibit).title.es == "El mar de Tumaco"
    assert window.undo_stack.count() == 1
    undo = window.actions[ActionId.UNDO]
    assert undo.text() == "&Undo: change the texts of «El mar de Tumaco»"
    undo.trigger()
    assert exhibit_store.get_exhibit(session.reader, exhibit).title.es == "El mar"
    assert editor.texts["title_es"].text() == "El mar"


def test_a_visitor_or_researcher_view_does_not_read_the_title_in_the_edit_menu(
        made, window, qtbot, monkeypatch):
    """Review: 'Deshacer: editar «Título»' named a custodian-only item (no consent)
    in the Edit menu of a window locked to a visitor's view or shown as a researcher."""
    session, item, _exhibit, _entries = made
    editor = _editor(window, item, monkeypatch)
    editor.form.title.clear()
    qtbot.keyClicks(editor.form.title, "Mareas altas")
    _save(editor, qtbot)
    editor.window().close()
    undo, redo = window.actions[ActionId.UNDO], window.actions[ActionId.REDO]
    session.set_audience(Audience.RESEARCHER)
    assert "Mareas" not in undo.text() and undo.text() == "&Undo"
    session.set_audience(Audience.CUSTODIAN)
    undo.trigger()
    assert redo.text() == "&Redo: edit «Mareas altas»"
    session.lock_to(Audience.PUBLIC)
    assert "Mareas" not in redo.text() and "Mareas" not in undo.text()
    window.audience_lock.go_back_up = lambda: True
    session.unlock_view()
    assert redo.text() == "&Redo: edit «Mareas altas»"
