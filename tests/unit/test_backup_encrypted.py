"""Backups of an encrypted archive (issue 13): encrypted, one key per generation, forgettable."""

from __future__ import annotations

from datetime import date

import pytest

from memoria.cli import main
from memoria.crypto import keys as keyslots
from memoria.crypto.keys import KdfCost
from memoria.domain.model import Role
from memoria.importing.importer import import_paths
from memoria.storage import authorities
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.trust import backup_crypt
from memoria.trust.backup import (
    backup_archive,
    forget_generations,
    generations_holding,
    restore_backup,
)
from memoria.trust.fixity import verify_archive
from memoria.trust.sealed import SealError
from tests.conftest import make_jpeg, make_wav

PASS = "una frase larga de prueba"
CANARIES = [b"Canario Restrepo Zuluaga", b"CANARY-TITLE-7731", b"desplazamiento forzado",
            "Comuna Trece Ñandú".encode()]


def _encrypted(tmp_path, name="archive"):
    arch = Archive.create(tmp_path / name, encrypt=True, account="ana", passphrase=PASS,
                          kdf=KdfCost.FOR_TESTS)
    arch.today_override = date(2026, 6, 1)
    return arch


def _fill(arch, tmp_path, title="CANARY-TITLE-7731"):
    wav = make_wav(tmp_path / f"{title}.wav")
    photo = make_jpeg(tmp_path / f"{title}.jpg", color=(3, 140, 77))
    report = import_paths(arch, [wav, photo])
    item_id = report.outcomes[0].item_id
    person = authorities.add_person(arch, "Canario Restrepo Zuluaga")
    item = item_store.get_item(arch, item_id)
    item_store.update_item(arch, item_id, item_store.ItemFields(
        item.kind, title, "Comuna Trece Ñandú, desplazamiento forzado",
        people=[(person.id, Role.NARRATOR)], subjects=["desplazamiento forzado"]))
    return [wav.read_bytes()[100:164], photo.read_bytes()[-64:]]


def _scan(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def _unlock_backup(backup, generation=None):
    gen = backup_crypt.generation_to_restore(backup, generation)
    return keyslots.unlock(gen.folder, "ana", PASS)


def test_backup_holds_no_canary_and_restores_with_the_passphrase(tmp_path):
    arch = _encrypted(tmp_path)
    media = _fill(arch, tmp_path)
    report = backup_archive(arch, tmp_path / "bk")
    assert report.ok and report.media_copied == 2
    files = _scan(tmp_path / "bk")
    for rel, data in files.items():
        for canary in CANARIES + media:
            assert canary not in data, (rel, canary)
        assert b"SQLite format 3" not in data, rel
    second = backup_archive(arch, tmp_path / "bk")
    assert (second.media_copied, second.media_skipped) == (0, 2)
    arch.close()
    with pytest.raises(keyslots.WrongPassphrase):
        keyslots.unlock(backup_crypt.generation_to_restore(tmp_path / "bk", None).folder,
                        "ana", "otra frase")
    keys = _unlock_backup(tmp_path / "bk")
    restored_report = restore_backup(tmp_path / "bk", tmp_path / "restored", keys=keys)
    assert restored_report.ok and restored_report.media_copied == 2
    with Archive.open(tmp_path / "restored", keys=keys) as restored:
        assert item_store.get_item(restored, 1).title == "CANARY-TITLE-7731"
        assert verify_archive(restored).ok


def test_a_destroyed_generation_no_longer_restores(tmp_path):
    arch = _encrypted(tmp_path)
    _fill(arch, tmp_path)
    backup_archive(arch, tmp_path / "bk")
    [old] = [g.name for g in backup_crypt.encrypted_generations(tmp_path / "bk")]
    import_paths(arch, [make_jpeg(tmp_path / "b.jpg", color=(9, 8, 7))])
    backup_archive(arch, tmp_path / "bk")
    newest = backup_crypt.encrypted_generations(tmp_path / "bk")[-1].name
    assert generations_holding(tmp_path / "bk", newest) == [old]
    with pytest.raises(SealError):
        forget_generations(tmp_path / "bk", [newest], arch.keys)
    done = forget_generations(tmp_path / "bk", [old], arch.keys)
    assert done.forgotten == [old]
    assert "ya no se pueden restaurar" in done.sentence("es")
    assert "no longer restore" in done.sentence("en")
    keys = arch.keys
    arch.close()
    with pytest.raises(SealError) as caught:
        restore_backup(tmp_path / "bk", tmp_path / "r-old", generation=old, keys=keys)
    assert "destruida" in caught.value.sentence("es")
    assert "destroyed" in caught.value.sentence("en")
    assert restore_backup(tmp_path / "bk", tmp_path / "r-new", keys=keys).media_copied == 3


def test_keep_prunes_old_generations_by_destroying_their_keys(tmp_path):
    arch = _encrypted(tmp_path)
    _fill(arch, tmp_path)
    for _ in range(4):
        backup_archive(arch, tmp_path / "bk", keep=2)
    gens = backup_crypt.encrypted_generations(tmp_path / "bk")
    assert len(gens) == 2
    assert len(list((tmp_path / "bk" / "generations").iterdir())) == 2
    arch.close()


def test_cli_backup_and_restore_of_an_encrypted_archive(tmp_path, capsys, monkeypatch):
    arch = _encrypted(tmp_path)
    _fill(arch, tmp_path)
    arch.close()
    monkeypatch.setenv("MEMORIA_ACCOUNT", "ana")
    monkeypatch.setenv("MEMORIA_PASSPHRASE", PASS)
    assert main(["--archive", str(arch.root), "backup", str(tmp_path / "bk")]) == 0
    capsys.readouterr()
    monkeypatch.setenv("MEMORIA_PASSPHRASE", "equivocada")
    code = main(["--lang", "en", "restore", str(tmp_path / "bk"), str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err and err.strip()
    monkeypatch.setenv("MEMORIA_PASSPHRASE", PASS)
    assert main(["restore", str(tmp_path / "bk"), str(tmp_path / "r")]) == 0
    assert main(["--archive", str(tmp_path / "r"), "verify"]) == 0


def test_the_same_scan_finds_the_canaries_in_a_plain_archive_backup(tmp_path):
    """The scan above can fail: a plain archive's backup is as readable as the archive."""
    arch = Archive.create(tmp_path / "plain")
    media = _fill(arch, tmp_path)
    backup_archive(arch, tmp_path / "bk")
    everything = b"".join(_scan(tmp_path / "bk").values())
    assert b"CANARY-TITLE-7731" in everything and media[1] in everything
    arch.close()


def test_automatic_catalogue_copies_are_encrypted(tmp_path):
    import sqlite3

    from memoria.storage import driver
    from memoria.trust.autobackup import rolling_backup

    arch = _encrypted(tmp_path)
    _fill(arch, tmp_path)
    copy = rolling_backup(arch, keep=2)
    data = copy.read_bytes()
    assert not any(c in data for c in CANARIES) and b"SQLite format 3" not in data
    plain = sqlite3.connect(copy)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT COUNT(*) FROM items").fetchone()
    plain.close()
    keyed = driver.connect(str(copy), key=arch.catalogue_key())
    assert keyed.execute("SELECT title FROM items WHERE id = 1").fetchone()[0] == \
        "CANARY-TITLE-7731"
    keyed.close()
    arch.close()


def test_restore_with_the_recovery_key(tmp_path):
    arch = _encrypted(tmp_path)
    recovery = arch.recovery_key
    _fill(arch, tmp_path)
    backup_archive(arch, tmp_path / "bk")
    arch.close()
    gen = backup_crypt.generation_to_restore(tmp_path / "bk", None)
    keys = backup_crypt.unlock_generation(gen, None, None, recovery)
    assert restore_backup(tmp_path / "bk", tmp_path / "r", keys=keys).ok
    with pytest.raises(backup_crypt.BackupNeedsUnlock):
        restore_backup(tmp_path / "bk", tmp_path / "r2")


def test_forgetting_a_plain_backup_generation(tmp_path, capsys):
    """The same hook for a plain archive: the old catalogue and its own originals go."""
    arch = Archive.create(tmp_path / "plain")
    import_paths(arch, [make_jpeg(tmp_path / "a.jpg", color=(1, 2, 3))])
    backup_archive(arch, tmp_path / "bk")
    only_old = list((tmp_path / "bk" / "media").rglob("*.jpg"))
    arch.conn.execute("DELETE FROM media_files")  # the purge's part, done by hand here
    arch.conn.execute("DELETE FROM blobs")
    backup_archive(arch, tmp_path / "bk")
    old = generations_holding(tmp_path / "bk", "9999-01-01T00:00:00")
    assert len(old) == 1
    done = forget_generations(tmp_path / "bk", old)
    assert done.forgotten == old and done.media_removed == 1
    assert not any(p.exists() for p in only_old)
    arch.close()
    code = main(["--lang", "en", "restore", str(tmp_path / "bk"), str(tmp_path / "r"),
                 "--generation", old[0]])
    assert code == 1 and "Traceback" not in capsys.readouterr().err


_BACKUP_RUN = """
import sys
from memoria.crypto import keys as keyslots
from memoria.storage.archive import Archive
from memoria.trust.backup import backup_archive
keys = keyslots.unlock(sys.argv[1], "ana", sys.argv[3])
with Archive.open(sys.argv[1], writable=False, keys=keys) as arch:
    backup_archive(arch, sys.argv[2])
"""


def test_a_killed_encrypted_backup_leaves_the_previous_generation_whole(tmp_path):
    import os
    import random
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    root_dir = Path(__file__).resolve().parents[2]
    arch = _encrypted(tmp_path)
    _fill(arch, tmp_path)
    backup_archive(arch, tmp_path / "bk")
    for n in range(6):
        import_paths(arch, [make_jpeg(tmp_path / f"n{n}.jpg", color=(40 * n, 50, 90))])
    originals = arch.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0]
    keys = arch.keys
    arch.close()
    rng = random.Random(18)
    env = {**os.environ, "PYTHONPATH": str(root_dir)}
    for attempt in range(3):
        proc = subprocess.Popen([sys.executable, "-c", _BACKUP_RUN, str(arch.root),
                                 str(tmp_path / "bk"), PASS], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        out = tmp_path / f"r{attempt}"
        report = restore_backup(tmp_path / "bk", out, keys=keys)
        assert report.ok and report.media_copied in (2, originals), report
        with Archive.open(out, keys=keys) as restored:
            assert verify_archive(restored).ok
    with Archive.open(arch.root, writable=False, keys=keys) as again:
        assert backup_archive(again, tmp_path / "bk").ok  # the next run cleans up and goes on
    assert not list((tmp_path / "bk").rglob("*.part"))
    assert not list((tmp_path / "bk").rglob("*.building"))
