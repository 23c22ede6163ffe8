"""A plain catalogue search: every word must appear (accents and case ignored)
in an item's accession, title, description, subjects, places, transcript or
the names this audience may see. The full-text engine replaces it where an
index exists; this stays as the fallback that needs no index."""

from __future__ import annotations

from memoria.access import ConsentSnapshot, visible_item_ids
from memoria.domain.consent import Audience
from memoria.domain.folding import privacy_fold
from memoria.projection import Projection, project, protector_for
from memoria.storage import authorities
from memoria.storage import items as item_store
from memoria.storage.archive import Archive


def catalogue_search(archive: Archive, query: str, audience: Audience) -> list[int]:
    words = [privacy_fold(w) for w in query.split() if w.strip()]
    snapshot = ConsentSnapshot(archive)
    visible = visible_item_ids(archive, audience, snapshot=snapshot)
    custodian = audience is Audience.CUSTODIAN
    names = authorities.names_by_item(archive) if custodian else {}
    shared = protector_for(archive, audience)
    found = []
    for item_id, text in item_store.texts_in_list_order(archive):
        if item_id not in visible:
            continue
        if not custodian:
            # Search only what this audience would read: the outbound projection
            # (names replaced, redactions cut, withheld segments left out).
            text = _public_text(project(archive, item_id, audience, protector=shared))
        haystack = privacy_fold(text + " " + " ".join(names.get(item_id, [])))
        if all(w in haystack for w in words):
            found.append(item_id)
    return found


def _public_text(view: Projection) -> str:
    item = view.item
    parts = [item.accession, item.title, item.description, *item.subjects,
             *(p.name for p in item.places), *(link.person.name for link in item.people),
             *(f"{s.title} {s.keywords} {s.text}" for s in view.segments)]
    return " ".join(parts)
