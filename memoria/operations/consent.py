"""Consent operations: record, withdraw, change status, review an ended embargo.

Only custodians change consent (actor.py). Each call is one transaction and
returns the Changes (kind `consent`, the items the record covers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from memoria.domain.changes import Changes
from memoria.domain.model import ConsentRecord, ConsentStatus
from memoria.importing.consent_form import record_with_form
from memoria.importing.ingest import Refused
from memoria.importing.messages import form_refused
from memoria.operations.actor import Action, Actor
from memoria.operations.unit import run, run_steps
from memoria.storage import consents, protections
from memoria.storage.archive import Archive
from memoria.storage.consents import ConsentError, ConsentTerms

__all__ = ["ConsentError", "ConsentTerms", "change_status", "current_records", "events",
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
