"""ñ for people typing without it: "ninos" also searches "niños", and says so.

The index keeps ñ apart from n (``año`` is not ``ano``, see ``analysis``),
so a word typed on a keyboard without ñ would find nothing. The parser
(``querylang``) adds each plain word's ñ spellings as :class:`EnyeAlternative`
nodes; before a search runs, :func:`resolve` keeps an alternative only if
its terms occur in a document the asking audience may see (the consent
filter's ``allowed`` documents: a withdrawn item's words are never offered
to a researcher, not even as a note), and returns the spellings kept so the
search can say "también se buscó: niños".

Why search and say rather than only suggest: the person typing ``ninos``
wants ``niños`` nearly always, and the note makes the widening visible;
``=ninos`` (an exact word) is never widened.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from whoosh import query as Q
from whoosh.reading import IndexReader

__all__ = ["EnyeAlternative", "MAX_N", "enye_variants", "resolve"]

#: Words with more n's than this get only the spellings with one ñ.
MAX_N = 3


class EnyeAlternative(Q.Or):
    """The query for one ñ spelling (``word``) of a word typed without ñ.

    Matches nothing until :func:`resolve` has checked it against what the
    audience may see (then it becomes a plain ``Or``): a query parsed and run
    without the engine is never widened.
    """

    def __init__(self, subqueries: list[Q.Query], boost: float = 1.0, word: str = "",
                 checks: tuple[tuple[tuple[str, str], ...], ...] = ()) -> None:
        super().__init__(subqueries, boost=boost)
        self.word = word
        #: One group of (field, term) pairs per word spelled with ñ: the
        #: spelling is searched when each group has a term in a visible
        #: document. Empty: one group, the node's own terms (a phrase names
        #: only its ñ words here, not "los" or "de").
        self.checks = checks

    def apply(self, fn):  # noqa: ANN001, ANN201 - whoosh API; keeps word and checks
        return EnyeAlternative([fn(q) for q in self.subqueries], self.boost, self.word,
                               self.checks)

    def matcher(self, searcher, context=None):  # noqa: ANN001, ANN201 - whoosh API
        from whoosh.matching import NullMatcher

        return NullMatcher()

    def estimate_size(self, ixreader) -> int:  # noqa: ANN001 - whoosh API
        return 0

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, EnyeAlternative) and other.word == self.word
                and other.checks == self.checks and super().__eq__(other))

    def __hash__(self) -> int:
        return super().__hash__() ^ hash(self.word)

    def __repr__(self) -> str:
        return f"EnyeAlternative({self.word!r}, {self.subqueries!r})"


def enye_variants(word: str) -> list[str]:
    """``word`` with one or more of its n's written ñ (case kept), fewest ñ first."""
    where = [i for i, c in enumerate(word) if c in "nN"]
    if not where:
        return []
    sizes = range(1, len(where) + 1) if len(where) <= MAX_N else range(1, 2)
    out = []
    for size in sizes:
        for chosen in combinations(where, size):
            chars = list(word)
            for i in chosen:
                chars[i] = "ñ" if chars[i] == "n" else "Ñ"
            out.append("".join(chars))
    return out


def _visible(node: Q.Query, reader: IndexReader, allowed: set[int]) -> bool:
    """Whether each word of ``node`` (its ``checks``) has a term in an ``allowed``
    document (not necessarily the same one)."""
    groups = node.checks or (tuple((leaf.fieldname, leaf.text) for leaf in node.leaves()
                                   if isinstance(leaf, Q.Term)),)
    return all(_any_visible(keys, reader, allowed) for keys in groups)


def _any_visible(keys: Iterable[tuple[str, str]], reader: IndexReader,
                 allowed: set[int]) -> bool:
    for key in keys:
        if key not in reader:
            continue
        for docnum in reader.postings(*key).all_ids():
            if docnum in allowed:
                return True
    return False


def resolve(q: Q.Query, reader: IndexReader, allowed: set[int]) -> tuple[Q.Query, list[str]]:
    """``q`` with each visible ñ alternative made a plain ``Or`` and the others
    dropped, and the spellings kept (in query order, once each)."""
    kept: list[str] = []

    def walk(node: Q.Query) -> Q.Query:
        if isinstance(node, EnyeAlternative):
            if _visible(node, reader, allowed):
                for word in node.word.split():
                    if word.lower() not in (w.lower() for w in kept):
                        kept.append(word)
                return Q.Or(list(node.subqueries), boost=node.boost)
            return Q.NullQuery
        if node.is_leaf():
            return node
        return node.apply(walk)

    if not any(isinstance(n, EnyeAlternative) for n in _nodes(q)):
        return q, []
    return walk(q).normalize(), kept


def _nodes(q: Q.Query) -> Iterable[Q.Query]:
    yield q
    if not q.is_leaf():
        for child in q.children():
            yield from _nodes(child)
