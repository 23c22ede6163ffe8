"""Measure the search analysis on a generated corpus: build, query, snippet.

Indexes each testimony as one item document (title, description, people,
places, subjects, dates) plus one document per transcript segment (the
DESIGN's suggestion: a hit names the moment to open, and phrases and
snippets run over short texts). Prints build time, index size, and median
times for typical queries and for 20 snippets.

    .venv/bin/python -m bench.analysis_probe --items 1000
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.highlight import ContextFragmenter, Highlighter, NullFormatter

from bench.corpus import Testimony, generate
from memoria.domain.dates import UncertainDate
from memoria.search.querylang import SearchFields, build_schema, parse_query
from memoria.search.snippets import snippets_for_hits

F = SearchFields()

QUERIES = [
    ("term", "Medellin"),
    ("term", "desplazados"),
    ("term", "organizacion"),
    ("term", "niños"),
    ("term", "año"),
    ("AND", "madres buscadoras Escombrera"),
    ("AND+stop", "la casa de mi mamá"),
    ("OR/NOT", "helicóptero OR tanques -Ejército"),
    ("phrase", '"la Escombrera"'),
    ("phrase", '"salir corriendo"'),
    ("phrase", '"yuca y plátano"'),
    ("phrase", '"me acuerdo que"'),
    ("prefix", "desplaz*"),
    ("prefix", "organiz*"),
    ("exact", "=desplazadas"),
    ("fuzzy", "Medelin~"),
    ("field", 'lugar:"El Salado"'),
    ("field", "tipo:testimonio año:2002 Orión"),
    ("english", "displaced"),
]


def _bounds(edtf: str) -> tuple[int | None, int | None]:
    d = UncertainDate.from_edtf(edtf)

    def num(x: Any) -> int | None:
        return None if x is None else x.year * 10000 + x.month * 100 + x.day

    return num(d.earliest), num(d.latest)


def documents(t: Testimony) -> list[dict[str, Any]]:
    """One item document and one per segment, routed to language twins."""
    lo, hi = _bounds(t.date)
    facets = {"kind": t.kind, "language": t.language, "item_id": t.accession,
              "year": lo // 10000 if lo else None, "date_start": lo, "date_end": hi}
    item = F.document({
        **facets, "doc_id": t.accession, "accession": t.accession, "title": t.title,
        "description": t.description, "subjects": t.subjects,
        "people": [p.pseudonym or p.name for p in t.participants],
        "places": [p[-1] for p in t.places] + [p[-2] for p in t.places],
    }, t.language)
    segs = [F.document({**facets, "doc_id": f"{t.accession}#{s.index}", "segment": s.index,
                        "seg_start": s.start, "seg_end": s.end, "text": s.text}, t.language)
            for s in t.segments]
    return [item, *segs]


def median_ms(fn: Callable[[], Any], runs: int = 5) -> tuple[float, Any]:
    out = fn()  # warm
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--dir", type=Path, default=None, help="keep the index here")
    ap.add_argument("--procs", type=int, default=1)
    ap.add_argument("--reuse", action="store_true", help="query an index left by --dir")
    args = ap.parse_args()
    where = args.dir or Path(tempfile.mkdtemp(prefix="memoria-probe-"))
    where.mkdir(parents=True, exist_ok=True)
    build(where, args)
    if args.dir is None:
        shutil.rmtree(where)


def build(where: Path, args: argparse.Namespace) -> None:
    """Generate the corpus and index it in ``where`` (unless reusing one)."""
    t0 = time.perf_counter()
    items = list(generate(args.items))
    t_gen = time.perf_counter() - t0
    words = sum(t.word_count for t in items)
    nseg = sum(len(t.segments) for t in items)

    if args.reuse and index.exists_in(str(where)):
        return search(where, args)
    ix = index.create_in(str(where), build_schema())
    t0 = time.perf_counter()
    kw = {"procs": args.procs, "multisegment": True} if args.procs > 1 else {}
    writer = ix.writer(limitmb=256, **kw)
    for t in items:
        for doc in documents(t):
            writer.add_document(**doc)
    t_add = time.perf_counter() - t0
    writer.commit()
    t_build = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in where.iterdir())
    print(f"corpus: {args.items} testimonies, {nseg} segments, {words} words, "
          f"generated in {t_gen:.1f} s")
    print(f"index: {t_build:.1f} s to build ({t_add:.1f} s adding, procs={args.procs}), "
          f"{size / 1e6:.0f} MB, {ix.doc_count()} documents")
    search(where, args)


def search(where: Path, args: argparse.Namespace) -> None:
    """Time the queries and snippets on the index in ``where``."""
    ix = index.open_dir(str(where))
    with ix.searcher() as s:
        t0 = time.perf_counter()
        s.search(parse_query("memoria"), limit=20)
        print(f"cold first query: {(time.perf_counter() - t0) * 1000:.0f} ms")
        print(f"{'kind':9} {'query':36} {'parse':>6} {'search':>7} {'hits':>7} {'20 snip':>8}")
        for kind, text in QUERIES:
            t_parse, q = median_ms(lambda text=text: parse_query(text))
            t_search, results = median_ms(lambda q=q: s.search(q, limit=20, terms=True))
            t_snip, _ = median_ms(lambda r=results: snippets_for_hits(r, r[:20]))
            print(f"{kind:9} {text:36} {t_parse:6.1f} {t_search:7.1f} "
                  f"{len(results):7d} {t_snip:8.1f}")
        # Reference: whoosh's re-tokenising highlighter on the same 20 hits.
        results = s.search(parse_query("=desplazados"), limit=20, terms=True)
        hl = Highlighter(fragmenter=ContextFragmenter(maxchars=240, charlimit=None),
                         formatter=NullFormatter(), always_retokenize=True)
        t_ref, _ = median_ms(lambda: [hl.highlight_hit(h, "text_exact") for h in results])
        t_ours, _ = median_ms(lambda: snippets_for_hits(results, results[:20]))
        print(f"20 snippets for =desplazados: ours {t_ours:.1f} ms, "
              f"whoosh re-tokenising {t_ref:.1f} ms")


if __name__ == "__main__":
    main()
