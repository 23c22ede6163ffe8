"""Small helpers for the SQL the repositories write, kept portable.

`IN (...)` lists are built here only: in chunks below SQLite's limit on
parameters per statement (999 in older builds; PostgreSQL's is far higher),
with one placeholder per value, never values pasted into the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

CHUNK = 900  # values per IN list; leaves room for a statement's other parameters


def marks(count: int) -> str:
    """"?, ?, ?" for `count` values (at least one)."""
    if count < 1:
        raise ValueError("an IN list needs at least one value")
    return ",".join("?" * count)


def in_chunks(values: Iterable[T], size: int = CHUNK) -> Iterator[tuple[str, list[T]]]:
    """("(?,?,?)", chunk) for each chunk of `values`, to put after `IN`:

        for in_list, chunk in in_chunks(ids):
            conn.execute(f"SELECT ... WHERE item_id IN {in_list}", chunk)
    """
    items: Sequence[T] = values if isinstance(values, Sequence) else list(values)
    for start in range(0, len(items), size):
        chunk = list(items[start:start + size])
        yield f"({marks(len(chunk))})", chunk
