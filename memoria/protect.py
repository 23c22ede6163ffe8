"""Protected names, archive-wide: who is protected, by which variants, and the last guard.

A person is protected when a current consent of theirs asks for a pseudonym
or for names to be redacted, when their authority record carries a
pseudonym, or when a custodian marked them (a child, another victim, a named
perpetrator). A custodian can also protect any term (an address, a
nickname). Each protection has a replacement and a list of variants to catch:
Memoria proposes the variants (`propose_variants`), a custodian confirms or
edits them (memoria.storage.protections), and both the replacement on every
path out (memoria.projection) and the last guard before a file is written
(`Protector.guard_text` / `guard_tree`) use the same list, in every item,
caption and curator text, not only on the items linked to the person.

Matching ignores case, accents and ñ ("Munoz" is "Muñoz") and works word by
word through a dictionary of first words, so a 3,000-word transcript is
checked against hundreds of protected people in a few milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from memoria.domain.folding import privacy_fold

ANONYMOUS = {"es": "Persona anónima", "en": "Anonymous person"}
REDACTED_NAME = {"es": "[nombre reservado]", "en": "[name withheld]"}
TERM_REPLACEMENT = "[…]"
_WORD = re.compile(r"\w+")
_LAST_WORD = re.compile(r"(\w+)\s+$")
_fold_cache: dict[str, str] = {}


def _fold_char(c: str) -> str:
    found = _fold_cache.get(c)
    if found is None:
        found = _fold_cache[c] = privacy_fold(c)
    return found


def fold_same_length(text: str) -> tuple[str, list[int] | None]:
    """``text`` through ``privacy_fold``, and a map from folded positions back to ``text`` positions
    (None when every character folds to exactly one, the usual case)."""
    if text.isascii():
        return text.lower(), None
    chars = set(text)
    for c in chars - _seen:
        folded = _fold_char(c)
        _seen.add(c)
        if len(folded) == 1:
            if folded != c:
                _table[ord(c)] = folded
        else:
            _multi.add(c)
    if not chars & _multi:
        return text.translate(_table), None  # one pass in C
    parts = [_fold_char(c) for c in text]
    index: list[int] = []
    for at, chunk in enumerate(parts):
        index.extend([at] * len(chunk))
    index.append(len(text))
    return "".join(parts), index


_table: dict[int, str] = {}
_seen: set[str] = set()
_multi: set[str] = set()


# -- variants ----------------------------------------------------------------------
@dataclass(frozen=True)
class Variant:
    text: str
    default: bool  # caught unless a custodian confirmed a list without it
    why: str  # full_name | name_surname | surnames | surname | plural | diminutive | given


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def diminutives(given: str) -> list[str]:
    """Spanish diminutives of a given name: Rosa -> Rosita, Rosica; Carmen -> Carmencita."""
    low = given.lower()
    if len(low) < 3:
        return []
    if low[-1] in "aá":
        stems = [(low[:-1], "ita"), (low[:-1], "ica")]
    elif low[-1] in "oó":
        stems = [(low[:-1], "ito"), (low[:-1], "ico")]
    elif low[-1] in "eé" or low[-1] in "nrl":
        stems = [(low, "cita"), (low, "cito")]
    elif low[-1] == "z":
        stems = [(low[:-1] + "c", "ita"), (low[:-1] + "c", "ecita")]
    else:
        stems = [(low, "ito"), (low, "ita")]
    return [_cap(stem + ending) for stem, ending in stems]


def plurals(surname: str) -> list[str]:
    """Family forms of a surname: "los Quinteros" is caught by "Quinteros"."""
    low = surname.lower()
    if low[-1:] in "aeiouáéó":
        return [_cap(low + "s")]
    return []


def propose_variants(name: str) -> list[Variant]:
    """What Memoria proposes to catch for a person's name, most specific first.

    Given names alone (and their diminutives alone) are proposed but not on
    by default: a common first name would be replaced everywhere.
    """
    parts = [p for p in name.split() if p]
    out: dict[str, Variant] = {}
    folded: set[str] = set()  # the keys of ``out``, folded (not folded again per variant)

    def add(text: str, default: bool, why: str) -> None:
        key = privacy_fold(text)
        if len(key) >= 3 and key not in folded:
            out[text] = Variant(text, default, why)
            folded.add(key)

    add(" ".join(parts), True, "full_name")
    if len(parts) >= 2:
        given = parts[:1] if len(parts) <= 3 else parts[:-2]
        surnames = parts[1:] if len(parts) <= 3 else parts[-2:]
        first, main = given[0], surnames[0]
        add(f"{' '.join(given)} {main}", True, "name_surname")
        add(f"{first} {main}", True, "name_surname")
        add(f"{first} {' '.join(surnames)}", True, "name_surname")
        if len(surnames) > 1:
            add(" ".join(surnames), True, "surnames")
        for dim in diminutives(first):
            add(f"{dim} {main}", True, "diminutive")
        for surname in surnames:
            add(surname, True, "surname")
            for plural in plurals(surname):
                add(plural, True, "plural")
        for g in given:
            add(g, False, "given")
        for dim in diminutives(first):
            add(dim, False, "diminutive")
    return list(out.values())


def default_variants(name: str) -> list[str]:
    return [v.text for v in propose_variants(name) if v.default]


# -- the matcher -------------------------------------------------------------------
@lru_cache(maxsize=65_536)
def _variant_tokens(variant: str) -> tuple[str, ...]:
    """A variant's folded words; () when too short to catch (under three letters)."""
    tokens = tuple(_WORD.findall(privacy_fold(variant)))
    return tokens if tokens and len("".join(tokens)) >= 3 else ()


@dataclass(frozen=True)
class Protected:
    """One protected person or term as the matcher uses it. ``label`` is the real
    name or term: custodians only, never printed by the guard."""

    key: str  # "person:12" or "term:3"
    label: str
    replacement: str
    variants: tuple[str, ...]
    person_id: int | None = None


@dataclass
class _Entry:
    tokens: tuple[str, ...]
    owner: int  # index into Protector.protected


@dataclass
class Protector:
    """Replaces and finds every protected variant in a text (folded word matching)."""

    protected: Sequence[Protected] = ()
    _first: dict[str, list[_Entry]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        for owner, p in enumerate(self.protected):
            for variant in p.variants:
                tokens = _variant_tokens(variant)
                if tokens:
                    self._first.setdefault(tokens[0], []).append(_Entry(tokens, owner))
        for entries in self._first.values():
            entries.sort(key=lambda e: -len(e.tokens))
        # Replacements are often name-like ("Rosa Gómez" for one person while
        # another's surname "Gómez" is protected): a match strictly inside a
        # replacement is the replacement, not a leak.
        self._inside: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self._add_inside({p.replacement for p in self.protected})
        self._grouped: dict[str, tuple[dict[str, list[_Entry]], list[_Entry]]] = {}

    def _add_inside(self, replacements: Iterable[str]) -> None:
        for rep in replacements:
            tokens = tuple(_WORD.findall(privacy_fold(rep)))
            for j, token in enumerate(tokens):
                if len(tokens) > 1:
                    self._inside.setdefault(token, []).append((tokens, j))

    def __bool__(self) -> bool:
        return bool(self._first)

    def with_extra(self, extra: Iterable[Protected]) -> Protector:
        """This protector plus some more (an item's own people, by every name part).

        The same as ``Protector([*self.protected, *more])``, but only the extra
        variants are added: the index build asks this for every item, and
        re-reading the archive-wide list each time grew with the archive
        squared. Lists are copied before they change (``self`` is shared).
        """
        more = list(extra)
        if not more:
            return self
        combined = Protector()
        combined.protected = [*self.protected, *more]
        first = combined._first = dict(self._first)
        touched: set[str] = set()
        for owner, p in enumerate(more, len(self.protected)):
            for variant in p.variants:
                tokens = _variant_tokens(variant)
                if tokens:
                    if tokens[0] not in touched:
                        first[tokens[0]] = list(first.get(tokens[0], ()))
                        touched.add(tokens[0])
                    first[tokens[0]].append(_Entry(tokens, owner))
        for key in touched:  # stable: equal lengths stay in owner order, as above
            first[key].sort(key=lambda e: -len(e.tokens))
        combined._inside = {k: list(v) for k, v in self._inside.items()}
        known = {p.replacement for p in self.protected}
        combined._add_inside({p.replacement for p in more} - known)
        combined._grouped = {k: v for k, v in self._grouped.items() if k not in touched}
        return combined

    def _candidates(self, first: str, second: str | None) -> list[_Entry]:
        """The entries starting with ``first`` that can match when ``second`` is
        the next word (None: no next word), in :attr:`_first`'s order.

        A common first name starts hundreds of entries across an archive
        ("María ..."); comparing each with every "María" of an hour-long
        transcript was most of the index build's protection cost. Grouped by
        their second word, only those that can match are compared, and since
        longer entries come first, the first that matches is the same one.
        """
        grouped = self._grouped.get(first)
        if grouped is None:
            by_second: dict[str, list[_Entry]] = {}
            singles: list[_Entry] = []
            for entry in self._first[first]:
                if len(entry.tokens) == 1:
                    singles.append(entry)
                else:
                    by_second.setdefault(entry.tokens[1], []).append(entry)
            grouped = self._grouped[first] = (by_second, singles)
        by_second, singles = grouped
        if second is None:
            return singles
        return [*by_second.get(second, ()), *singles]

    def _matches(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, owner) in ``text`` positions, left to right, not overlapping."""
        if not self._first or not text:
            return []
        folded, index = fold_same_length(text)
        if self._first.keys().isdisjoint(_WORD.findall(folded)):
            return []  # the usual case, decided in C: no protected first word at all
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]
        found: list[tuple[int, int, int]] = []
        at = 0
        first = self._first
        while at < len(words):
            word = words[at][2]
            if word not in first:
                at += 1
                continue
            hit = None
            for entry in self._candidates(word, words[at + 1][2] if at + 1 < len(words)
                                          else None):
                n = len(entry.tokens)
                if at + n > len(words):
                    continue
                ok = all(words[at + k][2] == entry.tokens[k]
                         and folded[words[at + k - 1][1]:words[at + k][0]].isspace()
                         for k in range(1, n))
                if ok:
                    hit = (entry, n)
                    break
            if hit is None:
                at += 1
                continue
            entry, n = hit
            inside = self._inside_replacement(folded, words, at, n)
            if inside:
                at = inside
                continue
            start, end = words[at][0], words[at + n - 1][1]
            if index is not None:
                start, end = index[start], index[end]
            found.append((start, end, entry.owner))
            at += n
        return found

    def _inside_replacement(self, folded: str, words: list[tuple[int, int, str]], at: int,
                            n: int) -> int:
        """The word index after a replacement that strictly contains words[at:at+n], or 0."""
        for tokens, j in self._inside.get(words[at][2], ()):
            first = at - j
            if len(tokens) <= n or first < 0 or first + len(tokens) > len(words):
                continue
            if all(words[first + k][2] == tokens[k] for k in range(len(tokens))) and all(
                    folded[words[first + k - 1][1]:words[first + k][0]].isspace()
                    for k in range(1, len(tokens))):
                return first + len(tokens)
        return 0

    def replace(self, text: str) -> str:
        matches = self._matches(text)
        if not matches:
            return text
        out: list[str] = []
        last = 0
        prev_owner = -1
        for start, end, owner in matches:
            gap = text[last:start]
            replacement = self.protected[owner].replacement
            if owner == prev_owner and out and gap.strip() == "":
                last = end  # "Rosita Quintero" caught as two variants: one replacement
                continue
            # "Doña Luz Dary" with replacement "Doña Flor": not "Doña Doña Flor".
            head = replacement.split()[0] if replacement.split() else ""
            tail = _LAST_WORD.search(gap)
            if head and tail and privacy_fold(tail.group(1)) == privacy_fold(head):
                gap = gap[:tail.start()]
            out.append(gap)
            out.append(replacement)
            last = end
            prev_owner = owner
        out.append(text[last:])
        return "".join(out)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where protected variants occur in ``text``: (start, end) positions, in order."""
        return [(start, end) for start, end, _owner in self._matches(text)]

    def found(self, text: str) -> list[Protected]:
        """The protections whose variants occur in ``text`` (for the guard)."""
        owners = dict.fromkeys(owner for _, _, owner in self._matches(text))
        return [self.protected[o] for o in owners]


# -- the last guard ----------------------------------------------------------------
class ProtectedNameFound(ValueError):
    """A file about to leave still holds a protected name. The message names the
    file, never the name."""

    def __init__(self, what: str, lang: str = "es") -> None:
        self.what = what
        message = {
            "es": f"No se escribió {what}: todavía contiene un nombre protegido. "
                  "Revise las variantes confirmadas y el texto de origen.",
            "en": f"{what} was not written: it still holds a protected name. "
                  "Check the confirmed variants and the source text.",
        }
        super().__init__(message.get(lang, message["es"]))


def guard_text(protector: Protector, text: str, what: str, lang: str = "es") -> str:
    """``text`` unchanged, or ProtectedNameFound naming ``what`` (a file name)."""
    if protector and protector.found(text):
        raise ProtectedNameFound(what, lang)
    return text


def _decoded(data: bytes) -> Iterable[str]:
    yield data.decode("utf-8", errors="ignore")
    if b"\x00" in data:  # UTF-16 tags (ID3v2, EXIF XPAuthor) hide names between zeros
        for codec in ("utf-16-le", "utf-16-be"):
            yield data.decode(codec, errors="ignore")
        yield data.replace(b"\x00", b"").decode("latin-1")
    else:
        yield data.decode("latin-1")


def guard_bytes(protector: Protector, data: bytes, what: str, lang: str = "es") -> bytes:
    if protector:
        for text in _decoded(data):
            if protector.found(text):
                raise ProtectedNameFound(what, lang)
    return data


def guard_tree(protector: Protector, root: Path, lang: str = "es",
               skip: Iterable[str] = ()) -> None:
    """Scan every file under ``root`` (an exhibit or bag being written); raise on the first
    file holding a protected name, named by its path inside ``root``."""
    if not protector:
        return
    skipped = set(skip)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if rel in skipped:
            continue
        guard_bytes(protector, path.read_bytes(), rel, lang)


def person_protected(person_name: str, replacement: str, person_id: int,
                     variants: Sequence[str] | None = None) -> Protected:
    return Protected(f"person:{person_id}", person_name, replacement,
                     tuple(variants) if variants is not None else tuple(default_variants(
                         person_name)), person_id)


def linked_parts(person_name: str, replacement: str, person_id: int) -> Protected:
    """On an item the person is linked to, every part of the name (three letters
    or more) is caught alone: over-replacing there is safer than a leak."""
    parts = [p for p in person_name.split() if len(p) >= 3]
    return Protected(f"linked:{person_id}", person_name, replacement,
                     (person_name, *parts), person_id)
