"""The records an archive holds, as plain data.

These dataclasses are what the store returns and what the UI, search and
exporters read. They carry no behaviour that touches storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Kind(StrEnum):
    TESTIMONY = "testimony"
    PHOTOGRAPH = "photograph"
    AUDIO = "audio"


class Role(StrEnum):
    NARRATOR = "narrator"
    INTERVIEWER = "interviewer"
    DEPICTED = "depicted"
    PHOTOGRAPHER = "photographer"
    AUTHOR = "author"


class PlaceKind(StrEnum):
    COUNTRY = "country"
    DEPARTMENT = "department"
    MUNICIPALITY = "municipality"
    COMUNA = "comuna"
    NEIGHBOURHOOD = "neighbourhood"
    VEREDA = "vereda"


class ConsentStatus(StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    RESTRICTED = "restricted"
    WITHDRAWN = "withdrawn"
    SUPERSEDED = "superseded"


class Scope(StrEnum):
    INTERNAL = "internal"
    RESEARCH = "research"
    EXHIBITION = "exhibition"
    PUBLICATION_PRINT = "publication_print"
    PUBLICATION_ONLINE = "publication_online"
    PRESS = "press"


class Anonymisation(StrEnum):
    PSEUDONYM = "pseudonym"
    REDACT_NAMES = "redact_names"
    BLUR_FACES = "blur_faces"
    NO_VOICE = "no_voice"
    GENERALISE_PLACES = "generalise_places"


class ProvenanceMethod(StrEnum):
    SIGNED_FORM = "signed_form"
    VERBAL_RECORDED = "verbal_recorded"


@dataclass(frozen=True)
class Place:
    id: int
    name: str
    kind: PlaceKind
    parent_id: int | None = None


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    pseudonym: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class ItemPerson:
    person: Person
    role: Role


@dataclass(frozen=True)
class MediaFile:
    id: int
    sha256: str
    path: str  # relative to the archive folder
    original_name: str
    size: int
    mime: str
    format: str
    technical: dict = field(default_factory=dict)
    fixity_ok: bool | None = None


@dataclass(frozen=True)
class Segment:
    id: int
    position: int
    start_ms: int
    end_ms: int | None
    speaker: str = ""
    text: str = ""
    title: str = ""
    keywords: str = ""
    automatic: bool = False   # written by speech recognition, not yet checked by a person
    confidence: float | None = None  # the engine's, 0..1 (automatic segments only)


@dataclass(frozen=True)
class SegmentDraft:
    """A segment as written by a person or an importer, before it has an id."""

    start_ms: int
    end_ms: int | None = None
    speaker: str = ""
    text: str = ""
    title: str = ""
    keywords: str = ""


@dataclass(frozen=True)
class Item:
    id: int
    kind: Kind
    accession: str
    title: str
    description: str = ""
    date_edtf: str | None = None
    notes: str = ""
    languages: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    people: tuple[ItemPerson, ...] = ()
    subjects: tuple[str, ...] = ()
    media: tuple[MediaFile, ...] = ()
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class Provenance:
    method: ProvenanceMethod | None = None
    obtained_by: str = ""
    obtained_at: date | None = None
    witness: str = ""


@dataclass(frozen=True)
class ConsentRecord:
    id: int
    person_id: int
    status: ConsentStatus
    scopes: frozenset[Scope] = frozenset()
    embargo_until: date | None = None
    embargo_reviewed_at: str | None = None
    review_date: date | None = None
    anonymisation: frozenset[Anonymisation] = frozenset()
    pseudonym: str | None = None
    provenance: Provenance = field(default_factory=Provenance)
    form_sha256: str | None = None
    item_ids: frozenset[int] = frozenset()
    # Empty means the record covers whole items; otherwise only these segments.
    segment_ids: frozenset[int] = frozenset()
    superseded_by: int | None = None

    @property
    def covers_whole_items(self) -> bool:
        return not self.segment_ids


@dataclass(frozen=True)
class ConsentEvent:
    id: int
    consent_id: int
    at: str
    actor: str
    action: str
    status: ConsentStatus
    reason: str = ""


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    entity_type: str
    entity_id: int | None
    item_id: int | None
    action: str
    details: dict = field(default_factory=dict)
