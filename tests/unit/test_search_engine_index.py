"""The index is a cache: missing, damaged, old or out of step, it is rebuilt or
caught up; the command line builds it when needed; saved searches persist."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from memoria.domain.consent import Audience
from memoria.search.engine import IndexUnavailable, SearchEngine
from memoria.search.store import IndexState
from memoria.storage import consents, saved_searches
from memoria.storage import items as item_store
from tests.unit.test_search_support import sample

C, R = Audience.CUSTODIAN, Audience.RESEARCHER


@pytest.fixture
def ready(archive):
    archive.today_override = date(2026, 6, 1)
    ids = sample(archive)
    engine = SearchEngine(archive)
    engine.ensure_fresh()
    yield engine, ids
    engine.close()


def test_search_without_an_index_says_so(archive):
    sample(archive)
    engine = SearchEngine(archive)
    assert engine.problem() == "there is no index yet"
    with pytest.raises(IndexUnavailable):
        engine.search("Medellín", C)


def test_deleted_index_is_rebuilt_with_progress(ready):
    engine, ids = ready
    import shutil

    shutil.rmtree(engine.root)
    engine.close()
    assert engine.problem() == "there is no index yet"
    seen: list[tuple[int, int]] = []
    assert engine.ensure_fresh(progress=lambda n, t: seen.append((n, t))).startswith("rebuilt")
    assert seen and seen[-1] == (7, 7)
    assert ids["orion"] in engine.search("Orión", R).item_ids


def test_corrupted_segment_is_detected_and_rebuilt(ready):
    engine, ids = ready
    folder = IndexState(engine.root).folder
    [segment] = [p for p in folder.iterdir() if p.suffix == ".pst"][:1]  # the postings
    data = bytearray(segment.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = os.urandom(64)
    segment.write_bytes(bytes(data))
    engine.close()
    assert "damaged" in engine.problem()
    assert engine.ensure_fresh().startswith("rebuilt: the index is damaged")
    assert engine.problem() is None
    assert ids["orion"] in engine.search("Orión", R).item_ids


def test_older_index_version_is_rebuilt(ready):
    engine, _ = ready
    state = IndexState(engine.root)
    state.data["index_version"] = -1
    state.save()
    assert engine.problem() == "the index was built by an older version"
    assert engine.ensure_fresh().startswith("rebuilt")


def test_out_of_step_index_catches_up_by_generation(ready):
    engine, ids = ready
    before = IndexState(engine.root).generation
    assert before == engine.archive.generation()
    fields = item_store.ItemFields.from_item(item_store.get_item(engine.archive, ids["english"]))
    fields.description = "Mary Smith recalls the sunflower gardens."
    item_store.update_item(engine.archive, ids["english"], fields)
    assert engine.archive.generation() > before
    other = SearchEngine(engine.archive)  # e.g. the next start of the program
    assert other.ensure_fresh() == "updated 1 items"
    assert other.search("sunflower", R).item_ids == [ids["english"]]
    assert IndexState(engine.root).generation == engine.archive.generation()
    other.close()


def test_remove_items(ready):
    engine, ids = ready
    engine.remove_items([ids["mural"]])
    assert ids["mural"] not in engine.search("mural", C).item_ids


def test_many_small_commits_are_merged(ready):
    engine, ids = ready
    for _ in range(14):
        engine.update_items([ids["mural"]])
    folder = IndexState(engine.root).folder
    assert 1 <= len(list(folder.glob("*.pst"))) <= 11  # one postings file a segment
    assert engine.problem() is None
    assert engine.search("mural", R).item_ids == [ids["mural"]]


def test_saved_searches(archive):
    first = saved_searches.save(archive, "Orión", "Orión", Audience.RESEARCHER,
                                {"kind": "testimony"}, sort="date")
    again = saved_searches.save(archive, "Orión", "Operación Orión", Audience.RESEARCHER)
    assert first == again
    saved_searches.save(archive, "Orión", "Orión", Audience.CUSTODIAN)
    [mine] = saved_searches.list_saved(archive, Audience.RESEARCHER)
    assert (mine.query, mine.filters, mine.sort) == ("Operación Orión", {}, "relevance")
    assert len(saved_searches.list_saved(archive)) == 2
    saved_searches.delete(archive, first)
    assert saved_searches.list_saved(archive, Audience.RESEARCHER) == []
    with pytest.raises(saved_searches.SavedSearchError):
        saved_searches.save(archive, "  ", "x", Audience.PUBLIC)


def _cli(archive_root, *args):
    return subprocess.run([sys.executable, "-m", "memoria", "--lang", "es",
                           "--archive", str(archive_root), *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_cli_search_builds_the_index_and_answers_per_audience(archive):
    archive.today_override = None  # the CLI runs on the real date
    ids = sample(archive)
    root = archive.root
    archive.close()
    out = _cli(root, "search", "Orión víctimas", "--as", "researcher", "--json", "--facets")
    assert out.returncode == 0, out.stderr
    assert "primero se construye el índice de búsqueda (todavía no hay índice)" in out.stderr
    data = json.loads(out.stdout)
    assert data["engine"] == "index" and data["total"] == data["count"] == 1
    [item] = data["items"]
    assert [s["start_ms"] for s in item["segments"]] == [30_000]
    snippet = item["snippet"]
    assert [snippet["text"][a:b] for a, b in snippet["spans"]] == ["Orión", "víctimas"]
    assert "consent" not in data["facets"]
    hidden = json.loads(_cli(root, "search", "Luz Dary", "--as", "researcher", "--json").stdout)
    assert hidden["count"] == 0 and hidden["total"] == 0
    out = _cli(root, "search", "Orión")
    assert out.returncode == 0 and "construye" not in out.stderr and "0:30" in out.stdout
    assert "1 de 1 resultados" in out.stdout
    bad = _cli(root, "search", "Orión )")
    assert bad.returncode == 2 and "paréntesis sin cerrar o sin abrir (carácter 7)" in bad.stderr
    from memoria.storage.archive import Archive

    with Archive.open(root) as again:
        consents.withdraw(again, ids["c_orion"], "retiro")
    data = json.loads(_cli(root, "search", "Orión", "--as", "public", "--json").stdout)
    assert data["items"] == [] and data["total"] == 0


def test_cli_reindex(archive):
    sample(archive)
    root = archive.root
    archive.close()
    out = _cli(root, "reindex")
    assert out.returncode == 0, out.stderr
    assert "indexando: 7/7 elementos" in out.stderr and "reconstruido" in out.stdout


def test_updates_before_the_first_build_are_harmless(archive):
    ids = sample(archive)
    engine = SearchEngine(archive)
    assert engine.update_items([ids["orion"]]) == 0
    engine.remove_items([ids["orion"]])
    assert engine.problem() == "there is no index yet"


def test_two_process_build_combines_segments(archive):
    """200+ items: the build splits across two part processes (both cores)."""
    from memoria.domain.model import Kind

    ids = [item_store.create_item(archive, item_store.ItemFields(
        kind=Kind.PHOTOGRAPH, title=f"Fotografía número {n}",
        description="Mural de la Comuna 13" if n % 2 else "Retrato en Medellín"))
        for n in range(210)]
    engine = SearchEngine(archive)
    assert engine.ensure_fresh().startswith("rebuilt")
    folder = IndexState(engine.root).folder
    assert len(list(folder.glob("*.pst"))) == 2 and not list(folder.glob("p*"))
    assert engine.search("mural", C).total == 105
    assert engine.search("retrato", C).total == 105
    assert engine.search("", R).total == 0  # no consent: custodians only
    engine.remove_items(ids[:2])
    assert engine.search("", C).total == 208
    engine.close()


def _gone(pid: int) -> bool:
    try:
        status = open(f"/proc/{pid}/status").read()  # noqa: SIM115, PTH123
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status  # exited; nobody has reaped it yet


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_build_stops_when_the_app_that_asked_for_it_dies(archive, tmp_path):
    """An app killed mid-build must not leave both cores indexing for minutes
    (nor a second build beside the next start's): the builder notices that the
    process that started it is gone, cancels, and leaves no half index."""
    import time

    from memoria.domain.model import Kind

    for n in range(210):  # enough for two part processes
        item_store.create_item(archive, item_store.ItemFields(
            kind=Kind.PHOTOGRAPH, title=f"Fotografía {n}", description="Mural en Medellín"))
    index_root = tmp_path / "index"
    launcher = (
        "import os, subprocess, sys\n"
        "p = subprocess.Popen([sys.executable, '-m', 'memoria.search.store',"
        f" {str(archive.root)!r}, {str(index_root)!r}, '-', '2',"
        f" {str(tmp_path / 'stop')!r}, str(os.getpid())],"
        f" stdout=open({str(tmp_path / 'out.txt')!r}, 'w'), stderr=subprocess.STDOUT)\n"
        "print(p.pid)\n")  # and the launcher ends at once, as a killed app would
    out = subprocess.run([sys.executable, "-c", launcher], capture_output=True, text=True,
                         check=True, timeout=60)
    builder = int(out.stdout.strip())
    deadline = time.monotonic() + 60
    while not _gone(builder) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _gone(builder), "the index builder outlived the app that started it"
    assert not IndexState(index_root).data  # nothing was switched to
    assert not list(index_root.glob("b*"))  # the cancelled build removed its folder
    said = (tmp_path / "out.txt").read_text()
    assert said.splitlines()[-1] == "done cancelled", said[-2000:]


def _sample_ids(tmp_path):
    """The sample archive in tmp_path/archive, and its item ids."""
    from memoria.storage.archive import Archive
    from tests.unit.test_search_support import sample

    arch = Archive.create(tmp_path / "archive")
    arch.today_override = date(2026, 6, 1)
    sample(arch)
    ids = [row[0] for row in arch.conn.execute("SELECT id FROM items ORDER BY id")]
    arch.close()
    return ids


def _part_bytes(tmp_path, ids, name):
    """Build one index part of ``ids`` into tmp_path/name: its files' digests."""
    import hashlib

    from memoria.search import store

    folder = tmp_path / name
    assert store._index_part(tmp_path / "archive", folder, ids, None, lambda k: None, None, None)
    return sorted((p.suffix, hashlib.sha256(p.read_bytes()).hexdigest())
                  for p in folder.iterdir()
                  if p.suffix not in (".toc", ".lock") and p.stat().st_size)


def test_lengths_read_in_one_go_build_the_same_index_bytes(tmp_path, monkeypatch):
    """The build reads each field's lengths once instead of a byte per posting:
    the index it writes is byte for byte the one whoosh's own reader gives."""
    from memoria.search import store

    ids = _sample_ids(tmp_path)
    ours = _part_bytes(tmp_path, ids, "ours")
    monkeypatch.setattr(store, "LengthsInOneRead", lambda reader: reader)  # a byte per posting
    theirs = _part_bytes(tmp_path, ids, "theirs")
    assert ours == theirs and len(ours) > 5


def test_postings_held_in_memory_build_the_same_index_bytes(tmp_path, monkeypatch):
    """A build part keeps its postings in ``build_pool`` instead of whoosh's
    pool: the segment written is byte for byte whoosh's, whether the postings
    stayed in memory or went through sorted runs on disk (either pool's)."""
    from whoosh.writing import PostingPool

    from memoria.search import build_pool, store

    ids = _sample_ids(tmp_path)
    ours = _part_bytes(tmp_path, ids, "ours")
    pools = []
    real_pool = store._postings_pool
    monkeypatch.setattr(build_pool, "_CHECK_EVERY", 40)
    monkeypatch.setattr(store, "PART_POSTINGS_BYTES", 4096)  # a run every few dozen postings
    monkeypatch.setattr(store, "_postings_pool", lambda w: pools.append(real_pool(w)) or pools[-1])
    ours_with_runs = _part_bytes(tmp_path, ids, "ours_runs")
    assert pools[-1].runs_written > 10

    def whooshs_pool(writer):
        pool = PostingPool(writer._tempstorage, writer.newsegment)
        pool.limit = 4096
        real_save = pool.save
        pool.save = lambda: (pools.append("whoosh run"), real_save())
        return pool

    monkeypatch.setattr(store, "_postings_pool", whooshs_pool)
    theirs = _part_bytes(tmp_path, ids, "theirs")
    assert pools.count("whoosh run") > 10  # whoosh's path really went through runs on disk
    assert ours == ours_with_runs == theirs and len(ours) > 5
    assert not list((tmp_path / "ours_runs").rglob("*.run"))  # runs removed after the merge


@pytest.mark.parametrize("runs", [False, True])
def test_postings_added_out_of_docnum_order_come_out_as_whoosh_sorts_them(runs, monkeypatch):
    from whoosh.filedb.filestore import RamStorage

    from memoria.search import build_pool

    added = [("text", b"casa", 5, 1.0, b"\x00\x01"), ("text", b"arbol", 2, 2.0, b""),
             ("people", b"rosa", 7, 1.0, b"x"), ("text", b"casa", 3, 1.5, b"\x02"),
             ("text", b"casa", 3, 0.5, b"\x03\x04"), ("text", b"arbol", 9, 1.0, b"yz"),
             ("text", b"casa", 8, 1.0, b"\x05"), ("text", b"arbol", 11, 1.0, b"")]
    monkeypatch.setattr(build_pool, "_CHECK_EVERY", 2)
    pool = build_pool.PostingsInMemory(RamStorage(), 1 if runs else None)
    for posting in added:
        pool.add(posting)
    assert pool.runs_written == (4 if runs else 0)
    assert pool.fieldnames == {"text", "people"}
    assert list(pool.iter_postings()) == sorted(added)
