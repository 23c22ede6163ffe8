"""Term-at-a-time scoring: every match of the common query shapes, at C-loop cost.

Why: whoosh scores document-at-a-time through a tree of Python matcher
objects (``next``, ``id``, ``score`` per document per node), ~40-60 µs for
each matching document. A researcher's first words ("desplazados
Medellín") match most of 10,000 transcripts, so the first page cost
hundreds of milliseconds before a single snippet was made. Here each term's
posting blocks are read whole (ids and weights are arrays in the block) and
scored in one comprehension against a per-segment table of field lengths;
And, Or, AndMaybe and AndNot combine dictionaries. The scores are whoosh's
own BM25F (same idf, average length, B, K1 and boosts, summed the way its
matchers sum), so the order people see does not change.

Any node this module does not know (phrases, ranges, Every, Or with
``minmatch``...) is scored by whoosh's own matcher for that node alone, so
the shapes stay correct and only the common leaves get faster.

Consent is not decided here: the caller intersects with the audience's
documents. Deleted documents are left in the dictionaries on purpose (the
caller's allowed set never holds them; see ``searcher._audience_docs``).
"""

from __future__ import annotations

import pickle
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from whoosh import formats
from whoosh import query as Q
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.columns import NumericColumn
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

__all__ = ["Unsupported", "current_positions", "decode_positions", "matcher_scores",
           "positions_decoder", "posting_values", "score_all"]

Scores = dict[int, float]


class Unsupported(Exception):
    """The query cannot be scored here; use whoosh's collector."""


def score_all(s: Searcher, q: Q.Query, within: set[int] | None = None) -> Scores:
    """Every document ``q`` matches with its BM25F score (global docnums).

    ``within`` (the audience's documents) lets a costly leaf, a phrase that
    checks word positions document by document, skip the documents the
    caller would drop anyway; other leaves ignore it, since reading a whole
    posting block costs no more than reading part of it. Raises
    ``Unsupported`` when the searcher does not weigh with BM25F.
    """
    if type(s.weighting) is not BM25F:
        raise Unsupported("only BM25F is scored here")
    return _Scorer(s, within).run(q)


class _Scorer:
    def __init__(self, s: Searcher, within: set[int] | None = None) -> None:
        self.s = s
        self.within = within
        self.reader = s.reader()
        self.leaves = list(self.reader.leaf_readers())
        self.weighting: BM25F = s.weighting

    def run(self, q: Q.Query) -> Scores:
        if isinstance(q, Q.Term):
            return self.term(q)
        if isinstance(q, Q.NullQuery.__class__):
            return {}
        if isinstance(q, Q.And):
            return self.conjunction(q)
        if isinstance(q, Q.Or) and type(q) is Q.Or and not q.minmatch and not q.scale:
            return self.union(q)
        if isinstance(q, Q.AndMaybe):
            required, optional = self.run(q.a), self.run(q.b)
            return _boosted({d: sc + optional.get(d, 0.0) for d, sc in required.items()},
                            q.boost)
        if isinstance(q, Q.AndNot):
            positive = self.run(q.a)
            excluded = self.docs(q.b)
            return _boosted({d: sc for d, sc in positive.items() if d not in excluded}, q.boost)
        if isinstance(q, Q.Not):
            raise Unsupported("a query that is only a negation")
        scores_within = getattr(q, "scores_within", None)  # planner.FastPhrase
        if scores_within is not None:
            return scores_within(self.s, self.within)
        return self.by_matcher(q)

    def docs(self, q: Q.Query) -> set[int] | Scores:
        """The documents ``q`` matches (scores unused)."""
        if isinstance(q, Q.Term | Q.And | Q.Or | Q.AndMaybe | Q.AndNot):
            return self.run(q)
        return set(self.s.docs_for_query(q))

    def conjunction(self, q: Q.And) -> Scores:
        positive = [c for c in q.subqueries if not isinstance(c, Q.Not)]
        negative = [c.query for c in q.subqueries if isinstance(c, Q.Not)]
        if not positive:
            raise Unsupported("a conjunction of negations only")
        parts = [self.run(c) for c in positive]
        parts.sort(key=len)
        out = dict(parts[0])
        for other in parts[1:]:
            out = {d: sc + other[d] for d, sc in out.items() if d in other}
            if not out:
                return {}
        for neg in negative:
            # whoosh matches a NOT with an InverseMatcher that scores 1.0 for
            # every document it lets through: kept, so the scores stay its own.
            excluded = self.docs(neg)
            out = {d: sc + 1.0 for d, sc in out.items() if d not in excluded}
        return _boosted(out, q.boost)

    def union(self, q: Q.Or) -> Scores:
        out: Scores = {}
        for child in q.subqueries:
            if isinstance(child, Q.Not):
                raise Unsupported("a negation inside OR")
            for d, sc in self.run(child).items():
                out[d] = out.get(d, 0.0) + sc
        return _boosted(out, q.boost)

    def term(self, q: Q.Term) -> Scores:
        field = q.fieldname
        schema = self.s.schema
        if field not in schema:
            return {}
        fieldobj = schema[field]
        try:
            btext = fieldobj.to_bytes(q.text)
        except ValueError:
            return {}
        if (field, btext) not in self.reader:
            return {}
        if not fieldobj.scorable:
            return self.by_matcher(q)
        w = self.weighting
        b = w._field_B.get(field, w.B)  # noqa: SLF001 - whoosh keeps per-field B there
        k1 = w.K1
        idf = self.s.idf(field, btext)
        avgfl = self.s.avg_field_length(field) or 1
        # bm25 = idf * tf * (k1 + 1) / (tf + k1 * ((1 - b) + b * fl / avgfl)), then * boost
        num = idf * (k1 + 1) * q.boost
        out: Scores = {}
        for reader, offset in self.leaves:
            if (field, btext) not in reader:
                continue
            norms = _norms(reader, field, k1, b, avgfl)
            m = reader._terms.matcher(field, btext, fieldobj.format)  # noqa: SLF001 - raw postings
            for ids, weights in _blocks(m, "weights"):
                out.update({offset + d: num * tf / (tf + norms[d])
                            for d, tf in zip(ids, weights, strict=True)})
        return out

    def by_matcher(self, q: Q.Query) -> Scores:
        """whoosh's own matcher, one document at a time (the slow, general path)."""
        return matcher_scores(q.matcher(self.s))


def matcher_scores(m: Any) -> Scores:
    """{docnum: score} of every document a whoosh matcher walks."""
    out: Scores = {}
    while m.is_active():
        out[m.id()] = m.score()
        m.next()
    return out


def _boosted(scores: Scores, boost: float) -> Scores:
    if boost == 1.0:
        return scores
    return {d: sc * boost for d, sc in scores.items()}


def _blocks(m: Any, part: str, wanted: list[int] | None = None) -> Any:
    """(ids, weights or raw values) per posting block; one pair for an inlined list.

    ``part`` is "weights" or "values". With ``wanted`` (sorted docnums), a
    block whose id range holds none of them is skipped without being read.
    """
    if not isinstance(m, W3LeafMatcher):
        ids, got = [], []
        while m.is_active():
            ids.append(m.id())
            got.append(m.weight() if part == "weights" else m.value())
            m.next()
        yield ids, got
        return
    low = 0
    while m.is_active():
        high = m._maxid  # noqa: SLF001 - the block's last id, known from its header
        if wanted is None or bisect_left(wanted, low) < bisect_right(wanted, high):
            m._read_ids()  # noqa: SLF001 - whole blocks are the point of this module
            if part == "weights":
                m._read_weights()  # noqa: SLF001
                yield m._ids, m._weights  # noqa: SLF001
            else:
                m._read_values()  # noqa: SLF001
                yield m._ids, m._values  # noqa: SLF001
        low = high + 1
        m._next_block()  # noqa: SLF001


def _norms(reader: Any, field: str, k1: float, b: float, avgfl: float) -> list[float]:
    """``k1 * ((1 - b) + b * length / avgfl)`` per document of one segment, cached.

    Lengths are whoosh's one-byte lengths decoded exactly as its scorer
    decodes them. The table lives on the segment reader, which is never
    reused for another segment; ``avgfl`` changes with every commit, hence
    part of the key.
    """
    cache = reader.__dict__.setdefault("_memoria_norms", {})
    key = (field, k1, b, avgfl)
    norms = cache.get(key)
    if norms is None:
        lengths = _length_bytes(reader, field)
        table = [k1 * ((1 - b) + b * byte_to_length(n) / avgfl) for n in range(256)]
        norms = [table[n] for n in lengths]
        cache[key] = norms
    return norms


def _length_bytes(reader: Any, field: str) -> list[int]:
    """One segment's stored one-byte field lengths, read as one column.

    whoosh's column iterator reads one byte per ``get`` call (0.9 s for ten
    fields at 100,000 documents); a one-byte numeric column is one stretch
    of the file, read here in one call.
    """
    byte_lengths = reader.__dict__.setdefault("_memoria_lengths", {})
    found = byte_lengths.get(field)
    if found is None:
        found = byte_lengths[field] = length_bytes_column(
            reader._perdoc, reader.doc_count_all(), field)  # noqa: SLF001
    return found


def length_bytes_column(perdoc: Any, count: int, field: str) -> list[int]:
    """The one-byte lengths of ``field`` for ``count`` documents of a per-document reader."""
    column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)  # noqa: SLF001
    if column is None:
        return [0] * count
    if isinstance(column, NumericColumn.Reader) and column._fixedlen == 1:  # noqa: SLF001
        stored = column._count  # noqa: SLF001 - documents after it have length 0
        found = list(column._dbfile.get(column._basepos, stored))  # noqa: SLF001
        return found + [0] * (count - stored)
    return list(column)


def current_positions(m: Any, fmt: formats.Format) -> list[int]:
    """Token positions of the matcher's current posting in a field of format ``fmt``."""
    if not isinstance(fmt, formats.Positions):
        return list(m.value_as("positions"))
    return positions_decoder(fmt)(m.value())


def positions_decoder(fmt: formats.Positions) -> Callable[[bytes], list[int]]:
    """The quickest reader of ``fmt``'s stored values as positions.

    whoosh's ``Positions`` stores a 4-byte count and a pickled list of gaps,
    and its decoder adds them up in a Python loop (1.5 s of a 2 s phrase
    query over 10,000 transcripts): :func:`decode_positions` does it in C.
    A format with a decoder of its own (``positions.TwinPositions``) keeps it.
    """
    if type(fmt).decode_positions is formats.Positions.decode_positions:
        return decode_positions
    return fmt.decode_positions


def decode_positions(raw: bytes) -> list[int]:
    """One posting's value in whoosh's ``Positions`` format, as positions."""
    if not raw.endswith(b"."):
        raw += b"."  # whoosh drops the pickle's STOP opcode when it stores values
    return list(accumulate(pickle.loads(raw[4:])))  # noqa: S301 - our own index's bytes


def posting_values(leaf: Any, field: str, btext: bytes, fmt: formats.Format,
                   wanted: list[int] | None = None) -> dict[int, bytes]:
    """{docnum: raw value} of one term in one segment, read block by block.

    With ``wanted`` (sorted docnums), a block whose id range holds none of them
    is skipped without being read. Deleted documents are included.
    """
    m = leaf._terms.matcher(field, btext, fmt)  # noqa: SLF001 - raw postings
    out: dict[int, bytes] = {}
    for ids, values in _blocks(m, "values", wanted):
        out.update(zip(ids, values, strict=True))
    return out
