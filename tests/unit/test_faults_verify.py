"""Promise: verify always reports what it finds; a damaged, missing or empty
catalogue is said so in one sentence and never replaced by a new empty one."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from memoria.cli import main
from tests.unit.test_faults_backup import break_structure


@pytest.fixture
def demo(tmp_path) -> Path:
    assert main(["demo", str(tmp_path / "demo")]) == 0
    return tmp_path / "demo"


def test_verify_reports_damage_it_cannot_record(demo, capsys):
    # The audit log's own pages are broken: verify finds it, and cannot write its record there.
    break_structure(demo / "catalogue.sqlite", index="audit_log")
    capsys.readouterr()
    code = main(["--lang", "en", "verify", "--archive", str(demo)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert "PROBLEMS FOUND" in out and "catalogue damaged" in out
    saved = list((demo / "reports").glob("verify-*.json"))
    assert saved and json.loads(saved[0].read_text())["ok"] is False
    assert "not recorded in the catalogue" in out and str(saved[0]) in out


def test_verify_of_a_catalogue_that_will_not_open_still_reports(demo, capsys):
    with open(demo / "catalogue.sqlite", "r+b") as handle:
        handle.write(b"this is no longer an SQLite header")
    capsys.readouterr()
    code = main(["--lang", "en", "verify", "--json", "--archive", str(demo)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    report = json.loads(out)
    assert report["ok"] is False and any("damaged" in line for line in report["integrity"])
    assert list((demo / "reports").glob("verify-*.json"))


@pytest.mark.parametrize("command", [["list"], ["show", "1"], ["search", "casa"],
                                     ["consent", "withdraw", "1", "--reason", "x"],
                                     ["backup", "BK"], ["import", "IMPORT"]])
def test_an_emptied_catalogue_is_never_recreated(demo, tmp_path, capsys, command):
    (demo / "catalogue.sqlite").write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(f"{demo / 'catalogue.sqlite'}{suffix}").unlink(missing_ok=True)
    (tmp_path / "IMPORT").mkdir()
    argv = [str(tmp_path / a) if a in ("BK", "IMPORT") else a for a in command]
    capsys.readouterr()
    assert main(["--lang", "es", *argv, "--archive", str(demo)]) != 0
    err = capsys.readouterr().err
    assert "vacío" in err or "empty" in err, err
    assert "memoria restore" in err and "Traceback" not in err
    assert (demo / "catalogue.sqlite").stat().st_size == 0
    (demo / "catalogue.sqlite").unlink()
    assert main(["--lang", "es", *argv, "--archive", str(demo)]) != 0
    assert not (demo / "catalogue.sqlite").exists()


def test_list_and_show_read_text_that_is_not_utf8(demo, capsys):
    conn = sqlite3.connect(demo / "catalogue.sqlite")
    conn.execute("UPDATE items SET title = CAST(x'4361f16f6e' AS TEXT) WHERE id = 1")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["--lang", "en", "list", "--archive", str(demo)]) == 0
    out, err = capsys.readouterr()
    assert "Ca\ufffdon" in out and "not valid UTF-8" in err
    assert main(["--lang", "en", "show", "1", "--archive", str(demo)]) == 0
    assert "Ca\ufffdon" in capsys.readouterr().out


@pytest.mark.parametrize("lang, words, saved", [
    ("es", ["SE ENCONTRARON PROBLEMAS", "catálogo:", "cambió fuera de Memoria", "aviso:"],
     ["no quedó registrado en el catálogo", "El resultado se guardó en"]),
    ("en", ["PROBLEMS FOUND", "catalogue:", "changed outside Memoria", "warning:"],
     ["not recorded in the catalogue", "The result was saved in"]),
])
def test_the_verify_report_is_in_the_persons_language(demo, capsys, lang, words, saved):
    """Every line of the report, the warning at open and the saved-report note, es or en."""
    from memoria.storage.archive import Archive
    from tests.unit.test_faults_backup import _flip_unseen_by_sqlite

    with Archive.open(demo) as archive:
        archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _flip_unseen_by_sqlite(demo / "catalogue.sqlite")
    capsys.readouterr()
    assert main(["--lang", lang, "verify", "--archive", str(demo)]) == 1
    said = "".join(capsys.readouterr())
    assert [w for w in words if w not in said] == [], said
    other = "changed outside Memoria" if lang == "es" else "cambió fuera de Memoria"
    assert other not in said
    assert main(["--lang", lang, "verify", "--json", "--archive", str(demo)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert any(words[2] in line for line in report["seal"])
    break_structure(demo / "catalogue.sqlite", index="audit_log")  # the record cannot go in
    assert main(["--lang", lang, "verify", "--archive", str(demo)]) == 1
    said = "".join(capsys.readouterr())
    assert [w for w in saved if w not in said] == [], said
