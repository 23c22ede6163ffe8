"""The privacy fold: text compared whatever its accents, case and ñ.

Memoria has three folds, one per purpose:

* ``privacy_fold`` (here): every diacritic goes, ñ too, and compatibility
  forms are unified (full-width or ligature letters): "Muñoz" -> "munoz", so a
  protected or pseudonymised name is caught however it was typed ("Munoz",
  "MUÑOZ", "Ｍｕñｏｚ"); over-matching is safer than a leak. The same loose
  comparison serves wherever a missing accent must not hide a match: the
  catalogue's fallback search, date phrases ("ano" for "año"), CSV headers.
* ``memoria.search.stemming.search_fold``: the index's fold, which keeps ñ
  (a letter of its own in Spanish: "año" is not "ano"); the search finds the
  ñ spellings of a word typed without ñ by expansion, not by folding.
* ``handle_fold`` (here): a handle scripts type (``memoria exhibit export
  NAME``): the privacy fold, then only ASCII letters and digits joined by
  hyphens, at most 40 characters ("Memoria del Río Atrato" ->
  "memoria-del-rio-atrato"). Neither fold above: it compares nothing, it names.

(``collation.sort_key`` is a sort key, not a fold: ñ sorts between n and o.)
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["handle_fold", "privacy_fold"]


def privacy_fold(text: str) -> str:
    """Lower case, no diacritics (ñ -> n), compatibility forms unified (NFKD)."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()


_NOT_HANDLE = re.compile(r"[^a-z0-9]+")


def handle_fold(text: str, limit: int = 40) -> str:
    """A handle from a title: privacy-folded, ASCII letters and digits, hyphens."""
    return _NOT_HANDLE.sub("-", privacy_fold(text)).strip("-")[:limit].strip("-")
