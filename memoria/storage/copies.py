"""The register of copies: what left the archive, for whom, where, and what to recall.

Every bag, exhibit export, reading-room edition, backup and transcript export
calls `record_copy` once it is written. After a withdrawal or a re-embargo,
`pending_recalls` names each copy outside the archive that still holds an
item its audience may no longer receive, until a custodian marks it recalled
(`mark_recalled`). Nothing is cached: the queue is worked out from the
register, the `changes` generations and the consent rules each time, so a
consent change made by any path (window, command line, bag import) counts.

What needs recalling:
- a copy for curators, researchers or the public: the item is no longer
  allowed to that audience under the copy's scope (withdrawn, embargoed,
  pending, restricted, scope no longer covered), or a segment-level record
  changed since the copy was made now withholds part of it;
- a custodian bag (it went to another archive with the consent of its day):
  the item was withdrawn or embargoed since;
- a backup never: it stays in custody and holds the withdrawal too from its
  next run.
A copy written over by a later one at the same destination (an edition
refresh, an exhibit re-export, the next backup) is superseded: its
destination no longer holds what it held.

A copy is recorded even when the archive is open read-only (a backup or a
bag made while the window has the archive open for writing): the row is
appended through a short connection of its own, as SQLite allows. If the
catalogue stays busy past the timeout, the entry waits as one small JSON file
in `<archive>/copies-pending/` and joins the register at the next read or
write of it; a copy that left is never forgotten because a writer was busy.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from memoria.domain.consent import (
    Audience,
    Refusal,
    applicable_to_item,
    applicable_to_segment,
    decide,
)
from memoria.domain.model import Scope
from memoria.storage import consents as consent_store
from memoria.storage import db
from memoria.storage import driver as sqlite3
from memoria.storage.archive import Archive, ArchiveError, utc_now
from memoria.storage.changes import append_change

PENDING = "copies-pending"
KINDS = ("bag", "exhibit", "edition", "backup", "transcript")
# Which refusals make a custodian copy (a bag to another archive) need recalling.
_CUSTODIAN_RECALL = (Refusal.WITHDRAWN, Refusal.EMBARGOED)


class CopyError(ArchiveError):
    """A register entry cannot be found or changed; the message is for a person."""


@dataclass(frozen=True)
class Copy:
    id: int
    kind: str
    audience: Audience
    scope: Scope | None
    dest: str
    label: str
    made_at: str
    made_by: str
    item_count: int
    all_items: bool
    superseded_by: int | None


@dataclass(frozen=True)
class Recall:
    """One item one copy still holds although its audience may no longer receive it."""

    copy: Copy
    item_id: int
    accession: str
    reason: str  # a Refusal value: withdrawn, embargoed, ...


@contextmanager
def _writing(archive: Archive) -> Iterator[sqlite3.Connection]:
    """A transaction on the archive's own connection, or on a short one of its own
    when the archive is open read-only (the register must not miss a copy)."""
    if archive.writable:
        with db.transaction(archive.conn):
            yield archive.conn
        return
    conn = db.connect(archive.root / db.CATALOGUE, key=archive.catalogue_key())
    conn.execute("PRAGMA busy_timeout = 2000")
    try:
        with db.transaction(conn):
            yield conn
    except sqlite3.OperationalError as exc:
        raise CopyError(f"The copy could not be recorded in the register of "
                        f"{archive.root} ({exc}).") from exc
    finally:
        conn.close()


def _audit(conn: sqlite3.Connection, actor: str, copy_id: int, action: str, details: dict,
           item_id: int | None = None) -> None:
    conn.execute(
        "INSERT INTO audit_log (at, actor, entity_type, entity_id, item_id, action, details)"
        " VALUES (?, ?, 'copy', ?, ?, ?, ?)",
        (utc_now(), actor, copy_id, item_id, action,
         json.dumps(details, ensure_ascii=False, sort_keys=True)))


def record_copy(
    archive: Archive, kind: str, item_ids: Iterable[int], audience: Audience, dest: Path | str,
    *, scope: Scope | None = None, label: str = "", all_items: bool = False,
    generation: int | None = None,
) -> int:
    """Register a copy just written to `dest`; return its id.

    `generation` is the catalogue generation the copy was read at (default:
    now); `dest` "-" is standard output. An earlier copy of the same kind at
    the same destination is marked superseded by this one. Returns 0 when the
    catalogue was too busy and the entry was parked for later."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of copy: {kind}")
    ids = sorted(set(item_ids))
    entry = {
        "kind": kind, "audience": Audience(audience).value, "scope": scope.value if scope else None,
        "dest": "-" if str(dest) == "-" else str(Path(dest).expanduser().absolute()),
        "label": label, "made_at": utc_now(), "made_by": archive.actor,
        "generation": archive.generation() if generation is None else generation,
        "all_items": all_items, "items": ids,
        "item_count": (archive.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0]
                       if all_items else len(ids)),
    }
    try:
        with _writing(archive) as conn:
            copy_id = _insert(conn, entry)
    except (CopyError, sqlite3.OperationalError):
        _park(archive, entry)  # the catalogue is busy: the entry waits on disk
        return 0
    absorb_pending(archive)
    return copy_id


def _insert(conn: sqlite3.Connection, entry: dict) -> int:
    cur = conn.execute(
        "INSERT INTO copies (kind, audience, scope, dest, label, made_at, made_by,"
        " generation, all_items, item_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry["kind"], entry["audience"], entry["scope"], entry["dest"], entry["label"],
         entry["made_at"], entry["made_by"], entry["generation"], int(entry["all_items"]),
         entry["item_count"]))
    copy_id = int(cur.lastrowid or 0)
    conn.executemany("INSERT INTO copy_items (copy_id, item_id) VALUES (?, ?)",
                     [(copy_id, i) for i in entry["items"]])
    same = (entry["kind"], entry["dest"], copy_id)
    conn.execute("UPDATE copies SET superseded_by = ? WHERE kind = ? AND dest = ? AND id <> ?"
                 " AND superseded_by IS NULL AND made_at <= ?", (copy_id, *same, entry["made_at"]))
    newer = conn.execute("SELECT MIN(id) FROM copies WHERE kind = ? AND dest = ? AND id <> ?"
                         " AND made_at > ?", (*same, entry["made_at"])).fetchone()[0]
    if newer:  # parked while busy, entered after a later copy at the same place
        conn.execute("UPDATE copies SET superseded_by = ? WHERE id = ?", (newer, copy_id))
    _audit(conn, entry["made_by"], copy_id, "record", {
        k: entry[k] for k in ("kind", "audience", "scope", "dest", "item_count")})
    append_change(conn, None, "copies")  # every window's register and recall queue
    return copy_id


def _park(archive: Archive, entry: dict) -> None:
    folder = archive.root / PENDING
    try:
        folder.mkdir(exist_ok=True)
        tmp = folder / f".{uuid.uuid4().hex}.part"
        tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, tmp.with_name(f"{entry['made_at'].replace(':', '')}-{tmp.stem[1:]}.json"))
    except OSError as exc:
        raise CopyError(f"The copy at {entry['dest']} was made but could not be entered in the "
                        f"register of {archive.root} ({exc.strerror}).") from exc


def absorb_pending(archive: Archive) -> int:
    """Enter copies parked while the catalogue was busy; return how many joined."""
    folder = archive.root / PENDING
    if not folder.is_dir():
        return 0
    done = 0
    for path in sorted(folder.glob("*.json")):
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            with _writing(archive) as conn:
                _insert(conn, entry)
        except (CopyError, sqlite3.OperationalError, OSError, ValueError):
            return done  # still busy (or read-only media): try again next time
        path.unlink(missing_ok=True)
        done += 1
    return done


def _copy(row: sqlite3.Row | dict) -> Copy:
    return Copy(row["id"], row["kind"], Audience(row["audience"]),
                Scope(row["scope"]) if row["scope"] else None, row["dest"], row["label"],
                row["made_at"], row["made_by"], row["item_count"], bool(row["all_items"]),
                row["superseded_by"])


def list_copies(archive: Archive, *, include_superseded: bool = True) -> list[Copy]:
    """Every registered copy, newest first."""
    absorb_pending(archive)
    where = "" if include_superseded else " WHERE superseded_by IS NULL"
    return [_copy(r) for r in archive.conn.execute(f"SELECT * FROM copies{where} ORDER BY id DESC")]


def get_copy(archive: Archive, copy_id: int) -> Copy:
    row = archive.conn.execute("SELECT * FROM copies WHERE id = ?", (copy_id,)).fetchone()
    if row is None:
        raise CopyError(f"There is no copy number {copy_id} in the register.")
    return _copy(row)


def items_of(archive: Archive, copy_id: int) -> list[int]:
    return [r[0] for r in archive.conn.execute(
        "SELECT item_id FROM copy_items WHERE copy_id = ? ORDER BY item_id", (copy_id,))]


def copies_holding(archive: Archive, item_id: int) -> list[Copy]:
    """Current (not superseded) copies that hold the item and have not had it recalled."""
    return [_copy(r) for r in archive.conn.execute(
        "SELECT c.* FROM copies c JOIN copy_items ci ON ci.copy_id = c.id"
        " WHERE ci.item_id = ? AND c.superseded_by IS NULL AND NOT EXISTS"
        " (SELECT 1 FROM copy_recalls r WHERE r.copy_id = c.id AND r.item_id = ci.item_id)"
        " ORDER BY c.id DESC", (item_id,))]


def pending_recalls(archive: Archive, item_ids: Iterable[int] | None = None) -> list[Recall]:
    """Each (copy, item) a copy outside custody still holds although the item's
    audience may no longer receive it, oldest copy first."""
    absorb_pending(archive)
    conn = archive.conn
    active = {r["id"]: r for r in conn.execute(
        "SELECT * FROM copies WHERE superseded_by IS NULL AND kind <> 'backup'")}
    if not active:
        return []
    # Only items changed since the oldest copy can need recalling: one range scan of
    # `changes` (by its primary key), never a scan per item a copy holds.
    oldest = min(r["generation"] for r in active.values())
    changed = {item: gen for item, gen in conn.execute(
        "SELECT item_id, MAX(generation) FROM changes WHERE generation > ?"
        " AND item_id IS NOT NULL GROUP BY item_id", (oldest,))}
    if item_ids is not None:
        wanted = set(item_ids)
        changed = {i: g for i, g in changed.items() if i in wanted}
    candidates = sorted(changed)
    found = []
    for start in range(0, len(candidates), 900):
        chunk = candidates[start:start + 900]
        found += conn.execute(
            "SELECT ci.copy_id, ci.item_id, COALESCE(i.accession, '#' || ci.item_id)"
            " FROM copy_items ci LEFT JOIN items i ON i.id = ci.item_id"
            f" WHERE ci.item_id IN ({','.join('?' * len(chunk))}) AND NOT EXISTS"
            " (SELECT 1 FROM copy_recalls r WHERE r.copy_id = ci.copy_id"
            "  AND r.item_id = ci.item_id)", chunk).fetchall()
    rows = sorted(({**dict(active[c]), "item_id": i, "accession": a} for c, i, a in found
                   if c in active and changed[i] > active[c]["generation"]),
                  key=lambda r: (r["id"], r["accession"]))
    if not rows:
        return []
    purged, renamed = _purged(archive)
    records = consent_store.records_for_items(archive, {r["item_id"] for r in rows})
    today = archive.today()
    out: list[Recall] = []
    for row in rows:
        copy, item_id = _copy(row), row["item_id"]
        if row["accession"].startswith("#"):
            out.append(Recall(copy, item_id, row["accession"],
                              "purged" if item_id in purged else "deleted"))
            continue
        if copy.made_at <= renamed.get(item_id, ""):
            out.append(Recall(copy, item_id, row["accession"], "purged_name"))
            continue
        applicable = applicable_to_item(records.get(item_id, ()), item_id)
        if copy.audience is Audience.CUSTODIAN:
            refusals = decide(Audience.RESEARCHER, applicable, today).refusals
            why = next((r for r in _CUSTODIAN_RECALL if r in refusals), None)
        else:
            decision = decide(copy.audience, applicable, today, copy.scope)
            why = None if decision.allowed else min(decision.refusals, key=_seriousness)
            if why is None and _segment_closed(archive, copy, item_id,
                                               records.get(item_id, ())):
                out.append(Recall(copy, item_id, row["accession"], "segment_withheld"))
                continue
        if why is not None:
            out.append(Recall(copy, item_id, row["accession"], why.value))
    return out


def _purged(archive: Archive) -> tuple[set[int], dict[int, str]]:
    """Items purges removed, and items a person purge rewrote -> when (its copies made
    before then still hold the person's name)."""
    removed: set[int] = set()
    renamed: dict[int, str] = {}
    try:
        rows = archive.conn.execute("SELECT purged, redacted, closed_at FROM purges"
                                    " WHERE state IN ('wiping', 'done')").fetchall()
    except sqlite3.OperationalError:  # a catalogue from before purges, opened read-only
        return removed, renamed
    for purged, redacted, closed_at in rows:
        removed |= {int(i) for i in json.loads(purged)}
        for item_id in json.loads(redacted):
            renamed[int(item_id)] = max(renamed.get(int(item_id), ""), closed_at or "")
    return removed, renamed


def _segment_closed(archive: Archive, copy: Copy, item_id: int, records: Iterable) -> bool:
    """A segment-level record changed after the copy was made now withholds a part
    of the item from the copy's audience (the copy holds that part)."""
    records = list(records)
    today = archive.today()
    for record in applicable_to_item(records, item_id) + [r for r in records if r.segment_ids]:
        if not record.segment_ids:
            continue
        changed = archive.conn.execute("SELECT MAX(at) FROM consent_events WHERE consent_id = ?",
                                       (record.id,)).fetchone()[0]
        if not changed or changed <= copy.made_at:
            continue
        for segment_id in record.segment_ids:
            segment_rules = applicable_to_segment(records, item_id, segment_id)
            if not decide(copy.audience, segment_rules, today, copy.scope).allowed:
                return True
    return False


def _seriousness(refusal: Refusal) -> int:
    return list(Refusal).index(refusal)


def mark_recalled(archive: Archive, copy_id: int, item_ids: Iterable[int] | None = None,
                  note: str = "") -> int:
    """Mark items of a copy as recalled (all its pending ones when `item_ids` is None);
    return how many left the queue."""
    copy = get_copy(archive, copy_id)
    pending = {r.item_id for r in pending_recalls(archive) if r.copy.id == copy.id}
    wanted = pending if item_ids is None else pending & set(item_ids)
    if not wanted:
        return 0
    with _writing(archive) as conn:
        at = utc_now()
        conn.executemany(
            "INSERT OR IGNORE INTO copy_recalls (copy_id, item_id, recalled_at, recalled_by,"
            " note) VALUES (?, ?, ?, ?, ?)", [(copy_id, i, at, archive.actor, note)
                                              for i in sorted(wanted)])
        for item_id in sorted(wanted):
            _audit(conn, archive.actor, copy_id, "recalled", {"dest": copy.dest, "note": note},
                   item_id)
        append_change(conn, None, "copies")
    return len(wanted)
