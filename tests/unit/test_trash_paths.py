"""A trashed item leaves every path out at once, for every audience, custodians included
(issue 15), and comes back whole when restored.

The archive of the paths-out tests of issue 12 (tests/unit/projection_support.py):
T2 (Pedro's testimony: "noche", subject "desplazamiento") and P1 (a photograph)
go to the trash; each path out is then read for real (stdout, files on disk,
search answers, counts) and must not offer them.
"""

from __future__ import annotations

import json

import pytest

from memoria import access, listing
from memoria.catalogue_search import catalogue_search
from memoria.cli import main
from memoria.domain.consent import Audience
from memoria.exhibits.check import check_exhibit
from memoria.exhibits.export import export_exhibit
from memoria.media.transcript_io import export_transcript
from memoria.operations import Actor, NotPermitted
from memoria.operations import items as item_ops
from memoria.operations import trash as trash_ops
from memoria.search.engine import SearchEngine
from memoria.storage import exhibits as exhibit_store
from memoria.storage.archive import Archive
from tests.unit import projection_support as ps

EVERYONE = [Audience.CUSTODIAN, Audience.CURATOR, Audience.RESEARCHER, Audience.PUBLIC]
CUSTODIAN = Actor("ana", Audience.CUSTODIAN, "en")


@pytest.fixture
def built(archive, tmp_path):
    sc = ps.build(archive, tmp_path)
    x = exhibit_store.create_exhibit(archive, "barrio", "El barrio")
    for key in ("t1", "t2", "p1"):
        exhibit_store.add_entry(archive, x, sc.items[key])
    return sc


@pytest.fixture
def engine(built):
    eng = SearchEngine(built.arch)
    eng.ensure_fresh()
    yield eng
    eng.close()


def _accession(arch: Archive, item_id: int) -> str:
    return arch.conn.execute("SELECT accession FROM items WHERE id = ?",
                             (item_id,)).fetchone()[0]


def _cli(capsys, arch: Archive, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--archive", str(arch.root), "--lang", "en"])
    out = capsys.readouterr()
    return code, out.out, out.err


def _trash(sc, engine: SearchEngine | None = None) -> list[int]:
    gone = [sc.items["t2"], sc.items["p1"]]
    trash_ops.move_to_trash(sc.arch, CUSTODIAN, gone)
    if engine is not None:
        # The index maintainer catches up from the change feed (as the window's does):
        # the trashed items' documents are rewritten as none, not merely masked.
        assert engine.ensure_fresh() == "updated 2 items"
    return gone


def test_before_trashing_every_path_offers_the_items(built, engine):
    """The control: the same reads find T2 and P1 while they are live."""
    arch, t2 = built.arch, built.items["t2"]
    for audience in EVERYONE:
        assert t2 in access.visible_item_ids(arch, audience)
        assert t2 in engine.search("noche", audience).item_ids
    assert catalogue_search(arch, "noche", Audience.PUBLIC) == [t2]


def test_a_trashed_item_leaves_every_path_out(built, engine, capsys, tmp_path):
    arch = built.arch
    gone = _trash(built, engine)
    t2, p1 = gone
    accessions = [_accession(arch, i) for i in gone]
    for audience in EVERYONE:
        # the gate: visible ids, decisions, projections
        assert not set(gone) & access.visible_item_ids(arch, audience), audience
        snapshot = access.ConsentSnapshot(arch)
        assert not snapshot.decide(t2, audience).allowed
        assert not access.decisions_for(arch, [t2], audience)[t2].allowed
        with pytest.raises(access.NotVisible):
            from memoria.projection import project

            project(arch, t2, audience)
        # the list, in every sort order, and its counts
        for sort in ("accession", "title", "date", "kind", "created", "media", "consent"):
            assert not set(gone) & set(listing.sorted_ids(arch, None, sort, False)), sort
        # search: hits, facets, suggestions (the index forgot them through the feed)
        for word in ("noche", "Pedro", "casa", "Fotografía"):
            assert not set(gone) & set(engine.search(word, audience).item_ids), (word, audience)
        facets = json.dumps(engine.facets("", audience), ensure_ascii=False)
        assert "desplazamiento" not in facets  # T2 alone carried this subject
        assert "desplazamiento" not in " ".join(engine.suggest("despl", audience))
        assert catalogue_search(arch, "noche", audience) == []
        # transcript export
        with pytest.raises(access.NotVisible):
            export_transcript(arch, t2, "vtt", audience)
        # the command line: list, search, show (text and JSON)
        for fmt in ((), ("--json",)):
            code, out, err = _cli(capsys, arch, "list", "--as", audience.value, *fmt)
            assert code == 0, err
            assert not any(a in out for a in accessions), (audience, fmt)
            code, out, err = _cli(capsys, arch, "search", "noche", "--as", audience.value,
                                  *fmt)
            assert not any(a in out for a in accessions) and "Pedro" not in out
            code, out, err = _cli(capsys, arch, "show", accessions[0], "--as",
                                  audience.value, *fmt)
            assert code == 3 and "in the trash" in err and "noche" not in out
    summary = access.ConsentSnapshot(arch).summary
    for audience in EVERYONE[1:]:
        assert sum(summary.visible_counts(audience).values()) == 2  # T1 and A1
    assert sum(summary.status_counts().values()) == 2
    assert sum(item_ops.count_by_kind(arch).values()) == 2  # the custodian's sidebar
    assert access.queue_counts(arch) == {q: 0 for q in access.QUEUES} | {
        "no_consent": 0}


def test_exports_leave_a_trashed_item_out_and_say_so(built, tmp_path):
    from memoria.trust.bag import export_bag
    from memoria.trust.edition import write_edition

    arch = built.arch
    t2, p1 = _trash(built)
    acc = _accession(arch, t2)
    # exhibit: the check flags the entries, the export leaves them out
    exhibit = exhibit_store.get_exhibit(arch, "barrio")
    checks = {c.entry.item_id: c for c in check_exhibit(arch, exhibit)}
    assert not checks[t2].allowed and "in the trash" in checks[t2].explain("en")
    assert checks[built.items["t1"]].allowed
    result = export_exhibit(arch, "barrio", tmp_path / "x")
    assert {c.entry.item_id for c in result.left_out} == {t2, p1}
    html = "".join(p.read_text("utf-8", errors="ignore")
                   for p in (tmp_path / "x").rglob("*.html"))
    assert "Pedro" not in html and "noche" not in html
    # bags, for the custodian too: skipped with the reason
    for audience in EVERYONE:
        report = export_bag(arch, [built.items["t1"], t2], tmp_path / f"bag-{audience.value}",
                            audience, lang="en")
        assert [a for a, _why in report.skipped] == [acc]
        assert "in the trash" in report.skipped[0][1]
        assert not list((tmp_path / f"bag-{audience.value}").rglob(f"{acc}*"))
    # reading-room editions hold only live items
    report = write_edition(arch, tmp_path / "edition", Audience.RESEARCHER, lang="en")
    assert acc not in report.items and _accession(arch, built.items["t1"]) in report.items


def test_restoring_brings_the_item_back_on_every_path(built, engine):
    arch = built.arch
    gone = _trash(built, engine)
    assert not set(gone) & set(engine.search("noche", Audience.RESEARCHER).item_ids)
    trash_ops.restore(arch, CUSTODIAN, gone)
    assert engine.ensure_fresh() == "updated 2 items"  # re-indexed from the feed
    for audience in EVERYONE:
        assert set(gone) <= access.visible_item_ids(arch, audience)
        assert built.items["t2"] in engine.search("noche", audience).item_ids
    assert catalogue_search(arch, "noche", Audience.PUBLIC) == [built.items["t2"]]
    exhibit = exhibit_store.get_exhibit(arch, "barrio")
    assert all(c.allowed for c in check_exhibit(arch, exhibit))


def test_only_custodians_trash_restore_or_empty(built):
    arch, t2 = built.arch, built.items["t2"]
    curator = Actor("cura", Audience.CURATOR, "es")
    for call in (lambda: trash_ops.move_to_trash(arch, curator, [t2]),
                 lambda: trash_ops.restore(arch, curator, [t2]),
                 lambda: trash_ops.empty_trash(arch, curator),
                 lambda: trash_ops.entries(arch, curator)):
        with pytest.raises(NotPermitted) as refused:
            call()
        assert "solo lo puede hacer un custodio" in str(refused.value)
    assert access.visible_item_ids(arch, Audience.CUSTODIAN) >= {t2}
