"""May each entry of an exhibit go out under its scope, and if not, why.

The check and the export share this one function, so what `exhibit check`
reports is exactly what `exhibit export` leaves out. Consent is read fresh
each time (never cached on the entry): a withdrawal after an item was placed
blocks it at the next check or export.

Beyond the consent rules themselves, an entry is blocked when consent asks
for an anonymisation this entry cannot honour:
- `no_voice` and the entry would play a voice (a segment or a whole recording;
  a quotation, which is text only, is fine);
- `blur_faces` on a photograph with no blur regions recorded;
- a whole recording (or a segment of a non-WAV one, which we cannot cut) when
  some of its segments are withheld: the bytes on the stick would hold them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from memoria import access
from memoria.domain.consent import (
    Audience,
    Decision,
    Refusal,
    applicable_to_item,
    applicable_to_segment,
    decide,
)
from memoria.domain.messages import refusal_text
from memoria.domain.model import Anonymisation, Kind, MediaFile, Scope, Segment
from memoria.exhibits.model import Entry, EntryKind, Exhibit
from memoria.media.detect import detect_format
from memoria.projection import project
from memoria.storage import consent_records
from memoria.storage import consents as consent_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.storage.exhibits import _squash, blur_regions_for

# Reasons beyond the consent refusals (memoria.domain.consent.Refusal values).
EXTRA_REASONS = {
    "segment_missing": ("el segmento ya no existe en la transcripción",
                        "the segment no longer exists in the transcript"),
    "segment_withheld": ("el consentimiento retiene ese segmento",
                         "consent withholds that segment"),
    "quote_not_found": ("la cita ya no está en la transcripción",
                        "the quotation is no longer in the transcript"),
    "no_voice": ("el consentimiento pide que no se escuche la voz, y esta entrada la reproduce",
                 "consent asks that the voice not be played, and this entry plays it"),
    "blur_regions_missing": ("el consentimiento pide difuminar rostros y la fotografía no tiene "
                             "zonas marcadas para difuminar",
                             "consent asks for blurred faces and the photograph has no blur "
                             "regions recorded"),
    "audio_not_cuttable": ("parte de la grabación está retenida y este formato no se puede "
                           "recortar: el archivo completo saldría con ella",
                           "part of the recording is withheld and this format cannot be cut: "
                           "the whole file would carry it"),
    "media_missing": ("el elemento no tiene medios que mostrar", "the item has no media to show"),
}

AUDIO_FORMATS_CUTTABLE = {"WAV"}


def cuttable(archive: Archive, audio: MediaFile) -> bool:
    """Can we cut this recording ourselves? Sniffed from the bytes, not trusted
    from the catalogue's format label (older imports spell formats differently)."""
    with archive.vault.plain_path(audio.path) as plain:
        return detect_format(plain).format in AUDIO_FORMATS_CUTTABLE


@dataclass(frozen=True)
class EntryCheck:
    """The verdict on one entry, and everything the export needs to honour it."""

    entry: Entry
    accession: str
    allowed: bool
    reasons: tuple[str, ...] = ()
    decision: Decision | None = None
    view: access.ItemView | None = None
    segment: Segment | None = None        # the raw segment of a segment/quote entry
    consent_ids: tuple[int, ...] = ()
    anonymisation: frozenset[Anonymisation] = frozenset()
    photos: tuple[MediaFile, ...] = ()
    audio: MediaFile | None = None
    blur: dict[str, list] = field(default_factory=dict)  # sha256 -> regions

    def explain(self, lang: str = "es") -> str:
        """The reasons as one sentence for a curator."""
        parts = []
        for reason in self.reasons:
            if reason in EXTRA_REASONS:
                parts.append(EXTRA_REASONS[reason][1 if lang == "en" else 0])
            elif self.decision is not None:
                parts.append(refusal_text(Refusal(reason), self.decision, lang))
            else:
                parts.append(reason)
        return "; ".join(parts)


def photos_of(media: tuple[MediaFile, ...] | list[MediaFile]) -> tuple[MediaFile, ...]:
    return tuple(m for m in media if m.mime.startswith("image/"))


def audio_of(media: tuple[MediaFile, ...] | list[MediaFile]) -> MediaFile | None:
    return next((m for m in media if m.mime.startswith("audio/")), None)


def _consent_forms(archive: Archive) -> set[str]:
    return consent_records.form_hashes(archive)


def check_entry(archive: Archive, entry: Entry, scope: Scope,
                forms: set[str] | None = None) -> EntryCheck:
    """Decide one entry for the public under `scope`."""
    accession = item_store.accession_of(archive, entry.item_id)
    records = consent_store.records_for_item(archive, entry.item_id)
    try:
        view = project(archive, entry.item_id, Audience.PUBLIC, scope=scope)
    except access.NotVisible as refused:
        return EntryCheck(entry, accession, False,
                          tuple(r.value for r in refused.decision.refusals), refused.decision)
    decision = view.decision
    applicable = applicable_to_item(records, entry.item_id)
    reasons: list[str] = []
    segment: Segment | None = None
    anonymisation = set(decision.anonymisation)
    if entry.kind is not EntryKind.ITEM:
        segment = next((s for s in item_store.segments_of(archive, entry.item_id)
                        if s.id == entry.segment_id), None)
        if segment is None:
            reasons.append("segment_missing")
        else:
            applicable = applicable_to_segment(records, entry.item_id, segment.id)
            seg_decision = decide(Audience.PUBLIC, applicable, archive.today(), scope)
            anonymisation |= seg_decision.anonymisation
            if not any(s.id == segment.id for s in view.segments):
                reasons.append("segment_withheld")
                reasons.extend(r.value for r in seg_decision.refusals)
                decision = seg_decision
            if entry.kind is EntryKind.QUOTE and (
                _squash(entry.quote).casefold() not in _squash(segment.text).casefold()
            ):
                reasons.append("quote_not_found")

    forms = _consent_forms(archive) if forms is None else forms
    media = [m for m in view.item.media if m.sha256 not in forms]  # rule 7
    photos = photos_of(media) if entry.kind is EntryKind.ITEM else ()
    audio = None
    plays_voice = entry.kind is EntryKind.SEGMENT or (
        entry.kind is EntryKind.ITEM and view.item.kind in (Kind.TESTIMONY, Kind.AUDIO))
    if plays_voice:
        audio = audio_of(media)
        if audio is not None and Anonymisation.NO_VOICE in anonymisation:
            reasons.append("no_voice")
        elif (audio is not None and view.hidden_segments
              and not cuttable(archive, audio)):
            reasons.append("audio_not_cuttable")
    if entry.kind is EntryKind.ITEM and view.item.kind is Kind.PHOTOGRAPH and not photos:
        reasons.append("media_missing")
    blur: dict[str, list] = {}
    if Anonymisation.BLUR_FACES in anonymisation:
        for photo in photos:
            regions = blur_regions_for(archive, photo.sha256)
            if not regions:
                reasons.append("blur_regions_missing")
                break
            blur[photo.sha256] = regions
    reasons = list(dict.fromkeys(reasons))
    consent_ids = tuple(sorted(r.id for r in applicable))
    return EntryCheck(entry, accession, not reasons, tuple(reasons), decision, view, segment,
                      consent_ids, frozenset(anonymisation), photos, audio, blur)


def check_exhibit(archive: Archive, exhibit: Exhibit, scope: Scope | None = None
                  ) -> list[EntryCheck]:
    """Every entry's verdict, in exhibit order, under `scope` (default: the exhibit's)."""
    forms = _consent_forms(archive)
    return [check_entry(archive, e, scope or exhibit.scope, forms) for e in exhibit.entries]


def blocked(checks: list[EntryCheck]) -> list[EntryCheck]:
    return [c for c in checks if not c.allowed]
