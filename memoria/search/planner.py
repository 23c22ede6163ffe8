"""From a parsed query to what the engine runs: scored part, filters, highlight terms.

Why a planning step between ``querylang`` and whoosh:

* ``querylang`` names unstemmed twins ``x_exact``; this schema keeps exact
  words in the stemmed field as ``=word`` terms (``analysis.TwinFilter``).
  :func:`rewrite` maps those leaves onto ``x`` and ``x_en``.
* Prefix, wildcard and fuzzy leaves are expanded here against the reader,
  keeping at most :data:`MAX_EXPANSION` terms, the most frequent first, so
  ``de*`` cannot become a union of thousands of posting lists.
* Top-level typed clauses (``tipo:``, ``idioma:``, ``año:``, ``fecha:``) are
  taken out of the scored query and become a Python predicate over the
  per-document facet column: an open numeric range in whoosh walks every
  term of the trie (``tipo:testimonio año:2002 Orión`` took 1.2 s), while
  testing 20,000 cached dicts takes milliseconds and does not change scores.
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh import query as Q
from whoosh.reading import IndexReader

from memoria.search.analysis import EXACT_MARK, exact_token
from memoria.search.positions import TwinPositions, adjacent_counts
from memoria.search.schema import TYPED_FIELDS
from memoria.search.scoring import matcher_scores, positions_decoder, posting_values

__all__ = ["MAX_EXPANSION", "expand", "highlight_terms", "rewrite", "split_typed"]

#: Most terms a prefix, wildcard or fuzzy word expands to.
MAX_EXPANSION = 64

Predicate = Callable[[dict], bool]
_LANGS = (("", "es"), ("_en", "en"))


def _twins(base: str) -> list[tuple[str, str]]:
    return [(base + sfx, lang) for sfx, lang in _LANGS]


def rewrite(q: Q.Query) -> Q.Query:
    """Map ``x_exact`` leaves onto the twin fields (see module docstring)."""
    if isinstance(q, (Q.Term, Q.Prefix, Q.Wildcard, Q.FuzzyTerm, Q.Phrase)):
        name = q.fieldname
        if name and name.endswith("_exact"):
            base = name[: -len("_exact")]
            subs = [_exact_leaf(q, field, lang) for field, lang in _twins(base)]
            return Q.Or([s for s in subs if s is not None])
        return q
    if q.is_leaf():
        return q
    return q.apply(rewrite)


def _exact_leaf(q: Q.Query, field: str, lang: str) -> Q.Query | None:
    boost = q.boost
    if isinstance(q, Q.Phrase):
        return Q.Phrase(field, [exact_token(w, lang) for w in q.words], slop=q.slop,
                        boost=boost)
    if isinstance(q, Q.FuzzyTerm):
        return Q.Or([Q.FuzzyTerm(field, EXACT_MARK + q.text, boost=boost, maxdist=q.maxdist,
                                 prefixlength=q.prefixlength + 1),
                     Q.FuzzyTerm(field, q.text, boost=boost, maxdist=q.maxdist,
                                 prefixlength=q.prefixlength)])
    if isinstance(q, Q.Prefix):
        # A word that differs from its stem is indexed as "=word"; one that
        # equals its stem only as the stem, so both spellings are searched.
        return Q.Or([Q.Prefix(field, EXACT_MARK + q.text, boost=boost),
                     Q.Prefix(field, q.text, boost=boost)])
    if isinstance(q, Q.Wildcard):
        return Q.Or([Q.Wildcard(field, EXACT_MARK + q.text, boost=boost),
                     Q.Wildcard(field, q.text, boost=boost)])
    return Q.Term(field, exact_token(q.text, lang), boost=boost)


def expand(q: Q.Query, reader: IndexReader) -> Q.Query:
    """Replace multi-term leaves by at most MAX_EXPANSION existing terms."""
    if isinstance(q, (Q.Prefix, Q.Wildcard, Q.FuzzyTerm)):
        field = q.fieldname
        if field not in reader.schema:
            return Q.NullQuery
        texts = list(dict.fromkeys(
            text.decode("utf-8") if isinstance(text, bytes) else text
            for _, text in q.expanded_terms(reader)))
        if len(texts) > MAX_EXPANSION:
            texts.sort(key=lambda t: -reader.doc_frequency(field, t))
            texts = texts[:MAX_EXPANSION]
        if not texts:
            return Q.NullQuery
        return Q.Or([Q.Term(field, t, boost=q.boost) for t in texts])
    if q.is_leaf():
        return q
    return q.apply(lambda sub: expand(sub, reader)).normalize()


def _typed_only(q: Q.Query) -> bool:
    leaves = list(q.leaves()) if not q.is_leaf() else [q]
    return bool(leaves) and all(getattr(leaf, "fieldname", None) in TYPED_FIELDS
                                for leaf in leaves)


def predicate(q: Q.Query) -> Predicate:
    """A test over a document's facet dict equivalent to the typed query ``q``."""
    if isinstance(q, Q.Term):
        value = q.text
        if q.fieldname == "kind":
            return lambda f: f["kind"] == value
        return lambda f: value in f["languages"]
    if isinstance(q, Q.NumericRange):
        key, lo, hi = q.fieldname, q.start, q.end
        return lambda f: bool(f[key]) and (lo is None or f[key] >= lo) and (
            hi is None or f[key] <= hi)
    if isinstance(q, Q.Not):
        inner = predicate(q.query)
        return lambda f: not inner(f)
    if isinstance(q, Q.And):
        parts = [predicate(s) for s in q.subqueries]
        return lambda f: all(p(f) for p in parts)
    if isinstance(q, Q.Or):
        parts = [predicate(s) for s in q.subqueries]
        return lambda f: any(p(f) for p in parts)
    if isinstance(q, Q.Every):
        return lambda f: True
    return lambda f: False


def split_typed(q: Q.Query) -> tuple[Q.Query, Predicate | None]:
    """Split top-level typed clauses off ``q``: (scored query or Every, predicate)."""
    if _typed_only(q):
        return Q.Every(), predicate(q)
    if isinstance(q, Q.And):
        typed = [s for s in q.subqueries if _typed_only(s)]
        if typed:
            rest = [s for s in q.subqueries if not _typed_only(s)]
            scored = rest[0] if len(rest) == 1 else Q.And(rest)
            return scored, predicate(Q.And(typed))
    return q, None


def highlight_terms(q: Q.Query, fields: frozenset[str]
                    ) -> tuple[set[tuple[str, str]], list[tuple[str, list[str], int]]]:
    """Positive term leaves and phrases of ``q`` in ``fields`` (for marking).

    Leaves under a ``Not`` are skipped: "-paramilitares" must not be marked.
    """
    terms: set[tuple[str, str]] = set()
    phrases: list[tuple[str, list[str], int]] = []

    def walk(node: Q.Query) -> None:
        if isinstance(node, Q.Not):
            return
        if isinstance(node, Q.Term):
            if node.fieldname in fields:
                terms.add((node.fieldname, node.text))
        elif isinstance(node, Q.Phrase):
            if node.fieldname in fields:
                phrases.append((node.fieldname, list(node.words), node.slop))
        elif not node.is_leaf():
            for child in node.children():
                walk(child)

    walk(q)
    return terms, phrases


class FastPhrase(Q.Phrase):
    """A phrase matched by set lookups on positions instead of whoosh's spans.

    whoosh's ``Phrase`` builds a ``SpanNear2`` whose span merging is
    quadratic in the occurrences per document: "me acuerdo que" over
    1,000 transcripts took 1.8 s, nearly all in span lists for "que". Here,
    segment by segment, the rarest word's postings are read whole, each
    other word's only in the blocks that can hold those documents, and each
    document that has every word is checked with sets of positions. Scored
    by how often the phrase occurs (1 + log n), times the boost.
    """

    def _by_positions(self, reader) -> bool:  # noqa: ANN001
        """Whether this phrase is counted here (else whoosh's own ``Phrase`` is)."""
        from whoosh.formats import Positions

        return self.fieldname in reader.schema and len(self.words) >= 2 \
            and isinstance(reader.schema[self.fieldname].format, Positions)

    def matcher(self, searcher, context=None):  # noqa: ANN001, ANN201 - whoosh API
        from whoosh.matching import ListMatcher, NullMatcher

        if not self._by_positions(searcher.reader()):
            return super().matcher(searcher, context)
        scores = self.scores_within(searcher, None)
        if not scores:
            return NullMatcher()
        docs = sorted(scores)
        return ListMatcher(docs, weights=[scores[d] for d in docs])

    def scores_within(self, searcher, within: set[int] | None) -> dict[int, float]:  # noqa: ANN001
        """{docnum: score} of the documents holding the phrase, among ``within``
        (global docnums; None: all). The term-at-a-time scorer passes the
        audience's documents, so a phrase is never counted in a document the
        search would drop (a pseudonymised item's other view, a withdrawn one).
        """
        from math import log

        reader = searcher.reader()
        field = self.fieldname
        if not self._by_positions(reader):
            return {d: score for d, score in matcher_scores(self.matcher(searcher)).items()
                    if within is None or d in within}
        fieldobj = reader.schema[field]
        keys = [fieldobj.to_bytes(w) for w in self.words]
        if any((field, k) not in reader for k in keys):
            return {}
        out: dict[int, float] = {}
        for leaf, offset in reader.leaf_readers():
            local = None if within is None else sorted(
                d - offset for d in within if offset <= d < offset + leaf.doc_count_all())
            if local == []:
                continue
            counts = _phrase_counts(leaf, field, keys, fieldobj.format, max(1, self.slop), local)
            out.update((offset + d, self.boost * (1.0 + log(n))) for d, n in counts.items())
        return out


def _phrase_counts(leaf, field: str, keys: list[bytes], fmt, slop: int,  # noqa: ANN001
                   within: list[int] | None = None) -> dict[int, int]:
    """{docnum: occurrences of the phrase} in one segment (live documents only),
    among ``within`` (sorted segment docnums; None: all)."""
    if any((field, k) not in leaf for k in keys):
        return {}
    order = sorted(range(len(keys)), key=lambda i: leaf.doc_frequency(field, keys[i]))
    values: dict[int, dict[int, bytes]] = {}
    candidates = within
    for i in order:
        found = posting_values(leaf, field, keys[i], fmt, candidates)
        candidates = sorted(found) if candidates is None else [d for d in candidates
                                                               if d in found]
        values[i] = found
        if not candidates:
            return {}
    deleted = leaf.deleted_docs_set if leaf.has_deletions() else frozenset()
    live = [d for d in candidates if d not in deleted]
    if slop == 1 and isinstance(fmt, TwinPositions):  # gaps as plain integers: vectorised
        found_counts = adjacent_counts([[values[i][d] for d in live] for i in range(len(keys))])
        return {d: n for d, n in zip(live, found_counts, strict=True) if n}
    read = positions_decoder(fmt)
    counts: dict[int, int] = {}
    for d in live:
        n = _occurrences([read(values[i][d]) for i in range(len(keys))], slop)
        if n:
            counts[d] = n
    return counts


def _occurrences(positions: list[list[int]], slop: int) -> int:
    """How many times the words occur in order, each within ``slop`` of the last.

    Adjacent words (slop 1, a quoted phrase) are set intersections in C; a
    looser slop walks the chains.
    """
    if slop == 1:
        return len(_adjacent_starts(positions))
    return len(phrase_chains(positions, slop)) // len(positions)


def _adjacent_starts(positions: list[list[int]]) -> set[int]:
    """Positions of the first word where every later word k follows at +k.

    The rarest word gives the candidate starts; each other word, rarest
    first, keeps those it continues. Only the small set is walked in Python:
    a common word's positions are consumed by ``intersection_update`` in C.
    """
    order = sorted(range(len(positions)), key=lambda i: len(positions[i]))
    first = order[0]
    starts = {p - first for p in positions[first]}
    for k in order[1:]:
        if not starts:
            break
        shifted = {p + k for p in starts}
        shifted.intersection_update(positions[k])
        starts = {p - k for p in shifted}
    return starts


def phrase_chains(lists: list[list[int]], slop: int) -> list[int]:
    """Positions of the words of each in-order occurrence of a phrase.

    ``slop`` as in whoosh: 1 is adjacent, k allows the next word up to k
    positions on.
    """
    if not lists or any(not lst for lst in lists):
        return []
    if slop <= 1:  # adjacent words: the same chains, found with set operations in C
        # (walking every position was most of a page of hits for a phrase of
        # common words in hour-long transcripts)
        good = _adjacent_starts(lists)
        span = range(len(lists))
        return [p + k for p in filter(good.__contains__, lists[0]) for k in span]
    sets = [set(lst) for lst in lists[1:]]
    out: list[int] = []
    for first in lists[0]:
        chain = [first]
        for nxt in sets:
            prev = chain[-1]
            follow = next((p for p in range(prev + 1, prev + max(1, slop) + 1) if p in nxt),
                          None)
            if follow is None:
                break
            chain.append(follow)
        else:
            out.extend(chain)
    return out


def fast_phrases(q: Q.Query) -> Q.Query:
    """Replace every ``Phrase`` leaf by a :class:`FastPhrase`."""
    if isinstance(q, Q.Phrase) and not isinstance(q, FastPhrase):
        return FastPhrase(q.fieldname, q.words, slop=q.slop, boost=q.boost)
    if q.is_leaf():
        return q
    return q.apply(fast_phrases)


#: Extra weight for a word that is also in the title, subjects or names.
FIELD_BOOSTS = {"title": 3.0, "subjects": 2.0, "people": 2.0, "places": 1.5}


def with_field_boosts(q: Q.Query) -> Q.Query:
    """Rank items whose title, subjects or names hold the words first.

    Bare words search only the all-fields ``text``, where a title word is one
    occurrence among thousands. ``AndMaybe`` adds the short fields' scores
    only on documents the query already matched, so it filters nothing and
    costs a few short posting lists.
    """
    terms, _ = highlight_terms(q, frozenset({"text", "text_en"}))
    extra: list[Q.Query] = []
    for field, text in terms:
        suffix = "_en" if field.endswith("_en") else ""
        for name, boost in FIELD_BOOSTS.items():
            target = name if name in ("people", "places") else name + suffix
            word = text.lstrip(EXACT_MARK) if name in ("people", "places") else text
            extra.append(Q.Term(target, word, boost=boost))
    if not extra:
        return q
    return Q.AndMaybe(q, Q.Or(extra))
