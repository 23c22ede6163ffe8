"""The SQL behind item lists: a page of rows, ids in a sort order the catalogue keeps.

`memoria.listing` decides what to ask for (and patches the few consent rows
that changed meaning since they were stored); the queries live here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from memoria.domain.model import Kind
from memoria.storage.sql import in_chunks

if TYPE_CHECKING:
    from memoria.storage.archive import Archive


@dataclass(frozen=True)
class ItemRow:
    """What one list row shows; raw values, formatted by the view."""

    id: int
    accession: str
    title: str
    kind: Kind
    date_edtf: str | None
    media_count: int
    first_sha256: str | None  # the first media file, for a thumbnail
    first_path: str | None  # relative to the archive folder
    first_mime: str | None


def item_rows(archive: Archive, ids: Sequence[int]) -> dict[int, ItemRow]:
    """The list rows of `ids` (any order; chunked below SQLite's parameter limit)."""
    rows: dict[int, ItemRow] = {}
    for in_list, chunk in in_chunks(ids, 500):
        for r in archive.conn.execute(
            "SELECT i.id, i.accession, i.title, i.kind, i.date_edtf,"
            " (SELECT COUNT(*) FROM media_files m WHERE m.item_id = i.id),"
            " (SELECT m.sha256 FROM media_files m WHERE m.item_id = i.id"
            "  ORDER BY m.position, m.id LIMIT 1) AS sha"
            f" FROM items i WHERE i.id IN {in_list}",
            chunk,
        ):
            blob = archive.conn.execute(
                "SELECT path, mime FROM blobs WHERE sha256 = ?", (r[6],)
            ).fetchone() if r[6] else None
            rows[r[0]] = ItemRow(r[0], r[1], r[2], Kind(r[3]), r[4], r[5], r[6],
                                 blob[0] if blob else None, blob[1] if blob else None)
    return rows


_LIVE = "i.id NOT IN (SELECT item_id FROM trash)"  # not in the trash (storage/trash.py)


def _kind_filter(kind: Kind | None) -> tuple[str, tuple[str, ...]]:
    """Live items (of one kind)."""
    return (f"WHERE {_LIVE} AND i.kind = ?", (Kind(kind).value,)) if kind else (
        f"WHERE {_LIVE}", ())


_WITH_STATUS = ("SELECT i.id, COALESCE(s.status, 'none') FROM items i"
                " LEFT JOIN consent_summary s ON s.item_id = i.id")


def ids_by_consent_status(archive: Archive, kind: Kind | None, order: Sequence[str],
                          descending: bool) -> list[int]:
    """Item ids by stored consent badge, ranked as in `order`, then kind and accession."""
    rank = "CASE COALESCE(s.status, 'none') " + " ".join(
        f"WHEN ? THEN {n:d}" for n in range(len(order))) + " ELSE 0 END"
    where, params = _kind_filter(kind)
    direction = "DESC" if descending else "ASC"
    return [r[0] for r in archive.conn.execute(
        f"{_WITH_STATUS} {where} ORDER BY {rank} {direction}, i.kind, i.accession, i.id",
        (*params, *order))]


def consent_statuses_in_order(archive: Archive, kind: Kind | None) -> list[tuple[int, str]]:
    """(item id, stored consent badge) in kind and accession order."""
    where, params = _kind_filter(kind)
    return [(r[0], r[1]) for r in archive.conn.execute(
        f"{_WITH_STATUS} {where} ORDER BY i.kind, i.accession, i.id", params)]


def ids_by_media_count(archive: Archive, kind: Kind | None, descending: bool) -> list[int]:
    """Item ids by number of media files (the count is not a column), then accession."""
    direction = "DESC" if descending else "ASC"
    where, params = _kind_filter(kind)
    rows = archive.conn.execute(
        "SELECT i.id FROM items i LEFT JOIN (SELECT item_id, COUNT(*) AS n FROM media_files"
        f" GROUP BY item_id) m ON m.item_id = i.id {where}"
        f" ORDER BY COALESCE(m.n, 0) {direction}, i.kind, i.accession", params,
    )
    return [r[0] for r in rows]
