"""Facet values: counting them for a result set, and filtering by them.

Counts are read from each document's ``facets`` column, which holds what
that document's audiences may see (the people are pseudonyms in a
researcher's document), so facet counts obey consent exactly as results do.
Consent status is a custodian-only facet computed from the catalogue at
query time (an embargo ends by the calendar, not by an edit).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from memoria.access import ConsentSnapshot
from memoria.domain.consent import Audience
from memoria.search.analysis import search_fold

__all__ = ["FACETS", "FilterError", "compact_facets", "count_facets", "filter_tests"]

#: Facet names, in display order; "consent" only for custodians.
FACETS = ("kind", "place", "subject", "person", "language", "decade", "consent")


class FilterError(ValueError):
    """A filter name or value the engine does not accept (a caller's mistake)."""


def count_facets(docs: list[dict], snapshot: ConsentSnapshot | None,
                 top: int | None = None) -> dict[str, list[tuple[str, int]]]:
    """Items per value for each facet; ``snapshot`` given: add consent (custodian)."""
    counts: dict[str, Counter] = {name: Counter() for name in FACETS}
    for f in docs:
        counts["kind"][f["kind"]] += 1
        counts["decade"].update([str(f["decade"])] if f["decade"] else [])
        counts["language"].update(set(f["languages"]))
        counts["place"].update(set(f["places"]))
        counts["subject"].update(set(f["subjects"]))
        counts["person"].update(set(f["people"]))
    if snapshot is not None:
        counts["consent"].update(snapshot.status(f["item_id"]) for f in docs)
    else:
        del counts["consent"]
    return {name: sorted(c.items(), key=lambda kv: (-kv[1], search_fold(kv[0])))[:top]
            for name, c in counts.items()}


def filter_tests(audience: Audience, filters: Mapping,
                 snapshot: Callable[[], ConsentSnapshot]) -> list[Callable[[dict], bool]]:
    """One test per filter over a document's facet dict; all must pass."""
    tests: list[Callable[[dict], bool]] = []
    keys = {"kind": "kind", "language": "languages", "decade": "decade",
            "place": "places", "subject": "subjects", "person": "people"}
    for name, value in filters.items():
        if value is None or value == "" or value == []:
            continue
        wanted = {str(v) for v in (value if isinstance(value, (list, tuple, set))
                                   else [value])}
        if name == "consent":
            if audience is not Audience.CUSTODIAN:
                raise FilterError("only custodians may filter by consent status")
            snap = snapshot()
            tests.append(lambda f, w=wanted, snap=snap: snap.status(f["item_id"]) in w)
        elif name in keys:
            key = keys[name]
            folded = {search_fold(v) for v in wanted}
            tests.append(lambda f, k=key, w=folded: _matches(f.get(k), w))
        else:
            raise FilterError(f"unknown filter {name!r} (one of {', '.join(FACETS)})")
    return tests


def _matches(value: Any, wanted: set[str]) -> bool:
    if isinstance(value, (list, tuple)):
        return any(search_fold(str(v)) in wanted for v in value)
    return value is not None and search_fold(str(value)) in wanted


def compact_facets(facets: dict, item_id: int, shared: dict[Any, Any]) -> dict:
    """One document's facet dict with its keys and repeated values shared.

    Each document's dict is its own pickle, so every key and every place,
    subject and language list arrived as new objects: 200 MB for 100,000
    items. Keys are interned; equal kinds and equal place, subject and
    language lists (as tuples: nothing mutates them) become one object.
    Names and accessions are mostly one per item and are left as they are.
    """
    out: dict[str, Any] = {}
    for key, value in facets.items():
        kind = value.__class__
        if kind is list:
            value = tuple(value)
            if key != "people":
                value = shared.setdefault(value, value)
        elif kind is str and key == "kind":
            value = shared.setdefault(value, value)
        out[sys.intern(key)] = value
    out["item_id"] = item_id
    return out
