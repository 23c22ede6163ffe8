"""The engine's whoosh schema: one document per item *view*, slim by design.

Why item documents (not one document per transcript segment): an AND whose
words fall in the title and in a segment must match the item, totals and
facet counts are counts of items, and relevance is per item. The segment a
word was spoken in is still known: the transcript is indexed as one text
with positions, and ``segmap`` (a column) holds the token position where
each segment starts, so the positions of the matched words name the segments
and their times (see ``engine``).

Why slim: the first schema (stemmed es + en + exact twins of every field,
all with character offsets) built 1,000 testimonies in 375 s. Here each
text field exists once per item language (``text`` for Spanish and other
languages, ``text_en`` for English), the exact form of a word shares the
stem's posting list (``analysis.TwinTokenizer``), and no field keeps
character offsets (+50% size, +40% build time when measured): token
positions name the segment, and a snippet finds a position's characters by
re-running the tokenizer's regex over the stored text of the rows on screen.

STABLE: analyzers pickled into the index live in ``memoria.search.analysis``.
Bump :data:`INDEX_VERSION` whenever this schema or what goes into a
document changes; the index is then rebuilt from the catalogue.
"""

from __future__ import annotations

from whoosh import columns
from whoosh import fields as F
from whoosh.analysis import IDTokenizer, LowercaseFilter

from memoria.search.analysis import (
    SearchFields,
    exact_analyzer,
    twin_analyzer,
)
from memoria.search.positions import TwinPositions

__all__ = ["INDEX_VERSION", "LOGICAL_TEXT", "QUERY_FIELDS", "TYPED_FIELDS", "engine_schema"]

#: Bump when the schema or the document builder changes (forces a rebuild).
INDEX_VERSION = 6  # 6: posting blocks with values apart (codec.SplitBlockCodec)

#: Logical text fields with per-language twin fields ``x`` and ``x_en``.
LOGICAL_TEXT = ("title", "description", "text", "subjects", "notes")

#: How querylang names fields for this schema: ``x_exact`` does not exist
#: here; the engine rewrites those leaves onto the twin fields (``=word``).
#: Bare words search ``text`` alone: it holds the transcript AND every short
#: field (see ``documents``), so one term per language instead of thirteen.
QUERY_FIELDS = SearchFields(exact_suffix="_exact", exact_twin_in_words=False,
                            default=("text",))

#: Fields the typed clauses (tipo:, idioma:, año:, fecha:) query.
TYPED_FIELDS = frozenset({"kind", "language", "date_start", "date_end"})


def engine_schema() -> F.Schema:
    """Build the schema (see the module docstring for why each choice)."""
    schema = F.Schema()
    for logical in LOGICAL_TEXT:
        for name, lang in ((logical, "es"), (logical + "_en", "en")):
            text = F.TEXT(analyzer=twin_analyzer(lang), phrase=True)
            text.format = TwinPositions(field_boost=text.format.field_boost)
            schema.add(name, text)
    schema.add("people", F.TEXT(analyzer=exact_analyzer(), phrase=True))
    schema.add("places", F.TEXT(analyzer=exact_analyzer(), phrase=True))
    schema.add("accession", F.ID(stored=True, sortable=True,
                                 analyzer=IDTokenizer() | LowercaseFilter()))
    schema.add("doc_id", F.ID(stored=True, unique=True))
    schema.add("item_id", F.ID(sortable=True))
    schema.add("visible_to", F.KEYWORD(scorable=False))
    schema.add("kind", F.ID)
    schema.add("language", F.KEYWORD(scorable=False))
    for name in ("date_start", "date_end"):
        schema.add(name, F.NUMERIC(numtype=int, bits=32, sortable=True, default=0))
    # Per-document facts read in bulk (facets, filters, grouping): columns, so
    # reading them does not unpickle the stored transcript.
    schema.add("facets", F.COLUMN(columns.PickleColumn(columns.VarBytesColumn())))
    schema.add("segmap", F.COLUMN(columns.PickleColumn(columns.VarBytesColumn())))
    # The exact strings indexed into text/description, for snippets.
    schema.add("text_store", F.STORED)
    schema.add("description_store", F.STORED)
    return schema
