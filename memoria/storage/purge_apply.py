"""The catalogue part of a purge: one transaction, with freed pages wiped.

Runs only under a permit row (`purge_permit`, migration 0010) that the
catalogue's own trigger grants to a request confirmed by a second custodian
or past its waiting period; only under it may the audit log's and the consent
history's rows be rewritten, and consent records deleted. In that one
transaction, with `PRAGMA secure_delete` on (SQLite zeroes what it frees):

1. the purged items go whole (media links, segments, redactions, consent links,
   exhibit entries, transcription drafts);
2. for a person: their links, protections, consent records with their events,
   and their authority record;
3. originals and form scans nothing else uses leave the `blobs` table (their
   files are removed after the commit: memoria.storage.purge_wipe);
4. audit rows about what went keep who, when and what, and their details
   become a reference to the tombstone;
5. the person's name anywhere that stays (other items' titles, descriptions,
   transcripts, captions, exhibit texts, notes, other consent events, audit
   details) becomes the marker MARKER; in a transcript the marker is also a
   redaction, so outsiders read the usual "[…]";
6. the tombstone: an audit row with counts, dates, who, why, the legal basis
   and the request reference, the person's names replaced in the free text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from memoria.domain.collation import sort_key
from memoria.domain.folding import privacy_fold
from memoria.protect import Protected, Protector, default_variants
from memoria.storage import consent_summary
from memoria.storage import driver as sqlite3
from memoria.storage import purges as store
from memoria.storage.db import transaction, utc_now
from memoria.storage.sql import in_chunks

if TYPE_CHECKING:
    from memoria.storage.archive import Archive

MARKER = "[suprimido]"  # what a purged person's name becomes in text that stays
REDACTION = "[…]"  # what outsiders read in its place (memoria.media.redaction)

# Free text that can name a person, outside the purged items: (table, key columns, columns).
_PLAIN = (
    ("people", ("id",), ("notes",)),
    ("subjects", ("id",), ("term",)),
    ("places", ("id",), ("name",)),
    ("media_files", ("id",), ("original_name",)),
    ("consents", ("id",), ("witness", "obtained_by")),
    ("exhibits", ("id",), ("title_es", "title_en", "subtitle_es", "subtitle_en", "intro_es",
                           "intro_en", "notes")),
    ("exhibit_sections", ("id",), ("title_es", "title_en", "intro_es", "intro_en")),
    ("exhibit_entries", ("id",), ("quote", "caption_es", "caption_en", "text_es", "text_en")),
    ("saved_searches", ("id",), ("name", "query")),
    ("copies", ("id",), ("label",)),
    ("copy_recalls", ("copy_id", "item_id"), ("note",)),
    ("protections", ("id",), ("reason",)),
    ("purges", ("id",), ("reason", "basis", "request_ref")),
)
_JSON = (
    ("blobs", ("sha256",), ("technical",)),
    ("asr_chunks", ("item_id", "position"), ("segments",)),
    ("consent_events", ("id",), ("reason", "details")),
    ("audit_log", ("id",), ("details",)),
)


def person_protector(archive: Archive, person_id: int) -> tuple[Protector, Protector]:
    """(everywhere, on the items they were linked to) matchers of a person's names.

    Everywhere: the custodian's confirmed variants, else Memoria's defaults,
    without a lone surname another person in the catalogue also bears (their
    relatives keep their names). On their own items: every part of the name too.
    """
    q = archive.conn.execute
    name = q("SELECT name FROM people WHERE id = ?", (person_id,)).fetchone()[0]
    row = q("SELECT variants FROM protections WHERE person_id = ? AND confirmed = 1",
            (person_id,)).fetchone()
    variants = json.loads(row[0]) if row else default_variants(name)
    others = {w for (other,) in q("SELECT name FROM people WHERE id <> ?", (person_id,))
              for w in privacy_fold(other).split()}
    kept = [v for v in dict.fromkeys([name, *variants])
            if len(v.split()) > 1 or privacy_fold(v) not in others]
    everywhere = Protector([Protected(f"purged:{person_id}", name, MARKER, tuple(kept))])
    parts = tuple(p for p in name.split() if len(p) >= 3)
    linked = everywhere.with_extra([Protected(f"purged-parts:{person_id}", name, MARKER, parts)])
    return everywhere, linked


def _people_of(archive: Archive, item_ids: list[int]) -> Protector:
    """Names of the people on items purged whole (to keep them out of the tombstone)."""
    found: list[Protected] = []
    for in_list, chunk in in_chunks(item_ids):
        for pid, name in archive.conn.execute(
                "SELECT DISTINCT p.id, p.name FROM people p JOIN item_people ip ON"
                f" ip.person_id = p.id WHERE ip.item_id IN {in_list}", chunk):
            found.append(Protected(f"on:{pid}", name, MARKER, (name, *default_variants(name))))
    return Protector(found)


def carry_out(archive: Archive, purge_id: int, via: str) -> int:
    """Remove what the request names from the catalogue; return the tombstone's audit id.

    `via` is "second_custodian" or "waiting_period". The request must be due
    (the permit's trigger refuses otherwise, whatever the caller thought)."""
    conn = archive.conn
    conn.execute("PRAGMA secure_delete = ON")
    try:
        with transaction(conn):
            conn.execute("INSERT INTO purge_permit (purge_id) VALUES (?)", (purge_id,))
            tombstone = _carry_out(archive, store.get(archive, purge_id), via)
            conn.execute("DELETE FROM purge_permit")
        return tombstone
    finally:
        conn.execute("PRAGMA secure_delete = OFF")


def _carry_out(archive: Archive, request: store.Request, via: str) -> int:
    q = archive.conn.execute
    plan = store.plan(archive, request.target)
    person = request.target.person_id if request.target.kind == "person" else None
    if person is not None:
        everywhere, linked = person_protector(archive, person)
        covered: set[int] = set()
        for in_list, chunk in in_chunks(plan.consents):
            covered |= {int(r[0]) for r in q(
                f"SELECT item_id FROM consent_items WHERE consent_id IN {in_list}", chunk)}
    else:
        everywhere = linked = _people_of(archive, plan.items)
        covered = set()
    scrub_text = linked.replace  # the custodian's words about this person: every name part
    _delete_items(archive, plan.items)
    if person is not None:
        _delete_person(archive, person, plan)
    for sha, _path in plan.blobs:
        q("DELETE FROM photo_blur_regions WHERE sha256 = ?", (sha,))
        q("DELETE FROM blobs WHERE sha256 = ?", (sha,))
    folded = _fold_audit(archive, request.id, plan)
    mentioned: set[int] = set()
    if person is not None:
        mentioned = _scrub_everywhere(archive, everywhere, linked, set(plan.unlinked))
        _close_twins(archive, request.id, person, linked)
    kept = sorted((covered | set(plan.unlinked)) - set(plan.items))
    consent_summary.refresh_items(archive, kept)
    for item_id in sorted(set(plan.items) | mentioned | set(kept)):
        archive.touch(item_id, "items")
    details = {
        "purge": request.id, "kind": request.target.kind, "items": len(plan.items),
        "by_kind": plan.kinds, "people": 1 if person is not None else 0,
        "consents": len(plan.consents), "consent_events": plan.consent_events,
        "forms": plan.forms, "originals": len(plan.blobs) - plan.forms,
        "shared_kept": len(set(plan.shared) - set(plan.items)),
        "links_removed": len(plan.unlinked), "items_redacted": len(mentioned - set(plan.items)),
        "audit_rows_folded": folded, "requested_at": request.requested_at,
        "requested_by": request.requested_by, "confirmed_by": request.confirmed_by,
        "via": via, "basis": scrub_text(request.basis), "request": scrub_text(request.request_ref),
        "reason": scrub_text(request.reason),
    }
    archive.audit("purge", request.id, "purge", details)
    tombstone = int(q("SELECT last_insert_rowid()").fetchone()[0])
    files = [{"sha256": sha, "path": path} for sha, path in plan.blobs]
    q("UPDATE purges SET state = 'wiping', reason = ?, basis = ?, request_ref = ?,"
      " targets = ?, purged = ?, redacted = ?, files = ?, closed_at = ?, closed_by = ?,"
      " tombstone = ? WHERE id = ?",
      (details["reason"] or MARKER, details["basis"] or MARKER, details["request"],
       store.Target(request.target.kind, request.target.item_ids, request.target.person_id,
                    request.target.shared_purge).to_json(),
       json.dumps(plan.items), json.dumps(sorted((mentioned | set(kept)) - set(plan.items))),
       json.dumps(files), utc_now(), archive.actor, tombstone,
       request.id))
    return tombstone


def _close_twins(archive: Archive, purge_id: int, person_id: int, names: Protector) -> None:
    """Other requests to purge the same person are closed with this one, their words
    scrubbed like its own."""
    q = archive.conn.execute
    for row in q("SELECT id, kind, targets, reason, basis, request_ref FROM purges"
                 " WHERE state = 'pending' AND id <> ?", (purge_id,)).fetchall():
        target = store.Target.from_json(row["kind"], row["targets"])
        if target.kind != "person" or target.person_id != person_id:
            continue
        q("UPDATE purges SET state = 'cancelled', closed_at = ?, closed_by = ?, reason = ?,"
          " basis = ?, request_ref = ? WHERE id = ?",
          (utc_now(), archive.actor, names.replace(row["reason"]) or MARKER,
           names.replace(row["basis"]) or MARKER, names.replace(row["request_ref"]),
           row["id"]))
        archive.audit("purge", row["id"], "cancel", {"carried_out_by": purge_id})


def _delete_items(archive: Archive, item_ids: list[int]) -> None:
    for in_list, chunk in in_chunks(item_ids):
        archive.conn.execute(f"DELETE FROM exhibit_entries WHERE item_id IN {in_list}", chunk)
        archive.conn.execute(f"DELETE FROM items WHERE id IN {in_list}", chunk)  # cascades


def _delete_person(archive: Archive, person_id: int, plan: store.Plan) -> None:
    q = archive.conn.execute
    q("DELETE FROM item_people WHERE person_id = ?", (person_id,))
    q("DELETE FROM protections WHERE person_id = ?", (person_id,))
    for in_list, chunk in in_chunks(plan.consents):
        q(f"UPDATE consents SET superseded_by = NULL WHERE superseded_by IN {in_list}", chunk)
        for table in ("consent_segments", "consent_items", "consent_events"):
            q(f"DELETE FROM {table} WHERE consent_id IN {in_list}", chunk)
        q(f"DELETE FROM consents WHERE id IN {in_list}", chunk)
    q("DELETE FROM people WHERE id = ?", (person_id,))


def _fold_audit(archive: Archive, purge_id: int, plan: store.Plan) -> int:
    """Audit rows about what went keep who, when and what; their details become
    a reference to the tombstone. Returns how many rows were folded."""
    q = archive.conn.execute
    details = json.dumps({"purged": purge_id})
    folded = 0

    def fold_where(where: str, values: list) -> None:
        nonlocal folded
        folded += q(f"UPDATE audit_log SET details = ? WHERE ({where}) AND details <> ?",
                    (details, *values, details)).rowcount

    for in_list, chunk in in_chunks(plan.items):
        fold_where(f"item_id IN {in_list} OR (entity_type = 'item' AND entity_id IN {in_list})",
                   chunk + chunk)
    if plan.target.kind == "person":
        fold_where("entity_type = 'person' AND entity_id = ?", [plan.target.person_id])
    for entity, ids in (("consent", plan.consents), ("protection", plan.protections)):
        for in_list, chunk in in_chunks(ids):
            fold_where(f"entity_type = '{entity}' AND entity_id IN {in_list}", chunk)
    return folded


# -- names in everything that stays --------------------------------------------------
def _scrub_everywhere(archive: Archive, everywhere: Protector, linked: Protector,
                      linked_items: set[int]) -> set[int]:
    """Replace the person's names in every text that stays; return the items changed."""
    changed: set[int] = set()

    def for_item(item_id: int) -> Protector:
        return linked if item_id in linked_items else everywhere

    q = archive.conn.execute
    for row in _in_pages(archive, "items", "id, title, description, notes"):
        p = for_item(row["id"])
        new = [p.replace(row[c]) for c in ("title", "description", "notes")]
        if new != [row["title"], row["description"], row["notes"]]:
            q("UPDATE items SET title = ?, title_key = ?, description = ?, notes = ?,"
              " updated_at = ? WHERE id = ?",
              (new[0], sort_key(new[0]), new[1], new[2], utc_now(), row["id"]))
            changed.add(row["id"])
    for row in _in_pages(archive, "segments", "id, item_id, speaker, text, title, keywords"):
        if _scrub_segment(archive, row, for_item(row["item_id"])):
            changed.add(row["item_id"])
    for table, keys, columns in _PLAIN:
        _scrub_table(archive, table, keys, columns, everywhere.replace)
    for table, keys, columns in _JSON:
        _scrub_table(archive, table, keys, columns, lambda t: _scrub_json(t, everywhere))
    for row in q("SELECT generation, variants FROM protection_rescans").fetchall():
        listed = json.loads(row[1])
        left = [v for v in listed if not everywhere.spans(v)]
        if left != listed:
            q("UPDATE protection_rescans SET variants = ? WHERE generation = ?",
              (json.dumps(left, ensure_ascii=False), row[0]))
    for row in q("SELECT id, term, variants FROM protections WHERE term IS NOT NULL").fetchall():
        if everywhere.spans(row["term"]) or everywhere.spans(row["variants"]):
            q("DELETE FROM protections WHERE id = ?", (row["id"],))  # a term that was the name
    return changed


def _in_pages(archive: Archive, table: str, columns: str,
              page: int = 2000) -> Iterator[sqlite3.Row]:
    """Every row of `table`, read a page at a time by rowid (a 100,000-item archive's
    transcripts do not fit in memory at once; rows are updated between pages)."""
    last = -1 << 62
    while True:
        rows = archive.conn.execute(
            f"SELECT rowid AS _at, {columns} FROM {table} WHERE rowid > ? ORDER BY rowid"
            f" LIMIT {page:d}", (last,)).fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1]["_at"]


def _scrub_table(archive: Archive, table: str, keys: tuple[str, ...], columns: tuple[str, ...],
                 replace: Callable[[str], str]) -> None:
    q = archive.conn.execute
    key_sql = ", ".join(keys)
    rows = (q(f"SELECT {key_sql}, {', '.join(columns)} FROM {table}").fetchall()
            if table == "copy_recalls"  # WITHOUT ROWID, and small
            else _in_pages(archive, table, f"{key_sql}, {', '.join(columns)}"))
    for row in rows:
        values = [row[c] for c in columns]
        new = [replace(v) if isinstance(v, str) and v else v for v in values]
        if new == values:
            continue
        sets = ", ".join(f"{c} = ?" for c in columns)
        where = " AND ".join(f"{k} = ?" for k in keys)
        try:
            q(f"UPDATE {table} SET {sets} WHERE {where}", (*new, *[row[k] for k in keys]))
        except sqlite3.IntegrityError:  # a unique name now equal to another's: number it
            unique = [f"{v} #{row[keys[0]]}" if v != o else v for v, o in zip(new, values,
                                                                               strict=True)]
            q(f"UPDATE {table} SET {sets} WHERE {where}", (*unique, *[row[k] for k in keys]))


def _scrub_json(text: str, protector: Protector) -> str:
    if "\\u" not in text and not protector.spans(text):
        return text  # the usual row: no name in it, not even escaped (no parse needed)
    try:
        data = json.loads(text)
    except ValueError:
        return protector.replace(text)

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return protector.replace(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {walk(k): walk(v) for k, v in value.items()}
        return value

    new = walk(data)
    if new == data:
        return text
    return json.dumps(new, ensure_ascii=False, sort_keys=isinstance(new, dict))


def _scrub_segment(archive: Archive, row: sqlite3.Row, protector: Protector) -> bool:
    """Names in a segment become the marker; in its text also a redaction, and the
    segment's other redactions move with the text. True if anything changed."""
    q = archive.conn.execute
    speaker, title, keywords = (protector.replace(row[c]) for c in ("speaker", "title",
                                                                    "keywords"))
    text, spans = row["text"], protector.spans(row["text"])
    if not spans and (speaker, title, keywords) == (row["speaker"], row["title"],
                                                    row["keywords"]):
        return False
    new_text, placed = _rewrite(text, spans)
    q("UPDATE segments SET speaker = ?, text = ?, title = ?, keywords = ? WHERE id = ?",
      (speaker, new_text, title, keywords, row["id"]))
    for rid, start, end in q("SELECT id, start_char, end_char FROM redactions WHERE"
                             " segment_id = ?", (row["id"],)).fetchall():
        new_start, new_end = _moved(start, placed, False), _moved(end, placed, True)
        q("UPDATE redactions SET start_char = ?, end_char = ? WHERE id = ?",
          (new_start, max(new_end, new_start + 1), rid))
    now = utc_now()
    q_many = archive.conn.executemany
    q_many("INSERT INTO redactions (segment_id, start_char, end_char, replacement, created_at)"
           " VALUES (?, ?, ?, ?, ?)",
           [(row["id"], at, at + len(MARKER), REDACTION, now) for _s, _e, at in placed])
    return True


def _rewrite(text: str, spans: Iterable[tuple[int, int]]) -> tuple[str, list[tuple[int, int, int]]]:
    """`text` with each span replaced by MARKER; (old start, old end, new start) of each."""
    out: list[str] = []
    placed: list[tuple[int, int, int]] = []
    last = length = 0
    for start, end in spans:
        out.append(text[last:start])
        length += start - last
        placed.append((start, end, length))
        out.append(MARKER)
        length += len(MARKER)
        last = end
    out.append(text[last:])
    return "".join(out), placed


def _moved(old: int, placed: list[tuple[int, int, int]], is_end: bool) -> int:
    """Where an offset into the old text lands in the new one."""
    delta = 0
    for start, end, at in placed:
        if old <= start:
            break
        if old >= end:
            delta = at + len(MARKER) - end
            continue
        return at + len(MARKER) if is_end else at  # inside a name: cover the marker
    return old + delta
