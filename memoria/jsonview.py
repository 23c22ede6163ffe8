"""The stable JSON shape of items (documented in docs/cli-json.md).

Built only from an `ItemView`, i.e. after consent and anonymisation have
been applied for the audience: there is no way to serialise a raw item for
a non-custodian by accident.
"""

from __future__ import annotations

from typing import Any

from memoria.access import ConsentSnapshot, ItemView
from memoria.domain.consent import Audience
from memoria.domain.dates import UncertainDate, format_date
from memoria.domain.messages import explain
from memoria.storage.archive import Archive
from memoria.storage.authorities import place_path

JSON_FORMAT_VERSION = 1


def date_dict(edtf: str | None, lang: str) -> dict[str, Any] | None:
    if not edtf:
        return None
    parsed = UncertainDate.from_edtf(edtf)
    return {
        "edtf": edtf,
        "display": format_date(parsed, lang),
        "earliest": parsed.earliest.isoformat() if parsed.earliest else None,
        "latest": parsed.latest.isoformat() if parsed.latest else None,
    }


def item_dict(
    archive: Archive, view: ItemView, snapshot: ConsentSnapshot, lang: str = "es",
    with_segments: bool = True,
) -> dict[str, Any]:
    item = view.item
    custodian = view.decision.audience is Audience.CUSTODIAN
    # Text read here beside the projection (place paths, exhibit titles): protected
    # names replaced like the item's own (a bare ItemView is a custodian's).
    rename = getattr(view, "replace", lambda text: text)
    data: dict[str, Any] = {
        "id": item.id,
        "accession": item.accession,
        "kind": item.kind.value,
        "title": item.title,
        "description": item.description,
        "date": date_dict(item.date_edtf, lang),
        "languages": list(item.languages),
        "places": [
            {
                "id": p.id, "name": p.name, "kind": p.kind.value,
                "path": " > ".join(rename(x.name) for x in place_path(archive, p.id)),
            }
            for p in item.places
        ],
        "people": [
            {"id": ip.person.id, "name": ip.person.name, "role": ip.role.value}
            for ip in item.people
        ],
        "subjects": list(item.subjects),
        "media": [
            {
                "sha256": m.sha256, "path": m.path, "original_name": m.original_name,
                "size": m.size, "mime": m.mime, "format": m.format, "technical": m.technical,
            }
            for m in item.media
        ],
        "consent": {
            "status": snapshot.status(item.id),
            "audience": view.decision.audience.value,
            "explanation": explain(view.decision, lang),
            "anonymisation": sorted(a.value for a in view.decision.anonymisation),
        },
    }
    if view.decision.audience in (Audience.CUSTODIAN, Audience.CURATOR):
        # Curatorial information: where the item is placed, so nobody changes its
        # consent or media unaware of an exhibit that shows it.
        from memoria.storage.exhibits import exhibits_using_item

        uses = sorted({(use.name, use.title) for use in exhibits_using_item(archive, item.id)})
        data["exhibits"] = [{"name": rename(name), "title": rename(title)}
                            for name, title in uses]
    if custodian:
        data["notes"] = item.notes
        data["consent"]["visible_to"] = {
            audience.value: not archive.held and snapshot.decide(item.id, audience).allowed
            for audience in (Audience.CURATOR, Audience.RESEARCHER, Audience.PUBLIC)
        }  # held: the catalogue lost commits, nothing opens past custody (storage/seal.py)
    if with_segments:
        data["segments"] = [
            {
                "id": s.id, "start_ms": s.start_ms, "end_ms": s.end_ms, "speaker": s.speaker,
                "text": s.text, "title": s.title, "keywords": s.keywords,
                "automatic": s.automatic,  # speech recognition, not yet checked by a person
            }
            for s in view.segments
        ]
        data["hidden_segments"] = view.hidden_segments
    return data
