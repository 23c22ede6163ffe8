"""Term-at-a-time scoring gives whoosh's own matches and scores, so ranking never changes.

A real whoosh index on disk with the engine's schema and analyzers, three
segments (several blocks per posting list), deleted documents and documents
of very different lengths; every query shape the engine sends is compared
with whoosh's collector over the same searcher.
"""

from __future__ import annotations

import random

import pytest
from whoosh import index as windex
from whoosh import query as Q

from memoria.search.planner import expand, fast_phrases, rewrite, with_field_boosts
from memoria.search.querylang import parse_query
from memoria.search.schema import QUERY_FIELDS, engine_schema
from memoria.search.scoring import Unsupported, score_all

WORDS = ["desplazados", "desplazada", "Medellín", "comuna", "barrio", "madres", "escuela", "río", "víctimas", "operación", "Orión", "memoria", "año", "niños", "me", "acuerdo", "que", "la", "el", "de", "y", "a", "en", "casa", "organización", "organizaciones", "montaña", "vereda", "familia", "miedo", "guerra", "paz"]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scoring")
    ix = windex.create_in(str(folder), engine_schema())
    rng = random.Random(7)
    doc = 0
    for _segment in range(3):
        writer = ix.writer()
        for _ in range(180):
            doc += 1
            length = rng.choice((5, 40, 300, 1500))
            text = " ".join(rng.choice(WORDS) for _ in range(length))
            title = " ".join(rng.choice(WORDS) for _ in range(4))
            english = doc % 9 == 0
            writer.add_document(
                doc_id=str(doc), item_id=str(doc), visible_to="custodian researcher",
                **({"text_en": text, "title_en": title} if english
                   else {"text": text, "title": title}),
                people="Ana Pérez" if doc % 5 == 0 else "Luis Gómez",
                places="Colombia Antioquia Medellín Comuna 13" if doc % 3 else "Bogotá")
        writer.commit(merge=False)
    writer = ix.writer()
    for gone in range(3, doc, 17):
        writer.delete_by_term("doc_id", str(gone))
    writer.commit(merge=False)
    s = ix.searcher()
    yield s
    s.close()
    ix.close()


def planned(s, text: str) -> Q.Query:
    """The query as the engine runs it (parse, rewrite, expand, phrases, boosts)."""
    q = rewrite(parse_query(text, QUERY_FIELDS))
    return with_field_boosts(fast_phrases(expand(q, s.reader())))


def whoosh_scores(s, q: Q.Query) -> dict[int, float]:
    return {hit.docnum: hit.score for hit in s.search(q, limit=None)}


@pytest.mark.parametrize("text", [
    "desplazados",
    "desplazados Medellín",
    "madres OR escuela",
    "desplazados -escuela",
    "organiz*",
    '"me acuerdo que"',
    '"me acuerdo" madres',
    "=desplazada",
    "persona:Pérez barrio",
    "lugar:Medellín escuela",
    "titulo:memoria",
    "Medellin año",
])
def test_same_matches_and_scores_as_whoosh(searcher, text):
    q = planned(searcher, text)
    expected = whoosh_scores(searcher, q)
    got = score_all(searcher, q)
    deleted = {d for d in got if searcher.reader().is_deleted(d)}
    live = {d: sc for d, sc in got.items() if d not in deleted}
    assert expected, f"{text!r} matched nothing: the corpus does not test it"
    assert live.keys() == expected.keys()
    for d, sc in expected.items():
        assert live[d] == pytest.approx(sc, rel=1e-9), (text, d)


def test_ranking_of_a_common_word_is_unchanged(searcher):
    q = planned(searcher, "desplazados Medellín")
    expected = [hit.docnum for hit in searcher.search(q, limit=20)]
    got = score_all(searcher, q)
    live = [(d, sc) for d, sc in got.items() if not searcher.reader().is_deleted(d)]
    ranked = [d for d, _ in sorted(live, key=lambda ds: (-ds[1], ds[0]))][:20]
    assert ranked == expected


def test_a_lone_negation_is_left_to_whoosh(searcher):
    with pytest.raises(Unsupported):
        score_all(searcher, Q.Not(Q.Term("text", "escuel")))


def test_words_are_scored_from_posting_blocks(searcher, monkeypatch):
    """The fast path really runs for bare words, field boosts and NOT (else this
    module would only be whoosh again, at whoosh's cost)."""
    from memoria.search import scoring

    def refuse(self, q):  # noqa: ANN001, ANN202
        raise AssertionError(f"fell back to whoosh's matcher for {q!r}")

    monkeypatch.setattr(scoring._Scorer, "by_matcher", refuse)
    for text in ("desplazados Medellín", "madres OR escuela -río", "organiz*"):
        assert score_all(searcher, planned(searcher, text))


def test_field_lengths_read_in_one_go_are_whooshs(searcher):
    """The one-read length column gives every document's stored length byte,
    documents without the field (English items have no ``text``) included."""
    from whoosh.util.numeric import length_to_byte

    from memoria.search.scoring import _length_bytes

    for reader, _offset in searcher.reader().leaf_readers():
        for field in ("text", "text_en", "title", "people"):
            expected = [length_to_byte(reader.doc_field_length(d, field, 0) or 0)
                        for d in range(reader.doc_count_all())]
            assert _length_bytes(reader, field) == expected
            if field.startswith("text"):  # documents with and without the field
                assert 0 in expected and any(expected)


@pytest.mark.parametrize("text", ['"me acuerdo que"', '"la casa"', '"de y a"',
                                  '"=desplazados Medellín"'])
def test_fast_phrases_match_what_whooshs_phrase_matches(searcher, text):
    """Same documents as whoosh's own span-based Phrase, deleted ones left out,
    over three segments whose posting lists span several blocks."""
    from memoria.search.planner import FastPhrase

    phrases = [leaf for leaf in planned(searcher, text).leaves()
               if isinstance(leaf, FastPhrase)]
    assert phrases
    matched = 0
    for fast in phrases:
        ours = {hit.docnum for hit in searcher.search(fast, limit=None)}
        theirs = {hit.docnum for hit in searcher.search(
            Q.Phrase(fast.fieldname, list(fast.words)), limit=None)}
        assert ours == theirs, (fast, len(ours), len(theirs))
        matched += len(ours)
    assert matched, f"{text!r} matched nothing: the corpus does not test it"


def _walked_chains(lists: list[list[int]], slop: int) -> list[int]:
    """The chains of a phrase found by walking every position (the reference)."""
    if not lists or any(not lst for lst in lists):
        return []
    out: list[int] = []
    for first in lists[0]:
        chain = [first]
        for nxt in lists[1:]:
            follow = next((p for p in range(chain[-1] + 1, chain[-1] + max(1, slop) + 1)
                           if p in nxt), None)
            if follow is None:
                break
            chain.append(follow)
        else:
            out.extend(chain)
    return out


def test_phrase_chains_and_counts_are_those_of_the_walk():
    """The set-based shortcut for adjacent words (what hour-long transcripts
    need) marks the same words and counts the same occurrences."""
    from memoria.search.planner import _occurrences, phrase_chains

    rng = random.Random(11)
    for _ in range(400):
        words = rng.randint(2, 4)
        size = rng.choice((5, 40, 400))
        lists = [sorted(rng.sample(range(size * 2), rng.randint(0, size))) for _ in range(words)]
        for slop in (0, 1, 2, 3):
            assert phrase_chains(lists, slop) == _walked_chains(lists, slop)
            assert _occurrences(lists, max(1, slop)) == \
                len(_walked_chains(lists, max(1, slop))) // words


def test_positions_are_decoded_as_whoosh_decodes_them():
    """The C shortcut for gaps under 256 (a common word's positions) reads
    every value whoosh's own decoder reads, and the same positions: small and
    large gaps, one position, and lists past pickle's 1,000-item batches."""
    from whoosh.formats import Positions

    from memoria.search.scoring import decode_positions

    rng = random.Random(5)
    shapes = [[0], [7], [300], [0, 1], list(range(0, 2000, 2)), list(range(1001)),
              list(range(2500))]
    for _ in range(300):
        n = rng.choice((2, 3, 50, 999, 1000, 1001))
        gap = rng.choice((1, 255, 256, 5000))
        shapes.append(sorted(set(rng.randint(0, gap * n) for _ in range(n))))
    for positions in shapes:
        raw = Positions().encode(positions)
        expected = Positions().decode_positions(raw)
        assert decode_positions(raw) == expected == positions
        assert decode_positions(raw[:-1]) == positions  # stored without pickle's STOP


def test_a_phrase_counted_within_the_audience_scores_as_before(searcher):
    """The engine counts a phrase only in the documents the audience may see:
    those get the scores the whole search gives them, and no other document
    is returned (break ``within`` and the phrase counts everywhere again)."""
    rng = random.Random(3)
    docs = list(range(searcher.reader().doc_count_all()))
    for text in ('"me acuerdo"', '"me acuerdo que"', '"casa" "me acuerdo"~2'):
        q = planned(searcher, text)
        everywhere = score_all(searcher, q)
        assert len(everywhere) > 5, text
        for _ in range(5):
            within = set(rng.sample(docs, len(docs) // 3))
            got = score_all(searcher, q, within=within)
            for d in within & set(everywhere):
                assert got[d] == pytest.approx(everywhere[d], rel=1e-12)
            phrase = fast_phrases(rewrite(parse_query(text, QUERY_FIELDS)))
            assert set(score_all(searcher, phrase, within=within)) <= within
