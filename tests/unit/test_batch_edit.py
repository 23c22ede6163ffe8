"""Batch edit: the same change on many items, one transaction, audited per item."""

from __future__ import annotations

import json

import pytest

from memoria.domain.consent import Audience
from memoria.domain.model import Kind, Role
from memoria.operations import Actor, ChangeKind, NotPermitted
from memoria.operations import items as item_ops
from memoria.operations.items import BatchEdits, ItemError, PersonRow
from memoria.storage import authorities
from memoria.storage import items as item_store
from memoria.storage.changes import latest_generation

CUSTODIAN = Actor("ana", Audience.CUSTODIAN)
CURATOR = Actor("beto", Audience.CURATOR)


def _items(archive, n: int) -> list[int]:
    ids = []
    for i in range(n):
        ids.append(item_store.create_item(archive, item_store.ItemFields(
            Kind.PHOTOGRAPH, f"Foto {i}", subjects=["pesca", "mareas"] if i % 2 else ["pesca"],
            notes="nota vieja" if i == 0 else "")))
    return ids


def test_a_batch_adds_removes_and_replaces_on_every_item_audited_as_a_batch(archive):
    ids = _items(archive, 6)
    edits = BatchEdits(add_subjects=["desplazamiento"], remove_subjects=["PESCA"],
                       add_places=[("Colombia > Nariño > Tumaco", None)],
                       add_people=[PersonRow("Luz Dary Ortiz", Role.PHOTOGRAPHER, None)],
                       date_edtf="1998~", languages=["es"], notes_append="Lote de junio")
    preview = item_ops.preview_batch_edit(archive, ids, edits)
    assert preview.fields["subjects"] == item_ops.FieldCount(change=6, already=0)
    assert preview.fields["date"].change == 6
    changes = item_ops.batch_edit(archive, CURATOR, ids, edits, preview.stamps)
    assert changes.value == 6 and changes.item_ids == set(ids)
    assert ChangeKind.ITEMS in changes.kinds
    for n, item_id in enumerate(ids):
        item = item_store.get_item(archive, item_id)
        expected = (["mareas"] if n % 2 else []) + ["desplazamiento"]
        assert list(item.subjects) == expected
        assert [p.name for p in item.places] == ["Tumaco"]
        assert [(p.person.name, p.role) for p in item.people] == [
            ("Luz Dary Ortiz", Role.PHOTOGRAPHER)]
        assert item.date_edtf == "1998~" and item.languages == ("es",)
        assert item.notes.endswith("Lote de junio")
    assert item_store.get_item(archive, ids[0]).notes == "nota vieja\nLote de junio"
    # one person and one place made, not one per item
    assert len(authorities.find_people(archive, "Luz Dary")) == 1
    rows = archive.conn.execute(
        "SELECT item_id, actor, details FROM audit_log WHERE action = 'update'").fetchall()
    assert sorted(r[0] for r in rows) == sorted(ids)
    for _item_id, actor, details in rows:
        data = json.loads(details)
        assert actor == "beto" and data["batch"] == {"size": 6}
        assert data["date_edtf"] == {"before": None, "after": "1998~"}
    # the same batch again changes nothing and says every item already had it
    again = item_ops.preview_batch_edit(archive, ids, edits)
    assert again.fields["subjects"] == item_ops.FieldCount(change=0, already=6)
    assert not again.changing
    assert item_ops.batch_edit(archive, CUSTODIAN, ids, edits).value == 0


def test_a_batch_refuses_whole_and_writes_nothing(archive):
    ids = _items(archive, 3)
    before = latest_generation(archive)
    with pytest.raises(ItemError, match="No hay ningún elemento «999»"):
        item_ops.batch_edit(archive, CUSTODIAN, [*ids, 999], BatchEdits(add_subjects=["x"]))
    with pytest.raises(ItemError, match="The date “1998-13” is not valid"):
        item_ops.batch_edit(archive, Actor("ana", lang="en"), ids,
                            BatchEdits(date_edtf="1998-13"))
    with pytest.raises(ItemError, match="No se pidió ningún cambio"):
        item_ops.batch_edit(archive, CUSTODIAN, ids, BatchEdits())
    assert latest_generation(archive) == before
    assert all("x" not in item_store.get_item(archive, i).subjects for i in ids)


def test_an_item_saved_after_the_preview_is_refused_not_overwritten(archive):
    ids = _items(archive, 3)
    edits = BatchEdits(add_subjects=["retorno"])
    preview = item_ops.preview_batch_edit(archive, ids, edits)
    fields = item_store.ItemFields.from_item(item_store.get_item(archive, ids[1]))
    fields.title = "Foto 1 (corregida en otra ventana)"
    item_store.update_item(archive, ids[1], fields)
    with pytest.raises(ItemError, match="cambió después de la vista previa"):
        item_ops.batch_edit(archive, CUSTODIAN, ids, edits, preview.stamps)
    assert all("retorno" not in item_store.get_item(archive, i).subjects for i in ids)


def test_researchers_and_the_public_cannot_batch_edit(archive):
    ids = _items(archive, 2)
    for role in (Audience.RESEARCHER, Audience.PUBLIC):
        with pytest.raises(NotPermitted, match="no puede editar elementos"):
            item_ops.batch_edit(archive, Actor("eva", role), ids, BatchEdits(add_subjects=["x"]))
    assert all("x" not in item_store.get_item(archive, i).subjects for i in ids)


def test_removing_a_person_in_one_role_keeps_them_in_another(archive):
    person = authorities.add_person(archive, "Rosa Elena Marín").id
    item_id = item_store.create_item(archive, item_store.ItemFields(
        Kind.TESTIMONY, "Las mareas",
        people=[(person, Role.NARRATOR), (person, Role.INTERVIEWER)]))
    item_ops.batch_edit(archive, CUSTODIAN, [item_id], BatchEdits(
        remove_people=[PersonRow("rosa elena marín", Role.INTERVIEWER, None)]))
    assert [(p.person.id, p.role) for p in item_store.get_item(archive, item_id).people] == [
        (person, Role.NARRATOR)]


def test_the_command_line_previews_then_edits_several_items(archive, tmp_path):
    from tests.unit.test_cli import memoria

    ids = _items(archive, 3)
    accessions = [item_store.get_item(archive, i).accession for i in ids]
    root = tmp_path / "archive"
    shown = memoria("edit", *accessions, "--add-subject", "retorno", "--remove-subject", "pesca",
                    "--date", "c. 1998", "--preview", archive=root)
    assert "3 of 3 items would change" in shown.stdout
    assert "retorno" not in item_store.get_item(archive, ids[0]).subjects
    done = memoria("edit", f"{accessions[0]},{accessions[1]}", accessions[2], "--add-subject",
                   "retorno", "--remove-subject", "pesca", "--date", "c. 1998", "--json",
                   archive=root)
    assert json.loads(done.stdout)["fields"]["subjects"] == {"change": 3, "already": 0}
    for item_id in ids:
        item = item_store.get_item(archive, item_id)
        assert "retorno" in item.subjects and "pesca" not in item.subjects
        assert item.date_edtf == "1998~"
    refused = memoria("edit", accessions[0], "X-9", "--note", "n", archive=root, check=False)
    assert refused.returncode == 1
    assert refused.stderr.strip() == ("memoria: There is no item “X-9” in this archive; "
                                      "nothing was changed.")
    # a role the command line does not know, said in the session's language
    wrong = memoria("--lang", "es", "edit", accessions[0], "--add-person", "Rosa (vecina)",
                    archive=root, check=False)
    assert wrong.returncode == 1
    assert "«vecina» no es un rol de persona (para Rosa)" in wrong.stderr
