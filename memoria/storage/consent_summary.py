"""The stored per-item consent summary: what `decide` and `badge` say, per item.

Why: at 100,000 items, deciding every item in Python on each list reset,
audience switch and count took seconds on the GUI thread. The summary is
derived from the rules in memoria.domain.consent (never a second copy of
them): the store recomputes an item's row inside the same transaction as
every consent change, and each row records the days over which it holds
(today enters the rules only through embargo end dates), so a reader on a
later day recomputes in Python just the few rows whose embargo ended since.

An item without a row has no applicable consent record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from memoria.domain.consent import (
    Audience,
    applicable_to_item,
    badge,
    decide,
    stable_between,
)
from memoria.domain.model import ConsentRecord
from memoria.storage import consent_records
from memoria.storage.sql import in_chunks, marks
from memoria.storage.trash import trashed_ids

if TYPE_CHECKING:
    from memoria.storage.handle import ArchiveHandle

AUDIENCES = (Audience.CURATOR, Audience.RESEARCHER, Audience.PUBLIC)
COLUMN = {Audience.CURATOR: "curator", Audience.RESEARCHER: "researcher",
          Audience.PUBLIC: "public"}
BUILT = "consent_summary.built"
_SINGLE_LOOKUPS = 2000  # then SummaryReader.status reads every badge in one query


@dataclass(frozen=True)
class Summary:
    item_id: int
    status: str
    allowed: dict[Audience, bool]
    valid_from: date | None
    valid_until: date | None


def summarise(item_id: int, records: Iterable[ConsentRecord], today: date) -> Summary:
    """One item's summary from its consent records, by the rules themselves."""
    applicable = applicable_to_item(records, item_id)
    valid_from, valid_until = stable_between(applicable, today)
    return Summary(
        item_id, badge(applicable, today),
        {a: decide(a, applicable, today).allowed for a in AUDIENCES}, valid_from, valid_until,
    )


def no_consent_allowed(audience: Audience, today: date) -> bool:
    """What the rules say for an item with no row (no applicable record)."""
    return decide(audience, (), today).allowed


def _records_by_item(archive: ArchiveHandle, item_ids: Sequence[int] | None) -> dict[int, list]:
    by_item: dict[int, list[ConsentRecord]] = defaultdict(list)
    if item_ids is None:
        records = consent_records.all_records(archive)
    else:
        records = []
        seen: set[int] = set()
        for in_list, chunk in in_chunks(item_ids):
            for record in consent_records.records_where(
                archive, f"WHERE id IN (SELECT consent_id FROM consent_items"
                f" WHERE item_id IN {in_list})", tuple(chunk),
            ):
                if record.id not in seen:
                    seen.add(record.id)
                    records.append(record)
    for record in records:
        for item_id in record.item_ids:
            by_item[item_id].append(record)
    return by_item


def compute(archive: ArchiveHandle, item_ids: Sequence[int], today: date) -> dict[int, Summary]:
    """Summaries for these items, computed now (nothing is written)."""
    by_item = _records_by_item(archive, item_ids)
    return {i: summarise(i, by_item.get(i, ()), today) for i in item_ids}


def refresh_items(archive: ArchiveHandle, item_ids: Iterable[int]) -> None:
    """Recompute and store these items' rows; call inside the consent change's
    transaction so the summary never disagrees with the records."""
    ids = sorted(set(item_ids))
    if ids:
        _write(archive, compute(archive, ids, archive.today()).values(), ids)


def refresh_all(archive: ArchiveHandle) -> None:
    """Rebuild every row (after the migration, or to repair)."""
    from memoria.storage.db import transaction

    today = archive.today()
    by_item = _records_by_item(archive, None)
    with transaction(archive.conn):
        archive.conn.execute("DELETE FROM consent_summary")
        _write(archive, (summarise(i, recs, today) for i, recs in by_item.items()), ())
        archive.conn.execute("UPDATE settings SET value = '1' WHERE key = ?", (BUILT,))


def _write(archive: ArchiveHandle, summaries: Iterable[Summary], ids: Sequence[int]) -> None:
    conn = archive.conn
    for in_list, chunk in in_chunks(ids):
        conn.execute(f"DELETE FROM consent_summary WHERE item_id IN {in_list}", chunk)
    conn.executemany(
        "INSERT INTO consent_summary (item_id, status, curator, researcher, public,"
        " valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (s.item_id, s.status, *(int(s.allowed[a]) for a in AUDIENCES),
             s.valid_from.isoformat() if s.valid_from else None,
             s.valid_until.isoformat() if s.valid_until else None)
            for s in summaries if s.status != "none"
        ],
    )


def is_built(archive: ArchiveHandle) -> bool:
    row = archive.conn.execute("SELECT value FROM settings WHERE key = ?", (BUILT,)).fetchone()
    return row is not None and row[0] == "1"


def stale_ids(archive: ArchiveHandle, today: date) -> list[int]:
    """Items whose stored row does not hold on `today` (an embargo ended since,
    or a test or review tool looks at an earlier day)."""
    if not is_built(archive):
        return [r[0] for r in archive.conn.execute(
            "SELECT DISTINCT item_id FROM consent_items ORDER BY item_id")]
    day = today.isoformat()
    return [r[0] for r in archive.conn.execute(
        "SELECT item_id FROM consent_summary WHERE valid_until <= ?"
        " UNION SELECT item_id FROM consent_summary WHERE valid_from > ?", (day, day))]


def ensure(archive: ArchiveHandle) -> None:
    """On a writable open: build the summary if missing, refresh rows past their date."""
    from memoria.storage.db import transaction

    if not is_built(archive):
        refresh_all(archive)
        return
    stale = stale_ids(archive, archive.today())
    if stale:
        with transaction(archive.conn):
            refresh_items(archive, stale)


_LIVE = "i.id NOT IN (SELECT item_id FROM trash)"  # not in the trash (storage/trash.py)


class SummaryReader:
    """Reads the summary for one day, with stale rows recomputed in Python.

    Holds the few recomputed rows, so reads stay consistent for that day.
    """

    def __init__(self, archive: ArchiveHandle, today: date | None = None) -> None:
        self.archive = archive
        self.today = today or archive.today()
        self.fresh = compute(archive, stale_ids(archive, self.today), self.today)
        # Items in the trash have left every list and count (memoria.storage.trash).
        self.trashed = trashed_ids(archive)
        self._asked = 0
        self._all: dict[int, str] | None = None

    def status(self, item_id: int) -> str:
        if item_id in self.fresh:
            return self.fresh[item_id].status
        if self._all is None:
            self._asked += 1
            if self._asked <= _SINGLE_LOOKUPS:
                row = self.archive.conn.execute(
                    "SELECT status FROM consent_summary WHERE item_id = ?", (item_id,)).fetchone()
                return row[0] if row else "none"
            # A caller going through many items (facets, exports): read them all once.
            self._all = dict(self.archive.conn.execute(
                "SELECT item_id, status FROM consent_summary").fetchall())
        return self._all.get(item_id, "none")

    def statuses(self, item_ids: Sequence[int]) -> dict[int, str]:
        out = dict.fromkeys(item_ids, "none")
        for in_list, chunk in in_chunks(item_ids):
            out.update(self.archive.conn.execute(
                f"SELECT item_id, status FROM consent_summary WHERE item_id IN {in_list}",
                chunk).fetchall())
        for item_id in item_ids:
            if item_id in self.fresh:
                out[item_id] = self.fresh[item_id].status
        return out

    def visible_ids(self, audience: Audience) -> set[int]:
        """Ids this audience may see (default scope), in SQL plus the fresh rows."""
        column = COLUMN[audience]
        if no_consent_allowed(audience, self.today):
            sql = ("SELECT i.id FROM items i LEFT JOIN consent_summary s ON s.item_id = i.id"
                   f" WHERE COALESCE(s.{column}, 1) = 1")
        else:
            sql = f"SELECT item_id FROM consent_summary WHERE {column} = 1"
        ids = {r[0] for r in self.archive.conn.execute(sql)}
        for item_id, summary in self.fresh.items():
            if summary.allowed[audience]:
                ids.add(item_id)
            else:
                ids.discard(item_id)
        return ids - self.trashed

    def visible_counts(self, audience: Audience) -> dict[str, int]:
        """Visible items per kind, counted in SQL (fresh rows adjusted)."""
        column = COLUMN[audience]
        if no_consent_allowed(audience, self.today):
            sql = ("SELECT i.kind, COUNT(*) FROM items i LEFT JOIN consent_summary s"
                   f" ON s.item_id = i.id WHERE COALESCE(s.{column}, 1) = 1 AND {_LIVE}"
                   " GROUP BY i.kind")
        else:
            sql = ("SELECT i.kind, COUNT(*) FROM consent_summary s JOIN items i"
                   f" ON i.id = s.item_id WHERE s.{column} = 1 AND {_LIVE} GROUP BY i.kind")
        counts: dict[str, int] = dict(self.archive.conn.execute(sql).fetchall())
        if self.fresh:
            stored = self._stored(list(self.fresh))
            for item_id, summary in self.fresh.items():
                if item_id in self.trashed:
                    continue
                kind, row = stored[item_id]
                before = bool(row[column]) if row is not None else no_consent_allowed(
                    audience, self.today)
                counts[kind] = counts.get(kind, 0) + int(summary.allowed[audience]) - int(before)
        return counts

    def status_counts(self) -> dict[str, int]:
        """Items per badge, counted in SQL (fresh rows adjusted)."""
        counts: dict[str, int] = dict(self.archive.conn.execute(
            "SELECT status, COUNT(*) FROM consent_summary WHERE item_id NOT IN"
            " (SELECT item_id FROM trash) GROUP BY status").fetchall())
        # Every summary row is an item (the key references items), so "none" is the rest.
        counts["none"] = self.archive.conn.execute(
            f"SELECT (SELECT COUNT(*) FROM items i WHERE {_LIVE}) - (SELECT COUNT(*) FROM"
            " consent_summary WHERE item_id NOT IN (SELECT item_id FROM trash))"
        ).fetchone()[0]
        if self.fresh:
            stored = self._stored(list(self.fresh))
            for item_id, summary in self.fresh.items():
                if item_id in self.trashed:
                    continue
                row = stored[item_id][1]
                before = row["status"] if row is not None else "none"
                counts[before] = counts.get(before, 0) - 1
                counts[summary.status] = counts.get(summary.status, 0) + 1
        return counts

    def _stored(self, item_ids: list[int]) -> dict[int, tuple[str, object]]:
        out: dict[int, tuple[str, object]] = {}
        for in_list, chunk in in_chunks(item_ids):
            for row in self.archive.conn.execute(
                "SELECT i.id, i.kind, s.* FROM items i LEFT JOIN consent_summary s"
                f" ON s.item_id = i.id WHERE i.id IN {in_list}", chunk,
            ):
                out[row[0]] = (row[1], row if row["item_id"] is not None else None)
        return out

    def ids_with_status(self, statuses: set[str]) -> set[int]:
        """Items whose badge is one of `statuses` ("none" means no row)."""
        found: set[int] = set()
        named = sorted(statuses - {"none"})
        if named:
            found = {r[0] for r in self.archive.conn.execute(
                f"SELECT item_id FROM consent_summary WHERE status IN ({marks(len(named))})",
                named)}
        if "none" in statuses:
            found |= {r[0] for r in self.archive.conn.execute(
                "SELECT id FROM items WHERE id NOT IN (SELECT item_id FROM consent_summary)")}
        for item_id, summary in self.fresh.items():
            if summary.status in statuses:
                found.add(item_id)
            else:
                found.discard(item_id)
        return found - self.trashed
