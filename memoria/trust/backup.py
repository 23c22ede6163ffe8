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

A backup of an encrypted archive is encrypted, one key per generation, so
that a purge or `--keep` can make an old generation unrestorable by
destroying its key (memoria.trust.backup_crypt, its own layout).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from memoria import faults
from memoria.domain.messages import fault_text, say
from memoria.storage import catalogue_files, db
from memoria.storage import driver as sqlite3
from memoria.storage.archive import MARKER, RESTORING, Archive, ArchiveError, utc_now
from memoria.storage.durable import fsync_dir as _fsync_dir
from memoria.trust import sealed
from memoria.trust.backup_report import BackupError, BackupReport
from memoria.trust.fixity import sha256_of

if TYPE_CHECKING:
    from memoria.crypto.keys import ArchiveKeys
    from memoria.trust.backup_crypt import ForgetReport

BACKUP_MARKER = "memoria-backup.json"
GENERATIONS = "generations"
KEEP_KEY = "backup.generations"
DEFAULT_KEEP = 5


def _copy_verified(src: Path, dest: Path, sha256: str, lang: str = "es") -> int:
    """Copy via a temporary sibling, check the hash, then rename: never a half file."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".{dest.name}.{uuid.uuid4().hex}.part"
    try:
        with faults.naming(tmp):
            shutil.copyfile(src, tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        if sha256_of(tmp) != sha256:
            raise BackupError(fault_text("checksum_differs", lang, path=src))
        os.chmod(tmp, stat.S_IRUSR)  # read-only, and the owner's only (like the archive)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest.stat().st_size


def _copy_media(src_root: Path, catalogue: Path, dest_root: Path, report: BackupReport,
                key: bytes | None = None, lang: str = "es") -> None:
    rows = catalogue_files.blobs_by_path(catalogue, key)
    for sha, relpath, size in rows:
        if relpath.startswith("/") or ".." in Path(relpath).parts:
            report.problems.append(fault_text("path_leaves", lang, path=relpath))
            continue
        target = dest_root / relpath
        if target.is_file() and target.stat().st_size == size:
            report.media_skipped += 1
            continue
        try:
            report.bytes_copied += _copy_verified(src_root / relpath, target, sha, lang)
            report.media_copied += 1
        except BackupError as exc:
            report.problems.append(f"{relpath}: {exc}")
        except FileNotFoundError as exc:
            if exc.filename and Path(exc.filename).is_relative_to(dest_root):
                raise  # the destination vanished: stop, not a problem of this original
            report.problems.append(fault_text("original_missing", lang, path=relpath))


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _write_atomic(path: Path, text: str) -> None:
    """Whole or absent, owner-only (the markers say what the backup holds)."""
    sealed.write_private(path, text.encode("utf-8"))


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


def catalogue_changed(archive: Archive) -> list[str]:
    """Pages changed outside Memoria (SQLite's check misses most of them) and commits
    the catalogue lost: such a catalogue is not backed up over the good generations."""
    from memoria.storage import seal

    found: list[str] = seal.check_pages(archive.root, archive.root / db.CATALOGUE)
    return found + ([archive.held] if archive.held else [])


def keep_setting(archive: Archive) -> int:
    try:
        return max(1, int(archive.setting(KEEP_KEY, str(DEFAULT_KEEP)) or DEFAULT_KEEP))
    except (ValueError, sqlite3.Error):
        return DEFAULT_KEEP


def backup_archive(archive: Archive, dest: Path, keep: int | None = None,
                   lang: str = "es") -> BackupReport:
    """Add a generation to the backup in `dest` (media: only what is new).

    Refuses a damaged catalogue before writing anything. Raises (OSError,
    sqlite3.Error) when the destination fails; the previous generation is
    then untouched and the next run cleans up and continues.
    """
    dest = Path(dest).expanduser().absolute()
    if dest == archive.root or dest.is_relative_to(archive.root):
        raise BackupError(fault_text("backup_inside", lang))
    keep = keep if keep is not None else keep_setting(archive)
    damage = catalogue_damage(archive.conn) + catalogue_changed(archive)
    if damage:
        raise BackupError(fault_text("backup_refused", lang, root=archive.root, dest=dest,
                                     what="; ".join(say(d, lang) for d in damage[:3])))
    if dest.exists() and any(dest.iterdir()) and not (dest / BACKUP_MARKER).exists():
        raise BackupError(fault_text("backup_foreign", lang, dest=dest))
    encrypted = getattr(archive, "keys", None) is not None
    dest.mkdir(parents=True, exist_ok=True, mode=0o700)
    marker = read_marker(dest)
    if marker.get("generations") and bool(marker.get("encrypted")) != encrypted:
        raise BackupError(
            f"{dest} holds backups of {'a plain' if encrypted else 'an encrypted'} archive; "
            f"a backup of {'an encrypted' if encrypted else 'a plain'} one goes in another "
            "folder (the two are never mixed).")
    if not marker:  # claim the folder first: a run killed now is still "ours" next time
        marker = {"format": "memoria-backup", "source": str(archive.root), "generations": [],
                  "encrypted": encrypted}
        _write_atomic(dest / BACKUP_MARKER, json.dumps(marker, indent=2) + "\n")
    clean_debris(dest)
    report = BackupReport(str(dest))
    if encrypted:
        from memoria.trust.backup_crypt import backup_encrypted

        kept_names = backup_encrypted(archive, dest, keep, report)
        return _finish(archive, dest, marker, report, keep, kept_names)
    tmp_catalogue = dest / f".catalogue.{uuid.uuid4().hex}.part"
    try:
        with faults.naming(tmp_catalogue):  # SQLite errors here are about the copy
            db.backup_to(archive.conn, tmp_catalogue, key=archive.catalogue_key())
            _fsync_file(tmp_catalogue)
            _check_copy(tmp_catalogue, archive.catalogue_key(), lang)
            _copy_media(archive.root, tmp_catalogue, dest, report, archive.catalogue_key(),
                        lang)
        _rotate_in(dest, tmp_catalogue, marker)
    finally:
        tmp_catalogue.unlink(missing_ok=True)
    if (archive.root / MARKER).exists():
        _write_atomic(dest / MARKER, (archive.root / MARKER).read_text(encoding="utf-8"))
    kept = _prune(dest, keep)
    return _finish(archive, dest, marker, report, keep, [p.name for p in kept])


def _finish(archive: Archive, dest: Path, marker: dict, report: BackupReport, keep: int,
            kept: list[str]) -> BackupReport:
    last_purge = _last_purge(archive)
    if report.ok and last_purge:  # a whole fresh generation: the older ones may now go
        older = generations_holding(dest, last_purge)
        if older:
            report.forgotten = forget_generations(dest, older,
                                                  getattr(archive, "keys", None)).forgotten
            kept = generation_names(dest)
    marker.update({"format": "memoria-backup", "source": str(archive.root), "at": utc_now(),
                   "stamp": _stamp(),
                   "media_copied": report.media_copied, "media_skipped": report.media_skipped,
                   "keep": keep, "generations": kept})
    _write_atomic(dest / BACKUP_MARKER, json.dumps(marker, indent=2) + "\n")
    from memoria.domain.consent import Audience
    from memoria.storage import copies as copy_store

    copy_store.record_copy(archive, "backup", (), Audience.CUSTODIAN, dest, all_items=True)
    return report


def _last_purge(archive: Archive) -> str | None:
    """When the last purge was carried out (its catalogue part), or None."""
    from memoria.storage import purges

    try:
        done = purges.requests(archive, ("wiping", "done"))
    except sqlite3.Error:  # a catalogue from before purges
        return None
    return max((r.closed_at for r in done if r.closed_at), default=None)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _check_copy(catalogue: Path, key: bytes | None = None, lang: str = "es") -> None:
    conn = sqlite3.connect(f"{catalogue.as_uri()}?mode=ro", uri=True, key=key)
    try:
        damage = catalogue_damage(conn)
    finally:
        conn.close()
    if damage:
        raise BackupError(fault_text("copy_not_whole", lang, folder=catalogue.parent,
                                     what=damage[0]))


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


def restore_backup(backup: Path, dest: Path, generation: str | None = None,
                   keys: ArchiveKeys | None = None, lang: str = "es") -> BackupReport:
    """Rebuild an archive from a backup into an empty (or new) folder `dest`.

    `generation` names an older catalogue (a file name from `generations/`);
    by default the newest. The catalogue is checked and copied with the
    backup API, then every original is copied and re-hashed. Until the last
    original is in place the folder carries a marker that stops it opening;
    a restore killed midway is finished by running it again.

    A backup of an encrypted archive needs `keys`: those of its generation's key
    slots (`backup_crypt.unlock_generation`), asked of the person by the caller.
    """
    from memoria.trust import backup_crypt

    backup = Path(backup).expanduser().absolute()
    dest = Path(dest).expanduser().absolute()
    catalogue = backup / db.CATALOGUE
    if generation:
        catalogue = backup / GENERATIONS / Path(generation).name
    sealed_gen = None
    if backup_crypt.is_encrypted_backup(backup):
        sealed_gen = backup_crypt.generation_to_restore(backup, generation)
        if keys is None:
            raise backup_crypt.BackupNeedsUnlock(backup)
        backup_crypt.check_generation(keys, sealed_gen)  # destroyed or foreign: before writing
    elif not catalogue.is_file():
        raise BackupError(fault_text("not_a_backup", lang, backup=backup, name=catalogue.name))
    if dest.exists() and any(dest.iterdir()):
        if not (dest / RESTORING).exists():
            raise BackupError(fault_text("restore_not_empty", lang, dest=dest))
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
    if sealed_gen is not None:
        assert keys is not None
        backup_crypt.restore_encrypted(backup, dest, sealed_gen, keys, report)
        return _end_restore(backup, dest, report)
    source = sqlite3.connect(f"{catalogue.as_uri()}?mode=ro", uri=True)
    try:
        db.check_is_catalogue(source, catalogue)
        damage = catalogue_damage(source)
        if damage:
            raise BackupError(fault_text("restore_damaged", lang, catalogue=catalogue,
                                         what=damage[0]))
        with faults.naming(dest / db.CATALOGUE):
            db.backup_to(source, dest / db.CATALOGUE)
    except db.CatalogueError as exc:
        raise BackupError(str(exc)) from exc
    finally:
        source.close()
    with faults.naming(dest / db.CATALOGUE):
        _fsync_file(dest / db.CATALOGUE)
        _copy_media(backup, dest / db.CATALOGUE, dest, report, lang=lang)
    return _end_restore(backup, dest, report)


def _end_restore(backup: Path, dest: Path, report: BackupReport) -> BackupReport:
    if (backup / MARKER).exists():
        _write_atomic(dest / MARKER, (backup / MARKER).read_text(encoding="utf-8"))
    _fsync_dir(dest)
    (dest / RESTORING).unlink()
    _fsync_dir(dest)
    return report


# -- forgetting generations (a purge, issue 13) ------------------------------------------
def generation_names(dest: Path) -> list[str]:
    """The generations of the backup in `dest`, oldest first (the last is the newest)."""
    from memoria.trust import backup_crypt

    dest = Path(dest).expanduser().absolute()
    if backup_crypt.is_encrypted_backup(dest):
        return [g.name for g in backup_crypt.encrypted_generations(dest)]
    return [p.name for p in generations(dest)]


def _stamp_of(name: str, dest: Path) -> str:
    digits = "".join(ch for ch in name if ch.isdigit())
    if name == db.CATALOGUE:  # the plain newest: its stamp is in the marker
        digits = "".join(ch for ch in str(read_marker(dest).get("stamp", "")) if ch.isdigit())
    return digits[:14]


def generations_holding(dest: Path, before: str) -> list[str]:
    """Generations of the backup in `dest` made before `before` (a UTC ISO time such as
    utc_now(), or a stamp; the same second counts as before), newest excluded: those
    that may hold material purged since.

    A purge writes a fresh generation first, then calls `forget_generations` on these."""
    dest = Path(dest).expanduser().absolute()
    cut = "".join(ch for ch in before if ch.isdigit())[:14]
    names = generation_names(dest)[:-1]
    return [n for n in names if _stamp_of(n, dest) <= cut]


def forget_generations(dest: Path, names: list[str],
                       keys: ArchiveKeys | None = None) -> ForgetReport:
    """Destroy the named generations of the backup in `dest`: they will not restore again.

    Encrypted backups: each generation's key is overwritten and deleted and its folder
    removed; with `keys` (the archive's), originals no surviving generation lists are
    removed too. Plain backups: the generations' catalogues are deleted, and originals
    no surviving catalogue names. The newest generation is never destroyed (make a new
    backup first). Returns a `ForgetReport` whose `sentence(lang)` tells the person
    which generations will no longer restore and what lies beyond Memoria's reach.
    """
    from memoria.trust import backup_crypt

    dest = Path(dest).expanduser().absolute()
    if backup_crypt.is_encrypted_backup(dest):
        return backup_crypt.forget_encrypted(dest, names, keys)
    out = backup_crypt.ForgetReport()
    wanted = set(names)
    found = generations(dest)
    if found and found[-1].name in wanted:
        raise backup_crypt.newest_refused()
    for path in found[:-1]:
        if path.name in wanted:
            path.unlink(missing_ok=True)
            out.forgotten.append(path.name)
    named: set[str] = set()
    for catalogue in generations(dest):
        named |= {rel for _s, rel, _z in catalogue_files.blobs_by_path(catalogue)}
    out.media_removed = backup_crypt.remove_unlisted(dest, named, "*")
    if out.forgotten:
        marker = read_marker(dest)
        marker["generations"] = [p.name for p in generations(dest)]
        _write_atomic(dest / BACKUP_MARKER, json.dumps(marker, indent=2) + "\n")
    return out


def after_purge(archive: Archive, purge_id: int) -> list[str]:
    """Called by a purge (memoria.operations.purge) once the archive no longer holds the
    purged material: in each backup folder of the register that can be reached now, a
    fresh generation is written, then every older generation (all made before the purge)
    is destroyed. One line per folder for the purge's report; a folder that cannot be
    reached, or whose fresh generation fails, keeps its generations and says so (the
    next backup into it after the purge destroys them: `backup_archive` forgets every
    generation made before the last purge once it has written a whole fresh one)."""
    from memoria.domain.messages import default_language
    from memoria.storage import copies as copy_store

    lang = default_language()
    lines = []
    for dest in sorted({c.dest for c in copy_store.list_copies(archive) if c.kind == "backup"}):
        folder = Path(dest)
        if not (folder / BACKUP_MARKER).is_file():
            lines.append(f"{dest}: " + ("no está al alcance ahora; sus generaciones antiguas "
                                        "todavía guardan lo suprimido." if lang == "es" else
                                        "not reachable now; its older generations still hold "
                                        "the purged material."))
            continue
        try:
            fresh = backup_archive(archive, folder)  # forgets what came before the purge
            if not fresh.ok:
                raise BackupError("; ".join(fresh.problems[:2]))
        except (ArchiveError, OSError, sqlite3.Error) as exc:
            why = exc.sentence(lang) if hasattr(exc, "sentence") else str(exc)
            lines.append(f"{dest}: " + ("no se pudo escribir una generación nueva, así que "
                                        "las antiguas se conservaron y todavía guardan lo "
                                        f"suprimido ({why})." if lang == "es" else
                                        "a fresh generation could not be written, so the "
                                        "older ones were kept and still hold the purged "
                                        f"material ({why})."))
            continue
        from memoria.trust.backup_crypt import ForgetReport

        done = ForgetReport(forgotten=fresh.forgotten)
        lines.append(f"{dest}: {done.sentence(lang)}")
    return lines
