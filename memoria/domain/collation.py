"""Spanish sort order: accents ignored, ñ after n, case ignored.

Stored as a key column at write time (not an SQLite collation callback), so
sorting 100,000 titles is an index walk in SQL instead of a million calls
into Python.
"""

from __future__ import annotations

import unicodedata

_TILDE = "\u0303"


def sort_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold().strip())
    out: list[str] = []
    for char in decomposed:
        if char == _TILDE and out and out[-1] == "n":
            # ñ is its own letter in Spanish: place it between n and o.
            out[-1] = "n\x7f"
        elif not unicodedata.combining(char):
            out.append(char)
    return "".join(out)
