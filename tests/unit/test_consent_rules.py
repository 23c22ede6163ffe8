"""Every consent rule, and the status x scope x audience combinations that matter."""

from __future__ import annotations

from datetime import date

import pytest

from memoria.domain.consent import (
    Audience,
    Refusal,
    applicable_to_item,
    applicable_to_segment,
    decide,
    public_name,
)
from memoria.domain.model import (
    Anonymisation,
    ConsentRecord,
    ConsentStatus,
    Person,
    Scope,
)

TODAY = date(2026, 6, 1)
ALL_SCOPES = frozenset(Scope)


def rec(status=ConsentStatus.GRANTED, scopes=ALL_SCOPES, rid=1, person=1, items=(10,),
        segments=(), embargo=None, reviewed=None, anon=(), pseudonym=None) -> ConsentRecord:
    return ConsentRecord(
        id=rid, person_id=person, status=status, scopes=frozenset(scopes),
        embargo_until=embargo, embargo_reviewed_at=reviewed, anonymisation=frozenset(anon),
        pseudonym=pseudonym, item_ids=frozenset(items), segment_ids=frozenset(segments),
    )


NON_CUSTODIANS = [Audience.CURATOR, Audience.RESEARCHER, Audience.PUBLIC]


@pytest.mark.parametrize("audience", list(Audience))
def test_default_deny_without_consent(audience):
    decision = decide(audience, [], TODAY)
    assert decision.allowed is (audience is Audience.CUSTODIAN)
    if audience is not Audience.CUSTODIAN:
        assert decision.reason is Refusal.NO_CONSENT


# status x audience, with every scope granted: only 'granted' opens beyond custody,
# and 'restricted' opens to curators (internal use) only.
EXPECTED = {
    ConsentStatus.PENDING: {Audience.CURATOR: False, Audience.RESEARCHER: False,
                            Audience.PUBLIC: False},
    ConsentStatus.GRANTED: {Audience.CURATOR: True, Audience.RESEARCHER: True,
                            Audience.PUBLIC: True},
    ConsentStatus.RESTRICTED: {Audience.CURATOR: True, Audience.RESEARCHER: False,
                               Audience.PUBLIC: False},
    ConsentStatus.WITHDRAWN: {Audience.CURATOR: False, Audience.RESEARCHER: False,
                              Audience.PUBLIC: False},
}


@pytest.mark.parametrize("status", list(EXPECTED))
@pytest.mark.parametrize("audience", NON_CUSTODIANS)
def test_status_by_audience(status, audience):
    decision = decide(audience, [rec(status)], TODAY)
    assert decision.allowed is EXPECTED[status][audience]


@pytest.mark.parametrize("status", list(ConsentStatus))
def test_custodian_always_sees(status):
    assert decide(Audience.CUSTODIAN, [rec(status)], TODAY).allowed


@pytest.mark.parametrize(
    ("audience", "scope", "granted", "allowed"),
    [
        (Audience.RESEARCHER, None, {Scope.RESEARCH}, True),
        (Audience.RESEARCHER, None, {Scope.EXHIBITION, Scope.INTERNAL}, False),
        (Audience.CURATOR, None, {Scope.INTERNAL}, True),
        (Audience.CURATOR, None, {Scope.RESEARCH}, False),
        (Audience.PUBLIC, None, {Scope.EXHIBITION}, True),
        (Audience.PUBLIC, None, {Scope.RESEARCH}, False),
        (Audience.PUBLIC, Scope.PUBLICATION_ONLINE, {Scope.EXHIBITION}, False),
        (Audience.PUBLIC, Scope.PUBLICATION_ONLINE, {Scope.PUBLICATION_ONLINE}, True),
        (Audience.PUBLIC, Scope.PUBLICATION_PRINT, {Scope.PUBLICATION_ONLINE}, False),
        (Audience.PUBLIC, Scope.PRESS, {Scope.PRESS}, True),
    ],
)
def test_scope_must_be_granted(audience, scope, granted, allowed):
    decision = decide(audience, [rec(scopes=granted)], TODAY, scope)
    assert decision.allowed is allowed
    if not allowed:
        assert Refusal.SCOPE_NOT_GRANTED in decision.refusals


def test_most_restrictive_wins_across_people():
    narrator = rec(rid=1, person=1)
    interviewer = rec(rid=2, person=2, scopes={Scope.RESEARCH})
    # Both allow research...
    assert decide(Audience.RESEARCHER, [narrator, interviewer], TODAY).allowed
    # ...but only one allows the exhibition: the other's limit wins.
    assert not decide(Audience.PUBLIC, [narrator, interviewer], TODAY).allowed
    withdrawn = rec(rid=3, person=3, status=ConsentStatus.WITHDRAWN)
    decision = decide(Audience.RESEARCHER, [narrator, withdrawn], TODAY)
    assert not decision.allowed and decision.reason is Refusal.WITHDRAWN


def test_running_embargo_hides_even_with_scope():
    decision = decide(Audience.RESEARCHER, [rec(embargo=date(2031, 1, 1))], TODAY)
    assert not decision.allowed and decision.reason is Refusal.EMBARGOED
    assert decision.embargo_until == date(2031, 1, 1)


def test_ended_embargo_waits_for_review_not_the_clock():
    ended = rec(embargo=date(2026, 5, 31))
    decision = decide(Audience.RESEARCHER, [ended], TODAY)
    assert not decision.allowed and decision.reason is Refusal.EMBARGO_REVIEW
    reviewed = rec(embargo=date(2026, 5, 31), reviewed="2026-06-01T10:00:00+00:00")
    assert decide(Audience.RESEARCHER, [reviewed], TODAY).allowed


def test_superseded_records_do_not_count():
    old = rec(rid=1, status=ConsentStatus.SUPERSEDED)
    assert not decide(Audience.RESEARCHER, [old], TODAY).allowed  # nothing current: deny
    assert decide(Audience.RESEARCHER, [old, rec(rid=2)], TODAY).allowed


def test_segment_level_withdrawal_hides_only_that_segment():
    whole = rec(rid=1, items=(10,))
    one_segment = rec(rid=2, items=(10,), segments=(7,), status=ConsentStatus.WITHDRAWN)
    records = [whole, one_segment]
    assert decide(Audience.RESEARCHER, applicable_to_item(records, 10), TODAY).allowed
    assert not decide(
        Audience.RESEARCHER, applicable_to_segment(records, 10, 7), TODAY).allowed
    assert decide(Audience.RESEARCHER, applicable_to_segment(records, 10, 8), TODAY).allowed


def test_segment_only_consent_does_not_open_the_item():
    only_segment = rec(rid=2, items=(10,), segments=(7,))
    assert not decide(Audience.RESEARCHER, applicable_to_item([only_segment], 10), TODAY).allowed


def test_anonymisation_requirements_are_combined():
    a = rec(rid=1, anon={Anonymisation.BLUR_FACES})
    b = rec(rid=2, person=2, anon={Anonymisation.PSEUDONYM}, pseudonym="Rosa")
    decision = decide(Audience.PUBLIC, [a, b], TODAY)
    assert decision.allowed
    assert decision.anonymisation == {Anonymisation.BLUR_FACES, Anonymisation.PSEUDONYM}
    assert decision.pseudonyms == {2: "Rosa"}


def test_public_name_hides_the_real_name_behind_a_pseudonym():
    person = Person(1, "María Pérez")
    records = [rec(anon={Anonymisation.PSEUDONYM}, pseudonym="Rosa")]
    assert public_name(person, records, Audience.CUSTODIAN) == "María Pérez"
    for audience in NON_CUSTODIANS:
        assert public_name(person, records, audience) == "Rosa"
    # A pseudonym on the authority record is honoured even without a consent asking.
    assert public_name(Person(2, "Juan Gómez", "Pedro"), [], Audience.RESEARCHER) == "Pedro"
    # Required but not given: anonymous (None), never the real name.
    assert public_name(person, [rec(anon={Anonymisation.PSEUDONYM})], Audience.PUBLIC) is None
