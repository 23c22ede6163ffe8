"""Key rotation (issue 13): a new archive key, every file moved under it, resumable after a kill."""

from __future__ import annotations

import pytest

from memoria.crypto import accounts
from memoria.crypto.keys import KdfCost, WrongPassphrase, unlock, unlock_with_recovery
from memoria.crypto.stream import StreamDamaged, StreamReader
from memoria.domain.model import Kind
from memoria.importing.importer import ImportOptions, import_paths
from memoria.media import derive
from memoria.storage import db, rotation
from memoria.storage.archive import Archive, RotationUnfinished
from memoria.trust import bag_seal
from memoria.trust.autobackup import rolling_backup
from memoria.trust.fixity import verify_archive
from tests.conftest import PASSPHRASE, make_jpeg


class Killed(Exception):
    """Stands for a kill at one step of the rotation."""


def _build(encrypted_archive, tmp_path):
    archive = encrypted_archive
    photos = [make_jpeg(tmp_path / f"p{i}.jpg", size=(320 + 40 * i, 240)) for i in range(3)]
    report = import_paths(archive, photos, ImportOptions(kind=Kind.PHOTOGRAPH))
    originals = {o.sha256: p.read_bytes() for o, p in zip(report.with_status("imported"),
                                                          photos, strict=True)}
    bag_seal.bag_recipient(archive)  # the field-bag key, wrapped under the archive key
    rolling_backup(archive)  # an automatic copy of the catalogue, under the old key
    accounts.add_account(archive.root, archive.keys, "beto", "curator", "otra frase",
                         KdfCost.FOR_TESTS)
    root = archive.root
    archive.close()
    return root, originals


def _check_all_read(root, keys, originals, derived=True):
    with Archive.open(root, writable=True, keys=keys) as archive:
        rows = archive.conn.execute("SELECT sha256, path FROM blobs").fetchall()
        assert {r["sha256"] for r in rows} == set(originals)
        for row in rows:
            assert archive.vault.read_bytes(row["path"]) == originals[row["sha256"]]
            if not derived:
                continue  # a restored backup: derived files are rebuilt on demand
            thumb = derive.existing(archive.vault, row["sha256"])[derive.THUMB]
            assert archive.vault.read_bytes(archive.vault.relpath(thumb))[:3] == b"\xff\xd8\xff"
        assert verify_archive(archive).ok
        if derived:  # (the bag key is not part of a backup either)
            assert bag_seal._bag_identity(archive) is not None  # the bag key opens with the new key


def _work_while_files_move(root, originals):
    """While a rotation moves the files, the archive opens with any old slot: every
    original reads (moved ones under the new key, the rest under the old), and a
    change is written (under the new key: the catalogue is under it already)."""
    with Archive.open(root, writable=True, keys=unlock(root, "ana", PASSPHRASE)) as archive:
        for row in archive.conn.execute("SELECT sha256, path FROM blobs"):
            assert archive.vault.read_bytes(row["path"]) == originals[row["sha256"]]
        with db.transaction(archive.conn):
            archive.conn.execute("UPDATE items SET title = 'Cambiado durante la rotación' "
                                 "WHERE id = (SELECT min(id) FROM items)")
    with Archive.open(root, writable=False, keys=unlock(root, "beto", "otra frase")) as reader:
        assert reader.conn.execute("SELECT count(*) FROM items").fetchone()[0] == 3


def _check_work_kept(root):
    with Archive.open(root, writable=False, keys=unlock(root, "ana", PASSPHRASE)) as archive:
        titles = [r[0] for r in archive.conn.execute("SELECT title FROM items")]
    assert "Cambiado durante la rotación" in titles


def _rotate(root, hook=None):
    keys = unlock(root, "ana", PASSPHRASE)
    return rotation.rotate(root, keys, PASSPHRASE, kdf=KdfCost.FOR_TESTS, hook=hook), keys


def test_rotation_moves_everything_under_a_new_key_and_the_old_one_opens_nothing(
        encrypted_archive, tmp_path):
    root, originals = _build(encrypted_archive, tmp_path)
    result, old = _rotate(root)
    assert result.dropped_accounts == [("beto", "curator")] and result.media == 3
    assert result.derived >= 3
    new = unlock(root, "ana", PASSPHRASE)
    assert rotation.key_id(new) != rotation.key_id(old)
    _check_all_read(root, new, originals)
    # the old key opens neither the catalogue nor any file
    with pytest.raises(Exception, match="not a database"):
        conn = db.connect(root / db.CATALOGUE, readonly=True, key=old.subkey("catalogue"))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    (copy,) = (root / "backups").rglob("*.sqlite")
    assert rotation._catalogue_opens(copy, new.subkey("catalogue"))
    assert not rotation._catalogue_opens(copy, old.subkey("catalogue"))
    for path in [*(root / "media").rglob("*"), *(root / "derived").rglob("*")]:
        if path.is_file():
            rel = path.relative_to(root).as_posix().encode()
            with pytest.raises(StreamDamaged), open(path, "rb") as src:
                StreamReader(src, old.subkey("files"), rel)
    # a removed account's passphrase opens nothing; the new recovery key opens the archive
    with pytest.raises(WrongPassphrase):
        unlock(root, "beto", "otra frase")
    assert rotation.key_id(unlock_with_recovery(root, result.recovery_key)) == rotation.key_id(new)
    assert not rotation.pending(root)
    # the index was removed with the old key's files; the next search rebuilds it under the new
    from memoria.domain.consent import Audience
    from memoria.search.cli_support import run_search

    with Archive.open(root, writable=True, keys=new) as archive:
        title = archive.conn.execute("SELECT title FROM items LIMIT 1").fetchone()[0]
        found = run_search(archive, title.split()[0], Audience.CUSTODIAN, 10, False)
    assert found.engine == "index" and found.total >= 1


@pytest.mark.parametrize("where", ["catalogue-switch", "copies", "media", "derived", "finish"])
def test_a_kill_during_rotation_leaves_every_file_readable_and_the_next_run_finishes(
        encrypted_archive, tmp_path, where):
    root, originals = _build(encrypted_archive, tmp_path)
    seen: list[str] = []

    def kill(step: str) -> None:
        seen.append(step)
        if step == where and seen.count(step) == 2 - (step in ("catalogue-switch", "copies", "finish")):
            raise Killed(step)

    with pytest.raises(Killed):
        _rotate(root, kill)
    assert rotation.pending(root)
    if where in ("catalogue-switch", "copies"):
        # Until the part done alone ends, nobody else opens the archive: a change
        # written under the old key meanwhile could be left behind.
        for writable in (True, False):
            with pytest.raises(RotationUnfinished) as refused:
                Archive.open(root, writable=writable, keys=unlock(root, "ana", PASSPHRASE))
            assert "rotate-key" in refused.value.sentence("es")
    else:
        _work_while_files_move(root, originals)
    # each file opens with exactly one of the two keys, both still known from any old slot
    old = unlock(root, "ana", PASSPHRASE)
    new = rotation.ArchiveKeys(rotation._unwrap_new(old, rotation.keyslots.read_slots(root)[
        "rotation"]), "ana", "custodian")
    for path in (root / "media").rglob("*"):
        if path.is_file():
            rel = path.relative_to(root).as_posix().encode()
            assert (rotation._opens(path, old.subkey("files"), rel)
                    != rotation._opens(path, new.subkey("files"), rel))
    result, _ = _rotate(root)
    assert result.resumed
    _check_all_read(root, unlock(root, "ana", PASSPHRASE), originals)
    if where not in ("catalogue-switch", "copies"):
        _check_work_kept(root)
    with Archive.open(root, writable=False, keys=unlock(root, "ana", PASSPHRASE)) as archive:
        assert not archive.seal_problems


def test_rotate_key_command_says_who_needs_a_new_passphrase_and_shows_the_recovery_key(
        encrypted_archive, tmp_path, capsys, monkeypatch):
    from memoria.cli import main

    root, originals = _build(encrypted_archive, tmp_path)
    monkeypatch.setenv("MEMORIA_ACCOUNT", "ana")
    monkeypatch.setenv("MEMORIA_PASSPHRASE", PASSPHRASE)
    assert main(["--lang", "es", "--archive", str(root), "rotate-key"]) == 0
    out = capsys.readouterr().out
    assert "Llave del archivo rotada: 3 originales" in out and "beto (curator)" in out
    assert "siguen bajo la llave anterior" in out
    recovery = next(line.strip() for line in out.splitlines() if line.count("-") == 12)
    assert rotation.key_id(unlock_with_recovery(root, recovery)) == rotation.key_id(
        unlock(root, "ana", PASSPHRASE))
    _check_all_read(root, unlock(root, "ana", PASSPHRASE), originals)


_KILLER = """
import os, signal, sys
from pathlib import Path
from memoria.crypto.keys import KdfCost, unlock
from memoria.storage import rotation
root, where, nth = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
seen = []
def hook(step):
    seen.append(step)
    if step == where and seen.count(step) == nth:
        os.kill(os.getpid(), signal.SIGKILL)
keys = unlock(root, "ana", sys.argv[4])
rotation.rotate(root, keys, sys.argv[4], kdf=KdfCost.FOR_TESTS, hook=hook)
"""


@pytest.mark.parametrize(("where", "nth"), [("catalogue-switch", 1), ("media", 3),
                                            ("derived", 2)])
def test_a_real_kill_during_rotation_then_the_next_run_finishes(
        encrypted_archive, tmp_path, where, nth):
    import os
    import signal
    import subprocess
    import sys

    root, originals = _build(encrypted_archive, tmp_path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.run([sys.executable, "-c", _KILLER, str(root), where, str(nth),
                            PASSPHRASE], env=env, capture_output=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-500:]
    assert rotation.pending(root)
    if where == "catalogue-switch":
        with pytest.raises(RotationUnfinished) as refused:
            Archive.open(root, writable=True, keys=unlock(root, "ana", PASSPHRASE))
        assert "memoria rotate-key" in refused.value.sentence("es")
    else:  # killed while moving files: the archive is usable meanwhile
        _work_while_files_move(root, originals)
    _rotate(root)
    assert not rotation.pending(root)
    _check_all_read(root, unlock(root, "ana", PASSPHRASE), originals)
    if where != "catalogue-switch":
        _check_work_kept(root)


def test_rotation_refuses_while_another_memoria_has_the_archive_open(encrypted_archive,
                                                                      tmp_path):
    root, _ = _build(encrypted_archive, tmp_path)
    with Archive.open(root, writable=True, keys=unlock(root, "ana", PASSPHRASE)), \
            pytest.raises(rotation.AccountError) as refused:
        _rotate(root)
    assert "ciérrelo antes de rotar" in refused.value.sentence("es")
    assert not rotation.pending(root)


def test_rotation_refuses_while_a_read_only_memoria_has_the_archive_open(encrypted_archive,
                                                                         tmp_path):
    """A window's searcher or a second window open read-only counts as open: rotating
    under it would leave it reading a catalogue about to be replaced."""
    root, _ = _build(encrypted_archive, tmp_path)
    keys = unlock(root, "ana", PASSPHRASE)
    with Archive.open(root, writable=False, keys=keys), \
            pytest.raises(rotation.AccountError) as refused:
        _rotate(root)
    assert "close it before rotating" in refused.value.sentence("en")
    assert not rotation.pending(root)
    result, _ = _rotate(root)  # once it is closed, the rotation runs
    assert result.recovery_key


@pytest.mark.parametrize("writable", [True, False])
def test_an_opening_that_waited_behind_a_starting_rotation_refuses(encrypted_archive,
                                                                   tmp_path, writable):
    """An opening that read keys.json just before a rotation wrote its record waits
    for the rotation's locks, looks again, and refuses instead of committing under
    the old key into the catalogue being replaced."""
    import threading

    from memoria.crypto import keys as keyslots
    from memoria.storage.archive import LOCKFILE, READERS_LOCKFILE, _Presence

    root, _ = _build(encrypted_archive, tmp_path)
    keys = unlock(root, "ana", PASSPHRASE)
    held = [_Presence(root / LOCKFILE), _Presence(root / READERS_LOCKFILE)]
    assert all(p.alone() for p in held)  # as the rotation holds them while it starts
    outcome: list[object] = []

    def open_it() -> None:
        try:
            Archive.open(root, writable=writable, keys=keys).close()
            outcome.append("opened")
        except RotationUnfinished as exc:
            outcome.append(exc)

    opener = threading.Thread(target=open_it)
    opener.start()
    opener.join(0.5)
    assert opener.is_alive() and not outcome  # waiting for the locks
    data = keyslots.read_slots(root)
    data["rotation"] = {"stand-in": True}  # the record, written before letting go
    keyslots.write_slots(root, data)
    for presence in held:
        presence.release()
    opener.join(10)
    assert outcome and isinstance(outcome[0], RotationUnfinished)


def test_a_backup_destination_keeps_working_across_a_rotation(tmp_path):
    """Generations made before keep the old key (with their own key slots); the next
    backup after a rotation goes into the same destination, and both restore."""
    from memoria.trust import backup_crypt
    from memoria.trust.backup import backup_archive, restore_backup

    arch = Archive.create(tmp_path / "encrypted", encrypt=True, account="ana",
                          passphrase=PASSPHRASE, kdf=KdfCost.FOR_TESTS)
    assert backup_archive(arch, tmp_path / "bk").ok
    (tmp_path / "src").mkdir()
    root, originals = _build(arch, tmp_path / "src")
    _, old = _rotate(root)
    with Archive.open(root, writable=True, keys=unlock(root, "ana", PASSPHRASE)) as archive:
        assert backup_archive(archive, tmp_path / "bk").ok
    before, after = backup_crypt.encrypted_generations(tmp_path / "bk")
    assert rotation.key_id(unlock(before.folder, "ana", PASSPHRASE)) == rotation.key_id(old)
    for gen in (before, after):
        keys = unlock(gen.folder, "ana", PASSPHRASE)
        assert restore_backup(tmp_path / "bk", tmp_path / f"r-{gen.name}",
                              generation=gen.name, keys=keys).ok
    _check_all_read(tmp_path / f"r-{after.name}", unlock(root, "ana", PASSPHRASE), originals,
                    derived=False)


def test_emptying_the_trash_while_the_files_move_leaves_no_derived_copy(encrypted_archive,
                                                                        tmp_path):
    """Review: while a background rotation moves the files, the derived files not yet
    moved are named by the old key; emptying the trash (or a purge) looked for the new
    names only, so the thumbnail and access copy of the deleted photograph stayed, and
    the rotation then moved them under the new key."""
    from memoria.operations import Actor
    from memoria.operations import trash as trash_ops

    root, originals = _build(encrypted_archive, tmp_path)
    keys = unlock(root, "ana", PASSPHRASE)
    with Archive.open(root, writable=True, keys=keys) as archive:
        sha = sorted(originals)[0]
        derived_before = {p.name for p in (root / "derived").rglob("*") if p.is_file()}
        old_names = derive.existing(archive.vault, sha)
        assert old_names  # its thumbnail, made at import
        item = archive.conn.execute("SELECT item_id FROM media_files WHERE sha256 = ?",
                                    (sha,)).fetchone()[0]
    rotation.begin(root, keys, PASSPHRASE, kdf=KdfCost.FOR_TESTS)
    assert rotation.files_pending(root)
    with Archive.open(root, writable=True, keys=unlock(root, "ana", PASSPHRASE)) as archive:
        actor = Actor("ana")
        trash_ops.move_to_trash(archive, actor, [item])
        trash_ops.empty_trash(archive, actor)
    left = {p.name for p in (root / "derived").rglob("*") if p.is_file()}
    gone = derived_before - left
    assert len(gone) >= len(old_names), "the deleted photograph's derived files stayed"
    rotation.finish(root, unlock(root, "ana", PASSPHRASE))
    with Archive.open(root, writable=True, keys=unlock(root, "ana", PASSPHRASE)) as archive:
        assert derive.existing(archive.vault, sha) == {}
        others = {s: derive.existing(archive.vault, s) for s in originals if s != sha}
        assert all(others.values())
        files = [p for p in (root / "derived").rglob("*") if p.is_file()]
        assert len(files) == sum(len(v) for v in others.values())


def test_a_derived_file_whose_original_goes_while_it_is_moved_is_not_left_behind(
        encrypted_archive, tmp_path):
    """Another process empties the trash (or purges) while the rotation moves derived
    files: the copy moved under the new key must not outlive its original."""
    root, _ = _build(encrypted_archive, tmp_path)
    gone: list[bool] = []

    def original_goes(step: str) -> None:
        if step == "derived" and not gone:
            old = unlock(root, "ana", PASSPHRASE)
            record = rotation.keyslots.read_slots(root)["rotation"]
            new = rotation.keyslots.rotation_key(old, record)
            conn = db.connect(root / db.CATALOGUE, key=new.subkey("catalogue"))
            try:
                conn.execute("PRAGMA foreign_keys = OFF")
                conn.execute("DELETE FROM blobs")  # as emptying the trash leaves it
            finally:
                conn.close()
            gone.append(True)

    _rotate(root, original_goes)
    assert gone
    left = [p for p in (root / "derived").rglob("*") if p.is_file()]
    assert left == []
