"""The one outbound projection: what audience A may receive of item I under scope S.

Every path out (show, list, search and its snippets, facets and suggestions,
JSON, transcript export, exhibits, bags, editions, the catalogue fallback
search) is built from a `Projection`, never from catalogue rows:

- the item must be open to the audience (memoria.domain.consent), else
  `access.NotVisible` with the reason;
- fields come from an allowlist: internal notes only for custodians; a media
  file's technical metadata keeps format, dimensions, duration, sample rate
  and the like for everyone, camera, GPS, EXIF/XMP author, audio tags and
  comments only for custodians (`TECHNICAL_FOR_EVERYONE`);
- redaction spans are cut from the raw segment text before anything else;
- segments that segment-level consent withholds are left out (their ids in
  `withheld_segment_ids`, so media writers can cut their audio);
- every protected name (memoria.protect, memoria.storage.protections) is
  replaced wherever it appears: title, description, subjects, places,
  segment text, speaker, title and OHMS keywords, the people list, media
  file names and the technical values that are kept; on the item's own
  people every part of the name is caught too.

`project(...)` is the function to call (it replaced `access.view_item`, so
access no longer imports this module back). `Projection.replace(text)` replaces protected
names in any other text going out with this item (captions, curator text),
and `Projection.guard(text, what)` is the last guard for one output.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from memoria import access
from memoria.domain.consent import (
    Audience,
    Decision,
    applicable_to_item,
    applicable_to_segment,
    decide,
    in_trash,
)
from memoria.domain.model import (
    Anonymisation,
    Item,
    ItemPerson,
    MediaFile,
    Person,
    Scope,
    Segment,
)
from memoria.media.redaction import redacted_text, redactions_for_segments
from memoria.protect import REDACTED_NAME, Protected, Protector, guard_text, linked_parts
from memoria.storage import consents as consent_store
from memoria.storage import items as item_store
from memoria.storage import protections
from memoria.storage import trash as trash_store
from memoria.storage.archive import Archive

__all__ = ["TECHNICAL_FOR_EVERYONE", "Projection", "clean_technical", "names_for_items", "project",
           "project_many", "protector_for", "public_titles"]

#: Technical metadata every audience may receive; everything else (camera, GPS,
#: author, copyright, caption, audio tags and comments, dates taken) is custodians'.
TECHNICAL_FOR_EVERYONE = frozenset({
    "format", "mime", "codec", "duration", "sample_rate", "channels", "bitrate",
    "bits_per_sample", "width", "height", "display_width", "display_height", "mode",
    "bit_depth", "frames", "animated", "has_alpha", "orientation", "complete",
})
_DETECTED_FOR_EVERYONE = frozenset({"family", "format", "mime", "extension", "supported"})


def clean_technical(technical: dict[str, Any], audience: Audience) -> dict[str, Any]:
    """A media file's technical metadata as ``audience`` may receive it (allowlist)."""
    if audience is Audience.CUSTODIAN:
        return dict(technical)
    out: dict[str, Any] = {k: v for k, v in technical.items()
                           if k in TECHNICAL_FOR_EVERYONE and not isinstance(v, (dict, list))}
    detected = technical.get("detected")
    if isinstance(detected, dict):
        out["detected"] = {k: v for k, v in detected.items() if k in _DETECTED_FOR_EVERYONE}
    return out


@dataclass(frozen=True)
class Projection(access.ItemView):
    """An item as one audience may receive it (see the module text)."""

    withheld_segment_ids: frozenset[int] = frozenset()
    redacted: bool = False
    scope: Scope | None = None
    protector: Protector = field(default_factory=Protector, repr=False, compare=False)

    @property
    def audience(self) -> Audience:
        return self.decision.audience

    def replace(self, text: str) -> str:
        """Any other text going out with this item (a caption, a quotation), with
        protected names replaced as they are in the item itself."""
        if self.audience is Audience.CUSTODIAN:
            return text
        return self.protector.replace(text)

    def guard(self, text: str, what: str, lang: str = "es") -> str:
        """The last guard for one output built from this projection."""
        if self.audience is Audience.CUSTODIAN:
            return text
        return guard_text(self.protector, text, what, lang)

    def texts(self) -> list[str]:
        """Every text of the projection (for a guard or a search document)."""
        item = self.item
        out = [item.title, item.description, *item.subjects, *(p.name for p in item.places),
               *(link.person.name for link in item.people), item.notes]
        for seg in self.segments:
            out.extend((seg.speaker, seg.title, seg.keywords, seg.text))
        for media in item.media:
            out.append(media.original_name)
            out.extend(str(v) for v in media.technical.values())
        return out


def protector_for(archive: Archive, audience: Audience, lang: str = "es") -> Protector:
    """The archive-wide protector an audience's outputs use (empty for custodians)."""
    if audience is Audience.CUSTODIAN:
        return Protector()
    return protections.protector(archive, lang)


def project(
    archive: Archive, item_id: int, audience: Audience, scope: Scope | None = None, *,
    lang: str = "es", redact: bool | None = None, protector: Protector | None = None,
    trashed: bool = False,
) -> Projection:
    """What ``audience`` may receive of item ``item_id`` under ``scope``.

    An item in the trash is refused to everyone (Refusal.IN_TRASH); only the
    custodian's trash view passes ``trashed=True`` to show one.

    ``redact`` (default: for everyone but custodians) cuts redaction spans; a
    custodian's export passes ``redact=True`` (redactions hold on every way out).
    Raises ``access.NotVisible`` with the decision when the item is not open.
    """
    access.refuse_if_held(archive, audience)  # lost commits: nothing past custody
    if not trashed and trash_store.is_trashed(archive, item_id):
        raise access.NotVisible(item_id, in_trash(audience, scope))  # custodians too
    records = consent_store.records_for_item(archive, item_id)
    today = archive.today()
    decision = decide(audience, applicable_to_item(records, item_id), today, scope)
    if not decision.allowed:
        raise access.NotVisible(item_id, decision)
    item = item_store.get_item(archive, item_id)
    segments = item_store.segments_of(archive, item_id)
    custodian = audience is Audience.CUSTODIAN
    do_redact = (not custodian) if redact is None else redact
    if custodian and not do_redact:
        return Projection(item, decision, tuple(segments), 0, scope=scope)

    spans = redactions_for_segments(archive, [s.id for s in segments]) if do_redact else {}
    if custodian:
        kept = tuple(replace(s, text=redacted_text(s.text, spans[s.id])) if s.id in spans else s
                     for s in segments)
        kept = tuple(_mark_automatic(s, lang) for s in kept)
        return Projection(item, decision, kept, 0, redacted=True, scope=scope)

    base = protector if protector is not None else protections.protector(archive, lang)
    people, extra = _linked(archive, item, decision, audience, base, lang)
    names = base.with_extra(extra)
    rename = names.replace

    kept_segments: list[Segment] = []
    withheld: set[int] = set()
    for seg in segments:
        seg_decision = decide(audience, applicable_to_segment(records, item_id, seg.id),
                              today, scope)
        if not seg_decision.allowed:
            withheld.add(seg.id)
    # Automatic (speech-recognised) segments never re-expose a stretch of the recording
    # that segment-level consent withholds, whatever their boundaries; researchers and
    # the public receive unchecked drafts only if the custodian allows it (issue 14).
    withheld_ranges = _ranges(segments, withheld)
    drafts_out = audience in (Audience.CUSTODIAN, Audience.CURATOR) or (
        archive.setting("asr.drafts_outside", "0") == "1")
    for seg in segments:
        if seg.automatic and seg.id not in withheld and _overlaps(seg, withheld_ranges):
            withheld.add(seg.id)
        if seg.id in withheld or (seg.automatic and not drafts_out):
            continue
        text = redacted_text(seg.text, spans[seg.id]) if seg.id in spans else seg.text
        kept_segments.append(_mark_automatic(replace(
            seg, text=rename(text), title=rename(seg.title), speaker=rename(seg.speaker),
            keywords=rename(seg.keywords)), lang))

    places = item.places
    if Anonymisation.GENERALISE_PLACES in decision.anonymisation:
        places = tuple(p for p in places if p.kind in access._GENERAL_PLACE_KINDS) or (
            access._generalise(archive, places))
    places = tuple(replace(p, name=rename(p.name)) for p in places)
    # Field files are often named after the person ("entrevista_maria_perez.wav"):
    # outside custody a file is named by the item's accession number instead.
    media = tuple(_public_media(m, item.accession, n, audience, rename)
                  for n, m in enumerate(item.media, start=1))
    public_item = replace(
        item,
        media=media,
        title=rename(item.title),
        description=rename(item.description),
        notes="",  # internal notes never leave the custodian view
        people=tuple(people),
        places=places,
        subjects=tuple(dict.fromkeys(rename(s) for s in item.subjects)),
    )
    return Projection(public_item, decision, tuple(kept_segments), len(withheld),
                      frozenset(withheld), do_redact, scope, names)


AUTOMATIC_MARK = {"es": "[transcripción automática sin revisar]",
                  "en": "[unchecked automatic transcript]"}


def _mark_automatic(seg: Segment, lang: str) -> Segment:
    """Automatic text leaves marked as automatic, on every path out (the flag travels
    with the segment; the mark is in the text for formats that carry nothing else)."""
    if not seg.automatic:
        return seg
    mark = AUTOMATIC_MARK["en" if lang.startswith("en") else "es"]
    return replace(seg, text=f"{mark} {seg.text}")


def _ranges(segments: Sequence[Segment], ids: set[int]) -> list[tuple[int, float]]:
    """The time ranges of the given segments (an open end runs to the next segment)."""
    ordered = sorted(segments, key=lambda s: s.start_ms)
    out: list[tuple[int, float]] = []
    for n, seg in enumerate(ordered):
        if seg.id not in ids:
            continue
        # An open end runs to the next segment a person wrote (not to a draft's).
        end: float = seg.end_ms if seg.end_ms is not None else next(
            (s.start_ms for s in ordered[n + 1:]
             if s.start_ms > seg.start_ms and not s.automatic), float("inf"))
        out.append((seg.start_ms, max(end, seg.start_ms + 1)))
    return out


def _overlaps(seg: Segment, ranges: list[tuple[int, float]]) -> bool:
    end = seg.end_ms if seg.end_ms is not None else seg.start_ms + 1
    return any(seg.start_ms < b and a < end for a, b in ranges)


def _linked(archive: Archive, item: Item, decision: Decision, audience: Audience,
            base: Protector, lang: str) -> tuple[list[ItemPerson], list[Protected]]:
    """The item's people as the audience sees them, and each renamed one's every
    name part to catch in this item's texts."""
    by_person = {p.person_id: p for p in base.protected if p.person_id is not None}
    redact = Anonymisation.REDACT_NAMES in decision.anonymisation
    extra: list[Protected] = []
    people: list[ItemPerson] = []
    for link in item.people:
        shown = access.display_name(archive, link.person, audience, lang)
        if shown == link.person.name and link.person.id in by_person:
            shown = by_person[link.person.id].replacement
        if shown == link.person.name and redact:
            shown = REDACTED_NAME.get(lang, REDACTED_NAME["es"])
        if shown != link.person.name:
            extra.append(linked_parts(link.person.name, shown, link.person.id))
        people.append(ItemPerson(Person(link.person.id, shown), link.role))
    return people, extra


def names_for_items(archive: Archive, item_ids: Iterable[int], audience: Audience,
                    scope: Scope | None = None, lang: str = "es") -> Protector:
    """One protector for an output that gathers several items and free text (an
    exhibit's captions and curator texts): the archive-wide protections plus every
    name part of the people renamed on any of the items, refused ones included."""
    base = protector_for(archive, audience, lang)
    if audience is Audience.CUSTODIAN:
        return base
    extra: list[Protected] = []
    today = archive.today()
    for item_id in sorted(set(item_ids)):
        records = consent_store.records_for_item(archive, item_id)
        decision = decide(audience, applicable_to_item(records, item_id), today, scope)
        item = item_store.get_item(archive, item_id)
        extra.extend(_linked(archive, item, decision, audience, base, lang)[1])
    return base.with_extra(extra)


def public_titles(archive: Archive, titles: dict[int, str], audience: Audience,
                  lang: str = "es") -> dict[int, str]:
    """Item titles for a list row, as the projection words them (a page of rows at a
    time: people read in one query, no transcript read)."""
    if audience is Audience.CUSTODIAN or not titles:
        return dict(titles)
    base = protector_for(archive, audience, lang)
    by_person = {p.person_id: p for p in base.protected if p.person_id is not None}
    linked: dict[int, list[Protected]] = {}
    ids = sorted(titles)
    for item_id, person in protections.people_of_items(archive, ids):
        shown = access.display_name(archive, person, audience, lang)
        if shown == person.name and person.id in by_person:
            shown = by_person[person.id].replacement
        if shown != person.name:
            linked.setdefault(item_id, []).append(linked_parts(person.name, shown, person.id))
    return {i: base.with_extra(linked.get(i, ())).replace(t) for i, t in titles.items()}


def _public_media(media: MediaFile, accession: str, n: int, audience: Audience,
                  rename: Any) -> MediaFile:
    technical = clean_technical(media.technical, audience)
    technical = {k: rename(v) if isinstance(v, str) else v for k, v in technical.items()}
    return replace(media, original_name=f"{accession}-{n}{access._suffix(media.original_name)}",
                   technical=technical)


def project_many(archive: Archive, item_ids: list[int], audience: Audience,
                 scope: Scope | None = None, lang: str = "es") -> tuple[list[Projection],
                                                                        list[Decision]]:
    """Projections of the items open to ``audience`` and the decisions of those left out."""
    shared = protector_for(archive, audience, lang)
    out: list[Projection] = []
    refused: list[Decision] = []
    for item_id in item_ids:
        try:
            out.append(project(archive, item_id, audience, scope, lang=lang, protector=shared))
        except access.NotVisible as exc:
            refused.append(exc.decision)
    return out, refused

