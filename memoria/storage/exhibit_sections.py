"""Section housekeeping and moving entries between sections.

The desktop editor renames, reorders and removes sections and drags entries
from one section to another; `store` covers creating things and moving an
entry inside its section. Same rules as `store`: one transaction, an audit
line, `archive.touch` so open windows and the search index notice.
"""

from __future__ import annotations

from memoria.storage.archive import Archive
from memoria.storage.db import transaction
from memoria.storage.exhibits import ExhibitError, _bump, _entry_owner, _renumber

_SECTION_FIELDS = {"title_es", "title_en", "intro_es", "intro_en"}


def _section_exhibit(archive: Archive, section_id: int) -> int:
    row = archive.conn.execute("SELECT exhibit_id FROM exhibit_sections WHERE id = ?",
                               (section_id,)).fetchone()
    if row is None:
        raise ExhibitError(f"There is no exhibit section {section_id}.")
    return int(row[0])


def update_section(archive: Archive, section_id: int, **texts: str) -> None:
    """Change a section's title or introduction (column names as keywords)."""
    unknown = set(texts) - _SECTION_FIELDS
    if unknown:
        raise ExhibitError(f"Unknown section fields: {', '.join(sorted(unknown))}.")
    if "title_es" in texts and not texts["title_es"].strip():
        raise ExhibitError("A section needs a title.")
    exhibit_id = _section_exhibit(archive, section_id)
    with transaction(archive.conn):
        for key in sorted(texts):
            archive.conn.execute(f"UPDATE exhibit_sections SET {key} = ? WHERE id = ?",
                                 (texts[key], section_id))
        _bump(archive, exhibit_id)
        archive.audit("exhibit", exhibit_id, "update_section",
                      {"section": section_id, "fields": sorted(texts)})
        archive.touch(None, "exhibits")


def move_section(archive: Archive, section_id: int, position: int) -> None:
    """Move a section to `position` (0-based), renumbering the others."""
    exhibit_id = _section_exhibit(archive, section_id)
    with transaction(archive.conn):
        _renumber(archive, "exhibit_sections", "exhibit_id", exhibit_id, section_id, position)
        _bump(archive, exhibit_id)
        archive.audit("exhibit", exhibit_id, "move_section",
                      {"section": section_id, "position": position})
        archive.touch(None, "exhibits")


def remove_section(archive: Archive, section_id: int) -> None:
    """Delete a section and its entries (the items themselves are untouched)."""
    exhibit_id = _section_exhibit(archive, section_id)
    with transaction(archive.conn):
        items = [r[0] for r in archive.conn.execute(
            "SELECT DISTINCT item_id FROM exhibit_entries WHERE section_id = ?", (section_id,))]
        archive.conn.execute("DELETE FROM exhibit_entries WHERE section_id = ?", (section_id,))
        archive.conn.execute("DELETE FROM exhibit_sections WHERE id = ?", (section_id,))
        _bump(archive, exhibit_id)
        archive.audit("exhibit", exhibit_id, "remove_section",
                      {"section": section_id, "items": sorted(items)})
        for item_id in sorted(items):
            archive.touch(item_id, "exhibits")
        archive.touch(None, "exhibits")


def relocate_entry(archive: Archive, entry_id: int, section_id: int, position: int) -> None:
    """Put an entry at `position` of `section_id` (same exhibit), renumbering both
    sections; the entry keeps its id, texts and history."""
    exhibit_id, item_id = _entry_owner(archive, entry_id)
    if _section_exhibit(archive, section_id) != exhibit_id:
        raise ExhibitError("An entry can only move within its own exhibit.")
    with transaction(archive.conn):
        old = archive.conn.execute("SELECT section_id FROM exhibit_entries WHERE id = ?",
                                   (entry_id,)).fetchone()[0]
        archive.conn.execute("UPDATE exhibit_entries SET section_id = ? WHERE id = ?",
                             (section_id, entry_id))
        for sid in {old, section_id}:
            _renumber(archive, "exhibit_entries", "section_id", sid, entry_id,
                      position if sid == section_id else None)
        _bump(archive, exhibit_id)
        archive.audit("exhibit_entry", entry_id, "move",
                      {"section": section_id, "position": position}, item_id)
        archive.touch(item_id, "exhibits")


def retarget_entry(archive: Archive, entry_id: int, segment_id: int | None,
                   quote: str = "") -> int:
    """Make an entry show the whole item, one segment, or a quotation from one,
    keeping its place and texts; returns the new entry's id (the kind is part
    of what `store.add_entry` validates, so the entry is placed afresh)."""
    from memoria.storage.exhibits import add_entry, move_entry, remove_entry

    row = archive.conn.execute("SELECT * FROM exhibit_entries WHERE id = ?",
                               (entry_id,)).fetchone()
    if row is None:
        raise ExhibitError(f"There is no exhibit entry {entry_id}.")
    exhibit_id = _section_exhibit(archive, row["section_id"])
    order = [r[0] for r in archive.conn.execute(
        "SELECT id FROM exhibit_entries WHERE section_id = ? ORDER BY position, id",
        (row["section_id"],))]
    with transaction(archive.conn):
        new = add_entry(archive, exhibit_id, row["item_id"], section_id=row["section_id"],
                        segment_id=segment_id, quote=quote, caption=row["caption_es"],
                        caption_en=row["caption_en"], text=row["text_es"],
                        text_en=row["text_en"])
        remove_entry(archive, entry_id)
        move_entry(archive, new, order.index(entry_id))
    return new


def place_items(archive: Archive, exhibit_id: int, item_ids: list[int],
                section_id: int | None, position: int | None = None) -> list[int]:
    """Place whole items, in order, at `position` of a section (default: its end;
    no section: the last one, created if there is none). One transaction."""
    from memoria.storage.exhibits import add_entry, move_entry

    placed: list[int] = []
    with transaction(archive.conn):
        for offset, item_id in enumerate(item_ids):
            entry = add_entry(archive, exhibit_id, item_id, section_id=section_id)
            if position is not None:
                move_entry(archive, entry, position + offset)
            placed.append(entry)
    return placed
