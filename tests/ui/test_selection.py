"""Many items at once: extended selection in the list and the grid, kept by item id
across the list's reloads, and the detail pane's summary of a selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QSignalSpy, QTest

from memoria.domain.consent import Audience
from memoria.domain.model import ConsentStatus, Kind, Role, Scope
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.ui.actions import ActionId
from memoria.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(session, settings, qtbot):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def _items(session, n: int, kind: Kind = Kind.TESTIMONY) -> list[int]:
    ids = [item_store.create_item(session.archive, item_store.ItemFields(
        kind, f"Elemento {k:02d}", description="Prueba.")) for k in range(n)]
    session.catalogueChanged.emit(set())
    return ids


def _click(view, row: int, modifier=Qt.KeyboardModifier.NoModifier, column: int = 1) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier,
                     view.visualRect(index).center())


def _rows(window) -> list[int]:
    return [window.model.item_id(r) for r in range(window.model.rowCount())]


def test_ctrl_and_shift_click_select_many_in_list_order(session, window, qtbot):
    _items(session, 6)
    rows = _rows(window)
    table = window.items.table
    spy = QSignalSpy(window.items.selectionChanged)
    _click(table, 4)
    assert window.selected_item_ids() == [rows[4]]
    _click(table, 1, CTRL)
    assert window.selected_item_ids() == [rows[1], rows[4]]  # list order, not click order
    _click(table, 2, SHIFT)  # from the anchor (row 1) to row 2, added to row 4
    assert window.selected_item_ids() == [rows[1], rows[2], rows[4]]
    _click(table, 0)
    _click(table, 2, SHIFT)  # a plain click's anchor: rows 0 to 2, nothing else
    assert window.selected_item_ids() == rows[0:3]
    _click(table, 5, CTRL)
    assert window.selected_item_ids() == [rows[0], rows[1], rows[2], rows[5]]
    assert spy.count() >= 5
    assert spy.at(spy.count() - 1)[0] == [rows[0], rows[1], rows[2], rows[5]]
    _click(table, 5, CTRL)  # Ctrl-click again deselects
    _click(table, 0, CTRL)
    assert window.selected_item_ids() == [rows[1], rows[2]]

    # The detail pane sums the selection up; the status bar says how many.
    assert window.detail.selection == [rows[1], rows[2]]
    assert window.detail.item_id is None
    text = window.detail.body.toPlainText()
    assert text.startswith("2 item(s) selected")  # Spanish: test_selection_in_spanish
    assert "2" in window.selection_label.text()
    _click(table, 3)  # a plain click: one item again, shown whole
    assert window.selected_item_ids() == [rows[3]]
    assert window.detail.item_id == rows[3] and window.detail.selection == []
    assert window.selection_label.text() == ""


def test_shift_arrows_and_ctrl_a_extend_the_selection(session, window, qtbot):
    _items(session, 5)
    rows = _rows(window)
    table = window.items.table
    _click(table, 1)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Down, SHIFT)
    QTest.keyClick(table, Qt.Key.Key_Down, SHIFT)
    assert window.selected_item_ids() == rows[1:4]
    select_all = window.actions[ActionId.SELECT_ALL]
    assert select_all in window.edit_menu.actions()
    assert select_all in window.safe_actions  # allowed while locked to a visitor's view
    QTest.keyClick(table, Qt.Key.Key_A, CTRL)
    assert window.selected_item_ids() == rows
    # Ctrl+A in the search field selects its text, not the items.
    _click(table, 0)
    window.search_field.setText("palabras")
    window.search_field.setFocus()
    QTest.keyClick(window.search_field, Qt.Key.Key_A, CTRL)
    assert window.search_field.selectedText() == "palabras"
    assert window.selected_item_ids() == [rows[0]]


def test_nothing_selected_gives_an_empty_list(session, window):
    assert window.selected_item_ids() == []
    _items(session, 2)
    window.items.select_items([])
    assert window.selected_item_ids() == []


def test_grid_and_list_share_the_selection(session, window, qtbot):
    _items(session, 6, Kind.PHOTOGRAPH)
    rows = _rows(window)
    _click(window.items.table, 0)
    _click(window.items.table, 3, CTRL)
    window.set_grid(True)
    assert window.selected_item_ids() == [rows[0], rows[3]]
    _click(window.items.grid, 5, CTRL)
    assert window.selected_item_ids() == [rows[0], rows[3], rows[5]]
    window.set_grid(False)
    assert window.selected_item_ids() == [rows[0], rows[3], rows[5]]


def test_selection_survives_a_sort_and_a_change_from_the_feed(session, window, qtbot):
    ids = _items(session, 6)
    chosen = [ids[1], ids[3], ids[4]]
    window.items.select_items(chosen, ids[3])

    window.items.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # titles Z..A
    assert _rows(window) == list(reversed(ids))
    assert window.selected_item_ids() == [ids[4], ids[3], ids[1]]  # the new list order
    assert window.items.current_item() == ids[3]
    spy = QSignalSpy(window.items.selectionChanged)

    item_store.update_item(session.archive, ids[0], item_store.ItemFields(
        Kind.TESTIMONY, "Elemento 99", description="Cambiado."))
    session.catalogueChanged.emit({ids[0]})  # as the change feed announces it
    assert window.selected_item_ids() == [ids[4], ids[3], ids[1]]
    assert window.items.current_item() == ids[3]
    assert spy.count() == 0  # kept as it was: nothing to announce


def test_audience_switch_drops_the_items_it_hides(session, window, qtbot):
    ids = _items(session, 4)
    person = authorities.add_person(session.archive, "Rosa Elena Marín").id
    for item_id in ids[:2]:
        item_store.update_item(session.archive, item_id, item_store.ItemFields(
            Kind.TESTIMONY, f"Abierto {item_id}", description="Prueba.",
            people=[(person, Role.NARRATOR)]))
    consents.record_consent(session.archive, person, ids[:2], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.INTERNAL, Scope.RESEARCH}))
    session.catalogueChanged.emit(set())
    window.items.select_items([ids[0], ids[1], ids[2]], ids[2])
    spy = QSignalSpy(window.items.selectionChanged)

    session.set_audience(Audience.RESEARCHER)
    assert set(window.model.ids()) == set(ids[:2])
    assert sorted(window.selected_item_ids()) == ids[:2]  # ids[2] is not visible: gone
    assert spy.count() == 1
    assert window.detail.selection == sorted(window.selected_item_ids())

    session.set_audience(Audience.CUSTODIAN)  # a hidden item does not come back selected
    assert sorted(window.selected_item_ids()) == ids[:2]


def test_idle_lock_round_trip_keeps_the_selection(session, window, qtbot):
    ids = _items(session, 5)
    window.items.select_items([ids[0], ids[2], ids[3]], ids[2])
    window.idle_lock.lock()
    qtbot.waitUntil(lambda: session.sleeping, timeout=5000)
    assert window.detail.selection == [] and window.detail.item_id is None
    window.idle_lock.screen.unlock_button.click()
    assert window.selected_item_ids() == [ids[0], ids[2], ids[3]]
    assert window.items.current_item() == ids[2]
    assert window.detail.selection == [ids[0], ids[2], ids[3]]
    assert "3" in window.selection_label.text()


def test_selection_in_spanish(session, settings, qapp, qtbot):
    from PySide6.QtCore import QLocale

    from memoria.ui import i18n

    previous = QLocale()
    i18n.install(qapp, "es")
    try:
        win = MainWindow(session, settings)
        qtbot.addWidget(win)
        win.show()
        ids = _items(session, 3, Kind.PHOTOGRAPH)
        win.items.select_items(ids)
        text = win.detail.body.toPlainText()
        assert text.startswith("3 elementos seleccionados")
        assert "Fotografías" in text and "Sin consentimiento" in text
        assert win.selection_label.text() == "· 3 seleccionados"
        assert win.actions[ActionId.SELECT_ALL].text() == "Seleccionar &todo"
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(previous)
