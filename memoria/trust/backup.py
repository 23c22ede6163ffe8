"""Backups a person can trust: a consistent catalogue plus every original.

The catalogue is copied with SQLite's backup API (a page-consistent snapshot
of a live database, even while the app writes), never by copying the file,
which can catch a half-written WAL. Media are copied after the snapshot and
only those the snapshot names: originals are immutable, so the pair is
consistent. Media already in the backup (same path, same size) are skipped,
so a second run copies only what is new. Every copied original is re-hashed
on the way, so a backup never silently carries a damaged file.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from memoria.storage import db
from memoria.storage.archive import MARKER, Archive, ArchiveError, utc_now
from memoria.trust.fixity import sha256_of

BACKUP_MARKER = "memoria-backup.json"


class BackupError(ArchiveError):
    """A backup or restore could not be made; the message is for a person."""


@dataclass
class BackupReport:
    dest: str
    media_copied: int = 0
    media_skipped: int = 0
    bytes_copied: int = 0
    problems: list[str] = field(default_factory=list)  # originals that could not be copied

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok}


def _copy_verified(src: Path, dest: Path, sha256: str) -> int:
    """Copy via a temporary sibling, check the hash, then rename: never a half file."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".{dest.name}.{uuid.uuid4().hex}.part"
    try:
        shutil.copyfile(src, tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        if sha256_of(tmp) != sha256:
            raise BackupError(f"{src} does not match its recorded checksum; not copied")
        os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest.stat().st_size


def _copy_media(src_root: Path, catalogue: Path, dest_root: Path, report: BackupReport) -> None:
    conn = sqlite3.connect(f"{catalogue.as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT sha256, path, size FROM blobs ORDER BY path").fetchall()
    finally:
        conn.close()
    for sha, relpath, size in rows:
        if relpath.startswith("/") or ".." in Path(relpath).parts:
            report.problems.append(f"{relpath}: refused (path leaves the archive)")
            continue
        target = dest_root / relpath
        if target.is_file() and target.stat().st_size == size:
            report.media_skipped += 1
            continue
        try:
            report.bytes_copied += _copy_verified(src_root / relpath, target, sha)
            report.media_copied += 1
        except (OSError, BackupError) as exc:
            report.problems.append(f"{relpath}: {exc}")


def backup_archive(archive: Archive, dest: Path) -> BackupReport:
    """Write or refresh a backup of `archive` in folder `dest` (incremental for media)."""
    dest = Path(dest).expanduser().absolute()
    if dest == archive.root or dest.is_relative_to(archive.root):
        raise BackupError("A backup must live outside the archive folder.")
    if dest.exists() and any(dest.iterdir()) and not (dest / BACKUP_MARKER).exists():
        raise BackupError(f"{dest} is not empty and is not a Memoria backup; choose another folder.")
    dest.mkdir(parents=True, exist_ok=True)
    report = BackupReport(str(dest))
    tmp_catalogue = dest / f".catalogue.{uuid.uuid4().hex}.part"
    try:
        db.backup_to(archive.conn, tmp_catalogue)
        _copy_media(archive.root, tmp_catalogue, dest, report)
        os.replace(tmp_catalogue, dest / db.CATALOGUE)
    finally:
        tmp_catalogue.unlink(missing_ok=True)
    if (archive.root / MARKER).exists():
        shutil.copyfile(archive.root / MARKER, dest / MARKER)
    (dest / BACKUP_MARKER).write_text(json.dumps(
        {"format": "memoria-backup", "source": str(archive.root), "at": utc_now(),
         "media_copied": report.media_copied, "media_skipped": report.media_skipped},
        indent=2) + "\n", encoding="utf-8")
    from memoria.domain.consent import Audience
    from memoria.storage import copies as copy_store

    copy_store.record_copy(archive, "backup", (), Audience.CUSTODIAN, dest, all_items=True)
    return report


def restore_backup(backup: Path, dest: Path) -> BackupReport:
    """Rebuild an archive from a backup into an empty (or new) folder `dest`.

    The catalogue is copied with the backup API too (the backup file may be
    opened by another program), then every original is copied and re-hashed.
    Derived files and the search index are rebuilt by the app as needed.
    """
    backup = Path(backup).expanduser().absolute()
    dest = Path(dest).expanduser().absolute()
    catalogue = backup / db.CATALOGUE
    if not catalogue.is_file():
        raise BackupError(f"{backup} is not a Memoria backup (it has no {db.CATALOGUE}).")
    if dest.exists() and any(dest.iterdir()):
        raise BackupError(f"{dest} is not empty; restore into an empty or new folder.")
    dest.mkdir(parents=True, exist_ok=True)
    for sub in ("media", "derived", "index", "tmp"):
        (dest / sub).mkdir(exist_ok=True)
    report = BackupReport(str(dest))
    source = sqlite3.connect(f"{catalogue.as_uri()}?mode=ro", uri=True)
    try:
        db.check_is_catalogue(source, catalogue)
        db.backup_to(source, dest / db.CATALOGUE)
    except db.CatalogueError as exc:
        raise BackupError(str(exc)) from exc
    finally:
        source.close()
    _copy_media(backup, dest / db.CATALOGUE, dest, report)
    if (backup / MARKER).exists():
        shutil.copyfile(backup / MARKER, dest / MARKER)
    return report
