"""Search that talks back (issue 15): the empty state, errors under the field without
reflowing the toolbar, and the keyboard path from the field to the results."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from memoria.ui.main_window import MainWindow
from tests.unit.test_search_support import sample


@pytest.fixture
def ids(archive):
    return sample(archive)


@pytest.fixture
def window(ids, session, qtbot, settings):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.resize(1366, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


def _search(window, text):
    window.search_field.setText(text)
    window.run_search()


def test_zero_results_say_so_and_suggest_what_to_try(window, ids):
    _search(window, "Medellín")
    assert window.model.rowCount() > 0
    assert not window.search_empty.isVisible()
    _search(window, "zzzqqq nadaporaqui")
    assert window.model.rowCount() == 0
    empty = window.search_empty
    assert empty.isVisible()
    text = empty.text()
    assert "zzzqqq nadaporaqui" in text
    assert "OR" in text and "lugar:" in text  # the syntax, with examples
    assert empty.geometry().height() > 100  # over the list, not a sliver
    window.clear_search()
    assert not empty.isVisible()


def test_a_syntax_error_shows_under_the_field_without_reflowing_the_toolbar(window):
    _search(window, "zzzqqq")  # an empty result first: its message must not linger
    toolbar_height = window.toolbar.height()
    field_row = window.search_field.mapTo(window, window.search_field.rect().topLeft()).y()
    _search(window, "*salado")
    assert window.search_error.text()
    assert window.search_error.isVisible()
    QTest.qWait(20)
    assert window.toolbar.height() == toolbar_height
    assert window.search_field.mapTo(window, window.search_field.rect().topLeft()).y() == \
        field_row
    error_top = window.search_error.mapTo(window, window.search_error.rect().topLeft()).y()
    assert error_top >= field_row + window.search_field.height()  # under the field
    assert not window.search_empty.isVisible()  # the error explains; no stale "nothing matched"
    _search(window, "madres")
    assert not window.search_feedback.isVisible()


def test_down_and_tab_from_the_search_field_reach_the_results(window, ids):
    _search(window, "Medellín")
    assert window.model.rowCount() > 0
    window.search_field.setFocus()
    QTest.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.items.table.hasFocus()
    assert window.items.current_item() is not None
    window.search_field.setFocus()
    QTest.keyClick(window.search_field, Qt.Key.Key_Tab)
    assert window.items.table.hasFocus()
