"""Analysis behaviour on real Spanish and English text in real whoosh indexes."""

from __future__ import annotations

import pickle

import pytest
from whoosh import index
from whoosh.filedb.filestore import RamStorage
from whoosh.query import Phrase, Prefix, Term

from memoria.search.analysis import (
    FoldFilter,
    IonAccentFilter,
    LowerFilter,
    SearchFields,
    StemSetFilter,
    analyze,
    analyze_positions,
    analyzer_for,
    build_schema,
    search_fold,
    spanish_analyzer,
)
from memoria.search.querylang import terms_query

F = SearchFields()

DOCS = [
    ("es1", "es", "Llegamos a Medellín en el año 2002, desplazados de la vereda con los niños."),
    ("es2", "es", "Mi compañera fue desplazada por las milicias; las víctimas nos juntamos."),
    ("es3", "es", "La organización de madres y padres buscó a los desaparecidos."),
    ("es4", "es", "Hubo reuniones de madres de padres ausentes y organizaciones de mujeres."),
    ("es5", "es", "Eso fue hace un ano, o sea nada, dijo el médico."),
    ("es6", "es", "Volvimos a casa después del desplazamiento; madres padres hijos."),
    ("en1", "en", "We were displaced from Comuna 13 after the operation in Medellín."),
    ("en2", "en", "The displacement of families continued for years."),
    ("pt1", "pt", "A organização das mães continua em Medellín."),
]


@pytest.fixture(scope="module")
def ix():
    ix = RamStorage().create_index(build_schema())
    with ix.writer() as w:
        for doc_id, lang, text in DOCS:
            w.add_document(**F.document({"doc_id": doc_id, "text": text}, lang))
    return ix


def hits(ix, q) -> set[str]:
    with ix.searcher() as s:
        return {h["doc_id"] for h in s.search(q, limit=None)}


def es(word: str) -> Term:
    return terms_query("text", analyze_positions(word, "es"))


# ------------------------------------------------------------ pure analysis


def test_fold_strips_accents_but_keeps_enye():
    assert search_fold("Medellín Víctimas ÁRBOL Itagüí") == "medellin victimas arbol itagui"
    assert search_fold("AÑO Niños Compañera") == "año niños compañera"


def test_fold_normalises_decomposed_text():
    decomposed = "Medelli\u0301n an\u0303o"  # as pasted from macOS
    assert search_fold(decomposed) == "medellin año"
    assert analyze(decomposed, "es") == analyze("Medellín año", "es")


@pytest.mark.parametrize(
    "forms",
    [
        ("Medellín", "Medellin", "MEDELLÍN"),
        ("víctima", "victima", "víctimas", "victimas"),
        ("organización", "organizacion", "organizaciones"),
        ("desaparición", "desaparicion", "desapariciones"),
        ("desplazado", "desplazada", "desplazados", "desplazadas"),
        ("tenía", "tenia"),
        ("reunión", "reunion", "reuniones"),
    ],
)
def test_spanish_forms_meet(forms):
    # A query word matches a text word when they share a stem (any of each's).
    for a in forms:
        for b in forms:
            assert set(analyze(a, "es")) & set(analyze(b, "es")), (a, b)


def test_ion_accent_is_restored_before_stemming():
    # Without IonAccentFilter the folded singular would not lose its suffix.
    assert analyze("organizacion", "es") == analyze("organizaciones", "es") == ["organiz"]


def test_enye_stays_distinct():
    assert analyze("año", "es") != analyze("ano", "es")
    assert analyze("años", None) == ["años"]
    assert analyze("niños", "es") == analyze("niño", "es")


def test_english_stemming():
    assert analyze("displaced", "en") == analyze("displacing", "en")
    assert analyze("families", "en") == analyze("family", "en")
    assert analyze("Medellín", "en") == ["medellin"]


def test_exact_analyzer_folds_without_stemming():
    assert analyze("Desplazados víctimas", None) == ["desplazados", "victimas"]


def test_one_letter_words_are_kept_at_true_positions():
    tokens = spanish_analyzer()("madres y padres a casa", positions=True)
    assert [(t.text, t.pos) for t in tokens] == [
        ("madr", 0), ("y", 1), ("padr", 2), ("a", 3), ("cas", 4)]


def test_analyzer_for_picks_by_language():
    assert analyze("desplazados", "es-CO") == analyze("desplazados", "ES")
    assert analyze("desplazados", "pt") == ["desplazados"]  # neutral
    assert analyzer_for(None) is analyzer_for("")
    assert analyze("Víctimas", "xx") == analyze("Víctimas", None) == ["victimas"]


def test_filters_pickle_at_their_stable_path():
    data = pickle.dumps(spanish_analyzer())
    assert b"memoria.search.analysis" in data and b"StemSetFilter" in data
    again = pickle.loads(data)
    assert [t.text for t in again("Organización")] == ["organiz"]
    assert FoldFilter() == FoldFilter() and IonAccentFilter() == IonAccentFilter()
    assert StemSetFilter("es") == StemSetFilter("es") != StemSetFilter("en")


# ------------------------------------------------------------ in an index


def test_unaccented_query_finds_accented_text(ix):
    assert hits(ix, es("Medellin")) == {"es1"}
    assert hits(ix, Term("text_en", analyze("Medellin", "en")[0])) == {"en1"}
    assert hits(ix, es("victima")) == {"es2"}


def test_inflections_meet_in_the_index(ix):
    # desplazado/desplazada/desplazados, and the noun desplazamiento too:
    # the Spanish stemmer takes all of them to "desplaz".
    assert hits(ix, es("desplazado")) == {"es1", "es2", "es6"}
    assert hits(ix, es("organizacion")) == {"es3", "es4"}


def test_english_items_stem_in_english(ix):
    assert hits(ix, Term("text_en", analyze("displacement", "en")[0])) == {"en1", "en2"}
    assert hits(ix, Term("text_en", analyze("family", "en")[0])) == {"en2"}
    # The Spanish twin of an English item is empty: no cross-language stems.
    assert hits(ix, Term("text", analyze("displaced", "es")[0])) == set()


def test_enye_in_index(ix):
    assert hits(ix, es("año")) == {"es1"}
    assert hits(ix, es("ano")) == {"es5"}


def test_phrase_with_one_letter_word_is_exact(ix):
    # "madres y padres" must not match "madres de padres" nor "madres padres":
    # with whoosh's stop filter both would, because "y" is dropped and renumbered.
    words = analyze("madres y padres", "es")
    assert hits(ix, Phrase("text", words)) == {"es3"}
    assert hits(ix, Phrase("text", analyze("volvimos a casa", "es"))) == {"es6"}
    assert hits(ix, Phrase("text", analyze("madres padres", "es"))) == {"es6"}


def test_prefix_needs_the_unstemmed_twin(ix):
    # The stemmed field holds "desplaz", so a partial word misses there ...
    assert hits(ix, Prefix("text", "desplazam")) == set()
    # ... and the exact twin holds whole words.
    assert hits(ix, Prefix("text_exact", "desplazam")) == {"es6"}
    assert hits(ix, Prefix("text_exact", "medel")) == {"es1", "en1", "pt1"}


def test_exact_twin_does_not_stem(ix):
    assert hits(ix, Term("text_exact", "desplazados")) == {"es1"}
    assert hits(ix, Term("text_exact", "desplazada")) == {"es2"}


def test_language_without_stemmer_still_searchable(ix):
    assert hits(ix, Term("text_exact", search_fold("organização"))) == {"pt1"}
    assert hits(ix, es("organização")) == set()


def test_schema_round_trips_through_a_disk_index(tmp_path):
    ix = index.create_in(str(tmp_path), build_schema())
    with ix.writer() as w:
        w.add_document(**F.document({"doc_id": "1", "text": "Las organizaciones"}, "es"))
    reopened = index.open_dir(str(tmp_path))
    assert isinstance(reopened.schema["text"].analyzer.items[1], LowerFilter)
    assert hits(reopened, es("organización")) == {"1"}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_twin_positions_index_exactly_what_whoosh_would(lang):
    """The fast twin format writes the same terms, counts and weights as
    whoosh's own Positions format fed by the same tokenizer, and its values
    read back (through whoosh's decoders for count and weight, through its
    own for positions) as the same positions."""
    from whoosh.formats import Positions

    from memoria.search.analysis import twin_analyzer
    from memoria.search.positions import TwinPositions

    text = ("Nos desplazaron de Medellín en el año 2002, después de la Operación Orión; "
            "las organizaciones de víctimas y los niños del barrio volvieron. " * 3
            + "The displaced families organized a kitchen in Comuna 13. "
            # words that share terms: merged positions ("Tenía", "tenía", "tener")
            # forms interleaved: "Tenía" at 0 and 6, "tenía" at 2 and 10, ...
            + "Tenía miedo, tenía hambre; Tenía que tener valor; tenía fe. Organize, "
            "organizing, ORGANIZED, organize. Desaparecido, desapareció, desaparecer, "
            "Desaparecidos, desaparecido.")
    analyzer = twin_analyzer(lang)
    twin = TwinPositions(field_boost=2.0)
    ours = list(twin.word_values(text, analyzer, mode="index"))
    theirs = list(Positions(field_boost=2.0).word_values(text, analyzer, mode="index"))
    assert sorted((w, n, wt) for w, n, wt, _v in ours) == \
        sorted((w, n, wt) for w, n, wt, _v in theirs)
    assert any(word.startswith("=") for word, *_ in ours)  # exact twins are there
    whoosh_positions = {w: Positions().decode_positions(v) for w, _n, _wt, v in theirs}
    for w, n, wt, v in ours:
        assert twin.decode_positions(v) == whoosh_positions[w]
        assert twin.decode_frequency(v) == n and twin.decode_weight(v) == wt
    decoded = {w: twin.decode_positions(v) for w, _n, _wt, v in ours}
    assert decoded["medellin"] == [3, 26, 49]  # 23 words a sentence


def meet(a: str, b: str) -> bool:
    """Whether a query word ``a`` finds the text word ``b`` (they share a stem)."""
    return bool(set(analyze(a, "es")) & set(analyze(b, "es")))


@pytest.mark.parametrize(("a", "b"), [
    ("desapareció", "desaparecido"), ("desapareció", "desaparecer"), ("tenía", "tener"),
    ("tenia", "tenía"), ("Medellin", "Medellín"),
    ("año", "años"), ("día", "días"), ("ojo", "ojos"), ("tío", "tía"), ("tío", "tías"),
    ("uno", "unas"), ("mujer", "mujeres"), ("lugar", "lugares"), ("joven", "jóvenes"),
    ("paramilitar", "paramilitares"), ("líder", "líderes"), ("vez", "veces"),
    ("luz", "luces"), ("club", "clubs"), ("chip", "chips"), ("ONG", "ONGs"),
    ("papá", "papás"), ("café", "cafés"), ("organización", "organizaciones"),
])
def test_words_that_meet(a, b):
    assert meet(a, b) and meet(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("año", "ano"), ("años", "anos"), ("niño", "nino"), ("peña", "pena"),
    ("dios", "dio"), ("día", "dio"), ("esa", "es"), ("ana", "ano"), ("tenis", "tenia"),
])
def test_words_that_stay_apart(a, b):
    assert not meet(a, b) and not meet(b, a)


def test_a_sectioned_text_is_analysed_as_the_joined_string():
    """An item's two views share the transcript's analysis (the builder's
    memo) and each still indexes exactly what its own joined text holds."""
    from memoria.search.analysis import SectionedText, twin_analyzer

    transcript = ("Me acuerdo que en el año 2002 llegaron al barrio. Desapareció mi hermano "
                  "y nos desplazaron a Medellín; después volvimos. ") * 40
    analyzer = twin_analyzer("es")
    memo: dict = {}
    views = [[transcript, "zzgap\nTestimonio de Rosa Quintero", "zzgap\nMedellín\nComuna 13"],
             [transcript, "zzgap\nTestimonio de Doña Flor", "zzgap\nMedellín\nComuna 13"]]
    for sections in views:
        text = SectionedText(sections, memo)
        assert text == "\n".join(sections)
        assert analyzer.positions_by_term(text) == analyzer.positions_by_term(str(text))
    assert list(memo) == [("es", transcript)]  # analysed once for both views
    fresh, count = analyzer._section(transcript, None)
    assert memo[("es", transcript)] == (fresh, count)  # never changed in place
    assert "flor" not in analyzer.positions_by_term(SectionedText(views[0], memo))
    from memoria.search.analysis import TOKEN_RE

    told = SectionedText(views[1], None, TOKEN_RE.findall(transcript))  # the builder's tokens
    assert analyzer.positions_by_term(told) == analyzer.positions_by_term(str(told))
