"""The consent rules: may this audience see this item, and if not, why.

Every read path (lists, search, facets, thumbnails, exports, exhibits, the
command line) asks `decide` before it shows anything to someone who is not a
custodian. The rules, from DESIGN.md:

1. Default deny: no consent, or only pending consent, is custodians only.
2. The most restrictive consent that applies wins.
3. An audience sees an item only if every applicable consent is granted,
   covers that audience's scope, and no embargo is running.
4. Withdrawal takes effect at once (decisions are computed from current
   records, never cached here).
5. An ended embargo waits for a person's review; the clock alone opens nothing.
6. Anonymisation requirements travel with the decision, to be applied on the
   way out.

"Restricted" consent is read as *limited to internal archive use*: whatever
scopes it lists, it opens the item to custodians and curators only. That
keeps the state meaningful (a pause short of withdrawal) and errs on the
side of the people in the material.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from memoria.domain.model import Anonymisation, ConsentRecord, ConsentStatus, Person, Scope


class Audience(StrEnum):
    CUSTODIAN = "custodian"
    CURATOR = "curator"
    RESEARCHER = "researcher"
    PUBLIC = "public"


# The scope an audience needs unless a caller (an exhibit export) names another.
DEFAULT_SCOPE: dict[Audience, Scope | None] = {
    Audience.CUSTODIAN: None,
    Audience.CURATOR: Scope.INTERNAL,
    Audience.RESEARCHER: Scope.RESEARCH,
    Audience.PUBLIC: Scope.EXHIBITION,
}

PUBLIC_SCOPES = frozenset(
    {Scope.EXHIBITION, Scope.PUBLICATION_PRINT, Scope.PUBLICATION_ONLINE, Scope.PRESS}
)


class Refusal(StrEnum):
    """Why an audience may not see something, most serious first."""

    WITHDRAWN = "withdrawn"
    NO_CONSENT = "no_consent"
    PENDING = "pending"
    RESTRICTED = "restricted"
    EMBARGOED = "embargoed"
    EMBARGO_REVIEW = "embargo_review"
    SCOPE_NOT_GRANTED = "scope_not_granted"
    IN_TRASH = "in_trash"  # not consent: a custodian moved the item to the trash


_SEVERITY = {refusal: rank for rank, refusal in enumerate(Refusal)}


class Badge(StrEnum):
    """An item's one-word consent state: the list badge, its colour and label, the
    list sort, the work queues and the stored summary all use these words.
    Defined in list order, what needs attention first."""

    WITHDRAWN = "withdrawn"
    PENDING = "pending"
    NONE = "none"  # no applicable record: only custodians see the item
    REVIEW = "review"  # an embargo has ended and waits for a person's review
    EMBARGOED = "embargoed"
    RESTRICTED = "restricted"
    GRANTED = "granted"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    audience: Audience
    scope: Scope | None
    refusals: tuple[Refusal, ...] = ()
    anonymisation: frozenset[Anonymisation] = frozenset()
    embargo_until: date | None = None
    # person id -> pseudonym to show instead of the real name
    pseudonyms: dict[int, str | None] = field(default_factory=dict)

    @property
    def reason(self) -> Refusal | None:
        """The most serious refusal, the one a person should hear first."""
        return self.refusals[0] if self.refusals else None


def in_trash(audience: Audience, scope: Scope | None = None) -> Decision:
    """The answer for an item in the trash, for every audience (custodians too):
    it has left every path out until it is restored."""
    return Decision(False, audience, scope, (Refusal.IN_TRASH,))


def _current(records: Iterable[ConsentRecord]) -> list[ConsentRecord]:
    return [r for r in records if r.status is not ConsentStatus.SUPERSEDED]


def applicable_to_item(records: Iterable[ConsentRecord], item_id: int) -> list[ConsentRecord]:
    """Current records that cover the whole item (segment-only records do not)."""
    return [
        r for r in _current(records) if item_id in r.item_ids and r.covers_whole_items
    ]


def applicable_to_segment(
    records: Iterable[ConsentRecord], item_id: int, segment_id: int
) -> list[ConsentRecord]:
    """Whole-item records plus those naming this segment: both must allow it."""
    return [
        r
        for r in _current(records)
        if item_id in r.item_ids and (r.covers_whole_items or segment_id in r.segment_ids)
    ]


def decide(
    audience: Audience,
    records: Iterable[ConsentRecord],
    today: date,
    scope: Scope | None = None,
) -> Decision:
    """Combine the records that apply to one item (or segment) for an audience.

    `records` must already be the applicable ones (see `applicable_to_item`
    and `applicable_to_segment`); superseded records are ignored anyway.
    """
    current = _current(records)
    needed = scope if scope is not None else DEFAULT_SCOPE[audience]
    anonymisation: frozenset[Anonymisation] = frozenset().union(
        *(r.anonymisation for r in current)
    )
    pseudonyms = {
        r.person_id: r.pseudonym for r in current if Anonymisation.PSEUDONYM in r.anonymisation
    }
    embargo = max((r.embargo_until for r in current if r.embargo_until), default=None)

    if audience is Audience.CUSTODIAN:
        return Decision(True, audience, None, (), anonymisation, embargo, pseudonyms)

    refusals: set[Refusal] = set()
    if not current:
        refusals.add(Refusal.NO_CONSENT)
    for record in current:
        refusals.update(_refusals_of(record, needed, today))
    ordered = tuple(sorted(refusals, key=_SEVERITY.__getitem__))
    return Decision(not ordered, audience, needed, ordered, anonymisation, embargo, pseudonyms)


def _refusals_of(record: ConsentRecord, needed: Scope | None, today: date) -> set[Refusal]:
    refusals: set[Refusal] = set()
    if record.status is ConsentStatus.WITHDRAWN:
        return {Refusal.WITHDRAWN}
    if record.status is ConsentStatus.PENDING:
        return {Refusal.PENDING}
    if record.status is ConsentStatus.RESTRICTED and needed is not Scope.INTERNAL:
        refusals.add(Refusal.RESTRICTED)
    if needed is not None and needed not in record.scopes:
        refusals.add(Refusal.SCOPE_NOT_GRANTED)
    if record.embargo_until is not None:
        if record.embargo_until > today:
            refusals.add(Refusal.EMBARGOED)
        elif record.embargo_reviewed_at is None:
            refusals.add(Refusal.EMBARGO_REVIEW)
    return refusals


def embargo_awaiting_review(record: ConsentRecord, today: date) -> bool:
    """An embargo that has ended but that no person has reviewed yet (rule 5)."""
    return (
        record.status not in (ConsentStatus.SUPERSEDED, ConsentStatus.WITHDRAWN)
        and record.embargo_until is not None
        and record.embargo_until <= today
        and record.embargo_reviewed_at is None
    )


def requires_pseudonym(person: Person, records_of_person: Iterable[ConsentRecord]) -> bool:
    """A person is shown by pseudonym outside the custodian view if any current
    consent of theirs asks for it, or if the authority record carries one.

    Applied across all of a person's items, not item by item: a real name shown
    on one item next to the pseudonym on another would undo the pseudonym.
    """
    if person.pseudonym:
        return True
    return any(Anonymisation.PSEUDONYM in r.anonymisation for r in _current(records_of_person))


def public_name(
    person: Person, records_of_person: Iterable[ConsentRecord], audience: Audience
) -> str | None:
    """The name an audience may see, or None for "anonymous" (the caller words it)."""
    if audience is Audience.CUSTODIAN:
        return person.name
    records = _current(records_of_person)
    if not requires_pseudonym(person, records):
        return person.name
    from_consent = next(
        (r.pseudonym for r in records if r.pseudonym and Anonymisation.PSEUDONYM in r.anonymisation),
        None,
    )
    return from_consent or person.pseudonym or None


def badge(records: Iterable[ConsentRecord], today: date) -> Badge:
    """A one-word consent state for lists, most restrictive first: none, withdrawn,
    pending, embargoed, review, restricted, granted.

    `records` must be the applicable ones (`applicable_to_item`). Lives beside
    `decide` so the list badge, the work queues and the stored per-item summary
    all read one definition.
    """
    current = _current(records)
    if not current:
        return Badge.NONE
    statuses = {r.status for r in current}
    if ConsentStatus.WITHDRAWN in statuses:
        return Badge.WITHDRAWN
    if ConsentStatus.PENDING in statuses:
        return Badge.PENDING
    if any(r.embargo_until and r.embargo_until > today for r in current):
        return Badge.EMBARGOED
    if any(embargo_awaiting_review(r, today) for r in current):
        return Badge.REVIEW
    if ConsentStatus.RESTRICTED in statuses:
        return Badge.RESTRICTED
    return Badge.GRANTED


def stable_between(records: Iterable[ConsentRecord], today: date) -> tuple[date | None, date | None]:
    """The days around `today` over which `decide` and `badge` cannot change.

    Today enters the rules only through comparisons with embargo end dates
    (`embargo_until > today`), so the answers hold for every day d with
    valid_from <= d < valid_until; None means unbounded. A stored summary uses
    this to know when it must be recomputed.
    """
    ends = [r.embargo_until for r in _current(records) if r.embargo_until is not None]
    valid_from = max((e for e in ends if e <= today), default=None)
    valid_until = min((e for e in ends if e > today), default=None)
    return valid_from, valid_until
