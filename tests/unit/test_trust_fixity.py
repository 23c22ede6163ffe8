"""Promises 1 and 2: originals are never modified; `verify` finds every change."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from memoria.cli import main
from memoria.importing.importer import import_paths
from memoria.storage import items as item_store
from memoria.trust.autobackup import rolling_backup
from memoria.trust.backup import backup_archive, restore_backup
from memoria.trust.bag import export_bag
from memoria.trust.fixity import fixity_overdue, last_fixity_check, verify_archive
from tests.unit.test_trust_support import media_snapshot


def _imported(archive, folder):
    report = import_paths(archive, [folder])
    assert len(report.with_status("imported")) == 6, report.outcomes
    return report


def _tamper(path) -> None:
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_no_operation_modifies_an_original(archive, media_folder, tmp_path):
    _imported(archive, media_folder)
    snap = media_snapshot(archive)
    assert len(snap) == 6
    # import again (all duplicates), edit, verify, backups, restore, bag export
    import_paths(archive, [media_folder])
    assert media_snapshot(archive) == snap
    item_id = item_store.list_item_ids(archive)[0]
    item = item_store.get_item(archive, item_id)
    item_store.update_item(archive, item_id, item_store.ItemFields(
        item.kind, "Título nuevo", "descripción", notes="editado"))
    assert media_snapshot(archive) == snap
    assert verify_archive(archive).ok
    backup_archive(archive, tmp_path / "bk")
    rolling_backup(archive)
    assert media_snapshot(archive) == snap
    restore_backup(tmp_path / "bk", tmp_path / "restored")
    export_bag(archive, item_store.list_item_ids(archive), tmp_path / "bag")
    assert media_snapshot(archive) == snap


def test_verify_reports_changed_missing_and_unexpected(archive, media_folder):
    _imported(archive, media_folder)
    rows = archive.conn.execute("SELECT sha256, path FROM blobs ORDER BY path").fetchall()
    _tamper(archive.root / rows[0]["path"])
    (archive.root / rows[1]["path"]).unlink()
    stray = archive.root / "media" / "zz" / "stray.jpg"
    stray.parent.mkdir()
    stray.write_bytes(b"not catalogued")
    seen = []
    report = verify_archive(archive, progress=lambda d, t, n: seen.append(d))
    assert not report.ok
    assert report.changed == [rows[0]["path"]]
    assert report.missing == [rows[1]["path"]]
    assert report.unexpected == ["media/zz/stray.jpg"]
    assert seen[-1] == 6
    flags = dict(archive.conn.execute("SELECT sha256, fixity_ok FROM blobs").fetchall())
    assert flags[rows[0]["sha256"]] == 0 and flags[rows[1]["sha256"]] == 0
    assert sum(flags.values()) == 4
    media = item_store.media_of(archive, archive.conn.execute(
        "SELECT item_id FROM media_files WHERE sha256 = ?", (rows[0]["sha256"],)).fetchone()[0])
    assert media[0].fixity_ok is False  # the item shows the failed file
    last = last_fixity_check(archive)
    assert last is not None and last["ok"] is False and last["changed"] == [rows[0]["path"]]


def test_verify_cli_exit_code_and_json(archive, media_folder, capsys):
    _imported(archive, media_folder)
    root = archive.root
    archive.close()
    assert main(["--archive", str(root), "verify", "--json"]) == 0
    clean = json.loads(capsys.readouterr().out)
    assert clean["ok"] and clean["checked"] == 6 and clean["integrity"] == []
    _tamper(next((root / "media").rglob("*.wav")))
    assert main(["--archive", str(root), "verify", "--json"]) == 1
    broken = json.loads(capsys.readouterr().out)
    assert not broken["ok"] and len(broken["changed"]) == 1
    assert main(["--lang", "en", "--archive", str(root), "verify"]) == 1
    assert "PROBLEMS FOUND" in capsys.readouterr().out
    assert main(["--lang", "es", "--archive", str(root), "verify"]) == 1
    out = capsys.readouterr().out
    assert "SE ENCONTRARON PROBLEMAS" in out and "cambiado:" in out


def test_fixity_events_are_audited_and_overdue_is_configurable(archive):
    # Never checked: counted from the archive's creation, so a new archive is not overdue.
    assert last_fixity_check(archive) is None and not fixity_overdue(archive)
    assert fixity_overdue(archive, now=datetime.now(UTC) + timedelta(days=91))
    assert verify_archive(archive).ok
    rows = archive.conn.execute("SELECT actor, details FROM audit_log WHERE "
                                "entity_type = 'archive' AND action = 'fixity'").fetchall()
    assert len(rows) == 1 and json.loads(rows[0]["details"])["ok"] is True
    assert not fixity_overdue(archive)
    later = datetime.now(UTC) + timedelta(days=91)
    assert fixity_overdue(archive, now=later)
    archive.set_setting("fixity.period_days", "365")
    assert not fixity_overdue(archive, now=later)
    assert fixity_overdue(archive, days=30, now=later)


def test_verify_can_be_cancelled_and_then_records_nothing(archive, media_folder):
    _imported(archive, media_folder)
    report = verify_archive(archive, cancelled=lambda: True)
    assert report.cancelled and not report.ok
    assert last_fixity_check(archive) is None
