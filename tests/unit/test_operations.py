"""Operations: the one gate every change passes (role, transaction, audit, Changes)."""

from __future__ import annotations

import pytest

from memoria.domain.consent import Audience
from memoria.domain.model import ConsentStatus, Kind, Role, Scope
from memoria.operations import Actor, ChangeKind, NotPermitted
from memoria.operations import consent as consent_ops
from memoria.operations import items as item_ops
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.storage.changes import changes_since, latest_generation

CUSTODIAN = Actor("ana", Audience.CUSTODIAN)
CURATOR = Actor("beto", Audience.CURATOR, lang="es")


def _draft(title: str, item_id: int | None = None, people=()) -> item_ops.ItemDraft:
    return item_ops.ItemDraft(
        item_id=item_id, kind=Kind.TESTIMONY, accession="", title=title, description="",
        date_edtf=None, notes="", languages=["es"], places=[("Nariño > Tumaco", None)],
        people=list(people), subjects=["pesca"], segments=None)


def _granted(archive) -> tuple[int, int]:
    person = authorities.add_person(archive, "Rosa Elena Marín").id
    item_id = item_store.create_item(archive, item_store.ItemFields(
        Kind.TESTIMONY, "Las mareas", people=[(person, Role.NARRATOR)]))
    cid = consents.record_consent(archive, person, [item_id], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.INTERNAL, Scope.RESEARCH}))
    return item_id, cid


def test_saving_an_item_answers_what_it_changed_and_audits_the_actor(archive):
    changes = item_ops.save(archive, CURATOR, _draft("Las mareas", people=[
        item_ops.PersonRow("Rosa Elena Marín", Role.NARRATOR, None)]))
    item_id = changes.value
    assert changes.item_ids == {item_id}
    assert changes.kinds == {ChangeKind.ITEMS}
    assert item_store.get_item(archive, item_id).people[0].person.name == "Rosa Elena Marín"
    actors = {r[0] for r in archive.conn.execute(
        "SELECT actor FROM audit_log WHERE item_id = ?", (item_id,))}
    assert actors == {"beto"}
    assert archive.actor != "beto"  # the actor is for that operation only


def test_curators_cannot_change_consent_and_nothing_is_written(archive):
    item_id, cid = _granted(archive)
    before = latest_generation(archive)
    with pytest.raises(NotPermitted, match="beto \\(curador\\) no puede cambiar el consent"):
        consent_ops.withdraw(archive, CURATOR, cid, "no")
    assert consents.get_record(archive, cid).status is ConsentStatus.GRANTED
    assert latest_generation(archive) == before


def test_researchers_and_the_public_cannot_edit_items(archive):
    for role in (Audience.RESEARCHER, Audience.PUBLIC):
        with pytest.raises(NotPermitted, match="may not edit items"):
            item_ops.save(archive, Actor("x", role, lang="en"), _draft("Nada"))
    assert item_store.list_item_ids(archive) == []


def test_a_withdrawal_answers_consent_changes_for_the_items_it_covers(archive):
    item_id, cid = _granted(archive)
    start = latest_generation(archive)
    changes = consent_ops.withdraw(archive, CUSTODIAN, cid, "lo pidió")
    assert changes.value.status is ConsentStatus.WITHDRAWN
    assert changes.item_ids == {item_id} and changes.kinds == {ChangeKind.CONSENT}
    # Another process reading the feed sees the same answer.
    assert changes_since(archive, start) == changes


def test_a_failed_operation_leaves_nothing_behind(archive):
    item_id, _cid = _granted(archive)
    start = latest_generation(archive)
    with pytest.raises(consents.ConsentError):
        consent_ops.withdraw_all(archive, CUSTODIAN, consents.records_for_item(archive, item_id),
                                 reason="")  # a withdrawal needs a reason
    assert latest_generation(archive) == start
    assert authorities.person_by_name(archive, "Rosa Elena Marín") is not None
