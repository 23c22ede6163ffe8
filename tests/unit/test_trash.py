"""The trash (issue 15): move, restore, empty; a recorded deletion from the live archive.

Real archives (plain and encrypted) in tmp_path, real imported files with their
derived pictures, the real command line. Emptying removes an original only when
no other item uses it, records what went and by whom, leaves backups alone, and a
kill between the catalogue's commit and the files' removal is finished at the next
open with verify clean meanwhile.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from memoria.crypto.keys import KdfCost
from memoria.domain.consent import Audience
from memoria.importing.importer import import_paths
from memoria.operations import Actor
from memoria.operations import trash as trash_ops
from memoria.storage import items as item_store
from memoria.storage import trash as trash_store
from memoria.storage.archive import Archive
from memoria.storage.db import transaction
from memoria.trust.fixity import verify_archive

ANA = Actor("ana", Audience.CUSTODIAN, "en")


def _jpeg(path: Path, seed: int) -> Path:
    im = Image.new("RGB", (96, 64))
    im.putdata([((x * seed) % 256, (y * 7 + seed) % 256, (x * y) % 256)
                for y in range(64) for x in range(96)])
    im.save(path, "JPEG", quality=92)
    return path


def _fill(arch: Archive, folder: Path) -> dict[str, int]:
    """Three photographs: `shared` and `twin` hold the same bytes, `alone` its own."""
    folder.mkdir()
    same = _jpeg(folder / "plaza.jpg", 3)
    twin = folder / "plaza-copia.jpg"
    twin.write_bytes(same.read_bytes())
    alone = _jpeg(folder / "rio.jpg", 11)
    report = import_paths(arch, [same, alone])
    shared, single = (o.item_id for o in report.outcomes)
    other = item_store.create_item(arch, item_store.ItemFields(
        kind=item_store.Kind.PHOTOGRAPH, title="La misma plaza"))
    from memoria.operations import media as media_ops

    media_ops.add_files(arch, ANA, other, [twin])
    return {"shared": shared, "alone": single, "twin": other}


def _file_of(arch: Archive, item_id: int) -> tuple[str, Path]:
    (m,) = item_store.media_of(arch, item_id)
    (rel,) = arch.conn.execute("SELECT path FROM blobs WHERE sha256 = ?",
                               (m.sha256,)).fetchone()
    return m.sha256, arch.root / rel


def _derived(arch: Archive, sha: str) -> list[Path]:
    key = arch.vault.derived_key(sha)
    return [p for p in (arch.root / "derived").rglob("*") if p.is_file() and key in p.name]


@pytest.fixture(params=["plain", "encrypted"])
def world(request, tmp_path):
    if request.param == "plain":
        arch = Archive.create(tmp_path / "archive")
    else:
        arch = Archive.create(tmp_path / "archive", encrypt=True, account="ana",
                              passphrase="una frase larga de prueba", kdf=KdfCost.FOR_TESTS)
    arch.today_override = date(2026, 6, 1)
    ids = _fill(arch, tmp_path / "files")
    yield arch, ids
    arch.close()


def test_emptying_removes_originals_no_other_item_uses(world):
    arch, ids = world
    shared_sha, shared_file = _file_of(arch, ids["shared"])
    alone_sha, alone_file = _file_of(arch, ids["alone"])
    assert _file_of(arch, ids["twin"])[1] == shared_file  # the same bytes, stored once
    assert _derived(arch, alone_sha)  # the import made its thumbnail
    trash_ops.move_to_trash(arch, ANA, [ids["shared"], ids["alone"]])
    assert trash_ops.preview_empty(arch, ANA) == (2, 1)
    emptied = trash_ops.empty_trash(arch, ANA).value
    assert sorted(emptied.item_ids) == sorted([ids["shared"], ids["alone"]])
    assert (emptied.originals, emptied.files_left) == (1, 0)
    assert not alone_file.exists() and _derived(arch, alone_sha) == []
    assert shared_file.is_file() and _derived(arch, shared_sha)  # the twin still uses them
    assert item_store.get_item(arch, ids["twin"]).media[0].sha256 == shared_sha
    report = verify_archive(arch, record=False)
    assert report.unexpected == [] and report.missing == [] and report.changed == []


def test_the_audit_log_keeps_what_was_deleted_and_by_whom(world):
    arch, ids = world
    title = item_store.get_item(arch, ids["alone"]).title
    accession = item_store.accession_of(arch, ids["alone"])
    trash_ops.move_to_trash(arch, ANA, [ids["alone"]])
    trash_ops.empty_trash(arch, Actor("luis", Audience.CUSTODIAN, "es"))
    rows = arch.conn.execute("SELECT actor, action, details FROM audit_log WHERE item_id = ?"
                             " ORDER BY id", (ids["alone"],)).fetchall()
    actions = [(r[0], r[1]) for r in rows]
    assert ("ana", "trash") in actions and ("luis", "delete") in actions
    details = json.loads(rows[-1][2])
    assert details["accession"] == accession and details["title"] == title
    assert details["trashed_by"] == "ana" and details["files"][0].startswith("rio.jpg")
    with pytest.raises(item_store.ItemError):
        item_store.get_item(arch, ids["alone"])


def test_restore_brings_an_item_back_whole(world):
    arch, ids = world
    before = item_store.get_item(arch, ids["alone"])
    trash_ops.move_to_trash(arch, ANA, [ids["alone"]])
    assert ids["alone"] not in item_store.list_item_ids(arch)
    assert [e.id for e in trash_ops.entries(arch, ANA)] == [ids["alone"]]
    trash_ops.restore(arch, ANA, [ids["alone"]])
    assert item_store.get_item(arch, ids["alone"]) == before
    assert trash_ops.entries(arch, ANA) == []
    with pytest.raises(trash_ops.TrashError) as refused:
        trash_ops.restore(arch, ANA, [ids["alone"]])
    assert "is not in the trash" in str(refused.value)


def test_emptying_only_some_leaves_the_rest_in_the_trash(world):
    arch, ids = world
    trash_ops.move_to_trash(arch, ANA, [ids["alone"], ids["twin"]])
    trash_ops.empty_trash(arch, ANA, [ids["twin"]])
    assert trash_store.trashed_ids(arch) == {ids["alone"]}


def test_a_kill_after_the_commit_is_finished_at_the_next_open(world):
    """The catalogue part committed, the process died before removing the files:
    verify meanwhile finds nothing wrong, the next open removes them."""
    arch, ids = world
    root = arch.root
    alone_sha, alone_file = _file_of(arch, ids["alone"])
    trash_ops.move_to_trash(arch, ANA, [ids["alone"]])
    with transaction(arch.conn):
        trash_store.delete(arch)  # then "killed": no finish_wipe
    assert alone_file.is_file() and trash_store.pending_files(arch)
    report = verify_archive(arch, record=False)
    assert report.unexpected == [] and report.missing == []
    keys = arch.keys
    arch.close()
    again = Archive.open(root, keys=keys)
    try:
        assert not alone_file.exists() and _derived(again, alone_sha) == []
        assert trash_store.pending_files(again) == []
        assert verify_archive(again, record=False).unexpected == []
    finally:
        again.close()


def test_bytes_imported_again_before_the_wipe_are_kept(world, tmp_path):
    """Between the commit and the removal, the same bytes come back (another item):
    the file is theirs now and stays."""
    arch, ids = world
    alone_sha, alone_file = _file_of(arch, ids["alone"])
    copy = tmp_path / "rio-otra-vez.jpg"
    copy.write_bytes(arch.vault.read_bytes(alone_file.relative_to(arch.root).as_posix()))
    trash_ops.move_to_trash(arch, ANA, [ids["alone"]])
    with transaction(arch.conn):
        trash_store.delete(arch)
    import_paths(arch, [copy])
    trash_store.finish_wipe(arch)
    assert alone_file.is_file() and trash_store.pending_files(arch) == []
    assert verify_archive(arch, record=False).missing == []


def test_backups_keep_the_emptied_items(world, tmp_path):
    from memoria.trust.backup import backup_archive

    arch, ids = world
    dest = tmp_path / "respaldo"
    backup_archive(arch, dest)
    before = {p: p.read_bytes() for p in dest.rglob("*") if p.is_file()}
    trash_ops.move_to_trash(arch, ANA, [ids["alone"]])
    trash_ops.empty_trash(arch, ANA)
    after = {p: p.read_bytes() for p in dest.rglob("*") if p.is_file()}
    assert after == before


def test_the_command_line_in_both_languages(tmp_path):
    from tests.unit.test_cli import memoria

    root = tmp_path / "archive"
    arch = Archive.create(root)
    ids = _fill(arch, tmp_path / "files")
    accession = item_store.accession_of(arch, ids["alone"])
    arch.close()
    moved = memoria("trash", accession, str(ids["twin"]), archive=root)
    assert "2 items moved to the trash" in moved.stdout
    listed = json.loads(memoria("trash", "--list", "--json", archive=root).stdout)
    assert {e["accession"] for e in listed["trash"]} >= {accession}
    gone = memoria("show", accession, archive=root, check=False)
    assert gone.returncode == 3 and "in the trash" in gone.stderr
    assert accession not in memoria("list", archive=root).stdout
    back = memoria("trash", "--restore", str(ids["twin"]), archive=root)
    assert "1 item restored" in back.stdout
    missing = memoria("trash", "T-1999-9999", archive=root, check=False)
    assert missing.returncode == 1 and "no item “T-1999-9999”" in missing.stderr
    assert "Traceback" not in missing.stderr
    asked = memoria("empty-trash", "--lang", "es", archive=root, check=False)
    assert asked.returncode == 1 and "copias de seguridad los conservan" in asked.stdout
    assert "memoria empty-trash --yes" in asked.stdout
    done = memoria("empty-trash", "--yes", archive=root)
    assert "Trash emptied: 1 item and 1 original deleted" in done.stdout
    assert "backups keep them" in done.stdout
    assert "The trash is empty." in memoria("trash", "--list", archive=root).stdout
    assert memoria("verify", archive=root).returncode == 0


def test_a_trash_that_cannot_be_read_is_an_error_not_an_empty_trash(tmp_path):
    """Trash refuses items to every audience, so reading it must not fail
    open: only a catalogue from before the trash (no table) has an empty one."""
    from types import SimpleNamespace

    from memoria.storage import driver as sqlite3  # the driver the catalogue uses
    from memoria.storage.trash import trashed_among, trashed_ids

    older = SimpleNamespace(conn=sqlite3.connect(tmp_path / "older.sqlite"))
    assert trashed_among(older, [1, 2]) == set() == trashed_ids(older)
    broken = SimpleNamespace(conn=sqlite3.connect(tmp_path / "broken.sqlite"))
    broken.conn.execute("CREATE VIEW trash AS SELECT no_such_function(1) AS item_id")
    with pytest.raises(sqlite3.OperationalError, match="no such function"):
        trashed_among(broken, [1, 2])
    with pytest.raises(sqlite3.OperationalError, match="no such function"):
        trashed_ids(broken)
