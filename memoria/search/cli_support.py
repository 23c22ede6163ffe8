"""What ``memoria search`` and ``memoria reindex`` do, kept out of memoria/cli.py.

The command line is one short-lived process per search, so it makes the
index usable first (building it when missing, damaged or of an older
version, catching up with saves otherwise), telling the person on stderr
when that takes a while; it falls back to the plain catalogue search only
when no index can be had.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from memoria.domain.consent import Audience
from memoria.search.engine import IndexUnavailable, SearchEngine
from memoria.search.snippets import Snippet
from memoria.storage.archive import Archive

__all__ = ["CliHit", "CliSearch", "reindex", "run_search", "snippet_json", "syntax_sentence"]

#: What the index's state means, in Spanish (engine.problem() speaks English for logs).
_PROBLEM_ES = {
    "there is no index yet": "todavía no hay índice",
    "the index was built by an older version": "el índice es de una versión anterior",
    "the index is not encrypted like the archive": "el índice no está cifrado como el archivo",
    "the index is encrypted but the archive is not": "el índice está cifrado y el archivo no",
    "the index folder is missing": "falta la carpeta del índice",
    "the index is damaged": "el índice está dañado",
    "the index cannot be opened": "el índice no se puede abrir",
}

#: A malformed query by its code (querylang.QuerySyntaxError.code), as the window says it.
_SYNTAX = {
    "es": {
        "stray_paren": "Hay un paréntesis sin cerrar o sin abrir.",
        "leading_wildcard": "Una palabra no puede empezar con * o ?.",
        "short_prefix": "Escriba al menos dos letras antes de * o ?.",
        "missing_value": "Un campo necesita un valor después de los dos puntos.",
        "bad_kind": "Tipo desconocido: use testimonio, fotografía o audio.",
        "bad_language": "Idioma desconocido: use un código como es o en.",
        "bad_range": "Esa fecha o ese año no son válidos; escriba por ejemplo 1998 o 1985..1991.",
        "range_without_field": "Un rango entre [ ] necesita un campo, como en "
                               "año:[1985 TO 1991].",
        "unknown_field": "Campo desconocido. Campos: titulo, persona, lugar, tema, tipo, año, "
                         "fecha, texto, description, nota, idioma, exacto.",
    },
}


def _problem_text(problem: str, lang: str) -> str:
    if lang != "es":
        return problem
    for english, spanish in _PROBLEM_ES.items():
        if problem.startswith(english):
            return spanish + problem[len(english):]
    return problem


def syntax_sentence(code: str, message: str, position: int | None, lang: str) -> str:
    """A malformed query in one sentence, in `lang` (English: the parser's own words)."""
    text = _SYNTAX.get(lang, {}).get(code, message)
    if position is None:
        return text
    if lang == "es":
        return f"{text.rstrip('. ')} (carácter {position + 1})."
    return f"{text.rstrip('. ')} (at character {position + 1})."


@dataclass
class CliHit:
    item_id: int
    score: float | None
    segments: list[dict] = field(default_factory=list)
    snippet: dict | None = None


@dataclass
class CliSearch:
    engine: str  # "index" or "catalogue"
    total: int
    hits: list[CliHit]
    facets: dict | None = None
    #: ñ spellings also searched ("ninos" -> "niños"), see SearchResults
    also_searched: list[str] = field(default_factory=list)


def _progress_printer(lang: str):  # noqa: ANN202 - a progress callback
    last = [-1]

    def report(done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 100
        if percent // 10 != last[0] // 10 or done == total:
            last[0] = percent
            if lang == "es":
                line = f"memoria: indexando: {done}/{total} elementos ({percent} %)"
            else:
                line = f"memoria: indexing: {done}/{total} items ({percent}%)"
            print(line, file=sys.stderr)
    return report


def snippet_json(snippet: Snippet | None) -> dict | None:
    """The JSON form of a snippet: text plus [start, end] spans into it."""
    if snippet is None:
        return None
    return {"text": snippet.text, "spans": [list(s) for s in snippet.spans],
            "clipped_start": snippet.clipped_start, "clipped_end": snippet.clipped_end}


def _ready(engine: SearchEngine, lang: str) -> None:
    problem = engine.problem()
    if problem:
        because = _problem_text(problem, lang)
        print(f"memoria: primero se construye el índice de búsqueda ({because}); "
              "esto pasa una sola vez." if lang == "es" else
              f"memoria: building the search index first ({because}); this happens once.",
              file=sys.stderr)
    engine.ensure_fresh(progress=_progress_printer(lang) if problem else None)


def run_search(archive: Archive, query: str, audience: Audience, limit: int,
               want_facets: bool, lang: str = "en") -> CliSearch:
    """Search with the index (building it if needed) or, failing that, the catalogue.

    QuerySyntaxError propagates (the caller prints its message).
    """
    engine = SearchEngine(archive)
    try:
        try:
            _ready(engine, lang)
        except (RuntimeError, OSError, IndexUnavailable) as exc:
            raise IndexUnavailable(str(exc)) from exc
        results = engine.search(query, audience, page_size=max(1, limit))
        snippets = engine.snippets(results, range(len(results.hits)))
        hits = [CliHit(h.item_id, round(h.score, 4),
                       [{"id": s, "start_ms": a, "end_ms": b} for s, a, b in h.segments],
                       snippet_json(snip))
                for h, snip in zip(results.hits, snippets, strict=True)]
        facets = None
        if want_facets:
            facets = {name: [{"value": v, "count": n} for v, n in values]
                      for name, values in engine.facets(query, audience).items()}
        return CliSearch("index", results.total, hits, facets, list(results.also_searched))
    except IndexUnavailable as exc:
        from memoria.catalogue_search import catalogue_search

        because = _problem_text(str(exc), lang)
        print(f"memoria: el índice de búsqueda no está disponible ({because}); se busca "
              "directamente en el catálogo (sin variantes de las palabras, fragmentos ni "
              "facetas)." if lang == "es" else
              f"memoria: the search index is unavailable ({because}); "
              "searching the catalogue directly (no stemming, snippets or facets).",
              file=sys.stderr)
        ids = catalogue_search(archive, query, audience)
        return CliSearch("catalogue", len(ids), [CliHit(i, None) for i in ids[:limit]])
    finally:
        engine.close()


def reindex(archive: Archive, procs: int = 2, lang: str = "en") -> None:
    """Rebuild the index from the catalogue, with progress on stderr."""
    engine = SearchEngine(archive)
    try:
        engine.rebuild(progress=_progress_printer(lang), procs=procs)
        engine.update_items(())
    finally:
        engine.close()
