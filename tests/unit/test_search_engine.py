"""The search engine end to end: real archive, real whoosh index on disk, Spanish text.

One index is built per module (read-only tests); tests that change the
catalogue live in test_search_engine_consent / _index with their own archive.
"""

from __future__ import annotations

from datetime import date

import pytest

from memoria.domain.consent import Audience
from memoria.search.analysis import search_fold
from memoria.search.engine import FilterError, SearchEngine
from memoria.search.querylang import QuerySyntaxError
from memoria.storage.archive import Archive
from tests.unit.test_search_support import sample

C, R = Audience.CUSTODIAN, Audience.RESEARCHER


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    arch = Archive.create(tmp_path_factory.mktemp("search") / "archive")
    arch.today_override = date(2026, 6, 1)
    ids = sample(arch)
    engine = SearchEngine(arch)
    assert engine.ensure_fresh().startswith("rebuilt")
    yield engine, ids
    engine.close()
    arch.close()


def found(engine, query, audience=C, **kw) -> set[int]:
    return set(engine.search(query, audience, **kw).item_ids)


def test_accent_folding_both_ways(built):
    engine, ids = built
    assert ids["english"] in found(engine, "Medellin")
    assert found(engine, "Medellin") == found(engine, "Medellín")
    assert ids["orion"] in found(engine, "operacion orion")


def test_spanish_stemming_and_plural(built):
    engine, ids = built
    assert {ids["orion"], ids["mural"]} <= found(engine, "victima")  # víctimas, víctimas
    assert {ids["orion"], ids["withdrawn"], ids["pending"]} <= found(engine, "desplazados")
    assert ids["orion"] in found(engine, "organizaciones")  # organización


def test_english_items_stem_in_english(built):
    engine, ids = built
    assert found(engine, "kitchen") >= {ids["english"]}
    assert ids["english"] in found(engine, "organizing")  # organized


def test_ene_is_a_letter(built):
    engine, ids = built
    assert ids["orion"] in found(engine, "año")
    assert ids["orion"] not in found(engine, "=ano")  # año is not ano
    assert ids["mural"] in found(engine, "niños")
    assert engine.search("niños", C).also_searched == []
    # Typed without ñ: the ñ spelling the index holds is searched too, and said.
    res = engine.search("ninos", C)
    assert res.item_ids == [ids["mural"]] and res.also_searched == ["niños"]
    assert engine.search("ano", C).also_searched == ["año"]
    assert engine.search("=ninos", C).also_searched == []  # exact: never widened


def test_exact_word_does_not_stem(built):
    engine, ids = built
    assert found(engine, "=desplazados") == {ids["withdrawn"]}
    assert found(engine, "exacto:desplazada") == {ids["pending"]}
    assert ids["orion"] in found(engine, "=desplazadas")


def test_prefix_and_wildcard(built):
    engine, ids = built
    assert {ids["orion"], ids["english"]} <= found(engine, "organiz*")
    assert ids["orion"] in found(engine, "desplaz*")
    assert ids["orion"] in found(engine, "Medell?n")


def test_phrase_keeps_one_letter_words(built):
    engine, ids = built
    assert found(engine, '"madres y padres"') == {ids["orion"]}
    assert not found(engine, '"madres padres"')
    assert found(engine, '"casa comunal"') == {ids["orion"]}


def test_place_hierarchy(built):
    engine, ids = built
    assert ids["orion"] in found(engine, "lugar:Medellín")  # placed in Comuna 13
    assert ids["orion"] in found(engine, "Antioquia")
    assert ids["mural"] not in found(engine, "lugar:Medellín")
    assert found(engine, 'lugar:"El Salado"') == {ids["mural"]}


def test_fields_and_typed_clauses(built):
    engine, ids = built
    assert found(engine, "tipo:testimonio año:2002 Orión") == {ids["orion"]}
    assert found(engine, "tipo:fotografia") == {ids["mural"], ids["noconsent"]}
    assert ids["mural"] in found(engine, "año:1995")  # 199X overlaps 1995
    assert found(engine, "titulo:mural") == {ids["mural"]}
    assert found(engine, "idioma:en") == {ids["english"]}
    assert ids["orion"] not in found(engine, "Medellín -Orión")


def test_an_and_across_title_and_transcript_matches(built):
    engine, ids = built
    # "Testimonio" only in the title, "comunal" only in the transcript.
    assert ids["orion"] in found(engine, "testimonio comunal")


def test_malformed_query_explains(built):
    engine, _ = built
    with pytest.raises(QuerySyntaxError) as err:
        engine.search("autora:Pérez colr:rojo", C)
    assert err.value.code == "unknown_field" and err.value.position == 13
    with pytest.raises(QuerySyntaxError) as err:
        engine.search("memoria )", C)
    assert err.value.code == "stray_paren"


def test_matching_segments_with_times(built):
    engine, ids = built
    res = engine.search("Orión víctimas", C)
    [hit] = [h for h in res.hits if h.item_id == ids["orion"]]
    assert [(a, b) for _, a, b in hit.segments] == [(30_000, 44_000)]
    res = engine.search('"madres y padres"', C)
    assert [a for _, a, _ in res.hits[0].segments] == [45_000]


def test_snippets_for_visible_rows(built):
    engine, ids = built
    res = engine.search("víctimas", R)
    rows = {h.item_id: n for n, h in enumerate(res.hits)}
    [snip] = engine.snippets(res, [rows[ids["orion"]]])
    assert [snip.text[a:b] for a, b in snip.spans] == ["víctimas"]  # in the transcript
    assert "Doña Flor" in snip.text and "Luz Dary" not in snip.text
    res = engine.search("pintado", R)
    [snip] = engine.snippets(res, [0])
    assert [snip.text[a:b] for a, b in snip.spans] == ["pintado"]  # in the description


def test_sort_by_date_and_accession(built):
    engine, ids = built
    by_date = engine.search("Medellín", C, sort="date").item_ids
    assert by_date.index(ids["withdrawn"]) < by_date.index(ids["orion"])  # 1995 < 2002
    acc = engine.search("", C, sort="accession").item_ids
    assert len(acc) == 7


def test_paging_and_total(built):
    engine, _ = built
    first = engine.search("Medellín", C, page_size=2)
    second = engine.search("Medellín", C, page=1, page_size=2)
    assert first.total == second.total >= 4
    assert len(first.hits) == 2 and not set(first.item_ids) & set(second.item_ids)


def test_facets_and_combined_filters(built):
    engine, ids = built
    facets = engine.facets("Medellín", C)
    assert dict(facets["kind"]) == {"testimony": 4, "audio": 1, "photograph": 1}
    assert dict(facets["place"])["Medellín"] == 5
    assert dict(facets["consent"])["withdrawn"] == 1
    assert found(engine, "Medellín", filters={"kind": "testimony", "place": "Comuna 13"}) == {
        ids["orion"], ids["pending"]}
    assert found(engine, "", filters={"decade": "1990", "kind": "photograph"}) == {ids["mural"]}
    narrowed = engine.facets("Medellín", C, {"kind": "testimony", "consent": "pending"})
    assert dict(narrowed["kind"]) == {"testimony": 1}
    with pytest.raises(FilterError):
        engine.search("", R, filters={"consent": "withdrawn"})
    with pytest.raises(FilterError):
        engine.search("", C, filters={"colour": "red"})


def test_moments_are_where_the_words_are_said_together(archive):
    """Two words: the moments (and the snippet) are the segments where both are
    said; only when no segment holds them all, every segment with one of them."""
    from memoria.domain.model import Kind
    from tests.unit.test_search_support import _item

    item = _item(archive, Kind.TESTIMONY, "Testimonio de una mujer desplazada", segments=[
        (0, "Narradora", "Nos desplazaron del campo cuando yo era niña."),
        (10_000, "Narradora", "En Medellín vivimos primero en una pieza alquilada."),
        (20_000, "Narradora", "Los desplazados llegábamos a Medellín sin nada."),
        (30_000, "Narradora", "Muchos desplazados volvieron después."),
    ])
    engine = SearchEngine(archive)
    engine.ensure_fresh()

    def moments(query):
        res = engine.search(query, C)
        [hit] = [h for h in res.hits if h.item_id == item]
        return [start for _, start, _ in hit.segments], res

    together, res = moments("desplazados Medellín")
    assert together == [20_000]
    [snip] = engine.snippets(res, [0])
    assert [search_fold(snip.text[a:b]) for a, b in snip.spans] == ["desplazados", "medellin"]
    assert moments("desplazados niña")[0] == [0]  # desplazaron: same stem
    assert moments("desplazados")[0] == [0, 20_000, 30_000]
    assert moments("campo Medellín")[0] == [0, 10_000, 20_000]  # never said together
    assert moments("campo OR Medellín")[0] == [0, 10_000, 20_000]
    engine.close()
