"""A small archive where names leak if the outbound projection is bypassed (issue 12).

- Rosa Elena Quintero Muñoz narrates T1 and asks for the pseudonym "Flor Morada".
- Her neighbour Pedro Gómez (no anonymisation) narrates T2 and names her as
  "doña Rosita Quintero", "los Quinteros" and "la señora Munoz"; T2's subject
  is "familia Quintero" and a segment keyword "Quintero".
- T1 has a redacted span ("calle Siete 12"); T2 names "Camilo Restrepo", a
  child a custodian protected by hand ("el niño"), and the nickname "El Mono",
  a protected term.
- P1 is a real JPEG with GPS, camera and EXIF/XMP author naming Rosa.
- A1 is a real MP3 whose ID3 tags name Rosa and her address.

Every item is open to curators, researchers and the public.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mutagen.id3 import COMM, ID3, TIT2, TPE1
from PIL import Image

from memoria.domain.model import Anonymisation, ConsentStatus, Kind, Role, Scope, SegmentDraft
from memoria.media.metadata import technical_metadata
from memoria.storage import authorities, consents, media_store, protections
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.storage.exhibits import add_redaction
from tests.conftest import DATA

REAL = "Rosa Elena Quintero Muñoz"
PSEUDONYM = "Flor Morada"
CHILD = "Camilo Restrepo"
CHILD_REPLACEMENT = "el niño"
NICKNAME = "El Mono"
REDACTED = "calle Siete 12"
ALL_SCOPES = {Scope.INTERNAL, Scope.RESEARCH, Scope.EXHIBITION, Scope.PUBLICATION_ONLINE}
#: Words that must never reach a curator, researcher or the public.
CANARIES = ("Quintero", "Rosita", "Munoz", "Muñoz", "Camilo", "Restrepo", "El Mono",
            "Siete 12", "Canon", "6.25", "calle Siete")


def jpeg_with_author(path: Path) -> Path:
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "EOS 5D"
    exif[0x013B] = REAL  # Artist
    exif[0x8825] = {1: "N", 2: (6.0, 15.0, 0.0), 3: "W", 4: (75.0, 34.0, 10.0)}
    xmp = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{REAL}</dc:creator>'
           "</x:xmpmeta>").encode()
    Image.new("RGB", (320, 240), (120, 90, 60)).save(path, "JPEG", quality=90,
                                                     exif=exif.tobytes(), xmp=xmp)
    return path


def mp3_with_tags(path: Path) -> Path:
    shutil.copy(DATA / "media" / "tone.mp3", path)
    tags = ID3(path)
    tags.delall("TPE1")
    tags.add(TPE1(encoding=3, text=[REAL]))
    tags.add(TIT2(encoding=3, text=["Entrevista a Rosa Quintero"]))
    tags.add(COMM(encoding=3, lang="spa", desc="", text=["casa de los Quinteros, " + REDACTED]))
    tags.save(path)
    return path


def attach(arch: Archive, item_id: int, path: Path) -> str:
    staged = media_store.stage(arch, path, path.suffix.lstrip("."))
    tech = technical_metadata(path)
    item_store.record_blob(arch, staged.sha256, staged.size, staged.relpath, tech["mime"],
                           tech["format"], tech)
    media_store.settle(arch, staged)
    item_store.attach_media(arch, item_id, staged.sha256, path.name)
    return staged.sha256


@dataclass
class Scenario:
    arch: Archive
    items: dict[str, int] = field(default_factory=dict)
    people: dict[str, int] = field(default_factory=dict)


def build(arch: Archive, tmp: Path) -> Scenario:
    sc = Scenario(arch)
    rosa = authorities.add_person(arch, REAL)
    pedro = authorities.add_person(arch, "Pedro Gómez")
    child = authorities.add_person(arch, CHILD)
    sc.people = {"rosa": rosa.id, "pedro": pedro.id, "child": child.id}

    t1 = item_store.create_item(arch, item_store.ItemFields(
        Kind.TESTIMONY, "Testimonio de Rosa Elena Quintero",
        description="Rosa Quintero cuenta la toma del barrio.",
        notes="NOTA-INTERNA vive donde la tía", people=[(rosa.id, Role.NARRATOR)]))
    item_store.save_segments(arch, t1, [
        SegmentDraft(0, 5000, "Rosa", "Me llamo Rosa Elena Quintero y vivo aquí."),
        SegmentDraft(5000, 9000, "Rosa", f"Vivíamos en la {REDACTED}, cerca del río."),
    ])
    seg = item_store.segments_of(arch, t1)[1]
    start = seg.text.index(REDACTED)
    add_redaction(arch, seg.id, start, start + len(REDACTED))

    t2 = item_store.create_item(arch, item_store.ItemFields(
        Kind.TESTIMONY, "Testimonio de Pedro Gómez", description="Un vecino recuerda.",
        people=[(pedro.id, Role.NARRATOR)], subjects=["familia Quintero", "desplazamiento"]))
    item_store.save_segments(arch, t2, [
        SegmentDraft(0, 4000, "Pedro", "Doña Rosita Quintero nos ayudó aquella noche.",
                     title="La vecina", keywords="Quintero; desplazamiento"),
        SegmentDraft(4000, 8000, "Pedro", "Después los Quinteros se fueron del barrio."),
        SegmentDraft(8000, 12000, "Pedro",
                     f"La señora Munoz cuidaba a {CHILD}, al que llamaban {NICKNAME}."),
    ])
    p1 = item_store.create_item(arch, item_store.ItemFields(
        Kind.PHOTOGRAPH, "Fotografía de la casa", description="La casa del barrio."))
    attach(arch, p1, jpeg_with_author(tmp / "rosa_quintero_casa.jpg"))
    a1 = item_store.create_item(arch, item_store.ItemFields(
        Kind.AUDIO, "Grabación en la cancha", description="Sonido de la cancha."))
    attach(arch, a1, mp3_with_tags(tmp / "entrevista_rosa_quintero.mp3"))
    sc.items = {"t1": t1, "t2": t2, "p1": p1, "a1": a1}

    consents.record_consent(arch, rosa.id, [t1], consents.ConsentTerms(
        status=ConsentStatus.GRANTED, scopes=set(ALL_SCOPES),
        anonymisation={Anonymisation.PSEUDONYM}, pseudonym=PSEUDONYM))
    consents.record_consent(arch, pedro.id, [t2, p1, a1], consents.ConsentTerms(
        status=ConsentStatus.GRANTED, scopes=set(ALL_SCOPES)))
    protections.protect_person(arch, child.id, CHILD_REPLACEMENT, reason="menor de edad")
    protections.protect_term(arch, NICKNAME, "[apodo]", reason="apodo identificable")
    return sc


def leaks(text: str) -> list[str]:
    """The canaries found in an output (case-insensitive)."""
    low = text.lower()
    return [c for c in CANARIES if c.lower() in low]
