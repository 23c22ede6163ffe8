"""Text analysis for the full-text index: accent folding and per-language stemming.

STABLE IMPORT PATH. Whoosh pickles each field's analyzer into the index's
table of contents, so the filter classes below are referenced by their module
path (``memoria.search.analysis.FoldFilter`` ...). Moving or renaming them
makes existing indexes unreadable; if that ever has to happen, bump
:data:`ANALYSIS_VERSION` so the index is rebuilt from the catalogue (the index
is a cache, see DESIGN "Search").

Decisions, and why:

* **Fold accents before stemming.** Stemming first makes accented and
  unaccented spellings diverge (``tenía`` -> ``ten`` but ``tenia`` ->
  ``teni``), so "Medellin" would not find "Medellín" for many common words.
  We fold first on both the index and the query side, so both spellings
  always meet.
* **Restore the accent on -ion endings before the Spanish stemmer.** The
  Snowball stemmer only strips ``-ación``/``-ución`` with the accent:
  folded ``organizacion`` would stay whole while ``organizaciones`` becomes
  ``organiz``. Singular Spanish words ending in ``-ion`` nearly always carry
  the accent (canción, reunión, Orión), so putting it back is safe; the
  plural ``-iones`` has no accent and needs nothing.
* **ñ stays ñ.** It is a letter of its own in Spanish, not an accented n:
  ``año`` (year) and ``ano`` (anus), ``cañón`` and ``cañon``/``canon``,
  ``peña`` and ``pena`` differ in meaning, and the testimonies talk about
  years constantly. Colombian keyboards have the key, and the Spanish
  stemmer knows the letter. Folding to a form such as ``ny`` was rejected:
  it buys nothing over keeping ñ and makes the index terms unreadable. The
  cost: someone typing ``nino`` on a keyboard without ñ does not find
  ``niño``; the fuzzy syntax (``nino~``) does, and the UI can suggest it.
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

Three analyzers: ``es`` (fold, restore -ión, Spanish Snowball), ``en`` (fold,
English Snowball) and the language-neutral ``exact`` one (fold only) for the
exact-word twin fields, names and places, prefixes, wildcards and fuzzy terms
(the stemmed fields hold stems, so ``desplazam*`` would match nothing there).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Analyzer, Filter, RegexTokenizer, StemFilter, Token
from whoosh.support.charset import accent_map

__all__ = [
    "ANALYSIS_VERSION",
    "FoldFilter",
    "IonAccentFilter",
    "LANGUAGES",
    "analyze",
    "analyzer_for",
    "english_analyzer",
    "exact_analyzer",
    "fold",
    "spanish_analyzer",
]

#: Bump when analysis changes in a way that makes old index terms wrong.
ANALYSIS_VERSION = 1

#: Languages with a stemming analyzer; anything else is analysed neutrally.
LANGUAGES = ("es", "en")

#: Words, keeping combining marks and inner dots ("1.200", "c.c.").
TOKEN_PATTERN = r"[\w\u0300-\u036f]+(?:\.?[\w\u0300-\u036f]+)*"

_KEEP = frozenset("ñÑ")
#: Accent folding table: whoosh's table without ñ (see module docstring).
FOLD_MAP: dict[int, str] = {k: v for k, v in accent_map.items() if chr(k) not in _KEEP}


def fold(text: str) -> str:
    """Lower-case, NFC-normalise and strip diacritics except ñ.

    The same folding the analyzers apply, for callers that compare or store
    folded text outside whoosh (sorting keys, autocomplete, SQLite columns).
    """
    return unicodedata.normalize("NFC", text).lower().translate(FOLD_MAP)


class FoldFilter(Filter):
    """Lower-cases and folds each token with :func:`fold`.

    A class of our own rather than whoosh's ``LowercaseFilter |
    CharsetFilter`` so the table (ñ kept) is defined in one place and the
    NFC step cannot be forgotten.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = fold(t.text)
            yield t


class IonAccentFilter(Filter):
    """Puts the accent back on folded singular ``-ion`` endings (see docstring).

    Only for the Spanish chain, between folding and stemming.
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


def spanish_analyzer() -> Analyzer:
    """Fold, restore -ión, Spanish Snowball stem. No stop words."""
    return _base() | IonAccentFilter() | StemFilter(lang="es", cachesize=100_000)


def english_analyzer() -> Analyzer:
    """Fold, English Snowball stem. No stop words."""
    return _base() | StemFilter(lang="en", cachesize=100_000)


def exact_analyzer() -> Analyzer:
    """Fold only: for exact-word twins, names, places, prefixes, fuzzy terms."""
    return _base()


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
    """The index terms for ``text`` in ``lang`` (``None``: neutral/exact).

    For tests, query building and debugging ("why does X not find Y?").
    """
    return [t.text for t in analyzer_for(lang)(text, mode="query")]
