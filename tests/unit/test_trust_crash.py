"""Promises 3, 4 and 8: crashes, a full disk and other processes never corrupt the archive."""

from __future__ import annotations

import errno
import os
import random
import subprocess
import sys
import textwrap

import pytest

from bench.crash_stress import check_after_crash, run
from memoria.importing.importer import default_probe, import_paths
from memoria.storage import media_store
from tests.conftest import make_jpeg
from tests.unit.test_trust_support import media_snapshot


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork and SIGKILL")
def test_sigkill_during_import_never_leaves_the_catalogue_inconsistent(tmp_path):
    seed = int(os.environ.get("MEMORIA_CRASH_SEED", random.randrange(2**32)))
    print(f"crash test seed: {seed} (rerun with MEMORIA_CRASH_SEED={seed})")
    result = run(kills=50, seed=seed, workdir=tmp_path, files=24, max_delay=0.2)
    assert result.failures == [], result.failures
    assert result.kills == 50
    print(f"{result.kills_per_second:.1f} kills/s")


class _FullDisk:
    """Wraps the temporary file an original is copied into; the Nth write fails."""

    writes = 0

    def __init__(self, real, fail_at: int) -> None:
        self.real, self.fail_at = real, fail_at

    def write(self, data: bytes) -> int:
        _FullDisk.writes += 1
        if _FullDisk.writes >= self.fail_at:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.real.write(data)


def test_disk_full_during_import_stops_cleanly(archive, tmp_path, monkeypatch):
    files = [make_jpeg(tmp_path / f"foto_{i}.jpg", color=(i * 40, 9, 9)) for i in range(5)]
    real_copy = media_store._copy_hashing
    _FullDisk.writes = 0
    monkeypatch.setattr(media_store, "_copy_hashing",
                        lambda src, dest: real_copy(src, _FullDisk(dest, fail_at=3)))
    report = import_paths(archive, files, probe_fn=default_probe)
    statuses = [(o.path.name, o.status) for o in report.outcomes]
    assert statuses == [("foto_0.jpg", "imported"), ("foto_1.jpg", "imported"),
                        ("foto_2.jpg", "failed"), ("foto_3.jpg", "failed"),
                        ("foto_4.jpg", "failed")]
    assert "no space left on device" in report.outcomes[2].reason
    assert "foto_2.jpg" in report.outcomes[2].reason
    assert "foto_2.jpg" in report.problems[0] and "2 imported" in report.problems[0]
    assert archive.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 2
    assert archive.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 2
    assert len(media_snapshot(archive)) == 2
    assert not list((archive.root / "tmp").iterdir())  # no partial copy left behind
    monkeypatch.undo()
    archive.close()
    assert check_after_crash(archive.root) == []


def test_audit_log_is_append_only_for_another_process(archive, tmp_path):
    make_jpeg(tmp_path / "a.jpg")
    import_paths(archive, [tmp_path / "a.jpg"])
    count = archive.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    assert count > 0
    script = textwrap.dedent(f"""
        import sqlite3, sys
        conn = sqlite3.connect(r"{archive.root / 'catalogue.sqlite'}", timeout=5)
        refused = 0
        for sql in ("UPDATE audit_log SET actor = 'intruso'", "DELETE FROM audit_log",
                    "UPDATE audit_log SET details = '{{}}' WHERE id = 1"):
            try:
                conn.execute(sql)
                conn.commit()
            except sqlite3.IntegrityError as exc:
                assert "append-only" in str(exc), exc
                refused += 1
        print(refused)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "3", result.stderr
    assert archive.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == count
    assert archive.conn.execute(
        "SELECT COUNT(*) FROM audit_log WHERE actor = 'intruso'").fetchone()[0] == 0
