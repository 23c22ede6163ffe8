"""Word positions as the stemmed text fields store them, and phrases counted over them.

Why a format of our own (:class:`TwinPositions` writes it): whoosh's
``Positions`` pickles the gaps between positions, so reading them means
unpickling, and a phrase of common words ("me acuerdo que") reads hundreds
of positions per word in every hour-long transcript. Here the gaps are
plain little-endian integers after whoosh's 4-byte count: two bytes each
(the same size as the pickle's ``K`` and one byte), four when a gap reaches
65,536. Whoosh still reads frequency and weight from the count, and every
other reader goes through the format's ``decode_positions``.

STABLE IMPORT PATH: whoosh pickles :class:`TwinPositions` into the index's
schema by its module path; moving it means bumping ``schema.INDEX_VERSION``
(the index is then rebuilt from the catalogue).

Why numpy for the phrase: the check "word k at p + k" is a set
intersection per document, and Python spent ~0.2 ms per transcript on it
(2.6 s per search at 10,000 testimonies). The candidate documents' gaps are
joined into one array per word, summed into positions and intersected as
sorted arrays in a few vectorised calls per batch of documents.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterator
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from whoosh.formats import Positions

from memoria.search.analysis import TwinTokenizer

if TYPE_CHECKING:
    import numpy as np

__all__ = ["TwinPositions", "adjacent_counts", "decode_gaps", "encode_gaps"]

_BIG_ENDIAN = sys.byteorder == "big"
assert array("H").itemsize == 2 and array("I").itemsize == 4  # noqa: S101 - the format's widths

#: Documents whose positions one batch of :func:`adjacent_counts` holds at once
#: (bounds its memory: "que" in 512 hour-long transcripts is ~300,000 positions).
BATCH = 512

#: A document's batch index goes above the positions in its array key.
_DOC_SHIFT = 32


def encode_gaps(positions: list[int]) -> bytes:
    """The stored value of one word's sorted ``positions`` in one document."""
    gaps = array("H")
    deltas = [b - a for a, b in zip([0, *positions], positions, strict=False)]
    try:
        gaps.fromlist(deltas)
    except OverflowError:  # a gap of 65,536 or more: four bytes each
        gaps = array("I", deltas)
    if _BIG_ENDIAN:
        gaps.byteswap()
    return len(positions).to_bytes(4, "big") + gaps.tobytes()


def _gaps(raw: bytes) -> array:
    n = int.from_bytes(raw[:4], "big")
    gaps = array("H" if len(raw) - 4 == 2 * n else "I")
    gaps.frombytes(memoryview(raw)[4:])
    if _BIG_ENDIAN:
        gaps.byteswap()
    return gaps


def decode_gaps(raw: bytes) -> list[int]:
    """The positions :func:`encode_gaps` stored."""
    return list(accumulate(_gaps(raw)))


def adjacent_counts(values: list[list[bytes]]) -> list[int]:
    """How often words 0..m-1 occur one right after another, per document.

    ``values[k][j]`` is word k's stored value in document j (every word
    occurs in every document given). The count is that of start positions p
    with word k at p + k for every k, as ``planner._adjacent_starts`` counts.
    """
    import numpy as np  # here, not at start-up: only a phrase of common words needs it

    ndocs = len(values[0])
    out: list[int] = []
    for low in range(0, ndocs, BATCH):
        keys = [_keys(column[low:low + BATCH], k) for k, column in enumerate(values)]
        keys.sort(key=len)
        starts = keys[0]
        for other in keys[1:]:
            if not len(starts):
                break
            at = np.searchsorted(other, starts)
            np.minimum(at, len(other) - 1, out=at)
            starts = starts[other[at] == starts]
        counts = np.bincount(starts >> _DOC_SHIFT, minlength=min(BATCH, ndocs - low))
        out.extend(counts.tolist())
    return out


def _keys(raws: list[bytes], shift: int) -> np.ndarray:
    """Sorted ``doc << 32 | position - shift`` of one word over a batch of documents."""
    import numpy as np

    counts = np.array([int.from_bytes(r[:4], "big") for r in raws], dtype=np.int64)
    payload = np.fromiter(map(len, raws), dtype=np.int64, count=len(raws)) - 4
    if np.array_equal(payload, 2 * counts):  # the usual case: every gap in two bytes
        gaps = np.frombuffer(b"".join([r[4:] for r in raws]), dtype="<u2").astype(np.int64)
    else:
        gaps = np.concatenate([np.frombuffer(r, dtype="<u2" if len(r) - 4 == 2 * n else "<u4",
                                             offset=4).astype(np.int64)
                               for r, n in zip(raws, counts.tolist(), strict=True)])
    summed = np.cumsum(gaps)
    first = np.cumsum(counts) - counts  # each document's first gap
    base = summed[first] - gaps[first]  # the sum carried in from earlier documents
    docs = np.arange(len(raws), dtype=np.int64) << _DOC_SHIFT
    return summed + np.repeat(docs - base - shift, counts)


class TwinPositions(Positions):
    """Positions of the stemmed text fields, filled from :meth:`analysis.TwinTokenizer.positions_by_term`.

    whoosh's loop over one Token per word and its per-delta Python encoder
    were a third of the index build's CPU. The value is whoosh's 4-byte count
    (so frequency and weight decode as ``Positions`` decodes them) followed by
    the gaps as plain integers (``positions``: a phrase of common words reads
    them without unpickling, in C); whoosh's own readers go through
    :meth:`decode_positions`.
    """

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[tuple]:
        if not isinstance(analyzer, TwinTokenizer) or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        fb = self.field_boost
        for word, poslist in analyzer.positions_by_term(value).items():
            yield word, len(poslist), len(poslist) * fb, encode_gaps(poslist)

    def encode(self, poslist: list[int]) -> bytes:
        return encode_gaps(list(poslist))

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return decode_gaps(valuestring)
