"""Reading a page of hits: word positions, matching segments, snippets, columns.

Split from ``engine`` so the engine file holds the interface and its
consent plumbing; everything here reads one whoosh searcher and never
decides who may see what.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import partial
from typing import Any

from whoosh import query as Q
from whoosh.searching import Searcher

from memoria.search.analysis import token_spans
from memoria.search.planner import highlight_terms, phrase_chains
from memoria.search.scoring import current_positions
from memoria.search.snippets import Snippet, make_snippet

__all__ = ["column", "column_value", "matching_segments", "per_searcher", "positions_of",
           "reopen", "snippet_for", "word_groups"]


def positions_of(s: Searcher, q: Q.Query | None, docnums: Sequence[int],
                 fields: frozenset[str]) -> dict[int, list[int]]:
    """Token positions of the query's words (phrases: whole phrases only) per doc.

    Where the query asks for several words together (an AND) and some
    transcript segments hold all of them, only those segments' positions are
    kept (with any outside the transcript): the matching moments and the
    snippet then show where the words were said together, not every segment
    that says one of them. Each term's postings are read once for the whole
    page, skipping to the page's documents in order.
    """
    if q is None:
        return {}
    groups = word_groups(q, fields)
    keyed = _keyed_positions(s, q, docnums, fields)
    out: dict[int, list[int]] = {}
    for d, by_key in keyed.items():
        found = sorted(set().union(*by_key.values()))
        if len(groups) > 1 and found:
            found = _together(s, d, by_key, groups) or found
        if found:
            out[d] = found
    return out


Key = tuple  # ("term", field, text) or ("phrase", field, words)


def word_groups(q: Q.Query, fields: frozenset[str]) -> list[set[Key]]:
    """The words an AND requires, one set of keys per required part.

    ``AndMaybe`` (the engine's field boosts) adds nothing required; ``Not``
    parts are not words to mark.
    """
    while isinstance(q, Q.AndMaybe):
        q = q.a
    parts = [c for c in q.subqueries if not isinstance(c, Q.Not)] \
        if isinstance(q, Q.And) else [q]
    groups = []
    for part in parts:
        terms, phrases = highlight_terms(part, fields)
        keys = {("term", f, t) for f, t in terms}
        keys |= {("phrase", f, tuple(words)) for f, words, _ in phrases}
        if keys:
            groups.append(keys)
    return groups


def _keyed_positions(s: Searcher, q: Q.Query, docnums: Sequence[int],
                     fields: frozenset[str]) -> dict[int, dict[Key, list[int]]]:
    terms, phrases = highlight_terms(q, fields)
    wanted = set(terms) | {(f, w) for f, words, _ in phrases for w in words}
    reader = s.reader()
    order = sorted(set(docnums))
    occ: dict[tuple[str, str], dict[int, list[int]]] = {}
    for fieldname, text in wanted:
        btext = reader.schema[fieldname].to_bytes(text)
        if (fieldname, btext) not in reader:
            continue
        m = s.postings(fieldname, btext)
        fmt = reader.schema[fieldname].format
        found: dict[int, list[int]] = {}
        for d in order:
            if not m.is_active():
                break
            if m.id() < d:
                m.skip_to(d)
            if m.is_active() and m.id() == d:
                found[d] = current_positions(m, fmt)
        occ[(fieldname, text)] = found
    out: dict[int, dict[Key, list[int]]] = {}
    for fieldname, text in terms:
        for d, positions in occ.get((fieldname, text), {}).items():
            out.setdefault(d, {})[("term", fieldname, text)] = positions
    for fieldname, words, slop in phrases:
        lists = [occ.get((fieldname, w), {}) for w in words]
        for d in order:
            chains = phrase_chains([lst.get(d, []) for lst in lists], slop)
            if chains:
                out.setdefault(d, {})[("phrase", fieldname, tuple(words))] = chains
    return out


def _together(s: Searcher, docnum: int, by_key: dict[Key, list[int]],
              groups: list[set[Key]]) -> list[int]:
    """Positions in the segments that hold a word of every group, plus those
    outside the transcript; [] when no segment holds them all."""
    info = column_value(s, "segmap", docnum) or {}
    starts = [entry[3] for entry in info.get("segments", [])]
    ntokens = info.get("ntokens", 0)
    covered: dict[int, set[int]] = {}
    for g, keys in enumerate(groups):
        for key in keys:
            for p in by_key.get(key, ()):
                if p < ntokens:
                    covered.setdefault(bisect_right(starts, p) - 1, set()).add(g)
    full = {i for i, gs in covered.items() if len(gs) == len(groups) and i >= 0}
    if not full:
        return []
    every = sorted(set().union(*by_key.values()))
    return [p for p in every if p >= ntokens or bisect_right(starts, p) - 1 in full]


def matching_segments(s: Searcher, docnum: int, positions: list[int]
                      ) -> tuple[tuple[int, int, int | None], ...]:
    """(segment_id, start_ms, end_ms) of the segments holding ``positions``, by time."""
    info = column_value(s, "segmap", docnum) or {}
    segmap = info.get("segments", [])
    ntokens = info.get("ntokens", 0)
    starts = [entry[3] for entry in segmap]
    # One bisect per position, in C (an hour of speech: thousands of positions).
    inside = set(map(partial(bisect_right, starts), filter(ntokens.__gt__, positions)))
    found: dict[int, tuple[int, int, int | None]] = {}
    for i in sorted(inside):
        if i >= 1:
            seg_id, start_ms, end_ms = segmap[i - 1][:3]
            found[seg_id] = (seg_id, start_ms, end_ms)
    return tuple(sorted(found.values(), key=lambda t: t[1]))


def snippet_for(s: Searcher, docnum: int, positions: list[int], maxchars: int = 240
                ) -> Snippet | None:
    """The transcript window with most matches, else the description, else None.

    Positions become characters by re-running the tokenizer's regex over
    the stored text (the index keeps no character offsets).
    """
    stored = s.stored_fields(docnum)
    info = column_value(s, "segmap", docnum) or {}
    ntokens = info.get("ntokens", 0)
    in_text = [p for p in positions if p < ntokens]
    if in_text:
        text = stored.get("text_store", "")
        marks = _transcript_spans(text, info.get("segments", []), in_text, ntokens)
    elif stored.get("description_store"):
        base, count = info.get("description", (0, 0))
        text = stored["description_store"]
        spans = token_spans(text)
        marks = [spans[p - base] for p in positions
                 if base <= p < base + count and p - base < len(spans)]
    else:
        return None
    return make_snippet(text, marks, maxchars)


def _transcript_spans(text: str, segmap: list, positions: list[int],
                      ntokens: int) -> list[tuple[int, int]]:
    """Character spans of the matches in the segment with most of them.

    Only that segment is tokenised (a whole transcript is ~3,000 regex
    matches; 20 rows of them took ~0.3 s); the snippet window is cut there.
    """
    starts = [entry[3] for entry in segmap]
    by_segment: dict[int, list[int]] = {}
    for p in positions:
        i = bisect_right(starts, p) - 1
        if i >= 0:
            by_segment.setdefault(i, []).append(p)
    if by_segment:  # the snippet shows one window: the segment with most matches
        best = max(by_segment, key=lambda i: (len(set(by_segment[i])), -i))
        by_segment = {best: by_segment[best]}
    out: list[tuple[int, int]] = []
    for i, wanted in by_segment.items():
        first_pos, first_char = segmap[i][3], segmap[i][4]
        end_char = segmap[i + 1][4] if i + 1 < len(segmap) else len(text)
        spans = token_spans(text[first_char:end_char])
        for p in wanted:
            k = p - first_pos
            if 0 <= k < len(spans):
                out.append((first_char + spans[k][0], first_char + spans[k][1]))
    return out


def per_searcher(s: Searcher) -> dict:
    """Caches that live and die with one searcher (never keyed by ``id()``,
    which a later searcher may reuse: a stale set of visible documents
    would be a consent leak)."""
    cache = s.__dict__.get("_memoria_cache")
    if cache is None:
        cache = s.__dict__["_memoria_cache"] = {}
    return cache


def column(reader: Any, name: str) -> list:
    """A segment's column values; Nones for a segment without the column.

    whoosh writes no column for a merged segment whose documents were all
    deleted, and then ``column_reader`` fails on PickleColumn's missing
    default (AttributeError in 2.7.5).
    """
    if reader.has_column(name):
        return list(reader.column_reader(name))
    return [None] * reader.doc_count_all()


def column_value(s: Searcher, name: str, docnum: int) -> Any:
    """One document's column value, read from its own segment (see column).

    Column readers are opened once per searcher (opening one costs ~0.5 ms).
    """
    mine = per_searcher(s)
    key = ("columns", name)
    readers = mine.get(key)
    if readers is None:
        readers = [(offset, reader.column_reader(name) if reader.has_column(name) else None)
                   for reader, offset in s.reader().leaf_readers()]
        readers.reverse()
        mine[key] = readers
    for offset, column in readers:
        if docnum >= offset:
            return None if column is None else column[docnum - offset]
    return None


def reopen(s: Searcher) -> Searcher:
    """A searcher on the newest commit. Not ``Searcher.refresh()``: in
    whoosh-reloaded 2.7.5 it reuses a segment's reader when the segment id
    is unchanged (``Segment.__eq__`` compares ids only), so documents deleted
    by a later commit keep matching: a withdrawn item would stay findable.
    The old searcher is left open for results still holding it."""
    return s._ix.searcher()  # noqa: SLF001 - the index the searcher came from
