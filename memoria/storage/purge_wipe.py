"""The disk part of a purge, after its catalogue transaction: resumable.

A purge in state `wiping` has left the catalogue; on disk still remain its
originals and form scans (`media/`), their derived files (`derived/`), the
index documents and the automatic catalogue copies (`backups/` inside the
archive), and the catalogue file's old pages. `finish` removes them in an
order that any kill can resume from (each step is idempotent), then marks the
purge done. The next writable open of an archive resumes an unfinished purge
(Archive.open calls `resume`), so a killed purge never leaves its material.

- files are overwritten with zeros before they are unlinked (on a spinning
  disk that is the data gone; flash and copy-on-write file systems may keep
  old blocks: docs/security.md says so);
- the index: the caller's `forget_index` rewrites it without the items
  (SearchEngine.forget_items: whoosh merges every segment into a new one,
  dropping deleted documents); when that cannot run (no index process, a
  resume at open) the index folder is removed: it is a cache, rebuilt from
  the catalogue;
- the catalogue: VACUUM rewrites every page (SQLite zeroed what the purge
  freed: secure_delete), then a TRUNCATE checkpoint copies the WAL into the
  file and empties it, and the seal is written again for the new pages.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from memoria.storage import driver as sqlite3
from memoria.storage import seal
from memoria.storage.db import CATALOGUE, transaction, utc_now

if TYPE_CHECKING:
    from memoria.storage.handle import ArchiveHandle

AUTO_COPIES = "backups"  # automatic catalogue copies and pre-migration copies (inside the archive)
ForgetIndex = Callable[[list[int]], bool]


def unfinished(archive: ArchiveHandle) -> list[int]:
    try:
        return [int(r[0]) for r in archive.conn.execute(
            "SELECT id FROM purges WHERE state = 'wiping' ORDER BY id")]
    except sqlite3.OperationalError:  # an older catalogue opened read-only: no purges table
        return []


def resume(archive: ArchiveHandle) -> list[int]:
    """Finish purges a kill interrupted (Archive.open, when no other process has it open)."""
    done = []
    for purge_id in unfinished(archive):
        if finish(archive, purge_id):
            done.append(purge_id)
    return done


def shred(path: Path) -> bool:
    """Overwrite a file with zeros, then remove it; True if it was there."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return False
    with contextlib.suppress(OSError):
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    try:
        with open(path, "r+b") as handle:
            block = b"\0" * min(size, 1 << 20)
            left = size
            while left > 0:
                handle.write(block[:min(left, len(block))])
                left -= len(block)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass  # still removed below
    path.unlink(missing_ok=True)
    return True


def _derived_of(archive: ArchiveHandle, hashes: Iterable[str]) -> list[Path]:
    """Derived files of these originals: named by their SHA-256 or, in an encrypted
    archive, by the vault's keyed name for it."""
    names = set()
    vault = getattr(archive, "vault", None)
    for sha in hashes:
        names.add(sha)
        keyed = getattr(vault, "derived_names", None)  # during a rotation, the old ones too
        if keyed is not None:
            with contextlib.suppress(Exception):  # noqa: BLE001 - a locked vault: names by hash
                names.update(keyed(sha))
    folder = archive.root / "derived"
    if not names or not folder.is_dir():
        return []
    return [p for p in folder.rglob("*") if p.is_file() and any(n in p.name for n in names)]


def remove_files(archive: ArchiveHandle, files: Iterable[dict]) -> None:
    """Shred originals ({"sha256", "path"} relative to the archive) and their derived
    files; idempotent (a file already gone is skipped). Emptying the trash uses it too."""
    files = list(files)
    for entry in files:
        rel = str(entry["path"])
        if rel.startswith("/") or ".." in Path(rel).parts:
            continue
        shred(archive.root / rel)
    for path in _derived_of(archive, [str(e["sha256"]) for e in files]):
        shred(path)


def auto_copies(root: Path) -> list[Path]:
    folder = root / AUTO_COPIES
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def finish(archive: ArchiveHandle, purge_id: int, forget_index: ForgetIndex | None = None) -> bool:
    """Remove what purge `purge_id` left on disk; True once it is done."""
    row = archive.conn.execute("SELECT state, purged, files FROM purges WHERE id = ?",
                               (purge_id,)).fetchone()
    if row is None or row["state"] != "wiping":
        return row is not None and row["state"] == "done"
    files = json.loads(row["files"])
    items = [int(i) for i in json.loads(row["purged"])]
    remove_files(archive, files)
    try:
        rewritten = bool(forget_index and forget_index(items))
    except Exception:  # noqa: BLE001 - a damaged or busy index: it is a cache, removed below
        rewritten = False
    if not rewritten:
        drop_index(archive.root)
    for path in auto_copies(archive.root):
        shred(path)
    wiped = rewrite_catalogue(archive)
    if not wiped:
        return False  # another process holds old pages: the next open tries again
    with transaction(archive.conn):
        archive.conn.execute("UPDATE purges SET state = 'done', files = '[]', closed_at ="
                             " COALESCE(closed_at, ?) WHERE id = ?", (utc_now(), purge_id))
    rewrite_catalogue(archive)  # the row just written, out of the WAL too
    return True


def drop_index(root: Path) -> None:
    """Remove the search index (a cache: rebuilt from the catalogue when next needed)."""
    folder = root / "index"
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.is_dir():
            for path in entry.rglob("*"):
                if path.is_file():
                    shred(path)
            shutil.rmtree(entry, ignore_errors=True)
        else:
            shred(entry)


def rewrite_catalogue(archive: ArchiveHandle) -> bool:
    """VACUUM (every page written anew, freed ones gone), then empty the WAL into
    the file and seal its pages again. True when the WAL is empty afterwards."""
    conn = archive.conn
    conn.execute("PRAGMA temp_store = MEMORY")  # VACUUM's copy never goes to a temp file
    conn.execute("PRAGMA secure_delete = ON")
    try:
        conn.execute("VACUUM")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        return False  # another process is writing: the next open rewrites it
    finally:
        conn.execute("PRAGMA secure_delete = OFF")
    return seal.truncate_and_seal(conn, archive.root, archive.root / CATALOGUE)
