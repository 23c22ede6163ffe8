"""The trash (table `trash`, migration 0013): items a custodian removed, restorable.

An item in the trash is still in the catalogue, with everything it links to,
but it has left every path out: `memoria.storage.items` lists live items only
(`items.LIVE`), the consent summary's lists and counts leave it out, and the
projection (memoria.projection.project) and the consent gate (memoria.access)
refuse it with Refusal.IN_TRASH, for custodians too. The search index forgets
it through the change feed (its documents are empty while it is trashed).

Emptying the trash is a recorded deletion from the live archive, not a purge
(memoria.storage.purge_apply, which is for a person's request to be
forgotten and leaves only a tombstone): the audit log keeps what was deleted
(accession, kind, title, files) and by whom. In one transaction the items'
rows go (their dependent rows by cascade, their exhibit entries), and the
originals no other item or consent form references leave `blobs` and are
listed in `trash_wipe`; after the commit their files and derived files are
removed through the purge's own file removal (purge_wipe.remove_files), and
a kill meanwhile is finished at the next writable open (`finish_wipe`).
Backups and the automatic catalogue copies are not touched: they keep the
items until their generations expire.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from memoria.storage import driver as sqlite3
from memoria.storage.db import transaction, utc_now
from memoria.storage.sql import in_chunks

if TYPE_CHECKING:
    from memoria.storage.handle import ArchiveHandle

@dataclass(frozen=True)
class TrashEntry:
    """One item in the trash, as the trash view and `memoria trash --list` show it."""

    id: int
    accession: str
    kind: str
    title: str
    trashed_at: str
    trashed_by: str


def trashed_ids(archive: ArchiveHandle) -> set[int]:
    """Every item in the trash (a small table: read whole)."""
    try:
        return {int(r[0]) for r in archive.conn.execute("SELECT item_id FROM trash")}
    except sqlite3.OperationalError as exc:
        _no_trash_table(exc)
        return set()


def trashed_among(archive: ArchiveHandle, item_ids: Iterable[int]) -> set[int]:
    """Those of `item_ids` that are in the trash."""
    found: set[int] = set()
    try:
        for in_list, chunk in in_chunks(sorted(set(item_ids))):
            found |= {int(r[0]) for r in archive.conn.execute(
                f"SELECT item_id FROM trash WHERE item_id IN {in_list}", chunk)}
    except sqlite3.OperationalError as exc:
        _no_trash_table(exc)
        return set()
    return found


def _no_trash_table(exc: Exception) -> None:
    """Only an older catalogue opened read-only (no trash table yet) means
    "nothing in the trash"; anything else (a busy or damaged catalogue) is
    raised: trash refuses items to every audience, so it must not fail open."""
    if "no such table" not in str(exc):
        raise exc


def is_trashed(archive: ArchiveHandle, item_id: int) -> bool:
    return bool(trashed_among(archive, [item_id]))


def count(archive: ArchiveHandle) -> int:
    try:
        return int(archive.conn.execute("SELECT COUNT(*) FROM trash").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def entries(archive: ArchiveHandle) -> list[TrashEntry]:
    """The trash, most recently trashed first."""
    try:
        rows = archive.conn.execute(
            "SELECT i.id, i.accession, i.kind, i.title, t.trashed_at, t.trashed_by FROM trash t"
            " JOIN items i ON i.id = t.item_id ORDER BY t.trashed_at DESC, i.kind, i.accession"
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    return [TrashEntry(int(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]


def put(archive: ArchiveHandle, item_ids: Iterable[int]) -> list[int]:
    """Move items to the trash (inside the caller's transaction); the ids moved."""
    moved = []
    now = utc_now()
    for item_id in sorted(set(item_ids)):
        row = archive.conn.execute("SELECT accession, title FROM items WHERE id = ?",
                                   (item_id,)).fetchone()
        if row is None or is_trashed(archive, item_id):
            continue
        archive.conn.execute("INSERT INTO trash (item_id, trashed_at, trashed_by)"
                             " VALUES (?, ?, ?)", (item_id, now, archive.actor))
        archive.audit("item", item_id, "trash", {"accession": row[0]}, item_id=item_id)
        archive.touch(item_id, "items")
        moved.append(item_id)
    return moved


def take_out(archive: ArchiveHandle, item_ids: Iterable[int]) -> list[int]:
    """Restore items from the trash (inside the caller's transaction); the ids restored."""
    restored = []
    for item_id in sorted(set(item_ids)):
        row = archive.conn.execute(
            "SELECT i.accession FROM trash t JOIN items i ON i.id = t.item_id"
            " WHERE t.item_id = ?", (item_id,)).fetchone()
        if row is None:
            continue
        archive.conn.execute("DELETE FROM trash WHERE item_id = ?", (item_id,))
        archive.audit("item", item_id, "restore", {"accession": row[0]}, item_id=item_id)
        archive.touch(item_id, "items")
        restored.append(item_id)
    return restored


def plan(archive: ArchiveHandle, item_ids: Iterable[int] | None = None
         ) -> tuple[list[int], list[tuple[str, str]]]:
    """What emptying the trash (or those of `item_ids` in it) deletes: the trashed
    item ids, and (sha256, path) of the originals no other item or consent form uses
    (the purge's rule, memoria.storage.purges)."""
    from memoria.storage.purges import _blobs_left_alone

    wanted = trashed_ids(archive) if item_ids is None else trashed_among(archive, item_ids)
    ids = sorted(wanted)
    return ids, (_blobs_left_alone(archive, ids, [])[0] if ids else [])


def delete(archive: ArchiveHandle, item_ids: Iterable[int] | None = None) -> tuple[list[int], int]:
    """The catalogue part of emptying the trash (inside the caller's transaction):
    delete the trashed items among `item_ids` (all of the trash when None) with
    their dependent rows, list the originals nothing else references in
    `trash_wipe`. Returns (the ids deleted, how many originals)."""
    q = archive.conn.execute
    ids, blobs = plan(archive, item_ids)
    if not ids:
        return [], 0
    rows: dict[int, tuple[str, str, str, str, str]] = {}
    files: dict[int, list[str]] = {}
    for in_list, chunk in in_chunks(ids):
        for r in q("SELECT i.id, i.accession, i.kind, i.title, t.trashed_at, t.trashed_by"
                   f" FROM items i JOIN trash t ON t.item_id = i.id WHERE i.id IN {in_list}",
                   chunk):
            rows[int(r[0])] = (r[1], r[2], r[3], r[4], r[5])
        for item_id, name, sha in q(f"SELECT item_id, original_name, sha256 FROM media_files"
                                    f" WHERE item_id IN {in_list} ORDER BY position, id", chunk):
            files.setdefault(int(item_id), []).append(f"{name} ({sha[:12]})")
    for item_id in ids:
        accession, kind, title, trashed_at, trashed_by = rows[item_id]
        archive.audit("item", item_id, "delete", {
            "accession": accession, "kind": kind, "title": title, "trashed_at": trashed_at,
            "trashed_by": trashed_by, "files": files.get(item_id, []), "via": "empty_trash"},
            item_id=item_id)
    for in_list, chunk in in_chunks(ids):
        q(f"DELETE FROM exhibit_entries WHERE item_id IN {in_list}", chunk)
        q(f"DELETE FROM items WHERE id IN {in_list}", chunk)  # cascades, the trash row too
    for sha, path in blobs:
        q("DELETE FROM photo_blur_regions WHERE sha256 = ?", (sha,))
        q("DELETE FROM blobs WHERE sha256 = ?", (sha,))
        q("INSERT OR REPLACE INTO trash_wipe (sha256, path) VALUES (?, ?)", (sha, path))
    archive.audit("trash", None, "empty", {"items": len(ids), "originals": len(blobs)})
    for item_id in ids:
        archive.touch(item_id, "items")
    return ids, len(blobs)


def pending_files(archive: ArchiveHandle) -> list[tuple[str, str]]:
    """(sha256, relative path) of originals deleted from the catalogue whose files
    are still to be removed."""
    try:
        return [(r[0], r[1]) for r in archive.conn.execute(
            "SELECT sha256, path FROM trash_wipe ORDER BY path")]
    except sqlite3.DatabaseError:  # no such table yet, or a damaged catalogue verify reports
        return []


def finish_wipe(archive: ArchiveHandle) -> int:
    """Remove the files `delete` listed (idempotent; Archive.open resumes it). A file
    whose bytes were imported again meanwhile (a `blobs` row is back) is kept.
    Returns how many files are still listed afterwards (0: done)."""
    from memoria.storage.purge_wipe import remove_files

    for sha, path in pending_files(archive):
        with transaction(archive.conn):  # the write lock: no import records these bytes now
            back = archive.conn.execute("SELECT 1 FROM blobs WHERE sha256 = ?",
                                        (sha,)).fetchone()
            if back is None:
                remove_files(archive, [{"sha256": sha, "path": path}])
            archive.conn.execute("DELETE FROM trash_wipe WHERE sha256 = ?", (sha,))
    return len(pending_files(archive))
