"""Promise 6: BagIt bags carry a batch from a field laptop to the main archive."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from datetime import date

import bagit
import pytest

from memoria.cli import main
from memoria.domain.messages import error_text
from memoria.domain.model import ConsentStatus, Kind, Role, Scope, SegmentDraft
from memoria.importing.importer import import_paths
from memoria.storage import authorities, consents, media_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.trust.bag import BagError, export_bag, import_bag
from memoria.trust.fixity import verify_archive
from tests.conftest import make_jpeg, make_wav
from tests.unit.test_trust_support import media_snapshot


def _field_laptop(tmp_path):
    """A small archive as a field team would fill it: a testimony with everything."""
    field = Archive.create(tmp_path / "field")
    field.today_override = date(2026, 6, 1)
    wav = make_wav(tmp_path / "entrevista <Ana> & \"Luis\".wav")
    photo = make_jpeg(tmp_path / "barrio.jpg")
    report = import_paths(field, [wav, photo])
    testimony, photo_id = (o.item_id for o in report.outcomes)
    ana = authorities.add_person(field, "Ana Restrepo")
    place = authorities.place_by_path(field, "Colombia > Antioquia > Medellín > Comuna 13")
    item_store.update_item(field, testimony, item_store.ItemFields(
        Kind.TESTIMONY, "Memorias de <la> Comuna & el río", "Relato de 2002",
        date_edtf="2002-10", notes="solo interno", languages=["es"], place_ids=[place.id],
        people=[(ana.id, Role.NARRATOR)], subjects=["desplazamiento", "Operación Orión"]))
    seg_ids = item_store.save_segments(field, testimony, [
        SegmentDraft(0, 5000, "Ana", "Llegamos en 1998."),
        SegmentDraft(5000, 9000, "Ana", "Después vino la operación.")])
    form = make_jpeg(tmp_path / "formulario_firmado.jpg", color=(9, 9, 9))
    staged = media_store.stage(field, form, "jpg")
    item_store.record_blob(field, staged.sha256, staged.size, staged.relpath, "image/jpeg",
                           "JPEG", {})
    media_store.settle(field, staged)
    consents.record_consent(field, ana.id, [testimony], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH, Scope.EXHIBITION}), form_sha256=staged.sha256)
    consents.record_consent(field, ana.id, [testimony], consents.ConsentTerms(
        ConsentStatus.RESTRICTED, {Scope.INTERNAL}), segment_ids=[seg_ids[1]])
    return field, testimony, photo_id, staged.sha256


def test_field_laptop_to_main_archive_round_trip(tmp_path):
    field, testimony, _photo, form_sha = _field_laptop(tmp_path)
    bag_dir = tmp_path / "lote-2026-06"
    report = export_bag(field, item_store.list_item_ids(field), bag_dir)
    assert len(report.exported) == 2
    bagit.Bag(str(bag_dir)).validate()
    assert "sha256" in bagit.Bag(str(bag_dir)).algorithms
    acc = item_store.get_item(field, testimony).accession
    folder = bag_dir / "data" / acc
    assert {p.name for p in folder.iterdir()} == {"files", "metadata.json", "dc.xml",
                                                  "consent.json"}
    manifest = (bag_dir / "manifest-sha256.txt").read_text()
    assert form_sha not in manifest  # the signed form never leaves
    form_bytes = (field.root / media_store.media_relpath(form_sha, "jpg")).read_bytes()
    assert all(p.read_bytes() != form_bytes for p in bag_dir.rglob("*") if p.is_file())
    dc = ET.parse(folder / "dc.xml").getroot()
    titles = [e.text for e in dc.iter("{http://purl.org/dc/elements/1.1/}title")]
    assert titles == ["Memorias de <la> Comuna & el río"]

    main_archive = Archive.create(tmp_path / "main")
    main_archive.today_override = date(2026, 6, 1)
    first = import_bag(main_archive, bag_dir)
    assert len(first.exported) == 2, first.skipped
    new_id = item_store.resolve_item(main_archive, acc)
    a, b = item_store.get_item(field, testimony), item_store.get_item(main_archive, new_id)
    assert (a.title, a.description, a.date_edtf, a.notes, a.languages, a.subjects) == (
        b.title, b.description, b.date_edtf, b.notes, b.languages, b.subjects)
    assert [p.person.name for p in b.people] == ["Ana Restrepo"]
    assert [" > ".join(x.name for x in authorities.place_path(main_archive, p.id))
            for p in b.places] == ["Colombia > Antioquia > Medellín > Comuna 13"]
    assert [(s.start_ms, s.text) for s in item_store.segments_of(main_archive, new_id)] == [
        (s.start_ms, s.text) for s in item_store.segments_of(field, testimony)]
    [m1], [m2] = a.media, b.media
    assert (m1.sha256, m1.original_name) == (m2.sha256, m2.original_name)
    recs = consents.records_for_item(main_archive, new_id)
    assert sorted(r.status.value for r in recs) == ["granted", "restricted"]
    assert all(r.form_sha256 is None for r in recs)
    [partial] = [r for r in recs if r.segment_ids]
    assert len(partial.segment_ids) == 1
    assert verify_archive(main_archive).ok
    # The same bag again: nothing new, the same bytes stay stored once.
    snap = media_snapshot(main_archive)
    again = import_bag(main_archive, bag_dir)
    assert again.exported == [] and len(again.skipped) == 2
    assert media_snapshot(main_archive) == snap
    field.close()
    main_archive.close()


def test_researcher_bag_has_no_consent_and_no_unconsented_items(tmp_path, capsys):
    field, testimony, photo, _form = _field_laptop(tmp_path)
    root = field.root
    field.close()
    dest = tmp_path / "para-investigacion"
    assert main(["--archive", str(root), "export-bag", "--all", str(dest),
                 "--as", "researcher", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["items"]) == 1 and len(out["skipped"]) == 1  # the photo has no consent
    assert not list(dest.rglob("consent.json"))
    meta = json.loads(next(dest.rglob("metadata.json")).read_text())
    assert "notes" not in meta
    bagit.Bag(str(dest)).validate()


def test_a_tampered_bag_is_refused_before_anything_is_committed(tmp_path):
    field, *_ = _field_laptop(tmp_path)
    bag_dir = tmp_path / "bag"
    export_bag(field, item_store.list_item_ids(field), bag_dir)
    victim = next(bag_dir.rglob("*.jpg"))
    victim.write_bytes(victim.read_bytes()[:-1] + b"\x00")
    with Archive.create(tmp_path / "main") as main_archive:
        with pytest.raises(BagError, match="validación") as refused:
            import_bag(main_archive, bag_dir)
        assert "validation" in error_text(refused.value, "en")
        assert main_archive.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 0
        assert not media_snapshot(main_archive)


@pytest.mark.parametrize("how", ["dotdot", "absolute", "symlink"])
def test_paths_escaping_the_bag_are_refused(tmp_path, how):
    field, *_ = _field_laptop(tmp_path)
    bag_dir = tmp_path / "bag"
    export_bag(field, item_store.list_item_ids(field), bag_dir)
    manifest = bag_dir / "manifest-sha256.txt"
    if how == "symlink":
        os.symlink("/etc/passwd", bag_dir / "data" / "secret")
    else:
        bad = "data/../../outside.txt" if how == "dotdot" else "/etc/passwd"
        manifest.write_text(manifest.read_text() + f"{'0' * 64}  {bad}\n")
    with Archive.create(tmp_path / "main") as main_archive:
        with pytest.raises(BagError, match="rechazado") as refused:
            import_bag(main_archive, bag_dir)
        assert "refused" in error_text(refused.value, "en")
        assert main_archive.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 0
