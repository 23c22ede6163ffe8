"""The consent editor on a real archive: record, withdraw, read-only views."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memoria.domain.consent import Audience, Refusal
from memoria.domain.model import Anonymisation, ConsentStatus, Kind, ProvenanceMethod, Role, Scope
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.ui.editors.consent_editor import ConsentEditor
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner


@pytest.fixture
def testimony(archive):
    """A testimony narrated by Ana, made with the core before the UI opens."""
    ana = authorities.add_person(archive, "Ana Restrepo")
    item_id = item_store.create_item(archive, item_store.ItemFields(
        kind=Kind.TESTIMONY, title="Testimonio de Ana", people=[(ana.id, Role.NARRATOR)]))
    return item_id, ana.id


@pytest.fixture
def session(archive, testimony, qtbot):
    path = archive.root
    archive.close()
    sess = Session(path, TaskRunner(synchronous=True))
    yield sess
    sess.close()


def _editor(session, qtbot, **kwargs) -> ConsentEditor:
    dialog = ConsentEditor(session, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_record_then_withdraw_research_consent(session, testimony, qtbot, monkeypatch):
    item_id, ana_id = testimony
    dialog = _editor(session, qtbot, item_id=item_id)
    assert dialog.person_id() == ana_id
    assert dialog.decision(Audience.RESEARCHER).reason is Refusal.NO_CONSENT
    form = dialog.form
    form.status.setCurrentIndex(form.status.findData(ConsentStatus.GRANTED))
    form.scopes[Scope.RESEARCH].setChecked(True)
    form.anonymisation[Anonymisation.PSEUDONYM].setChecked(True)
    qtbot.keyClicks(form.pseudonym, "Rosa")
    qtbot.keyClicks(form.obtained_by, "Equipo de archivo")
    form.method.setCurrentIndex(2)  # recorded verbally
    changes = []
    dialog.changed.connect(lambda: changes.append(1))
    with qtbot.waitSignal(session.catalogueChanged):
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert changes
    (record,) = consents.records_for_person(session.reader, ana_id)
    assert record.status is ConsentStatus.GRANTED and record.pseudonym == "Rosa"
    assert record.item_ids == {item_id} and record.form_sha256 is None
    assert record.provenance.method is ProvenanceMethod.VERBAL_RECORDED
    assert record.provenance.obtained_by == "Equipo de archivo"
    assert dialog.decision(Audience.RESEARCHER).allowed
    assert dialog.records.rowCount() == 1
    researcher_text = dialog.explanations[Audience.RESEARCHER].text()
    assert researcher_text and "Rosa" not in researcher_text

    monkeypatch.setattr(dialog, "ask_reason", lambda *_: "Ana lo pidió por teléfono")
    dialog.records.selectRow(0)
    assert dialog.withdraw_button.isEnabled()
    with qtbot.waitSignal(session.catalogueChanged):
        qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert dialog.decision(Audience.RESEARCHER).reason is Refusal.WITHDRAWN
    assert session.snapshot().decide(item_id, Audience.RESEARCHER).reason is Refusal.WITHDRAWN
    reasons = [dialog.events.item(r, 4).text() for r in range(dialog.events.rowCount())]
    assert "Ana lo pidió por teléfono" in reasons
    assert dialog.records.item(0, 1).text() == "Withdrawn"
    assert dialog.explanations[Audience.RESEARCHER].text() != researcher_text


def test_withdrawal_needs_a_reason(session, testimony, qtbot, monkeypatch):
    item_id, ana_id = testimony
    dialog = _editor(session, qtbot, item_id=item_id)
    dialog.form.scopes[Scope.INTERNAL].setChecked(True)
    dialog.form.status.setCurrentIndex(dialog.form.status.findData(ConsentStatus.GRANTED))
    dialog.record()
    monkeypatch.setattr(dialog, "ask_reason", lambda *_: "   ")
    dialog.withdraw_selected()
    assert "reason" in dialog.message.text()
    (record,) = consents.records_for_person(session.reader, ana_id)
    assert record.status is ConsentStatus.GRANTED


def test_form_problems_are_shown_before_writing(session, testimony, qtbot):
    item_id, _ = testimony
    dialog = _editor(session, qtbot, item_id=item_id)
    dialog.form.status.setCurrentIndex(dialog.form.status.findData(ConsentStatus.GRANTED))
    dialog.record()
    assert "scope" in dialog.message.text()
    assert consents.records_for_item(session.reader, item_id) == []


def test_signed_form_is_stored_for_custodians(session, testimony, qtbot, tmp_path):
    from tests.conftest import make_jpeg

    item_id, ana_id = testimony
    dialog = _editor(session, qtbot, person_id=ana_id)
    assert not dialog.form.file_row.isHidden()
    assert dialog.form.item_ids() == [item_id]  # person mode: all their items
    dialog.form.set_form_file(make_jpeg(tmp_path / "firma.jpg"))
    dialog.record()
    (record,) = consents.records_for_person(session.reader, ana_id)
    assert record.form_sha256 and record.status is ConsentStatus.PENDING


def test_read_only_for_researchers(session, testimony, qtbot):
    item_id, _ = testimony
    session.set_audience(Audience.RESEARCHER)
    dialog = _editor(session, qtbot, item_id=item_id)
    assert dialog.banner.isVisible()
    assert not dialog.tabs.isTabVisible(1)
    assert dialog.form.file_row.isHidden()
    assert not dialog.withdraw_button.isEnabled()
    assert not dialog.add_person_button.isVisible()
    dialog.record()
    assert consents.records_for_item(session.reader, item_id) == []


def test_add_a_person_to_the_item(session, testimony, qtbot, monkeypatch):
    item_id, _ = testimony
    dialog = _editor(session, qtbot, item_id=item_id)
    monkeypatch.setattr(dialog, "ask_name", lambda: "Luis Gómez")
    dialog.add_person()
    names = [p.person.name for p in item_store.get_item(session.reader, item_id).people]
    assert names == ["Ana Restrepo", "Luis Gómez"]
    assert dialog.person.count() == 2


def test_review_an_ended_embargo(session, testimony, qtbot, monkeypatch):
    from datetime import date

    item_id, ana_id = testimony
    dialog = _editor(session, qtbot, item_id=item_id)
    form = dialog.form
    form.status.setCurrentIndex(form.status.findData(ConsentStatus.GRANTED))
    form.scopes[Scope.RESEARCH].setChecked(True)
    form.embargo.set_value(date(2020, 1, 1))
    dialog.record()
    assert dialog.decision(Audience.RESEARCHER).reason is Refusal.EMBARGO_REVIEW
    assert dialog.review_button.isEnabled()
    monkeypatch.setattr(dialog, "ask_reason", lambda *_: "Plazo cumplido, revisado con Ana")
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    assert dialog.decision(Audience.RESEARCHER).allowed
    assert not dialog.review_button.isEnabled()
    actions = [dialog.events.item(r, 2).text() for r in range(dialog.events.rowCount())]
    assert dialog.event_label("embargo_reviewed") in actions  # in words, not the code


def test_switching_audience_makes_an_open_editor_read_only(session, testimony, qtbot):
    item_id, _ = testimony
    dialog = _editor(session, qtbot, item_id=item_id)
    dialog.tabs.setCurrentIndex(1)
    session.set_audience(Audience.PUBLIC)
    assert dialog.banner.isVisible() and not dialog.tabs.isTabVisible(1)
    assert dialog.form.file_row.isHidden()
    session.set_audience(Audience.CUSTODIAN)
    assert dialog.tabs.isTabVisible(1) and not dialog.banner.isVisible()


def test_a_damaged_signed_form_records_nothing_and_says_why(session, testimony, qtbot, tmp_path):
    from PIL import Image

    item_id, ana_id = testimony
    cut = tmp_path / "firma.jpg"
    Image.effect_noise((256, 256), 80).convert("RGB").save(cut, quality=95)
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    dialog = _editor(session, qtbot, person_id=ana_id)
    dialog.form.set_form_file(cut)
    dialog.record()
    assert dialog.message.text() == (
        "No consent was recorded: the signed form firma.jpg could not be stored because "
        "the file is incomplete (truncated).")
    assert consents.records_for_person(session.reader, ana_id) == []
    assert session.reader.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 0
    assert not any((session.archive.root / "media").rglob("*.jpg"))
