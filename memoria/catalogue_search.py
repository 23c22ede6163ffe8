"""A plain catalogue search: every word must appear (accents and case ignored)
in an item's accession, title, description, subjects, places, transcript or
the names this audience may see. The full-text engine replaces it where an
index exists; this stays as the fallback that needs no index."""

from __future__ import annotations

from memoria.access import ConsentSnapshot, display_name, fold, view_item, visible_item_ids
from memoria.domain.consent import Audience
from memoria.domain.model import Person
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
    names: dict[int, list[str]] = {}
    for row in archive.conn.execute(
        "SELECT ip.item_id, p.id, p.name, p.pseudonym FROM item_people ip"
        " JOIN people p ON p.id = ip.person_id"
    ):
        person = Person(row[1], row[2], row[3])
        names.setdefault(row[0], []).append(
            display_name(archive, person, audience, snapshot=snapshot)
        )
    found = []
    for item_id, text in archive.conn.execute(_TEXT_SQL):
        if item_id not in visible:
            continue
        if audience is not Audience.CUSTODIAN:
            # Search only what this audience would read: pseudonymised text,
            # without segments that consent withholds.
            text = _public_text(archive, item_id, audience)
        haystack = fold(text + " " + " ".join(names.get(item_id, [])))
        if all(w in haystack for w in words):
            found.append(item_id)
    return found


def _public_text(archive: Archive, item_id: int, audience: Audience) -> str:
    view = view_item(archive, item_id, audience)
    item = view.item
    parts = [item.accession, item.title, item.description, *item.subjects,
             *(p.name for p in item.places), *(s.text for s in view.segments)]
    return " ".join(parts)
