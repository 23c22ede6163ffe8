"""Suprimir… in the window: the confirmation lists what goes, the shared items,
the copies outside and the wait; the request waits, can be cancelled, and is
carried out from the pending list once due. Custodians only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memoria.domain.consent import Audience
from memoria.storage import copies as copy_store
from memoria.storage import items as item_store
from memoria.ui.dialogs import purge_dialog
from memoria.ui.main_window import MainWindow
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner
from tests.unit.test_purge import SURNAME, build, found_canaries


@pytest.fixture
def world(tmp_path, qtbot):
    w = build(tmp_path / "archive", tmp_path / "files")
    arch = w["archive"]
    copy_store.record_copy(arch, "edition", [w["group"]], Audience.RESEARCHER,
                           tmp_path / "usb-sala")
    root = arch.root
    arch.close()
    session = Session(root, TaskRunner(synchronous=True))
    w["session"], w["usb"] = session, tmp_path / "usb-sala"
    yield w
    session.close()


def test_the_confirmation_lists_what_goes_and_records_a_request(world, settings, qtbot):
    session = world["session"]
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.items.select_item(world["own"])  # on screen while it is purged
    dialog = purge_dialog.purge_person(window, world["her"])
    assert dialog is not None
    qtbot.addWidget(dialog)
    items = [dialog.items_list.item(r).text() for r in range(dialog.items_list.count())]
    assert len(items) == 2 and any("Retrato" in t for t in items)
    shared = dialog.shared_list
    assert shared.count() == 1 and "junta" in shared.item(0).text()
    copies = [dialog.copies_list.item(r).text() for r in range(dialog.copies_list.count())]
    assert any(str(world["usb"]) in c for c in copies)  # the kept group photo's edition
    assert "3 days" in dialog.waiting.text()
    assert not dialog.request_button.isEnabled()  # reason and basis first
    qtbot.keyClicks(dialog.reason, "Lo pidio por escrito")
    qtbot.keyClicks(dialog.basis, "Ley 1581 de 2012")
    qtbot.keyClicks(dialog.request_ref, "RAD-9")
    shared.item(0).setCheckState(Qt.CheckState.Checked)  # the group photograph goes too
    qtbot.mouseClick(dialog.request_button, Qt.MouseButton.LeftButton)
    assert dialog.purge_id is not None
    assert item_store.get_item(session.reader, world["own"])  # nothing removed yet

    pending = purge_dialog.show_pending(window)
    qtbot.addWidget(pending)
    assert pending.count() == 1
    qtbot.mouseClick(pending.confirm_button, Qt.MouseButton.LeftButton)
    assert "(UTC)" in pending.message.text()  # it waits: no second custodian, no wait over
    assert pending.count() == 1
    session.archive.conn.execute("UPDATE purges SET not_before = '2000-01-01T00:00:00+00:00'")
    with qtbot.waitSignal(session.catalogueChanged):
        qtbot.mouseClick(pending.confirm_button, Qt.MouseButton.LeftButton)
    assert pending.count() == 0 and pending.message.text()
    assert found_canaries(session.path, [SURNAME.encode()]) == []
    assert {world["own"], world["photo"], world["group"]}.isdisjoint(window.model.ids())
    assert window.detail.item_id != world["own"]
    assert world["other"] in window.model.ids()


def test_a_request_can_be_cancelled_in_the_window(world, settings, qtbot):
    session = world["session"]
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.items.select_item(world["own"])
    dialog = purge_dialog.purge_current_item(window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.reason, "pedido")
    qtbot.keyClicks(dialog.basis, "Ley 1581")
    qtbot.mouseClick(dialog.request_button, Qt.MouseButton.LeftButton)
    pending = purge_dialog.show_pending(window)
    qtbot.addWidget(pending)
    qtbot.mouseClick(pending.cancel_button, Qt.MouseButton.LeftButton)
    assert pending.count() == 0 and pending.message.text()
    assert item_store.get_item(session.reader, world["own"])


def test_no_way_in_for_researchers_or_the_public(world, settings, qtbot):
    session = world["session"]
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    for audience in (Audience.RESEARCHER, Audience.PUBLIC):
        session.set_audience(audience)
        assert not any(a.isEnabled() for a in window.purge_actions)
        for action in window.purge_actions:
            action.trigger()  # a shortcut or a stale menu: still nothing opens
        assert purge_dialog.purge_person(window, world["her"]) is None
        assert purge_dialog.show_pending(window) is None
        assert getattr(window, "purge_dialog", None) is None
    session.set_audience(Audience.CUSTODIAN)
    session.lock_to(Audience.RESEARCHER)  # shown to a visitor: no way in either
    assert purge_dialog.purge_person(window, world["her"]) is None
    assert purge_dialog.show_pending(window) is None


def test_the_confirmation_speaks_spanish(world, settings, qtbot, qapp):
    from PySide6.QtCore import QLocale

    from memoria.ui import i18n

    previous = QLocale()
    i18n.install(qapp, "es")
    try:
        window = MainWindow(world["session"], settings)
        qtbot.addWidget(window)
        assert [a.text() for a in window.purge_actions] == [
            "Suprimir &elemento...", "Suprimir a una &persona...", "Supresiones &pendientes..."]
        dialog = purge_dialog.purge_person(window, world["her"])
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Supresión a pedido"
        assert dialog.request_button.text() == "Solicitar &supresión"
        assert "3 días" in dialog.waiting.text()
        # Each count in its own number; an item's purge says nothing of "this person".
        window.items.select_item(world["photo"])
        single = purge_dialog.purge_current_item(window)
        qtbot.addWidget(single)
        assert single.summary.text().startswith("Qué se suprime: 1 elemento, 1 archivo.")
        assert "elementos" not in single.summary.text()
        assert "persona" not in single.summary.text()
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(previous)
