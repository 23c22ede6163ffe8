"""The register of copies: every copy that leaves is recorded, and a withdrawal
or a re-embargo names the copies outside the archive that must be recalled."""

from __future__ import annotations

import json
from datetime import date

import pytest

from memoria.cli import main
from memoria.domain.consent import Audience
from memoria.domain.model import ConsentStatus, Kind, Role, Scope
from memoria.importing.importer import import_paths
from memoria.storage import authorities, consents
from memoria.storage import copies as copy_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.trust.bag import export_bag
from tests.conftest import make_jpeg, make_wav


@pytest.fixture
def shared(tmp_path):
    """Two testimonies open to research, one photograph to the public; closed again."""
    arch = Archive.create(tmp_path / "archive")
    report = import_paths(arch, [make_wav(tmp_path / "a.wav"),
                                 make_wav(tmp_path / "b.wav", freq=220),
                                 make_jpeg(tmp_path / "c.jpg")])
    ids = [o.item_id for o in report.outcomes]
    ana = authorities.add_person(arch, "Ana Restrepo")
    luis = authorities.add_person(arch, "Luis Pérez")
    for item_id, person in zip(ids, (ana, luis, ana), strict=True):
        item = item_store.get_item(arch, item_id)
        item_store.update_item(arch, item_id, item_store.ItemFields(
            item.kind if item.kind is not Kind.AUDIO else Kind.TESTIMONY, f"Relato {item_id}",
            people=[(person.id, Role.NARRATOR)]))
    consent_ids = {}
    for person, items in ((ana, [ids[0], ids[2]]), (luis, [ids[1]])):
        consent_ids[person.name] = consents.record_consent(arch, person.id, items,
            consents.ConsentTerms(ConsentStatus.GRANTED, {Scope.RESEARCH, Scope.EXHIBITION}))
    arch.close()
    return tmp_path / "archive", ids, consent_ids


def _cli(capsys, *args, lang="en"):
    code = main(["--lang", lang, *map(str, args)])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def test_every_kind_of_copy_is_recorded_with_items_audience_place_and_person(
        shared, tmp_path, capsys, monkeypatch):
    path, ids, _consents = shared
    monkeypatch.setenv("MEMORIA_USER", "marta")
    accs = [item_store.get_item(Archive.open(path, writable=False), i).accession for i in ids]
    _cli(capsys, "--archive", path, "export-bag", accs[0], accs[1], tmp_path / "bag",
         "--as", "researcher")
    _cli(capsys, "--archive", path, "transcript", "export", accs[1], tmp_path / "t.vtt",
         "--as", "researcher")
    _cli(capsys, "--archive", path, "backup", tmp_path / "backup")
    listing = json.loads(_cli(capsys, "--archive", path, "copies", "list", "--json"))
    by_kind = {c["kind"]: c for c in listing["copies"]}
    bag = by_kind["bag"]
    assert (bag["audience"], bag["dest"], bag["made_by"], bag["items"]) == (
        "researcher", str(tmp_path / "bag"), "marta", 2)
    assert bag["made_at"][:4] == str(date.today().year)
    with Archive.open(path, writable=False) as arch:
        assert copy_store.items_of(arch, bag["id"]) == sorted(ids[:2])
        assert copy_store.items_of(arch, by_kind["transcript"]["id"]) == [ids[1]]
    text = _cli(capsys, "--archive", path, "copies", "list", lang="es")
    assert "paquete BagIt (investigación)" in text and "3 copias registradas." in text


def test_withdrawal_names_the_copies_to_recall_until_marked(shared, tmp_path, capsys):
    path, ids, consent_ids = shared
    with Archive.open(path) as arch:
        accs = [item_store.get_item(arch, i).accession for i in ids]
        export_bag(arch, ids, tmp_path / "to-researchers", Audience.RESEARCHER)
        export_bag(arch, [ids[1]], tmp_path / "only-luis", Audience.RESEARCHER)
        export_bag(arch, ids, tmp_path / "custody", Audience.CUSTODIAN)
    _cli(capsys, "--archive", path, "backup", tmp_path / "backup")

    out = _cli(capsys, "--archive", path, "consent", "withdraw", accs[0], "--reason", "pidió")
    assert "must be recalled" in out
    assert str(tmp_path / "to-researchers") in out and str(tmp_path / "custody") in out
    assert str(tmp_path / "only-luis") not in out  # holds nothing withdrawn
    assert str(tmp_path / "backup") not in out     # a backup stays in custody
    assert f"{accs[0]} (consent withdrawn)" in out and accs[1] not in out

    pending = json.loads(_cli(capsys, "--archive", path, "copies", "list", "--pending",
                              "--json"))["copies"]
    assert {c["dest"] for c in pending} == {str(tmp_path / "to-researchers"),
                                            str(tmp_path / "custody")}
    first = next(c for c in pending if c["dest"].endswith("to-researchers"))
    # Ana's one consent record covered her testimony and her photograph.
    assert first["to_recall"] == [{"item": a, "reason": "withdrawn"}
                                  for a in sorted((accs[0], accs[2]))]

    assert "marked as recalled" in _cli(capsys, "--archive", path, "copies", "recalled",
                                        first["id"], "--note", "devuelto en mano")
    pending = json.loads(_cli(capsys, "--archive", path, "copies", "list", "--pending",
                              "--json"))["copies"]
    assert [c["dest"] for c in pending] == [str(tmp_path / "custody")]
    with Archive.open(path, writable=False) as arch:
        audit = arch.conn.execute("SELECT action, details FROM audit_log WHERE entity_type ="
                                  " 'copy' AND action = 'recalled'").fetchall()
        assert len(audit) == 2 and all("devuelto en mano" in a[1] for a in audit)


def test_a_re_embargo_is_told_in_spanish_too(shared, tmp_path, capsys):
    path, ids, _consents = shared
    with Archive.open(path) as arch:
        acc = item_store.get_item(arch, ids[1]).accession
        export_bag(arch, [ids[1]], tmp_path / "sala", Audience.RESEARCHER)
    out = _cli(capsys, "--archive", path, "consent", "grant", acc, "--scope", "research",
               "--embargo-until", "2099-01-01", lang="es")
    assert "hay que recogerlas" in out and f"{acc} (bajo embargo)" in out
    assert "memoria copies recalled" in out


def test_a_grant_that_opens_more_asks_for_no_recall(shared, tmp_path, capsys):
    path, ids, _consents = shared
    with Archive.open(path) as arch:
        acc = item_store.get_item(arch, ids[1]).accession
        export_bag(arch, [ids[1]], tmp_path / "sala", Audience.RESEARCHER)
    out = _cli(capsys, "--archive", path, "consent", "grant", acc, "--scope", "research",
               "--scope", "press")
    assert "recalled" not in out


def test_a_copy_is_recorded_while_another_process_holds_the_writer_lock(shared, tmp_path):
    path, ids, _consents = shared
    with Archive.open(path) as writer:  # the window, open for writing
        reader = Archive.open(path, writable=False)
        try:
            export_bag(reader, [ids[0]], tmp_path / "bag", Audience.RESEARCHER)
        finally:
            reader.close()
        [copy] = copy_store.list_copies(writer)
        assert copy.kind == "bag" and copy_store.items_of(writer, copy.id) == [ids[0]]


def test_rewriting_the_same_destination_supersedes_the_earlier_copy(shared, tmp_path):
    path, ids, consent_ids = shared
    with Archive.open(path) as arch:
        first = copy_store.record_copy(arch, "edition", ids, Audience.RESEARCHER,
                                       tmp_path / "sala")
        consents.withdraw(arch, consent_ids["Luis Pérez"], "retiró")
        assert [r.copy.id for r in copy_store.pending_recalls(arch)] == [first]
        second = copy_store.record_copy(arch, "edition", [ids[0], ids[2]],
                                        Audience.RESEARCHER, tmp_path / "sala")
        assert copy_store.get_copy(arch, first).superseded_by == second
        assert copy_store.pending_recalls(arch) == []  # the refresh removed it


def test_a_copy_made_while_the_catalogue_is_busy_waits_on_disk_then_joins(shared, tmp_path):
    path, ids, _consents = shared
    with Archive.open(path) as writer:
        writer.conn.execute("BEGIN IMMEDIATE")  # a long write in the window
        reader = Archive.open(path, writable=False)
        try:
            export_bag(reader, [ids[0]], tmp_path / "bag", Audience.RESEARCHER)
        finally:
            reader.close()
        writer.conn.execute("ROLLBACK")
        assert list((path / copy_store.PENDING).glob("*.json"))
        [copy] = copy_store.list_copies(writer)  # the next look enters it
        assert copy.dest == str(tmp_path / "bag") and copy_store.items_of(writer, copy.id) == [
            ids[0]]
        assert not list((path / copy_store.PENDING).glob("*.json"))


def test_withholding_one_segment_later_asks_for_the_copy_back(shared, tmp_path):
    from memoria.domain.model import SegmentDraft

    path, ids, _consents = shared
    with Archive.open(path) as arch:
        seg_ids = item_store.save_segments(arch, ids[1], [SegmentDraft(0, 100, "L", "uno"),
                                                          SegmentDraft(100, 200, "L", "dos")])
        copy_id = copy_store.record_copy(arch, "transcript", [ids[1]], Audience.RESEARCHER,
                                         "-")
        assert copy_store.pending_recalls(arch) == []
        # The register and the events are dated to the second: the copy was made earlier.
        arch.conn.execute("UPDATE copies SET made_at = '2026-01-01T00:00:00+00:00' WHERE id = ?",
                          (copy_id,))
        luis = authorities.person_by_name(arch, "Luis Pérez")
        consents.record_consent(arch, luis.id, [ids[1]], consents.ConsentTerms(
            ConsentStatus.RESTRICTED, {Scope.INTERNAL}), segment_ids=[seg_ids[1]])
        [recall] = copy_store.pending_recalls(arch)
        assert (recall.item_id, recall.reason) == (ids[1], "segment_withheld")
