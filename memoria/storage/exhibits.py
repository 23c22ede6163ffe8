"""Exhibits in the catalogue, plus blur regions and redaction spans.

Every write is one transaction that audits itself and calls `archive.touch`
(with the item id when an entry changes, so an item's "used in exhibits"
list and the search index know to refresh).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from memoria.domain.model import Scope
from memoria.exhibits.model import Entry, EntryKind, Exhibit, Section, Texts, parse_scope
from memoria.storage import driver as sqlite3
from memoria.storage import items as item_store
from memoria.storage.archive import Archive, utc_now
from memoria.storage.db import transaction
from memoria.storage.sql import in_chunks


class ExhibitError(ValueError):
    """An exhibit cannot be changed as asked; the message is for a person."""


@dataclass(frozen=True)
class ExhibitUse:
    """One place an item appears: for the item's "used in exhibits" list."""

    exhibit_id: int
    name: str
    title: str
    entry_id: int
    kind: EntryKind


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# -- exhibits --------------------------------------------------------------------
def create_exhibit(
    archive: Archive, name: str, title: str, *, title_en: str = "", subtitle: str = "",
    subtitle_en: str = "", intro: str = "", intro_en: str = "", notes: str = "",
    scope: Scope | str = Scope.EXHIBITION,
) -> int:
    name = name.strip()
    if not name or not title.strip():
        raise ExhibitError("An exhibit needs a name and a title.")
    scope = parse_scope(str(scope))
    now = utc_now()
    with transaction(archive.conn):
        if archive.conn.execute("SELECT 1 FROM exhibits WHERE name = ?", (name,)).fetchone():
            raise ExhibitError(f"There is already an exhibit named '{name}'.")
        cur = archive.conn.execute(
            "INSERT INTO exhibits (name, title_es, title_en, subtitle_es, subtitle_en, intro_es,"
            " intro_en, notes, scope, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (name, title, title_en, subtitle, subtitle_en, intro, intro_en, notes, scope.value,
             now, now),
        )
        exhibit_id = int(cur.lastrowid)
        archive.audit("exhibit", exhibit_id, "create", {"name": name, "scope": scope.value})
        archive.touch(None, "exhibits")
    return exhibit_id


_EXHIBIT_FIELDS = {"title_es", "title_en", "subtitle_es", "subtitle_en", "intro_es", "intro_en",
                   "notes", "scope"}


def update_exhibit(archive: Archive, exhibit_id: int, **changes: str) -> None:
    """Change exhibit texts or scope (keyword names are the column names)."""
    unknown = set(changes) - _EXHIBIT_FIELDS
    if unknown:
        raise ExhibitError(f"Unknown exhibit fields: {', '.join(sorted(unknown))}.")
    if "scope" in changes:
        changes["scope"] = parse_scope(str(changes["scope"])).value
    if not changes:
        return
    with transaction(archive.conn):
        sets = ", ".join(f"{k} = ?" for k in sorted(changes))
        archive.conn.execute(
            f"UPDATE exhibits SET {sets}, updated_at = ? WHERE id = ?",
            [changes[k] for k in sorted(changes)] + [utc_now(), exhibit_id],
        )
        archive.audit("exhibit", exhibit_id, "update", {"fields": sorted(changes)})
        archive.touch(None, "exhibits")


def resolve_exhibit(archive: Archive, ref: str | int) -> int:
    """An exhibit id from its name or numeric id."""
    row = archive.conn.execute("SELECT id FROM exhibits WHERE name = ?", (str(ref),)).fetchone()
    if row is None and str(ref).isdigit():
        row = archive.conn.execute("SELECT id FROM exhibits WHERE id = ?", (int(ref),)).fetchone()
    if row is None:
        raise ExhibitError(f"There is no exhibit '{ref}'.")
    return int(row[0])


def list_exhibits(archive: Archive) -> list[Exhibit]:
    """All exhibits, without sections (cheap, for lists), by name."""
    rows = archive.conn.execute("SELECT * FROM exhibits ORDER BY name")
    return [_exhibit(r, ()) for r in rows]


def _exhibit(r: sqlite3.Row, sections: tuple[Section, ...]) -> Exhibit:
    return Exhibit(
        r["id"], r["name"], Texts(r["title_es"], r["title_en"]),
        Texts(r["subtitle_es"], r["subtitle_en"]), Texts(r["intro_es"], r["intro_en"]),
        Scope(r["scope"]), r["notes"], r["updated_at"], sections,
    )


def get_exhibit(archive: Archive, ref: str | int) -> Exhibit:
    """The exhibit with its sections and entries, in their positions."""
    exhibit_id = resolve_exhibit(archive, ref)
    row = archive.conn.execute("SELECT * FROM exhibits WHERE id = ?", (exhibit_id,)).fetchone()
    entries: dict[int, list[Entry]] = {}
    for e in archive.conn.execute(
        "SELECT e.* FROM exhibit_entries e JOIN exhibit_sections s ON s.id = e.section_id"
        " WHERE s.exhibit_id = ? ORDER BY e.section_id, e.position, e.id", (exhibit_id,)
    ):
        entries.setdefault(e["section_id"], []).append(Entry(
            e["id"], e["section_id"], e["position"], e["item_id"], EntryKind(e["kind"]),
            e["segment_id"], e["quote"], Texts(e["caption_es"], e["caption_en"]),
            Texts(e["text_es"], e["text_en"]),
        ))
    sections = tuple(
        Section(s["id"], s["position"], Texts(s["title_es"], s["title_en"]),
                Texts(s["intro_es"], s["intro_en"]), tuple(entries.get(s["id"], ())))
        for s in archive.conn.execute(
            "SELECT * FROM exhibit_sections WHERE exhibit_id = ? ORDER BY position, id",
            (exhibit_id,))
    )
    return _exhibit(row, sections)


# -- sections and entries --------------------------------------------------------
def add_section(archive: Archive, exhibit_id: int, title: str, *, title_en: str = "",
                intro: str = "", intro_en: str = "") -> int:
    if not title.strip():
        raise ExhibitError("A section needs a title.")
    with transaction(archive.conn):
        position = archive.conn.execute(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM exhibit_sections WHERE exhibit_id = ?",
            (exhibit_id,)).fetchone()[0]
        cur = archive.conn.execute(
            "INSERT INTO exhibit_sections (exhibit_id, position, title_es, title_en, intro_es,"
            " intro_en) VALUES (?, ?, ?, ?, ?, ?)",
            (exhibit_id, position, title, title_en, intro, intro_en))
        _bump(archive, exhibit_id)
        archive.audit("exhibit", exhibit_id, "add_section", {"section": int(cur.lastrowid)})
        archive.touch(None, "exhibits")
    return int(cur.lastrowid)


def section_by_title(archive: Archive, exhibit_id: int, title: str) -> int | None:
    row = archive.conn.execute(
        "SELECT id FROM exhibit_sections WHERE exhibit_id = ? AND title_es = ?"
        " ORDER BY position LIMIT 1", (exhibit_id, title)).fetchone()
    return int(row[0]) if row else None


def add_entry(
    archive: Archive, exhibit_id: int, item_id: int, *, section_id: int | None = None,
    segment_id: int | None = None, quote: str = "", caption: str = "", caption_en: str = "",
    text: str = "", text_en: str = "",
) -> int:
    """Place an item (or one of its segments, or a quotation from one) at the end of
    a section; without a section, the last one (created if there is none).

    Consent is NOT checked here: curators place material while consent is still
    being sought, and consent can change afterwards anyway; `check` and the
    export decide at the moment it matters.
    """
    quote = _squash(quote)
    kind = EntryKind.QUOTE if quote else EntryKind.SEGMENT if segment_id else EntryKind.ITEM
    with transaction(archive.conn):
        if not archive.conn.execute("SELECT 1 FROM items WHERE id = ?", (item_id,)).fetchone():
            raise ExhibitError(f"There is no item {item_id}.")
        if quote and segment_id is None:
            raise ExhibitError("A quotation needs the segment it is quoted from (--segment).")
        if segment_id is not None:
            seg = archive.conn.execute(
                "SELECT item_id, text FROM segments WHERE id = ?", (segment_id,)).fetchone()
            if seg is None or seg["item_id"] != item_id:
                raise ExhibitError(f"Segment {segment_id} is not part of item {item_id}.")
            if quote and quote.casefold() not in _squash(seg["text"]).casefold():
                raise ExhibitError("The quotation is not in that segment's transcript.")
        if section_id is None:
            row = archive.conn.execute(
                "SELECT id FROM exhibit_sections WHERE exhibit_id = ?"
                " ORDER BY position DESC, id DESC LIMIT 1", (exhibit_id,)).fetchone()
            section_id = int(row[0]) if row else add_section(archive, exhibit_id, "Sección 1",
                                                             title_en="Section 1")
        elif not archive.conn.execute(
            "SELECT 1 FROM exhibit_sections WHERE id = ? AND exhibit_id = ?",
            (section_id, exhibit_id)).fetchone():
            raise ExhibitError(f"Section {section_id} is not part of this exhibit.")
        position = archive.conn.execute(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM exhibit_entries WHERE section_id = ?",
            (section_id,)).fetchone()[0]
        now = utc_now()
        cur = archive.conn.execute(
            "INSERT INTO exhibit_entries (section_id, position, item_id, kind, segment_id, quote,"
            " caption_es, caption_en, text_es, text_en, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (section_id, position, item_id, kind.value, segment_id, quote, caption, caption_en,
             text, text_en, now, now))
        entry_id = int(cur.lastrowid)
        _bump(archive, exhibit_id)
        archive.audit("exhibit_entry", entry_id, "add",
                      {"exhibit": exhibit_id, "kind": kind.value, "segment": segment_id}, item_id)
        archive.touch(item_id, "exhibits")
    return entry_id


def update_entry(archive: Archive, entry_id: int, **texts: str) -> None:
    """Change an entry's caption/text (caption_es, caption_en, text_es, text_en)."""
    allowed = {"caption_es", "caption_en", "text_es", "text_en"}
    if set(texts) - allowed:
        raise ExhibitError(f"Unknown entry fields: {', '.join(sorted(set(texts) - allowed))}.")
    exhibit_id, item_id = _entry_owner(archive, entry_id)
    with transaction(archive.conn):
        for key in sorted(texts):
            archive.conn.execute(f"UPDATE exhibit_entries SET {key} = ?, updated_at = ?"
                                 " WHERE id = ?", (texts[key], utc_now(), entry_id))
        _bump(archive, exhibit_id)
        archive.audit("exhibit_entry", entry_id, "update", {"fields": sorted(texts)}, item_id)
        archive.touch(item_id, "exhibits")


def move_entry(archive: Archive, entry_id: int, position: int) -> None:
    """Move an entry to `position` (0-based) within its section, renumbering the rest."""
    exhibit_id, item_id = _entry_owner(archive, entry_id)
    section_id = archive.conn.execute(
        "SELECT section_id FROM exhibit_entries WHERE id = ?", (entry_id,)).fetchone()[0]
    with transaction(archive.conn):
        _renumber(archive, "exhibit_entries", "section_id", section_id, entry_id, position)
        _bump(archive, exhibit_id)
        archive.audit("exhibit_entry", entry_id, "move", {"position": position}, item_id)
        archive.touch(item_id, "exhibits")


def remove_entry(archive: Archive, entry_id: int) -> None:
    exhibit_id, item_id = _entry_owner(archive, entry_id)
    with transaction(archive.conn):
        archive.conn.execute("DELETE FROM exhibit_entries WHERE id = ?", (entry_id,))
        _bump(archive, exhibit_id)
        archive.audit("exhibit_entry", entry_id, "remove", {"exhibit": exhibit_id}, item_id)
        archive.touch(item_id, "exhibits")


def _entry_owner(archive: Archive, entry_id: int) -> tuple[int, int]:
    row = archive.conn.execute(
        "SELECT s.exhibit_id, e.item_id FROM exhibit_entries e"
        " JOIN exhibit_sections s ON s.id = e.section_id WHERE e.id = ?", (entry_id,)).fetchone()
    if row is None:
        raise ExhibitError(f"There is no exhibit entry {entry_id}.")
    return int(row[0]), int(row[1])


def _renumber(archive: Archive, table: str, parent: str, parent_id: int, row_id: int,
              position: int | None) -> None:
    """Number the rows of `table` under `parent_id` 0, 1, ... in their order, with
    `row_id` put at `position` (clamped), or left out when `position` is None."""
    ids = [r[0] for r in archive.conn.execute(
        f"SELECT id FROM {table} WHERE {parent} = ? AND id != ? ORDER BY position, id",
        (parent_id, row_id))]
    if position is not None:
        ids.insert(max(0, min(position, len(ids))), row_id)
    archive.conn.executemany(f"UPDATE {table} SET position = ? WHERE id = ?",
                             list(enumerate(ids)))


def _bump(archive: Archive, exhibit_id: int) -> None:
    archive.conn.execute("UPDATE exhibits SET updated_at = ? WHERE id = ?",
                         (utc_now(), exhibit_id))


def exhibits_using_item(archive: Archive, item_id: int) -> list[ExhibitUse]:
    """Where an item is placed, so nobody changes its consent or media unaware."""
    rows = archive.conn.execute(
        "SELECT x.id, x.name, x.title_es, e.id AS entry_id, e.kind FROM exhibit_entries e"
        " JOIN exhibit_sections s ON s.id = e.section_id JOIN exhibits x ON x.id = s.exhibit_id"
        " WHERE e.item_id = ? ORDER BY x.name, s.position, e.position", (item_id,))
    return [ExhibitUse(r[0], r[1], r[2], r[3], EntryKind(r[4])) for r in rows]


# -- anonymisation data ----------------------------------------------------------
Region = tuple[float, float, float, float]


def set_blur_regions(archive: Archive, sha256: str, regions: Sequence[Region]) -> None:
    """Replace the regions to blur in the photograph with these bytes."""
    with transaction(archive.conn):
        archive.conn.execute("DELETE FROM photo_blur_regions WHERE sha256 = ?", (sha256,))
        now = utc_now()
        for x, y, w, h in regions:
            archive.conn.execute(
                "INSERT INTO photo_blur_regions (sha256, x, y, w, h, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)", (sha256, x, y, w, h, now))
        items = [r[0] for r in archive.conn.execute(
            "SELECT DISTINCT item_id FROM media_files WHERE sha256 = ? ORDER BY item_id",
            (sha256,))]
        for item_id in items or [None]:
            archive.audit("blur_regions", None, "set",
                          {"sha256": sha256, "count": len(regions)}, item_id)
            archive.touch(item_id, "media")
    import contextlib

    from memoria.media.derive import blur_thumbnail
    from memoria.media.errors import MediaError

    # The grid thumbnail in derived/ follows the regions (issue 12). Derived files are
    # a cache: if this fails, `memoria rebuild-derived` makes it again, blurred.
    with contextlib.suppress(MediaError, OSError):
        blur_thumbnail(archive, sha256)


def blur_regions_for(archive: Archive, sha256: str) -> list[Region]:
    return item_store.blur_regions(archive, sha256)


@dataclass(frozen=True)
class Redaction:
    id: int
    segment_id: int
    start: int
    end: int
    replacement: str


def add_redaction(archive: Archive, segment_id: int, start: int, end: int,
                  replacement: str = "[…]") -> int:
    """Redact characters [start, end) of a segment's transcript on every way out."""
    row = archive.conn.execute("SELECT item_id, text FROM segments WHERE id = ?",
                               (segment_id,)).fetchone()
    if row is None:
        raise ExhibitError(f"There is no segment {segment_id}.")
    if not 0 <= start < end <= len(row["text"]):
        raise ExhibitError(f"Redaction {start}-{end} lies outside the segment's text.")
    with transaction(archive.conn):
        cur = archive.conn.execute(
            "INSERT INTO redactions (segment_id, start_char, end_char, replacement, created_at)"
            " VALUES (?, ?, ?, ?, ?)", (segment_id, start, end, replacement, utc_now()))
        archive.audit("redaction", int(cur.lastrowid), "add",
                      {"segment": segment_id, "start": start, "end": end}, row["item_id"])
        archive.touch(row["item_id"], "transcript")
    return int(cur.lastrowid)


def redactions_for(archive: Archive, segment_id: int) -> list[Redaction]:
    return [Redaction(r[0], r[1], r[2], r[3], r[4]) for r in archive.conn.execute(
        "SELECT id, segment_id, start_char, end_char, replacement FROM redactions"
        " WHERE segment_id = ? ORDER BY start_char, id", (segment_id,))]


def redactions_of_segments(archive: Archive, segment_ids: Sequence[int]
                           ) -> dict[int, list[Redaction]]:
    """Every redaction of the given segments, by segment id (absent: none), in order."""
    found: dict[int, list[Redaction]] = {}
    for in_list, chunk in in_chunks([int(i) for i in segment_ids], 500):
        for r in archive.conn.execute(
                "SELECT id, segment_id, start_char, end_char, replacement FROM redactions"
                f" WHERE segment_id IN {in_list} ORDER BY segment_id, start_char, id", chunk):
            found.setdefault(int(r[1]), []).append(Redaction(r[0], r[1], r[2], r[3], r[4]))
    return found


def entry_counts(archive: Archive) -> dict[int, int]:
    """{exhibit id: number of entries} for exhibits with at least one section."""
    return dict(archive.conn.execute(
        "SELECT s.exhibit_id, COUNT(e.id) FROM exhibit_sections s"
        " LEFT JOIN exhibit_entries e ON e.section_id = s.id GROUP BY s.exhibit_id").fetchall())


def apply_redactions(text: str, spans: Sequence[Redaction]) -> str:
    """`text` with each span replaced; overlapping spans merge into one."""
    out, last = [], 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        end = min(span.end, len(text))
        if span.start < last:  # overlaps the previous span: widen it, one replacement
            last = max(last, end)
            continue
        if end <= span.start:
            continue
        out.append(text[last:span.start])
        out.append(span.replacement)
        last = end
    out.append(text[last:])
    return "".join(out)
