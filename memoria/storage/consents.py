"""Consent records and their history. Nothing here is ever deleted: a change
of status is an event with who, when and why, and a new record supersedes an
old one instead of overwriting it."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from memoria.domain.model import (
    Anonymisation,
    ConsentEvent,
    ConsentRecord,
    ConsentStatus,
    Provenance,
    ProvenanceMethod,
    Scope,
)
from memoria.storage import consent_summary, protections
from memoria.storage.archive import Archive, utc_now
from memoria.storage.db import transaction


class ConsentError(ValueError):
    pass


@dataclass
class ConsentTerms:
    """What a person records about a consent; the store adds ids and history."""

    status: ConsentStatus
    scopes: set[Scope] = field(default_factory=set)
    embargo_until: date | None = None
    review_date: date | None = None
    anonymisation: set[Anonymisation] = field(default_factory=set)
    pseudonym: str | None = None
    provenance: Provenance = field(default_factory=Provenance)


def _words(values: Iterable[str]) -> str:
    return " ".join(sorted(str(v) for v in values))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _check(terms: ConsentTerms) -> None:
    if terms.status is ConsentStatus.SUPERSEDED:
        raise ConsentError("A record becomes superseded only when a new one replaces it.")
    if Anonymisation.PSEUDONYM in terms.anonymisation and not (terms.pseudonym or "").strip():
        raise ConsentError("A pseudonym is required: say which pseudonym to use.")
    if terms.status is ConsentStatus.GRANTED and not terms.scopes:
        raise ConsentError("Granted consent must name at least one scope.")


def record_consent(
    archive: Archive,
    person_id: int,
    item_ids: Iterable[int],
    terms: ConsentTerms,
    *,
    segment_ids: Iterable[int] = (),
    form_sha256: str | None = None,
    reason: str = "",
    supersede: bool = True,
) -> int:
    """Record a consent. With `supersede`, the person's current whole-item records
    over a subset of these items are marked superseded by the new one."""
    _check(terms)
    items = sorted(set(item_ids))
    if not items:
        raise ConsentError("A consent record must cover at least one item.")
    segments = sorted(set(segment_ids))
    now = utc_now()
    pseudonym = (terms.pseudonym or "").strip() or None
    with transaction(archive.conn):
        _check_segments(archive, items, segments)
        cur = archive.conn.execute(
            "INSERT INTO consents (person_id, status, scopes, embargo_until, review_date,"
            " anonymisation, pseudonym, provenance_method, obtained_by, obtained_at, witness,"
            " form_sha256, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                person_id, terms.status.value, _words(s.value for s in terms.scopes),
                terms.embargo_until.isoformat() if terms.embargo_until else None,
                terms.review_date.isoformat() if terms.review_date else None,
                _words(a.value for a in terms.anonymisation), pseudonym,
                terms.provenance.method.value if terms.provenance.method else None,
                terms.provenance.obtained_by,
                terms.provenance.obtained_at.isoformat() if terms.provenance.obtained_at else None,
                terms.provenance.witness, form_sha256, now, now,
            ),
        )
        consent_id = int(cur.lastrowid)
        archive.conn.executemany(
            "INSERT INTO consent_items VALUES (?, ?)", [(consent_id, i) for i in items]
        )
        archive.conn.executemany(
            "INSERT INTO consent_segments VALUES (?, ?)", [(consent_id, s) for s in segments]
        )
        if supersede and not segments:
            _supersede_older(archive, consent_id, person_id, set(items))
        _event(archive, consent_id, "record", terms.status, reason, items, {
            "scopes": sorted(s.value for s in terms.scopes),
            "embargo_until": terms.embargo_until.isoformat() if terms.embargo_until else None,
            "anonymisation": sorted(a.value for a in terms.anonymisation),
            "segments": segments,
        })
        consent_summary.refresh_items(archive, items)
        # A pseudonym protects the person in every item that mentions them.
        protections.consent_changed(archive, person_id)
    return consent_id


def _check_segments(archive: Archive, items: list[int], segments: list[int]) -> None:
    for seg in segments:
        row = archive.conn.execute("SELECT item_id FROM segments WHERE id = ?", (seg,)).fetchone()
        if row is None or row[0] not in items:
            raise ConsentError(f"Segment {seg} is not part of the items this consent covers.")


def _supersede_older(archive: Archive, new_id: int, person_id: int, items: set[int]) -> None:
    for old in records_for_person(archive, person_id):
        if (
            old.id != new_id
            and old.status is not ConsentStatus.SUPERSEDED
            and old.covers_whole_items
            and old.item_ids <= items
        ):
            archive.conn.execute(
                "UPDATE consents SET status = 'superseded', superseded_by = ?, updated_at = ?"
                " WHERE id = ?",
                (new_id, utc_now(), old.id),
            )
            _event(archive, old.id, "supersede", ConsentStatus.SUPERSEDED,
                   f"replaced by consent record {new_id}", sorted(old.item_ids), {"by": new_id})


def _event(
    archive: Archive, consent_id: int, action: str, status: ConsentStatus, reason: str,
    item_ids: Iterable[int], details: dict | None = None,
) -> None:
    archive.conn.execute(
        "INSERT INTO consent_events (consent_id, at, actor, action, status, reason, details)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (consent_id, utc_now(), archive.actor, action, status.value, reason,
         json.dumps(details or {}, ensure_ascii=False, sort_keys=True)),
    )
    for item_id in item_ids:
        archive.audit("consent", consent_id, action,
                      {"status": status.value, "reason": reason, **(details or {})}, item_id)
        archive.touch(item_id)


def change_status(
    archive: Archive, consent_id: int, status: ConsentStatus, reason: str
) -> ConsentRecord:
    if status is ConsentStatus.SUPERSEDED:
        raise ConsentError("Record a new consent to supersede this one.")
    if status is ConsentStatus.WITHDRAWN and not reason.strip():
        raise ConsentError("A withdrawal needs a reason.")
    record = get_record(archive, consent_id)
    if record.status is ConsentStatus.SUPERSEDED:
        raise ConsentError("This consent record was superseded; change the current one.")
    with transaction(archive.conn):
        archive.conn.execute(
            "UPDATE consents SET status = ?, updated_at = ? WHERE id = ?",
            (status.value, utc_now(), consent_id),
        )
        _event(archive, consent_id, "status", status, reason.strip(), sorted(record.item_ids),
               {"from": record.status.value})
        consent_summary.refresh_items(archive, record.item_ids)
    return get_record(archive, consent_id)


def withdraw(archive: Archive, consent_id: int, reason: str) -> ConsentRecord:
    return change_status(archive, consent_id, ConsentStatus.WITHDRAWN, reason)


def withdraw_many(archive: Archive, consent_ids: Iterable[int], reason: str) -> None:
    """Withdraw several records (a person's, an item's) in one transaction: all or none."""
    with transaction(archive.conn):
        for consent_id in consent_ids:
            change_status(archive, consent_id, ConsentStatus.WITHDRAWN, reason)


def review_embargo(archive: Archive, consent_id: int, reason: str) -> ConsentRecord:
    """A person confirms that an ended embargo may lift (rule 5)."""
    record = get_record(archive, consent_id)
    if record.embargo_until is None or record.embargo_until > archive.today():
        raise ConsentError("Only an embargo that has ended can be reviewed.")
    with transaction(archive.conn):
        archive.conn.execute(
            "UPDATE consents SET embargo_reviewed_at = ?, updated_at = ? WHERE id = ?",
            (utc_now(), utc_now(), consent_id),
        )
        _event(archive, consent_id, "embargo_reviewed", record.status, reason,
               sorted(record.item_ids))
        consent_summary.refresh_items(archive, record.item_ids)
    return get_record(archive, consent_id)


# -- reading ---------------------------------------------------------------------
def _records(archive: Archive, where: str, params: tuple) -> list[ConsentRecord]:
    conn = archive.conn
    rows = conn.execute(f"SELECT * FROM consents {where} ORDER BY id", params).fetchall()
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    items: dict[int, set[int]] = defaultdict(set)
    segs: dict[int, set[int]] = defaultdict(set)
    for chunk_start in range(0, len(ids), 900):
        chunk = ids[chunk_start:chunk_start + 900]
        marks = ",".join("?" * len(chunk))
        for cid, iid in conn.execute(
            f"SELECT consent_id, item_id FROM consent_items WHERE consent_id IN ({marks})", chunk
        ):
            items[cid].add(iid)
        for cid, sid in conn.execute(
            f"SELECT consent_id, segment_id FROM consent_segments WHERE consent_id IN ({marks})",
            chunk,
        ):
            segs[cid].add(sid)
    return [_row_to_record(r, items[r["id"]], segs[r["id"]]) for r in rows]


def _row_to_record(row, item_ids: set[int], segment_ids: set[int]) -> ConsentRecord:
    return ConsentRecord(
        id=row["id"], person_id=row["person_id"], status=ConsentStatus(row["status"]),
        scopes=frozenset(Scope(s) for s in row["scopes"].split()),
        embargo_until=_date(row["embargo_until"]),
        embargo_reviewed_at=row["embargo_reviewed_at"], review_date=_date(row["review_date"]),
        anonymisation=frozenset(Anonymisation(a) for a in row["anonymisation"].split()),
        pseudonym=row["pseudonym"],
        provenance=Provenance(
            ProvenanceMethod(row["provenance_method"]) if row["provenance_method"] else None,
            row["obtained_by"], _date(row["obtained_at"]), row["witness"],
        ),
        form_sha256=row["form_sha256"], item_ids=frozenset(item_ids),
        segment_ids=frozenset(segment_ids), superseded_by=row["superseded_by"],
    )


def records_where(archive: Archive, where: str, params: tuple) -> list[ConsentRecord]:
    """Records selected by a WHERE clause over `consents` (for bulk readers)."""
    return _records(archive, where, params)


def get_record(archive: Archive, consent_id: int) -> ConsentRecord:
    found = _records(archive, "WHERE id = ?", (consent_id,))
    if not found:
        raise ConsentError(f"There is no consent record {consent_id}.")
    return found[0]


def records_for_item(archive: Archive, item_id: int) -> list[ConsentRecord]:
    return _records(
        archive, "WHERE id IN (SELECT consent_id FROM consent_items WHERE item_id = ?)", (item_id,)
    )


def records_for_items(archive: Archive, item_ids: Iterable[int]
                      ) -> dict[int, list[ConsentRecord]]:
    """``records_for_item`` for many items, a few queries for all of them
    (a search re-checks thousands of hits: one query each took 0.2 s)."""
    wanted = sorted(set(item_ids))
    out: dict[int, list[ConsentRecord]] = {i: [] for i in wanted}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start:start + 900]
        marks = ",".join("?" * len(chunk))
        for record in _records(archive, "WHERE id IN (SELECT consent_id FROM consent_items"
                                        f" WHERE item_id IN ({marks}))", tuple(chunk)):
            for item_id in record.item_ids:
                if item_id in out:
                    out[item_id].append(record)
    return out


def records_for_person(archive: Archive, person_id: int) -> list[ConsentRecord]:
    return _records(archive, "WHERE person_id = ?", (person_id,))


def all_records(archive: Archive) -> list[ConsentRecord]:
    return _records(archive, "", ())


def events(archive: Archive, consent_id: int) -> list[ConsentEvent]:
    return [
        ConsentEvent(r["id"], r["consent_id"], r["at"], r["actor"], r["action"],
                     ConsentStatus(r["status"]), r["reason"])
        for r in archive.conn.execute(
            "SELECT * FROM consent_events WHERE consent_id = ? ORDER BY id", (consent_id,)
        )
    ]
