"""The derived-file cache: layout, safety of keys, LRU eviction, races."""

from __future__ import annotations

import hashlib
import os
import threading
import time

import pytest
from PIL import Image

from memoria.media.images import make_thumbnail
from memoria.media.thumbcache import ThumbCache
from tests.unit.test_media_support import jpeg_with_exif


def key(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


def write_bytes(size: int):
    def build(dest):
        dest.write_bytes(b"x" * size)
    return build


def test_layout_is_sharded_by_hash_prefix(tmp_path):
    cache = ThumbCache(tmp_path / "derived")
    sha = key(1)
    assert cache.path_for(sha, "grid") == tmp_path / "derived" / "thumbs" / sha[:2] / f"{sha}-grid.jpg"


@pytest.mark.parametrize(("sha", "variant"), [
    ("../../etc/passwd", "grid"), (key(1).upper(), "grid"), (key(1)[:63], "grid"),
    (key(1), "../x"), (key(1), ""), (key(1), "Grid"), (key(1), "a" * 33),
])
def test_keys_cannot_escape_the_folder(tmp_path, sha, variant):
    with pytest.raises(ValueError):
        ThumbCache(tmp_path).path_for(sha, variant)


def test_ensure_builds_once_then_hits(tmp_path):
    src = jpeg_with_exif(tmp_path / "a.jpg")
    cache = ThumbCache(tmp_path / "derived")
    calls = []

    def build(dest):
        calls.append(dest)
        make_thumbnail(src, dest, 40)

    first = cache.ensure(key(1), "grid", build)
    second = cache.ensure(key(1), "grid", build)
    assert first == second and len(calls) == 1
    with Image.open(first) as im:
        assert im.size == (20, 40)
    assert cache.read_bytes(key(1), "grid") == first.read_bytes()
    assert cache.get(key(2), "grid") is None and cache.read_bytes(key(2), "grid") is None


def test_png_thumbnails_are_found_too(tmp_path):
    src = tmp_path / "alpha.png"
    Image.new("RGBA", (50, 50), (0, 0, 0, 0)).save(src)
    cache = ThumbCache(tmp_path / "derived")
    path = cache.ensure(key(3), "grid", lambda dest: make_thumbnail(src, dest))
    assert path.suffix == ".png"
    assert cache.get(key(3), "grid") == path


def test_lru_eviction_keeps_recently_used_entries(tmp_path):
    cache = ThumbCache(tmp_path, budget_bytes=10_000)
    now = time.time()
    for n in range(8):  # 8 KB, under budget; ages one minute apart, oldest first
        path = cache.ensure(key(n), "grid", write_bytes(1000))
        os.utime(path, (now - 600 + n * 60, now - 600 + n * 60))
    assert cache.get(key(0), "grid") is not None  # the oldest entry is used again: now newest
    for n in range(8, 12):  # push past the budget
        cache.ensure(key(n), "grid", write_bytes(1000))
    assert cache.total_size() <= 10_000
    assert cache.get(key(0), "grid") is not None
    assert cache.get(key(1), "grid") is None  # least recently used went first
    assert cache.get(key(11), "grid") is not None


def test_invalidate_and_sweep_temp(tmp_path):
    cache = ThumbCache(tmp_path)
    for variant in ("grid", "large"):
        cache.ensure(key(1), variant, write_bytes(10))
    assert cache.invalidate(key(1), "grid") == 1
    assert cache.get(key(1), "large") is not None
    assert cache.invalidate(key(1)) == 1
    stale = cache.root / "ab" / ".tmp-memoria-xyz.jpg"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"half")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    assert cache.sweep_temp() == 1 and not stale.exists()


def test_reader_survives_a_concurrent_eviction(tmp_path):
    cache = ThumbCache(tmp_path)
    path = cache.ensure(key(1), "grid", write_bytes(10))
    path.unlink()  # another process evicted it between lookups
    assert cache.read_bytes(key(1), "grid") is None


def test_concurrent_builders_of_the_same_entry(tmp_path):
    src = jpeg_with_exif(tmp_path / "a.jpg")
    cache = ThumbCache(tmp_path / "derived")
    results: list[bytes] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            path = cache.ensure(key(1), "grid", lambda dest: make_thumbnail(src, dest, 48))
            results.append(path.read_bytes())
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 6 and len(set(results)) == 1
    names = [p.name for p in (cache.root / key(1)[:2]).iterdir()]
    assert names == [f"{key(1)}-grid.jpg"]
