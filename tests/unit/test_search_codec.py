"""Posting blocks with values apart (memoria.search.codec): the same postings
as whoosh's W3 blocks, and ranking decodes no values."""

from __future__ import annotations

import random

from whoosh import fields
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import RamStorage

from memoria.search import codec
from memoria.search.codec import SplitBlockCodec

WORDS = ["memoria", "desplazados", "medellín", "comuna", "madres", "río", "escombrera",
         "barrio", "casa", "niños", "año", "volvimos"]


def _index(with_codec, docs):
    schema = fields.Schema(text=fields.TEXT(phrase=True), tag=fields.KEYWORD,
                           n=fields.NUMERIC(stored=True))
    ix = RamStorage().create_index(schema)
    writer = ix.writer(codec=with_codec)
    for n, (text, tag) in enumerate(docs):
        writer.add_document(text=text, tag=tag, n=n)
    writer.commit()
    return ix


def _postings(ix):
    out = {}
    with ix.searcher() as s:
        r = s.reader()
        for field, tbytes in r.all_terms():
            m = r.postings(field, tbytes)
            got = []
            while m.is_active():
                got.append((m.id(), m.weight(), m.value()))
                m.next()
            out[field, tbytes] = got
    return out


def test_split_blocks_hold_the_same_postings_as_whooshs():
    rng = random.Random(3)
    docs = [(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 400))),
             rng.choice(["a", "b", "c d"])) for _ in range(700)]  # 700 docs: several blocks
    ours, theirs = _index(SplitBlockCodec(), docs), _index(W3Codec(), docs)
    assert _postings(ours) == _postings(theirs)
    assert len(_postings(ours)[("text", b"memoria")]) > 128  # really more than one block
    with ours.searcher() as s:
        from whoosh.qparser import QueryParser

        q = QueryParser("text", ours.schema).parse('"madres río" desplazados')
        mine = [(h.docnum, round(h.score, 5)) for h in s.search(q, limit=None)]
    with theirs.searcher() as s:
        q = QueryParser("text", theirs.schema).parse('"madres río" desplazados')
        assert mine == [(h.docnum, round(h.score, 5)) for h in s.search(q, limit=None)]


def test_ranking_reads_ids_and_weights_without_decoding_values(monkeypatch):
    rng = random.Random(4)
    docs = [(" ".join(rng.choice(WORDS) for _ in range(200)), "a") for _ in range(400)]
    ix = _index(SplitBlockCodec(), docs)
    with ix.searcher() as s:
        m = s.reader().postings("text", b"memoria")
        while not isinstance(m, codec._SplitLeafMatcher):
            m = m.child
        m._read_ids()
        m._read_weights()
        assert m._data[2] is codec._UNREAD  # the positions were not unpickled
        m._read_values()
        assert m._data[2] is not codec._UNREAD and len(m._values) == len(m._ids)


def test_a_built_index_uses_split_blocks(tmp_path):
    from datetime import date

    from whoosh.index import open_dir

    from memoria.search import store
    from memoria.storage.archive import Archive
    from tests.unit.test_search_support import sample

    arch = Archive.create(tmp_path / "archive")
    sample(arch)
    arch.close()
    root = tmp_path / "archive"
    assert store.build_index(root, root / "index", date(2026, 6, 1), procs=1)
    ix = open_dir(str(store.IndexState(root / "index").folder))
    try:
        assert {type(seg.codec()) for seg in ix._segments()} == {SplitBlockCodec}
    finally:
        ix.close()
