"""The trash in the window (issue 15), on the exhibits' test archive with real widgets:
Delete asks, naming what goes, then the item leaves the list, the counts, search and
the exhibit check; the sidebar's Trash lists it for custodians only, restores it, and
empties it after a confirmation that says backups keep it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from memoria.domain.consent import Audience
from memoria.storage import items as item_store
from memoria.ui.actions import ActionId
from memoria.ui.main_window import MainWindow
from memoria.ui.views.sidebar import ALL, TRASH


@pytest.fixture
def window(msession, settings, qtbot):
    win = MainWindow(msession, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)  # shortcuts reach an active window only
    return win


def _answer(monkeypatch, confirm: bool, seen: list[str]) -> None:
    """Answer the trash's confirmations by clicking their real buttons (offscreen, a
    modal box would wait forever: tests/conftest.py answers Cancel unless told)."""
    def exec_(box: QMessageBox) -> int:
        seen.append(box.text())
        for button in box.buttons():
            if (box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole) == confirm:
                button.click()
                break
        return 0
    monkeypatch.setattr(QMessageBox, "exec", exec_)


def _accession(msession, item_id: int) -> str:
    return item_store.accession_of(msession.reader, item_id)


def test_delete_asks_then_moves_to_the_trash_and_restore_brings_it_back(
        window, msession, museum, qtbot, monkeypatch):
    item = museum.items["granted"]
    assert window.items.select_item(item)
    window.items.table.setFocus()
    qtbot.waitUntil(window.items.table.hasFocus)  # Delete belongs to the list
    seen: list[str] = []
    _answer(monkeypatch, False, seen)  # Cancel: nothing moves
    QTest.keyClick(window.items.table, Qt.Key.Key_Delete)
    assert seen and _accession(msession, item) in seen[0]
    assert item in window.model.ids()

    _answer(monkeypatch, True, seen)
    QTest.keyClick(window.items.table, Qt.Key.Key_Delete)
    assert len(seen) == 2 and "restore" in seen[1].lower()
    assert item not in window.model.ids()
    sidebar_text = window.sidebar._entries[TRASH].text()
    assert sidebar_text.endswith("(1)")
    # Search and the exhibit check no longer offer it.
    window.search_field.setText(item_store.get_item(msession.reader, item).title.split()[0])
    window.run_search()
    assert item not in window.model.ids()
    window.clear_search()

    window.sidebar.select(TRASH)
    assert window.model.ids() == [item]
    assert window.actions[ActionId.RESTORE_FROM_TRASH].isVisible()
    assert not window.actions[ActionId.MOVE_TO_TRASH].isVisible()
    assert window.items.select_item(item)
    assert "trash" in window.detail.explanation.text().lower()
    assert not window.detail.edit_button.isVisible()
    window.actions[ActionId.RESTORE_FROM_TRASH].trigger()
    assert window.model.ids() == []
    window.sidebar.select(ALL)
    assert item in window.model.ids()
    assert window.sidebar._entries[TRASH].text().endswith("(0)")


def test_empty_trash_names_the_count_and_the_backups(window, msession, museum, monkeypatch):
    first, second = museum.items["granted"], museum.items["pending"]
    from memoria.operations import trash as trash_ops

    msession.run(trash_ops.move_to_trash, [first, second])
    window.sidebar.select(TRASH)
    assert sorted(window.model.ids()) == sorted([first, second])
    seen: list[str] = []
    _answer(monkeypatch, True, seen)
    window.actions[ActionId.EMPTY_TRASH].trigger()
    assert "deletes 2 items" in seen[0] and "Backups keep them" in seen[0]
    assert window.model.ids() == []
    for item in (first, second):
        with pytest.raises(item_store.ItemError):
            item_store.get_item(msession.reader, item)
    assert "Trash emptied" in window.statusBar().currentMessage()


def test_only_custodians_see_the_trash(window, msession, museum):
    from memoria.operations import trash as trash_ops

    msession.run(trash_ops.move_to_trash, [museum.items["granted"]])
    window.sidebar.select(TRASH)
    msession.set_audience(Audience.RESEARCHER)
    trash_row = window.sidebar._entries[TRASH]
    assert window.sidebar.isRowHidden(trash_row.row(), trash_row.parent().index())
    assert window.sidebar.current_source() == ALL
    assert museum.items["granted"] not in window.model.ids()
    assert not window.actions[ActionId.MOVE_TO_TRASH].isEnabled()
    msession.set_audience(Audience.CUSTODIAN)
    assert not window.sidebar.isRowHidden(trash_row.row(), trash_row.parent().index())
    assert window.actions[ActionId.MOVE_TO_TRASH].isEnabled()


def test_delete_typed_in_the_search_field_edits_the_field(window, museum, qtbot,
                                                          monkeypatch):
    seen: list[str] = []
    _answer(monkeypatch, True, seen)
    assert window.items.select_item(museum.items["granted"])
    window.search_field.setText("barrio")
    window.search_field.setFocus()
    qtbot.waitUntil(window.search_field.hasFocus)
    window.search_field.setCursorPosition(0)
    QTest.keyClick(window.search_field, Qt.Key.Key_Delete)
    assert window.search_field.text() == "arrio" and seen == []
    assert museum.items["granted"] in window.model.ids()
    window.search_as_you_type.timer.stop()  # no search after the window is gone


def test_the_trash_speaks_spanish(msession, settings, qtbot, qapp):
    from PySide6.QtCore import QLocale

    from memoria.ui import i18n

    previous = QLocale()
    i18n.install(qapp, "es")
    try:
        win = MainWindow(msession, settings)
        qtbot.addWidget(win)
        assert win.sidebar._entries[TRASH].text().startswith("Papelera")
        assert win.actions[ActionId.MOVE_TO_TRASH].text() == "Mover a la &papelera"
        text = win.trash._move_text([1, 2])
        assert text.startswith("¿Mover 2 elementos a la papelera?")
        assert "Puede restaurarlos desde la Papelera" in text
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(previous)
