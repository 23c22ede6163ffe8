"""Highlighted snippets for the hits on screen, as plain text plus match spans.

Why not whoosh's ``Highlighter``: it re-analyses each hit's whole text
(~400 ms for 20 hits, SEARCH-NOTES), stops at 32 KiB of text unless its
``charlimit`` is raised, highlights one field only (a Spanish hit matched in
``text`` and an exact one in ``text_exact`` are different fields here) and
returns markup. Instead:

* every text field stores character offsets (``chars=True``), and all twins
  of a field (``text``, ``text_en``, ``text_exact``) are indexed from the same
  stored string, so the offsets read from any twin's postings point into the
  stored ``x_exact`` value. No text is analysed at snippet time and there is
  no character limit: a match 40,000 characters into a transcript still gets
  its snippet;
* snippets are made only for the hits the caller passes (the rows on
  screen), reading each matched term's postings once for the whole page;
* the output is plain text with ``(start, end)`` spans, so the Qt view and
  the HTML exporter each escape and style it their own way (no markup to
  sanitise, no injection through transcript text).

Known limit: every occurrence of a matched word is marked, so for the phrase
"me acuerdo que" each "que" in the window is marked too (the stored
positions would allow marking only the phrase; not done yet).

Search with ``searcher.search(q, terms=True)`` so each hit knows its matched
terms; without it the query's own terms are used (slower, and a prefix or
fuzzy term is expanded against the whole index). Make snippets while the
searcher is still open.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from whoosh.searching import Hit, Results

from memoria.search.analysis import SearchFields, search_fold

__all__ = ["Snippet", "make_snippet", "snippets_for_hits"]

_WORD_GAP = " \n\t"


@dataclass(frozen=True)
class Snippet:
    """A window of a stored text with the matched words marked.

    ``spans`` are ``(start, end)`` offsets into ``text``; ``offset`` is where
    ``text`` starts in the whole stored value; ``clipped_start`` and
    ``clipped_end`` say whether to draw an ellipsis on either side.
    """

    text: str
    spans: tuple[tuple[int, int], ...]
    offset: int = 0
    clipped_start: bool = False
    clipped_end: bool = False


def make_snippet(text: str, matches: Iterable[tuple[int, int]], maxchars: int = 240) -> Snippet:
    """Cut the ``maxchars`` window of ``text`` holding the most distinct matches.

    ``matches`` are character offsets into ``text``; overlapping ones are
    merged. With no matches the snippet is the start of the text (the hit
    matched in another field, e.g. the title). Window edges are moved to
    word boundaries so no word is cut in half.
    """
    spans = _merge(sorted((s, e) for s, e in matches if 0 <= s < e <= len(text)))
    if len(text) <= maxchars:
        return Snippet(text, tuple(spans))
    if not spans:
        end = _back_to_gap(text, maxchars, 0)
        return Snippet(text[:end], (), 0, False, True)
    # The window with the most distinct matched words, then the most matches:
    # "Medellin organizacion" should show both words, not Medellín twice.
    keys = [search_fold(text[s:e]) for s, e in spans]
    best_i, best_n, best_score = 0, 1, (0, 0)
    for i, (s, _) in enumerate(spans):
        j = i
        while j + 1 < len(spans) and spans[j + 1][1] - s <= maxchars:
            j += 1
        score = (len(set(keys[i:j + 1])), j - i + 1)
        if score > best_score:
            best_i, best_n, best_score = i, j - i + 1, score
    first = spans[best_i][0]
    last = spans[best_i + best_n - 1][1]
    slack = max(0, maxchars - (last - first))
    start = max(0, first - slack // 2)
    end = min(len(text), start + maxchars)
    start = max(0, min(start, end - maxchars))
    if start > 0:
        start = _forward_to_gap(text, start, first)
    if end < len(text):
        end = _back_to_gap(text, end, last)
    inside = tuple((s - start, e - start) for s, e in spans if s >= start and e <= end)
    return Snippet(text[start:end], inside, start, start > 0, end < len(text))


def _merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _forward_to_gap(text: str, start: int, limit: int) -> int:
    """Move ``start`` past a partial word, never beyond ``limit``."""
    if text[start - 1] in _WORD_GAP:
        return start
    for k in range(start, limit):
        if text[k] in _WORD_GAP:
            return k + 1
    return start


def _back_to_gap(text: str, end: int, limit: int) -> int:
    """Move ``end`` back before a partial word, never before ``limit``."""
    if text[end] in _WORD_GAP:
        return end
    for k in range(end - 1, limit - 1, -1):
        if text[k] in _WORD_GAP:
            return k
    return end


def snippets_for_hits(
    results: Results,
    hits: Iterable[Hit],
    logical: str = "text",
    fields: SearchFields | None = None,
    maxchars: int = 240,
) -> list[Snippet | None]:
    """One snippet per hit (``None`` when the hit has no stored ``logical`` text).

    Pass only the rows on screen, e.g. ``results[20:40]``. Each matched
    term's postings are read once for the whole page, walking the page's
    document numbers in order.
    """
    f = fields or SearchFields()
    family = set(f.family(logical))
    stored = f.exact_field(logical)
    hits = list(hits)
    searcher = results.searcher

    wanted: dict[tuple[str, bytes], list[int]] = {}
    if results.has_matched_terms():
        for hit in hits:
            for term in hit.matched_terms():
                if term[0] in family:
                    wanted.setdefault(term, []).append(hit.docnum)
    else:
        everyone = [hit.docnum for hit in hits]
        for term in _query_terms(results, family):
            wanted[term] = everyone

    offsets: dict[int, list[tuple[int, int]]] = {hit.docnum: [] for hit in hits}
    for (fieldname, btext), docnums in wanted.items():
        matcher = searcher.postings(fieldname, btext)
        for docnum in sorted(set(docnums)):
            if not matcher.is_active():
                break
            matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                offsets[docnum].extend((s, e) for _, s, e in matcher.value_as("characters"))

    out: list[Snippet | None] = []
    for hit in hits:
        text = hit.get(stored)
        out.append(None if text is None else make_snippet(text, offsets[hit.docnum], maxchars))
    return out


def _query_terms(results: Results, family: set[str]) -> set[tuple[str, bytes]]:
    """The query's terms in ``family`` that exist, prefixes and fuzzy expanded.

    Not ``Query.existing_terms``: in whoosh 2.7.4/2.7.5 its loop variable
    shadows the ``fieldname`` argument, so after the first term it skips
    every leaf of another field.
    """
    reader = results.searcher.reader()
    schema = reader.schema
    found: set[tuple[str, bytes]] = set()
    for leaf in results.q.leaves():
        if leaf.field() not in family:
            continue
        for fieldname, text in leaf.expanded_terms(reader, phrases=True):
            btext = schema[fieldname].to_bytes(text)
            if (fieldname, btext) in reader:
                found.add((fieldname, btext))
    return found
