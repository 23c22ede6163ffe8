"""Rows for item lists, fetched a page at a time: no Qt here.

The desktop list holds only ids and asks for the few rows on screen, so a
catalogue of 100,000 items costs one id query at reset, not 100,000 row
reads. Sorting by consent status uses the stored per-item consent summary
(derived from the consent rules by the store), so it is SQL too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from memoria.access import ConsentSnapshot
from memoria.domain.consent import Audience, Badge
from memoria.domain.model import Kind
from memoria.storage import item_lists
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.storage.item_lists import ItemRow

__all__ = ["STATUS_ORDER", "ItemRow", "consent_sorted_ids", "fetch_rows", "media_sorted_ids",
           "restrict", "sort_by_status", "sorted_ids"]

# Most restrictive first, so an ascending sort puts what needs attention on top.
STATUS_ORDER = tuple(b.value for b in Badge)


def fetch_rows(archive: Archive, ids: Sequence[int],
               audience: Audience = Audience.CUSTODIAN) -> dict[int, ItemRow]:
    """The rows for `ids`, a few queries for all of them; for an outside audience
    the titles are the projection's (protected names replaced)."""
    rows = item_lists.item_rows(archive, ids)
    if audience is not Audience.CUSTODIAN and rows:
        from dataclasses import replace

        from memoria.projection import public_titles

        titles = public_titles(archive, {i: r.title for i, r in rows.items()}, audience)
        rows = {i: replace(r, title=titles[i]) for i, r in rows.items()}
    return rows


def sorted_ids(
    archive: Archive, kind: Kind | None, sort: str, descending: bool,
    snapshot: ConsentSnapshot | None = None, trash: bool = False,
) -> list[int]:
    """Live ids in display order. `sort` is a catalogue column, "media" or "consent";
    with `trash`, the items in the trash (the custodian's trash view), by accession
    when the sort is not a catalogue column."""
    if trash:
        column = sort if sort in item_store.SORT_COLUMNS else "accession"
        return item_store.list_item_ids(archive, kind=kind, sort=column,
                                        descending=descending, trash=True)
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
    fresh = snapshot.summary.fresh
    if not fresh:
        return item_lists.ids_by_consent_status(archive, kind, STATUS_ORDER, descending)
    rows = item_lists.consent_statuses_in_order(archive, kind)
    order = {status: n for n, status in enumerate(STATUS_ORDER)}
    status = {i: fresh[i].status if i in fresh else st for i, st in rows}
    return sorted((r[0] for r in rows), key=lambda i: order.get(status[i], 0),
                  reverse=descending)


def media_sorted_ids(archive: Archive, kind: Kind | None, descending: bool) -> list[int]:
    """Ids by number of media files, in SQL (the count is not a column)."""
    return item_lists.ids_by_media_count(archive, kind, descending)


def sort_by_status(ids: Iterable[int], snapshot: ConsentSnapshot, descending: bool) -> list[int]:
    """A stable sort of ids by consent badge (most restrictive first)."""
    rank = {status: n for n, status in enumerate(STATUS_ORDER)}
    return sorted(ids, key=lambda i: rank.get(snapshot.status(i), 0), reverse=descending)


def restrict(ordered: Iterable[int], allowed: set[int] | None) -> list[int]:
    """Keep the display order, drop what the audience or a queue excludes."""
    if allowed is None:
        return list(ordered)
    return [i for i in ordered if i in allowed]
