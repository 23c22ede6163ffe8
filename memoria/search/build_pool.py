"""The postings of a build part, held compactly in memory until its segment is written.

Why not whoosh's ``PostingPool``: it keeps every posting as a five-item tuple
(about 230 bytes each in CPython), so past its memory limit it sorts them
into runs on disk (pickled one posting at a time) and merges the runs back
in Python at commit. At a thousand hour-long testimonies that is 1.8 million
postings pickled, unpickled and heap-merged: a fifth of a part's time.

Here each (field, term) keeps its postings in three arrays and one byte
string (about 26 bytes a posting), in the order documents are added, which
is already docnum order; at commit only the terms are sorted. Weights are
kept as doubles: the writer multiplies each by the field's boost, a float. The postings
come out exactly as whoosh's pool gives them (a test compares the index
bytes), so the format is unchanged. Memory is bounded by the caller:
``approx_bytes`` says when to commit the segment and start another.

Nothing here touches the disk, so an encrypted archive's words never sit in
temporary files, sealed or not.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

__all__ = ["PostingsInMemory"]

#: Per posting: docnum (4), weight (8), end offset (4), value bytes (~10).
_PER_POSTING = 16
#: Per distinct term: the key tuple, its bytes, four arrays and a list.
_PER_TERM = 420


class _Postings:
    __slots__ = ("docs", "ends", "unordered", "values", "weights")

    def __init__(self) -> None:
        self.docs = array("i")
        self.weights = array("d")
        self.values = bytearray()
        self.ends = array("I")
        self.unordered = False  # a docnum came that was not above the last one


class PostingsInMemory:
    """Stands in for ``writer.pool`` (``add``, ``iter_postings``, ``cleanup``,
    ``fieldnames``) on a writer that only adds documents."""

    def __init__(self) -> None:
        self._terms: dict[tuple[str, bytes], _Postings] = {}
        self.fieldnames: set[str] = set()
        self._values_bytes = 0
        self._count = 0

    def add(self, item: tuple[str, bytes, int, float, bytes]) -> None:
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
        self._values_bytes += len(value)
        postings.ends.append(len(postings.values))
        self._count += 1

    def approx_bytes(self) -> int:
        """About how much memory the postings hold (for bounding a part's segment)."""
        return self._count * _PER_POSTING + self._values_bytes + len(self._terms) * _PER_TERM

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """(fieldname, term bytes, docnum, weight, value) in whoosh's pool order:
        the tuples sorted."""
        for key in sorted(self._terms):
            fieldname, tbytes = key
            p = self._terms.pop(key)  # freed as it is written
            values = bytes(p.values)
            if p.unordered:
                yield from _sorted_rows(fieldname, tbytes, p, values)
                continue
            docs, weights, start = p.docs, p.weights, 0
            for i, end in enumerate(p.ends):
                yield fieldname, tbytes, docs[i], weights[i], values[start:end]
                start = end

    # whoosh's pool API, for what the writer calls on cancel and close
    def items(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        return self.iter_postings()

    def cleanup(self) -> None:
        self._terms.clear()


def _sorted_rows(fieldname: str, tbytes: bytes, p: _Postings, values: bytes
                 ) -> Iterator[tuple[str, bytes, int, float, bytes]]:
    """A term whose docnums did not come in order: sorted as whoosh sorts tuples."""
    rows: list[tuple[int, float, bytes]] = []
    start = 0
    for i, end in enumerate(p.ends):
        rows.append((p.docs[i], p.weights[i], values[start:end]))
        start = end
    rows.sort()
    for docnum, weight, value in rows:
        yield fieldname, tbytes, docnum, weight, value
