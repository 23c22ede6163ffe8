"""Content-addressed originals: copy in safely, never modify, store each once.

Ingest order (DESIGN.md): stream-copy into a temporary file inside the
archive while hashing (encrypted through the vault in an encrypted archive),
fsync, atomic rename into `media/ab/<sha256>.<ext>` (a keyed name when encrypted),
then the caller records it in one catalogue transaction. Between the rename
and the commit an *intent* file names the new original; if the process dies
in that window, the start-up sweep finds the intent, sees no catalogue row,
and removes the uncommitted copy. So a crash leaves either nothing or a
complete, catalogued original, and the sweep never has to list all of media/.
"""

from __future__ import annotations

import hashlib
import os
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from memoria.storage.durable import fsync_dir as _fsync_dir
from memoria.storage.vault import make_dirs, plain_relpath

if TYPE_CHECKING:
    from memoria.storage.handle import ArchiveHandle

CHUNK = 1024 * 1024


class IngestError(Exception):
    """A file could not be copied into the archive; nothing was kept."""

    def __init__(self, message: str, code: str = "unwritable") -> None:
        super().__init__(message)
        self.code = code  # importing/messages.py words it in es/en


@dataclass(frozen=True)
class StagedFile:
    sha256: str
    size: int
    relpath: str  # media/ab/<sha>.<ext>
    is_new: bool  # False: the same bytes were already stored


def hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def media_relpath(sha256: str, extension: str) -> str:
    """A plain archive's name for an original (an encrypted one: `Vault.stored_name`)."""
    return plain_relpath(sha256, extension)


def _copy_hashing(source: BinaryIO, dest: BinaryIO) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        dest.write(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _intent(archive: ArchiveHandle, relpath: str) -> Path:
    """tmp/<stored name without extension>.intent: for a plain archive the SHA-256,
    for an encrypted one the keyed name (a left-over intent names no content)."""
    return archive.root / "tmp" / f"{Path(relpath).name.split('.')[0]}.intent"


def stage(archive: ArchiveHandle, source: Path, extension: str) -> StagedFile:
    """Copy `source` into media/ (or find it already there). Call `settle` after the
    catalogue transaction commits, or `discard` if it rolls back.

    A plain archive copies while hashing, then names the copy by its hash. An
    encrypted archive must know the stored name first (it is the file's STREAM
    identity), so it hashes the source, then encrypts it while hashing again, and
    refuses a file that changed between the two reads.
    """
    vault = archive.vault
    tmp_dir = archive.root / "tmp"
    make_dirs(tmp_dir)
    tmp = tmp_dir / f"ingest-{uuid.uuid4().hex}.part"
    relpath = ""
    try:
        if vault.encrypted:
            sha, size = hash_file(source)
            known = _known(archive, sha)
            if known is not None:
                return StagedFile(sha, size, known, is_new=False)
            relpath = vault.stored_name(sha, extension)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(source, "rb") as src, vault.sealing(os.fdopen(fd, "wb"), relpath) as out:
            copied, copied_size = _copy_hashing(src, out)
            if not vault.encrypted:
                out.flush()
                os.fsync(out.fileno())
        if vault.encrypted:
            with open(tmp, "rb") as again:
                os.fsync(again.fileno())
            if (copied, copied_size) != (sha, size):
                tmp.unlink(missing_ok=True)
                raise IngestError("the file changed while it was being imported; try again",
                                  "changed")
        sha, size = copied, copied_size
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise IngestError(f"could not copy the file into the archive: {exc.strerror or exc}") from exc

    known = _known(archive, sha)
    if known is not None:
        tmp.unlink(missing_ok=True)
        return StagedFile(sha, size, known, is_new=False)

    relpath = relpath or vault.stored_name(sha, extension)
    dest = vault.path(relpath)
    intent = _intent(archive, relpath)
    try:
        make_dirs(dest.parent)
        _write_intent(intent, relpath)
        os.chmod(tmp, stat.S_IRUSR)  # originals are read-only, and the owner's only
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        intent.unlink(missing_ok=True)
        raise IngestError(f"could not store the file in the archive: {exc.strerror or exc}") from exc
    return StagedFile(sha, size, relpath, is_new=True)


def _known(archive: ArchiveHandle, sha: str) -> str | None:
    row = archive.conn.execute("SELECT path FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
    return None if row is None else str(row[0])


def _write_intent(intent: Path, relpath: str) -> None:
    fd = os.open(intent, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(relpath)
        handle.flush()
        os.fsync(handle.fileno())


def settle(archive: ArchiveHandle, staged: StagedFile) -> None:
    """The catalogue now owns the file: forget the intent."""
    _intent(archive, staged.relpath).unlink(missing_ok=True)


def discard(archive: ArchiveHandle, staged: StagedFile) -> None:
    """The catalogue transaction failed: remove a copy nobody references."""
    if staged.is_new:
        archive.vault.remove(staged.relpath)
    settle(archive, staged)


def sweep_orphans(archive: ArchiveHandle) -> list[str]:
    """Start-up sweep: remove half-copied temp files and uncommitted originals.

    Returns the relative paths removed, so the caller can say what it did.
    """
    removed: list[str] = []
    tmp_dir = archive.root / "tmp"
    if not tmp_dir.is_dir():
        return removed
    for entry in sorted(tmp_dir.iterdir()):
        if entry.suffix == ".part":
            entry.unlink(missing_ok=True)
            removed.append(f"tmp/{entry.name}")
        elif entry.suffix == ".intent":
            relpath = entry.read_text(encoding="utf-8").strip()
            row = archive.conn.execute("SELECT 1 FROM blobs WHERE path = ?", (relpath,)).fetchone()
            if row is None and relpath.startswith("media/") and ".." not in relpath:
                archive.vault.remove(relpath)
                removed.append(relpath)
            entry.unlink(missing_ok=True)
    return removed


def read_only_check(path: Path) -> bool:
    """True when an original carries no write permission bits."""
    return not (path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
