"""The archive folder, its catalogue, migrations, the writer lock and the audit log."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from memoria.domain.model import ConsentStatus, Kind, Role, Scope
from memoria.storage import authorities, consents, db, driver, media_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive, ArchiveError


def test_new_archive_has_the_documented_layout(archive):
    for name in ("catalogue.sqlite", "media", "derived", "index"):
        assert (archive.root / name).exists()
    conn = archive.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.current_version(conn) == db.schema_version()


def test_a_folder_that_is_not_an_archive_is_refused(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(b"x")
    from memoria.domain.messages import error_text

    with pytest.raises(ArchiveError, match="no es un archivo de Memoria") as refused:
        Archive.open(tmp_path / "photos")
    assert "not a Memoria archive" in error_text(refused.value, "en")
    with pytest.raises(ArchiveError, match="no está vacía") as refused:
        Archive.create(tmp_path / "photos")
    assert "not empty" in error_text(refused.value, "en")
    assert (tmp_path / "photos" / "a.jpg").read_bytes() == b"x"  # nothing overwritten


def test_an_sqlite_file_that_is_not_ours_is_refused(tmp_path):
    folder = tmp_path / "other"
    folder.mkdir()
    sqlite3.connect(folder / "catalogue.sqlite").execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(ArchiveError, match="not a Memoria catalogue"):
        Archive.open(folder)


def test_a_catalogue_from_a_newer_memoria_is_refused(tmp_path):
    path = tmp_path / "a"
    Archive.create(path).close()
    conn = sqlite3.connect(path / "catalogue.sqlite")
    conn.execute(f"PRAGMA user_version = {db.schema_version() + 1}")
    conn.close()
    with pytest.raises(ArchiveError, match="newer Memoria"):
        Archive.open(path)


def test_a_failed_migration_is_rolled_back_whole(tmp_path, monkeypatch):
    path = tmp_path / "a"
    Archive.create(path).close()
    broken = "ALTER TABLE items ADD COLUMN extra TEXT;\nTHIS IS NOT SQL;"
    current = db.schema_version()
    fake = [*db._migration_files(), (current + 1, "broken", broken)]
    monkeypatch.setattr(db, "_migration_files", lambda: fake)
    with pytest.raises(ArchiveError):
        Archive.open(path)
    conn = sqlite3.connect(path / "catalogue.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current
    columns = [r[1] for r in conn.execute("PRAGMA table_info(items)")]
    assert "extra" not in columns  # the first statement was undone too


def test_backup_before_migrating_an_existing_catalogue(tmp_path, monkeypatch):
    path = tmp_path / "a"
    with Archive.create(path) as arch:
        item_store.create_item(arch, item_store.ItemFields(Kind.PHOTOGRAPH, "Antes"))
    extra = tmp_path / "migrations"
    current = db.schema_version()
    fake = [*db._migration_files(),
            (current + 1, "add_column", "ALTER TABLE items ADD COLUMN extra TEXT;")]
    monkeypatch.setattr(db, "_migration_files", lambda: fake)
    with Archive.open(path) as arch:
        assert db.current_version(arch.conn) == current + 1
    backups = list((path / "backups").glob(f"catalogue-v{current}-*.sqlite"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT title FROM items").fetchone()[0] == "Antes"
    assert not extra.exists()


def test_writers_in_two_processes_take_turns(tmp_path):
    """The window and the command line write to one archive: the lock is per transaction."""
    path = tmp_path / "a"
    with Archive.create(path) as window:
        item_store.create_item(window, item_store.ItemFields(Kind.PHOTOGRAPH, "Mural"))
        code = (
            "from memoria.storage.archive import Archive\n"
            "from memoria.storage import items\n"
            "from memoria.domain.model import Kind\n"
            f"with Archive.open(r'{path}') as a:\n"
            "    items.create_item(a, items.ItemFields(Kind.AUDIO, 'Canto'))\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        titles = {r[0] for r in window.conn.execute("SELECT title FROM items")}
        assert titles == {"Mural", "Canto"}
        # Readers are welcome while a writer works.
        with Archive.open(path, writable=False) as reader:
            assert reader.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 2


def test_a_writer_kept_waiting_is_told_why(tmp_path, monkeypatch):
    path = tmp_path / "a"
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 200)
    with Archive.create(path) as first, Archive.open(path) as second:
        first.conn.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(db.CatalogueBusy, match="busy: another Memoria program") as busy:
                item_store.create_item(second, item_store.ItemFields(Kind.PHOTOGRAPH, "Mural"))
            # The person reads it in their language, from the one error path.
            from memoria import faults

            assert "ocupado por otro proceso de Memoria" in faults.describe(busy.value, "es")
        finally:
            first.conn.execute("ROLLBACK")
        item_store.create_item(second, item_store.ItemFields(Kind.PHOTOGRAPH, "Mural"))


def test_the_start_up_sweep_spares_another_writers_ingest(tmp_path):
    path = tmp_path / "a"
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"not yet in the catalogue")
    with Archive.create(path) as importing:
        staged = media_store.stage(importing, source, "jpg")  # copied, not yet committed
        with Archive.open(path) as window:
            assert window.swept == []
        assert (path / staged.relpath).exists()
        media_store.discard(importing, staged)
    leftover = path / "tmp" / "ingest-crashed.part"
    leftover.write_bytes(b"half")
    with Archive.open(path) as alone:  # nobody else has it open: the sweep runs
        assert alone.swept == ["tmp/ingest-crashed.part"]


def test_audit_log_is_append_only(archive):
    item_store.create_item(archive, item_store.ItemFields(Kind.PHOTOGRAPH, "Mural"))
    with pytest.raises(driver.IntegrityError, match="append-only"):
        archive.conn.execute("UPDATE audit_log SET actor = 'someone else'")
    with pytest.raises(driver.IntegrityError, match="append-only"):
        archive.conn.execute("DELETE FROM audit_log")
    assert archive.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] >= 1


def test_consent_records_and_events_cannot_be_deleted(archive):
    person = authorities.add_person(archive, "Ana")
    item = item_store.create_item(archive, item_store.ItemFields(
        Kind.TESTIMONY, "Relato", people=[(person.id, Role.NARRATOR)]))
    cid = consents.record_consent(archive, person.id, [item], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH}))
    with pytest.raises(driver.IntegrityError, match="never deleted"):
        archive.conn.execute("DELETE FROM consents WHERE id = ?", (cid,))
    with pytest.raises(driver.IntegrityError, match="append-only"):
        archive.conn.execute("UPDATE consent_events SET reason = 'x'")


def test_item_edits_are_audited_with_before_and_after(archive):
    item_id = item_store.create_item(archive, item_store.ItemFields(
        Kind.PHOTOGRAPH, "Escaleras", date_edtf="2002-10"))
    fields = item_store.ItemFields.from_item(item_store.get_item(archive, item_id))
    fields.title = "Escaleras eléctricas"
    item_store.update_item(archive, item_id, fields)
    rows = archive.conn.execute(
        "SELECT action, details, actor FROM audit_log WHERE item_id = ? ORDER BY id", (item_id,)
    ).fetchall()
    assert [r[0] for r in rows] == ["create", "update"]
    assert '"before": "Escaleras"' in rows[1][1] and "eléctricas" in rows[1][1]
    assert rows[1][2] == "test-archivist"


def test_accession_numbers_per_kind_and_year(archive):
    make = lambda kind: item_store.get_item(  # noqa: E731
        archive, item_store.create_item(archive, item_store.ItemFields(kind, "x"))).accession
    year = __import__("datetime").date.today().year
    assert make(Kind.TESTIMONY) == f"T-{year}-0001"
    assert make(Kind.TESTIMONY) == f"T-{year}-0002"
    assert make(Kind.PHOTOGRAPH) == f"F-{year}-0001"
    archive.set_setting("prefix.audio", "AUD")
    assert make(Kind.AUDIO) == f"AUD-{year}-0001"


def test_invalid_items_are_refused_with_the_field(archive):
    with pytest.raises(item_store.ItemError) as err:
        item_store.create_item(archive, item_store.ItemFields(Kind.PHOTOGRAPH, "  "))
    assert err.value.field_name == "title"
    with pytest.raises(item_store.ItemError) as err:
        item_store.create_item(archive, item_store.ItemFields(Kind.PHOTOGRAPH, "x", date_edtf="1998-13"))
    assert err.value.field_name == "date"


def test_place_hierarchy_and_spanish_sort(archive):
    place = authorities.place_by_path(archive, "Colombia > Antioquia > Medellín > Comuna 13")
    assert [p.name for p in authorities.place_path(archive, place.id)] == [
        "Colombia", "Antioquia", "Medellín", "Comuna 13"]
    for title in ("Ñame", "Nube", "Ocaso", "Árbol", "zapato"):
        item_store.create_item(archive, item_store.ItemFields(Kind.PHOTOGRAPH, title))
    ids = item_store.list_item_ids(archive, sort="title")
    titles = [item_store.get_item(archive, i).title for i in ids]
    assert titles == ["Árbol", "Nube", "Ñame", "Ocaso", "zapato"]


def test_segments_keep_ids_and_consented_segments_cannot_vanish(archive):
    from memoria.domain.model import SegmentDraft

    person = authorities.add_person(archive, "Ana")
    item = item_store.create_item(archive, item_store.ItemFields(
        Kind.TESTIMONY, "Relato", people=[(person.id, Role.NARRATOR)]))
    ids = item_store.save_segments(archive, item, [
        SegmentDraft(0, 5000, "Ana", "Yo llegué al barrio en 1998."),
        SegmentDraft(5000, 9000, "Ana", "Mi hermano desapareció."),
    ])
    consents.record_consent(archive, person.id, [item], consents.ConsentTerms(
        ConsentStatus.WITHDRAWN), segment_ids=[ids[1]])
    first, second = item_store.segments_of(archive, item)
    assert item_store.save_segments(archive, item, [first, second]) == ids
    with pytest.raises(item_store.ItemError, match="consent"):
        item_store.save_segments(archive, item, [first])
    assert len(item_store.segments_of(archive, item)) == 2
