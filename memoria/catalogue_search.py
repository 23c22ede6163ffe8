"""A plain catalogue search: every word must appear (accents and case ignored)
in an item's accession, title, description, subjects, places, transcript or
the names this audience may see. The full-text engine replaces it where an
index exists; this stays as the fallback that needs no index."""

from __future__ import annotations

from memoria.access import ConsentSnapshot, fold, visible_item_ids
from memoria.domain.consent import Audience
from memoria.projection import Projection, project, protector_for
from memoria.storage.archive import Archive

_TEXT_SQL = """
SELECT i.id, i.accession || ' ' || i.title || ' ' || i.description || ' ' ||
       COALESCE((SELECT group_concat(s.term, ' ') FROM item_subjects x
                 JOIN subjects s ON s.id = x.subject_id WHERE x.item_id = i.id), '') || ' ' ||
       COALESCE((SELECT group_concat(p.name, ' ') FROM item_places x
                 JOIN places p ON p.id = x.place_id WHERE x.item_id = i.id), '') || ' ' ||
       COALESCE((SELECT group_concat(g.text, ' ') FROM segments g WHERE g.item_id = i.id), '')
FROM items i ORDER BY i.kind, i.accession
"""


def catalogue_search(archive: Archive, query: str, audience: Audience) -> list[int]:
    words = [fold(w) for w in query.split() if w.strip()]
    snapshot = ConsentSnapshot(archive)
    visible = visible_item_ids(archive, audience, snapshot=snapshot)
    custodian = audience is Audience.CUSTODIAN
    names: dict[int, list[str]] = {}
    if custodian:
        for row in archive.conn.execute(
            "SELECT ip.item_id, p.name, p.pseudonym FROM item_people ip"
            " JOIN people p ON p.id = ip.person_id"
        ):
            names.setdefault(row[0], []).extend(n for n in (row[1], row[2]) if n)
    shared = protector_for(archive, audience)
    found = []
    for item_id, text in archive.conn.execute(_TEXT_SQL):
        if item_id not in visible:
            continue
        if not custodian:
            # Search only what this audience would read: the outbound projection
            # (names replaced, redactions cut, withheld segments left out).
            text = _public_text(project(archive, item_id, audience, protector=shared))
        haystack = fold(text + " " + " ".join(names.get(item_id, [])))
        if all(w in haystack for w in words):
            found.append(item_id)
    return found


def _public_text(view: Projection) -> str:
    item = view.item
    parts = [item.accession, item.title, item.description, *item.subjects,
             *(p.name for p in item.places), *(link.person.name for link in item.people),
             *(f"{s.title} {s.keywords} {s.text}" for s in view.segments)]
    return " ".join(parts)
