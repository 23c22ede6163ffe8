"""Batch consent: one decision recorded on each selected item, custodians only,
all or nothing; a withdrawn item is reopened only when confirmed item by item."""

from __future__ import annotations

import json

import pytest

from memoria.access import ConsentSnapshot
from memoria.domain.consent import Audience, Badge
from memoria.domain.model import ConsentStatus, Kind, Role, Scope
from memoria.operations import Actor, NotPermitted
from memoria.operations import consent as consent_ops
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.storage.changes import latest_generation
from memoria.storage.consents import ConsentError, ConsentTerms
from tests.conftest import make_jpeg

CUSTODIAN = Actor("ana", Audience.CUSTODIAN)
GRANTED = ConsentTerms(ConsentStatus.GRANTED, {Scope.INTERNAL, Scope.RESEARCH})


def _photos(archive, n: int) -> list[int]:
    ids = []
    for i in range(n):
        person = authorities.add_person(archive, f"Persona {i}").id
        ids.append(item_store.create_item(archive, item_store.ItemFields(
            Kind.PHOTOGRAPH, f"Foto {i}", people=[(person, Role.DEPICTED)])))
    return ids


def _researcher_sees(archive, item_id: int) -> bool:
    return ConsentSnapshot(archive).decide(item_id, Audience.RESEARCHER).allowed


def test_each_item_gets_its_own_record_and_history_row(archive, tmp_path):
    ids = _photos(archive, 4)
    preview = consent_ops.preview_batch(archive, ids, GRANTED)
    assert [(i.before, i.after) for i in preview.items] == [(Badge.NONE, Badge.GRANTED)] * 4
    form = make_jpeg(tmp_path / "formulario.jpg")
    changes = consent_ops.record_batch(archive, CUSTODIAN, ids, GRANTED, form,
                                       reason="Jornada de firma")
    assert len(changes.value) == 4 and changes.item_ids >= set(ids)
    shas = set()
    for item_id in ids:
        records = consents.records_for_item(archive, item_id)
        assert [sorted(r.item_ids) for r in records] == [[item_id]]
        shas.add(records[0].form_sha256)
        assert _researcher_sees(archive, item_id)
    assert len(shas) == 1 and None not in shas  # one form, stored once, for all
    rows = archive.conn.execute("SELECT item_id, details FROM audit_log "
                                "WHERE entity_type = 'consent' AND action = 'record'").fetchall()
    assert sorted(r[0] for r in rows) == sorted(ids)
    assert all(json.loads(r[1])["batch"] == {"size": 4} for r in rows)


def test_curators_cannot_record_consent_in_a_batch(archive):
    ids = _photos(archive, 2)
    before = latest_generation(archive)
    with pytest.raises(NotPermitted, match="beto \\(curador\\) no puede cambiar el consent"):
        consent_ops.record_batch(archive, Actor("beto", Audience.CURATOR), ids, GRANTED)
    assert latest_generation(archive) == before
    assert not any(consents.records_for_item(archive, i) for i in ids)


def test_a_withdrawn_item_is_reopened_only_when_confirmed_item_by_item(archive):
    ids = _photos(archive, 3)
    consent_ops.record_batch(archive, CUSTODIAN, ids, GRANTED)
    record = consents.records_for_item(archive, ids[1])[0]
    consent_ops.withdraw(archive, CUSTODIAN, record.id, "La familia lo pidió")
    wider = ConsentTerms(ConsentStatus.GRANTED, {Scope.INTERNAL, Scope.RESEARCH,
                                                 Scope.EXHIBITION})
    preview = consent_ops.preview_batch(archive, ids, wider)
    assert [i.item_id for i in preview.withdrawn] == [ids[1]]
    assert preview.withdrawn[0].after is Badge.GRANTED  # it would reopen
    before = latest_generation(archive)
    with pytest.raises(ConsentError, match="fue retirado: volver a abrirlo se confirma"):
        consent_ops.record_batch(archive, CUSTODIAN, ids, wider)
    assert latest_generation(archive) == before  # nothing for the other two either
    assert not _researcher_sees(archive, ids[1])
    # Left out of the batch, the others widen and the withdrawal stays.
    consent_ops.record_batch(archive, CUSTODIAN, [ids[0], ids[2]], wider)
    assert not _researcher_sees(archive, ids[1])
    # Confirmed for that item, it reopens.
    consent_ops.record_batch(archive, CUSTODIAN, [ids[1]], wider, confirmed=[ids[1]])
    assert _researcher_sees(archive, ids[1])


def test_refusals_are_one_sentence_and_write_nothing(archive):
    ids = _photos(archive, 2)
    lonely = item_store.create_item(archive, item_store.ItemFields(Kind.PHOTOGRAPH, "Sin gente"))
    en = Actor("ana", lang="en")
    with pytest.raises(ConsentError, match="has no narrator or depicted person"):
        consent_ops.record_batch(archive, en, [*ids, lonely], GRANTED)
    with pytest.raises(ConsentError, match="There is no item “999”"):
        consent_ops.record_batch(archive, en, [*ids, 999], GRANTED)
    with pytest.raises(ConsentError, match="debe indicar al menos un alcance"):
        consent_ops.record_batch(archive, CUSTODIAN, ids, ConsentTerms(ConsentStatus.GRANTED))
    assert not any(consents.records_for_item(archive, i) for i in [*ids, lonely])
    # Naming whose consent records it on the item without people too.
    person = authorities.add_person(archive, "Fotógrafa").id
    consent_ops.record_batch(archive, CUSTODIAN, [lonely], GRANTED, person_id=person)
    assert consents.records_for_item(archive, lonely)[0].person_id == person


def test_consent_grant_on_several_items_from_the_command_line(archive, tmp_path):
    from tests.unit.test_cli import memoria

    ids = _photos(archive, 3)
    refs = [item_store.get_item(archive, i).accession for i in ids]
    root = tmp_path / "archive"
    out = memoria("consent", "grant", *refs, "--scope", "research", archive=root)
    assert out.stdout.startswith("Consent recorded on 3 items (3 records).")
    consent_ops.withdraw(archive, CUSTODIAN, consents.records_for_item(archive, ids[0])[0].id,
                         "pidió retirarlo")
    refused = memoria("consent", "grant", *refs, "--scope", "exhibition", archive=root,
                      check=False)
    assert refused.returncode == 1 and f"Consent for {refs[0]} was withdrawn" in refused.stderr
    memoria("consent", "grant", *refs, "--scope", "research", "--confirm-reopen", refs[0],
            archive=root)
    assert all(_researcher_sees(archive, i) for i in ids)
