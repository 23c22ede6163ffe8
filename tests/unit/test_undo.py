"""Undo and redo in the core: a step is an operation, audited, refused when the thing
changed since (issue 15), on a real archive."""

from __future__ import annotations

import json

import pytest

from memoria.domain.consent import Audience
from memoria.domain.model import Kind, Segment, SegmentDraft
from memoria.operations import Actor, NotPermitted, undo
from memoria.operations import exhibits as exhibit_ops
from memoria.operations import items as item_ops
from memoria.storage import exhibits as exhibit_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive

CUSTODIAN = Actor("ana", Audience.CUSTODIAN)
CURATOR = Actor("beto", Audience.CURATOR)
RESEARCHER = Actor("rita", Audience.RESEARCHER, lang="en")


def _draft(archive, item_id: int, **changes) -> item_ops.ItemDraft:
    item = item_store.get_item(archive, item_id)
    values = dict(
        item_id=item_id, kind=item.kind, accession=item.accession, title=item.title,
        description=item.description, date_edtf=item.date_edtf, notes=item.notes,
        languages=list(item.languages), places=[(p.name, p.id) for p in item.places],
        people=[item_ops.PersonRow(p.person.name, p.role, p.person.id) for p in item.people],
        subjects=list(item.subjects), segments=None)
    values.update(changes)
    return item_ops.ItemDraft(**values)


@pytest.fixture
def item(archive) -> int:
    return item_ops.save(archive, CUSTODIAN, item_ops.ItemDraft(
        None, Kind.TESTIMONY, "", "Las mareas", "Pesca en Tumaco", "1987", "", ["es"], [], [],
        ["pesca"], [SegmentDraft(0, 1000, "Rosa", "Salíamos de noche"),
                    SegmentDraft(1000, 2000, "Rosa", "El mar cambió")])).value


def _audit(archive, item_id):
    return [(r[0], json.loads(r[1])) for r in archive.conn.execute(
        "SELECT action, details FROM audit_log WHERE item_id = ? AND entity_type = 'item'"
        " ORDER BY id", (item_id,))]


def test_an_edit_is_undone_and_redone_and_each_step_is_audited(archive, item):
    changes = item_ops.save(archive, CUSTODIAN, _draft(archive, item, title="Las mareas altas",
                                                       subjects=["pesca", "mar"]))
    step = changes.undo
    assert step is not None and step.name == "Las mareas altas" and step.what == "edit"
    undone = undo.apply(archive, CURATOR, step)
    got = item_store.get_item(archive, item)
    assert (got.title, got.subjects) == ("Las mareas", ("pesca",))
    assert undone.item_ids == {item}
    redo = undone.value
    assert redo.direction == "redo"
    undo.apply(archive, CUSTODIAN, redo)
    got = item_store.get_item(archive, item)
    assert (got.title, got.subjects) == ("Las mareas altas", ("pesca", "mar"))
    rows = _audit(archive, item)[1:]  # after the creation
    assert [r[0] for r in rows] == ["update", "update", "update"]
    origin = archive.conn.execute(
        "SELECT MIN(id) FROM audit_log WHERE action = 'update'").fetchone()[0]
    assert step.origin == origin
    assert rows[1][1]["undo_of"] == origin and rows[1][1]["title"]["after"] == "Las mareas"
    assert rows[2][1]["redo_of"] == origin
    actors = [r[0] for r in archive.conn.execute(
        "SELECT actor FROM audit_log WHERE action = 'update' ORDER BY id")]
    assert actors == ["ana", "beto", "ana"]


def test_a_transcript_edit_is_undone_with_its_removed_segment_and_redaction(archive, item):
    first, second = item_store.segments_of(archive, item)
    exhibit_store.add_redaction(archive, second.id, 0, 2)
    kept = Segment(first.id, 0, 0, 1000, "Rosa", "Salíamos de madrugada")
    step = item_ops.save(archive, CUSTODIAN, _draft(archive, item, segments=[kept])).undo
    assert [s.text for s in item_store.segments_of(archive, item)] == ["Salíamos de madrugada"]
    undo.apply(archive, CUSTODIAN, step)
    back = item_store.segments_of(archive, item)
    assert [(s.id, s.text) for s in back] == [(first.id, "Salíamos de noche"),
                                              (second.id, "El mar cambió")]
    # The redaction came back with the words it hides: nothing redacted leaks by an undo.
    assert [(r.start, r.end) for r in exhibit_store.redactions_for(archive, second.id)] == [(0, 2)]


def test_undo_is_refused_when_another_process_changed_the_item(archive, item):
    step = item_ops.save(archive, CUSTODIAN, _draft(archive, item, title="Mareas")).undo
    other = Archive.open(archive.root)
    try:
        item_ops.save(other, CUSTODIAN, _draft(other, item, description="Otra cosa"))
    finally:
        other.close()
    before = archive.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(undo.UndoRefused) as refused:
        undo.apply(archive, CUSTODIAN, step)
    assert str(refused.value) == ("«Mareas» cambió después de este paso (en otra ventana o "
                                  "desde la línea de comandos): no se deshizo nada.")
    assert refused.value.sentence("en").startswith("“Mareas” has changed since this step")
    got = item_store.get_item(archive, item)
    assert (got.title, got.description) == ("Mareas", "Otra cosa")
    assert archive.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before


def test_roles_are_checked_and_a_save_that_changed_nothing_has_no_step(archive, item):
    step = item_ops.save(archive, CUSTODIAN, _draft(archive, item, title="Mareas")).undo
    with pytest.raises(NotPermitted, match="may not edit items"):
        undo.apply(archive, RESEARCHER, step)
    assert item_store.get_item(archive, item).title == "Mareas"
    assert item_ops.save(archive, CUSTODIAN, _draft(archive, item)).undo is None


def test_consent_records_say_why_they_are_not_undone():
    assert "no se deshacen" in undo.not_undoable("es")
    assert undo.not_undoable("en").startswith("Consent records are not undone")


@pytest.fixture
def exhibit(archive, item) -> tuple[int, list[int]]:
    other = item_store.create_item(archive, item_store.ItemFields(Kind.PHOTOGRAPH, "El muelle"))
    exhibit_id = exhibit_store.create_exhibit(archive, "mar", "El mar")
    section = exhibit_store.add_section(archive, exhibit_id, "Antes")
    entries = [exhibit_store.add_entry(archive, exhibit_id, i, section_id=section,
                                       caption=f"c{n}") for n, i in enumerate([item, other, item])]
    return exhibit_id, entries


def _layout(archive, exhibit_id):
    ex = exhibit_store.get_exhibit(archive, exhibit_id)
    return [(s.title.es, [(e.id, e.caption.es) for e in s.entries]) for s in ex.sections]


def test_removing_an_entry_is_undone_back_at_its_place(archive, exhibit):
    exhibit_id, (a, b, c) = exhibit
    before = _layout(archive, exhibit_id)
    step = exhibit_ops.remove_entry(archive, CURATOR, b).undo
    assert step.name == "El mar" and step.what == "remove_entry"
    assert _layout(archive, exhibit_id) == [("Antes", [(a, "c0"), (c, "c2")])]
    redo = undo.apply(archive, CURATOR, step).value
    assert _layout(archive, exhibit_id) == before  # same id, same place, same caption
    undo.apply(archive, CURATOR, redo)
    assert _layout(archive, exhibit_id) == [("Antes", [(a, "c0"), (c, "c2")])]
    rows = [(r[0], json.loads(r[1])) for r in archive.conn.execute(
        "SELECT action, details FROM audit_log WHERE entity_type = 'exhibit'"
        " AND action IN ('undo', 'redo') ORDER BY id")]
    assert [r[0] for r in rows] == ["undo", "redo"]
    assert rows[0][1]["added"] == [b] and rows[1][1]["removed"] == [b]


def test_section_structure_edits_are_undone(archive, exhibit):
    exhibit_id, (a, b, c) = exhibit
    before = _layout(archive, exhibit_id)
    steps = [exhibit_ops.add_section(archive, CURATOR, exhibit_id, "Después").undo]
    section = exhibit_store.get_exhibit(archive, exhibit_id).sections[1].id
    steps.append(exhibit_ops.relocate_entry(archive, CURATOR, a, section, 0).undo)
    steps.append(exhibit_ops.update_section(archive, CURATOR, section, title_es="Hoy").undo)
    steps.append(exhibit_ops.move_section(archive, CURATOR, section, 0).undo)
    steps.append(exhibit_ops.remove_section(archive, CURATOR, section).undo)
    assert _layout(archive, exhibit_id) == [("Antes", [(b, "c1"), (c, "c2")])]
    undo.apply(archive, CURATOR, steps.pop())
    assert _layout(archive, exhibit_id) == [("Hoy", [(a, "c0")]),
                                            ("Antes", [(b, "c1"), (c, "c2")])]
    while steps:
        undo.apply(archive, CURATOR, steps.pop())
    assert _layout(archive, exhibit_id) == before


def test_an_exhibit_changed_elsewhere_refuses_the_undo(archive, exhibit):
    exhibit_id, (a, b, c) = exhibit
    step = exhibit_ops.remove_entry(archive, CURATOR, b).undo
    exhibit_ops.move_entry(archive, CURATOR, c, 0)
    with pytest.raises(undo.UndoRefused, match="«El mar» cambió"):
        undo.apply(archive, CURATOR, step)
    assert _layout(archive, exhibit_id) == [("Antes", [(c, "c2"), (a, "c0")])]


def test_exhibit_texts_are_undone_apart_from_its_structure(archive, exhibit):
    exhibit_id, (a, b, c) = exhibit
    texts = exhibit_ops.update(archive, CURATOR, exhibit_id, title_es="El mar de Tumaco",
                               scope="publication_online").undo
    removal = exhibit_ops.remove_entry(archive, CURATOR, b).undo
    assert texts.name == "El mar de Tumaco" and texts.what == "update_texts"
    undo.apply(archive, CURATOR, texts)  # its texts alone: the removal stays, and stays undoable
    ex = exhibit_store.get_exhibit(archive, exhibit_id)
    assert (ex.title.es, ex.scope.value) == ("El mar", "exhibition")
    assert _layout(archive, exhibit_id) == [("Antes", [(a, "c0"), (c, "c2")])]
    undo.apply(archive, CURATOR, removal)
    assert _layout(archive, exhibit_id) == [("Antes", [(a, "c0"), (b, "c1"), (c, "c2")])]
    row = archive.conn.execute("SELECT action, details FROM audit_log WHERE entity_type ="
                               " 'exhibit' AND action = 'update' ORDER BY id DESC").fetchone()
    assert json.loads(row[1])["undo_of"] == texts.origin


def test_consecutive_text_saves_merge_into_one_step(archive, exhibit):
    exhibit_id, _entries = exhibit
    first = exhibit_ops.update(archive, CURATOR, exhibit_id, intro_es="Hubo").undo
    second = exhibit_ops.update(archive, CURATOR, exhibit_id, intro_es="Hubo un tiempo").undo
    both = undo.merged(first, second)
    assert both is not None
    undo.apply(archive, CURATOR, both)
    assert exhibit_store.get_exhibit(archive, exhibit_id).intro.es == ""
    removal = exhibit_ops.remove_entry(archive, CURATOR, _entries[0]).undo
    assert undo.merged(both, removal) is None
