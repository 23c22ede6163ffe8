"""Key rotation: a new archive master key, every encrypted byte moved under it (no Qt).

After an account is removed, or when a passphrase or the key may have leaked, a
custodian runs `memoria rotate-key`. The steps, each safe to kill:

1. begin     a new random master key N is written into keys.json, wrapped under
             the old key's subkey "rotation" (`rotation` field). Every slot still
             opens the old key O, and O opens N, so a kill never loses either.
2. catalogue a consistent copy of the catalogue under N's "catalogue" subkey
             (SQLite's backup API into an SQLCipher file), fsynced, then renamed
             over the old one (atomic); the seal is rewritten for the new pages.
             A catalogue that already opens with N is not copied again.
3. media     every original re-encrypted under N's "files" subkey and renamed to
             its N-keyed name (the name key is derived from the master key too);
             the catalogue's `blobs.path` follows in one transaction per file, and
             the old file goes after. Which key a file is under needs no record:
             STREAM authenticates, so it opens with exactly one of O and N.
4. derived   the same for derived/ (thumbnails, access copies, waveforms), renamed
             from the O-keyed name to the N-keyed one.
   bag key   the field-bag identity (bag-key.json) rewrapped under N's "bags" subkey.
   copies    the automatic catalogue copies in backups/ re-keyed the same way, one
             by one (each opens with exactly one of the two keys).
5. index     the encrypted search index is removed; the next search rebuilds it
             under N. tmp/ leftovers of killed imports (under O) are removed.
6. finish    keys.json replaced at once: the custodian's slot and a new recovery
             slot wrap N, the `rotation` field goes. The marker's copy of the
             recovery slot is replaced just before.

`begin` does steps 1, 2, the copies, the bag key and 5 alone (nobody else has the
archive open), then marks the record `phase: files`. From then on the archive opens
again (Archive.open reads N from the record with O; the vault reads a file not moved
yet with O), and `finish` does 3, 4 and 6 while a window works: the window runs it in
the background. The custodian's new slot is made in `begin` (from the passphrase)
and kept in the record, so `finish` needs only O.

Other accounts' slots wrap O with a key derived from a passphrase only they know,
so a rotation cannot give them N: their slots are removed, and the command names
them for the custodian to add again with new passphrases (docs/security.md).
Backups and copies made before the rotation stay under O.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from memoria.crypto import keys as keyslots
from memoria.crypto.keys import CUSTODIAN, AccountError, ArchiveKeys, KdfCost
from memoria.crypto.stream import StreamDamaged, StreamReader
from memoria.storage import db, seal
from memoria.storage.archive import LOCKFILE, MARKER, READERS_LOCKFILE, Archive, _Presence
from memoria.storage.durable import fsync_dir as _fsync_dir
from memoria.storage.vault import TEMP_PREFIX, Vault

_AD = keyslots.ROTATION_AD
_HEX64 = re.compile(r"[0-9a-f]{64}")

# Test hook: called with the name of each step about to run ("catalogue-switch",
# "files", "media", "derived", "finish"); a test raises from it to stand for a kill there.
Hook = Callable[[str], None]
FILES = "files"  # the record's phase once the part done alone is done


class Cancelled(Exception):
    """The window's background rotation was asked to stop between two files."""


@dataclass
class RotationResult:
    recovery_key: str
    dropped_accounts: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    media: int = 0
    derived: int = 0
    resumed: bool = False


def key_id(keys: ArchiveKeys) -> str:
    """A short public name of a master key (not secret: HKDF output, 8 bytes)."""
    return keys.subkey("key-id")[:8].hex()


def pending(root: Path) -> bool:
    """A rotation was begun and not finished."""
    data = keyslots.read_slots(root)
    return bool(data and data.get("rotation"))


def _wrap_new(old: ArchiveKeys, new_master: bytes) -> dict[str, Any]:
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(old.subkey("rotation")).encrypt(nonce, new_master, _AD)
    return {"nonce": base64.b64encode(nonce).decode(), "wrapped": base64.b64encode(wrapped).decode(),
            "from": key_id(old)}


def _unwrap_new(old: ArchiveKeys, record: dict[str, Any]) -> bytes:
    new = keyslots.rotation_key(old, record)
    try:
        return new._master_bytes()
    finally:
        if new is not old:
            new.forget()


def _opens(path: Path, key: bytes, identity: bytes) -> bool:
    try:
        with open(path, "rb") as src, StreamReader(src, key, identity):
            return True
    except (StreamDamaged, ValueError, OSError):
        return False


def _catalogue_opens(path: Path, key: bytes) -> bool:
    try:
        conn = db.connect(path, readonly=True, key=key)
    except Exception:  # noqa: BLE001 - any refusal means "not this key"
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except Exception:  # noqa: BLE001
        return False
    finally:
        conn.close()


def _reseal(root: Path, key: bytes) -> None:
    catalogue = root / db.CATALOGUE
    conn = db.connect(catalogue, readonly=True, key=key)
    try:
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    seal._write_seal(root, page_size, seal.page_crcs(catalogue, page_size))


def _switch_catalogue(root: Path, old: ArchiveKeys, new: ArchiveKeys, hook: Hook) -> None:
    catalogue = root / db.CATALOGUE
    new_key = new.subkey("catalogue")
    if _catalogue_opens(catalogue, new_key):
        _reseal(root, new_key)  # a kill may have come between the rename and the seal
        return
    tmp = root / f"{TEMP_PREFIX}catalogue-rotation.sqlite"
    for stale in (tmp, tmp.with_name(tmp.name + "-journal")):
        stale.unlink(missing_ok=True)
    with Archive.open(root, writable=True, keys=old, rotating=True) as archive:
        db.backup_to(archive.conn, tmp, key=new_key)
    db.connect(tmp, key=new_key).close()  # WAL mode now: its header changes before the seal
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    hook("catalogue-switch")
    for side in ("-wal", "-shm"):  # the last connection closed: nothing waits in them
        (root / (db.CATALOGUE + side)).unlink(missing_ok=True)
    os.replace(tmp, catalogue)
    _fsync_dir(root)
    _reseal(root, new_key)


def _copies(root: Path, old: ArchiveKeys, new: ArchiveKeys, hook: Hook) -> int:
    """The automatic catalogue copies inside the archive (backups/), re-keyed one by one."""
    folder = root / "backups"
    old_key, new_key = old.subkey("catalogue"), new.subkey("catalogue")
    done = 0
    for path in sorted(folder.rglob("*.sqlite")) if folder.is_dir() else []:
        if path.name.startswith(TEMP_PREFIX) or _catalogue_opens(path, new_key):
            continue
        if not _catalogue_opens(path, old_key):
            continue  # damaged before: verify's business, not rotation's
        hook("copies")
        tmp = path.with_name(TEMP_PREFIX + path.name)
        tmp.unlink(missing_ok=True)
        conn = db.connect(path, readonly=True, key=old_key)
        try:
            db.backup_to(conn, tmp, key=new_key)
        finally:
            conn.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        done += 1
    for stale in folder.rglob(f"{TEMP_PREFIX}*") if folder.is_dir() else []:
        stale.unlink(missing_ok=True)
    return done


def _reencrypt(src: Path, old_key: bytes, old_id: bytes, new_vault: Vault, new_rel: str,
               read_only: bool) -> None:
    with open(src, "rb") as raw, StreamReader(raw, old_key, old_id) as plain, \
            new_vault.create(new_rel, durable=True, read_only=read_only) as out:
        while chunk := plain.read(1 << 20):
            out.write(chunk)


def _media(archive: Archive, old_vault: Vault, hook: Hook,
           stop: Callable[[], bool] = lambda: False) -> int:
    old_key = old_vault._subkey("files")
    new_vault = archive.vault
    new_key = new_vault._subkey("files")
    done = 0
    rows = archive.conn.execute("SELECT sha256, path FROM blobs ORDER BY sha256").fetchall()
    for row in rows:
        sha, rel = row["sha256"], row["path"]
        old_name = old_vault.stored_name(sha)
        new_rel = new_vault.stored_name(sha) if rel == old_name else rel
        path = archive.root / rel
        if not path.is_file():
            continue  # verify reports a missing original; rotation has nothing to move
        if _opens(path, new_key, rel.encode()):
            if rel != old_name:
                old_vault.remove(old_name)  # a kill left the old copy behind
            continue
        if stop():
            raise Cancelled()
        hook("media")
        _reencrypt(path, old_key, rel.encode(), new_vault, new_rel, read_only=True)
        if new_rel != rel:
            with db.transaction(archive.conn):
                moved = archive.conn.execute("UPDATE blobs SET path = ? WHERE sha256 = ?",
                                             (new_rel, sha)).rowcount
            if not moved:  # removed meanwhile (trash emptied, a purge): no copy may stay
                new_vault.remove(new_rel)
            old_vault.remove(rel)
        done += 1
    return done


def _derived(archive: Archive, old_vault: Vault, hook: Hook,
             stop: Callable[[], bool] = lambda: False) -> int:
    folder = archive.root / "derived"
    if not folder.is_dir():
        return 0
    old_key = old_vault._subkey("files")
    new_vault = archive.vault
    new_key = new_vault._subkey("files")
    shas = [r[0] for r in archive.conn.execute("SELECT sha256 FROM blobs")]
    # old keyed name -> (original's SHA-256, new keyed name): one lookup per file
    # (matching every name against every original was quadratic at 100,000 items)
    by_old = {old_vault.derived_key(s): (s, new_vault.derived_key(s)) for s in shas}
    done = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(archive.root).as_posix()
        if path.name.startswith(TEMP_PREFIX) or "/incoming/" in f"/{rel}":
            continue  # being written now (under N), or a leftover `begin` removed
        if _opens(path, new_key, rel.encode()):
            continue
        if not _opens(path, old_key, rel.encode()):
            continue  # neither key: damaged before; verify reports it, rotation leaves it
        parts = rel.split("/")
        new_parts = list(parts)
        sha = None
        for found in _HEX64.finditer(parts[-1]):
            if found.group(0) in by_old:
                old = found.group(0)
                sha, new = by_old[old]
                new_parts[-1] = parts[-1].replace(old, new)
                if len(parts) >= 2 and parts[-2] == old[:2]:
                    new_parts[-2] = new[:2]
                break
        new_rel = "/".join(new_parts)
        if stop():
            raise Cancelled()
        hook("derived")
        _reencrypt(path, old_key, rel.encode(), new_vault, new_rel, read_only=False)
        if new_rel != rel:
            path.unlink(missing_ok=True)
        if sha is not None and archive.conn.execute(
                "SELECT 1 FROM blobs WHERE sha256 = ?", (sha,)).fetchone() is None:
            # its original went while this file was being moved (trash emptied, a
            # purge, in another process): the moved copy must not outlive it
            new_vault.remove(new_rel)
        done += 1
    return done


def _bag_key(root: Path, old: ArchiveKeys, new: ArchiveKeys) -> None:
    """The field-bag identity (bag-key.json), rewrapped from O's "bags" subkey to N's."""
    from memoria.trust import bag_seal, sealed

    path = root / bag_seal.KEY_FILE
    if not path.is_file():
        return
    record = json.loads(path.read_text(encoding="utf-8"))
    if "identity" not in record:
        return
    context = f"bag-key:{record['recipient']}"
    with contextlib.suppress(sealed.SealError):
        sealed.unwrap(new.subkey(bag_seal.PURPOSE), record["identity"], context)
        return  # already under N
    secret = sealed.unwrap(old.subkey(bag_seal.PURPOSE), record["identity"], context)
    record["identity"] = sealed.wrap(new.subkey(bag_seal.PURPOSE), secret, context)
    sealed.write_private(path, (json.dumps(record, indent=2) + "\n").encode("utf-8"))


def _drop_leftovers(folder: Path) -> None:
    """Half-written derived files of killed writers (under O): removed while alone."""
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_file() and (path.name.startswith(TEMP_PREFIX)
                               or "/incoming/" in f"/{path.relative_to(folder).as_posix()}"):
            path.unlink(missing_ok=True)


def _clear(folder: Path) -> None:
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink(missing_ok=True)


def _write_marker_recovery(root: Path, slot: dict[str, Any]) -> None:
    path = root / MARKER
    try:
        marker = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(marker, dict):
        return
    marker["recovery"] = slot
    tmp = path.with_name(f".{MARKER}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(json.dumps(marker, indent=2) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    _fsync_dir(root)


def rotate(root: Path, keys: ArchiveKeys, passphrase: str, *, kdf: KdfCost = KdfCost.DEFAULT,
           hook: Hook | None = None) -> RotationResult:
    """Rotate (or finish rotating) the archive key of the encrypted archive at `root`:
    `begin` then `finish` (the command line runs both; the window runs `finish` in
    the background while it goes on working)."""
    resumed = begin(root, keys, passphrase, kdf=kdf, hook=hook)
    result = finish(root, keys, hook=hook)
    result.resumed = result.resumed or resumed
    return result


def begin(root: Path, keys: ArchiveKeys, passphrase: str, *, kdf: KdfCost = KdfCost.DEFAULT,
          hook: Hook | None = None) -> bool:
    """Steps 1-2 and what must happen alone: the record (with the custodian's new
    slot, wrapped with `passphrase` now so that the files need no passphrase), the
    catalogue and its copies under N, the bag key, the index removed. Afterwards
    the archive opens again (Archive.open reads N from the record, and old files
    through the old key until they are moved). True if a rotation was resumed.

    `keys` are a custodian's, unlocked with `passphrase`. Safe to kill at any point;
    running it again continues where it stopped.
    """
    root = Path(root)
    step = hook or (lambda _name: None)
    if keys.role != CUSTODIAN or not keys.account:
        raise AccountError("Solo una cuenta de custodia puede rotar la llave del archivo.",
                           "Only a custodian account may rotate the archive key.")
    data = keyslots.read_slots(root)
    if not data or not data.get("encrypted"):
        raise AccountError(f"{root} no está cifrado: no tiene llave que rotar.",
                           f"{root} is not encrypted: it has no key to rotate.")
    if data.get("rotation", {}).get("phase") == FILES:
        return True  # the part done alone is done: the files go on while others work
    # Alone, and kept alone until the rotation record is written: an opening that
    # waits for these locks finds the record when it gets them and refuses
    # (Archive.open), so nothing commits under the old key behind the rotation.
    writers = _Presence(root / LOCKFILE)
    readers = _Presence(root / READERS_LOCKFILE)
    try:
        if not (writers.alone() and readers.alone()):
            raise AccountError(
                "Otra ventana o comando de Memoria tiene abierto este archivo; ciérrelo "
                "antes de rotar la llave.",
                "Another Memoria window or command has this archive open; close it before "
                "rotating the key.")
        data = keyslots.read_slots(root) or data
        record = data.get("rotation")
        resumed = bool(record)
        if record:
            new_master = _unwrap_new(keys, record)
        else:
            new_master = secrets.token_bytes(32)
            record = data["rotation"] = _wrap_new(keys, new_master)
            record["slot"] = keyslots.make_slot(keys.account, keys.role, passphrase,
                                                new_master, kdf)
            keyslots.write_slots(root, data)
    finally:
        writers.release()
        readers.release()
    new = ArchiveKeys(new_master, keys.account, keys.role)
    try:
        _switch_catalogue(root, keys, new, step)
        _copies(root, keys, new, step)
        _bag_key(root, keys, new)
        _clear(root / "index")
        _clear(root / "tmp")  # leftovers of killed imports, under O (nobody else is open)
        _drop_leftovers(root / "derived")
        step("files")
        record["phase"] = FILES
        keyslots.write_slots(root, data)
    finally:
        new.forget()
    return resumed


def files_pending(root: Path) -> bool:
    """A rotation whose files are still being moved (the archive opens meanwhile)."""
    data = keyslots.read_slots(root)
    return bool(data and (data.get("rotation") or {}).get("phase") == FILES)


def finish(root: Path, keys: ArchiveKeys, *, hook: Hook | None = None,
           cancelled: Callable[[], bool] | None = None) -> RotationResult:
    """Steps 3-6, while the archive is open to others: every original and derived
    file moved under N, then keys.json replaced. `keys` are the old key O (any
    account's: the custodian's new slot is in the record). Raises `Cancelled` when
    `cancelled()` says so between two files; running it again continues."""
    root = Path(root)
    step = hook or (lambda _name: None)
    stop = cancelled or (lambda: False)
    data = keyslots.read_slots(root)
    record = (data or {}).get("rotation") or {}
    if record.get("phase") != FILES:
        raise AccountError("No hay una rotación de llave en curso en este archivo.",
                           "No key rotation is under way in this archive.")
    new = ArchiveKeys(_unwrap_new(keys, record), keys.account, keys.role)
    try:
        old_vault = Vault(root, lambda: keys)
        with Archive.open(root, writable=True, keys=new, rotating=True) as archive:
            media = _media(archive, old_vault, step, stop)
            derived = _derived(archive, old_vault, step, stop)
            step("finish")
            with db.transaction(archive.conn):
                archive.audit("archive", None, "rotate-key",
                              {"account": record["slot"]["account"], "media": media,
                               "derived": derived})
        slot = record["slot"]
        dropped = [(s["account"], s["role"]) for s in data["slots"]
                   if s["account"] != slot["account"]]
        recovery, recovery_key = keyslots.make_recovery_slot(new._master_bytes())
        _write_marker_recovery(root, recovery)
        keyslots.write_slots(root, {"format": keyslots.FORMAT, "version": keyslots.VERSION,
                                    "encrypted": True, "slots": [slot], "recovery": recovery})
    finally:
        new.forget()
    return RotationResult(recovery_key, dropped, media, derived, False)
