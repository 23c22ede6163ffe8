"""Copying originals in: hashing, read-only, stored once, and crash safety."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap

from memoria.importing.importer import ImportOptions, import_paths
from memoria.storage import media_store
from memoria.storage.archive import Archive
from tests.conftest import make_jpeg


def test_import_stores_originals_by_hash_read_only(archive, media_folder):
    report = import_paths(archive, [media_folder])
    imported = report.with_status("imported")
    assert len(imported) == 6, report.outcomes
    for outcome in imported:
        expected = hashlib.sha256(outcome.path.read_bytes()).hexdigest()
        assert outcome.sha256 == expected
        stored = archive.root / f"media/{expected[:2]}"
        [copy] = list(stored.glob(f"{expected}.*"))
        assert copy.read_bytes() == outcome.path.read_bytes()
        assert media_store.read_only_check(copy)
    kinds = {o.path.suffix: archive.conn.execute(
        "SELECT kind FROM items WHERE id = ?", (o.item_id,)).fetchone()[0] for o in imported}
    assert kinds == {".jpg": "photograph", ".png": "photograph", ".wav": "audio",
                     ".mp3": "audio", ".flac": "audio", ".ogg": "audio"}


def test_same_bytes_twice_are_stored_once_and_said_so(archive, tmp_path):
    first = make_jpeg(tmp_path / "a.jpg")
    second = tmp_path / "copia con otro nombre.jpg"
    second.write_bytes(first.read_bytes())
    report = import_paths(archive, [first, second])
    assert [o.status for o in report.outcomes] == ["imported", "duplicate"]
    assert report.outcomes[0].accession in report.outcomes[1].reason
    assert len(list((archive.root / "media").rglob("*.jpg"))) == 1
    assert archive.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 1


def test_kind_comes_from_content_not_extension(archive, tmp_path):
    fake = make_jpeg(tmp_path / "grabacion.mp3")
    report = import_paths(archive, [fake])
    [outcome] = report.outcomes
    assert outcome.status == "imported"
    kind = archive.conn.execute("SELECT kind FROM items").fetchone()[0]
    assert kind == "photograph"
    assert list((archive.root / "media").rglob("*.jpg"))


def test_bad_files_are_reported_and_the_rest_imported(archive, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    make_jpeg(folder / "bueno.jpg")
    (folder / "vacio.jpg").write_bytes(b"")
    (folder / "texto.jpg").write_text("no soy una foto")
    report = import_paths(archive, [folder])
    by_name = {o.path.name: o for o in report.outcomes}
    assert by_name["bueno.jpg"].status == "imported"
    assert by_name["vacio.jpg"].status == "failed" and "empty" in by_name["vacio.jpg"].reason
    assert by_name["texto.jpg"].status == "failed"
    assert archive.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 1
    assert archive.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_cancel_keeps_what_was_finished(archive, tmp_path):
    files = [make_jpeg(tmp_path / f"f{i}.jpg", color=(i * 20, 10, 10)) for i in range(5)]
    seen = []
    report = import_paths(archive, files, ImportOptions(),
                          progress=lambda done, total, name: seen.append(done),
                          cancel=lambda: len(seen) >= 3)
    assert report.cancelled
    assert len(report.with_status("imported")) == 3
    rows = archive.conn.execute("SELECT COUNT(*) FROM media_files").fetchone()[0]
    assert rows == 3 and len(list((archive.root / "media").rglob("*.jpg"))) == 3


def _crash_script(archive_path, photo, when: str) -> str:
    return textwrap.dedent(f"""
        import os
        from memoria.storage import media_store, items
        from memoria.storage.archive import Archive
        from memoria.storage.db import transaction
        from memoria.domain.model import Kind
        archive = Archive.open(r"{archive_path}")
        staged = media_store.stage(archive, __import__('pathlib').Path(r"{photo}"), "jpg")
        if "{when}" == "after_rename":
            os._exit(9)
        archive.conn.execute("BEGIN IMMEDIATE")
        items.record_blob(archive, staged.sha256, staged.size, staged.relpath, "image/jpeg",
                          "JPEG", {{}})
        items.create_item(archive, items.ItemFields(Kind.PHOTOGRAPH, "x"))
        os._exit(9)  # dies inside the transaction, before COMMIT
    """)


def test_crash_between_copy_and_commit_leaves_nothing(tmp_path):
    path = tmp_path / "arch"
    Archive.create(path).close()
    photo = make_jpeg(tmp_path / "foto.jpg")
    for when in ("after_rename", "inside_transaction"):
        result = subprocess.run([sys.executable, "-c", _crash_script(path, photo, when)],
                                capture_output=True, text=True)
        assert result.returncode == 9, result.stderr
        assert list((path / "media").rglob("*.jpg"))  # the copy is there, uncommitted
        with Archive.open(path) as archive:
            assert archive.swept, "the start-up sweep should have removed the orphan"
            assert not list((path / "media").rglob("*.jpg"))
            assert archive.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 0
            assert archive.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert not list((path / "tmp").iterdir())
        # And the same photo imports cleanly afterwards.
    with Archive.open(path) as archive:
        assert import_paths(archive, [photo]).with_status("imported")


def test_half_copied_temp_files_are_swept(tmp_path):
    path = tmp_path / "arch"
    Archive.create(path).close()
    (path / "tmp" / "ingest-dead.part").write_bytes(os.urandom(100))
    with Archive.open(path) as archive:
        assert "tmp/ingest-dead.part" in archive.swept
    assert not (path / "tmp" / "ingest-dead.part").exists()
