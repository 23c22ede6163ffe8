"""The encrypted full-text index: its folder holds no word of the testimonies
(whoosh's temporary files included), it answers exactly like a plain index, its
key reaches the build process through a pipe only, and a changed byte takes the
damaged-index path (catalogue search, one sentence) instead of a traceback."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from datetime import date
from pathlib import Path

import pytest
from whoosh import fields

from memoria.crypto.stream import StreamDamaged
from memoria.domain.consent import Audience
from memoria.domain.model import Kind, Role, SegmentDraft
from memoria.search.encrypted_storage import EncryptedStorage
from memoria.search.engine import IndexUnavailable, SearchEngine
from memoria.search.store import WRITER_OPTIONS, IndexState, file_crcs
from memoria.storage import authorities
from memoria.storage import items as item_store
from tests.unit.test_search_support import sample

C, R = Audience.CUSTODIAN, Audience.RESEARCHER
KEY = bytes(range(1, 33))
#: Words of one testimony that must never be readable in an encrypted index.
CANARIES = [b"Quetzalcoatl", b"Zurbar", b"quetzalcoatl", b"zurbar", b"Wilfrida"]


def _canary_item(archive) -> int:
    person = authorities.add_person(archive, "Wilfrida Zurbarán")
    item_id = item_store.create_item(archive, item_store.ItemFields(
        kind=Kind.TESTIMONY, title="Testimonio de Wilfrida Zurbarán",
        description="Relato del barrio Quetzalcoatlino", languages=["es"],
        people=[(person.id, Role.NARRATOR)]))
    item_store.save_segments(archive, item_id, [SegmentDraft(
        start_ms=0, end_ms=9000, speaker="Wilfrida",
        text="En el barrio Quetzalcoatlino vivía Wilfrida Zurbarán con sus hijos.")])
    return item_id


def _found(folder: Path) -> set[bytes]:
    found = set()
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found |= {c for c in CANARIES if c in data}
    return found


@pytest.fixture
def both(archive, tmp_path):
    ids = sample(archive)
    ids["canary"] = _canary_item(archive)
    plain = SearchEngine(archive, tmp_path / "plain-index")
    sealed = SearchEngine(archive, tmp_path / "sealed-index", index_key=KEY)
    assert plain.ensure_fresh().startswith("rebuilt")
    assert sealed.ensure_fresh().startswith("rebuilt")
    yield plain, sealed, ids
    plain.close()
    sealed.close()


def test_encrypted_index_folder_holds_no_word_of_the_testimonies(both):
    plain, sealed, ids = both
    assert _found(plain.root), "the plain index must show the canaries (else this test is blind)"
    assert _found(sealed.root) == set()
    # after an edit (a new segment, a new TOC generation) too
    sealed.update_items([ids["canary"]])
    plain.update_items([ids["canary"]])
    assert _found(plain.root) and _found(sealed.root) == set()
    assert sealed.search("Quetzalcoatlino", C).item_ids == [ids["canary"]]
    folder = IndexState(sealed.root).folder
    for path in [sealed.root, folder, *folder.iterdir(), sealed.root / "state.json"]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} is {oct(mode)}"


def test_encrypted_and_plain_indexes_answer_the_same(both):
    plain, sealed, ids = both
    queries = ["desplazados", "Orión", '"Operación Orión"', "Medellín", "desplaz*",
               "tipo:testimonio", "Quetzalcoatlino", "Zurbaran", "", "mural OR retrato"]
    for audience in (C, R):
        for q in queries:
            a, b = plain.search(q, audience), sealed.search(q, audience)
            assert (a.total, a.item_ids, [h.score for h in a.hits], [h.segments for h in a.hits]) \
                == (b.total, b.item_ids, [h.score for h in b.hits], [h.segments for h in b.hits]), q
            assert plain.snippets(a, range(len(a.hits))) == sealed.snippets(b, range(len(b.hits)))
            assert plain.facets(q, audience) == sealed.facets(q, audience)
        assert plain.suggest("Me", audience) == sealed.suggest("Me", audience)
    assert ids["orion"] in sealed.search("Orión", R).item_ids


def test_a_changed_byte_takes_the_damaged_index_path(both, capsys, monkeypatch):
    """Even when whoever changed it also fixed the CRCs (they are no MAC): the
    chunk fails AES-GCM, the search says the index is damaged, and the command
    line falls back to the catalogue with one sentence."""
    from memoria.search import cli_support

    _, sealed, ids = both
    state = IndexState(sealed.root)
    [postings] = list(state.folder.glob("*.pst"))
    data = bytearray(postings.read_bytes())
    data[len(data) // 2] ^= 0x04
    postings.write_bytes(bytes(data))
    state.data["crcs"] = file_crcs(state.folder)
    state.save()
    sealed.close()
    fresh = SearchEngine(sealed.archive, sealed.root, index_key=KEY)
    assert fresh.problem() is None  # the header, TOC and file ends still open
    with pytest.raises(IndexUnavailable) as err:
        fresh.search("desplazados", C)
    assert "damaged" in str(err.value)
    assert "damaged" in fresh.problem()

    # the command line (the real engine, given the key as an encrypted archive
    # will give it): catalogue search and one sentence, no traceback
    monkeypatch.setattr(cli_support, "SearchEngine",
                        lambda archive: SearchEngine(archive, sealed.root, index_key=KEY))
    found = cli_support.run_search(sealed.archive, "Orión", C, 10, False)
    said = capsys.readouterr().err
    assert found.engine == "catalogue"
    assert ids["orion"] in [h.item_id for h in found.hits]
    assert "unavailable (the index is damaged" in said and "Traceback" not in said
    # the engine that met the damage rebuilds the index at its next ensure_fresh
    assert fresh.ensure_fresh().startswith("rebuilt: the index is damaged")
    assert ids["orion"] in fresh.search("Orión", R).item_ids
    fresh.close()


def test_an_index_of_the_other_kind_or_key_is_rebuilt(both):
    plain, sealed, ids = both
    wrong = SearchEngine(sealed.archive, sealed.root, index_key=bytes(32))
    assert "cannot be opened" in wrong.problem()
    assert wrong.ensure_fresh().startswith("rebuilt")
    assert ids["orion"] in wrong.search("Orión", R).item_ids
    wrong.close()
    unkeyed = SearchEngine(sealed.archive, sealed.root)  # the archive was decrypted
    assert unkeyed.problem() == "the index is encrypted but the archive is not"
    keyed = SearchEngine(plain.archive, plain.root, index_key=KEY)  # the archive was encrypted
    assert keyed.problem() == "the index is not encrypted like the archive"
    assert keyed.ensure_fresh().startswith("rebuilt")
    assert _found(plain.root) == set()  # the plain build folder is gone with its words
    keyed.close()


def test_files_swapped_or_moved_between_builds_are_refused(tmp_path):
    one = EncryptedStorage(tmp_path / "b1", KEY, "b1").create()
    for name, text in (("a.trm", b"primero"), ("b.trm", b"segundo")):
        with one.create_file(name) as f:
            f.write(text)
    with one.open_file("a.trm") as f:
        assert f.read() == b"primero"
    os.replace(tmp_path / "b1" / "a.trm", tmp_path / "b1" / "tmp")
    os.replace(tmp_path / "b1" / "b.trm", tmp_path / "b1" / "a.trm")
    with pytest.raises(StreamDamaged):
        one.open_file("a.trm")
    other = EncryptedStorage(tmp_path / "b2", KEY, "b2").create()
    os.replace(tmp_path / "b1" / "tmp", tmp_path / "b2" / "a.trm")
    with pytest.raises(StreamDamaged):
        other.open_file("a.trm")


class _Watching(EncryptedStorage):
    """Keeps the bytes of every file whoosh deletes (its temporary files)."""

    seen: dict[str, bytes] = {}

    def delete_file(self, name: str) -> None:
        _Watching.seen[name] = Path(self._fpath(name)).read_bytes()
        super().delete_file(name)

    def destroy(self) -> None:
        for name in self.list():
            _Watching.seen[name] = Path(self._fpath(name)).read_bytes()
        super().destroy()


def _write_400_watched(tmp_path, make_writer):
    """400 documents through ``make_writer(ix)`` into a watched encrypted index:
    the names of the temporary files it deleted, once every one was checked to
    hold no word and the index to answer."""
    schema = fields.Schema(text=fields.TEXT(stored=True), n=fields.NUMERIC(stored=True))
    _Watching.seen = {}
    storage = _Watching(tmp_path / "ix", KEY, "b1").create()
    writer = make_writer(storage.create_index(schema))
    for n in range(400):
        writer.add_document(text=f"Wilfrida Zurbarán vivía en Quetzalcoatlino {n}", n=n)
    writer.commit()
    for name, data in _Watching.seen.items():
        assert not any(c in data for c in CANARIES), name
    assert _found(tmp_path / "ix") == set()
    with storage.open_index().searcher() as s:
        from whoosh.qparser import QueryParser

        hits = s.search(QueryParser("text", schema).parse("quetzalcoatlino"), limit=None)
        assert len(hits) == 400
    return list(_Watching.seen)


def test_whoosh_temporary_files_are_sealed_too(tmp_path):
    """The posting pool's sorted runs and the column scratch file are written
    while a segment is built and deleted after: they hold the words too."""
    seen = _write_400_watched(  # tiny limit: the pool spills runs to disk
        tmp_path, lambda ix: ix.writer(limitmb=0.05, **WRITER_OPTIONS))
    runs = [name for name in seen if name.endswith(".run")]
    scratch = [name for name in seen if name.endswith(".ctmp")]
    assert runs and scratch, sorted(seen)


def test_build_pool_runs_are_sealed_too(tmp_path, monkeypatch):
    """A build part's own pool (``build_pool``) writes its sorted runs through
    the same sealed temporary storage."""
    from memoria.search import build_pool, store

    monkeypatch.setattr(build_pool, "_CHECK_EVERY", 50)
    monkeypatch.setattr(store, "PART_POSTINGS_BYTES", 2048)
    seen = _write_400_watched(tmp_path, store._part_writer)
    assert len([name for name in seen if name.endswith(".run")]) > 3, sorted(seen)


def test_the_build_process_gets_its_key_through_a_pipe(archive, tmp_path, monkeypatch):
    """Never in argv or the environment (both readable by other local users in /proc)."""
    sample(archive)
    launched: list[tuple[list[str], dict]] = []
    real = subprocess.Popen

    def popen(cmd, *args, **kwargs):  # the real Popen, watched
        launched.append((list(cmd), dict(kwargs.get("env") or os.environ)))
        return real(cmd, *args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", popen)
    engine = SearchEngine(archive, tmp_path / "index", index_key=KEY)
    assert engine.ensure_fresh().startswith("rebuilt")
    assert launched
    for cmd, env in launched:
        text = " ".join(cmd) + json.dumps(env)
        assert KEY.hex() not in text and KEY.hex().upper() not in text
    assert IndexState(tmp_path / "index").data["encrypted"] is True
    assert engine.search("Orión", R).item_ids
    engine.close()


def test_locking_forgets_the_decrypted_chunks_and_search_reads_them_again(both):
    from memoria.search import encrypted_storage

    _, sealed, ids = both
    assert ids["orion"] in sealed.search("Orión", R).item_ids
    assert len(encrypted_storage.CACHE) > 0
    encrypted_storage.forget_decrypted()  # what the window's lock calls
    assert len(encrypted_storage.CACHE) == 0
    assert ids["orion"] in sealed.search("Orión desplazamiento", R).item_ids


def test_a_real_encrypted_archive_builds_and_searches_its_encrypted_index(tmp_path):
    """End to end with keys' API: the SQLCipher catalogue is read by the build
    process with the keys it got on its stdin; the index is sealed with the
    archive's "index" subkey; a passphrase-less engine on the folder gets nothing."""
    from memoria.crypto.keys import KdfCost
    from memoria.storage.archive import Archive

    archive = Archive.create(tmp_path / "a", encrypt=True, account="ana",
                             passphrase="una frase de paso larga", kdf=KdfCost.FOR_TESTS)
    archive.today_override = date(2026, 6, 1)
    ids = sample(archive)
    ids["canary"] = _canary_item(archive)
    engine = SearchEngine(archive)
    assert engine.ensure_fresh().startswith("rebuilt")
    state = IndexState(archive.root / "index")
    assert state.data["encrypted"] is True
    assert engine.search("Quetzalcoatlino", C).item_ids == [ids["canary"]]
    assert ids["orion"] in engine.search("Orión", R).item_ids
    assert _found(archive.root / "index") == set()
    stranger = EncryptedStorage(state.folder, archive.keys.subkey("files"), state.folder.name)
    with pytest.raises(StreamDamaged):  # another subkey opens nothing
        stranger.open_index()
    engine.close()
    archive.close()
