"""Backups of an encrypted archive: one key per generation, so old ones can be forgotten.

A backup of an encrypted archive holds nothing readable without the archive's
key, and each generation can be made unreadable on its own (after a purge,
or when `--keep` prunes it) by destroying one small key file:

    DEST/memoria-backup.json                 what this folder is ("encrypted": true)
    DEST/generations/<stamp>/generation.key  the generation's age identity, wrapped
                                             (AES-256-GCM) by the archive key's
                                             "backups" subkey
    DEST/generations/<stamp>/catalogue.age   the catalogue (an SQLCipher copy under
                                             the archive's catalogue key) in age,
                                             to the generation's recipient
    DEST/generations/<stamp>/files.age       the generation's file list: for each
                                             original, its place in the archive, its
                                             hash and its own age identity (age, to
                                             the generation's recipient)
    DEST/generations/<stamp>/keys.json       the archive's key slots at that time
                                             (opened only by a passphrase or the
                                             recovery key)
    DEST/media/<keyed name>.age              each original as stored in the archive
                                             (STREAM ciphertext), in age to its own
                                             identity; shared by the generations
                                             whose file lists hold that identity

Forgetting a generation shreds its generation.key and removes its folder; an
original no surviving generation lists is removed too, and even a copy left
on flash cannot be opened: its identity lived only in the forgotten lists.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from memoria import faults
from memoria.storage import catalogue_files, db
from memoria.storage.archive import MARKER, Archive, utc_now
from memoria.trust import sealed
from memoria.trust.backup_report import BackupError, BackupReport
from memoria.trust.sealed import SealError

if TYPE_CHECKING:
    from memoria.crypto.keys import ArchiveKeys

PURPOSE = "backups"  # wraps the generation keys
NAMES = "backup-names"  # HMAC key for the originals' names in a backup
GENERATIONS = "generations"
KEY_FILE = "generation.key"
CATALOGUE = "catalogue.age"
FILES = "files.age"
SLOTS = "keys.json"


@dataclass
class Generation:
    """One generation of a backup: its name (a UTC stamp) and what holds it."""

    name: str
    folder: Path
    encrypted: bool

    @property
    def restorable(self) -> bool:
        if not self.encrypted:
            return self.folder.is_file()
        return (self.folder / KEY_FILE).is_file() and (self.folder / CATALOGUE).is_file()


@dataclass
class ForgetReport:
    forgotten: list[str] = field(default_factory=list)
    media_removed: int = 0

    def sentence(self, lang: str) -> str:
        names = ", ".join(self.forgotten) or "-"
        if lang == "en":
            return (f"{len(self.forgotten)} older backup generation(s) ({names}) were destroyed "
                    "and will no longer restore; their keys were overwritten and deleted. "
                    "Copies of this backup made outside Memoria, a drive's own versioning and "
                    "flash storage that keeps old blocks are beyond Memoria's reach.")
        return (f"Se destruyeron {len(self.forgotten)} generaciones antiguas de la copia de "
                f"seguridad ({names}); ya no se pueden restaurar: sus llaves se sobrescribieron "
                "y eliminaron. Las copias de este respaldo hechas fuera de Memoria, el "
                "versionado propio de un disco y la memoria flash que guarda bloques viejos "
                "quedan fuera del alcance de Memoria.")


class BackupNeedsUnlock(SealError):
    """An encrypted backup restored without the keys of its generation."""

    def __init__(self, backup: Path) -> None:
        super().__init__(
            f"La copia de seguridad {backup} está cifrada: restáurela con una cuenta y su frase "
            "de paso (--account, o MEMORIA_ACCOUNT) o con la clave de recuperación "
            "(MEMORIA_RECOVERY_KEY).",
            f"The backup {backup} is encrypted: restore it with an account and its passphrase "
            "(--account, or MEMORIA_ACCOUNT) or with the recovery key (MEMORIA_RECOVERY_KEY).")


def unlock_generation(gen: Generation, account: str | None, passphrase: str | None,
                      recovery_key: str | None = None) -> ArchiveKeys:
    """The archive keys as they were when the generation was made (its own key slots)."""
    from memoria.crypto import keys as keyslots

    if not (gen.folder / SLOTS).is_file():
        raise SealError(
            f"La generación {gen.name} no tiene sus ranuras de llave (keys.json); no se puede "
            "abrir.", f"Generation {gen.name} has no key slots (keys.json); it cannot be opened.")
    if recovery_key:
        return keyslots.unlock_with_recovery(gen.folder, recovery_key)
    if not account or passphrase is None:
        raise BackupNeedsUnlock(gen.folder.parent.parent)
    return keyslots.unlock(gen.folder, account, passphrase)


def check_generation(keys: ArchiveKeys, gen: Generation) -> None:
    """Raise the sentence a person needs if this generation cannot be restored with `keys`."""
    _file_list(gen, _identity(keys, gen))


def _context(name: str) -> str:
    return f"backup-generation:{name}"


def is_encrypted_backup(dest: Path) -> bool:
    try:
        marker = json.loads((Path(dest) / "memoria-backup.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(marker, dict) and bool(marker.get("encrypted"))


def stamp() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _check_copy(catalogue: Path, key: bytes | None) -> None:
    from memoria.storage import driver

    conn = driver.connect(f"{catalogue.as_uri()}?mode=ro", uri=True, key=key)
    try:
        damage = _damage(conn)
    finally:
        conn.close()
    if damage:
        raise BackupError(f"The copy of the catalogue written to {catalogue.parent} does not "
                          f"read back whole ({damage[0]}); the previous backup was kept.")


def _damage(conn: object) -> list[str]:
    from memoria import faults
    from memoria.storage import driver

    try:
        return db.structure_problems(conn, quick=True)  # type: ignore[arg-type]
    except driver.DatabaseError as exc:
        if faults.is_damage(exc):
            return [str(exc)]
        raise


def encrypted_generations(dest: Path) -> list[Generation]:
    folder = Path(dest) / GENERATIONS
    if not folder.is_dir():
        return []
    return [Generation(p.name, p, True) for p in sorted(folder.iterdir())
            if p.is_dir() and not p.name.startswith(".") and (p / KEY_FILE).is_file()]


def _identity(keys: ArchiveKeys, gen: Generation) -> sealed.x25519.Identity:
    path = gen.folder / KEY_FILE
    if not path.is_file():
        raise SealError(
            f"La generación {gen.name} de la copia de seguridad fue destruida (su llave ya no "
            "existe); no se puede restaurar. Elija una generación más reciente.",
            f"Backup generation {gen.name} was destroyed (its key no longer exists); it "
            "cannot be restored. Choose a newer generation.")
    record = json.loads(path.read_text(encoding="utf-8"))
    secret = sealed.unwrap(keys.subkey(PURPOSE), record["identity"], _context(gen.name))
    return sealed.identity_from(secret)


def _file_list(gen: Generation, identity: sealed.x25519.Identity) -> dict[str, dict]:
    raw = sealed.unseal_bytes(gen.folder / FILES, [identity], f"{gen.name}/{FILES}")
    data = json.loads(raw.decode("utf-8"))
    return data if isinstance(data, dict) else {}


def _media_name(keys: ArchiveKeys, sha256: str) -> str:
    tag = hmac.new(keys.subkey(NAMES), sha256.encode("ascii"), hashlib.sha256).hexdigest()
    return f"media/{tag[:2]}/{tag}.age"


class _Hashing(io.RawIOBase):
    """Reads through, hashing what passes (the stored bytes as they go into age)."""

    def __init__(self, src: BinaryIO) -> None:
        self.src, self.digest = src, hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        data = self.src.read(len(buffer))
        buffer[: len(data)] = data
        self.digest.update(data)
        return len(data)


def _plain_sha(archive: Archive, relpath: str) -> str:
    """SHA-256 of the original's plaintext, read through the vault when there is one."""
    vault = getattr(archive, "vault", None)
    digest = hashlib.sha256()
    opener = vault.open_read if vault is not None else (
        lambda rel: open(archive.root / rel, "rb"))  # noqa: SIM115
    with opener(relpath) as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _known_files(keys: ArchiveKeys, dest: Path) -> dict[str, dict]:
    """What every generation that still opens lists (the newest wins): an original already
    in the backup is reused under its own key, never rewritten under another one that
    an older generation could not open."""
    known: dict[str, dict] = {}
    for gen in encrypted_generations(dest):
        try:
            known.update(_file_list(gen, _identity(keys, gen)))
        except (SealError, OSError, ValueError, KeyError):
            continue
    return known


def backup_encrypted(archive: Archive, dest: Path, keep: int, report: BackupReport) -> list[str]:
    """Write one new generation of an encrypted archive into `dest`; the kept names."""
    keys = archive.keys
    assert keys is not None
    key = archive.catalogue_key()
    name = stamp()
    gens = sealed.private_dir(dest / GENERATIONS)
    for debris in gens.glob(".*.building"):  # what a killed run left
        shutil.rmtree(debris, ignore_errors=True)
    building = gens / f".{name}.building"
    identity = sealed.new_identity()
    recipient = identity.to_public()
    previous = _known_files(keys, dest)
    files: dict[str, dict] = {}
    slots = archive.root / SLOTS
    try:
        sealed.private_dir(building)
        tmp_catalogue = building / ".catalogue.part"
        with faults.naming(tmp_catalogue):
            db.backup_to(archive.conn, tmp_catalogue, key=key)
            _check_copy(tmp_catalogue, key)
            blobs = catalogue_files.blobs_by_path(tmp_catalogue, key)
            sealed.seal_file(tmp_catalogue, building / CATALOGUE, [recipient])
        tmp_catalogue.unlink()
        for sha, relpath, _size in blobs:
            if relpath.startswith("/") or ".." in Path(relpath).parts:
                report.problems.append(f"{relpath}: refused (path leaves the archive)")
                continue
            target_rel = _media_name(keys, sha)
            target = dest / target_rel
            known = previous.get(target_rel)
            if known and known.get("relpath") == relpath and target.is_file():
                files[target_rel] = known
                report.media_skipped += 1
                continue
            try:
                if _plain_sha(archive, relpath) != sha:
                    raise BackupError(f"{relpath} does not match its recorded checksum; "
                                      "not copied")
                file_identity = sealed.new_identity()
                sealed.private_dir(target.parent)
                with open(archive.root / relpath, "rb") as raw:
                    hashing = _Hashing(raw)
                    report.bytes_copied += sealed.seal_stream(
                        io.BufferedReader(hashing), target, [file_identity.to_public()])
                files[target_rel] = {"relpath": relpath, "sha256": sha,
                                     "stored_sha256": hashing.digest.hexdigest(),
                                     "identity": str(file_identity)}
                report.media_copied += 1
            except BackupError as exc:
                report.problems.append(f"{relpath}: {exc}")
            except FileNotFoundError as exc:
                if exc.filename and Path(exc.filename).is_relative_to(dest):
                    raise
                report.problems.append(f"{relpath}: missing from the archive")
        listing = json.dumps(files, indent=1).encode("utf-8")
        sealed.seal_stream(io.BytesIO(listing), building / FILES, [recipient])
        if slots.is_file():
            sealed.write_private(building / SLOTS, slots.read_bytes())
        box = sealed.wrap(keys.subkey(PURPOSE), str(identity).encode("ascii"), _context(name))
        record = {"format": "memoria-backup-generation", "generation": name,
                  "made_at": utc_now(), "recipient": str(recipient), "identity": box}
        sealed.write_private(building / KEY_FILE, (json.dumps(record, indent=2) + "\n").encode())
        os.replace(building, gens / name)  # the generation exists whole, or not at all
        sealed._fsync_dir(gens)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    if slots.is_file():
        sealed.write_private(dest / SLOTS, slots.read_bytes())
    if (archive.root / MARKER).exists():
        sealed.write_private(dest / MARKER, (archive.root / MARKER).read_bytes())
    kept = encrypted_generations(dest)
    if len(kept) > keep:
        forget_encrypted(dest, [g.name for g in kept[:-keep]], keys)
    return [g.name for g in encrypted_generations(dest)]


def forget_encrypted(dest: Path, names: list[str], keys: ArchiveKeys | None = None,
                     ) -> ForgetReport:
    """Destroy the named generations of an encrypted backup: each key file overwritten and
    deleted, then its folder removed; originals no surviving generation lists are removed
    (with `keys`, which read the surviving lists). Never the newest generation."""
    out = ForgetReport()
    wanted = set(names)
    gens = encrypted_generations(dest)
    if gens and gens[-1].name in wanted:
        raise newest_refused()
    for gen in gens:
        if gen.name in wanted:
            sealed.shred(gen.folder / KEY_FILE)
            shutil.rmtree(gen.folder, ignore_errors=True)
            out.forgotten.append(gen.name)
    if keys is not None:
        listed: set[str] = set()
        for gen in encrypted_generations(dest):
            listed |= set(_file_list(gen, _identity(keys, gen)))
        out.media_removed = remove_unlisted(dest, listed, "*.age")
    return out


def newest_refused() -> SealError:
    return SealError("La generación más reciente no se destruye: haga antes una copia de "
                     "seguridad nueva.",
                     "The newest generation is not destroyed: make a new backup first.")


def remove_unlisted(dest: Path, listed: set[str], pattern: str) -> int:
    removed = 0
    media = dest / "media"
    if not media.is_dir():
        return 0
    for path in list(media.rglob(pattern)):
        if path.is_file() and path.relative_to(dest).as_posix() not in listed:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


# -- restore --------------------------------------------------------------------------------
def generation_to_restore(backup: Path, name: str | None) -> Generation:
    gens = encrypted_generations(backup)
    if name:
        folder = backup / GENERATIONS / Path(name).name
        return Generation(folder.name, folder, True)
    if not gens:
        raise BackupError(f"{backup} holds no generation that can still be restored.")
    return gens[-1]


def restore_encrypted(backup: Path, dest: Path, gen: Generation, keys: ArchiveKeys,
                      report: BackupReport) -> None:
    """Fill `dest` (already marked RESTORING) from one generation of an encrypted backup."""
    from memoria.storage import driver

    identity = _identity(keys, gen)
    files = _file_list(gen, identity)
    catalogue = dest / db.CATALOGUE
    sealed.unseal_file(gen.folder / CATALOGUE, catalogue, [identity], f"{gen.name}/catalogue")
    conn = driver.connect(f"{catalogue.as_uri()}?mode=ro", uri=True,
                          key=keys.subkey("catalogue"))
    try:
        try:
            db.check_is_catalogue(conn, catalogue)
        except db.CatalogueError as exc:
            raise BackupError(str(exc)) from exc
        damage = _damage(conn)
    finally:
        conn.close()
    if damage:
        raise BackupError(f"The catalogue of generation {gen.name} is damaged ({damage[0]}); "
                          "restore another generation.")
    if (gen.folder / SLOTS).is_file():
        sealed.write_private(dest / SLOTS, (gen.folder / SLOTS).read_bytes())
    for stored, entry in sorted(files.items()):
        relpath = entry["relpath"]
        if relpath.startswith("/") or ".." in Path(relpath).parts:
            report.problems.append(f"{relpath}: refused (path leaves the archive)")
            continue
        target = dest / relpath
        sealed.private_dir(target.parent)
        try:
            sealed.unseal_file(backup / stored, target,
                               [sealed.identity_from(entry["identity"])], relpath)
        except FileNotFoundError:
            report.problems.append(f"{relpath}: missing from the backup")
            continue
        except SealError as exc:
            report.problems.append(f"{relpath}: {exc.sentence('en')}")
            continue
        digest = hashlib.sha256()
        with open(target, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != entry.get("stored_sha256"):
            target.unlink(missing_ok=True)
            report.problems.append(f"{relpath}: does not match the hash recorded in the backup")
            continue
        os.chmod(target, 0o400)
        report.media_copied += 1
    sealed._fsync_dir(dest)
