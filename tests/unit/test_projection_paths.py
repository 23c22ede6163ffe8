"""Every path out, for curator, researcher and public, carries no protected name,
redacted word or embedded metadata (issue 12). Each test reads the real output
(stdout, files on disk, search answers) and looks for the canaries of
tests/unit/projection_support.py; bypassing the projection makes them fail."""

from __future__ import annotations

import json

import pytest

from memoria.catalogue_search import catalogue_search
from memoria.cli import main
from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, ConsentStatus, Scope
from memoria.exhibits.export import export_exhibit
from memoria.media.transcript_io import export_transcript
from memoria.protect import ProtectedNameFound
from memoria.search.engine import SearchEngine
from memoria.storage import authorities, consents, protections
from memoria.storage import exhibits as store
from memoria.storage.archive import Archive
from tests.unit import projection_support as ps

OUTSIDE = ("curator", "researcher", "public")


@pytest.fixture
def built(archive, tmp_path):
    return ps.build(archive, tmp_path)


def _cli(capsys, arch: Archive, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--archive", str(arch.root)])
    out = capsys.readouterr()
    return code, out.out, out.err


# -- show / list / search on the command line -------------------------------------
@pytest.mark.parametrize("audience", OUTSIDE)
def test_show_and_list_in_text_and_json(built, capsys, audience):
    arch = built.arch
    for key in built.items:
        accession = arch.conn.execute("SELECT accession FROM items WHERE id = ?",
                                      (built.items[key],)).fetchone()[0]
        for fmt in ((), ("--json",)):
            code, out, err = _cli(capsys, arch, "show", accession, "--as", audience, *fmt)
            assert code == 0, err
            assert ps.leaks(out) == [], (key, fmt)
    code, out, _ = _cli(capsys, arch, "show", "2", "--as", audience, "--json")
    data = json.loads(out)["item"]
    assert f"familia {ps.PSEUDONYM}" in data["subjects"]
    assert data["segments"][0]["keywords"] == f"{ps.PSEUDONYM}; desplazamiento"
    for fmt in ((), ("--json",)):
        code, out, _ = _cli(capsys, arch, "list", "--as", audience, *fmt)
        assert code == 0 and ps.leaks(out) == []


def test_the_custodian_still_reads_everything(built, capsys):
    code, out, _ = _cli(capsys, built.arch, "show", "3", "--json")
    media = json.loads(out)["item"]["media"][0]
    assert media["technical"]["camera_make"] == "Canon"
    assert "Quinteros" in _cli(capsys, built.arch, "show", "2")[1]


@pytest.mark.parametrize("audience", OUTSIDE)
def test_search_json_snippets_and_facets(built, capsys, audience):
    arch = built.arch
    for query in ("noche", "barrio", "Flor", "familia", "desplazamiento", "cancha", "casa"):
        code, out, err = _cli(capsys, arch, "search", query, "--as", audience, "--json",
                              "--facets")
        assert code == 0, err
        assert ps.leaks(out) == [], query
    code, out, _ = _cli(capsys, arch, "search", "noche", "--as", audience, "--json")
    found = json.loads(out)
    assert found["count"] == 1 and ps.PSEUDONYM in found["items"][0]["snippet"]["text"]


# -- the index itself, facets, suggestions ----------------------------------------
@pytest.fixture
def engine(built):
    eng = SearchEngine(built.arch)
    eng.ensure_fresh()
    yield eng
    eng.close()


@pytest.mark.parametrize("audience", [Audience(a) for a in OUTSIDE])
def test_the_index_holds_no_protected_or_redacted_word_for_outsiders(built, engine, audience):
    for word in ("Quintero", "Quinteros", "Rosita", "Munoz", "Camilo", "Mono", "Siete"):
        assert engine.search(word, audience).total == 0, word
    assert engine.search('"Flor Morada"', audience).total == 2  # T1 and the neighbour's T2
    facets = json.dumps(engine.facets("", audience), ensure_ascii=False)
    assert ps.leaks(facets) == [] and f"familia {ps.PSEUDONYM}" in facets
    for prefix in ("Q", "Ro", "fam", "Ca", "Mu", "Fl"):
        assert ps.leaks(" ".join(engine.suggest(prefix, audience))) == [], prefix
    results = engine.search("barrio OR noche OR cuidaba", audience)
    snippets = engine.snippets(results, range(len(results.hits)))
    assert ps.leaks(" ".join(s.text for s in snippets if s)) == []


def test_custodians_find_the_real_names_and_the_redacted_word(built, engine):
    for word in ("Quinteros", "Rosita", "Siete", "Camilo"):
        assert engine.search(word, Audience.CUSTODIAN).total >= 1, word


def test_a_consent_recorded_later_reindexes_the_neighbours_testimony(built, engine):
    arch = built.arch
    pedro = built.people["pedro"]
    assert engine.search("Pedro", Audience.RESEARCHER).total == 1
    consents.record_consent(arch, pedro, [built.items["t2"]], consents.ConsentTerms(
        status=ConsentStatus.GRANTED, scopes=set(ps.ALL_SCOPES),
        anonymisation={Anonymisation.PSEUDONYM}, pseudonym="Vecino Uno"))
    engine.ensure_fresh()
    assert engine.search("Pedro", Audience.RESEARCHER).total == 0
    assert engine.search('"Vecino Uno"', Audience.RESEARCHER).total == 1


def test_a_custodians_new_protection_reaches_an_item_not_linked_to_the_person(built, engine):
    arch = built.arch
    someone = authorities.add_person(arch, "Gilberto Arango")  # linked to nothing
    arch.conn.execute("UPDATE segments SET text = text || ' Gilberto Arango lo vio.'"
                      " WHERE item_id = ? AND position = 0", (built.items["t2"],))
    arch.touch(built.items["t2"])
    engine.ensure_fresh()
    assert engine.search("Arango", Audience.PUBLIC).total == 1
    protections.protect_person(arch, someone.id, "un testigo")
    engine.ensure_fresh()
    assert engine.search("Arango", Audience.PUBLIC).total == 0
    assert engine.search("testigo", Audience.PUBLIC).total == 1


@pytest.mark.parametrize("audience", [Audience(a) for a in OUTSIDE])
def test_the_catalogue_fallback_search(built, audience):
    arch = built.arch
    for word in ("Quintero", "Quinteros", "Rosita", "Munoz", "Camilo", "Siete", "Canon"):
        assert catalogue_search(arch, word, audience) == [], word
    assert set(catalogue_search(arch, "Morada", audience)) == {built.items["t1"],
                                                               built.items["t2"]}
    assert catalogue_search(arch, "Quinteros", Audience.CUSTODIAN) == [built.items["t2"]]


# -- transcript export -------------------------------------------------------------
@pytest.mark.parametrize("audience", [Audience(a) for a in OUTSIDE])
@pytest.mark.parametrize("fmt", ["vtt", "srt", "ohms"])
def test_transcript_exports(built, audience, fmt):
    for key in ("t1", "t2"):
        text, _ = export_transcript(built.arch, built.items[key], fmt, audience)
        assert ps.leaks(text) == [], (key, fmt)
    text, _ = export_transcript(built.arch, built.items["t2"], fmt, audience)
    assert ps.PSEUDONYM in text
    if fmt == "ohms":
        assert f"{ps.PSEUDONYM}; desplazamiento" in text


def test_transcript_export_on_the_command_line_and_its_guard(built, capsys, tmp_path):
    dest = tmp_path / "t2.vtt"
    code, _, err = _cli(capsys, built.arch, "transcript", "export", "2", str(dest),
                        "--as", "researcher")
    assert code == 0, err
    assert ps.leaks(dest.read_text("utf-8")) == []


# -- exhibits ----------------------------------------------------------------------
def test_exhibit_html_and_manifest(built, tmp_path):
    arch = built.arch
    x = store.create_exhibit(arch, "barrio", "El barrio de los Quinteros",
                             intro="Recordamos a doña Rosita Quintero y a Camilo Restrepo.")
    for key in ("t1", "t2", "p1"):
        store.add_entry(arch, x, built.items[key], caption="Con la familia Quintero")
    out = tmp_path / "barrio"
    result = export_exhibit(arch, "barrio", out)
    assert len(result.exported) == 3
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            text = data.decode("utf-8", errors="ignore") + data.decode("latin-1")
            assert ps.leaks(text) == [], path.name
    index = (out / "index.html").read_text("utf-8")
    assert f"El barrio de los {ps.PSEUDONYM}" in index


def test_exhibit_guard_refuses_a_name_the_replacement_missed(built, tmp_path, monkeypatch):
    from memoria.exhibits import export as export_module

    arch = built.arch
    x = store.create_exhibit(arch, "vecinos", "Vecinos")
    store.add_entry(arch, x, built.items["t2"], caption="La familia Quintero")
    # A writer that forgot to replace (a bug): the last guard must stop the export.
    monkeypatch.setattr(export_module.Protector, "replace", lambda self, text: text)
    with pytest.raises(export_module.ExportError) as refused:
        export_exhibit(arch, "vecinos", tmp_path / "vecinos")
    assert "Quintero" not in str(refused.value)
    assert not (tmp_path / "vecinos").exists()


def test_the_guard_names_the_transcript_file(built, monkeypatch):
    from memoria import projection

    monkeypatch.setattr(projection.Protector, "replace", lambda self, text: text)
    with pytest.raises(ProtectedNameFound) as refused:
        export_transcript(built.arch, built.items["t2"], "vtt", Audience.PUBLIC,
                          what="vecino.vtt")
    assert "vecino.vtt" in str(refused.value) and "Quintero" not in str(refused.value)


def test_the_scope_decides_and_the_projection_still_applies(built):
    from memoria.projection import project

    p = project(built.arch, built.items["t2"], Audience.PUBLIC, Scope.PUBLICATION_ONLINE)
    assert ps.leaks(" ".join(p.texts())) == []


# -- bags ---------------------------------------------------------------------------
@pytest.mark.parametrize("audience", [Audience(a) for a in OUTSIDE])
def test_bag_metadata_and_files(built, tmp_path, audience):
    from memoria.trust.bag import export_bag

    dest = tmp_path / f"bag-{audience.value}"
    report = export_bag(built.arch, sorted(built.items.values()), dest, audience)
    assert len(report.exported) == 4
    for path in dest.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            text = data.decode("utf-8", errors="ignore") + data.decode("latin-1")
            assert ps.leaks(text) == [], path.name
    t2 = json.loads(next(dest.rglob("T-*0002*/metadata.json")).read_text("utf-8"))
    assert f"familia {ps.PSEUDONYM}" in t2["subjects"]


def test_bag_guard_refuses_naming_the_file(built, tmp_path, monkeypatch):
    from memoria import projection
    from memoria.trust.bag import export_bag

    monkeypatch.setattr(projection.Protector, "replace", lambda self, text: text)
    with pytest.raises(ProtectedNameFound) as refused:
        export_bag(built.arch, [built.items["t2"]], tmp_path / "bag", Audience.RESEARCHER)
    assert "T-2026-0002/" in str(refused.value) and "Quintero" not in str(refused.value)
    assert not (tmp_path / "bag").exists()


def test_a_pseudonym_on_the_person_record_reindexes_mentions_elsewhere(built, engine):
    arch = built.arch
    child = authorities.get_person(arch, built.people["child"])
    protections.unprotect(arch, next(p.id for p in protections.all_protections(arch)
                                     if p.person_id == child.id))
    engine.ensure_fresh()
    assert engine.search("Restrepo", Audience.RESEARCHER).total == 1
    authorities.update_person(arch, child.id, name=child.name, pseudonym="Juanito")
    engine.ensure_fresh()
    assert engine.search("Restrepo", Audience.RESEARCHER).total == 0
    assert engine.search("Juanito", Audience.RESEARCHER).total == 1


def test_a_curators_show_names_the_exhibits_without_protected_names(built, capsys):
    arch = built.arch
    x = store.create_exhibit(arch, "quinteros", "Los Quinteros del barrio")
    store.add_entry(arch, x, built.items["t2"])
    code, out, err = _cli(capsys, arch, "show", "2", "--as", "curator", "--json")
    assert code == 0, err
    assert json.loads(out)["item"]["exhibits"][0]["title"] == f"Los {ps.PSEUDONYM} del barrio"


@pytest.mark.parametrize("audience", OUTSIDE)
def test_a_place_path_in_json_replaces_protected_names(built, audience):
    """The JSON place path is read from the place authority: it must go out renamed
    like the place itself (a farm or a street named after a protected person)."""
    from memoria.access import ConsentSnapshot
    from memoria.domain.model import PlaceKind
    from memoria.jsonview import item_dict
    from memoria.projection import project
    from memoria.storage.db import transaction

    arch = built.arch
    town = authorities.add_place(arch, "Granada", PlaceKind.MUNICIPALITY)
    farm = authorities.add_place(arch, f"Finca {ps.NICKNAME}", PlaceKind.VEREDA, town.id)
    item_id = built.items[sorted(built.items)[0]]
    with transaction(arch.conn):
        arch.conn.execute("INSERT INTO item_places VALUES (?, ?)", (item_id, farm.id))
    view = project(arch, item_id, Audience(audience))
    data = item_dict(arch, view, ConsentSnapshot(arch))
    assert ps.leaks(json.dumps(data, ensure_ascii=False)) == []
    assert any(p["path"].startswith("Granada > Finca") for p in data["places"])


def test_place_paths_in_the_index_and_facets_replace_protected_names(built):
    from memoria.domain.model import PlaceKind
    from memoria.storage.db import transaction

    arch = built.arch
    town = authorities.add_place(arch, "Granada", PlaceKind.MUNICIPALITY)
    farm = authorities.add_place(arch, f"Finca {ps.NICKNAME}", PlaceKind.VEREDA, town.id)
    item_id = built.items[sorted(built.items)[0]]
    with transaction(arch.conn):
        arch.conn.execute("INSERT INTO item_places VALUES (?, ?)", (item_id, farm.id))
    engine = SearchEngine(arch)
    try:
        engine.ensure_fresh()
        assert item_id in engine.search("Finca", Audience.CUSTODIAN).item_ids
        assert item_id in engine.search("Mono", Audience.CUSTODIAN).item_ids
        seen = [a for a in (Audience.CURATOR, Audience.RESEARCHER, Audience.PUBLIC)
                if item_id in engine.search("Finca", a).item_ids]
        assert seen  # the item is open to someone outside custody
        for audience in seen:
            assert item_id not in engine.search("Mono", audience).item_ids, audience
            facets = engine.facets("Finca", audience)
            assert ps.leaks(json.dumps(facets, ensure_ascii=False)) == [], audience
    finally:
        engine.close()
