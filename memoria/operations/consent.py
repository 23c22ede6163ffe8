"""Consent operations: record, withdraw, change status, review an ended embargo.

Only custodians change consent (actor.py). Each call is one transaction and
returns the Changes (kind `consent`, the items the record covers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from memoria.domain.changes import Changes
from memoria.domain.consent import Badge, applicable_to_item, badge
from memoria.domain.messages import batch_sentence
from memoria.domain.model import Anonymisation, ConsentRecord, ConsentStatus, Role
from memoria.importing.consent_form import record_each_with_form, record_with_form
from memoria.importing.ingest import Refused
from memoria.importing.messages import form_refused
from memoria.operations.actor import Action, Actor
from memoria.operations.unit import run, run_steps
from memoria.storage import authorities, consents, protections
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.storage.consents import ConsentError, ConsentTerms

__all__ = ["BatchConsentItem", "BatchConsentPreview", "ConsentError", "ConsentTerms",
           "change_status", "preview_batch", "record_batch", "current_records", "events",
           "get_record", "record", "records_for_item", "records_for_person", "review_embargo",
           "withdraw", "withdraw_all", "Protection", "ProtectionError", "all_protections",
           "confirm_variants", "protect_person", "protect_term", "unprotect"]

# What the consent editor reads (the window imports no storage).
records_for_item = consents.records_for_item
records_for_person = consents.records_for_person
get_record = consents.get_record
events = consents.events


def record(archive: Archive, actor: Actor, person_ids: Iterable[int], item_ids: Iterable[int],
           terms: ConsentTerms, form_path: Path | None = None, *,
           segment_ids: Iterable[int] = (), reason: str = "") -> Changes:
    """One record per person over the items (superseding their older ones), with the
    signed form if any, all or nothing; `.value` is the new records' ids.

    The form enters by the one ingest path (importing.consent_form); a refused
    form raises ValueError with one sentence in the actor's language.
    """
    try:
        # The form is copied in before its transaction, so this commits on its own.
        return run_steps(archive, actor, Action.CHANGE_CONSENT, record_with_form,
                         list(person_ids), list(item_ids), terms, form_path,
                         segment_ids=list(segment_ids), reason=reason)
    except Refused as exc:
        raise ValueError(form_refused(exc.path.name, exc.code, exc.reason, actor.lang)) from None


def withdraw(archive: Archive, actor: Actor, consent_id: int, reason: str) -> Changes:
    """Withdraw one record, at once, everywhere; `.value` is the record as it is now."""
    return run(archive, actor, Action.CHANGE_CONSENT, consents.withdraw, consent_id, reason)


def change_status(archive: Archive, actor: Actor, consent_id: int, status: ConsentStatus,
                  reason: str) -> Changes:
    return run(archive, actor, Action.CHANGE_CONSENT, consents.change_status, consent_id,
               status, reason)


def review_embargo(archive: Archive, actor: Actor, consent_id: int, reason: str) -> Changes:
    """A person confirms that an ended embargo may lift (rule 5)."""
    return run(archive, actor, Action.CHANGE_CONSENT, consents.review_embargo, consent_id,
               reason)


def current_records(records: Iterable[ConsentRecord]) -> list[ConsentRecord]:
    """The records still in force (neither superseded nor withdrawn)."""
    return [r for r in records
            if r.status not in (ConsentStatus.SUPERSEDED, ConsentStatus.WITHDRAWN)]


def withdraw_all(archive: Archive, actor: Actor, records: Iterable[ConsentRecord],
                 reason: str) -> Changes:
    """Withdraw several records in one transaction (all of an item's, or a person's):
    a kill midway never leaves a person half-withdrawn."""
    return run(archive, actor, Action.CHANGE_CONSENT, consents.withdraw_many,
               [r.id for r in records], reason)


# -- protected names (people and terms no copy outside custody may show) --------------
Protection = protections.Protection
ProtectionError = protections.ProtectionError
all_protections = protections.all_protections


def _protecting(fn: Callable[..., Any]) -> Callable[..., Changes]:
    def operation(archive: Archive, actor: Actor, *args: Any, **kwargs: Any) -> Changes:
        changes = run(archive, actor, Action.CHANGE_CONSENT, fn, *args, **kwargs)
        # Which items mention a name is known only after the index's rescan.
        return changes | Changes(everything=True)

    operation.__name__, operation.__doc__ = fn.__name__, fn.__doc__
    return operation


protect_person = _protecting(protections.protect_person)
protect_term = _protecting(protections.protect_term)
confirm_variants = _protecting(protections.confirm_variants)
unprotect = _protecting(protections.unprotect)


# -- the same consent for many items (issue 15) -----------------------------------------
_CONSENTING = (Role.NARRATOR, Role.DEPICTED)  # whose consent an item needs, as the CLI reads it
_RECORDABLE = (ConsentStatus.PENDING, ConsentStatus.GRANTED, ConsentStatus.RESTRICTED)


@dataclass(frozen=True)
class BatchConsentItem:
    """One selected item in a batch consent: whose consent, its state before and after."""

    item_id: int
    accession: str
    people: tuple[int, ...]  # empty: nobody to record for (`problem` says so)
    before: Badge
    after: Badge
    problem: str = ""

    @property
    def withdrawn(self) -> bool:
        """Consent was withdrawn: recording over it is confirmed item by item."""
        return self.before is Badge.WITHDRAWN

    @property
    def changes(self) -> bool:
        return self.before is not self.after


@dataclass(frozen=True)
class BatchConsentPreview:
    items: tuple[BatchConsentItem, ...]

    @property
    def changing(self) -> list[BatchConsentItem]:
        return [i for i in self.items if i.changes and not i.problem]

    @property
    def withdrawn(self) -> list[BatchConsentItem]:
        return [i for i in self.items if i.withdrawn]


def _check_terms(terms: ConsentTerms, lang: str) -> None:
    if terms.status not in _RECORDABLE:
        raise ConsentError(batch_sentence("bad_status", lang))
    if terms.status is ConsentStatus.GRANTED and not terms.scopes:
        raise ConsentError(batch_sentence("no_scope", lang))
    if Anonymisation.PSEUDONYM in terms.anonymisation and not (terms.pseudonym or "").strip():
        raise ConsentError(batch_sentence("no_pseudonym", lang))


def preview_batch(archive: Archive, item_ids: Iterable[int], terms: ConsentTerms,
                  person_id: int | None = None, lang: str = "es") -> BatchConsentPreview:
    """What recording `terms` on each item would do, read only: for each item whose
    consent is recorded (the item's narrators and depicted people, or `person_id`),
    its consent state now and after (one new record per item and person, superseding
    that person's older records over that item alone)."""
    ids = list(dict.fromkeys(item_ids))
    if not ids:
        raise ConsentError(batch_sentence("no_items", lang))
    _check_terms(terms, lang)
    if person_id is not None:
        try:
            authorities.get_person(archive, person_id)
        except authorities.AuthorityError:
            raise ConsentError(batch_sentence("unknown_person", lang, id=person_id)) from None
    today = archive.today()
    found = consents.records_for_items(archive, ids)
    out = []
    for item_id in ids:
        try:
            item = item_store.get_item(archive, item_id)
        except item_store.ItemError:
            raise ConsentError(batch_sentence("unknown_item", lang, id=item_id)) from None
        people = (person_id,) if person_id is not None else tuple(dict.fromkeys(
            p.person.id for p in item.people if p.role in _CONSENTING))
        records = applicable_to_item(found.get(item_id, []), item_id)
        before = badge(records, today)
        kept = [r for r in records
                if not (r.person_id in people and r.covers_whole_items
                        and r.item_ids <= {item_id})]
        new = [ConsentRecord(
            id=-1, person_id=p, status=terms.status, scopes=frozenset(terms.scopes),
            embargo_until=terms.embargo_until, review_date=terms.review_date,
            anonymisation=frozenset(terms.anonymisation), pseudonym=terms.pseudonym,
            item_ids=frozenset({item_id})) for p in people]
        problem = "" if people else batch_sentence("no_person", lang, acc=item.accession)
        out.append(BatchConsentItem(item_id, item.accession, people, before,
                                    badge(kept + new, today) if people else before, problem))
    return BatchConsentPreview(tuple(out))


def record_batch(archive: Archive, actor: Actor, item_ids: Iterable[int], terms: ConsentTerms,
                 form_path: Path | None = None, *, person_id: int | None = None,
                 reason: str = "", confirmed: Iterable[int] = ()) -> Changes:
    """The same consent decision on each item: one record per item and person (the
    item's narrators and depicted people, or `person_id`), all sharing the signed form,
    in one transaction; each item's history says it was a batch of N. Custodians only.

    An item whose consent was withdrawn is refused unless its id is in `confirmed`
    (a reopening is confirmed item by item, never by the batch). `.value` is the new
    records' ids."""
    ids = list(dict.fromkeys(item_ids))
    try:
        return run_steps(archive, actor, Action.CHANGE_CONSENT, _record_batch, ids, terms,
                         form_path, person_id, reason, frozenset(confirmed), actor.lang)
    except Refused as exc:
        raise ValueError(form_refused(exc.path.name, exc.code, exc.reason, actor.lang)) from None


def _record_batch(archive: Archive, ids: list[int], terms: ConsentTerms,
                  form_path: Path | None, person_id: int | None, reason: str,
                  confirmed: frozenset[int], lang: str) -> list[int]:
    preview = preview_batch(archive, ids, terms, person_id, lang)
    for entry in preview.items:
        if entry.problem:
            raise ConsentError(entry.problem)
        if entry.withdrawn and entry.item_id not in confirmed:
            raise ConsentError(batch_sentence("withdrawn", lang, acc=entry.accession))
    terms = replace(terms, pseudonym=(terms.pseudonym or "").strip() or None)
    plan = [(p, [entry.item_id]) for entry in preview.items for p in entry.people]
    return record_each_with_form(archive, plan, terms, form_path, reason=reason,
                                 note={"batch": {"size": len(ids)}})
