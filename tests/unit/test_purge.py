"""Forgetting on request (issue 13): a purge leaves none of the person in the live folder.

Real archive in tmp_path, real files, a real whoosh index, an automatic copy;
the canaries (a surname, a word only the purged testimony says, the bytes of
the photograph and of the signed form) are searched for in every byte of
the folder afterwards, the catalogue's WAL included.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from memoria import access, projection
from memoria.domain.consent import Audience
from memoria.domain.model import ConsentStatus, Kind, Role, Scope, SegmentDraft
from memoria.importing import consent_form
from memoria.operations import Actor, NotPermitted
from memoria.operations import media as media_ops
from memoria.operations import purge as purge_ops
from memoria.search.engine import SearchEngine
from memoria.storage import authorities, driver, exhibits
from memoria.storage import copies as copy_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.storage.consents import ConsentTerms
from memoria.storage.purge_apply import MARKER
from memoria.trust.autobackup import rolling_backup
from memoria.trust.backup import backup_archive

SURNAME = "Zuleteguí"  # the purged person's surname: found nowhere afterwards
SECRET = "xilocanario"  # a word only her own testimony says
CUSTODIAN = Actor("ana", Audience.CUSTODIAN, "en")
GRANTED = ConsentTerms(status=ConsentStatus.GRANTED,
                       scopes={Scope.INTERNAL, Scope.RESEARCH, Scope.EXHIBITION})


def _noise_jpeg(path: Path, seed: int) -> Path:
    from PIL import Image

    rnd = __import__("random").Random(seed)
    img = Image.new("RGB", (48, 40))
    img.putdata([(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
                 for _ in range(48 * 40)])
    img.save(path, "JPEG", quality=95)
    return path


def build(root: Path, files: Path) -> dict:
    """Canarita (to purge) with her testimony, photograph, signed form; Luis, whose
    testimony mentions her; a group photograph of both."""
    files.mkdir()
    arch = Archive.create(root)
    arch.today_override = date(2026, 6, 1)
    name = f"Canarita {SURNAME} Ospino"
    her = authorities.add_person(arch, name).id
    luis = authorities.add_person(arch, "Luis Pérez").id
    own = item_store.create_item(arch, item_store.ItemFields(
        kind=Kind.TESTIMONY, title=f"Relato de {name}", description=f"La señora {SURNAME} cuenta",
        people=[(her, Role.NARRATOR)]))
    item_store.save_segments(arch, own, [SegmentDraft(0, 5000, name, f"Yo vi el {SECRET}.")])
    photo = item_store.create_item(arch, item_store.ItemFields(
        kind=Kind.PHOTOGRAPH, title="Retrato en la huerta", people=[(her, Role.DEPICTED)]))
    media_ops.add_files(arch, CUSTODIAN, photo, [_noise_jpeg(files / "retrato.jpg", 1)])
    group = item_store.create_item(arch, item_store.ItemFields(
        kind=Kind.PHOTOGRAPH, title=f"Luis y Canarita {SURNAME} en la junta",
        people=[(her, Role.DEPICTED), (luis, Role.DEPICTED)]))
    media_ops.add_files(arch, CUSTODIAN, group, [_noise_jpeg(files / "grupo.jpg", 2)])
    other = item_store.create_item(arch, item_store.ItemFields(
        kind=Kind.TESTIMONY, title="Relato de Luis", people=[(luis, Role.NARRATOR)]))
    text = f"Con Canarita {SURNAME} sembramos; la vereda es secreta."
    (seg,) = item_store.save_segments(arch, other, [SegmentDraft(0, 4000, "Luis", text)])
    start = text.index("la vereda")
    exhibits.add_redaction(arch, seg, start, start + len("la vereda"))
    consent_form.record_with_form(arch, [her], [own, photo, group], GRANTED,
                                  _noise_jpeg(files / "firma.jpg", 3), reason=f"firmó {name}")
    consent_form.record_with_form(arch, [luis], [other, group], GRANTED, None, reason="firmó")
    engine = SearchEngine(arch)
    engine.ensure_fresh()
    engine.close()
    rolling_backup(arch)
    backup_archive(arch, root.parent / "usb-backup")
    copy_store.record_copy(arch, "edition", [own, other], Audience.RESEARCHER,
                           root.parent / "usb-sala")
    return {"archive": arch, "her": her, "luis": luis, "own": own, "photo": photo,
            "group": group, "other": other, "segment": seg,
            "canaries": [SURNAME.encode(), SECRET.encode(),
                         *(_slice(files / n) for n in ("retrato.jpg", "firma.jpg"))]}


def _slice(path: Path) -> bytes:
    data = path.read_bytes()
    return data[len(data) // 2:len(data) // 2 + 64]


def found_canaries(root: Path, canaries: list[bytes]) -> list[str]:
    hits = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for canary in canaries:
            if canary in data or canary.decode("latin-1").encode("utf-8") in data:
                hits.append(f"{path.relative_to(root)}: {canary[:16]!r}")
    return hits


def _due(arch: Archive, purge_id: int) -> None:
    """The waiting period has passed (tests move the date rather than wait)."""
    arch.conn.execute("UPDATE purges SET not_before = '2000-01-01T00:00:00+00:00' WHERE id = ?",
                      (purge_id,))


@pytest.fixture
def world(tmp_path):
    w = build(tmp_path / "archive", tmp_path / "files")
    yield w
    w["archive"].close()


def test_before_the_purge_the_canaries_are_there(world):
    """The scan can fail: on the same archive before the purge it finds every canary."""
    arch = world["archive"]
    hits = found_canaries(arch.root, world["canaries"])
    for canary in world["canaries"]:
        assert any(repr(canary[:16]) in h for h in hits), canary


def test_a_purged_person_leaves_nothing_in_the_live_folder(world):
    arch = world["archive"]
    target = purge_ops.target_from(arch, f"person:{world['her']}")
    preview = purge_ops.preview(arch, CUSTODIAN, target)
    assert [i.id for i in preview.shared] == [world["group"]]  # listed for the custodian
    assert sorted(preview.plan.items) == sorted([world["own"], world["photo"]])
    purge_id = purge_ops.request(arch, CUSTODIAN, target, f"Canarita {SURNAME} lo pidió",
                                 "Ley 1581 de 2012", "RAD-2026-17").value
    _due(arch, purge_id)
    report = purge_ops.confirm(arch, CUSTODIAN, purge_id).value
    assert report.finished and report.index_rewritten
    # The backup made before still holds her: the report names it and its generation.
    backup = str(arch.root.parent / "usb-backup")
    assert [c.dest for c in report.backups] == [backup]
    assert len(report.backup_notes) == 1 and report.backup_notes[0].startswith(backup)
    # The reading-room stick holds her testimony and Luis's naming her: both to recall.
    assert [c.dest for c in report.copies] == [str(arch.root.parent / "usb-sala")]
    recalls = {(r.item_id, r.reason) for r in copy_store.pending_recalls(arch)}
    assert recalls == {(world["own"], "purged"), (world["other"], "purged_name")}

    assert found_canaries(arch.root, world["canaries"]) == []
    wal = arch.root / "catalogue.sqlite-wal"
    assert not wal.exists() or SURNAME.encode() not in wal.read_bytes()
    q = arch.conn.execute
    assert q("SELECT COUNT(*) FROM people WHERE id = ?", (world["her"],)).fetchone()[0] == 0
    assert q("SELECT COUNT(*) FROM consents WHERE person_id = ?",
             (world["her"],)).fetchone()[0] == 0
    # The tombstone: what, how many, when, who, why, basis, reference; no name.
    kind, details = q("SELECT action, details FROM audit_log WHERE id = ?",
                      (report.tombstone,)).fetchone()
    assert kind == "purge"
    assert '"items": 2' in details and '"consents": 1' in details and "RAD-2026-17" in details
    assert "Ley 1581" in details and SURNAME not in details and "Canarita" not in details
    # Luis's testimony keeps its words; her name is a redaction, his own redaction moved.
    seg = item_store.segments_of(arch, world["other"])[0]
    assert MARKER in seg.text and SURNAME not in seg.text
    assert seg.text.endswith("la vereda es secreta.")
    spans = [(r.start, r.end) for r in exhibits.redactions_for(arch, seg.id)]
    assert (seg.text.index("la vereda"), seg.text.index("la vereda") + 9) in spans
    assert (seg.text.index(MARKER), seg.text.index(MARKER) + len(MARKER)) in spans
    view = projection.project(arch, world["other"], Audience.RESEARCHER)
    assert MARKER not in view.segments[0].text and "[…]" in view.segments[0].text
    # The group photograph stays (the custodian kept it), without her.
    group = item_store.get_item(arch, world["group"])
    assert SURNAME not in group.title
    assert [p.person.id for p in group.people] == [world["luis"]]


def test_a_researcher_never_sees_a_purged_item(world):
    arch = world["archive"]
    own = world["own"]
    assert own in access.visible_item_ids(arch, Audience.RESEARCHER)
    purge_id = purge_ops.request(arch, CUSTODIAN, purge_ops.target_from(arch, str(own)),
                                 "pedido", "Ley 1581 de 2012").value
    _due(arch, purge_id)
    purge_ops.confirm(arch, CUSTODIAN, purge_id)
    assert own not in access.visible_item_ids(arch, Audience.RESEARCHER)
    engine = SearchEngine(arch)
    try:
        hits = engine.search(SECRET, Audience.RESEARCHER).item_ids
        assert own not in hits and engine.search(SECRET, Audience.CUSTODIAN).total == 0
    finally:
        engine.close()
    with pytest.raises(Exception):  # noqa: B017 - gone for everyone, custodians included
        projection.project(arch, own, Audience.RESEARCHER)


def test_requests_wait_and_can_be_cancelled(world):
    arch = world["archive"]
    target = purge_ops.target_from(arch, str(world["own"]))
    first = purge_ops.request(arch, CUSTODIAN, target, "pedido", "Ley 1581").value
    assert [r.id for r in purge_ops.pending(arch, CUSTODIAN)] == [first]
    with pytest.raises(purge_ops.PurgeError) as waiting:
        purge_ops.confirm(arch, CUSTODIAN, first)  # the same custodian, no wait yet
    assert waiting.value.code == "waiting"
    assert item_store.get_item(arch, world["own"])  # nothing removed
    purge_ops.cancel(arch, CUSTODIAN, first)
    assert purge_ops.pending(arch, CUSTODIAN) == []
    _due(arch, first)
    with pytest.raises(purge_ops.PurgeError) as closed:
        purge_ops.confirm(arch, CUSTODIAN, first)  # cancelled stays cancelled
    assert closed.value.code == "not_pending"
    assert item_store.get_item(arch, world["own"])


def test_only_a_custodian_purges(world):
    arch = world["archive"]
    curator = Actor("cura", Audience.CURATOR, "es")
    target = purge_ops.target_from(arch, str(world["own"]))
    with pytest.raises(NotPermitted):
        purge_ops.request(arch, curator, target, "pedido", "Ley 1581")
    purge_id = purge_ops.request(arch, CUSTODIAN, target, "pedido", "Ley 1581").value
    _due(arch, purge_id)
    for role in (Audience.CURATOR, Audience.RESEARCHER, Audience.PUBLIC):
        with pytest.raises(NotPermitted):
            purge_ops.confirm(arch, Actor("x", role), purge_id)
        with pytest.raises(NotPermitted):
            purge_ops.cancel(arch, Actor("x", role), purge_id)


def test_history_stays_append_only_outside_a_purge(world):
    """Only the purge's permit lets the audit log and consent history be rewritten,
    and the catalogue grants the permit only to a due (or confirmed) request."""
    arch = world["archive"]
    q = arch.conn.execute
    with pytest.raises(driver.IntegrityError, match="append-only"):
        q("UPDATE audit_log SET details = '{}' WHERE id = 1")
    with pytest.raises(driver.IntegrityError, match="never deleted"):
        q("DELETE FROM consents")
    with pytest.raises(driver.IntegrityError, match="append-only"):
        q("DELETE FROM consent_events")
    purge_id = purge_ops.request(arch, CUSTODIAN, purge_ops.target_from(arch, str(world["own"])),
                                 "pedido", "Ley 1581").value
    with pytest.raises(driver.IntegrityError, match="waiting period"):
        q("INSERT INTO purge_permit (purge_id) VALUES (?)", (purge_id,))
    _due(arch, purge_id)
    q("BEGIN")
    q("INSERT INTO purge_permit (purge_id) VALUES (?)", (purge_id,))
    with pytest.raises(driver.IntegrityError, match="append-only"):  # who and when stay
        q("UPDATE audit_log SET actor = 'nadie' WHERE id = 1")
    q("ROLLBACK")


def test_an_item_purge_keeps_bytes_another_item_shares(world, tmp_path):
    arch = world["archive"]
    again = item_store.create_item(arch, item_store.ItemFields(kind=Kind.PHOTOGRAPH,
                                                               title="Copia"))
    media_ops.add_files(arch, CUSTODIAN, again, [tmp_path / "files" / "retrato.jpg"])
    (sha,) = {m.sha256 for m in item_store.media_of(arch, world["photo"])}
    purge_id = purge_ops.request(arch, CUSTODIAN, purge_ops.target_from(arch, str(world["photo"])),
                                 "pedido", "Ley 1581").value
    _due(arch, purge_id)
    purge_ops.confirm(arch, CUSTODIAN, purge_id)
    (path,) = arch.conn.execute("SELECT path FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
    assert (arch.root / path).is_file()  # the other item still holds those bytes


def test_a_kill_after_the_catalogue_part_is_finished_at_the_next_open(world):
    """The catalogue committed, the process died before the disk part: opening the
    archive (alone) finishes it."""
    from memoria.storage import purge_apply

    arch = world["archive"]
    root = arch.root
    purge_id = purge_ops.request(arch, CUSTODIAN, purge_ops.target_from(
        arch, f"person:{world['her']}", (world["group"],)), "pedido", "Ley 1581").value
    _due(arch, purge_id)
    purge_apply.carry_out(arch, purge_id, "waiting_period")  # then "killed"
    assert found_canaries(root, world["canaries"][2:3])  # the photograph is still on disk
    arch.close()
    with Archive.open(root) as again:
        state = again.conn.execute("SELECT state FROM purges WHERE id = ?",
                                   (purge_id,)).fetchone()[0]
        assert state == "done"
    world["archive"] = Archive.open(root)
    assert found_canaries(root, world["canaries"]) == []
    assert os.path.isdir(root / "index")


def test_the_command_line_requests_lists_and_refuses_in_a_sentence(world):
    from tests.unit.test_cli import memoria

    arch = world["archive"]
    root = arch.root
    arch.close()
    shared = memoria("purge", f"person:{world['her']}", "--reason", "pedido", "--basis",
                     "Ley 1581", archive=root, check=False)
    assert shared.returncode == 1 and "shared with other people" in shared.stderr
    assert "Traceback" not in shared.stderr
    no_basis = memoria("purge", f"person:{world['her']}", "--reason", "pedido", "--shared",
                       "keep", "--lang", "es", archive=root, check=False)
    assert no_basis.returncode == 1 and "base legal" in no_basis.stderr
    made = memoria("purge", f"person:{world['her']}", "--reason", "pedido", "--basis",
                   "Ley 1581", "--shared", "keep", "--now", archive=root)
    assert "Purge request 1 recorded" in made.stdout and "waits until" in made.stdout
    listed = memoria("purge", "--pending", "--json", archive=root)
    assert f'"person": {world["her"]}' in listed.stdout
    early = memoria("purge", "--confirm", "1", archive=root, check=False)
    assert early.returncode == 1 and "waits until" in early.stderr
    missing = memoria("purge", "--cancel", "7", archive=root, check=False)
    assert "no purge request number 7" in missing.stderr
    assert memoria("purge", "--cancel", "1", archive=root).returncode == 0
    world["archive"] = Archive.open(root)
    assert item_store.get_item(world["archive"], world["own"])


@pytest.mark.slow
def test_a_reader_holding_old_pages_delays_the_wipe_to_the_next_open(world):
    """Another program reading the catalogue keeps the old pages in the WAL: the purge
    says its disk part is unfinished, and the next open (alone) completes it."""
    arch = world["archive"]
    root = arch.root
    # The same SQLite library as Memoria's (two libraries in one process do not see
    # each other's POSIX locks, so a stdlib reader would not hold the pages).
    reader = driver.connect(f"file:{root / 'catalogue.sqlite'}?mode=ro", uri=True)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM items").fetchone()  # a snapshot from before
    purge_id = purge_ops.request(arch, CUSTODIAN, purge_ops.target_from(
        arch, f"person:{world['her']}"), "pedido", "Ley 1581").value
    _due(arch, purge_id)
    report = purge_ops.confirm(arch, CUSTODIAN, purge_id).value
    assert not report.finished
    assert purge_ops.pending(arch, CUSTODIAN)[0].state == "wiping"
    reader.close()
    arch.close()
    world["archive"] = Archive.open(root)
    assert purge_ops.pending(world["archive"], CUSTODIAN) == []
    assert found_canaries(root, world["canaries"]) == []
