"""Search answers for the audience that asks: results, counts, facets, snippets,
suggestions; withdrawal reflected at once; pseudonyms never undone."""

from __future__ import annotations

import time
from datetime import date

import pytest

from memoria.domain.consent import Audience
from memoria.projection import project
from memoria.search.engine import SearchEngine
from memoria.storage import consents
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from tests.unit.test_search_support import sample

C, CU, R, P = Audience.CUSTODIAN, Audience.CURATOR, Audience.RESEARCHER, Audience.PUBLIC


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    arch = Archive.create(tmp_path_factory.mktemp("consent") / "archive")
    arch.today_override = date(2026, 6, 1)
    ids = sample(arch)
    engine = SearchEngine(arch)
    engine.ensure_fresh()
    yield engine, ids
    engine.close()
    arch.close()


def test_each_audience_sees_only_what_consent_opens(built):
    engine, ids = built
    everything = set(engine.search("", C).item_ids)
    assert len(everything) == 7
    expected = {
        CU: {ids["orion"], ids["mural"], ids["english"], ids["internal"]},
        R: {ids["orion"], ids["mural"], ids["english"]},
        P: {ids["orion"], ids["mural"], ids["english"]},
    }
    for audience, allowed in expected.items():
        assert set(engine.search("", audience).item_ids) == allowed, audience
        assert set(engine.search("Medellín", audience).item_ids) <= allowed
        total = engine.search("", audience).total
        assert total == len(allowed)


def test_hidden_items_leave_no_trace_in_counts_facets_or_suggestions(built):
    engine, ids = built
    res = engine.search("desplazados", R)
    assert res.item_ids == [ids["orion"]] and res.total == 1
    facets = engine.facets("", R)
    assert "consent" not in facets
    people = dict(facets["person"])
    assert "Carlos Mejía" not in people and "Pedro Gómez" not in people
    assert "Rosa Cañas" not in people and "Luz Dary Restrepo" not in people
    assert dict(facets["kind"]) == {"testimony": 2, "photograph": 1}
    assert not any("Carlos" in s for s in engine.suggest("car", R))
    assert engine.suggest("marc", R) == [] and engine.suggest("marc", CU) == ["marchas"]


def test_facets_after_a_custodians_search_count_only_what_the_next_audience_sees(built):
    """The facet counters reuse the matches of the search just made; consent is
    applied anew, so a custodian's search never widens a researcher's counts."""
    engine, ids = built
    custodian = engine.search("desplazados", C)
    assert {ids["orion"], ids["withdrawn"], ids["pending"]} <= set(custodian.item_ids)
    after = engine.facets("desplazados", R)
    assert dict(after["kind"]) == {"testimony": 1}  # orion only
    assert "consent" not in after
    fresh = SearchEngine(engine.archive)
    try:
        assert fresh.facets("desplazados", R) == after
        assert engine.facets("desplazados", C) == fresh.facets("desplazados", C)
    finally:
        fresh.close()


def test_real_name_behind_a_pseudonym_finds_nothing(built):
    engine, ids = built
    for query in ("Luz Dary", "Restrepo", "persona:Restrepo", '"Luz Dary Restrepo"', "Restr*"):
        for audience in (CU, R, P):
            assert engine.search(query, audience).item_ids == [], (query, audience)
    assert engine.search("Restrepo", C).item_ids == [ids["orion"]]
    assert engine.search("Doña Flor", R).item_ids == [ids["orion"]]
    assert engine.suggest("luz", R) == [] and engine.suggest("doña", R) == ["Doña Flor"]
    assert engine.suggest("luz", C) == ["Luz Dary Restrepo"]
    res = engine.search("llegué barrio", R)
    snippets = engine.snippets(res, range(len(res.hits)))
    assert all("Luz" not in s.text and "Restrepo" not in s.text for s in snippets)
    assert any("Doña Flor" in s.text for s in snippets)


def test_internal_notes_are_custodian_only(built):
    engine, ids = built
    assert engine.search("cancha", C).item_ids == [ids["orion"]]
    for audience in (CU, R, P):
        assert engine.search("cancha", audience).item_ids == []
        assert engine.search("nota:cancha", audience).item_ids == []


def test_views_are_equal_across_audiences_without_segment_consent(built):
    """documents.py shares one view among audiences: this must stay true."""
    engine, ids = built
    arch = engine.archive
    views = {a: project(arch, ids["orion"], a) for a in (CU, R, P)}
    first = views[CU]
    for view in views.values():
        assert (view.item.title, view.item.description, view.segments, view.item.people) == (
            first.item.title, first.item.description, first.segments, first.item.people)


def test_withdrawal_is_searchable_within_a_second(archive):
    archive.today_override = date(2026, 6, 1)
    ids = sample(archive)
    engine = SearchEngine(archive)
    engine.ensure_fresh()
    assert ids["orion"] in engine.search("Orión", R).item_ids
    assert dict(engine.facets("", R)["kind"])["testimony"] == 2
    started = time.perf_counter()
    consents.withdraw(archive, ids["c_orion"], "la narradora lo pidió")
    engine.update_items([ids["orion"]])
    gone = engine.search("Orión", R).item_ids
    elapsed = time.perf_counter() - started
    assert ids["orion"] not in gone
    assert elapsed < 1.0, elapsed
    assert dict(engine.facets("", R)["kind"])["testimony"] == 1
    assert engine.suggest("doña", R) == []
    assert ids["orion"] in engine.search("Orión", C).item_ids  # custodians still find it
    engine.close()


def test_stale_items_are_masked_even_without_update(archive):
    """A save the UI forgot to report: the search catches up or hides the item."""
    archive.today_override = date(2026, 6, 1)
    ids = sample(archive)
    engine = SearchEngine(archive)
    engine.ensure_fresh()
    consents.withdraw(archive, ids["c_orion"], "retiro")
    assert ids["orion"] not in engine.search("Orión", R).item_ids
    assert ids["orion"] not in dict.fromkeys(
        h.item_id for h in engine.search("", R).hits)
    engine.close()


def test_edit_is_searchable_after_update(archive):
    archive.today_override = date(2026, 6, 1)
    ids = sample(archive)
    engine = SearchEngine(archive)
    engine.ensure_fresh()
    fields = item_store.ItemFields.from_item(item_store.get_item(archive, ids["mural"]))
    fields.title = "Mural de los girasoles"
    started = time.perf_counter()
    item_store.update_item(archive, ids["mural"], fields)
    engine.update_items([ids["mural"]])
    assert engine.search("girasoles", R).item_ids == [ids["mural"]]
    assert time.perf_counter() - started < 1.0
    engine.close()


def test_recheck_sees_a_withdrawal_written_past_the_gate(archive):
    """The re-check behind the index remembers decisions between searches; a
    consent changed in the catalogue by another connection, without a word to
    the change feed (so the index cannot know), must still end the next search's
    hit: what is remembered never outlives a commit."""
    import sqlite3

    from memoria.storage import db

    archive.today_override = date(2026, 6, 1)
    ids = sample(archive)
    engine = SearchEngine(archive)
    engine.ensure_fresh()
    for _ in range(2):  # the second search answers from what the first decided
        assert ids["orion"] in engine.search("Orión", R).item_ids
    generation = archive.generation()
    other = sqlite3.connect(archive.root / db.CATALOGUE)
    with other:
        other.execute("UPDATE consents SET status = 'withdrawn' WHERE id = ?", (ids["c_orion"],))
    other.close()
    assert archive.generation() == generation  # the change feed heard nothing
    assert ids["orion"] not in engine.search("Orión", R).item_ids
    assert ids["orion"] not in engine.search("", R, page_size=5000).item_ids
    assert ids["orion"] in engine.search("Orión", C).item_ids
    engine.close()


def test_remembered_decisions_follow_the_day(archive):
    """A remembered decision is for one day: an embargo that ends overnight
    changes it without any write to the catalogue."""
    from memoria import access
    from memoria.domain.model import ConsentStatus, Scope
    from memoria.storage.consents import ConsentTerms

    archive.today_override = date(2026, 6, 1)
    ids = sample(archive)
    person = archive.conn.execute("SELECT id FROM people LIMIT 1").fetchone()[0]
    embargoed = ids["noconsent"]
    consents.record_consent(archive, person, [embargoed], ConsentTerms(
        ConsentStatus.GRANTED, set(Scope), embargo_until=date(2026, 6, 10)))
    memo = access.DecisionMemo()
    before = memo.decisions_for(archive, [embargoed], R)[embargoed]
    assert "embargoed" in {r.value for r in before.refusals}
    assert memo.decisions_for(archive, [embargoed], R)[embargoed] == before
    archive.today_override = date(2026, 6, 11)  # embargo over: now it waits for review
    after = memo.decisions_for(archive, [embargoed], R)[embargoed]
    assert after == access.decisions_for(archive, [embargoed], R)[embargoed] != before
    archive.today_override = date(2026, 6, 1)
    assert memo.decisions_for(archive, [embargoed], R)[embargoed] == before


def test_a_full_decision_memo_starts_again_and_answers_the_same(archive, monkeypatch):
    from memoria import access

    archive.today_override = date(2026, 6, 1)
    sample(archive)
    every = [row[0] for row in archive.conn.execute("SELECT id FROM items ORDER BY id")]
    truth = access.decisions_for(archive, every, R)
    monkeypatch.setattr(access, "DECISION_MEMO_MAX", 3)
    memo = access.DecisionMemo()
    for start in range(len(every)):
        window = every[start:start + 3]
        assert memo.decisions_for(archive, window, R) == {i: truth[i] for i in window}
        assert len(memo._by_audience[R]) <= 3


def test_decisions_read_inside_an_open_transaction_are_not_remembered(archive):
    """A consent changed in a transaction that is then rolled back: the memo
    must not keep what it read before the rollback."""
    from memoria import access

    archive.today_override = date(2026, 6, 1)
    ids = sample(archive)
    memo = access.DecisionMemo()
    orion = ids["orion"]
    archive.conn.execute("BEGIN")
    archive.conn.execute("UPDATE consents SET status = 'withdrawn' WHERE id = ?",
                         (ids["c_orion"],))
    assert archive.conn.in_transaction
    assert not memo.decisions_for(archive, [orion], R)[orion].allowed
    archive.conn.execute("ROLLBACK")
    assert memo.decisions_for(archive, [orion], R)[orion].allowed
