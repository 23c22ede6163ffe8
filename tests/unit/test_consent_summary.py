"""The stored consent summary always agrees with the consent rules.

The summary is derived data kept by the store; these tests compare it, item by
item and audience by audience, with `consent.decide` / `consent.badge` over the
records themselves, through grants, withdrawals, embargo reviews and
supersessions, and with "today" moving across embargo end dates.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from memoria import access, listing
from memoria.demo import build_demo
from memoria.domain.consent import Audience, applicable_to_item, badge, decide
from memoria.domain.model import ConsentStatus, Kind, Scope
from memoria.storage import consent_summary
from memoria.storage import consents as consent_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive

AUDIENCES = (Audience.CURATOR, Audience.RESEARCHER, Audience.PUBLIC)


def _expected(archive: Archive, today: date) -> dict[int, tuple[str, dict[Audience, bool]]]:
    """What the rules say, straight from the records (no summary involved)."""
    out = {}
    for item_id in item_store.list_item_ids(archive):
        records = applicable_to_item(consent_store.records_for_item(archive, item_id), item_id)
        out[item_id] = (badge(records, today),
                        {a: decide(a, records, today).allowed for a in AUDIENCES})
    return out


def _assert_agrees(archive: Archive, today: date) -> None:
    archive.today_override = today
    expected = _expected(archive, today)
    snap = access.ConsentSnapshot(archive)
    for item_id, (status, _allowed) in expected.items():
        assert snap.status(item_id) == status, (item_id, today)
    for audience in AUDIENCES:
        wanted = {i for i, (_s, allowed) in expected.items() if allowed[audience]}
        assert access.visible_item_ids(archive, audience) == wanted, (audience, today)
        counts = snap.summary.visible_counts(audience)
        kinds = {i: item_store.get_item(archive, i).kind.value for i in expected}
        for kind in Kind:
            assert counts.get(kind.value, 0) == sum(1 for i in wanted if kinds[i] == kind.value)
    statuses = snap.summary.status_counts()
    for status in {s for s, _a in expected.values()}:
        assert statuses.get(status, 0) == sum(1 for s, _a in expected.values() if s == status)
    for queue, status in access.QUEUE_STATUS.items():
        assert access.queue_item_ids(archive, queue, snap) == [
            i for i in item_store.list_item_ids(archive) if expected[i][0] == status]
    # The consent sort agrees with a Python sort over the rules' badges.
    order = {s: n for n, s in enumerate(listing.STATUS_ORDER)}
    by_accession = item_store.list_item_ids(archive)
    for descending in (False, True):
        assert listing.sorted_ids(archive, None, "consent", descending, snap) == sorted(
            by_accession, key=lambda i: order[expected[i][0]], reverse=descending)
    # Stored rows alone (no Python patching) agree on every day they claim to hold.
    for item_id, status, valid_from, valid_until in archive.conn.execute(
        "SELECT item_id, status, valid_from, valid_until FROM consent_summary"
    ):
        day = today.isoformat()
        if (valid_from is None or valid_from <= day) and (valid_until is None or day < valid_until):
            assert status == expected[item_id][0]


@pytest.fixture()
def demo(tmp_path):
    path = tmp_path / "archivo"
    build_demo(path)
    arch = Archive.open(path, writable=True)
    yield arch
    arch.close()


def test_summary_is_built_on_open_and_agrees(demo):
    assert consent_summary.is_built(demo)
    _assert_agrees(demo, date.today())


def test_summary_follows_every_kind_of_consent_change(demo):
    today = date(2026, 11, 22)
    demo.today_override = today
    ids = item_store.list_item_ids(demo)
    person = demo.conn.execute("SELECT id FROM people ORDER BY id LIMIT 1").fetchone()[0]
    # A grant with an embargo ending soon, over two items (supersedes older records).
    granted = consent_store.record_consent(demo, person, ids[:2], consent_store.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.INTERNAL, Scope.RESEARCH, Scope.EXHIBITION},
        embargo_until=today + timedelta(days=10)))
    _assert_agrees(demo, today)
    # A plain grant on another item, then its withdrawal.
    other = consent_store.record_consent(demo, person, [ids[3]], consent_store.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.INTERNAL, Scope.RESEARCH}))
    _assert_agrees(demo, today)
    consent_store.withdraw(demo, other, "La persona pidió retirar su testimonio.")
    _assert_agrees(demo, today)
    # Today passes the embargo end: embargoed becomes "review" with no write at all.
    later = today + timedelta(days=11)
    _assert_agrees(demo, later)
    # And looking back at an earlier day (a review tool) is right too.
    _assert_agrees(demo, today - timedelta(days=400))
    # A person reviews the ended embargo: the store updates the summary.
    demo.today_override = later
    consent_store.review_embargo(demo, granted, "Revisado con la familia.")
    _assert_agrees(demo, later)
    # A new record supersedes the reviewed one (restricted: curators only).
    consent_store.record_consent(demo, person, ids[:2], consent_store.ConsentTerms(
        ConsentStatus.RESTRICTED, {Scope.INTERNAL}))
    _assert_agrees(demo, later)
    # Segment-only records leave the whole-item summary as the rules say.
    _assert_agrees(demo, later + timedelta(days=3650))


def test_every_demo_item_on_many_days(demo):
    """Every item of the demo archive, on days around every embargo end date."""
    ends = {r[0] for r in demo.conn.execute(
        "SELECT DISTINCT embargo_until FROM consents WHERE embargo_until IS NOT NULL")}
    days = {date.today()}
    for end in ends:
        d = date.fromisoformat(end)
        days |= {d - timedelta(days=1), d, d + timedelta(days=1)}
    for day in sorted(days):
        _assert_agrees(demo, day)


def test_writable_open_refreshes_rows_past_their_date(tmp_path):
    path = tmp_path / "archivo"
    build_demo(path)
    with Archive.open(path, writable=True) as arch:
        far = date.today() + timedelta(days=365 * 40)
        arch.today_override = far
        assert consent_summary.stale_ids(arch, far)  # the demo has running embargoes
        consent_summary.ensure(arch)
        assert consent_summary.stale_ids(arch, far) == []
        _assert_agrees(arch, far)


def test_many_status_lookups_switch_to_one_bulk_read(demo, monkeypatch):
    monkeypatch.setattr(consent_summary, "_SINGLE_LOOKUPS", 3)
    demo.today_override = date.today()
    expected = _expected(demo, date.today())
    snap = access.ConsentSnapshot(demo)
    for _round in range(2):
        for item_id, (status, _allowed) in expected.items():
            assert snap.status(item_id) == status
    assert snap.summary._all is not None  # noqa: SLF001


def test_decisions_for_many_items_are_the_decisions_for_each(demo):
    """The batched read a search re-checks its hits with gives, for every demo item
    and audience, the decision read item by item (withdrawn, embargoed, pending and
    segment-only consents included in the demo)."""
    ids = item_store.list_item_ids(demo)
    for audience in (Audience.CUSTODIAN, *AUDIENCES):
        batch = access.decisions_for(demo, [*ids, ids[0]], audience)  # a repeat is harmless
        assert batch.keys() == set(ids)
        for item_id in ids:
            assert batch[item_id] == access.decision_for(demo, item_id, audience), item_id
        assert any(d.allowed for d in batch.values())
        if audience is not Audience.CUSTODIAN:
            assert not all(d.allowed for d in batch.values())
