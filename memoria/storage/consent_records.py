"""Reading consent records: the rows of `consents` with their items and segments.

Below both the consent store (which writes records) and the consent summary
(which digests them), so neither imports the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from memoria.domain.model import (
    Anonymisation,
    ConsentRecord,
    ConsentStatus,
    Provenance,
    ProvenanceMethod,
    Scope,
)
from memoria.storage.sql import in_chunks

if TYPE_CHECKING:
    from memoria.storage.handle import ArchiveHandle


def has_segment_records(archive: ArchiveHandle, item_id: int) -> bool:
    """True when some consent record of the item covers only some of its segments."""
    row = archive.conn.execute(
        "SELECT 1 FROM consent_items ci JOIN consent_segments cs"
        " ON cs.consent_id = ci.consent_id WHERE ci.item_id = ? LIMIT 1", (item_id,)).fetchone()
    return row is not None


def form_hashes(archive: ArchiveHandle) -> set[str]:
    """The SHA-256 of every signed consent form (files that never leave custody)."""
    return {r[0] for r in archive.conn.execute(
        "SELECT form_sha256 FROM consents WHERE form_sha256 IS NOT NULL")}


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _records(archive: ArchiveHandle, where: str, params: tuple) -> list[ConsentRecord]:
    conn = archive.conn
    rows = conn.execute(f"SELECT * FROM consents {where} ORDER BY id", params).fetchall()
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    items: dict[int, set[int]] = defaultdict(set)
    segs: dict[int, set[int]] = defaultdict(set)
    for in_list, chunk in in_chunks(ids):
        for cid, iid in conn.execute(
            f"SELECT consent_id, item_id FROM consent_items WHERE consent_id IN {in_list}", chunk
        ):
            items[cid].add(iid)
        for cid, sid in conn.execute(
            f"SELECT consent_id, segment_id FROM consent_segments WHERE consent_id IN {in_list}",
            chunk,
        ):
            segs[cid].add(sid)
    return [_row_to_record(r, items[r["id"]], segs[r["id"]]) for r in rows]


def _row_to_record(row, item_ids: set[int], segment_ids: set[int]) -> ConsentRecord:
    return ConsentRecord(
        id=row["id"], person_id=row["person_id"], status=ConsentStatus(row["status"]),
        scopes=frozenset(Scope(s) for s in row["scopes"].split()),
        embargo_until=_date(row["embargo_until"]),
        embargo_reviewed_at=row["embargo_reviewed_at"], review_date=_date(row["review_date"]),
        anonymisation=frozenset(Anonymisation(a) for a in row["anonymisation"].split()),
        pseudonym=row["pseudonym"],
        provenance=Provenance(
            ProvenanceMethod(row["provenance_method"]) if row["provenance_method"] else None,
            row["obtained_by"], _date(row["obtained_at"]), row["witness"],
        ),
        form_sha256=row["form_sha256"], item_ids=frozenset(item_ids),
        segment_ids=frozenset(segment_ids), superseded_by=row["superseded_by"],
    )


def records_where(archive: ArchiveHandle, where: str, params: tuple) -> list[ConsentRecord]:
    """Records selected by a WHERE clause over `consents` (for bulk readers)."""
    return _records(archive, where, params)


def records_for_item(archive: ArchiveHandle, item_id: int) -> list[ConsentRecord]:
    return _records(
        archive, "WHERE id IN (SELECT consent_id FROM consent_items WHERE item_id = ?)", (item_id,)
    )


def records_for_items(archive: ArchiveHandle, item_ids: Iterable[int]
                      ) -> dict[int, list[ConsentRecord]]:
    """``records_for_item`` for many items, a few queries for all of them
    (a search re-checks thousands of hits: one query each took 0.2 s)."""
    wanted = sorted(set(item_ids))
    out: dict[int, list[ConsentRecord]] = {i: [] for i in wanted}
    for in_list, chunk in in_chunks(wanted):
        for record in _records(archive, "WHERE id IN (SELECT consent_id FROM consent_items"
                                        f" WHERE item_id IN {in_list})", tuple(chunk)):
            for item_id in record.item_ids:
                if item_id in out:
                    out[item_id].append(record)
    return out


def records_for_person(archive: ArchiveHandle, person_id: int) -> list[ConsentRecord]:
    return _records(archive, "WHERE person_id = ?", (person_id,))


def all_records(archive: ArchiveHandle) -> list[ConsentRecord]:
    return _records(archive, "", ())
