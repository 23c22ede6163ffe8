"""Consent records and their history. Nothing here is ever deleted: a change
of status is an event with who, when and why, and a new record supersedes an
old one instead of overwriting it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from memoria.domain.model import (
    Anonymisation,
    ConsentEvent,
    ConsentRecord,
    ConsentStatus,
    Provenance,
    Scope,
)
from memoria.storage import consent_summary, protections

# Reading lives below both this store and the summary; these names stay importable here.
from memoria.storage.consent_records import all_records as all_records
from memoria.storage.consent_records import records_for_item as records_for_item
from memoria.storage.consent_records import records_for_items as records_for_items
from memoria.storage.consent_records import records_for_person as records_for_person
from memoria.storage.consent_records import records_where as records_where
from memoria.storage.db import transaction, utc_now

if TYPE_CHECKING:
    from memoria.storage.archive import Archive


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
    note: dict | None = None,
) -> int:
    """Record a consent. With `supersede`, the person's current whole-item records
    over a subset of these items are marked superseded by the new one. `note` joins
    the history's details (a batch says so and its size)."""
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
            "segments": segments, **(note or {}),
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
        archive.touch(item_id, "consent")


def extend_to_item(archive: Archive, consent_id: int, item_id: int) -> None:
    """One more item under an existing record (a bag's record covering several items)."""
    archive.conn.execute(
        "INSERT INTO consent_items (consent_id, item_id) VALUES (?, ?)"
        " ON CONFLICT DO NOTHING", (consent_id, item_id))


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
def get_record(archive: Archive, consent_id: int) -> ConsentRecord:
    found = records_where(archive, "WHERE id = ?", (consent_id,))
    if not found:
        raise ConsentError(f"There is no consent record {consent_id}.")
    return found[0]


def events(archive: Archive, consent_id: int) -> list[ConsentEvent]:
    return [
        ConsentEvent(r["id"], r["consent_id"], r["at"], r["actor"], r["action"],
                     ConsentStatus(r["status"]), r["reason"])
        for r in archive.conn.execute(
            "SELECT * FROM consent_events WHERE consent_id = ? ORDER BY id", (consent_id,)
        )
    ]
