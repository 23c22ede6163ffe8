"""Promise 5: backups are consistent copies of a live archive, incremental, restorable."""

from __future__ import annotations

import sqlite3

import pytest

from memoria.cli import main
from memoria.importing.importer import import_paths
from memoria.storage.archive import Archive
from memoria.trust.autobackup import auto_backups, rolling_backup
from memoria.trust.backup import BackupError, backup_archive, restore_backup
from memoria.trust.fixity import verify_archive
from tests.conftest import make_jpeg


def test_backup_is_incremental_and_restore_verifies_clean(archive, media_folder, tmp_path,
                                                         capsys):
    import_paths(archive, [media_folder])
    first = backup_archive(archive, tmp_path / "bk")
    assert (first.media_copied, first.media_skipped) == (6, 0)
    import_paths(archive, [make_jpeg(tmp_path / "nueva.jpg", color=(1, 2, 3))])
    second = backup_archive(archive, tmp_path / "bk")
    assert (second.media_copied, second.media_skipped) == (1, 6)
    root = archive.root
    archive.close()
    assert main(["restore", str(tmp_path / "bk"), str(tmp_path / "restored")]) == 0
    assert main(["--archive", str(tmp_path / "restored"), "verify"]) == 0
    assert "Los 7 originales están intactos" in capsys.readouterr().out  # Spanish first
    assert main(["--lang", "en", "--archive", str(tmp_path / "restored"), "verify"]) == 0
    assert "All 7 originals are intact" in capsys.readouterr().out
    with Archive.open(tmp_path / "restored") as restored:
        assert restored.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 7
    assert main(["--archive", str(root), "backup", str(tmp_path / "bk"), "--json"]) == 0
    assert '"media_copied": 0' in capsys.readouterr().out


def test_backup_of_a_live_archive_sees_only_committed_work(archive, tmp_path):
    """A writer in the middle of a transaction: the backup holds the last commit."""
    import_paths(archive, [make_jpeg(tmp_path / "a.jpg")])
    archive.conn.execute("BEGIN IMMEDIATE")
    archive.conn.execute("UPDATE items SET title = 'a medio escribir'")
    reader = Archive.open(archive.root, writable=False)  # what `memoria backup` uses
    try:
        backup_archive(reader, tmp_path / "bk")
    finally:
        reader.close()
        archive.conn.execute("ROLLBACK")
    copy = sqlite3.connect(tmp_path / "bk" / "catalogue.sqlite")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT title FROM items").fetchone()[0] == "a"
    copy.close()


def test_restore_refuses_a_non_empty_folder_and_backup_inside_archive(archive, tmp_path):
    backup_archive(archive, tmp_path / "bk")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(tmp_path / "bk", tmp_path / "full", lang="en")
    with pytest.raises(BackupError, match="no está vacía"):
        restore_backup(tmp_path / "bk", tmp_path / "full")
    with pytest.raises(BackupError, match="outside"):
        backup_archive(archive, archive.root / "backups" / "x", lang="en")
    with pytest.raises(BackupError, match="fuera de la carpeta"):
        backup_archive(archive, archive.root / "backups" / "x")


def test_a_damaged_original_is_not_copied_into_the_backup(archive, tmp_path):
    import_paths(archive, [make_jpeg(tmp_path / "a.jpg")])
    [original] = list((archive.root / "media").rglob("*.jpg"))
    original.chmod(0o644)
    original.write_bytes(original.read_bytes()[:-10])
    report = backup_archive(archive, tmp_path / "bk", lang="en")
    assert not report.ok and "checksum" in report.problems[0]
    assert not list((tmp_path / "bk" / "media").rglob("*.jpg"))


def test_rolling_backup_keeps_the_newest(archive):
    made = [rolling_backup(archive, keep=3) for _ in range(5)]
    kept = auto_backups(archive)
    assert kept == made[-3:]
    conn = sqlite3.connect(kept[-1])
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x4D454D4F
    conn.close()
    assert verify_archive(archive).ok  # backups/ is not mistaken for stray media
