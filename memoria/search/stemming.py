"""Stems for the index: accent folding and the Spanish/English stem sets.

Pure functions (no whoosh classes), so nothing here is pickled into an
index; ``analysis`` builds the analyzers from them and explains the
decisions (its module docstring). Changing what these functions return
changes index terms: bump ``analysis.ANALYSIS_VERSION``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from whoosh.support.charset import accent_map

__all__ = ["FOLD_MAP", "search_fold", "stem_set"]

_KEEP = frozenset("ñÑ")
#: Accent folding table: whoosh's table without ñ (why: ``analysis``).
FOLD_MAP: dict[int, str] = {k: v for k, v in accent_map.items() if chr(k) not in _KEEP}


def search_fold(text: str) -> str:
    """The search fold: lower-case, NFC-normalise and strip diacritics except ñ.

    What the index's analyzers apply, for callers that compare text with index
    terms outside whoosh (facets, autocomplete, snippets, the query parser).
    ñ stays a letter ("año" is not "ano"); a word typed without ñ finds its ñ
    spellings by expansion (``expansion``). Matching protected names uses the
    other fold, ``memoria.domain.folding.privacy_fold``, which folds ñ too.
    """
    return unicodedata.normalize("NFC", text).lower().translate(FOLD_MAP)


@lru_cache(maxsize=4)
def _stem_function(lang: str):  # noqa: ANN202 - a cached callable str -> str
    from whoosh.lang import stemmer_for_language

    return lru_cache(maxsize=200_000)(stemmer_for_language(lang))


def _ion(word: str) -> str:
    return word[:-3] + "ión" if word.endswith("ion") else word


#: Short words whose feminine Snowball leaves apart from the masculine and
#: that mean the same person or thing (día/dio, esa/es... must stay apart).
_GENDER = {"tía": "tío", "tia": "tio", "mía": "mío", "mia": "mio", "una": "uno"}
#: Words that look like a plural in -s of a shorter word but are not.
_NOT_PLURAL = frozenset({"dios", "adios", "adiós"})
_CONSONANTS = frozenset("bcdfghjklmnpqrtvwxyzñ")
#: Vowels before a final -s that mark a plural Snowball may leave whole
#: (i and u are left out: crisis, tenis, virus, Jesus).
_PLURAL_VOWELS = frozenset("aeoáéóíú")


def _singular(word: str, stem: str) -> str | None:
    """The singular/masculine form of a Spanish ``word`` where Snowball's ``stem``
    of it would not meet that form's, else None (see module docstring)."""
    if word in _GENDER:
        return _GENDER[word]
    if word.endswith("z") and len(word) >= 3:
        return word[:-1] + "c"  # vez/veces, luz/luces, cruz/cruces
    if len(word) < 4 or not word.endswith("s") or word in _NOT_PLURAL:
        return None
    before = word[-2]
    if before in _CONSONANTS:
        return word[:-1]  # loan words: clubs, chips, récords, ONGs
    if before in _PLURAL_VOWELS and search_fold(stem) == search_fold(word):  # short words: años, días
        return _GENDER.get(word[:-1], word[:-1])
    if word.endswith("es") and len(word) >= 5 and stem == search_fold(word[:-2]):
        return word[:-2]  # mujeres -> mujer (muj), lugares -> lugar, jóvenes -> joven
    return None


def _spanish_stem(word: str) -> str:
    return search_fold(_stem_function("es")(_ion(word)))


def stem_set(word: str, lang: str) -> tuple[str, ...]:
    """The stem terms of one lower-cased word, Snowball's own first.

    ``search_fold(stem(word))`` (Snowball's rules on the accented word), then
    ``stem(search_fold(word))`` (the spelling without accents) and, for Spanish,
    the stems of the singular/masculine forms (:func:`_singular`) when they
    differ. ``lang`` is ``es`` or ``en``.
    """
    folded = search_fold(word)
    if lang != "es":
        stem = _stem_function(lang)
        terms = [search_fold(stem(word)), stem(folded)]
    else:
        terms = [_spanish_stem(word), _spanish_stem(folded)]
        for form, its_stem in ((word, terms[0]), (folded, terms[1])):
            single = _singular(form, its_stem)
            if single is not None:
                terms.append(_spanish_stem(single))
    return tuple(dict.fromkeys(terms))
