"""Content-addressed originals: copy in safely, never modify, store each once.

Ingest order (DESIGN.md): stream-copy into a temporary file inside the
archive while hashing, fsync, atomic rename into `media/ab/<sha256>.<ext>`,
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

if TYPE_CHECKING:
    from memoria.storage.archive import Archive

CHUNK = 1024 * 1024


class IngestError(Exception):
    """A file could not be copied into the archive; nothing was kept."""


@dataclass(frozen=True)
class StagedFile:
    sha256: str
    size: int
    relpath: str  # media/ab/<sha>.<ext>
    is_new: bool  # False: the same bytes were already stored


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return  # directories cannot be opened for fsync on Windows
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def media_relpath(sha256: str, extension: str) -> str:
    ext = extension.lower().lstrip(".")
    suffix = f".{ext}" if ext and ext.isalnum() and len(ext) <= 5 else ""
    return f"media/{sha256[:2]}/{sha256}{suffix}"


def _copy_hashing(source: BinaryIO, dest: BinaryIO) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        dest.write(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def stage(archive: Archive, source: Path, extension: str) -> StagedFile:
    """Copy `source` into media/ (or find it already there). Call `settle` after the
    catalogue transaction commits, or `discard` if it rolls back."""
    tmp_dir = archive.root / "tmp"
    tmp_dir.mkdir(exist_ok=True)
    tmp = tmp_dir / f"ingest-{uuid.uuid4().hex}.part"
    try:
        with open(source, "rb") as src, open(tmp, "xb") as out:
            sha, size = _copy_hashing(src, out)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise IngestError(f"could not copy the file into the archive: {exc.strerror or exc}") from exc

    known = archive.conn.execute("SELECT path FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
    if known is not None:
        tmp.unlink(missing_ok=True)
        return StagedFile(sha, size, known[0], is_new=False)

    relpath = media_relpath(sha, extension)
    dest = archive.root / relpath
    intent = tmp_dir / f"{sha}.intent"
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        _write_intent(intent, relpath)
        os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # originals are read-only
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        intent.unlink(missing_ok=True)
        raise IngestError(f"could not store the file in the archive: {exc.strerror or exc}") from exc
    return StagedFile(sha, size, relpath, is_new=True)


def _write_intent(intent: Path, relpath: str) -> None:
    with open(intent, "w", encoding="utf-8") as handle:
        handle.write(relpath)
        handle.flush()
        os.fsync(handle.fileno())


def settle(archive: Archive, staged: StagedFile) -> None:
    """The catalogue now owns the file: forget the intent."""
    (archive.root / "tmp" / f"{staged.sha256}.intent").unlink(missing_ok=True)


def discard(archive: Archive, staged: StagedFile) -> None:
    """The catalogue transaction failed: remove a copy nobody references."""
    if staged.is_new:
        _remove_original(archive.root / staged.relpath)
    settle(archive, staged)


def _remove_original(path: Path) -> None:
    try:
        os.chmod(path, stat.S_IWUSR | stat.S_IRUSR)
        path.unlink()
    except FileNotFoundError:
        pass


def sweep_orphans(archive: Archive) -> list[str]:
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
            sha = entry.stem
            relpath = entry.read_text(encoding="utf-8").strip()
            row = archive.conn.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
            if row is None and relpath.startswith("media/") and ".." not in relpath:
                _remove_original(archive.root / relpath)
                removed.append(relpath)
            entry.unlink(missing_ok=True)
    return removed


def read_only_check(path: Path) -> bool:
    """True when an original carries no write permission bits."""
    return not (path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
