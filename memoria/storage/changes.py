"""The change feed: read what changed since a generation, in this or any process.

Rows are written by `Archive.touch` inside each writing transaction, so a
reader sees a change exactly when it is committed, never before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from memoria.domain.changes import NO_ITEM_KINDS, ChangeKind, Changes
from memoria.storage.db import utc_now

if TYPE_CHECKING:
    from memoria.storage import driver as sqlite3
    from memoria.storage.archive import Archive


def append_change(conn: sqlite3.Connection, item_id: int | None, kind: str) -> None:
    """One row of the feed, in the caller's writing transaction on `conn` (the
    register of copies' own connection; `Archive.touch` writes the same row on the
    archive's)."""
    conn.execute("INSERT INTO changes (item_id, kind, at) VALUES (?, ?, ?)",
                 (item_id, str(kind), utc_now()))


def latest_generation(archive: Archive) -> int:
    """The newest change's number (0 for a catalogue never changed)."""
    row = archive.conn.execute("SELECT MAX(generation) FROM changes").fetchone()
    return int(row[0] or 0)


def changes_since(archive: Archive, generation: int, upto: int | None = None) -> Changes:
    """Everything changed after `generation` (up to `upto` included, if given)."""
    sql = "SELECT item_id, kind FROM changes WHERE generation > ?"
    params: tuple[int, ...] = (generation,)
    if upto is not None:
        sql += " AND generation <= ?"
        params = (generation, upto)
    items: set[int] = set()
    kinds: set[ChangeKind] = set()
    everything = False
    for item_id, kind in archive.conn.execute(sql, params):
        try:
            kinds.add(ChangeKind(kind))
        except ValueError:  # a kind written by a newer Memoria: assume the worst
            everything = True
        if item_id is None:
            # Exhibit-wide changes, the register of copies and saved searches name no
            # item; anything else without one may touch any.
            everything = everything or kind not in NO_ITEM_KINDS
        else:
            items.add(int(item_id))
    return Changes(frozenset(items), frozenset(kinds), everything)


def stale_item_ids(archive: Archive, generation: int) -> set[int]:
    """Items changed after `generation` (what an index built at it must redo)."""
    rows = archive.conn.execute(
        "SELECT DISTINCT item_id FROM changes WHERE generation > ? AND item_id IS NOT NULL",
        (max(generation, 0),))
    return {int(r[0]) for r in rows}
