"""What an undo reads and puts back: a transcript with its redactions, an exhibit's
sections and entries, as plain rows (the SQL of memoria.operations.undo).

Rows are dicts of column values, so a state can be compared (a digest) and put back
whole: rows that come back keep their ids when they are free (an undone removal is
the same entry, at the same place, with the same texts), so the steps after it in a
window's history still find what they name.
"""

from __future__ import annotations

from memoria.storage.archive import Archive, utc_now
from memoria.storage.exhibits import _bump
from memoria.storage.sql import in_chunks

SEGMENT_COLUMNS = ("id", "position", "start_ms", "end_ms", "speaker", "text", "title",
                   "keywords", "automatic", "confidence")
SECTION_COLUMNS = ("id", "position", "title_es", "title_en", "intro_es", "intro_en")
ENTRY_COLUMNS = ("id", "section_id", "position", "item_id", "kind", "segment_id", "quote",
                 "caption_es", "caption_en", "text_es", "text_en", "created_at")


def last_audit_id(archive: Archive) -> int:
    row = archive.conn.execute("SELECT MAX(id) FROM audit_log").fetchone()
    return int(row[0] or 0)


def first_audit_after(archive: Archive, audit_id: int,
                      item_ids: tuple[int, ...] = ()) -> int | None:
    """The first audit row written after `audit_id` about one of `item_ids` (none given:
    about an exhibit): the change a step undoes."""
    if item_ids:
        where, params = f"item_id IN ({', '.join('?' for _ in item_ids)})", item_ids
    else:
        where, params = "entity_type IN ('exhibit', 'exhibit_entry')", ()
    row = archive.conn.execute(f"SELECT MIN(id) FROM audit_log WHERE id > ? AND {where}",
                               (audit_id, *params)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def item_exists(archive: Archive, item_id: int) -> bool:
    return archive.conn.execute("SELECT 1 FROM items WHERE id = ?", (item_id,)).fetchone() \
        is not None


# -- a transcript ------------------------------------------------------------------------
def transcript(archive: Archive, item_id: int) -> dict:
    """The item's segments, each with its redactions and the exhibit entries showing it."""
    segments = [dict(zip(SEGMENT_COLUMNS, row, strict=True)) for row in archive.conn.execute(
        f"SELECT {', '.join(SEGMENT_COLUMNS)} FROM segments WHERE item_id = ?"
        " ORDER BY position, start_ms, id", (item_id,))]
    ids = [s["id"] for s in segments]
    redactions: dict[str, list[list]] = {}
    entries: dict[str, list[int]] = {}
    for in_list, chunk in in_chunks(ids, 500):
        for r in archive.conn.execute(
                "SELECT segment_id, start_char, end_char, replacement FROM redactions"
                f" WHERE segment_id IN {in_list} ORDER BY segment_id, start_char, id", chunk):
            redactions.setdefault(str(r[0]), []).append([r[1], r[2], r[3]])
        for r in archive.conn.execute(
                "SELECT segment_id, id FROM exhibit_entries"
                f" WHERE segment_id IN {in_list} ORDER BY id", chunk):
            entries.setdefault(str(r[0]), []).append(int(r[1]))
    return {"segments": segments, "redactions": redactions, "entries": entries}


def restore_transcript(archive: Archive, item_id: int, state: dict) -> None:
    """Make the item's transcript what `state` says (inside the caller's transaction):
    segments removed since come back with their ids, redactions and exhibit links."""
    conn = archive.conn
    wanted = {s["id"]: s for s in state["segments"]}
    present = {int(r[0]) for r in conn.execute("SELECT id FROM segments WHERE item_id = ?",
                                               (item_id,))}
    for gone in sorted(present - set(wanted)):
        if conn.execute("SELECT 1 FROM consent_segments WHERE segment_id = ?",
                        (gone,)).fetchone():
            from memoria.storage.items import ItemError

            raise ItemError("A transcript segment covered by a consent record cannot be "
                            "deleted; change the consent record first.", "transcript")
        conn.execute("DELETE FROM segments WHERE id = ?", (gone,))
    values = SEGMENT_COLUMNS[1:]
    for seg_id, seg in wanted.items():
        row = [seg[c] for c in values]
        if seg_id in present:
            conn.execute(f"UPDATE segments SET {', '.join(f'{c} = ?' for c in values)}"
                         " WHERE id = ?", (*row, seg_id))
            continue
        free = conn.execute("SELECT 1 FROM segments WHERE id = ?", (seg_id,)).fetchone() is None
        cur = conn.execute(
            f"INSERT INTO segments ({'id, ' if free else ''}item_id, {', '.join(values)})"
            f" VALUES ({'?, ' if free else ''}?, {', '.join('?' for _ in values)})",
            ((seg_id,) if free else ()) + (item_id, *row))
        new_id = seg_id if free else int(cur.lastrowid)
        now = utc_now()
        for start, end, replacement in state["redactions"].get(str(seg_id), ()):
            conn.execute("INSERT INTO redactions (segment_id, start_char, end_char, replacement,"
                         " created_at) VALUES (?, ?, ?, ?, ?)",
                         (new_id, start, end, replacement, now))
        for entry_id in state["entries"].get(str(seg_id), ()):
            conn.execute("UPDATE exhibit_entries SET segment_id = ? WHERE id = ?"
                         " AND segment_id IS NULL", (new_id, entry_id))


# -- an exhibit's structure -----------------------------------------------------------------
def structure(archive: Archive, exhibit_id: int) -> dict | None:
    """The exhibit's sections and entries as rows (None: no such exhibit)."""
    conn = archive.conn
    if conn.execute("SELECT 1 FROM exhibits WHERE id = ?", (exhibit_id,)).fetchone() is None:
        return None
    sections = [dict(zip(SECTION_COLUMNS, r, strict=True)) for r in conn.execute(
        f"SELECT {', '.join(SECTION_COLUMNS)} FROM exhibit_sections WHERE exhibit_id = ?"
        " ORDER BY position, id", (exhibit_id,))]
    entries = [dict(zip(ENTRY_COLUMNS, r, strict=True)) for r in conn.execute(
        f"SELECT {', '.join('e.' + c for c in ENTRY_COLUMNS)} FROM exhibit_entries e"
        " JOIN exhibit_sections s ON s.id = e.section_id WHERE s.exhibit_id = ?"
        " ORDER BY s.position, e.position, e.id", (exhibit_id,))]
    return {"sections": sections, "entries": entries}


def restore_structure(archive: Archive, exhibit_id: int, state: dict) -> dict[str, list[int]]:
    """Make the exhibit's sections and entries what `state` says (inside the caller's
    transaction); answers the entries added, removed and changed, and the items they show."""
    conn = archive.conn
    now = structure(archive, exhibit_id) or {"sections": [], "entries": []}
    have_sections = {s["id"]: s for s in now["sections"]}
    have_entries = {e["id"]: e for e in now["entries"]}
    want_sections = {s["id"]: s for s in state["sections"]}
    want_entries = {e["id"]: e for e in state["entries"]}
    removed = sorted(set(have_entries) - set(want_entries))
    for entry_id in removed:
        conn.execute("DELETE FROM exhibit_entries WHERE id = ?", (entry_id,))
    section_ids: dict[int, int] = {}
    columns = SECTION_COLUMNS[1:]
    for section_id, section in want_sections.items():
        row = [section[c] for c in columns]
        if section_id in have_sections:
            conn.execute(f"UPDATE exhibit_sections SET {', '.join(f'{c} = ?' for c in columns)}"
                         " WHERE id = ?", (*row, section_id))
            section_ids[section_id] = section_id
            continue
        section_ids[section_id] = _insert(archive, "exhibit_sections", section_id,
                                          ("exhibit_id", *columns), (exhibit_id, *row))
    added, changed = [], []
    columns = ENTRY_COLUMNS[1:]
    stamp = utc_now()
    for entry_id, entry in want_entries.items():
        row = [section_ids.get(entry["section_id"], entry["section_id"])
               if c == "section_id" else entry[c] for c in columns]
        if entry_id in have_entries:
            if any(have_entries[entry_id][c] != entry[c] for c in columns):
                conn.execute(
                    f"UPDATE exhibit_entries SET {', '.join(f'{c} = ?' for c in columns)},"
                    " updated_at = ? WHERE id = ?", (*row, stamp, entry_id))
                changed.append(entry_id)
            continue
        added.append(_insert(archive, "exhibit_entries", entry_id, (*columns, "updated_at"),
                             (*row, stamp)))
    # Sections go last: an entry kept from one of them has been moved out by now.
    for section_id in sorted(set(have_sections) - set(want_sections)):
        conn.execute("DELETE FROM exhibit_sections WHERE id = ?", (section_id,))
    _bump(archive, exhibit_id)
    items = {e["item_id"] for e in have_entries.values() if e["id"] in removed}
    items |= {e["item_id"] for e in want_entries.values()
              if e["id"] in changed or e["id"] not in have_entries}
    return {"added": sorted(added), "removed": removed, "changed": sorted(changed),
            "items": sorted(items)}


def _insert(archive: Archive, table: str, row_id: int, columns: tuple[str, ...],
            values: tuple) -> int:
    """Insert a row back under its old id when that id is still free; else a new id."""
    free = archive.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?",
                                (row_id,)).fetchone() is None
    names = ("id",) + columns if free else columns
    cur = archive.conn.execute(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
        ((row_id,) if free else ()) + tuple(values))
    return row_id if free else int(cur.lastrowid)


TEXT_COLUMNS = ("title_es", "title_en", "subtitle_es", "subtitle_en", "intro_es", "intro_en",
                "notes", "scope")


def exhibit_texts(archive: Archive, exhibit_id: int) -> dict | None:
    """An exhibit's own texts and scope (None: no such exhibit)."""
    row = archive.conn.execute(f"SELECT {', '.join(TEXT_COLUMNS)} FROM exhibits WHERE id = ?",
                               (exhibit_id,)).fetchone()
    return dict(zip(TEXT_COLUMNS, row, strict=True)) if row else None


def exhibit_title(archive: Archive, exhibit_id: int) -> str:
    row = archive.conn.execute("SELECT title_es FROM exhibits WHERE id = ?",
                               (exhibit_id,)).fetchone()
    return str(row[0]) if row else ""


def exhibit_of_section(archive: Archive, section_id: int) -> int:
    from memoria.storage.exhibit_sections import _section_exhibit

    return _section_exhibit(archive, section_id)


def exhibit_of_entry(archive: Archive, entry_id: int) -> int:
    from memoria.storage.exhibits import _entry_owner

    return _entry_owner(archive, entry_id)[0]
