"""Purged material does not come back from Memoria's own backups (issue 13).

The purge calls memoria.trust.backup.after_purge: each reachable backup gets a
fresh generation, then the older ones are destroyed (their keys, in an
encrypted backup). Restoring what is left holds none of the purged canaries.
"""

from __future__ import annotations

from memoria.operations import purge as purge_ops
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.trust.backup import generation_names, restore_backup
from tests.unit.test_purge import CUSTODIAN, _due, build, found_canaries


def test_after_a_purge_the_backup_restores_without_the_purged_person(tmp_path):
    world = build(tmp_path / "archive", tmp_path / "files")
    arch = world["archive"]
    backup = tmp_path / "usb-backup"
    assert found_canaries(backup, world["canaries"])  # the backup held her before
    before = generation_names(backup)
    target = purge_ops.target_from(arch, f"person:{world['her']}")
    purge_id = purge_ops.request(arch, CUSTODIAN, target, "lo pidió", "Ley 1581 de 2012").value
    _due(arch, purge_id)
    report = purge_ops.confirm(arch, CUSTODIAN, purge_id).value
    after = generation_names(backup)
    assert len(before) == 1 and len(after) == 1  # a fresh one; the old ones destroyed
    assert len(report.backup_notes) == 1
    assert "no longer restore" in report.backup_notes[0] or \
        "ya no se pueden restaurar" in report.backup_notes[0]
    assert found_canaries(backup, world["canaries"]) == []
    arch.close()
    restored = restore_backup(backup, tmp_path / "restored")
    assert restored.ok
    assert found_canaries(tmp_path / "restored", world["canaries"]) == []
    with Archive.open(tmp_path / "restored", writable=False) as again:
        assert item_store.get_item(again, world["other"]).title == "Relato de Luis"


def test_an_encrypted_backup_forgets_the_generations_made_before_a_purge(tmp_path):
    import pytest

    from memoria.trust import backup_crypt
    from memoria.trust.backup import backup_archive
    from memoria.trust.sealed import SealError
    from tests.unit.test_backup_encrypted import _encrypted, _fill, _scan

    arch = _encrypted(tmp_path)
    media = _fill(arch, tmp_path)
    backup = tmp_path / "bk"
    backup_archive(arch, backup)
    backup_archive(arch, backup)
    old = generation_names(backup)
    assert len(old) == 2
    target = purge_ops.target_from(arch, "1")
    purge_id = purge_ops.request(arch, CUSTODIAN, target, "lo pidió", "Ley 1581 de 2012").value
    _due(arch, purge_id)
    report = purge_ops.confirm(arch, CUSTODIAN, purge_id).value
    assert "no longer restore" in report.backup_notes[0] or \
        "ya no se pueden restaurar" in report.backup_notes[0]
    now = generation_names(backup)
    assert len(now) == 1 and now[0] not in old
    keys = arch.keys
    arch.close()
    with pytest.raises(SealError, match="destroyed"):
        restore_backup(backup, tmp_path / "r-old", generation=old[0], keys=keys)
    assert restore_backup(backup, tmp_path / "r", keys=keys).ok
    with Archive.open(tmp_path / "r", keys=keys) as restored:
        assert item_store.list_item_ids(restored) == [2]  # the photograph, not the purged one
    # the purged recording's own file is gone from the backup, its key with it
    assert len(list((backup / "media").rglob("*.age"))) == 1
    assert backup_crypt.encrypted_generations(backup)[0].name == now[0]
    assert all(m not in data for m in media[:1] for data in _scan(backup).values())


def test_a_backup_drive_away_during_the_purge_forgets_at_its_next_backup(tmp_path):
    from memoria.trust.backup import backup_archive

    world = build(tmp_path / "archive", tmp_path / "files")
    arch = world["archive"]
    drawer = tmp_path / "drawer-backup"
    backup_archive(arch, drawer)
    away = drawer.rename(tmp_path / "in-a-drawer")  # not plugged in during the purge
    target = purge_ops.target_from(arch, f"person:{world['her']}")
    purge_id = purge_ops.request(arch, CUSTODIAN, target, "lo pidió", "Ley 1581 de 2012").value
    _due(arch, purge_id)
    report = purge_ops.confirm(arch, CUSTODIAN, purge_id).value
    assert any(line.startswith(str(drawer)) and "still hold" in line or "todavía" in line
               for line in report.backup_notes)
    away.rename(drawer)
    assert found_canaries(drawer, world["canaries"])
    again = backup_archive(arch, drawer)
    assert again.ok and again.forgotten
    assert found_canaries(drawer, world["canaries"]) == []
    arch.close()
