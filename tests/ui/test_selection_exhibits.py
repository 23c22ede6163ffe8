"""A selection into an exhibit: Edit > Add to exhibit, "Add selected items" and a drag
onto the sidebar's exhibit or the editor's outline place every selected item, in list
order, and one message says which the exhibit's consent check blocks. A drag carries
item ids of our own type only, never files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QDropEvent

from memoria.storage import exhibits as store
from memoria.ui.actions import ActionId
from memoria.ui.main_window import MainWindow
from memoria.ui.models.item_table import ITEM_IDS_MIME
from memoria.ui.views.sidebar import Source


@pytest.fixture
def window(msession, settings, qtbot):
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Colombia))
    win = MainWindow(msession, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    QLocale.setDefault(before)


def _order(session, exhibit_id: int) -> list[int]:
    exhibit = store.get_exhibit(session.reader, exhibit_id)
    return [e.item_id for s in exhibit.sections for e in s.entries]


def _new_exhibit(msession) -> int:
    exhibit_id = store.create_exhibit(msession.archive, "nueva", "Nueva")
    store.add_section(msession.archive, exhibit_id, "Laderas")
    msession.catalogueChanged.emit(set())
    return exhibit_id


def _in_list_order(window, ids):
    return sorted(ids, key=window.model.row_of)


def test_add_to_exhibit_places_the_whole_selection_and_reports_once(
        window, msession, museum, no_blocking_message_boxes):
    exhibit_id = _new_exhibit(msession)
    chosen = [museum.items[k] for k in ("granted", "withdrawn", "pending", "blurred")]
    window.items.select_items(chosen)
    action = window.actions[ActionId.ADD_TO_EXHIBIT]
    assert action in window.edit_menu.actions() and action in window.custodian_actions
    menu = action.menu()
    menu.aboutToShow.emit()
    [entry] = [a for a in menu.actions() if a.text() == "Nueva"]
    entry.trigger()
    assert _order(msession, exhibit_id) == _in_list_order(window, chosen)
    # One message for the selection: the blocked items with their reasons, not a dialog each.
    assert len(no_blocking_message_boxes) == 1
    report = window.exhibits.placement.last_report
    accessions = {i: a for i, (a, _t) in __import__(
        "memoria.operations.items", fromlist=["x"]).accessions_and_titles(
        msession.reader, chosen).items()}
    lines = [line for line in report.splitlines() if line.startswith("• ")]
    assert any(accessions[museum.items["withdrawn"]] in line and "retir" in line.lower()
               for line in lines)
    assert any(accessions[museum.items["pending"]] in line for line in lines)
    assert not any(accessions[museum.items["granted"]] in line for line in lines)
    assert "4 elementos agregados" in report or "4 item(s) added" in report

    # Again with one more: those already there stay where they are, and are named.
    window.items.select_items(chosen + [museum.items["none"]])
    window.exhibits.placement.add_selected_to(exhibit_id)
    assert _order(msession, exhibit_id) == _in_list_order(window, chosen) + [
        museum.items["none"]]
    assert accessions[museum.items["granted"]] in window.exhibits.placement.last_report.split(
        "\n\n")[-1]


def test_add_selected_in_the_editor_adds_all(window, msession, museum):
    exhibit_id = _new_exhibit(msession)
    chosen = [museum.items[k] for k in ("granted", "research", "restricted")]
    window.sidebar.select(Source("exhibit", exhibit=exhibit_id))
    editor = window.exhibits.editor
    assert window.exhibits.stack.currentWidget() is editor
    window.items.select_items(chosen)
    editor.add_items_action.trigger()
    assert _order(msession, exhibit_id) == _in_list_order(window, chosen)
    # The same from the Edit menu's action while the editor shows the exhibit.
    window.items.select_items([museum.items["none"]])
    window.actions[ActionId.ADD_TO_EXHIBIT].trigger()
    assert _order(msession, exhibit_id)[-1] == museum.items["none"]


def _drag_of(window, ids):
    """What the list hands to a drag of the selected rows (QAbstractItemView.startDrag)."""
    window.items.select_items(ids)
    indexes = window.items.table.selectionModel().selectedIndexes()
    return window.model.mimeData(indexes)


def test_drag_carries_item_ids_and_never_files(window, museum):
    ids = [museum.items["granted"], museum.items["pseudonym"]]
    mime = _drag_of(window, ids)
    assert mime.formats() == [ITEM_IDS_MIME]
    assert not mime.hasUrls() and not mime.hasText() and not mime.hasHtml()
    assert not mime.hasImage()
    import json

    assert json.loads(bytes(mime.data(ITEM_IDS_MIME))) == _in_list_order(window, ids)
    for view in (window.items.table, window.items.grid):
        assert view.dragEnabled()
        assert view.dragDropMode().name == "DragOnly"


def test_drag_onto_the_sidebar_exhibit_adds_the_items(window, msession, museum):
    exhibit_id = _new_exhibit(msession)
    ids = [museum.items["granted"], museum.items["research"]]
    mime = _drag_of(window, ids)
    sidebar = window.sidebar
    entry = sidebar._entries[Source("exhibit", exhibit=exhibit_id)]
    point = QPointF(sidebar.visualRect(entry.index()).center())
    event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    sidebar.dropEvent(event)
    assert event.isAccepted()
    assert _order(msession, exhibit_id) == _in_list_order(window, ids)
    # Dropped on a library entry: nothing happens.
    library = sidebar._entries[Source("all")]
    event = QDropEvent(QPointF(sidebar.visualRect(library.index()).center()),
                       Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    sidebar.dropEvent(event)
    assert not event.isAccepted()
    assert _order(msession, exhibit_id) == _in_list_order(window, ids)


def test_drag_onto_the_outline_adds_every_dragged_item(window, msession, museum):
    exhibit_id = _new_exhibit(msession)
    window.sidebar.select(Source("exhibit", exhibit=exhibit_id))
    outline = window.exhibits.editor.outline
    ids = [museum.items[k] for k in ("granted", "research", "restricted", "none")]
    mime = _drag_of(window, ids)
    rect = outline.visualRect(outline.model_.index(0, 0))
    event = QDropEvent(QPointF(rect.center()), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    outline.dropEvent(event)
    assert event.isAccepted()
    assert _order(msession, exhibit_id) == _in_list_order(window, ids)
