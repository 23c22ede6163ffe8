"""The search-box language and snippets, against a real whoosh index on disk."""

from __future__ import annotations

import pytest
from whoosh import index
from whoosh import query as Q

from memoria.search.analysis import search_fold
from memoria.search.querylang import (
    QueryParser,
    QuerySyntaxError,
    SearchFields,
    build_schema,
    parse_query,
)
from memoria.search.snippets import Snippet, make_snippet, snippets_for_hits

F = SearchFields()

ITEMS = [
    dict(doc_id="t1", accession="MEM-T-2019-00001", kind="testimony", language="es",
         title="Testimonio de Luz Dary sobre la Operación Orión",
         description="Testimonio ficticio. Desplazamiento forzado en Las Independencias.",
         text="En octubre del año 2002 subieron los helicópteros. Nos tocó salir desplazados "
              "con los niños, y mi compañera se quedó escondida en la casa de una vecina.",
         people=["Luz Dary Restrepo Gómez", "Jhon Jairo Muñoz"],
         places=["Las Independencias", "Comuna 13 San Javier", "Medellín"],
         subjects=["Operación Orión", "desplazamiento forzado"],
         year=2002, date_start=20021016, date_end=20021017),
    dict(doc_id="t2", accession="MEM-T-2021-00002", kind="testimony", language="es",
         title="Memorias de El Salado",
         description="Testimonio ficticio. Madres buscadoras y arte urbano.",
         text="Las madres y padres de los desaparecidos pintamos murales. La organización "
              "de mujeres nos mantuvo; las organizaciones de víctimas nos dieron la mano.",
         people=["Gloria Inés Zapata"], places=["El Salado", "Medellín"],
         subjects=["madres buscadoras", "arte urbano", "memoria"],
         year=1990, date_start=19900101, date_end=19991231),  # "199X"
    dict(doc_id="t3", accession="MEM-T-2020-00003", kind="testimony", language="en",
         title="Memories of San Javier",
         description="Fictional testimony. Displacement and hip hop.",
         text="We were displaced from the hills; my brother started rapping in Medellín.",
         people=["Carlos Mario Vélez"], places=["San Javier", "Medellín"],
         subjects=["hip hop", "resistencia"],
         year=1985, date_start=19850101, date_end=19911231),  # "1985/1991"
    dict(doc_id="p1", accession="MEM-F-2018-00004", kind="photograph", language="es",
         title="Fotografía de un mural en el 20 de Julio",
         description="Mural de memoria pintado por jóvenes. Hace un año.",
         people=["Juan David Ospina"], places=["20 de Julio", "Medellín"],
         subjects=["grafiti", "memoria"], year=2015, date_start=20150301, date_end=20150331),
    dict(doc_id="a1", accession="MEM-A-2017-00005", kind="audio", language="es",
         title="Canción del ano viejo", description="Grabación de una fiesta de diciembre.",
         people=["Rosa Elena Cardona"], places=["Medellín"], subjects=["música"],
         year=1998, date_start=19981231, date_end=19981231),
]


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    path = tmp_path_factory.mktemp("index")
    ix = index.create_in(str(path), build_schema())
    with ix.writer() as w:
        for item in ITEMS:
            values = dict(item)
            w.add_document(**F.document(values, values["language"]))
    return ix


def find(ix, text: str) -> set[str]:
    with ix.searcher() as s:
        return {h["doc_id"] for h in s.search(parse_query(text), limit=None)}


# ------------------------------------------------------------ finding things


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medellin", {"t1", "t2", "t3", "p1", "a1"}),
        ("desplazada", {"t1"}),  # t3 is English: "displaced" is no Spanish form
        ("organizacion victimas", {"t2"}),
        ("helicopteros niños", {"t1"}),
        ("año", {"t1", "p1"}),
        ("ano", {"a1"}),
        ("ninos", set()),  # ñ spellings only through the engine (audience checked)
        ("madres OR rapping", {"t2", "t3"}),
        ("memoria -grafiti", {"t2"}),
        ("memoria NOT grafiti", {"t2"}),
        ("(mural OR murales) -testimonio", {"p1"}),
        ('"madres y padres"', {"t2"}),
        ('"madres padres"', set()),
        ('"salir desplazados con los niños"', {"t1"}),
        ('"helicópteros desplazados"~4', {"t1"}),
        ("desplaz*", {"t1"}),
        ("indep*", {"t1"}),
        ("mur?les", {"t2"}),
        ("=desplazados", {"t1"}),
        ("=desplazada", set()),
        ("exacto:desplazados", {"t1"}),
        ("Medelin~", {"t1", "t2", "t3", "p1", "a1"}),
        ("organisacion~", {"t2"}),
        ("displacement", {"t3"}),
        ("la madre de los murales", {"t2"}),
        ("mem-t-2019-00001", {"t1"}),
    ],
)
def test_search_box(ix, text, expected):
    assert find(ix, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("titulo:Orion", {"t1"}),
        ("title:Orión", {"t1"}),
        ("título:memorias", {"t2"}),  # t3's "Memories" is English: stems differ
        ("persona:Muñoz", {"t1"}),
        ("person:muñoz", {"t1"}),
        ("persona:munoz", set()),  # ñ is a letter of its own
        ('lugar:"El Salado"', {"t2"}),
        ("place:(Salado OR Independencias)", {"t1", "t2"}),
        ("tema:desplazamiento", {"t1"}),
        ("subject:buscadoras", {"t2"}),
        ("tipo:testimonio", {"t1", "t2", "t3"}),
        ("kind:photograph", {"p1"}),
        ("tipo:fotografía", {"p1"}),
        ("tipo:audio", {"a1"}),
        ("idioma:inglés", {"t3"}),
        ("language:en", {"t3"}),
        ("año:2002", {"t1"}),
        ("año:1995", {"t2"}),  # dated "199X": may be from 1995
        ("year:1988", {"t3"}),  # dated "1985/1991"
        ("año:1985..1991", {"t2", "t3"}),
        ("año:[1985 TO 1991]", {"t2", "t3"}),
        ("año:[2000 TO]", {"t1", "p1"}),
        ("año:..1989", {"t3"}),
        ("año:199X", {"t2", "t3", "a1"}),
        ("fecha:2002-10", {"t1"}),
        ("fecha:2002-10-16", {"t1"}),
        ("date:2015-04", set()),
        ("tipo:testimonio año:2002", {"t1"}),
        ("signatura:MEM-F-2018-00004", {"p1"}),
        ("accession:mem-a*", {"a1"}),
    ],
)
def test_fields(ix, text, expected):
    assert find(ix, text) == expected


def test_spanish_and_english_field_names_give_the_same_query():
    pairs = [("titulo:casa", "title:casa"), ("persona:Ana", "person:Ana"),
             ("lugar:Salado", "place:Salado"), ("tema:memoria", "subject:memoria"),
             ("tipo:fotografia", "kind:photo"), ("año:1998", "year:1998"),
             ("exacto:casa", "=casa"), ("texto:casa", "text:casa")]
    for es, en in pairs:
        assert parse_query(es) == parse_query(en), (es, en)


def test_operators_only_in_capitals():
    assert isinstance(parse_query("madres OR padres"), Q.Or)
    lower = parse_query("madres o padres")  # "o" is a word (and a stop word)
    assert isinstance(lower, Q.And) and len(lower.subqueries) == 2


def test_stop_words_dropped_only_beside_other_words():
    assert parse_query("la madre de Juan") == parse_query("madre Juan")
    assert parse_query("de") != Q.NullQuery  # alone, it is what was asked for
    assert parse_query('"madre de Juan"') != parse_query('"madre Juan"')


def test_empty_query_is_null():
    assert parse_query("") is Q.NullQuery
    assert parse_query("   ") is Q.NullQuery
    assert parse_query("¿?") is Q.NullQuery


def test_negative_only_query_means_everything_but(ix):
    assert find(ix, "-memoria") == {"t1", "t3", "a1"}


# ------------------------------------------------------------ lenient repairs


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ('"madres buscadoras', '"madres buscadoras"'),
        ("(memoria OR arte", "(memoria OR arte)"),
        ("memoria OR", "memoria"),
        ("memoria -", "memoria"),
        ("memoria NOT", "memoria"),
        ("año:1991..1985", "año:1985..1991"),
        ("año:[1985 TO 1991", "año:[1985 TO 1991]"),
        ("Testimonio: Orión", "Testimonio Orión"),
        ("¿Dónde está Medellín?", "Dónde está Medellín"),
        ("“madres y padres”", '"madres y padres"'),
        ("fecha:2002-10-16~", "fecha:2002-10-16"),
    ],
)
def test_lenient_repairs(typed, meant):
    assert parse_query(typed) == parse_query(meant)


# ------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("text", "code", "position", "says"),
    [
        ("memoria autor:Pérez titlo:casa", "unknown_field", 20, "titulo"),
        ("memoria)", "stray_paren", 7, "')'"),
        ("tipo:video", "bad_kind", 5, "testimonio"),
        ("idioma:klingon", "bad_language", 7, "es or en"),
        ("año:noventa", "bad_range", 4, "1985..1991"),
        ("año:98", "bad_range", 4, "1998"),
        ("año:1985..19x1", "bad_range", 4, "1985..1991"),
        ("fecha:2002-13", "bad_range", 6, "not a valid date"),
        ("[1985 TO 1991]", "range_without_field", 0, "año:"),
        ("*plazados", "leading_wildcard", 0, "cannot start"),
        ("d*", "short_prefix", 0, "two letters"),
        ("titulo:", "missing_value", 0, "needs a value"),
    ],
)
def test_errors_are_clear(text, code, position, says):
    with pytest.raises(QuerySyntaxError) as err:
        parse_query(text)
    assert err.value.code == code
    assert err.value.position == position
    assert says in err.value.message


def test_fields_are_injectable(tmp_path):
    fields = SearchFields(text="transcript", people="names", default=("text", "people"))
    ix = index.create_in(str(tmp_path), build_schema(fields))
    with ix.writer() as w:
        w.add_document(**fields.document(
            {"doc_id": "x", "text": "Las víctimas", "people": ["Ana Muñoz"]}, "es"))
    assert {"transcript", "transcript_en", "transcript_exact", "names"} <= set(ix.schema.names())
    parser = QueryParser(fields)
    with ix.searcher() as s:
        assert len(s.search(parser.parse("victima"))) == 1
        assert len(s.search(parser.parse("persona:muñoz"))) == 1


# ------------------------------------------------------------ snippets


def spans_text(snippet: Snippet) -> list[str]:
    return [snippet.text[a:b] for a, b in snippet.spans]


def test_snippets_mark_every_form_that_matched(ix):
    with ix.searcher() as s:
        results = s.search(parse_query("desplazado niños"), terms=True)
        (snip,) = snippets_for_hits(results, results[:10])
    assert spans_text(snip) == ["desplazados", "niños"]
    assert not snip.clipped_start


def test_snippets_from_exact_prefix_and_fuzzy_twins(ix):
    for text, words in [("desplaz*", ["desplazados"]), ("=desplazados", ["desplazados"]),
                        ("Medelin~", ["Medellín"]), ('"madres y padres"',
                                                     ["madres", "y", "padres"])]:
        with ix.searcher() as s:
            results = s.search(parse_query(text), terms=True)
            snips = [x for x in snippets_for_hits(results, results[:10]) if x and x.spans]
        assert snips and all(spans_text(x) == words for x in snips), text


def test_snippets_only_for_requested_hits(ix):
    with ix.searcher() as s:
        results = s.search(parse_query("Medellin"), terms=True)
        page = results[1:3]
        snips = snippets_for_hits(results, page, logical="places")
    assert len(snips) == 2
    assert all(spans_text(x) == ["Medellín"] for x in snips if x)


def test_snippets_without_matched_terms_use_the_query(ix):
    with ix.searcher() as s:
        results = s.search(parse_query("organizaciones"))  # no terms=True
        (snip,) = snippets_for_hits(results, results[:1])
    assert [search_fold(w) for w in spans_text(snip)] == ["organizacion", "organizaciones"]


def test_hit_without_text_match_gets_leading_snippet_and_photo_none(ix):
    with ix.searcher() as s:
        results = s.search(parse_query("titulo:Orion OR tipo:fotografia"), terms=True)
        by_id = {h["doc_id"]: x for h, x in zip(results, snippets_for_hits(results, results),
                                                strict=True)}
    assert by_id["t1"].spans == () and by_id["t1"].text.startswith("En octubre")
    assert by_id["p1"] is None  # a photograph has no transcript


def test_snippet_past_32_kib(tmp_path):
    ix = index.create_in(str(tmp_path), build_schema())
    filler = "Pues uno se acuerda de muchas cosas del barrio y de la gente. " * 700
    text = filler + "Al final encontramos la fosa en La Escombrera."
    assert len(text) > 40_000
    with ix.writer() as w:
        w.add_document(**F.document({"doc_id": "long", "text": text}, "es"))
    with ix.searcher() as s:
        results = s.search(parse_query("Escombrera"), terms=True)
        (snip,) = snippets_for_hits(results, results[:1], maxchars=120)
    assert spans_text(snip) == ["Escombrera"]
    assert snip.offset > 40_000 and snip.clipped_start and not snip.clipped_end


def test_make_snippet_window():
    text = ("uno " * 50) + "la casa de mi mamá " + ("dos " * 50) + "otra casa " + ("tres " * 50)
    a = text.index("casa")
    b = text.index("mamá")
    c = text.index("otra casa") + 5
    snip = make_snippet(text, [(c, c + 4), (a, a + 4), (b, b + 4)], maxchars=60)
    assert spans_text(snip) == ["casa", "mamá"]  # the window with two distinct words
    assert snip.clipped_start and snip.clipped_end
    assert not snip.text.startswith(("no ", "o ")) and snip.text[0] != " "
    assert text[snip.offset:snip.offset + len(snip.text)] == snip.text
    short = make_snippet("la casa", [(3, 7)])
    assert short == Snippet("la casa", ((3, 7),))
    none = make_snippet("palabra " * 100, [], maxchars=30)
    assert none.spans == () and len(none.text) <= 30 and none.clipped_end
