"""Text analysis for the full-text index: accent folding and per-language stemming.

STABLE IMPORT PATH. Whoosh pickles each field's analyzer into the index's
table of contents, so the filter classes below are referenced by their module
path (``memoria.search.analysis.FoldFilter`` ...). Moving or renaming them
makes existing indexes unreadable; if that ever has to happen, bump
:data:`ANALYSIS_VERSION` so the index is rebuilt from the catalogue (the index
is a cache, see DESIGN "Search").

Decisions, and why:

* **Stem the accented word AND the folded word, and keep both stems at the
  word's position** (:func:`stem_set`). Neither order of folding and
  stemming serves alone (measured on Snowball's Spanish vocabulary, see
  ``tests/unit/test_search_snowball.py``): folding first blinds Snowball's
  rules for accented endings (1,266 of 28,378 words stem differently;
  ``desapareció`` no longer meets ``desaparecido``), and stemming first
  makes the two spellings diverge (``tenía`` -> ``ten`` but ``tenia`` ->
  ``teni``). So each word is indexed under ``search_fold(stem(word))`` (Snowball's
  own answer: ``desapareció`` -> ``desaparec``) and ``stem(search_fold(word))``
  (what a keyboard without accents produces: ``tenia`` -> ``teni``), and a
  query word is analysed the same way and matches either. Most words give
  one term: the two differ only where an accent changes Snowball's rules.
* **Restore the accent on -ion endings before the Spanish stemmer.** The
  Snowball stemmer only strips ``-ación``/``-ución`` with the accent:
  folded ``organizacion`` would stay whole while ``organizaciones`` becomes
  ``organiz``. Singular Spanish words ending in ``-ion`` nearly always carry
  the accent (canción, reunión, Orión), so putting it back is safe; the
  plural ``-iones`` has no accent and needs nothing. (Snowball's current
  Spanish stemmer does the same: its published output stems
  ``educacion`` to ``educ``.)
* **Singular and masculine forms where Snowball leaves them apart**, as a
  third term at the same position (never instead of Snowball's stem):
  Snowball protects short words (``año``/``años``, ``día``/``días``,
  ``ojo``/``ojos``, ``tío``/``tía``) and does not know loan-word plurals in
  bare -s (``clubs``, ``chips``, ``ONGs``), z/c plurals (``vez``/``veces``,
  ``luz``/``luces``) or that ``-er``/``-ar``/``-en`` of a singular noun is
  not a verb ending (``mujer`` -> ``muj`` but ``mujeres`` -> ``mujer``;
  ``lugar``/``lugares``, ``paramilitar``/``paramilitares``,
  ``joven``/``jóvenes``). :func:`_singular` names the rules; ``dios`` is
  kept apart from ``dio``, and gender is only joined for the few short
  words in :data:`_GENDER` (``día``/``dio`` or ``esa``/``es`` must not meet).
* **ñ stays ñ.** It is a letter of its own in Spanish, not an accented n:
  ``año`` (year) and ``ano`` (anus), ``cañón`` and ``cañon``/``canon``,
  ``peña`` and ``pena`` differ in meaning, and the testimonies talk about
  years constantly. Colombian keyboards have the key, and the Spanish
  stemmer knows the letter. Folding to a form such as ``ny`` was rejected:
  it buys nothing over keeping ñ and makes the index terms unreadable. For
  someone typing ``ninos`` on a keyboard without ñ, the engine also searches
  the ñ spellings the index holds and says so (``expansion``).
  Every other diacritic folds (á->a, ü->u, ç->c), and input is NFC-normalised
  first so decomposed text (n + U+0303, common in text pasted from macOS)
  folds the same as composed text.
* **No stop words in the index.** Whoosh's stop filter drops one-letter
  words (a, y, o) and renumbers positions, so the phrase "madres y padres"
  would also match "madres padres" and "madres de padres". Every word is
  indexed at its true position, which keeps phrases exact. Stop words are
  instead dropped from loose query words (see ``querylang``), where they
  only cost time.
* **Tokens keep combining marks** (U+0300-U+036F) so decomposed text is not
  split in the middle of a word.

Three analyzers: ``es`` (the Spanish stem set), ``en`` (the English stem
set: both orders, no extra rules) and the language-neutral ``exact`` one (fold only) for the
exact-word twin fields, names and places, prefixes, wildcards and fuzzy terms
(the stemmed fields hold stems, so ``desplazam*`` would match nothing there).

Per-language stemming needs per-language fields (a whoosh field has one
analyzer): :class:`SearchFields` names them and :func:`build_schema` builds
the schema here, next to the analyzers, because which analyzer a field gets
and what the field is called are one decision. ``querylang`` re-exports both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from whoosh import fields as F
from whoosh.analysis import (
    Analyzer,
    Filter,
    IDTokenizer,
    LowercaseFilter,
    RegexTokenizer,
    Token,
    Tokenizer,
)

from memoria.search.stemming import FOLD_MAP, search_fold, stem_set  # noqa: F401 - FOLD_MAP re-exported

__all__ = [
    "ANALYSIS_VERSION",
    "FoldFilter",
    "IonAccentFilter",
    "LowerFilter",
    "StemSetFilter",
    "TwinFilter",
    "TwinTokenizer",
    "LANGUAGES",
    "SearchFields",
    "analyze",
    "analyze_positions",
    "analyzer_for",
    "build_schema",
    "english_analyzer",
    "exact_analyzer",
    "exact_token",
    "search_fold",
    "spanish_analyzer",
    "stem_set",
    "token_spans",
    "twin_analyzer",
]

#: Bump when analysis changes in a way that makes old index terms wrong.
#: 2: stem sets (both orders of folding and stemming, singular forms).
ANALYSIS_VERSION = 2

#: Languages with a stemming analyzer; anything else is analysed neutrally.
LANGUAGES = ("es", "en")

#: Words, keeping combining marks and inner dots ("1.200", "c.c.").
TOKEN_PATTERN = r"[\w\u0300-\u036f]+(?:\.?[\w\u0300-\u036f]+)*"

class FoldFilter(Filter):
    """Lower-cases and folds each token with :func:`search_fold`.

    A class of our own rather than whoosh's ``LowercaseFilter |
    CharsetFilter`` so the table (ñ kept) is defined in one place and the
    NFC step cannot be forgotten.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = search_fold(t.text)
            yield t


class IonAccentFilter(Filter):
    """Puts the accent back on folded singular ``-ion`` endings (see docstring).

    No longer in any chain (``stem_set`` restores the accent itself); kept
    importable for indexes pickled before ANALYSIS_VERSION 2.
    """

    _pattern = re.compile(r"ion$")

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        sub = self._pattern.sub
        for t in tokens:
            if t.text.endswith("ion"):
                t.text = sub("ión", t.text)
            yield t


def _base() -> Analyzer:
    return RegexTokenizer(expression=TOKEN_PATTERN) | FoldFilter()


def _lower() -> Analyzer:
    return RegexTokenizer(expression=TOKEN_PATTERN) | LowerFilter()


class LowerFilter(Filter):
    """NFC-normalises and lower-cases each token, keeping its accents (for stemming)."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = unicodedata.normalize("NFC", t.text).lower()
            yield t


class StemSetFilter(Filter):
    """Emits each word's :func:`stem_set` at the word's position (see module docstring).

    Expects tokens lower-cased but not folded (:class:`LowerFilter`).
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StemSetFilter) and other.lang == self.lang

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            for term in stem_set(t.text, self.lang):
                t.text = term
                yield t


def spanish_analyzer() -> Analyzer:
    """Spanish stem set (both orders, -ión, singular forms). No stop words."""
    return _lower() | StemSetFilter("es")


def english_analyzer() -> Analyzer:
    """English stem set (both orders of folding and stemming). No stop words."""
    return _lower() | StemSetFilter("en")


def exact_analyzer() -> Analyzer:
    """Fold only: for exact-word twins, names, places, prefixes, fuzzy terms."""
    return _base()


#: Marks an unstemmed (exact) term in a twin field: "=desplazados".
EXACT_MARK = "="


def analyze_positions(text: str, lang: str | None) -> list[tuple[str, ...]]:
    """The index terms of ``text``, one tuple of alternatives per word position.

    What a query word must match at that position: any of its terms.
    ``lang`` None (or without a stemmer) gives the folded words.
    """
    primary = _primary(lang)
    words = TOKEN_RE.findall(text)
    if primary not in LANGUAGES:
        return [(search_fold(w),) for w in words]
    return [stem_set(unicodedata.normalize("NFC", w).lower(), primary) for w in words]


def exact_token(word: str, lang: str) -> str:
    """The twin-field term that means exactly the folded ``word`` (see TwinTokenizer)."""
    folded = search_fold(word)
    terms = stem_set(unicodedata.normalize("NFC", word).lower(), lang)
    return folded if terms == (folded,) else EXACT_MARK + folded


class TwinFilter(Filter):
    """Kept importable for indexes built before ANALYSIS_VERSION 2 (pickled).

    Emits each word's stem and, when it differs, ``=word`` at the same position.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TwinFilter) and other.lang == self.lang

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            word = t.text
            terms = stem_set(word, self.lang)
            for term in terms:
                t.text = term
                yield t
            if terms != (word,):
                t.text = EXACT_MARK + word
                yield t


TOKEN_RE = re.compile(TOKEN_PATTERN)
_TWIN_CACHE: dict[str, dict[str, tuple[tuple[str, ...], str | None]]] = {"es": {}, "en": {}}
_TWIN_CACHE_MAX = 400_000


def _twin_entry(raw: str, lang: str) -> tuple[tuple[str, ...], str | None]:
    """(stem terms, exact term or None) for a raw token, cached per language.

    The exact term ``=word`` is left out when the word's only stem is the
    word itself ("que", "de"): the stem then stands for it (``exact_token``).
    """
    table = _TWIN_CACHE[lang]
    entry = table.get(raw)
    if entry is None:
        folded = search_fold(raw)
        terms = stem_set(unicodedata.normalize("NFC", raw).lower(), lang)
        entry = (terms, None if terms == (folded,) else EXACT_MARK + folded)
        if len(table) > _TWIN_CACHE_MAX:
            table.clear()
        table[raw] = entry
    return entry


class SectionedText(str):
    """A field value made of ``sections`` joined by newlines (no token spans one).

    The all-fields ``text`` of an item document is its transcript followed by
    its short fields; an item with a pseudonymised view has two documents
    whose transcripts are usually the same string. Analysing such a value
    section by section, with a ``memo`` the two documents share (the
    document builder's, emptied at each item, so no transcript outlives its
    item's indexing), lets the second reuse the first one's transcript
    analysis. It is still the plain joined string for everything else.
    """

    sections: tuple[str, ...]
    memo: SectionMemo | None
    head_tokens: list[str] | None

    def __new__(cls, sections: list[str] | tuple[str, ...], memo: SectionMemo | None = None,
                head_tokens: list[str] | None = None) -> SectionedText:
        """``head_tokens``: the first section's ``TOKEN_RE`` matches, when the caller
        has them already (the builder counts each segment's words)."""
        text = super().__new__(cls, "\n".join(sections))
        text.sections = tuple(sections)
        text.memo = memo
        text.head_tokens = head_tokens
        return text

    def __reduce__(self) -> tuple:  # pickled (if ever) as the plain string it is
        return str, (str(self),)


#: (language, section) -> (positions by term, number of tokens)
SectionMemo = dict[tuple[str, str], tuple[dict[str, list[int]], int]]

#: Sections shorter than this are analysed again rather than remembered.
_SECTION_MEMO_MIN = 2_000


class TwinTokenizer(Tokenizer):
    """The whole twin chain (tokenise, stem set, ``=word``) in one generator.

    Each word's :func:`stem_set` and, unless its only stem is the word
    itself, ``=word``, all at the word's position; memoised per raw token:
    whoosh's chain of generator filters cost ~17 ms per 3,000-word
    transcript, most of the index build; a dictionary hit per token is a
    fraction of that. Positions count regex matches of :data:`TOKEN_RE`
    from 0, so a snippet can find a position's characters by re-running the
    regex over the stored text (the index keeps no character offsets).
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TwinTokenizer) and other.lang == self.lang

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs: Any) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        table = _TWIN_CACHE[self.lang]
        lang = self.lang
        pos = start_pos
        for m in TOKEN_RE.finditer(value):
            raw = m.group()
            entry = table.get(raw) or _twin_entry(raw, lang)
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + m.start()
                t.endchar = start_char + m.end()
            for term in entry[0]:
                t.text = term
                yield t
            if entry[1] is not None:
                t.text = entry[1]
                yield t
            pos += 1

    def positions_by_term(self, value: str) -> dict[str, list[int]]:
        """Every term of ``value`` with its (sorted) positions.

        The same terms and positions the generator yields, gathered without a
        Token per word: what :class:`TwinPositions` indexes. A
        :class:`SectionedText` is analysed section by section, and a long
        section analysed just before (the transcript of an item's other view)
        is not analysed again.
        """
        if not isinstance(value, SectionedText):
            return self._positions(value)
        poses: dict[str, list[int]] = {}
        offset = 0
        for n, section in enumerate(value.sections):
            part, count = self._section(section, value.memo, None if n else value.head_tokens)
            for term, found in part.items():
                if offset:
                    found = [p + offset for p in found]
                before = poses.get(term)
                # never extended in place: ``part`` may be the memo's own lists
                poses[term] = found if before is None else before + found
            offset += count
        return poses

    def _section(self, section: str, memo: SectionMemo | None,
                 tokens: list[str] | None = None) -> tuple[dict[str, list[int]], int]:
        """(positions by term, number of tokens) of one section, remembered in
        ``memo`` when long."""
        key = (self.lang, section)
        hit = memo.get(key) if memo is not None else None
        if hit is not None:
            return hit
        if tokens is None:
            tokens = TOKEN_RE.findall(section)
        result = self._positions(section, tokens), len(tokens)
        if memo is not None and len(section) >= _SECTION_MEMO_MIN:
            memo[key] = result
        return result

    def _positions(self, value: str, tokens: list[str] | None = None) -> dict[str, list[int]]:
        """Positions by term, gathered per distinct word first (one dictionary
        step per word instead of three: ~12,000 words, ~1,500 distinct, two
        terms each); a term two words share gets their positions merged in
        order. Lists may be shared between terms: never changed in place."""
        by_word: dict[str, list[int]] = {}
        for pos, raw in enumerate(TOKEN_RE.findall(value) if tokens is None else tokens):
            found = by_word.get(raw)
            if found is None:
                by_word[raw] = [pos]
            else:
                found.append(pos)
        table = _TWIN_CACHE[self.lang]
        lang = self.lang
        poses: dict[str, list[int]] = {}
        for raw, found in by_word.items():
            stems, twin = table.get(raw) or _twin_entry(raw, lang)
            for term in stems if twin is None else (*stems, twin):
                before = poses.get(term)
                if before is None:
                    poses[term] = found
                else:  # two sorted runs: one linear merge in sort
                    poses[term] = sorted(before + found)
        return poses


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character span of each token position in ``text`` (see TwinTokenizer)."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


def twin_analyzer(lang: str) -> Analyzer:
    """Stem + exact twin tokens for ``lang`` (es|en): see :class:`TwinTokenizer`."""
    return TwinTokenizer(lang)


def analyzer_for(lang: str | None) -> Analyzer:
    """The analyzer for an item language (ISO 639-1, any case, 'es-CO' ok).

    Languages without a stemmer here get the neutral folded analyzer, which
    is right for names and harmless for text in, say, Portuguese or Emberá.
    """
    return _cached_analyzer(_primary(lang))


def _primary(lang: str | None) -> str:
    return (lang or "").strip().lower().replace("_", "-").split("-")[0]


@lru_cache(maxsize=8)
def _cached_analyzer(lang: str) -> Analyzer:
    if lang == "es":
        return spanish_analyzer()
    if lang == "en":
        return english_analyzer()
    return exact_analyzer()


def analyze(text: str, lang: str | None = None) -> list[str]:
    """The index terms for ``text`` in ``lang`` (``None``: neutral/exact), in order,
    every alternative of a position included (see :func:`analyze_positions`).

    For tests and debugging ("why does X not find Y?").
    """
    return [t.text for t in analyzer_for(lang)(text, mode="query")]


# ---------------------------------------------------------------- schema


@dataclass(frozen=True)
class SearchFields:
    """Physical whoosh field names, injectable so the integrator can adapt them.

    Attribute names are the *logical* fields the query language knows; their
    values are the names in the schema. A stemmed text field ``x`` has three
    twins fed from the same text: ``x`` (Spanish stems), ``x_en`` (English
    stems) and ``x_exact`` (folded, unstemmed, stored). Sharing one source
    text means character offsets from any twin point into the stored
    ``x_exact`` value, which is what snippets rely on.
    """

    accession: str = "accession"
    title: str = "title"
    description: str = "description"
    text: str = "text"
    people: str = "people"
    places: str = "places"
    subjects: str = "subjects"
    notes: str = "notes"
    kind: str = "kind"
    language: str = "language"
    year: str = "year"
    date_start: str = "date_start"
    date_end: str = "date_end"
    doc_id: str = "doc_id"
    item_id: str = "item_id"
    segment: str = "segment"
    seg_start: str = "seg_start"
    seg_end: str = "seg_end"
    english_suffix: str = "_en"
    exact_suffix: str = "_exact"
    #: logical fields with language twins
    stemmed: tuple[str, ...] = ("title", "description", "text", "subjects", "notes")
    #: logical fields of names: one folded, unstemmed field each
    names: tuple[str, ...] = ("people", "places")
    #: logical fields a bare word searches
    default: tuple[str, ...] = (
        "title", "description", "text", "people", "places", "subjects", "notes",
    )
    boosts: Mapping[str, float] = field(
        default_factory=lambda: {
            "title": 3.0, "subjects": 2.0, "people": 2.0, "places": 2.0,
            "description": 1.5, "text": 1.0, "notes": 0.5,
        }
    )
    #: extra weight of the unstemmed twin: the form typed ranks first
    exact_boost: float = 1.2
    #: Also search the unstemmed twin for plain words. Off by default: for
    #: Spanish and English items it matches the same documents as the stem,
    #: and the duplicate union made a common word ~4x slower (probe: 29 ms
    #: for one stemmed term, 122 ms with the twins). Turn on if the archive
    #: holds many items in languages without a stemmer (found otherwise only
    #: by =word, prefix or fuzzy).
    exact_twin_in_words: bool = False

    def stemmed_field(self, logical: str, lang: str) -> str:
        """Physical field holding ``logical`` text stemmed for ``lang``."""
        base = getattr(self, logical)
        return base if lang == "es" else base + self.english_suffix

    def exact_field(self, logical: str) -> str:
        """Physical folded-unstemmed field (the stored one) for ``logical``."""
        base = getattr(self, logical)
        return base + self.exact_suffix if logical in self.stemmed else base

    def family(self, logical: str) -> tuple[str, ...]:
        """Every physical field indexed from ``logical``'s text (for snippets)."""
        if logical not in self.stemmed:
            return (getattr(self, logical),)
        return (self.stemmed_field(logical, "es"), self.stemmed_field(logical, "en"),
                self.exact_field(logical))

    def document(self, values: Mapping[str, Any], lang: str | None) -> dict[str, Any]:
        """Route logical values to physical fields for ``writer.add_document``.

        Text goes to the twin stemmed for the item's language (none for
        languages without a stemmer) and always to the exact twin. Lists
        (people, places, subjects) are joined one per line. Keys that are not
        logical fields pass through untouched (the integrator's own fields).
        """
        primary = (lang or "").lower().split("-")[0]
        doc: dict[str, Any] = {}
        for key, value in values.items():
            if value is None:
                continue
            if isinstance(value, (list, tuple)) and (key in self.stemmed or key in self.names):
                value = "\n".join(str(v) for v in value)
            if key in self.stemmed:
                doc[self.exact_field(key)] = value
                if primary in ("es", "en"):
                    doc[self.stemmed_field(key, primary)] = value
            elif hasattr(self, key) and isinstance(getattr(self, key), str):
                doc[getattr(self, key)] = value
            else:
                doc[key] = value
        if primary and "language" not in values:
            doc[self.language] = primary
        return doc


def build_schema(fields: SearchFields | None = None) -> F.Schema:
    """A whoosh schema for items and transcript segments.

    All text fields store character offsets (``chars=True``) so snippets read
    them from the postings instead of re-analysing the text (~20 ms instead
    of ~400 ms per page, SEARCH-NOTES). Only the exact twins are stored.
    The integrator may ``schema.add`` more fields.
    """
    f = fields or SearchFields()
    schema = F.Schema()
    for logical in f.stemmed:
        schema.add(f.stemmed_field(logical, "es"), F.TEXT(analyzer=spanish_analyzer(), chars=True))
        schema.add(f.stemmed_field(logical, "en"), F.TEXT(analyzer=english_analyzer(), chars=True))
        schema.add(f.exact_field(logical),
                   F.TEXT(analyzer=exact_analyzer(), chars=True, stored=True))
    for logical in f.names:
        schema.add(getattr(f, logical), F.TEXT(analyzer=exact_analyzer(), chars=True, stored=True))
    schema.add(f.accession, F.ID(stored=True, analyzer=IDTokenizer() | LowercaseFilter()))
    schema.add(f.doc_id, F.ID(stored=True, unique=True))
    schema.add(f.item_id, F.ID(stored=True))
    schema.add(f.kind, F.ID(stored=True, sortable=True))
    schema.add(f.language, F.ID(stored=True, sortable=True))
    for name in (f.year, f.date_start, f.date_end, f.segment):
        schema.add(name, F.NUMERIC(numtype=int, bits=32, stored=True, sortable=True))
    for name in (f.seg_start, f.seg_end):
        schema.add(name, F.NUMERIC(numtype=float, stored=True))
    return schema
