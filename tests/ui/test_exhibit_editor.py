"""The exhibit editor in the main window, on a real archive with every consent
state (tests/unit/test_exhibits_support.build_museum): creating from the
sidebar, dropping and adding items, keyboard reordering, in-place captions,
the consent check reacting to a withdrawal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from memoria.storage import consents
from memoria.storage import exhibits as store
from memoria.ui.main_window import MainWindow
from memoria.ui.views.sidebar import Source


@pytest.fixture
def spanish():
    """Check reasons in the interface language; the museum works in Spanish."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Colombia))
    yield
    QLocale.setDefault(before)




@pytest.fixture
def window(msession, settings, qtbot, spanish):
    win = MainWindow(msession, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def _open(window, exhibit_id: int):
    window.sidebar.select(Source("exhibit", exhibit=exhibit_id))
    editor = window.exhibits.editor
    assert window.exhibits.stack.currentWidget() is editor
    return editor


def _order(session, exhibit_id: int) -> list[list[int]]:
    exhibit = store.get_exhibit(session.reader, exhibit_id)
    return [[e.item_id for e in s.entries] for s in exhibit.sections]


def test_sidebar_lists_exhibits_and_creates_one(window, msession):
    sidebar = window.sidebar
    assert sidebar._entries.get(Source("exhibit", exhibit=1)) is not None  # "voces"
    dialog = window.exhibits.new_exhibit()
    dialog.title_es.setText("Memorias del río")
    dialog.title_en.setText("River memories")
    assert dialog.name.text() == "memorias-del-rio"
    dialog.scope.setCurrentIndex(dialog.scope.findData(dialog.scope.itemData(1)))
    dialog._accept()
    created = [x for x in store.list_exhibits(msession.reader) if x.name == "memorias-del-rio"]
    assert created and created[0].title.en == "River memories"
    assert created[0].scope.value == "publication_print"
    assert sidebar.current_source() == Source("exhibit", exhibit=created[0].id)
    editor = window.exhibits.editor
    assert window.exhibits.stack.currentWidget() is editor
    assert editor.heading.text() == "Memorias del río"
    window.sidebar.select(Source("all"))
    assert window.exhibits.stack.currentWidget() is window.detail


def test_drop_from_item_list_and_add_selected(window, msession, museum):
    exhibit_id = store.create_exhibit(msession.archive, "nueva", "Nueva")
    msession.catalogueChanged.emit(set())
    editor = _open(window, exhibit_id)
    editor.add_section("Laderas")
    outline = editor.outline
    assert outline.section_ids()
    # Drag out of the item list: the model's own MIME data, dropped on the section.
    granted = museum.items["granted"]
    row = window.model.row_of(granted)
    mime = window.model.mimeData([window.model.index(row, 0)])
    assert mime.hasFormat("application/x-memoria-item-ids")
    section_rect = outline.visualRect(outline.model_.index(0, 0))
    event = QDropEvent(QPointF(section_rect.center()), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    outline.dropEvent(event)
    assert event.isAccepted()
    assert _order(msession, exhibit_id) == [[granted]]
    # "Add selected items": the list's selection goes to the end of the current section.
    window.items.select_item(museum.items["withdrawn"])
    editor.add_items_action.trigger()
    assert _order(msession, exhibit_id) == [[granted, museum.items["withdrawn"]]]
    assert outline.current() is not None and outline.current()[0] == "entry"


def test_keyboard_reorder_and_delete(window, msession, museum):
    editor = _open(window, museum.exhibit_id)
    outline = editor.outline
    first, second = museum.entries["none"], museum.entries["pending"]
    before = _order(msession, museum.exhibit_id)[0]
    assert outline.select("entry", second)
    outline.setFocus()
    QTest.keyClick(outline, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    after = _order(msession, museum.exhibit_id)[0]
    assert after[:2] == [before[1], before[0]]
    assert outline.current() == ("entry", second)  # the moved entry stays selected
    QTest.keyClick(outline, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _order(msession, museum.exhibit_id)[0] == before
    assert outline.select("entry", first)
    QTest.keyClick(outline, Qt.Key.Key_Delete)
    assert museum.items["none"] not in _order(msession, museum.exhibit_id)[0]


def test_caption_edited_in_place_reaches_the_catalogue(window, msession, museum, tmp_path,
                                                        qtbot):
    editor = _open(window, museum.exhibit_id)
    outline = editor.outline
    entry = museum.entries["blurred"]
    assert outline.select("entry", entry)
    outline.edit(outline.currentIndex())
    line = outline.viewport().findChild(QLineEdit)
    assert line is not None
    line.setText("Rostros que el barrio recuerda")
    QTest.keyClick(line, Qt.Key.Key_Return)
    qtbot.wait(20)  # the delegate commits through a queued call
    saved = next(e for e in store.get_exhibit(msession.reader, museum.exhibit_id).entries
                 if e.id == entry)
    assert saved.caption.es == "Rostros que el barrio recuerda"
    # The form shows and saves the other texts (English caption here).
    assert outline.select("entry", entry)
    editor.form.fields["caption_en"].setText("Faces")
    editor.form.fields["caption_en"].textEdited.emit("Faces")
    editor.form.commit()
    saved = next(e for e in store.get_exhibit(msession.reader, museum.exhibit_id).entries
                 if e.id == entry)
    assert saved.caption.en == "Faces"
    written = []
    editor.catalogueWritten.connect(lambda path, left: written.append((path, left)))
    editor.print_catalogue(str(tmp_path / "cat.pdf"))
    assert written and (tmp_path / "cat.pdf").stat().st_size > 1000
    assert "Rostros que el barrio recuerda" in editor.catalogue_text
    from memoria.storage import copies as copy_store  # the printed catalogue is registered

    [printed] = [c for c in copy_store.list_copies(msession.reader) if c.label.endswith("(PDF)")]
    assert printed.dest == str(tmp_path / "cat.pdf") and printed.item_count >= 1


def test_check_marks_blocked_entries_and_follows_a_withdrawal(window, msession, museum):
    editor = _open(window, museum.exhibit_id)
    withdrawn = museum.entries["withdrawn"]
    status = editor.outline.status_text(withdrawn)
    assert status.startswith("Blocked") or status.startswith("Bloqueada")
    assert "retir" in status.lower()  # "el consentimiento fue retirado"
    assert any("retir" in text.lower() for text in editor.check.blocked_texts())
    granted = museum.entries["granted"]
    assert not editor.outline.status_text(granted).startswith(("Blocked", "Bloqueada"))
    consents.withdraw(msession.archive, museum.consents["granted"], "llamó para retirarlo")
    msession.catalogueChanged.emit({museum.items["granted"]})
    assert editor.outline.status_text(granted).startswith(("Blocked", "Bloqueada"))
    assert "retir" in editor.outline.status_text(granted).lower()


def test_detail_pane_says_which_exhibits_use_the_item(window, museum):
    window.sidebar.select(Source("all"))
    window.items.select_item(museum.items["granted"])
    html = window.detail.body.toPlainText()
    assert "Voces" in html
    assert "exhib" in html.lower() or "exposicion" in html.lower()


def test_selection_reports_item_ids_even_when_dropped_elsewhere(window, museum):
    index = window.model.index(window.model.row_of(museum.items["pending"]), 0)
    mime = window.model.mimeData([index, index.siblingAtColumn(1)])
    assert bytes(mime.data("application/x-memoria-item-ids")) == \
        f"[{museum.items['pending']}]".encode()
    assert window.exhibits.editor.outline.drop(mime, QPoint(-5, -5)) is False  # no exhibit
