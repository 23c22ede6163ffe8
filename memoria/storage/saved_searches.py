"""Saved searches in the catalogue: save, list, delete (migration 0004).

A saved search belongs to an audience: opening it searches as that audience,
so a researcher's saved search can never show more than a researcher may
see, even when a custodian opens it. Saving under an existing name for the
same audience replaces it (what people expect of "Save").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from memoria.domain.consent import Audience
from memoria.storage.archive import Archive, utc_now
from memoria.storage.db import transaction

__all__ = ["SavedSearch", "SavedSearchError", "delete", "get", "list_saved", "save"]

SORTS = ("relevance", "date", "accession")


class SavedSearchError(ValueError):
    """A saved search that cannot be stored as given (message for a person)."""


@dataclass(frozen=True)
class SavedSearch:
    id: int
    name: str
    query: str
    audience: Audience
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    created_at: str = ""
    updated_at: str = ""


def _row(row) -> SavedSearch:  # noqa: ANN001 - sqlite3.Row
    return SavedSearch(row["id"], row["name"], row["query"], Audience(row["audience"]),
                       json.loads(row["filters"]), row["sort"], row["created_at"],
                       row["updated_at"])


def save(archive: Archive, name: str, query: str, audience: Audience,
         filters: dict | None = None, sort: str = "relevance") -> int:
    """Store (or replace, same name and audience) a search; returns its id."""
    name = name.strip()
    if not name:
        raise SavedSearchError("A saved search needs a name.")
    if sort not in SORTS:
        raise SavedSearchError(f"Unknown sort '{sort}' (relevance, date, accession).")
    try:
        filters_json = json.dumps(filters or {}, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError) as exc:
        raise SavedSearchError(f"The filters cannot be saved: {exc}") from exc
    now = utc_now()
    with transaction(archive.conn):
        archive.conn.execute(
            "INSERT INTO saved_searches (name, query, filters, audience, sort, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (name, audience) DO UPDATE SET query = excluded.query,"
            " filters = excluded.filters, sort = excluded.sort,"
            " updated_at = excluded.updated_at",
            (name, query, filters_json, Audience(audience).value, sort, now, now))
        row = archive.conn.execute(
            "SELECT id FROM saved_searches WHERE name = ? AND audience = ?",
            (name, Audience(audience).value)).fetchone()
        archive.audit("saved_search", row[0], "save",
                      {"name": name, "query": query, "audience": Audience(audience).value})
        archive.touch(None, "searches")  # other windows' sidebars follow the feed
    return int(row[0])


def list_saved(archive: Archive, audience: Audience | None = None) -> list[SavedSearch]:
    """Saved searches, by name; only one audience's when ``audience`` is given."""
    if audience is None:
        rows = archive.conn.execute("SELECT * FROM saved_searches ORDER BY name, audience")
    else:
        rows = archive.conn.execute(
            "SELECT * FROM saved_searches WHERE audience = ? ORDER BY name",
            (Audience(audience).value,))
    return [_row(r) for r in rows]


def get(archive: Archive, saved_id: int) -> SavedSearch:
    row = archive.conn.execute("SELECT * FROM saved_searches WHERE id = ?",
                               (saved_id,)).fetchone()
    if row is None:
        raise SavedSearchError(f"There is no saved search {saved_id}.")
    return _row(row)


def delete(archive: Archive, saved_id: int) -> None:
    """Delete one saved search (recorded in the audit log)."""
    with transaction(archive.conn):
        cur = archive.conn.execute("DELETE FROM saved_searches WHERE id = ?", (saved_id,))
        if cur.rowcount == 0:
            raise SavedSearchError(f"There is no saved search {saved_id}.")
        archive.audit("saved_search", saved_id, "delete", {})
        archive.touch(None, "searches")
