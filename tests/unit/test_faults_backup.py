"""Promise: a backup never overwrites good with bad, and a restore that did not
finish never passes for an archive."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from bench.fault_checks import consistency_problems
from memoria.cli import main
from memoria.storage.archive import RESTORING, Archive, ArchiveError
from memoria.trust.backup import backup_archive, generations, restore_backup


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def break_structure(catalogue: Path, index: str = "sqlite_autoindex_item_languages_1") -> None:
    """Zero the header of one index page: SQLite's own check sees it, opening does not."""
    conn = sqlite3.connect(catalogue)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("SELECT pageno FROM dbstat WHERE name = ? LIMIT 1", (index,)).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(catalogue, "r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(b"\0" * 8)


@pytest.fixture
def demo(tmp_path) -> Path:
    assert main(["demo", str(tmp_path / "demo")]) == 0
    return tmp_path / "demo"


def test_a_damaged_catalogue_is_refused_and_the_last_backup_kept(demo, tmp_path, capsys):
    dest = tmp_path / "bk"
    assert main(["backup", str(dest), "--archive", str(demo)]) == 0
    before = _digest(dest / "catalogue.sqlite")
    break_structure(demo / "catalogue.sqlite")
    capsys.readouterr()
    assert main(["--lang", "en", "backup", str(dest), "--archive", str(demo)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "memoria restore" in err and "Traceback" not in err
    assert _digest(dest / "catalogue.sqlite") == before
    assert len(generations(dest)) == 1
    assert main(["restore", str(dest), str(tmp_path / "back")]) == 0
    assert consistency_problems(tmp_path / "back") == []


def test_generations_are_kept_up_to_the_setting(demo, tmp_path):
    dest = tmp_path / "bk"
    with Archive.open(demo) as archive:
        for n in range(4):
            archive.set_setting("note", str(n))  # each generation differs
            backup_archive(archive, dest, keep=3)
    kept = generations(dest)
    assert len(kept) == 3 and kept[-1].name == "catalogue.sqlite"
    for number, older in enumerate(kept[:-1], start=1):
        restore_backup(dest, tmp_path / f"r{number}", generation=older.name)
        with Archive.open(tmp_path / f"r{number}", writable=False) as restored:
            assert restored.setting("note") == str(number)  # generations 1 and 2 (0 pruned)


def test_debris_of_a_failed_run_is_cleaned_and_the_run_continues(demo, tmp_path):
    dest = tmp_path / "bk"
    assert main(["backup", str(dest), "--archive", str(demo)]) == 0
    (dest / ".catalogue.0123.part").write_bytes(b"half a catalogue")
    some = next((dest / "media").rglob("*.*"))
    (some.parent / f".{some.name}.abc.part").write_bytes(b"half an original")
    assert main(["backup", str(dest), "--archive", str(demo)]) == 0
    assert not list(dest.rglob("*.part"))


def test_a_destination_with_only_a_killed_first_run_is_accepted(demo, tmp_path):
    dest = tmp_path / "bk"
    dest.mkdir()
    # What a run killed right after claiming the folder leaves: the marker and a part file.
    (dest / "memoria-backup.json").write_text('{"format": "memoria-backup", "generations": []}')
    (dest / ".catalogue.dead.part").write_bytes(b"x" * 100)
    assert main(["backup", str(dest), "--archive", str(demo)]) == 0
    assert main(["restore", str(dest), str(tmp_path / "back")]) == 0
    assert consistency_problems(tmp_path / "back") == []


def test_a_half_restored_folder_refuses_to_open_until_restored_again(demo, tmp_path, capsys):
    dest = tmp_path / "bk"
    assert main(["backup", str(dest), "--archive", str(demo)]) == 0
    target = tmp_path / "back"
    restore_backup(dest, target)
    (target / RESTORING).write_text("{}")  # as a restore killed before its last original
    with pytest.raises(ArchiveError, match="did not finish"):
        Archive.open(target, writable=False)
    capsys.readouterr()
    assert main(["--lang", "en", "list", "--archive", str(target)]) == 1
    assert "did not finish" in capsys.readouterr().err
    assert main(["restore", str(dest), str(target)]) == 0  # starts over, completes
    assert not (target / RESTORING).exists()
    assert consistency_problems(target) == []


def _flip_unseen_by_sqlite(catalogue: Path) -> None:
    """Change one byte of a row's text: SQLite's structural check finds nothing."""
    data = catalogue.read_bytes()
    offset = data.index(b"Casas de colores")
    with open(catalogue, "r+b") as handle:
        handle.seek(offset)
        handle.write(b"K")
    conn = sqlite3.connect(f"{catalogue.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


@pytest.mark.parametrize("lang, words", [("es", "está dañado"), ("en", "is damaged")])
def test_a_catalogue_changed_outside_memoria_is_not_backed_up(demo, tmp_path, capsys, lang,
                                                              words):
    """Pages changed behind SQLite's back (its own check says ok) are found by the seal;
    the backup refuses, in the person's language, and the good generation stays."""
    dest = tmp_path / "bk"
    assert main(["backup", str(dest), "--archive", str(demo)]) == 0
    before = _digest(dest / "catalogue.sqlite")
    with Archive.open(demo) as archive:  # everything in the main file, sealed
        archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _flip_unseen_by_sqlite(demo / "catalogue.sqlite")
    capsys.readouterr()
    assert main(["--lang", lang, "backup", str(dest), "--archive", str(demo)]) == 1
    err = capsys.readouterr().err
    assert words in err and "memoria restore" in err and "Traceback" not in err, err
    assert _digest(dest / "catalogue.sqlite") == before
    assert len(generations(dest)) == 1
