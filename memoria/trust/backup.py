"""Backups a person can trust: a consistent catalogue plus every original.

The catalogue is copied with SQLite's backup API (a page-consistent snapshot
of a live database, even while the app writes), never by copying the file,
which can catch a half-written WAL. Media are copied after the snapshot and
only those the snapshot names: originals are immutable, so the pair is
consistent. Media already in the backup (same path, same size) are skipped,
so a second run copies only what is new. Every copied original is re-hashed
on the way, so a backup never silently carries a damaged file.

Never good with bad: a damaged catalogue is refused before anything is
written; the destination keeps dated generations of the catalogue
(`generations/`, the newest also as `catalogue.sqlite`), and a new one
replaces nothing until it and every original it names are whole on the
destination's disk. A run that fails (a full disk, a kill) leaves the
previous generation as it was; the next run removes the `.part` files it
left and goes on. A restore marks its folder until it completes, and an
archive so marked refuses to open.

    DEST/memoria-backup.json         what this folder is, its generations
    DEST/catalogue.sqlite            the newest generation
    DEST/generations/catalogue-<UTC stamp>.sqlite   older ones (--keep, default 5)
    DEST/media/...                   originals, shared by all generations
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from memoria import faults
from memoria.storage import catalogue_files, db
from memoria.storage import driver as sqlite3
from memoria.storage.archive import MARKER, RESTORING, Archive, ArchiveError, utc_now
from memoria.trust.fixity import sha256_of

BACKUP_MARKER = "memoria-backup.json"
GENERATIONS = "generations"
KEEP_KEY = "backup.generations"
DEFAULT_KEEP = 5


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
        with faults.naming(tmp):
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


def _copy_media(src_root: Path, catalogue: Path, dest_root: Path, report: BackupReport,
                key: bytes | None = None) -> None:
    rows = catalogue_files.blobs_by_path(catalogue, key)
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
        except BackupError as exc:
            report.problems.append(f"{relpath}: {exc}")
        except FileNotFoundError as exc:
            if exc.filename and Path(exc.filename).is_relative_to(dest_root):
                raise  # the destination vanished: stop, not a problem of this original
            report.problems.append(f"{relpath}: missing from the archive")




def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    try:
        with faults.naming(tmp), open(tmp, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def clean_debris(dest: Path) -> list[str]:
    """Remove what a killed or failed run left (`.part` files); return their names."""
    removed = []
    for part in list(dest.rglob("*.part")) + list(dest.rglob("*.building")):
        if part.is_file():
            part.unlink(missing_ok=True)
            removed.append(part.relative_to(dest).as_posix())
    return removed


def read_marker(dest: Path) -> dict:
    try:
        data = json.loads((dest / BACKUP_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def generations(dest: Path) -> list[Path]:
    """The catalogues this backup can restore, oldest first (the newest is catalogue.sqlite)."""
    folder = Path(dest) / GENERATIONS
    older = sorted(folder.glob("catalogue-*.sqlite")) if folder.is_dir() else []
    newest = Path(dest) / db.CATALOGUE
    return older + ([newest] if newest.is_file() else [])


def catalogue_damage(conn: sqlite3.Connection) -> list[str]:
    """What SQLite's structural check finds wrong (empty: sound)."""
    try:
        return db.structure_problems(conn, quick=True)
    except sqlite3.DatabaseError as exc:
        if faults.is_damage(exc):
            return [str(exc)]
        raise


def keep_setting(archive: Archive) -> int:
    try:
        return max(1, int(archive.setting(KEEP_KEY, str(DEFAULT_KEEP)) or DEFAULT_KEEP))
    except (ValueError, sqlite3.Error):
        return DEFAULT_KEEP


def backup_archive(archive: Archive, dest: Path, keep: int | None = None) -> BackupReport:
    """Add a generation to the backup in `dest` (media: only what is new).

    Refuses a damaged catalogue before writing anything. Raises (OSError,
    sqlite3.Error) when the destination fails; the previous generation is
    then untouched and the next run cleans up and continues.
    """
    dest = Path(dest).expanduser().absolute()
    if dest == archive.root or dest.is_relative_to(archive.root):
        raise BackupError("A backup must live outside the archive folder.")
    keep = keep if keep is not None else keep_setting(archive)
    damage = catalogue_damage(archive.conn)
    if damage:
        raise BackupError(
            f"The catalogue of {archive.root} is damaged ({'; '.join(damage[:3])}); it was not "
            f"backed up, and the backups in {dest} were left as they were. Run 'memoria verify' "
            "to see the damage and 'memoria restore' to bring back the last good backup.")
    if dest.exists() and any(dest.iterdir()) and not (dest / BACKUP_MARKER).exists():
        raise BackupError(f"{dest} is not empty and is not a Memoria backup; choose another folder.")
    dest.mkdir(parents=True, exist_ok=True)
    marker = read_marker(dest)
    if not marker:  # claim the folder first: a run killed now is still "ours" next time
        marker = {"format": "memoria-backup", "source": str(archive.root), "generations": []}
        _write_atomic(dest / BACKUP_MARKER, json.dumps(marker, indent=2) + "\n")
    clean_debris(dest)
    report = BackupReport(str(dest))
    tmp_catalogue = dest / f".catalogue.{uuid.uuid4().hex}.part"
    try:
        with faults.naming(tmp_catalogue):  # SQLite errors here are about the copy
            db.backup_to(archive.conn, tmp_catalogue, key=archive.catalogue_key())
            _fsync_file(tmp_catalogue)
            _check_copy(tmp_catalogue, archive.catalogue_key())
            _copy_media(archive.root, tmp_catalogue, dest, report, archive.catalogue_key())
        _rotate_in(dest, tmp_catalogue, marker)
    finally:
        tmp_catalogue.unlink(missing_ok=True)
    if (archive.root / MARKER).exists():
        _write_atomic(dest / MARKER, (archive.root / MARKER).read_text(encoding="utf-8"))
    kept = _prune(dest, keep)
    marker.update({"format": "memoria-backup", "source": str(archive.root), "at": utc_now(),
                   "stamp": _stamp(),
                   "media_copied": report.media_copied, "media_skipped": report.media_skipped,
                   "keep": keep, "generations": [p.name for p in kept]})
    _write_atomic(dest / BACKUP_MARKER, json.dumps(marker, indent=2) + "\n")
    from memoria.domain.consent import Audience
    from memoria.storage import copies as copy_store

    copy_store.record_copy(archive, "backup", (), Audience.CUSTODIAN, dest, all_items=True)
    return report


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _check_copy(catalogue: Path, key: bytes | None = None) -> None:
    conn = sqlite3.connect(f"{catalogue.as_uri()}?mode=ro", uri=True, key=key)
    try:
        damage = catalogue_damage(conn)
    finally:
        conn.close()
    if damage:
        raise BackupError(f"The copy of the catalogue written to {catalogue.parent} does not "
                          f"read back whole ({damage[0]}); the previous backup was kept.")


def _rotate_in(dest: Path, new_catalogue: Path, marker: dict) -> None:
    """The newest catalogue becomes a dated generation; the new one takes its place.

    At every moment `catalogue.sqlite` is either the old or the new one, whole.
    """
    current = dest / db.CATALOGUE
    if current.is_file():
        folder = dest / GENERATIONS
        folder.mkdir(exist_ok=True)
        older = folder / f"catalogue-{marker.get('stamp') or _stamp()}.sqlite"
        if not older.exists():
            part = older.with_name(f".{older.name}.part")
            try:
                try:
                    os.link(current, part)
                except OSError:  # a disk without hard links (FAT, exFAT): copy it
                    with faults.naming(part):
                        shutil.copyfile(current, part)
                    _fsync_file(part)
                os.replace(part, older)
            finally:
                part.unlink(missing_ok=True)
            _fsync_dir(folder)
    os.replace(new_catalogue, current)
    _fsync_dir(dest)


def _prune(dest: Path, keep: int) -> list[Path]:
    """Keep the newest `keep` generations (catalogue.sqlite counts as one)."""
    found = generations(dest)
    for old in found[:-keep]:
        old.unlink(missing_ok=True)
    return found[-keep:]


def restore_backup(backup: Path, dest: Path, generation: str | None = None) -> BackupReport:
    """Rebuild an archive from a backup into an empty (or new) folder `dest`.

    `generation` names an older catalogue (a file name from `generations/`);
    by default the newest. The catalogue is checked and copied with the
    backup API, then every original is copied and re-hashed. Until the last
    original is in place the folder carries a marker that stops it opening;
    a restore killed midway is finished by running it again.
    """
    backup = Path(backup).expanduser().absolute()
    dest = Path(dest).expanduser().absolute()
    catalogue = backup / db.CATALOGUE
    if generation:
        catalogue = backup / GENERATIONS / Path(generation).name
    if not catalogue.is_file():
        raise BackupError(f"{backup} is not a Memoria backup (it has no {catalogue.name}).")
    if dest.exists() and any(dest.iterdir()):
        if not (dest / RESTORING).exists():
            raise BackupError(f"{dest} is not empty; restore into an empty or new folder.")
        shutil.rmtree(dest)  # our own unfinished restore: start again
    dest.mkdir(parents=True, exist_ok=True)
    # Written in place, first: the folder is never non-empty without it (its existence counts).
    with faults.naming(dest / RESTORING), open(dest / RESTORING, "w", encoding="utf-8") as mark:
        mark.write(json.dumps({"from": str(backup), "at": utc_now()}) + "\n")
        mark.flush()
        os.fsync(mark.fileno())
    _fsync_dir(dest)
    for sub in ("media", "derived", "index", "tmp"):
        (dest / sub).mkdir(exist_ok=True)
    report = BackupReport(str(dest))
    source = sqlite3.connect(f"{catalogue.as_uri()}?mode=ro", uri=True)
    try:
        db.check_is_catalogue(source, catalogue)
        damage = catalogue_damage(source)
        if damage:
            raise BackupError(f"The catalogue in {catalogue} is damaged ({damage[0]}); restore "
                              "an older generation (see its generations/ folder).")
        with faults.naming(dest / db.CATALOGUE):
            db.backup_to(source, dest / db.CATALOGUE)
    except db.CatalogueError as exc:
        raise BackupError(str(exc)) from exc
    finally:
        source.close()
    with faults.naming(dest / db.CATALOGUE):
        _fsync_file(dest / db.CATALOGUE)
        _copy_media(backup, dest / db.CATALOGUE, dest, report)
    if (backup / MARKER).exists():
        _write_atomic(dest / MARKER, (backup / MARKER).read_text(encoding="utf-8"))
    _fsync_dir(dest)
    (dest / RESTORING).unlink()
    _fsync_dir(dest)
    return report
