"""Context menus on a real archive (every consent state, an exhibit, a testimony with
segments), in Spanish: what each place offers, to whom, and that its actions run."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPoint
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from memoria.domain.consent import Audience
from memoria.domain.model import Kind
from memoria.operations import exhibits as exhibit_ops
from memoria.operations import items as item_ops
from memoria.ui import i18n
from memoria.ui.lock.audience_lock import is_safe
from memoria.ui.main_window import MainWindow
from memoria.ui.views.sidebar import Source


@pytest.fixture
def window(msession, settings, qtbot, qapp):
    previous = QLocale()
    i18n.install(qapp, "es")  # before the window: its actions take their texts at creation
    win = MainWindow(msession, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    i18n.uninstall(qapp)
    QLocale.setDefault(previous)


def _entries(menu) -> list[str]:
    assert menu is not None, "no menu opened"
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _action(menu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


def _right_click_row(window, item_id: int):
    view = window.items.view()
    row = window.model.row_of(item_id)
    index = window.model.index(row, 0 if view is window.items.table else 1)
    view.customContextMenuRequested.emit(view.visualRect(index).center())
    return window.context_menus.last


def _right_click_sidebar(window, source: Source):
    sidebar = window.sidebar
    index = sidebar._entries[source].index()
    sidebar.customContextMenuRequested.emit(sidebar.visualRect(index).center())
    return window.context_menus.last


def _close(menu) -> None:
    if menu is not None:
        menu.close()


def _accession(session, item_id: int) -> str:
    return item_ops.get_item(session.reader, item_id).accession


def test_item_row_menu_selects_the_row_and_copies_its_reference(window, msession, museum):
    first, second = museum.items["none"], museum.items["granted"]
    assert window.items.select_item(first)
    menu = _right_click_row(window, second)
    assert window.items.current_item() == second  # the right-clicked row, selected first
    entries = _entries(menu)
    for expected in ("&Editar elemento", "&Consentimiento...", "Copiar &referencia"):
        assert expected in entries
    _action(menu, "Copiar &referencia").trigger()
    _close(menu)
    title = window.model.index(window.model.row_of(second), 1).data()
    assert QApplication.clipboard().text() == f"{_accession(msession, second)} · {title}"


def test_grid_tile_menu_offers_the_same_work(window, museum):
    window.set_grid(True)
    menu = _right_click_row(window, museum.items["blurred"])
    assert window.items.current_item() == museum.items["blurred"]
    entries = _entries(menu)
    assert "&Editar elemento" in entries and "Copiar &referencia" in entries
    _close(menu)


def test_a_researcher_sees_no_custodian_entries(window, msession, museum):
    msession.set_audience(Audience.RESEARCHER)
    custodian = {id(a) for a in window.actions.custodian}
    visible = window.model.ids()
    assert visible, "the researcher should see some item"
    menu = _right_click_row(window, visible[0])
    assert not any(id(a) in custodian for a in menu.actions())
    assert "&Editar elemento" not in _entries(menu)
    assert "Copiar &referencia" in _entries(menu)
    _close(menu)
    menu = _right_click_sidebar(window, Source("exhibit", exhibit=museum.exhibit_id))
    assert _entries(menu) == ["&Abrir"]  # no rename or export
    _close(menu)


def test_the_visitor_lock_leaves_only_safe_entries(window, msession, museum):
    assert window.audience_lock.lock(Audience.PUBLIC)
    try:
        shown = window.model.ids()
        assert shown
        menu = _right_click_row(window, shown[0])
        entries = _entries(menu)
        assert "Copiar &referencia" in entries
        assert "&Editar elemento" not in entries and "&Consentimiento..." not in entries
        assert all(is_safe(a) and a.isEnabled() for a in menu.actions() if not a.isSeparator())
        _close(menu)
        menu = _right_click_sidebar(window, Source("kind", kind=Kind.PHOTOGRAPH))
        assert _entries(menu) == ["&Abrir"]
        _close(menu)
        msession.sleeping = True  # behind the idle lock no menu opens at all
        assert _right_click_row(window, shown[0]) is None
    finally:
        msession.sleeping = False
        msession.unlock_view()  # the lock's filter is application-wide: leave none behind


def test_sidebar_entry_menu_selects_the_entry_first(window):
    photos = Source("kind", kind=Kind.PHOTOGRAPH)
    menu = _right_click_sidebar(window, photos)
    assert window.sidebar.current_source() == photos  # as a row: what the menu acts on
    assert window.model.kind is Kind.PHOTOGRAPH
    assert _entries(menu) == ["&Abrir"]
    _close(menu)


def _confirm(box: QMessageBox) -> int:
    """Click the confirmation's accept button (a modal box would wait forever offscreen)."""
    for button in box.buttons():
        if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
            button.click()
            break
    return 0


def test_trash_menus_move_restore_and_empty(window, msession, museum, monkeypatch):
    photo = museum.items["none"]
    menu = _right_click_row(window, photo)
    assert "Mover a la &papelera" in _entries(menu)
    assert "&Restaurar desde la papelera" not in _entries(menu)
    monkeypatch.setattr(QMessageBox, "exec", _confirm)
    _action(menu, "Mover a la &papelera").trigger()
    _close(menu)
    assert photo not in window.model.ids()
    trash = Source("trash")
    menu = _right_click_sidebar(window, trash)
    assert window.sidebar.current_source() == trash  # selected first: the trash is shown
    assert _entries(menu) == ["&Abrir", "&Vaciar la papelera…"]
    _close(menu)
    menu = _right_click_row(window, photo)
    assert "&Restaurar desde la papelera" in _entries(menu)
    assert "Mover a la &papelera" not in _entries(menu)
    _close(menu)


def test_sidebar_exhibit_menu_renames_the_exhibit(window, msession, museum, monkeypatch):
    menu = _right_click_sidebar(window, Source("exhibit", exhibit=museum.exhibit_id))
    assert _entries(menu) == ["&Abrir", "Cambiar &nombre...", "&Exportar..."]
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("Voces del barrio", True)))
    _action(menu, "Cambiar &nombre...").trigger()
    _close(menu)
    titles = {x.id: x.title.es for x in exhibit_ops.list_exhibits(msession.reader)}
    assert titles[museum.exhibit_id] == "Voces del barrio"
    assert "Voces del barrio" in window.sidebar._entries[
        Source("exhibit", exhibit=museum.exhibit_id)].text()


def _order(session, exhibit_id: int) -> list[int]:
    exhibit = exhibit_ops.get_exhibit(session.reader, exhibit_id)
    return [e.id for e in exhibit.sections[0].entries]


def _right_click_entry(window, entry_id: int):
    outline = window.exhibits.editor.outline
    index = outline._rows[("entry", entry_id)].index()
    outline.scrollTo(index)
    outline.customContextMenuRequested.emit(outline.visualRect(index).center())
    return window.exhibits.last_menu


def test_exhibit_entry_menu_moves_and_removing_asks_first(window, msession, museum,
                                                          monkeypatch):
    window.sidebar.select(Source("exhibit", exhibit=museum.exhibit_id))
    before = _order(msession, museum.exhibit_id)
    second = before[1]
    menu = _right_click_entry(window, second)
    assert window.exhibits.editor.outline.current() == ("entry", second)
    assert _entries(menu) == ["&Abrir el elemento", "&Subir", "&Bajar",
                              "&Quitar de la exposición..."]
    _action(menu, "&Subir").trigger()
    _close(menu)
    assert _order(msession, museum.exhibit_id) == [second, before[0], *before[2:]]

    asked = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: asked.append(a) or answer))
    menu = _right_click_entry(window, second)
    _action(menu, "&Quitar de la exposición...").trigger()
    _close(menu)
    assert len(asked) == 1 and second in _order(msession, museum.exhibit_id)
    answer = QMessageBox.StandardButton.Yes
    window.exhibits.remove_current()
    assert second not in _order(msession, museum.exhibit_id)


def test_transcript_segment_menu_in_the_item_editor(window, msession, museum):
    testimony = museum.items["pseudonym"]
    editor = window.editors.edit_item(testimony)
    table = editor.transcript
    index = table.table.model().index(1, 3)
    table.table.customContextMenuRequested.emit(table.table.visualRect(index).center())
    assert table.table.currentRow() == 1
    menu = table.last_menu
    assert _entries(menu) == ["&Reproducir desde aquí", "&Editar el texto",
                              "Mismo/otro &hablante\tCtrl+K",
                              "&Marcar como revisado\tCtrl+Enter",
                              "Copiar referencia con &tiempo"]
    played = []
    table.play_requested.connect(played.append)
    _action(menu, "&Reproducir desde aquí").trigger()
    assert played == [1000]
    _action(menu, "Copiar referencia con &tiempo").trigger()
    _close(menu)
    assert QApplication.clipboard().text() == f"{_accession(msession, testimony)} @ 0:00:01"
    editor.close()


def test_transcript_line_menu_in_the_detail_pane_is_safe(window, msession, museum):
    testimony = museum.items["pseudonym"]
    assert window.items.select_item(testimony)
    listing = window.detail.media.transcript
    assert listing.count() == 3
    listing.customContextMenuRequested.emit(listing.visualItemRect(listing.item(2)).center())
    assert listing.currentRow() == 2
    menu = listing.last_menu
    assert _entries(menu) == ["&Reproducir desde aquí", "Copiar referencia con &tiempo"]
    assert all(is_safe(a) for a in menu.actions() if not a.isSeparator())
    _action(menu, "Copiar referencia con &tiempo").trigger()
    _close(menu)
    assert QApplication.clipboard().text() == f"{_accession(msession, testimony)} @ 0:00:02"


def test_right_click_on_empty_space_opens_nothing(window):
    view = window.items.table
    window.context_menus.last = None
    view.customContextMenuRequested.emit(QPoint(5, view.viewport().height() - 2))
    assert window.context_menus.last is None
