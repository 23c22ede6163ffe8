"""Items: create, edit, read, list. Every change is audited and bumps the
catalogue generation (so the search index knows it is stale)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date

from memoria.domain.collation import sort_key
from memoria.domain.dates import UncertainDate
from memoria.domain.model import (
    Item,
    ItemPerson,
    Kind,
    MediaFile,
    Person,
    Place,
    PlaceKind,
    Role,
    Segment,
    SegmentDraft,
)
from memoria.storage.archive import Archive, utc_now
from memoria.storage.authorities import get_or_add_subject
from memoria.storage.db import transaction
from memoria.storage.sql import in_chunks


class ItemError(ValueError):
    """An item cannot be saved as given; the message says which field and why."""

    def __init__(self, message: str, field_name: str = "") -> None:
        super().__init__(message)
        self.field_name = field_name


@dataclass
class ItemFields:
    """What a person edits; ids for places and people, terms for subjects."""

    kind: Kind
    title: str
    description: str = ""
    date_edtf: str | None = None
    notes: str = ""
    languages: list[str] = field(default_factory=list)
    place_ids: list[int] = field(default_factory=list)
    people: list[tuple[int, Role]] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)

    @classmethod
    def from_item(cls, item: Item) -> ItemFields:
        return cls(
            kind=item.kind,
            title=item.title,
            description=item.description,
            date_edtf=item.date_edtf,
            notes=item.notes,
            languages=list(item.languages),
            place_ids=[p.id for p in item.places],
            people=[(ip.person.id, ip.role) for ip in item.people],
            subjects=list(item.subjects),
        )


def _date_span(date_edtf: str | None) -> tuple[str | None, str | None]:
    if not date_edtf:
        return None, None
    try:
        parsed = UncertainDate.from_edtf(date_edtf)
    except ValueError as exc:
        raise ItemError(f"The date '{date_edtf}' is not a valid date ({exc}).", "date") from exc
    return (
        parsed.earliest.isoformat() if parsed.earliest else None,
        parsed.latest.isoformat() if parsed.latest else None,
    )


def next_accession(archive: Archive, kind: Kind, year: int | None = None) -> str:
    """T-2024-0007: prefix per kind (a setting), year, a counter per kind and year."""
    year = year or date.today().year
    prefix = archive.setting(f"prefix.{kind.value}", kind.value[0].upper())
    with transaction(archive.conn):
        row = archive.conn.execute(
            "SELECT last FROM accession_counters WHERE kind = ? AND year = ?", (kind.value, year)
        ).fetchone()
        number = (row[0] if row else 0) + 1
        while archive.conn.execute(
            "SELECT 1 FROM items WHERE accession = ?", (f"{prefix}-{year}-{number:04d}",)
        ).fetchone():
            number += 1  # an accession typed by hand took this number
        archive.conn.execute(
            "INSERT INTO accession_counters (kind, year, last) VALUES (?, ?, ?) "
            "ON CONFLICT (kind, year) DO UPDATE SET last = excluded.last",
            (kind.value, year, number),
        )
    return f"{prefix}-{year}-{number:04d}"


def _validate(fields: ItemFields) -> None:
    if not fields.title.strip():
        raise ItemError("Every item needs a title.", "title")
    Kind(fields.kind)


def create_item(archive: Archive, fields: ItemFields, accession: str | None = None) -> int:
    _validate(fields)
    start, end = _date_span(fields.date_edtf)
    now = utc_now()
    with transaction(archive.conn):
        accession = (accession or "").strip() or next_accession(archive, Kind(fields.kind))
        if archive.conn.execute("SELECT 1 FROM items WHERE accession = ?", (accession,)).fetchone():
            raise ItemError(f"The accession number {accession} is already in use.", "accession")
        cur = archive.conn.execute(
            "INSERT INTO items (kind, accession, title, title_key, description, date_edtf,"
            " date_start, date_end, notes, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                Kind(fields.kind).value, accession, fields.title.strip(),
                sort_key(fields.title), fields.description, fields.date_edtf or None,
                start, end, fields.notes, now, now,
            ),
        )
        item_id = int(cur.lastrowid)
        _write_links(archive, item_id, fields)
        archive.audit("item", item_id, "create", {"accession": accession, **_snapshot(fields)}, item_id)
        archive.touch(item_id)
    return item_id


def update_item(archive: Archive, item_id: int, fields: ItemFields,
                note: dict | None = None) -> None:
    """`note` joins the audit row's details (a batch edit says so and its size)."""
    _validate(fields)
    before = ItemFields.from_item(get_item(archive, item_id))
    start, end = _date_span(fields.date_edtf)
    with transaction(archive.conn):
        archive.conn.execute(
            "UPDATE items SET kind = ?, title = ?, title_key = ?, description = ?, date_edtf = ?,"
            " date_start = ?, date_end = ?, notes = ?, updated_at = ? WHERE id = ?",
            (
                Kind(fields.kind).value, fields.title.strip(), sort_key(fields.title),
                fields.description, fields.date_edtf or None, start, end, fields.notes,
                utc_now(), item_id,
            ),
        )
        for table in ("item_languages", "item_places", "item_people", "item_subjects"):
            archive.conn.execute(f"DELETE FROM {table} WHERE item_id = ?", (item_id,))
        _write_links(archive, item_id, fields)
        old, new = _snapshot(before), _snapshot(fields)
        changed = {k: {"before": old[k], "after": new[k]} for k in new if old[k] != new[k]}
        if changed:
            archive.audit("item", item_id, "update", {**changed, **(note or {})}, item_id)
        archive.touch(item_id)


def _snapshot(fields: ItemFields) -> dict:
    data = asdict(fields)
    data["kind"] = Kind(fields.kind).value
    data["people"] = [[pid, Role(role).value] for pid, role in fields.people]
    return data


def _write_links(archive: Archive, item_id: int, fields: ItemFields) -> None:
    conn = archive.conn
    for lang in dict.fromkeys(fields.languages):
        conn.execute("INSERT INTO item_languages VALUES (?, ?)", (item_id, lang.strip().lower()))
    for place_id in dict.fromkeys(fields.place_ids):
        conn.execute("INSERT INTO item_places VALUES (?, ?)", (item_id, place_id))
    for person_id, role in dict.fromkeys(fields.people):
        conn.execute(
            "INSERT INTO item_people VALUES (?, ?, ?)", (item_id, person_id, Role(role).value)
        )
    for term in dict.fromkeys(fields.subjects):
        if term.strip():
            subject_id = get_or_add_subject(archive, term)
            conn.execute("INSERT OR IGNORE INTO item_subjects VALUES (?, ?)", (item_id, subject_id))


# -- reading ---------------------------------------------------------------------
def get_item(archive: Archive, item_id: int) -> Item:
    conn = archive.conn
    row = conn.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        raise ItemError(f"There is no item with id {item_id}.")
    languages = tuple(
        r[0] for r in conn.execute(
            "SELECT language FROM item_languages WHERE item_id = ? ORDER BY rowid", (item_id,)
        )
    )
    places = tuple(
        Place(r["id"], r["name"], PlaceKind(r["kind"]), r["parent_id"])
        for r in conn.execute(
            "SELECT p.* FROM places p JOIN item_places ip ON ip.place_id = p.id"
            " WHERE ip.item_id = ? ORDER BY ip.rowid", (item_id,)
        )
    )
    people = tuple(
        ItemPerson(Person(r["id"], r["name"], r["pseudonym"], r["notes"]), Role(r["role"]))
        for r in conn.execute(
            "SELECT p.*, ip.role FROM people p JOIN item_people ip ON ip.person_id = p.id"
            " WHERE ip.item_id = ? ORDER BY ip.rowid", (item_id,)
        )
    )
    subjects = tuple(
        r[0] for r in conn.execute(
            "SELECT s.term FROM subjects s JOIN item_subjects i ON i.subject_id = s.id"
            " WHERE i.item_id = ? ORDER BY i.rowid", (item_id,)
        )
    )
    return Item(
        id=row["id"], kind=Kind(row["kind"]), accession=row["accession"], title=row["title"],
        description=row["description"], date_edtf=row["date_edtf"], notes=row["notes"],
        languages=languages, places=places, people=people, subjects=subjects,
        media=tuple(media_of(archive, item_id)), created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def item_id_by_accession(archive: Archive, accession: str) -> int | None:
    row = archive.conn.execute(
        "SELECT id FROM items WHERE accession = ? COLLATE NOCASE", (accession.strip(),)
    ).fetchone()
    return int(row[0]) if row else None


def resolve_item(archive: Archive, ref: str) -> int:
    """An item from what a person types: its accession number or its numeric id."""
    found = item_id_by_accession(archive, ref)
    if found is not None:
        return found
    if ref.isdigit() and archive.conn.execute(
        "SELECT 1 FROM items WHERE id = ?", (int(ref),)
    ).fetchone():
        return int(ref)
    raise ItemError(f"There is no item '{ref}' in this archive.")


SORT_COLUMNS = {
    "accession": "kind, accession",
    "title": "title_key",
    "date": "date_start IS NULL, date_start, date_end",
    "kind": "kind, accession",
    "created": "id",
}


# Live items: not in the trash (memoria.storage.trash). Every list of items that feeds a
# path out starts from these, so a trashed item leaves them all at once.
LIVE = "id NOT IN (SELECT item_id FROM trash)"
TRASHED = "id IN (SELECT item_id FROM trash)"


def list_item_ids(
    archive: Archive, kind: Kind | None = None, sort: str = "accession", descending: bool = False,
    trash: bool = False,
) -> list[int]:
    """Live ids in display order, sorted by SQL on indexed columns (never in Python);
    with `trash`, the items in the trash instead (the custodian's trash view)."""
    order = SORT_COLUMNS.get(sort)
    if order is None:
        raise ItemError(f"Cannot sort by '{sort}'.")
    if descending:
        order = ", ".join(f"{part} DESC" for part in order.split(", "))
    where, params = (f"WHERE {TRASHED if trash else LIVE}", ())
    if kind:
        where, params = where + " AND kind = ?", (Kind(kind).value,)
    rows = archive.conn.execute(f"SELECT id FROM items {where} ORDER BY {order}, id", params)
    return [r[0] for r in rows]


def count_by_kind(archive: Archive) -> dict[str, int]:
    """Live items per kind."""
    return {
        r[0]: r[1] for r in archive.conn.execute(
            f"SELECT kind, COUNT(*) FROM items WHERE {LIVE} GROUP BY kind")
    }


def kinds_of(archive: Archive, item_ids: Iterable[int]) -> dict[int, Kind]:
    """{item id: kind} for the ids that exist (a selection's summary counts them)."""
    out: dict[int, Kind] = {}
    for in_list, chunk in in_chunks(sorted(set(item_ids))):
        for r in archive.conn.execute(f"SELECT id, kind FROM items WHERE id IN {in_list}",
                                      chunk):
            out[r[0]] = Kind(r[1])
    return out


def accessions_and_titles(archive: Archive, item_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """{item id: (accession, title)} for the ids that exist."""
    out: dict[int, tuple[str, str]] = {}
    for in_list, chunk in in_chunks(sorted(set(item_ids))):
        for r in archive.conn.execute(
                f"SELECT id, accession, title FROM items WHERE id IN {in_list}", chunk):
            out[r[0]] = (r[1], r[2])
    return out


def accession_of(archive: Archive, item_id: int) -> str:
    row = archive.conn.execute("SELECT accession FROM items WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        raise ItemError(f"There is no item {item_id}.")
    return str(row[0])


def date_span(archive: Archive, item_id: int) -> tuple[str | None, str | None]:
    """The first and last day (ISO) an item's date covers (None: open or undated)."""
    row = archive.conn.execute("SELECT date_start, date_end FROM items WHERE id = ?",
                               (item_id,)).fetchone()
    return (row[0], row[1]) if row else (None, None)


_TEXT_SQL = """
SELECT i.id, i.accession || ' ' || i.title || ' ' || i.description || ' ' ||
       COALESCE((SELECT group_concat(s.term, ' ') FROM item_subjects x
                 JOIN subjects s ON s.id = x.subject_id WHERE x.item_id = i.id), '') || ' ' ||
       COALESCE((SELECT group_concat(p.name, ' ') FROM item_places x
                 JOIN places p ON p.id = x.place_id WHERE x.item_id = i.id), '') || ' ' ||
       COALESCE((SELECT group_concat(g.text, ' ') FROM segments g WHERE g.item_id = i.id), '')
FROM items i WHERE i.id NOT IN (SELECT item_id FROM trash) ORDER BY i.kind, i.accession
"""


def texts_in_list_order(archive: Archive) -> Iterator[tuple[int, str]]:
    """(item id, its accession, title, description, subjects, places and transcript as one
    text) for every live item, in kind and accession order: the plain catalogue search."""
    for item_id, text in archive.conn.execute(_TEXT_SQL):
        yield int(item_id), str(text or "")


def all_item_ids(archive: Archive) -> list[int]:
    """Every live item id (not in the trash), in id order (cheaper than a display sort)."""
    return [int(r[0]) for r in archive.conn.execute(
        f"SELECT id FROM items WHERE {LIVE} ORDER BY id")]


def blobs_by_path(archive: Archive) -> list[tuple[str, str, int]]:
    """(sha256, relative path, size) of every stored original, in path order."""
    return [(r[0], r[1], r[2]) for r in archive.conn.execute(
        "SELECT sha256, path, size FROM blobs ORDER BY path").fetchall()]


def accessions_holding(archive: Archive, sha256: str) -> list[str]:
    """The accession numbers of the items a stored original belongs to."""
    return [str(r[0]) for r in archive.conn.execute(
        "SELECT DISTINCT i.accession FROM media_files m JOIN items i ON i.id = m.item_id"
        " WHERE m.sha256 = ? ORDER BY i.accession", (sha256,)).fetchall()]


def record_fixity(archive: Archive, results: dict[str, bool], at: str) -> None:
    """Each original's last fixity result and when (inside the caller's transaction)."""
    archive.conn.executemany(
        "UPDATE blobs SET fixity_ok = ?, fixity_at = ? WHERE sha256 = ?",
        [(int(ok), at, sha) for sha, ok in results.items()])


def blur_regions(archive: Archive, sha256: str) -> list[tuple[float, float, float, float]]:
    """A photograph's blur regions (x, y, w, h as fractions of the upright picture)."""
    return [(r[0], r[1], r[2], r[3]) for r in archive.conn.execute(
        "SELECT x, y, w, h FROM photo_blur_regions WHERE sha256 = ? ORDER BY id", (sha256,))]


def blob_path_and_mime(archive: Archive, sha256: str) -> tuple[str, str] | None:
    """Where a stored original is (relative to the archive) and its type, or None."""
    row = archive.conn.execute("SELECT path, mime FROM blobs WHERE sha256 = ?",
                               (sha256,)).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def all_blobs(archive: Archive) -> list[tuple[str, str, str]]:
    """(sha256, path, mime) of every stored original, in hash order."""
    return [(r[0], r[1], r[2]) for r in archive.conn.execute(
        "SELECT sha256, path, mime FROM blobs ORDER BY sha256").fetchall()]


def first_item_with_blob(archive: Archive, sha256: str) -> tuple[int, str] | None:
    """(id, accession) of the first item holding the file, or None."""
    row = archive.conn.execute(
        "SELECT i.id, i.accession FROM media_files m JOIN items i ON i.id = m.item_id"
        " WHERE m.sha256 = ? ORDER BY i.id LIMIT 1", (sha256,)).fetchone()
    return (int(row[0]), str(row[1])) if row else None


# -- media -----------------------------------------------------------------------
def media_of(archive: Archive, item_id: int) -> list[MediaFile]:
    rows = archive.conn.execute(
        "SELECT m.id, m.original_name, b.* FROM media_files m JOIN blobs b USING (sha256)"
        " WHERE m.item_id = ? ORDER BY m.position, m.id",
        (item_id,),
    )
    return [
        MediaFile(
            id=r["id"], sha256=r["sha256"], path=r["path"], original_name=r["original_name"],
            size=r["size"], mime=r["mime"], format=r["format"],
            technical=json.loads(r["technical"] or "{}"),
            fixity_ok=None if r["fixity_ok"] is None else bool(r["fixity_ok"]),
        )
        for r in rows
    ]


def record_blob(
    archive: Archive, sha256: str, size: int, relpath: str, mime: str, fmt: str, technical: dict
) -> None:
    archive.conn.execute(
        "INSERT OR IGNORE INTO blobs (sha256, size, path, mime, format, technical, added_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (sha256, size, relpath, mime, fmt, json.dumps(technical, ensure_ascii=False), utc_now()),
    )


def attach_media(archive: Archive, item_id: int, sha256: str, original_name: str) -> bool:
    """Link a stored blob to an item; False if the item already had those bytes."""
    with transaction(archive.conn):
        position = archive.conn.execute(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM media_files WHERE item_id = ?", (item_id,)
        ).fetchone()[0]
        cur = archive.conn.execute(
            "INSERT OR IGNORE INTO media_files (item_id, sha256, original_name, position, added_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (item_id, sha256, original_name, position, utc_now()),
        )
        if cur.rowcount:
            archive.audit(
                "media", int(cur.lastrowid), "attach",
                {"sha256": sha256, "name": original_name}, item_id,
            )
            archive.touch(item_id, "media")
    return bool(cur.rowcount)


# -- transcript segments ---------------------------------------------------------
def segments_of(archive: Archive, item_id: int) -> list[Segment]:
    rows = archive.conn.execute(
        "SELECT * FROM segments WHERE item_id = ? ORDER BY position, start_ms", (item_id,)
    )
    return [
        Segment(r["id"], r["position"], r["start_ms"], r["end_ms"], r["speaker"], r["text"],
                r["title"], r["keywords"], bool(r["automatic"]), r["confidence"])
        for r in rows
    ]


def save_segments(
    archive: Archive, item_id: int, segments: list[Segment | SegmentDraft]
) -> list[int]:
    """Replace an item's transcript, keeping the ids of segments that stay.

    A segment named by a consent record cannot be removed: the consent would
    silently stop applying to the words it was given for.
    """
    existing = {s.id for s in segments_of(archive, item_id)}
    kept = {s.id for s in segments if isinstance(s, Segment)}
    if unknown := kept - existing:
        raise ItemError(f"Segments {sorted(unknown)} do not belong to this item.", "transcript")
    ids: list[int] = []
    with transaction(archive.conn):
        for removed in sorted(existing - kept):
            if archive.conn.execute(
                "SELECT 1 FROM consent_segments WHERE segment_id = ?", (removed,)
            ).fetchone():
                raise ItemError(
                    "A transcript segment covered by a consent record cannot be deleted; "
                    "change the consent record first.", "transcript",
                )
            archive.conn.execute("DELETE FROM segments WHERE id = ?", (removed,))
        for position, seg in enumerate(segments):
            if seg.end_ms is not None and seg.end_ms < seg.start_ms:
                raise ItemError(f"Segment {position + 1} ends before it starts.", "transcript")
            values = (position, seg.start_ms, seg.end_ms, seg.speaker, seg.text, seg.title,
                      seg.keywords)
            if isinstance(seg, Segment):
                # An automatic (speech-recognised) segment a person edits is theirs now.
                archive.conn.execute(
                    "UPDATE segments SET position = ?, start_ms = ?, end_ms = ?, speaker = ?,"
                    " text = ?, title = ?, keywords = ?, automatic = CASE WHEN"
                    " start_ms IS ? AND end_ms IS ? AND text IS ? AND automatic = ?"
                    " THEN automatic ELSE 0 END WHERE id = ?",
                    (*values, seg.start_ms, seg.end_ms, seg.text, int(seg.automatic), seg.id),
                )
                ids.append(seg.id)
            else:
                cur = archive.conn.execute(
                    "INSERT INTO segments (position, start_ms, end_ms, speaker, text, title,"
                    " keywords, item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (*values, item_id),
                )
                ids.append(int(cur.lastrowid))
        archive.audit(
            "transcript", item_id, "save",
            {"segments": len(segments), "removed": len(existing - kept)}, item_id,
        )
        archive.touch(item_id, "transcript")
    return ids
