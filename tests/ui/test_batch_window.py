"""Batch edit and batch consent through the real dialogs (issue 15): 50 items at once,
the catalogue, the audit, the search index and the list follow one operation."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from memoria.domain.consent import Audience
from memoria.domain.model import ConsentStatus, Kind, Role, Scope
from memoria.operations import Actor
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.storage.db import transaction
from memoria.ui.actions import ActionId
from memoria.ui.main_window import MainWindow
from tests.conftest import make_jpeg

N = 50


@pytest.fixture
def photos(archive):
    """50 photographs, each with its depicted person, subject "pesca" and some "mareas"."""
    ids = []
    with transaction(archive.conn):  # one commit for the fixture, not a hundred
        for i in range(N):
            person = authorities.add_person(archive, f"Persona {i:02d}").id
            ids.append(item_store.create_item(archive, item_store.ItemFields(
                Kind.PHOTOGRAPH, f"Foto del puerto {i:02d}", people=[(person, Role.DEPICTED)],
                subjects=["pesca", "mareas"] if i % 2 else ["pesca"])))
    return ids


@pytest.fixture
def english(qapp):
    """Plural forms ("50 items") come from the English translation."""
    from PySide6.QtCore import QLocale

    from memoria.ui import i18n

    previous = QLocale()
    i18n.install(qapp, "en")
    yield
    i18n.uninstall(qapp)
    QLocale.setDefault(previous)


@pytest.fixture
def window(session, settings, qtbot, english):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def _type(qtbot, line_edit, text: str) -> None:
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def test_batch_edit_of_fifty_items_through_the_dialog(photos, session, window, qtbot):
    action = window.actions[ActionId.BATCH_EDIT]
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+E"
    assert action in window.edit_menu.actions()
    dialog = window.editors.batch_edit(photos)
    assert dialog.windowTitle() == "Edit 50 items"
    assert not dialog.apply_button.isEnabled()  # nothing asked yet

    _type(qtbot, dialog.add_subjects.input, "desplazamiento")
    _type(qtbot, dialog.remove_subjects.input, "pesca")
    _type(qtbot, dialog.add_places.input, "Colombia > Cauca > Guapi")
    dialog.set_date.click()
    qtbot.keyClicks(dialog.date.edit, "c. 1998")
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled()
                    and "Date: 50 to change" in dialog.preview_text.text(), timeout=2000)
    assert "50 items will change." in dialog.preview_text.text()
    assert "Subjects: 50 to change, 0 already so" in dialog.preview_text.text()

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() == "50 items changed.", timeout=5000)
    reader = session.reader
    for n, item_id in enumerate(photos):
        item = item_store.get_item(reader, item_id)
        assert list(item.subjects) == (["mareas"] if n % 2 else []) + ["desplazamiento"]
        assert [p.name for p in item.places] == ["Guapi"] and item.date_edtf == "1998~"
    rows = reader.conn.execute("SELECT item_id, details FROM audit_log "
                               "WHERE action = 'update'").fetchall()
    assert sorted(r[0] for r in rows) == sorted(photos)
    assert all(json.loads(r[1])["batch"] == {"size": N} for r in rows)
    # The index followed the operation's Changes: the new subject is found, the old is not.
    engine = window.search.engine
    qtbot.waitUntil(lambda: set(photos) <= set(
        engine.search("desplazamiento", Audience.CUSTODIAN).item_ids), timeout=10000)
    assert not set(photos) & set(engine.search("pesca", Audience.CUSTODIAN).item_ids)
    # Applied again, the preview says every item already has it.
    qtbot.waitUntil(lambda: "Subjects: 0 to change, 50 already so"
                    in dialog.preview_text.text(), timeout=2000)
    assert not dialog.apply_button.isEnabled()

    # One step undoes the whole batch, audited as the undo of it.
    undo = window.actions[ActionId.UNDO]
    assert undo.isEnabled() and undo.text() == "&Undo: edit 50 items"
    undo.trigger()
    qtbot.waitUntil(lambda: "pesca" in item_store.get_item(reader, photos[-1]).subjects,
                    timeout=5000)
    for n, item_id in enumerate(photos):
        item = item_store.get_item(reader, item_id)
        assert list(item.subjects) == (["pesca", "mareas"] if n % 2 else ["pesca"])
        assert not item.places and item.date_edtf is None
    undone = reader.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'update' "
                                 "AND details LIKE '%undo_of%'").fetchone()[0]
    assert undone == N


def test_a_bad_date_is_said_under_the_preview_and_nothing_applies(photos, window, qtbot):
    dialog = window.editors.batch_edit(photos[:3])
    dialog.set_date.click()
    qtbot.keyClicks(dialog.date.edit, "cuando llovia mucho")
    qtbot.waitUntil(lambda: "cannot be read" in dialog.preview_text.text(), timeout=2000)
    assert not dialog.apply_button.isEnabled()


def test_batch_consent_reopens_a_withdrawn_item_only_when_ticked(photos, session, window, qtbot,
                                                                 tmp_path):
    ids = photos[:5]
    person = item_store.get_item(session.reader, ids[2]).people[0].person.id
    # Item 2 had consent, then it was withdrawn.
    from memoria.operations import consent as consent_ops

    changes = consent_ops.record(session.archive, Actor("ana"), [person], [ids[2]],
                                 consents.ConsentTerms(ConsentStatus.GRANTED, {Scope.RESEARCH}))
    record_id = changes.value[0]
    consent_ops.withdraw(session.archive, Actor("ana"), record_id, "La familia lo pidió")
    session.catch_up()

    action = window.actions[ActionId.BATCH_CONSENT]
    assert action.isEnabled() and action in window.edit_menu.actions()
    dialog = window.editors.batch_consent(ids)
    dialog.form.status.setCurrentIndex(dialog.form.status.findData(ConsentStatus.GRANTED))
    dialog.form.scopes[Scope.RESEARCH].setChecked(True)
    dialog.form.set_form_file(make_jpeg(tmp_path / "formulario firmado.jpg"))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5
                    and dialog.table.item(0, 2).text() == "Granted", timeout=2000)
    assert dialog.table.item(2, 1).text() == "Withdrawn"
    assert "Left out: " + item_store.get_item(session.reader, ids[2]).accession \
        in dialog.summary.text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "4 consent records saved." in dialog.message.text(), timeout=5000)
    assert consents.records_for_item(session.reader, ids[2])[-1].status \
        is ConsentStatus.WITHDRAWN
    recorded = [consents.records_for_item(session.reader, i)[0] for i in ids if i != ids[2]]
    assert all(r.status is ConsentStatus.GRANTED for r in recorded)
    assert len({r.form_sha256 for r in recorded}) == 1 and recorded[0].form_sha256  # one scan

    # Ticked item by item, it reopens.
    qtbot.waitUntil(lambda: bool(dialog.table.item(2, 3).flags() & Qt.ItemFlag.ItemIsUserCheckable),
                    timeout=2000)
    dialog.table.item(2, 3).setCheckState(Qt.CheckState.Checked)
    assert "Left out" not in dialog.summary.text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "5 consent records saved." in dialog.message.text(), timeout=5000)
    current = consent_ops.current_records(consents.records_for_item(session.reader, ids[2]))
    assert [r.status for r in current] == [ConsentStatus.GRANTED]


def test_a_curator_cannot_record_consent_for_a_selection(photos, session, window, qtbot):
    session.adopt_account(type("Keys", (), {"account": "beto", "role": "curator"})())
    session.set_audience(Audience.CURATOR)
    assert not window.actions[ActionId.BATCH_CONSENT].isEnabled()
    assert window.editors.batch_consent(photos[:3]) is None  # whichever way it is asked
    # Even a dialog built by hand refuses: nothing to apply, and the operation says why.
    from memoria.ui.editors.batch_consent import BatchConsentDialog

    dialog = BatchConsentDialog(session, photos[:3])
    qtbot.addWidget(dialog)
    dialog.form.scopes[Scope.RESEARCH].setChecked(True)
    dialog.refresh_preview()
    assert dialog.banner.isVisibleTo(dialog) and not dialog.apply_button.isEnabled()
    errors = []
    from memoria.operations import consent as consent_ops

    session.run(consent_ops.record_batch, photos[:3], dialog.form.terms(),
                on_error=errors.append)
    assert errors and "may not change consent" in errors[0]
    assert not any(consents.records_for_item(session.reader, i) for i in photos[:3])


def test_an_item_with_unsaved_edits_in_its_editor_holds_the_batch(photos, window, qtbot):
    editor = window.editors.edit_item(photos[1])
    editor.form.title.setText("Foto corregida a mano")
    dialog = window.editors.batch_edit(photos[:3])
    _type(qtbot, dialog.add_subjects.input, "retorno")
    qtbot.waitUntil(lambda: "changes not saved" in dialog.preview_text.text(), timeout=2000)
    assert not dialog.apply_button.isEnabled()
    editor.save()
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=2000)


def test_the_actions_open_on_the_windows_selection(photos, window, monkeypatch):
    """Edit > Edit selection... and Consent for the selection... take the window's
    selection (window.selected_item_ids, the contract with the selection helper)."""
    from memoria.ui.editors.batch_consent import BatchConsentDialog
    from memoria.ui.editors.batch_edit import BatchEditDialog

    monkeypatch.setattr(window, "selected_item_ids", lambda: photos[3:7], raising=False)
    window.actions[ActionId.BATCH_EDIT].trigger()
    window.actions[ActionId.BATCH_CONSENT].trigger()
    opened = window.editors.open_editors[-2:]
    assert [type(d) for d in opened] == [BatchEditDialog, BatchConsentDialog]
    assert all(d.item_ids == photos[3:7] for d in opened)
