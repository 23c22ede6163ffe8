"""Helpers for the trust tests: a fingerprint of the whole media store.

`media_snapshot(archive)` maps every file under media/ to its SHA-256 and
permission bits; comparing it before and after an operation proves that
operation neither changed, removed nor added an original.
"""

from __future__ import annotations

import hashlib
import stat

from tests.conftest import make_jpeg


def media_snapshot(archive) -> dict[str, tuple[str, int]]:
    media = archive.root / "media"
    return {
        p.relative_to(archive.root).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(), stat.S_IMODE(p.stat().st_mode))
        for p in sorted(media.rglob("*")) if p.is_file()
    }


def test_snapshot_sees_a_changed_byte(archive, tmp_path):
    from memoria.importing.importer import import_paths

    import_paths(archive, [make_jpeg(tmp_path / "a.jpg")])
    before = media_snapshot(archive)
    [path] = [archive.root / p for p in before]
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[-3] ^= 1
    path.write_bytes(bytes(data))
    path.chmod(0o444)
    assert media_snapshot(archive) != before
