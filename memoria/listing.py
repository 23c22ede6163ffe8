"""Rows for item lists, fetched a page at a time: no Qt here.

The desktop list holds only ids and asks for the few rows on screen, so a
catalogue of 100,000 items costs one id query at reset, not 100,000 row
reads. Sorting by consent status uses the stored per-item consent summary
(derived from the consent rules by the store), so it is SQL too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from memoria.access import ConsentSnapshot
from memoria.domain.consent import Audience
from memoria.domain.model import Kind
from memoria.storage import items as item_store
from memoria.storage.archive import Archive

# Most restrictive first, so an ascending sort puts what needs attention on top.
STATUS_ORDER = ("withdrawn", "pending", "none", "review", "embargoed", "restricted", "granted")


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


def fetch_rows(archive: Archive, ids: Sequence[int],
               audience: Audience = Audience.CUSTODIAN) -> dict[int, ItemRow]:
    """The rows for `ids` in one query (chunked below SQLite's variable limit); for
    an outside audience the titles are the projection's (protected names replaced)."""
    rows: dict[int, ItemRow] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        marks = ",".join("?" * len(chunk))
        for r in archive.conn.execute(
            "SELECT i.id, i.accession, i.title, i.kind, i.date_edtf,"
            " (SELECT COUNT(*) FROM media_files m WHERE m.item_id = i.id),"
            " (SELECT m.sha256 FROM media_files m WHERE m.item_id = i.id"
            "  ORDER BY m.position, m.id LIMIT 1) AS sha"
            f" FROM items i WHERE i.id IN ({marks})",
            chunk,
        ):
            blob = archive.conn.execute(
                "SELECT path, mime FROM blobs WHERE sha256 = ?", (r[6],)
            ).fetchone() if r[6] else None
            rows[r[0]] = ItemRow(r[0], r[1], r[2], Kind(r[3]), r[4], r[5], r[6],
                                 blob[0] if blob else None, blob[1] if blob else None)
    if audience is not Audience.CUSTODIAN and rows:
        from dataclasses import replace

        from memoria.projection import public_titles

        titles = public_titles(archive, {i: r.title for i, r in rows.items()}, audience)
        rows = {i: replace(r, title=titles[i]) for i, r in rows.items()}
    return rows


def sorted_ids(
    archive: Archive, kind: Kind | None, sort: str, descending: bool,
    snapshot: ConsentSnapshot | None = None,
) -> list[int]:
    """Ids in display order. `sort` is a catalogue column, "media" or "consent"."""
    if sort == "media":
        return media_sorted_ids(archive, kind, descending)
    if sort != "consent":
        return item_store.list_item_ids(archive, kind=kind, sort=sort, descending=descending)
    return consent_sorted_ids(archive, kind, descending, snapshot or ConsentSnapshot(archive))


def consent_sorted_ids(
    archive: Archive, kind: Kind | None, descending: bool, snapshot: ConsentSnapshot
) -> list[int]:
    """Ids by consent badge (most restrictive first), then accession: in SQL over
    the stored consent summary; only when some stored rows do not hold today
    (an embargo ended since) are those few patched and the ids sorted here."""
    rank = "CASE COALESCE(s.status, 'none') " + " ".join(
        f"WHEN '{status}' THEN {n}" for n, status in enumerate(STATUS_ORDER)) + " ELSE 0 END"
    where, params = ("WHERE i.kind = ?", (Kind(kind).value,)) if kind else ("", ())
    select = ("SELECT i.id, COALESCE(s.status, 'none') FROM items i"
              f" LEFT JOIN consent_summary s ON s.item_id = i.id {where} ORDER BY")
    fresh = snapshot.summary.fresh
    if not fresh:
        direction = "DESC" if descending else "ASC"
        return [r[0] for r in archive.conn.execute(
            f"{select} {rank} {direction}, i.kind, i.accession, i.id", params)]
    rows = archive.conn.execute(f"{select} i.kind, i.accession, i.id", params).fetchall()
    order = {status: n for n, status in enumerate(STATUS_ORDER)}
    status = {i: fresh[i].status if i in fresh else st for i, st in rows}
    return sorted((r[0] for r in rows), key=lambda i: order.get(status[i], 0),
                  reverse=descending)


def media_sorted_ids(archive: Archive, kind: Kind | None, descending: bool) -> list[int]:
    """Ids by number of media files, in SQL (the count is not a column)."""
    direction = "DESC" if descending else "ASC"
    where, params = ("WHERE i.kind = ?", (Kind(kind).value,)) if kind else ("", ())
    rows = archive.conn.execute(
        "SELECT i.id FROM items i LEFT JOIN (SELECT item_id, COUNT(*) AS n FROM media_files"
        f" GROUP BY item_id) m ON m.item_id = i.id {where}"
        f" ORDER BY COALESCE(m.n, 0) {direction}, i.kind, i.accession", params,
    )
    return [r[0] for r in rows]


def sort_by_status(ids: Iterable[int], snapshot: ConsentSnapshot, descending: bool) -> list[int]:
    """A stable sort of ids by consent badge (most restrictive first)."""
    rank = {status: n for n, status in enumerate(STATUS_ORDER)}
    return sorted(ids, key=lambda i: rank.get(snapshot.status(i), 0), reverse=descending)


def restrict(ordered: Iterable[int], allowed: set[int] | None) -> list[int]:
    """Keep the display order, drop what the audience or a queue excludes."""
    if allowed is None:
        return list(ordered)
    return [i for i in ordered if i in allowed]
