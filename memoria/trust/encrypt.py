"""`memoria encrypt`: a plain archive becomes an encrypted one, in place, crash-safe.

Everything encrypted is built in the journal folder first (see
memoria.storage.encrypt_journal for the layout and the one switch): the
catalogue through SQLCipher's `sqlcipher_export` into a database keyed with
the new archive key's "catalogue" subkey, every original re-hashed as it is
read and written STREAM-encrypted under its keyed name through a vault of the
journal. Derived files and the search index are rebuildable and are not
carried over: they are removed with the plain leftovers and rebuilt
encrypted (thumbnails on demand, the index by 'memoria reindex').

A kill at any moment leaves either the plain archive (the journal is thrown
away at the next open) or the encrypted one (the next open finishes the
switch). Unlinking the plain files after the switch does not wipe them from
flash storage; the command says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from memoria.storage import db
from memoria.storage import encrypt_journal as journal_mod
from memoria.storage.archive import Archive, ArchiveError, EncryptionUnderWay
from memoria.storage.encrypt_journal import JOURNAL


class EncryptError(ArchiveError):
    """The archive cannot be encrypted as asked; nothing was changed."""

    def __init__(self, es: str, en: str) -> None:
        self.es, self.en = es, en
        super().__init__(en)

    def sentence(self, lang: str) -> str:
        return self.en if lang == "en" else self.es


@dataclass
class EncryptReport:
    root: str
    originals: int = 0
    recovery_key: str = ""
    removed: list[str] = field(default_factory=list)

    def sentence(self, lang: str) -> str:
        if lang == "en":
            return (f"{self.root} is now encrypted: the catalogue, {self.originals} originals, "
                    "and from now on derived files, the index and backups. The plain files "
                    "were deleted, but deleting does not wipe them from flash storage (SSD, USB "
                    "sticks, SD cards) nor from backups made before today: replace or securely "
                    "erase those if the laptop may be seized. Run 'memoria reindex' to rebuild "
                    "the search index, encrypted.")
        return (f"{self.root} quedó cifrado: el catálogo, {self.originals} originales y, desde "
                "ahora, los archivos derivados, el índice y las copias de seguridad. Los "
                "archivos sin cifrar se eliminaron, pero eliminar no los borra de la memoria "
                "flash (SSD, memorias USB, tarjetas SD) ni de las copias de seguridad hechas "
                "antes de hoy: reemplace o borre de forma segura esos medios si el equipo "
                "puede ser decomisado. Ejecute 'memoria reindex' para reconstruir el índice de "
                "búsqueda, cifrado.")


ProgressFn = Callable[[int, int], None]


def encrypt_archive(root: Path, account: str, passphrase: str, *, kdf: object = None,
                    progress: ProgressFn | None = None,
                    plain_keys: object = None) -> EncryptReport:
    """Convert the plain archive at `root`; `account` becomes its first custodian.

    `plain_keys`: the keys a plain archive with accounts was unlocked with (a
    custodian's). Raises EncryptError (nothing changed) when the archive is
    already encrypted, is open in another process, or holds a damaged original.
    """
    from memoria.crypto import keys as keyslots
    from memoria.crypto.keys import KdfCost
    from memoria.storage.vault import Vault

    root = Path(root).expanduser().absolute()
    if journal_mod.settle(root) == "busy":
        raise EncryptionUnderWay(root)
    if keyslots.is_encrypted(root):
        raise EncryptError(f"{root} ya está cifrado.", f"{root} is already encrypted.")
    archive = Archive.open(root, writable=True, keys=plain_keys)  # type: ignore[arg-type]
    report = EncryptReport(str(root))
    journal = root / JOURNAL
    lock = None
    try:
        if archive._lock is None or not archive._lock.alone():
            raise EncryptError(
                f"{root} está abierto en otro programa de Memoria; ciérrelo y vuelva a "
                "intentarlo.", f"{root} is open in another Memoria program; close it and try "
                "again.")
        role = getattr(plain_keys, "role", "custodian")
        if role != "custodian":
            raise EncryptError("Solo una cuenta de custodia puede cifrar el archivo.",
                               "Only a custodian account can encrypt the archive.")
        journal.mkdir(mode=0o700)
        lock = journal_mod.take_lock(journal)
        journal_mod.write_state(journal, "building")
        keys, report.recovery_key = keyslots.new_encrypted(
            journal, account, passphrase, kdf if kdf is not None else KdfCost.DEFAULT)
        new_catalogue = journal / db.CATALOGUE
        blobs = journal_mod.export_catalogue(archive.conn, new_catalogue,
                                             keys.subkey("catalogue"))
        vault = Vault(journal, keys=lambda: keys)
        moves = []
        for n, (sha, rel) in enumerate(blobs, 1):
            new_rel = vault.stored_name(sha)
            _encrypt_original(root, rel, sha, vault, new_rel)
            moves.append((new_rel, sha))
            if progress:
                progress(n, len(blobs))
        problems = journal_mod.finish_catalogue(new_catalogue, keys.subkey("catalogue"), moves)
        if problems:
            raise EncryptError(f"El catálogo cifrado no quedó íntegro ({problems[0]}); no se "
                               "cambió nada.", f"The encrypted catalogue did not check whole "
                               f"({problems[0]}); nothing was changed.")
        report.originals = len(blobs)
        plain = {"files": [rel for _sha, rel in blobs]}
        (journal / journal_mod.PLAIN).write_text(json.dumps(plain), encoding="utf-8")
        _fsync_all(journal)
        archive.close()
        journal_mod.write_state(journal, "ready")  # the decision: from here on, forward
        journal_mod.roll_forward(root)
        report.removed = plain["files"]
    except BaseException:
        if not (journal / journal_mod.STATE).is_file() or \
                journal_mod.read_state(journal) != "ready":
            shutil.rmtree(journal, ignore_errors=True)
        raise
    finally:
        archive.close()
        if lock is not None:
            lock.close()  # type: ignore[attr-defined]
    return report


def _encrypt_original(root: Path, rel: str, sha: str, vault: object, new_rel: str) -> None:
    if rel.startswith("/") or ".." in Path(rel).parts:
        raise EncryptError(f"{rel}: la ruta sale del archivo; no se cambió nada.",
                           f"{rel}: the path leaves the archive; nothing was changed.")
    digest = hashlib.sha256()
    try:
        with open(root / rel, "rb") as src, vault.create(new_rel, durable=True,  # type: ignore[attr-defined]
                                                         read_only=True) as out:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                digest.update(chunk)
                out.write(chunk)
            if digest.hexdigest() != sha:
                raise EncryptError(
                    f"El original {rel} no coincide con su suma de verificación; no se cifró "
                    "nada. Ejecute 'memoria verify' y restaure ese original primero.",
                    f"The original {rel} does not match its checksum; nothing was encrypted. "
                    "Run 'memoria verify' and restore that original first.")
    except FileNotFoundError:
        raise EncryptError(
            f"Falta el original {rel}; no se cifró nada. Ejecute 'memoria verify'.",
            f"The original {rel} is missing; nothing was encrypted. Run 'memoria verify'."
        ) from None


def _fsync_all(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    for sub in [folder, *[p for p in folder.rglob("*") if p.is_dir()]]:
        journal_mod._fsync_dir(sub)
