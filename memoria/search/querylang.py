"""The query language people type in the search box, parsed into whoosh queries.

Syntax (Spanish and English spellings are interchangeable)::

    memoria resistencia        both words (AND is the default)
    madres OR buscadoras       either (also: O, |); AND / Y may be written
    -paramilitares             without (also: NOT / NO before a word or group)
    "madres y padres"          phrase; "casa quemada"~3 allows 3 words between
    desplaz*  m?dellin         prefix / wildcard on the unstemmed word
    =desplazados               exact word: no stemming (also exacto:desplazados)
    medelin~  medelin~2        fuzzy, edit distance 1 (default) or 2
    titulo:Orión  lugar:"El Salado"  persona:(Ana OR Luz)
    tipo:testimonio  idioma:en  año:1998  año:1985..1991  año:[1985 TO 1991]
    año:199X  fecha:2002-10  fecha:..2002-10-16

Fields: title/titulo, description/descripcion, text/texto/transcripcion,
person/persona (narrador, entrevistador...), place/lugar, subject/tema,
note/nota, kind/tipo, language/idioma, year/año, date/fecha, accession/signatura,
exact/exacto. Operators are only recognised in capitals, so the words "o",
"y", "no" in a Spanish query stay words.

Decisions, and why:

* Our own small parser rather than whoosh's ``QueryParser``: that parser turns
  malformed input into silent error nodes, has no Spanish field names, no
  ``1985..1991`` ranges and no per-language stemming twins. Fuzzy terms are
  built directly as ``FuzzyTerm`` on the unstemmed field, which is what its
  fuzzy plugin would produce.
* Exact words are ``=word`` (one keystroke, reads as "equals this word") with
  ``exacto:word`` as a spelled-out alias; both search only the folded,
  unstemmed twin fields (accents still fold: exact means "no stemming").
* Lenient where the intent is plain and the person is probably still typing:
  an unclosed quote, parenthesis or ``[`` is closed at the end; a dangling
  operator (``memoria OR``, a lone ``-``) is ignored; a backwards range is
  swapped; an unknown ``word:`` followed by a space is read as a word with
  punctuation (pasted text such as "Testimonio: Orión"). Strict (raises
  :class:`QuerySyntaxError`, with a position and a suggestion) where guessing
  would search for the wrong thing: an unknown field glued to a value
  (``autor:Pérez``), a stray ``)``, a value a field cannot take (``tipo:video``,
  ``año:noventa``), a wildcard at the start of a word or a prefix shorter than
  two letters (they expand to most of the index).
* ``year``/``date`` match when the item's date range *overlaps* the asked
  range (``date_start <= hi and date_end >= lo``): an item dated "199X" or
  "1985/1991" may well be from 1988, and an archivist expects to see it.
  The numeric ``year`` field is left for sorting and facets.
* Stop words are indexed (phrases stay exact, see ``analysis``) but loose
  query words that are stop words are dropped when other words remain:
  "la madre de Juan" asks for madre AND Juan.
* A word searches both language twins of a field (Spanish stem, English
  stem), because the person typing does not know the language of the item
  that will answer; the unstemmed twin only when
  ``SearchFields.exact_twin_in_words`` is set (it costs ~4x on common words).
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass

from whoosh import query as Q
from whoosh.lang import stopwords_for_language

from memoria.search.analysis import (
    TOKEN_RE,
    SearchFields,
    analyze_positions,
    build_schema,
    search_fold,
)
from memoria.search.expansion import EnyeAlternative, enye_variants

__all__ = [
    "QueryParser",
    "QuerySyntaxError",
    "SearchFields",
    "build_schema",
    "parse_query",
    "terms_query",
]

# ---------------------------------------------------------------- vocabulary

FIELD_ALIASES: dict[str, str] = {
    **dict.fromkeys(["accession", "acc", "signatura", "numero", "inventario"], "accession"),
    **dict.fromkeys(["title", "titulo"], "title"),
    **dict.fromkeys(["description", "desc", "descripcion"], "description"),
    **dict.fromkeys(["text", "texto", "transcript", "transcripcion"], "text"),
    **dict.fromkeys(["person", "people", "persona", "personas", "narrator", "narrador",
                     "narradora", "interviewer", "entrevistador", "entrevistadora",
                     "author", "autor", "autora", "photographer", "fotografo"], "people"),
    **dict.fromkeys(["place", "places", "lugar", "lugares"], "places"),
    **dict.fromkeys(["subject", "subjects", "tema", "temas"], "subjects"),
    **dict.fromkeys(["note", "notes", "nota", "notas"], "notes"),
    **dict.fromkeys(["kind", "type", "tipo"], "kind"),
    **dict.fromkeys(["language", "lang", "idioma", "lengua"], "language"),
    **dict.fromkeys(["year", "año", "ano", "anio"], "year"),
    **dict.fromkeys(["date", "fecha"], "date"),
    **dict.fromkeys(["exact", "exacto", "exacta"], "exact"),
}

KIND_VALUES: dict[str, str] = {
    **dict.fromkeys(["testimony", "testimonies", "testimonio", "testimonios",
                     "entrevista", "entrevistas", "interview"], "testimony"),
    **dict.fromkeys(["photograph", "photographs", "photo", "photos", "fotografia",
                     "fotografias", "foto", "fotos"], "photograph"),
    **dict.fromkeys(["audio", "audios", "recording", "grabacion", "grabaciones",
                     "sonido"], "audio"),
}

LANGUAGE_VALUES: dict[str, str] = {
    **dict.fromkeys(["es", "spa", "espanol", "español", "spanish", "castellano"], "es"),
    **dict.fromkeys(["en", "eng", "ingles", "english"], "en"),
}

_SPANISH_STOPS = frozenset(search_fold(w) for w in stopwords_for_language("es"))
_ENGLISH_STOPS = frozenset(stopwords_for_language("en"))
#: Stop words in one language that are content words in the other.
_NOT_STOPS = frozenset({"son", "sin", "era", "ante", "sentido", "solo", "me", "he"})
#: Loose query words dropped when other words remain (see module docstring).
QUERY_STOPWORDS = (_SPANISH_STOPS | _ENGLISH_STOPS) - _NOT_STOPS

OPERATORS = {"OR": "OR", "O": "OR", "|": "OR", "||": "OR", "AND": "AND", "Y": "AND",
             "&": "AND", "&&": "AND", "NOT": "NOT", "NO": "NOT"}
OPEN_QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“"}
_FIELD_RE = re.compile(r"([^\W\d_][\w]*):")
_FUZZY_RE = re.compile(r"~(\d+(?:\.\d+)?)?$")
_PUNCT = "¿¡!,.;:'‘’"


class QuerySyntaxError(ValueError):
    """A query the parser will not guess at; ``message`` is for the person.

    ``code`` names the problem (for translated UI messages) and ``position``
    is the character offset in the query text, or ``None``.
    """

    def __init__(self, message: str, *, code: str, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.position = position


# ---------------------------------------------------------------- lexer


@dataclass
class _Tok:
    kind: str  # WORD PHRASE RANGE FIELD LP RP OR AND NOT NEG EQ
    text: str
    pos: int
    slop: int = 1
    spaced: bool = False  # FIELD followed by whitespace


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            toks.append(_Tok("LP" if c == "(" else "RP", c, i))
            i += 1
        elif c in OPEN_QUOTES:
            close = text.find(OPEN_QUOTES[c], i + 1)
            if close < 0 and c != '"':
                close = text.find('"', i + 1)
            end = n if close < 0 else close
            tok = _Tok("PHRASE", text[i + 1:end], i)
            i = min(n, end + 1)
            m = re.match(r"~(\d+)", text[i:])
            if m:
                tok.slop = int(m.group(1)) + 1
                i += m.end()
            toks.append(tok)
        elif c == "[":
            close = text.find("]", i)
            end = n if close < 0 else close
            toks.append(_Tok("RANGE", text[i + 1:end], i))
            i = min(n, end + 1)
        elif c in "-=+" and i + 1 < n and not text[i + 1].isspace():
            if c != "+":
                toks.append(_Tok("NEG" if c == "-" else "EQ", c, i))
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '()"“”«»[':
                j += 1
            word = text[i:j]
            m = _FIELD_RE.match(word)
            if word in OPERATORS:
                toks.append(_Tok(OPERATORS[word], word, i))
            elif m and not word[m.end():].startswith("//"):
                spaced = m.end() == len(word) and (j >= n or text[j].isspace())
                toks.append(_Tok("FIELD", m.group(1), i, spaced=spaced))
                j = i + m.end()
            elif word.strip("-=+"):
                toks.append(_Tok("WORD", word, i))
            i = j
    return toks


# ---------------------------------------------------------------- parser


@dataclass(frozen=True)
class _Ctx:
    logical: tuple[str, ...] | None = None  # None: default fields
    typed: str | None = None  # kind, language, year, date, accession
    exact: bool = False


@dataclass
class _Clause:
    query: Q.Query
    neg: bool = False
    stop: bool = False


class QueryParser:
    """Parses the search-box language into whoosh queries over ``fields``."""

    def __init__(self, fields: SearchFields | None = None) -> None:
        self.fields = fields or SearchFields()

    def parse(self, text: str) -> Q.Query:
        """Parse ``text``; an empty query gives ``NullQuery`` (the caller decides)."""
        self._toks = _lex(text)
        self._i = 0
        self._depth = 0
        q = self._or(_Ctx())
        if self._i < len(self._toks):  # only a stray ")" can stop the top level
            tok = self._toks[self._i]
            raise QuerySyntaxError(
                f"There is a ')' at position {tok.pos + 1} with no '(' before it.",
                code="stray_paren", position=tok.pos)
        return q if q is not None else Q.NullQuery

    # -- grammar: or := and (OR and)* ; and := unary+ ; unary := (-|NOT)* atom

    def _peek(self) -> _Tok | None:
        return self._toks[self._i] if self._i < len(self._toks) else None

    def _next(self) -> _Tok:
        tok = self._toks[self._i]
        self._i += 1
        return tok

    def _or(self, ctx: _Ctx) -> Q.Query | None:
        parts = [self._and(ctx)]
        while (tok := self._peek()) is not None and tok.kind == "OR":
            self._next()
            parts.append(self._and(ctx))
        found = [p for p in parts if p is not None]
        if not found:
            return None
        return found[0] if len(found) == 1 else Q.Or(found)

    def _and(self, ctx: _Ctx) -> Q.Query | None:
        clauses: list[_Clause] = []
        while (tok := self._peek()) is not None and tok.kind not in ("OR", "RP"):
            if tok.kind == "AND":
                self._next()
                continue
            clause = self._unary(ctx)
            if clause is not None:
                clauses.append(clause)
        pos = [c for c in clauses if not c.neg]
        if any(not c.stop for c in pos):
            pos = [c for c in pos if not c.stop]
        neg = [c.query for c in clauses if c.neg]
        if not pos and not neg:
            return None
        if not neg:
            return pos[0].query if len(pos) == 1 else Q.And([c.query for c in pos])
        # And + Not rather than AndNot: whoosh's AndNotMatcher does not skip a
        # prohibited document that comes before the first required one, so
        # "murales -testimonio" could return a testimony (2.7.4 and 2.7.5).
        negative = Q.Not(neg[0] if len(neg) == 1 else Q.Or(neg))
        if not pos:
            return negative
        return Q.And([*(c.query for c in pos), negative])

    def _unary(self, ctx: _Ctx) -> _Clause | None:
        tok = self._peek()
        if tok is not None and tok.kind in ("NEG", "NOT"):
            self._next()
            if self._peek() is None or self._peek().kind in ("OR", "RP"):
                return None  # dangling: ignored
            inner = self._unary(ctx)
            if inner is None:
                return None
            return _Clause(inner.query, neg=not inner.neg)
        return self._atom(ctx)

    def _atom(self, ctx: _Ctx) -> _Clause | None:
        tok = self._next()
        kind = tok.kind
        if kind == "LP":
            self._depth += 1
            q = self._or(ctx)
            nxt = self._peek()
            if nxt is not None and nxt.kind == "RP":
                self._next()
            self._depth -= 1
            return _Clause(q) if q is not None else None
        if kind == "EQ":
            if self._peek() is None:
                return None
            return self._atom(_Ctx(ctx.logical, ctx.typed, exact=True))
        if kind == "FIELD":
            return self._field(tok, ctx)
        if kind == "PHRASE":
            q = self._phrase(tok, ctx)
            return _Clause(q) if q is not None else None
        if kind == "RANGE":
            if ctx.typed in ("year", "date"):
                return _Clause(self._date(tok.text, tok, ctx.typed))
            raise QuerySyntaxError("A range in [ ] needs a field, as in año:[1985 TO 1991].",
                                   code="range_without_field", position=tok.pos)
        if kind == "RP":
            raise QuerySyntaxError(
                f"There is a ')' at position {tok.pos + 1} with no '(' before it.",
                code="stray_paren", position=tok.pos)
        return self._word(tok, ctx)  # WORD; operators never reach here

    def _field(self, tok: _Tok, ctx: _Ctx) -> _Clause | None:
        name = search_fold(tok.text)
        logical = FIELD_ALIASES.get(name)
        if logical is None:
            if tok.spaced:  # "Testimonio: Orión": a word with punctuation
                return self._word(_Tok("WORD", tok.text, tok.pos), ctx)
            close = difflib.get_close_matches(name, FIELD_ALIASES, n=1)
            hint = f" Did you mean '{close[0]}:'?" if close else ""
            raise QuerySyntaxError(
                f"Unknown field '{tok.text}:'.{hint} Known fields: title/titulo, "
                "person/persona, place/lugar, subject/tema, kind/tipo, year/año, "
                "date/fecha, text/texto, description, note/nota, language/idioma, exact/exacto.",
                code="unknown_field", position=tok.pos)
        nxt = self._peek()
        if nxt is None or nxt.kind in ("OR", "AND", "RP", "FIELD"):
            raise QuerySyntaxError(f"'{tok.text}:' needs a value after it.",
                                   code="missing_value", position=tok.pos)
        if logical == "exact":
            sub = _Ctx(ctx.logical, ctx.typed, exact=True)
        elif logical in ("kind", "language", "year", "date", "accession"):
            sub = _Ctx(None, logical, False)
        else:
            sub = _Ctx((logical,), None, ctx.exact)
        return self._unary(sub)

    # -- leaves

    def _word(self, tok: _Tok, ctx: _Ctx) -> _Clause | None:
        if ctx.typed:
            return _Clause(self._typed(tok.text.strip(",;"), tok, ctx.typed))
        raw = tok.text.strip(_PUNCT)
        fuzzy = _FUZZY_RE.search(raw)
        maxdist = 0
        if fuzzy:
            raw = raw[: fuzzy.start()]
            num = float(fuzzy.group(1) or 1)
            maxdist = 1 if num < 1 else min(int(num), 2)
        raw = raw.rstrip("?").strip(_PUNCT)
        if not raw:
            return None
        if raw == "*":
            return _Clause(Q.Every())
        wild = "*" in raw or "?" in raw
        if wild:
            lead = re.split(r"[*?]", search_fold(raw))[0]
            if not lead:
                raise QuerySyntaxError(
                    f"'{raw}': a word cannot start with * or ?; type at least two letters first.",
                    code="leading_wildcard", position=tok.pos)
            if len(lead) < 2:
                raise QuerySyntaxError(
                    f"'{raw}': type at least two letters before * or ?.",
                    code="short_prefix", position=tok.pos)
        subs = self._word_subs(raw, ctx, wild, maxdist)
        if ctx.logical is None and not (wild or maxdist):
            subs.append(Q.Term(self.fields.accession, raw.lower(), boost=3.0))
        if not subs:
            return None
        stop = (ctx.logical is None and not ctx.exact and not wild and not maxdist
                and search_fold(raw) in QUERY_STOPWORDS)
        if not (ctx.exact or wild or maxdist or stop):
            # ñ spellings of a word typed without ñ; the engine keeps those the
            # audience's documents hold and says so (see ``expansion``).
            subs.extend(EnyeAlternative(self._word_subs(v, ctx, False, 0), word=v)
                        for v in enye_variants(raw))
        return _Clause(subs[0] if len(subs) == 1 else Q.Or(subs), stop=stop)

    def _word_subs(self, raw: str, ctx: _Ctx, wild: bool, maxdist: int) -> list[Q.Query]:
        subs: list[Q.Query] = []
        for logical in ctx.logical or self.fields.default:
            boost = self.fields.boosts.get(logical, 1.0)
            exact_only = ctx.exact or wild or maxdist or logical in self.fields.names
            if exact_only:
                subs.extend(self._leaf(self.fields.exact_field(logical), None, raw,
                                       boost, wild, maxdist))
            else:
                for lang in ("es", "en"):
                    subs.extend(self._leaf(self.fields.stemmed_field(logical, lang), lang,
                                           raw, boost, False, 0))
                if self.fields.exact_twin_in_words:
                    subs.extend(self._leaf(self.fields.exact_field(logical), None, raw,
                                           boost * self.fields.exact_boost, False, 0))
        return subs

    @staticmethod
    def _leaf(fieldname: str, lang: str | None, raw: str, boost: float,
              wild: bool, maxdist: int) -> list[Q.Query]:
        if wild:
            folded = search_fold(raw)
            if folded.endswith("*") and "*" not in folded[:-1] and "?" not in folded:
                return [Q.Prefix(fieldname, folded[:-1], boost=boost)]
            return [Q.Wildcard(fieldname, folded, boost=boost)]
        words = analyze_positions(raw, lang)
        if not words:
            return []
        if maxdist and len(words) == 1:
            return [Q.FuzzyTerm(fieldname, words[0][0], boost=boost, maxdist=maxdist,
                                prefixlength=1)]
        return [terms_query(fieldname, words, boost)]

    def _phrase(self, tok: _Tok, ctx: _Ctx) -> Q.Query | None:
        if ctx.typed:
            return self._typed(tok.text, tok, ctx.typed)
        subs = self._phrase_subs(tok.text, ctx, tok.slop)
        if not subs:
            return None
        if not ctx.exact:
            subs.extend(self._enye_phrases(tok.text, ctx, tok.slop))
        return subs[0] if len(subs) == 1 else Q.Or(subs)

    def _phrase_targets(self, logical: str, ctx: _Ctx) -> list[tuple[str, str | None]]:
        if ctx.exact or logical in self.fields.names:
            return [(self.fields.exact_field(logical), None)]
        targets: list[tuple[str, str | None]] = [
            (self.fields.stemmed_field(logical, lang), lang) for lang in ("es", "en")]
        if self.fields.exact_twin_in_words:
            targets.append((self.fields.exact_field(logical), None))
        return targets

    def _phrase_subs(self, text: str, ctx: _Ctx, slop: int) -> list[Q.Query]:
        subs: list[Q.Query] = []
        for logical in ctx.logical or self.fields.default:
            boost = self.fields.boosts.get(logical, 1.0)
            for fieldname, lang in self._phrase_targets(logical, ctx):
                words = analyze_positions(text, lang)
                if words:
                    subs.append(terms_query(fieldname, words, boost, slop))
        return subs

    def _enye_phrases(self, text: str, ctx: _Ctx, slop: int) -> list[Q.Query]:
        """The phrase with its words typed without ñ spelled with it (ñ in up to
        :data:`MAX_PHRASE_VARIANTS` combinations; stop words never: una/uña)."""
        words = TOKEN_RE.findall(text)
        choices = [[w, *([] if search_fold(w) in QUERY_STOPWORDS else enye_variants(w))]
                   for w in words]
        if all(len(c) == 1 for c in choices):
            return []
        out: list[Q.Query] = []
        for combo in itertools.islice(itertools.product(*choices), 1, MAX_PHRASE_VARIANTS + 1):
            changed = [w for w, orig in zip(combo, words, strict=True) if w != orig]
            checks = tuple(
                tuple((fieldname, term)
                      for logical in ctx.logical or self.fields.default
                      for fieldname, lang in self._phrase_targets(logical, ctx)
                      for alts in analyze_positions(w, lang) for term in alts)
                for w in changed)
            out.append(EnyeAlternative(self._phrase_subs(" ".join(combo), ctx, slop),
                                       word=" ".join(changed), checks=checks))
        return out

    # -- typed fields

    def _typed(self, raw: str, tok: _Tok, typed: str) -> Q.Query:
        f = self.fields
        value = search_fold(raw.strip())
        if typed == "kind":
            if value not in KIND_VALUES:
                raise QuerySyntaxError(
                    f"'{raw}' is not a kind of item; use testimonio/testimony, "
                    "fotografia/photograph or audio.", code="bad_kind", position=tok.pos)
            return Q.Term(f.kind, KIND_VALUES[value])
        if typed == "language":
            code = LANGUAGE_VALUES.get(value, value)
            if not re.fullmatch(r"[a-z]{2,3}", code):
                raise QuerySyntaxError(
                    f"'{raw}' is not a language; use a code such as es or en.",
                    code="bad_language", position=tok.pos)
            return Q.Term(f.language, code)
        if typed == "accession":
            if value.endswith("*"):
                return Q.Prefix(f.accession, value[:-1])
            return Q.Term(f.accession, value)
        return self._date(raw, tok, typed)

    def _date(self, raw: str, tok: _Tok, typed: str) -> Q.Query:
        text = re.sub(r"(?:^|\s+)(?:to|a|hasta)(?:\s+|$)", "..", raw.strip(), flags=re.I)
        text = text.rstrip("~?%")  # EDTF qualifiers: approximate/uncertain still match
        lo_text, sep, hi_text = text.partition("..")
        lo = _date_bound(lo_text.strip(), tok, typed, low=True) if lo_text.strip() else None
        hi = (_date_bound(hi_text.strip(), tok, typed, low=False) if hi_text.strip()
              else None if sep else _date_bound(lo_text.strip(), tok, typed, low=False))
        if lo is None and hi is None:
            raise QuerySyntaxError(f"'{raw}' is not a {typed}; write e.g. 1998 or 1985..1991.",
                                   code="bad_range", position=tok.pos)
        if lo is not None and hi is not None and lo > hi:
            lo, hi = (_date_bound(hi_text.strip(), tok, typed, low=True),
                      _date_bound(lo_text.strip(), tok, typed, low=False))
        parts: list[Q.Query] = []
        if hi is not None:
            parts.append(Q.NumericRange(self.fields.date_start, None, hi))
        if lo is not None:
            parts.append(Q.NumericRange(self.fields.date_end, lo, None))
        return parts[0] if len(parts) == 1 else Q.And(parts)


_DATE_RE = re.compile(r"(\d{4}|\d{3}[xX]|\d{2}[xX]{2})(?:-(\d{2})(?:-(\d{2}))?)?")


def _date_bound(text: str, tok: _Tok, typed: str, *, low: bool) -> int:
    """yyyymmdd for the first (``low``) or last day a date value can mean."""
    m = _DATE_RE.fullmatch(text)
    if not m or (typed == "year" and m.group(2)):
        example = "1998, 199X or 1985..1991" if typed == "year" else "2002, 2002-10 or 2002-10-16"
        raise QuerySyntaxError(f"'{text}' is not a {typed}; write e.g. {example}.",
                               code="bad_range", position=tok.pos)
    year_text, month, day = m.group(1).upper(), m.group(2), m.group(3)
    year = int(year_text.replace("X", "0" if low else "9"))
    if month is None:
        return year * 10000 + (101 if low else 1231)
    mm = int(month)
    if not 1 <= mm <= 12 or (day is not None and not 1 <= int(day) <= 31):
        raise QuerySyntaxError(f"'{text}' is not a valid date.", code="bad_range",
                               position=tok.pos)
    if day is not None:
        return year * 10000 + mm * 100 + int(day)
    return year * 10000 + mm * 100 + (1 if low else 31)


#: Most phrases one quoted phrase becomes when its words have several stems.
MAX_PHRASE_VARIANTS = 16


def terms_query(fieldname: str, words: list[tuple[str, ...]], boost: float = 1.0,
                slop: int = 1) -> Q.Query:
    """The query for analysed ``words`` (alternatives per position) in one field.

    One word: its term, or any of its stems (``analysis.stem_set``). Several:
    a phrase, one per combination of stems up to :data:`MAX_PHRASE_VARIANTS`
    (beyond that, each word's first stem, Snowball's own: a phrase of many
    accented words whose accents change their stems is rare).
    """
    if len(words) == 1:
        alts = words[0]
        if len(alts) == 1:
            return Q.Term(fieldname, alts[0], boost=boost)
        return Q.Or([Q.Term(fieldname, a, boost=boost) for a in alts])
    combos = 1
    for alts in words:
        combos *= len(alts)
    if combos > MAX_PHRASE_VARIANTS:
        words = [alts[:1] for alts in words]
    phrases = [Q.Phrase(fieldname, list(combo), slop=slop, boost=boost)
               for combo in itertools.product(*words)]
    return phrases[0] if len(phrases) == 1 else Q.Or(phrases)


def parse_query(text: str, fields: SearchFields | None = None) -> Q.Query:
    """Parse ``text`` with a default :class:`QueryParser` (see module docstring)."""
    return QueryParser(fields).parse(text)

