"""A small museum for the exhibit tests: one item in every consent state, real
JPEGs with EXIF GPS and XMP, real WAVs carrying LIST/INFO tags, a signed form,
internal notes, hostile strings, and an exhibit that places all of it."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PIL import Image

from memoria.domain.model import (
    Anonymisation,
    ConsentStatus,
    Kind,
    Role,
    Scope,
    SegmentDraft,
)
from memoria.storage import authorities, consents, media_store
from memoria.storage import exhibits as store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from tests.conftest import make_wav

REAL_NAME = "Ana María Restrepo"
PSEUDONYM = "Rosa Amarilla"
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_ATTR = '" onmouseover="alert(2)'
NOTE = "NOTA-INTERNA-vive-en-la-casa-azul"
FORM_BYTES = b"%PDF-1.4\nFORMULARIO-FIRMADO-CONFIDENCIAL-8841\n%%EOF\n"
REDACTED_WORDS = "calle Siete numero 12"


def jpeg_with_gps(path: Path, color=(120, 90, 60), size=(320, 240)) -> Path:
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x013B] = REAL_NAME  # Artist
    exif[0x8825] = {1: "N", 2: (6.0, 15.0, 30.0), 3: "W", 4: (75.0, 34.0, 10.0)}
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{REAL_NAME}</dc:creator>' \
          "</x:xmpmeta>".encode()
    Image.new("RGB", size, color).save(path, "JPEG", quality=90, exif=exif.tobytes(), xmp=xmp)
    return path


def wav_with_tags(path: Path, seconds: float = 3.0, freq: float = 440.0) -> Path:
    """A PCM WAV with a LIST/INFO chunk naming the narrator (IART)."""
    make_wav(path, seconds=seconds, freq=freq)
    data = path.read_bytes()
    name = REAL_NAME.encode("latin-1") + b"\0"
    if len(name) % 2:
        name += b"\0"
    info = b"INFO" + b"IART" + struct.pack("<I", len(name)) + name
    chunk = b"LIST" + struct.pack("<I", len(info)) + info
    out = data + chunk
    out = out[:4] + struct.pack("<I", len(out) - 8) + out[8:]
    path.write_bytes(out)
    return path


def add_media(arch: Archive, item_id: int, path: Path, mime: str, fmt: str) -> str:
    staged = media_store.stage(arch, path, path.suffix.lstrip("."))
    item_store.record_blob(arch, staged.sha256, staged.size, staged.relpath, mime, fmt, {})
    media_store.settle(arch, staged)
    item_store.attach_media(arch, item_id, staged.sha256, path.name)
    return staged.sha256


def terms(status=ConsentStatus.GRANTED, scopes=(Scope.EXHIBITION,), **kw) -> consents.ConsentTerms:
    return consents.ConsentTerms(status=status, scopes=set(scopes), **kw)


@dataclass
class Museum:
    arch: Archive
    exhibit_id: int
    items: dict[str, int] = field(default_factory=dict)
    entries: dict[str, int] = field(default_factory=dict)
    segments: dict[str, int] = field(default_factory=dict)
    consents: dict[str, int] = field(default_factory=dict)
    photo_sha: str = ""


def build_museum(arch: Archive, tmp: Path) -> Museum:
    """Every consent state, each on its own item, all placed in one exhibit."""
    tmp.mkdir(parents=True, exist_ok=True)
    ids: dict[str, int] = {}
    people = {}

    def photo(key: str, title: str, color: tuple[int, int, int], person: str) -> int:
        p = people.setdefault(person, authorities.add_person(arch, person))
        item_id = item_store.create_item(arch, item_store.ItemFields(
            Kind.PHOTOGRAPH, title, notes=NOTE, people=[(p.id, Role.DEPICTED)]))
        add_media(arch, item_id, jpeg_with_gps(tmp / f"{key}.jpg", color), "image/jpeg", "JPEG")
        ids[key] = item_id
        return item_id

    def grant(key: str, person: str, **kw) -> int:
        cid = consents.record_consent(arch, people[person].id, [ids[key]], terms(**kw),
                                      supersede=False)
        return cid

    museum = Museum(arch, 0)
    photo("none", "Sin consentimiento", (10, 10, 10), "Pedro Uno")
    photo("pending", "Pendiente", (20, 20, 20), "Pedro Dos")
    grant("pending", "Pedro Dos", status=ConsentStatus.PENDING, scopes=())
    photo("granted", f"Mural {HOSTILE_SCRIPT}", (200, 120, 40), "Luz Tres")
    museum.consents["granted"] = grant("granted", "Luz Tres",
                                       scopes=(Scope.EXHIBITION, Scope.PUBLICATION_PRINT))
    museum.photo_sha = item_store.media_of(arch, ids["granted"])[0].sha256
    photo("research", "Solo investigación", (30, 30, 30), "Pedro Cuatro")
    grant("research", "Pedro Cuatro", scopes=(Scope.RESEARCH,))
    photo("restricted", "Restringido", (40, 40, 40), "Pedro Cinco")
    grant("restricted", "Pedro Cinco", status=ConsentStatus.RESTRICTED, scopes=(Scope.EXHIBITION,))
    photo("withdrawn", "Retirado", (50, 50, 50), "Pedro Seis")
    consents.withdraw(arch, grant("withdrawn", "Pedro Seis"), "ya no quiere")
    photo("embargo", "Embargado", (60, 60, 60), "Pedro Siete")
    grant("embargo", "Pedro Siete", embargo_until=date(2027, 1, 1))
    photo("embargo_ended", "Embargo vencido", (70, 70, 70), "Pedro Ocho")
    grant("embargo_ended", "Pedro Ocho", embargo_until=date(2026, 1, 1))
    photo("blur_missing", "Rostros sin zonas", (80, 80, 80), "Pedro Nueve")
    grant("blur_missing", "Pedro Nueve", anonymisation={Anonymisation.BLUR_FACES})
    photo("blurred", "Rostros difuminados", (90, 140, 90), "Marta Diez")
    grant("blurred", "Marta Diez", anonymisation={Anonymisation.BLUR_FACES})
    store.set_blur_regions(arch, item_store.media_of(arch, ids["blurred"])[0].sha256,
                           [(0.25, 0.25, 0.5, 0.5)])

    # The pseudonymised testimony: a narrator who asked for a pseudonym, a signed form.
    ana = authorities.add_person(arch, REAL_NAME)
    t = item_store.create_item(arch, item_store.ItemFields(
        Kind.TESTIMONY, f"Relato de {REAL_NAME}", description=f"{REAL_NAME} cuenta su historia.",
        notes=NOTE, people=[(ana.id, Role.NARRATOR)], languages=["es"]))
    ids["pseudonym"] = t
    add_media(arch, t, wav_with_tags(tmp / "relato.wav"), "audio/wav", "WAV")
    seg_ids = item_store.save_segments(arch, t, [
        SegmentDraft(0, 1000, REAL_NAME, f"Me llamo {REAL_NAME} y vivía en la {REDACTED_WORDS}."),
        SegmentDraft(1000, 2000, REAL_NAME, f"Aquel día {HOSTILE_SCRIPT} todo cambió."),
        SegmentDraft(2000, 3000, REAL_NAME, "Después volvimos al barrio."),
    ])
    museum.segments.update(first=seg_ids[0], second=seg_ids[1], third=seg_ids[2])
    form = tmp / "forma.pdf"
    form.write_bytes(FORM_BYTES)
    staged = media_store.stage(arch, form, "pdf")
    item_store.record_blob(arch, staged.sha256, staged.size, staged.relpath, "application/pdf",
                           "PDF", {"role": "consent_form"})
    media_store.settle(arch, staged)
    museum.consents["pseudonym"] = consents.record_consent(
        arch, ana.id, [t], terms(scopes=(Scope.EXHIBITION, Scope.PUBLICATION_ONLINE),
                                 anonymisation={Anonymisation.PSEUDONYM}, pseudonym=PSEUDONYM),
        form_sha256=staged.sha256)
    text = item_store.segments_of(arch, t)[0].text
    start = text.index(REDACTED_WORDS)
    store.add_redaction(arch, seg_ids[0], start, start + len(REDACTED_WORDS), "[dirección]")

    # Segment-level withdrawal: the narrator took back segment 2 of another testimony.
    luis = authorities.add_person(arch, "Luis Once")
    s = item_store.create_item(arch, item_store.ItemFields(
        Kind.TESTIMONY, "Relato con una parte retirada", people=[(luis.id, Role.NARRATOR)]))
    ids["segment_withdrawn"] = s
    add_media(arch, s, wav_with_tags(tmp / "otro.wav", freq=330.0), "audio/wav", "WAV")
    part = item_store.save_segments(arch, s, [
        SegmentDraft(0, 1000, "Luis Once", "Parte pública."),
        SegmentDraft(1000, 2000, "Luis Once", "PARTE-RETIRADA que no debe salir."),
    ])
    museum.segments.update(public=part[0], withdrawn=part[1])
    consents.record_consent(arch, luis.id, [s], terms())
    seg_consent = consents.record_consent(arch, luis.id, [s], terms(), segment_ids=[part[1]])
    consents.withdraw(arch, seg_consent, "retira esta parte")

    # no_voice: words may be shown, the voice may not be played.
    mute = authorities.add_person(arch, "Nora Doce")
    v = item_store.create_item(arch, item_store.ItemFields(
        Kind.TESTIMONY, "Sin voz", people=[(mute.id, Role.NARRATOR)]))
    ids["no_voice"] = v
    add_media(arch, v, wav_with_tags(tmp / "voz.wav", freq=550.0), "audio/wav", "WAV")
    nv = item_store.save_segments(arch, v, [SegmentDraft(0, 1000, "Nora", "Palabras sin voz.")])
    museum.segments["no_voice"] = nv[0]
    consents.record_consent(arch, mute.id, [v], terms(anonymisation={Anonymisation.NO_VOICE}))

    museum.items = ids
    x = store.create_exhibit(
        arch, "voces", f"Voces {HOSTILE_SCRIPT}", title_en="Voices", subtitle="Comuna 13",
        intro=f"Una exposición con {REAL_NAME}.\n\nSegundo párrafo.", notes=NOTE)
    museum.exhibit_id = x
    fotos = store.add_section(arch, x, "Fotografías", title_en="Photographs")
    relatos = store.add_section(arch, x, "Relatos", title_en="Stories")
    e = museum.entries
    for key in ("none", "pending", "granted", "research", "restricted", "withdrawn", "embargo",
                "embargo_ended", "blur_missing", "blurred"):
        caption = f"Foto {key} {HOSTILE_ATTR}" if key == "granted" else f"Foto {key}"
        e[key] = store.add_entry(arch, x, ids[key], section_id=fotos, caption=caption,
                                 caption_en=f"Photo {key}")
    e["pseudonym"] = store.add_entry(arch, x, t, section_id=relatos,
                                     caption=f"Testimonio de {REAL_NAME}",
                                     text=f"Texto curatorial {HOSTILE_SCRIPT}")
    e["segment"] = store.add_entry(arch, x, t, section_id=relatos, segment_id=seg_ids[0],
                                   caption="El primer recuerdo")
    e["quote"] = store.add_entry(arch, x, t, section_id=relatos, segment_id=seg_ids[0],
                                 quote=f"vivía en la {REDACTED_WORDS}", caption="Una cita")
    e["segment_withdrawn_item"] = store.add_entry(arch, x, s, section_id=relatos)
    e["segment_withdrawn"] = store.add_entry(arch, x, s, section_id=relatos,
                                             segment_id=part[1])
    e["no_voice_segment"] = store.add_entry(arch, x, v, section_id=relatos, segment_id=nv[0])
    e["no_voice_quote"] = store.add_entry(arch, x, v, section_id=relatos, segment_id=nv[0],
                                          quote="Palabras sin voz")
    return museum


# What each scope must leave out, entry key -> the first reason reported.
BLOCKED_EVERYWHERE = {
    "none": "no_consent", "pending": "pending", "research": "scope_not_granted",
    "restricted": "restricted", "withdrawn": "withdrawn", "embargo": "embargoed",
    "embargo_ended": "embargo_review", "blur_missing": "blur_regions_missing",
    "segment_withdrawn": "segment_withheld", "no_voice_segment": "no_voice",
}
