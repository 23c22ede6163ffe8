"""What an exhibit is: plain data, no storage and no consent logic.

Texts come in pairs (Spanish first, English optional) because the museum
works in Spanish and shows English to visitors only where a curator wrote it;
an empty English text falls back to the Spanish one, marked `lang="es"`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from memoria.domain.model import Scope


class EntryKind(StrEnum):
    ITEM = "item"        # the whole item
    SEGMENT = "segment"  # a time-coded part of a testimony: its audio and transcript
    QUOTE = "quote"      # words quoted from one segment's transcript (no audio)


# The scopes an exhibit may target: the public ones a consent can grant.
EXHIBIT_SCOPES = (Scope.EXHIBITION, Scope.PUBLICATION_PRINT, Scope.PUBLICATION_ONLINE)


@dataclass(frozen=True)
class Texts:
    """A text in Spanish and (optionally) English."""

    es: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Spanish."""
        return (self.en or self.es) if lang == "en" else self.es

    def lang_of(self, lang: str) -> str:
        """The language the text returned by `get(lang)` is really in."""
        return "en" if lang == "en" and self.en else "es"


@dataclass(frozen=True)
class Entry:
    id: int
    section_id: int
    position: int
    item_id: int
    kind: EntryKind
    segment_id: int | None = None
    quote: str = ""
    caption: Texts = Texts()
    text: Texts = Texts()


@dataclass(frozen=True)
class Section:
    id: int
    position: int
    title: Texts
    intro: Texts = Texts()
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Exhibit:
    id: int
    name: str
    title: Texts
    subtitle: Texts = Texts()
    intro: Texts = Texts()
    scope: Scope = Scope.EXHIBITION
    notes: str = ""  # internal, never exported
    updated_at: str = ""
    sections: tuple[Section, ...] = field(default_factory=tuple)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for s in self.sections for e in s.entries)

    @property
    def bilingual(self) -> bool:
        """True when any curatorial text has an English version: then the
        export offers a language switch."""
        texts = [self.title, self.subtitle, self.intro]
        for section in self.sections:
            texts += [section.title, section.intro]
            for entry in section.entries:
                texts += [entry.caption, entry.text]
        return any(t.en.strip() for t in texts)


def parse_scope(value: str) -> Scope:
    """An exhibit scope from its name; ValueError names the allowed ones."""
    try:
        scope = Scope(value.strip().lower())
    except ValueError:
        scope = None
    if scope not in EXHIBIT_SCOPES:
        allowed = ", ".join(s.value for s in EXHIBIT_SCOPES)
        raise ValueError(f"Unknown exhibit scope '{value}' (use one of: {allowed}).")
    return scope
