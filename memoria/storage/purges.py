"""Purge requests (table `purges`, migration 0010) and what a purge would remove.

A purge (supresión: a person's request to have their data suppressed, Ley 1581
de 2012) is first requested, listed while pending, then carried out by a
second custodian's confirmation or after the waiting period, or cancelled.
`plan` says what it removes, read from the catalogue as it is now:

- items: those items whole;
- a person: their own items (where they are the only narrator, depicted person
  or author), the shared items the custodian chose to purge too, their consent
  records with the signed forms' scans, their protections and their authority
  record. Shared items kept, and items naming them only as interviewer or
  photographer, lose the link; their name in any text that stays becomes a
  redaction (memoria.storage.purge_apply).

The catalogue part runs in memoria.storage.purge_apply (one transaction),
the disk part in memoria.storage.purge_wipe (resumable).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from memoria.domain.messages import purge_sentence
from memoria.storage.db import transaction, utc_now
from memoria.storage.sql import in_chunks

if TYPE_CHECKING:
    from memoria.storage.handle import ArchiveHandle

WAITING_KEY = "purge.waiting_days"
DEFAULT_WAITING_DAYS = 3
MIN_WAITING_DAYS = 1  # never zero: one person alone cannot purge in a hurry
SUBJECT_ROLES = ("narrator", "depicted", "author")


class PurgeError(ValueError):
    """A purge cannot be requested, confirmed or cancelled as asked: one sentence
    (memoria.domain.messages.purge_sentence), `code` and `values` say why."""

    def __init__(self, code: str, lang: str = "es", **values: object) -> None:
        self.code, self.values = code, values
        super().__init__(purge_sentence(code, lang, **values))

    def sentence(self, lang: str) -> str:
        return purge_sentence(self.code, lang, **self.values)


@dataclass(frozen=True)
class Target:
    """What a request names: items, or a person (and which shared items go too)."""

    kind: str  # "items" | "person"
    item_ids: tuple[int, ...] = ()
    person_id: int | None = None
    shared_purge: tuple[int, ...] = ()

    def to_json(self) -> str:
        if self.kind == "person":
            return json.dumps({"person": self.person_id, "shared_purge": list(self.shared_purge)})
        return json.dumps({"items": list(self.item_ids)})

    @classmethod
    def from_json(cls, kind: str, text: str) -> Target:
        data = json.loads(text)
        if kind == "person":
            return cls("person", person_id=int(data["person"]),
                       shared_purge=tuple(int(i) for i in data.get("shared_purge", ())))
        return cls("items", item_ids=tuple(int(i) for i in data.get("items", ())))


@dataclass(frozen=True)
class Request:
    id: int
    target: Target
    reason: str
    basis: str
    request_ref: str
    requested_at: str
    requested_by: str
    requested_account: str
    not_before: str
    state: str
    confirmed_by: str | None
    closed_at: str | None
    closed_by: str | None
    purged: tuple[int, ...]
    tombstone: int | None

    def due(self, now: str | None = None) -> bool:
        """The waiting period is over."""
        return self.not_before <= (now or utc_now())


@dataclass
class Plan:
    """What carrying out a request removes now (ids only; names stay in the catalogue)."""

    target: Target
    items: list[int] = field(default_factory=list)  # removed whole
    shared: list[int] = field(default_factory=list)  # the person shares them with others
    unlinked: list[int] = field(default_factory=list)  # kept; the person's link removed
    consents: list[int] = field(default_factory=list)  # the person's consent records
    consent_events: int = 0
    blobs: list[tuple[str, str]] = field(default_factory=list)  # (sha256, relpath) removed
    forms: int = 0  # scans of signed consent forms among `blobs`
    kinds: dict[str, int] = field(default_factory=dict)  # items removed by kind
    protections: list[int] = field(default_factory=list)


def _request(row: object) -> Request:
    r = row  # sqlite3.Row
    return Request(r["id"], Target.from_json(r["kind"], r["targets"]), r["reason"], r["basis"],
                   r["request_ref"], r["requested_at"], r["requested_by"],
                   r["requested_account"], r["not_before"], r["state"], r["confirmed_by"],
                   r["closed_at"], r["closed_by"], tuple(json.loads(r["purged"])),
                   r["tombstone"])


def waiting_days(archive: ArchiveHandle) -> int:
    try:
        days = int(archive.setting(WAITING_KEY, str(DEFAULT_WAITING_DAYS)) or DEFAULT_WAITING_DAYS)
    except ValueError:
        days = DEFAULT_WAITING_DAYS
    return max(MIN_WAITING_DAYS, days)


def set_waiting_days(archive: ArchiveHandle, days: int) -> None:
    """Change the waiting period of requests made from now on (at least one day)."""
    if days < MIN_WAITING_DAYS:
        raise PurgeError("waiting_too_short", days=days, least=MIN_WAITING_DAYS)
    with transaction(archive.conn):
        before = waiting_days(archive)
        archive.set_setting(WAITING_KEY, str(days))
        archive.audit("setting", None, "purge_waiting_days", {"from": before, "to": days})


def request(archive: ArchiveHandle, target: Target, reason: str, basis: str, request_ref: str = "",
            account: str = "") -> int:
    """Record a request (nothing is removed yet); return its number."""
    if not reason.strip():
        raise PurgeError("no_reason")
    if not basis.strip():
        raise PurgeError("no_basis")
    check_target(archive, target)
    now = datetime.now(UTC).replace(microsecond=0)
    not_before = (now + timedelta(days=waiting_days(archive))).isoformat()
    with transaction(archive.conn):
        cur = archive.conn.execute(
            "INSERT INTO purges (kind, targets, reason, basis, request_ref, requested_at,"
            " requested_by, requested_account, not_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (target.kind, target.to_json(), reason.strip(), basis.strip(), request_ref.strip(),
             now.isoformat(), archive.actor, account, not_before))
        purge_id = int(cur.lastrowid or 0)
        # Numbers only: the reason may name the person; it reaches the log scrubbed.
        archive.audit("purge", purge_id, "request", {
            "kind": target.kind, "count": len(target.item_ids) or 1, "not_before": not_before})
    return purge_id


def check_target(archive: ArchiveHandle, target: Target) -> None:
    q = archive.conn.execute
    if target.kind == "person":
        if target.person_id is None or q("SELECT 1 FROM people WHERE id = ?",
                                         (target.person_id,)).fetchone() is None:
            raise PurgeError("no_person", person=target.person_id)
        return
    if not target.item_ids:
        raise PurgeError("no_items")
    for item_id in target.item_ids:
        if q("SELECT 1 FROM items WHERE id = ?", (item_id,)).fetchone() is None:
            raise PurgeError("no_item", item=item_id)


def get(archive: ArchiveHandle, purge_id: int) -> Request:
    row = archive.conn.execute("SELECT * FROM purges WHERE id = ?", (purge_id,)).fetchone()
    if row is None:
        raise PurgeError("no_request", purge=purge_id)
    return _request(row)


def requests(archive: ArchiveHandle, states: Sequence[str] = ("pending",)) -> list[Request]:
    marks = ",".join("?" * len(states))
    return [_request(r) for r in archive.conn.execute(
        f"SELECT * FROM purges WHERE state IN ({marks}) ORDER BY id", tuple(states))]


def tombstone(archive: ArchiveHandle, purge_id: int) -> dict:
    """The tombstone's details (counts, dates, who, why, basis), or {} before it exists."""
    row = archive.conn.execute(
        "SELECT details FROM audit_log WHERE entity_type = 'purge' AND entity_id = ?"
        " AND action = 'purge' ORDER BY id DESC LIMIT 1", (purge_id,)).fetchone()
    return json.loads(row[0]) if row else {}


def cancel(archive: ArchiveHandle, purge_id: int) -> None:
    current = get(archive, purge_id)
    if current.state != "pending":
        raise PurgeError("not_pending", purge=purge_id, state=current.state)
    with transaction(archive.conn):
        archive.conn.execute(
            "UPDATE purges SET state = 'cancelled', closed_at = ?, closed_by = ? WHERE id = ?"
            " AND state = 'pending'", (utc_now(), archive.actor, purge_id))
        archive.audit("purge", purge_id, "cancel", {"kind": current.target.kind})


def mark_confirmed(archive: ArchiveHandle, purge_id: int, account: str) -> None:
    """A second custodian (another account) confirmed: it may be carried out now."""
    with transaction(archive.conn):
        archive.conn.execute(
            "UPDATE purges SET confirmed_by = ?, confirmed_account = ? WHERE id = ?"
            " AND state = 'pending'", (archive.actor, account, purge_id))
        archive.audit("purge", purge_id, "confirm", {"account": bool(account)})


def people_names(archive: ArchiveHandle) -> list[tuple[int, str]]:
    return [(int(r[0]), str(r[1])) for r in archive.conn.execute(
        "SELECT id, name FROM people ORDER BY name COLLATE NOCASE")]


def person_name(archive: ArchiveHandle, person_id: int | None) -> str:
    row = archive.conn.execute("SELECT name FROM people WHERE id = ?", (person_id,)).fetchone()
    return str(row[0]) if row else ""


# -- what a purge removes ------------------------------------------------------------
def _ids(rows: Iterable) -> list[int]:
    return sorted({int(r[0]) for r in rows})


def person_items(archive: ArchiveHandle, person_id: int) -> tuple[list[int], list[int], list[int]]:
    """(own, shared, linked only) items of a person.

    Own: the person is the only narrator, depicted person or author. Shared:
    someone else is one of those too (a group photograph). Linked only: they
    appear as interviewer or photographer."""
    q = archive.conn.execute
    subject = _ids(q(f"SELECT item_id FROM item_people WHERE person_id = ? AND role IN"
                     f" ({','.join('?' * len(SUBJECT_ROLES))})", (person_id, *SUBJECT_ROLES)))
    linked = _ids(q("SELECT item_id FROM item_people WHERE person_id = ?", (person_id,)))
    others: set[int] = set()
    for in_list, chunk in in_chunks(subject):
        others |= {int(r[0]) for r in q(
            f"SELECT DISTINCT item_id FROM item_people WHERE item_id IN {in_list}"
            f" AND person_id <> ? AND role IN ({','.join('?' * len(SUBJECT_ROLES))})",
            (*chunk, person_id, *SUBJECT_ROLES))}
    own = [i for i in subject if i not in others]
    shared = [i for i in subject if i in others]
    return own, shared, [i for i in linked if i not in subject]


def plan(archive: ArchiveHandle, target: Target) -> Plan:
    """What carrying out `target` removes, from the catalogue as it is now."""
    check_target(archive, target)
    q = archive.conn.execute
    out = Plan(target)
    consents: list[int] = []
    if target.kind == "person":
        pid = int(target.person_id or 0)
        own, shared, linked = person_items(archive, pid)
        chosen = set(target.shared_purge)
        out.items = sorted(set(own) | (set(shared) & chosen))
        out.shared = shared
        out.unlinked = sorted(set(linked) | (set(shared) - chosen))
        consents = _ids(q("SELECT id FROM consents WHERE person_id = ?", (pid,)))
        out.protections = _ids(q("SELECT id FROM protections WHERE person_id = ?", (pid,)))
    else:
        out.items = sorted(set(target.item_ids))
    out.consents = consents
    for in_list, chunk in in_chunks(consents):
        out.consent_events += int(q(f"SELECT COUNT(*) FROM consent_events WHERE consent_id IN"
                                    f" {in_list}", chunk).fetchone()[0])
    for in_list, chunk in in_chunks(out.items):
        for kind, count in q(f"SELECT kind, COUNT(*) FROM items WHERE id IN {in_list}"
                             " GROUP BY kind", chunk):
            out.kinds[kind] = out.kinds.get(kind, 0) + int(count)
    out.blobs, out.forms = _blobs_left_alone(archive, out.items, consents)
    return out


def _blobs_left_alone(archive: ArchiveHandle, items: list[int],
                      consents: list[int]) -> tuple[list[tuple[str, str]], int]:
    """Originals and form scans that nothing outside the purge still uses."""
    q = archive.conn.execute
    media: set[str] = set()
    forms: set[str] = set()
    for in_list, chunk in in_chunks(items):
        media |= {r[0] for r in q(f"SELECT sha256 FROM media_files WHERE item_id IN {in_list}",
                                  chunk)}
    for in_list, chunk in in_chunks(consents):
        forms |= {r[0] for r in q(f"SELECT form_sha256 FROM consents WHERE id IN {in_list}"
                                  " AND form_sha256 IS NOT NULL", chunk)}
    gone_items, gone_consents = set(items), set(consents)
    removed: list[tuple[str, str]] = []
    form_count = 0
    for sha in sorted(media | forms):
        users = {int(r[0]) for r in q("SELECT item_id FROM media_files WHERE sha256 = ?", (sha,))}
        signers = {int(r[0]) for r in q("SELECT id FROM consents WHERE form_sha256 = ?", (sha,))}
        if users - gone_items or signers - gone_consents:
            continue  # another item or record still holds these bytes
        row = q("SELECT path FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
        if row is not None:
            removed.append((sha, row[0]))
            form_count += sha in forms and sha not in media
    return removed, form_count
