"""In the window: a withdrawal names the copies to recall, and the sidebar's
queue lists them until they are marked recalled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memoria.domain.consent import Audience
from memoria.domain.model import ConsentStatus, Kind, Role, Scope
from memoria.storage import authorities, consents
from memoria.storage import copies as copy_store
from memoria.storage import items as item_store
from memoria.ui.editors.consent_editor import ConsentEditor
from memoria.ui.main_window import MainWindow
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner
from memoria.ui.views.sidebar import RECALLS


@pytest.fixture
def lent(archive, tmp_path, qtbot):
    """A testimony open to research, copied to a reading-room USB stick."""
    ana = authorities.add_person(archive, "Ana Restrepo")
    item_id = item_store.create_item(archive, item_store.ItemFields(
        kind=Kind.TESTIMONY, title="Testimonio de Ana", people=[(ana.id, Role.NARRATOR)]))
    consents.record_consent(archive, ana.id, [item_id], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH}))
    copy_store.record_copy(archive, "edition", [item_id], Audience.RESEARCHER,
                           tmp_path / "usb-sala")
    path = archive.root
    archive.close()
    sess = Session(path, TaskRunner(synchronous=True))
    yield sess, item_id, tmp_path / "usb-sala"
    sess.close()


def test_withdrawal_in_the_window_names_the_copy_and_queues_it(lent, settings, qtbot,
                                                                monkeypatch):
    session, item_id, usb = lent
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    entry = window.sidebar._entries[RECALLS]
    assert entry.text().endswith("(0)")

    editor = ConsentEditor(session, item_id=item_id)
    qtbot.addWidget(editor)
    editor.show()
    monkeypatch.setattr(editor, "ask_reason", lambda *_: "lo pidió")
    editor.records.selectRow(0)
    with qtbot.waitSignal(session.catalogueChanged):
        qtbot.mouseClick(editor.withdraw_button, Qt.MouseButton.LeftButton)
    notice = editor.message.text()
    assert "must be recalled" in notice and str(usb) in notice
    assert entry.text().endswith("(1)")

    window.sidebar.recallsRequested.emit()
    dialog = window.recall_dialog
    assert dialog.count() == 1 and str(usb) in dialog.tree.topLevelItem(0).text(0)
    with qtbot.waitSignal(session.catalogueChanged):
        qtbot.mouseClick(dialog.mark_button, Qt.MouseButton.LeftButton)
    assert dialog.count() == 0
    assert copy_store.pending_recalls(session.reader) == []
    assert entry.text().endswith("(0)")


def test_the_recall_queue_is_custodial_work(lent, settings, qtbot):
    session, _item_id, _usb = lent
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    session.set_audience(Audience.RESEARCHER)
    window.show_recalls()
    assert getattr(window, "recall_dialog", None) is None


def test_the_queue_speaks_spanish(lent, settings, qtbot, qapp):
    from PySide6.QtCore import QLocale

    from memoria.ui import i18n

    previous = QLocale()
    i18n.install(qapp, "es")
    try:
        session, _item_id, _usb = lent
        window = MainWindow(session, settings)
        qtbot.addWidget(window)
        assert window.sidebar._entries[RECALLS].text().startswith("Copias por recoger")
        window.show_recalls()
        assert window.recall_dialog.windowTitle() == "Copias por recoger"
        assert window.recall_dialog.mark_button.text() == "&Marcar como recogida"
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(previous)
