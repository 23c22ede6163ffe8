"""Build the demo archive from resources/demo (fictional sample material).

The demo goes through the same store functions as real work (ingest,
consent records and their history), so a new user sees the product as it
behaves, including every consent state.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from memoria.domain.model import (
    Anonymisation,
    ConsentStatus,
    Kind,
    PlaceKind,
    Provenance,
    ProvenanceMethod,
    Role,
    Scope,
    SegmentDraft,
)
from memoria.importing import ingest
from memoria.importing.consent_form import record_with_form
from memoria.importing.probe import sniff
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.storage.archive import Archive

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEMO_DIR = RESOURCES / "demo"


def _ingest(archive: Archive, item_id: int, path: Path) -> None:
    """The one ingest path, sniffed here rather than decoded in a worker: our own files."""
    with ingest.ingest(archive, path, sniff) as ingested:
        item_store.record_blob(archive, ingested.sha256, ingested.staged.size,
                               ingested.staged.relpath, ingested.probed.mime,
                               ingested.probed.format, _technical(path, ingested.probed.family))
        item_store.attach_media(archive, item_id, ingested.sha256, path.name)


def _technical(path: Path, family: str) -> dict:
    try:
        from memoria.media.metadata import technical_metadata
    except ImportError:
        return {}
    try:
        return technical_metadata(path, family)
    except Exception:  # noqa: BLE001 - the demo must build even if a probe fails
        return {}


def build_demo(dest: Path, source: Path = DEMO_DIR, lang: str = "en") -> str:
    spec = json.loads((source / "demo.json").read_text(encoding="utf-8"))
    archive = Archive.create(dest)
    archive.actor = "demo"
    try:
        people = {
            p["key"]: authorities.add_person(archive, p["name"], p.get("pseudonym"),
                                             p.get("notes", "")).id
            for p in spec["people"]
        }
        places: dict[str, int] = {}
        for p in spec["places"]:
            parent = places.get(p["parent"]) if p.get("parent") else None
            places[p["key"]] = authorities.add_place(
                archive, p["name"], PlaceKind(p["kind"]), parent).id
        items: dict[str, int] = {}
        segment_ids: dict[str, list[int]] = {}
        for it in spec["items"]:
            fields = item_store.ItemFields(
                kind=Kind(it["kind"]), title=it["title"], description=it.get("description", ""),
                date_edtf=it.get("date") or None, notes=it.get("notes", ""),
                languages=it.get("languages", []),
                place_ids=[places[k] for k in it.get("places", [])],
                people=[(people[p["person"]], Role(p["role"])) for p in it.get("people", [])],
                subjects=it.get("subjects", []),
            )
            item_id = item_store.create_item(archive, fields)
            items[it["key"]] = item_id
            for name in it.get("media", []):
                _ingest(archive, item_id, source / "media" / name)
            if it.get("segments"):
                names = {k: n for k, n in ((p["key"], p["name"]) for p in spec["people"])}
                drafts = [
                    SegmentDraft(
                        start_ms=int(s["start"] * 1000),
                        end_ms=int(s["end"] * 1000) if s.get("end") is not None else None,
                        speaker=names.get(s.get("speaker", ""), s.get("speaker", "")),
                        text=s.get("text", ""), title=s.get("title", ""),
                        keywords=", ".join(s.get("keywords", [])),
                    )
                    for s in it["segments"]
                ]
                segment_ids[it["key"]] = item_store.save_segments(archive, item_id, drafts)
        for c in spec.get("consents", []):
            _record_demo_consent(archive, c, source, people, items, segment_ids)
    finally:
        archive.close()
    if lang == "es":
        return (f"Archivo de demostración creado en {dest}: {len(items)} elementos "
                "(material de muestra ficticio).")
    return f"Demo archive created at {dest}: {len(items)} items (fictional sample material)."


def _record_demo_consent(
    archive: Archive, c: dict, source: Path, people: dict[str, int], items: dict[str, int],
    segment_ids: dict[str, list[int]],
) -> None:
    history = c.get("history") or [{"status": c["status"], "reason": ""}]
    first = history[0]
    anonymisation = {Anonymisation(k) for k, v in (c.get("anonymisation") or {}).items() if v}
    prov = c.get("provenance") or {}
    form = source / "media" / c["form"] if c.get("form") else None
    # Segment-level consent: [{"item": "t3", "index": 2}] (0-based), null = whole items.
    segs = [segment_ids[ref["item"]][int(ref["index"])] for ref in c.get("segments") or []]
    terms = consents.ConsentTerms(
        status=ConsentStatus(first["status"]),
        scopes={Scope(s) for s in c.get("scopes", [])},
        embargo_until=date.fromisoformat(c["embargo_until"]) if c.get("embargo_until") else None,
        review_date=date.fromisoformat(c["review_date"]) if c.get("review_date") else None,
        anonymisation=anonymisation, pseudonym=c.get("pseudonym"),
        provenance=Provenance(
            ProvenanceMethod(prov["method"]) if prov.get("method") else None,
            prov.get("obtained_by", ""),
            date.fromisoformat(prov["obtained_at"]) if prov.get("obtained_at") else None,
            prov.get("witness", ""),
        ),
    )
    if terms.status is ConsentStatus.GRANTED and not terms.scopes:
        terms.status = ConsentStatus.PENDING
    previous_actor = archive.actor
    archive.actor = first.get("by") or "demo"
    # Our own sample files: sniffed here rather than decoded in a worker.
    (consent_id,) = record_with_form(
        archive, [people[c["person"]]], [items[k] for k in c["items"]], terms, form,
        segment_ids=segs, reason=first.get("reason", ""), supersede=False, probe_fn=sniff,
    )
    for event in history[1:]:
        archive.actor = event.get("by") or "demo"
        consents.change_status(archive, consent_id, ConsentStatus(event["status"]),
                               event.get("reason") or "—")
    archive.actor = previous_actor
