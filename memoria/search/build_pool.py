"""The postings of a build part, held compactly until its segment is written.

Why not whoosh's ``PostingPool``: it keeps every posting as a five-item tuple
(about 230 bytes each in CPython), so past its memory limit it pickles them
one at a time into sorted runs on disk and heap-merges them back in Python
at commit. At a thousand hour-long testimonies that is 1.8 million postings
pickled, unpickled and merged: a fifth of a part's CPU.

Here each (field, term) keeps its postings in three arrays and one byte
string (about 26 bytes a posting plus the value), in the order documents are
added, which is already docnum order; at commit only the terms are sorted.
Past ``limit`` the terms go to a sorted run on disk, a few records per term
(never per posting), and the runs are merged term by term at commit: memory
stays bounded and a part is still one segment (more segments made every
search slower). The postings come out exactly as whoosh's pool gives them (a
test compares the index bytes). Weights are kept as doubles: the writer
multiplies each by the field's boost, a float.

Runs are written through the index storage's temporary storage: sealed with
a key of this process only when the archive is encrypted (see
``encrypted_storage``).
"""

from __future__ import annotations

import contextlib
import heapq
import marshal
from array import array
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from whoosh.util import random_name

__all__ = ["PostingsInMemory"]

Posting = tuple[str, bytes, int, float, bytes]

#: Per posting beyond its value: docnum (4), weight (8), end offset (4).
_PER_POSTING = 16
#: Per distinct term: the key tuple, its bytes, three arrays and a bytearray.
_PER_TERM = 420
#: Postings added between two looks at the memory held.
_CHECK_EVERY = 65536


class _Postings:
    __slots__ = ("docs", "ends", "unordered", "values", "weights")

    def __init__(self) -> None:
        self.docs = array("i")
        self.weights = array("d")
        self.values = bytearray()
        self.ends = array("I")
        self.unordered = False  # a docnum came that was not above the last one

    def record(self, key: tuple[str, bytes]) -> bytes:
        return marshal.dumps((key[0], key[1], self.docs.tobytes(), self.weights.tobytes(),
                              bytes(self.values), self.ends.tobytes(), self.unordered))

    @classmethod
    def from_record(cls, data: bytes) -> tuple[tuple[str, bytes], _Postings]:
        fieldname, tbytes, docs, weights, values, ends, unordered = marshal.loads(data)
        p = cls()
        p.docs.frombytes(docs)
        p.weights.frombytes(weights)
        p.values = values
        p.ends.frombytes(ends)
        p.unordered = unordered
        return (fieldname, tbytes), p

    def extend(self, later: _Postings) -> None:
        """Append a later run's postings of the same term."""
        if len(self.docs) and len(later.docs) and later.docs[0] <= self.docs[-1]:
            self.unordered = True
        self.unordered = self.unordered or later.unordered
        shift = len(self.values)
        self.docs.extend(later.docs)
        self.weights.extend(later.weights)
        self.values = bytes(self.values) + bytes(later.values)
        self.ends.extend(end + shift for end in later.ends)


class PostingsInMemory:
    """Stands in for ``writer.pool`` (``add``, ``iter_postings``, ``cleanup``,
    ``fieldnames``) on a writer that only adds documents.

    ``tempstore``: a whoosh storage for runs (the writer's ``_tempstorage``);
    ``limit``: bytes held (by :meth:`approx_bytes`) before a run is written.
    """

    def __init__(self, tempstore: Any = None, limit: int | None = None) -> None:
        self._terms: dict[tuple[str, bytes], _Postings] = {}
        self.fieldnames: set[str] = set()
        self._values_bytes = 0
        self._count = 0
        self._next_check = _CHECK_EVERY
        self._tempstore = tempstore
        self._limit = limit if tempstore is not None else None
        self._runs: list[str] = []
        self.runs_written = 0

    def add(self, item: Posting) -> None:
        fieldname, tbytes, docnum, weight, value = item
        key = (fieldname, tbytes)
        postings = self._terms.get(key)
        if postings is None:
            postings = self._terms[key] = _Postings()
            self.fieldnames.add(fieldname)
        elif docnum <= postings.docs[-1]:
            postings.unordered = True
        postings.docs.append(docnum)
        postings.weights.append(weight)
        postings.values += value  # bytes: whoosh's codec refuses anything else
        postings.ends.append(len(postings.values))
        self._values_bytes += len(value)
        self._count += 1
        if self._count >= self._next_check:
            self._next_check = self._count + _CHECK_EVERY
            if self._limit is not None and self.approx_bytes() > self._limit:
                self._save_run()

    def approx_bytes(self) -> int:
        """About how much memory the postings held in memory take."""
        return self._count * _PER_POSTING + self._values_bytes + len(self._terms) * _PER_TERM

    def _save_run(self) -> None:
        name = f"{random_name()}.run"
        f = self._tempstore.create_file(name)
        try:
            for key in sorted(self._terms):
                data = self._terms[key].record(key)
                f.write(len(data).to_bytes(4, "little"))
                f.write(data)
        finally:
            f.close()
        self._runs.append(name)
        self.runs_written += 1
        self._terms = {}
        self._count = self._values_bytes = 0
        self._next_check = _CHECK_EVERY

    def _read_run(self, name: str) -> Iterator[tuple[tuple[str, bytes], _Postings]]:
        f = self._tempstore.open_file(name)
        try:
            while size := f.read(4):
                yield _Postings.from_record(f.read(int.from_bytes(size, "little")))
        finally:  # also when a merge is abandoned and cleanup() went first
            f.close()
            with contextlib.suppress(OSError, ValueError):
                self._tempstore.delete_file(name)
                self._runs.remove(name)

    def _sorted_terms(self) -> Iterator[tuple[tuple[str, bytes], _Postings]]:
        if not self._runs:
            for key in sorted(self._terms):
                yield key, self._terms.pop(key)  # freed as it is written
            return
        if self._terms:
            self._save_run()
        # heapq.merge keeps equal keys in run order, which is docnum order
        merged = heapq.merge(*[self._read_run(n) for n in list(self._runs)], key=itemgetter(0))
        for key, group in groupby(merged, key=itemgetter(0)):
            postings, *later = [p for _, p in group]
            for chunk in later:
                postings.extend(chunk)
            yield key, postings

    def iter_postings(self) -> Iterator[Posting]:
        """(fieldname, term bytes, docnum, weight, value) in whoosh's pool order:
        the tuples sorted."""
        for (fieldname, tbytes), p in self._sorted_terms():
            values = bytes(p.values)
            if p.unordered:
                yield from _sorted_rows(fieldname, tbytes, p, values)
                continue
            docs, weights, start = p.docs, p.weights, 0
            for i, end in enumerate(p.ends):
                yield fieldname, tbytes, docs[i], weights[i], values[start:end]
                start = end

    def cleanup(self) -> None:  # what whoosh's writer calls on cancel and close
        self._terms.clear()
        for name in self._runs:
            with contextlib.suppress(OSError):
                self._tempstore.delete_file(name)
        self._runs.clear()


def _sorted_rows(fieldname: str, tbytes: bytes, p: _Postings, values: bytes
                 ) -> Iterator[Posting]:
    """A term whose docnums did not come in order: sorted as whoosh sorts tuples."""
    rows: list[tuple[int, float, bytes]] = []
    start = 0
    for i, end in enumerate(p.ends):
        rows.append((p.docs[i], p.weights[i], values[start:end]))
        start = end
    rows.sort()
    for docnum, weight, value in rows:
        yield fieldname, tbytes, docnum, weight, value
