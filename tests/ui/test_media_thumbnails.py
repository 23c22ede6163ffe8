"""The grid's ThumbnailPool: one long-lived worker pair, batches, stale requests dropped."""

from __future__ import annotations

import hashlib

from memoria.ui.media.thumbnail_pool import ThumbnailPool
from tests.conftest import make_jpeg


def _photos(root, n: int) -> list[tuple[str, str]]:
    (root / "media").mkdir(parents=True, exist_ok=True)
    found = []
    for i in range(n):
        path = make_jpeg(root / "media" / f"p{i}.jpg", color=(10 * i, 80, 120), size=(200, 150))
        found.append((hashlib.sha256(path.read_bytes()).hexdigest(), f"media/p{i}.jpg"))
    return found


def test_pool_renders_a_batch_in_the_background_then_serves_the_cache(qtbot, tmp_path):
    photos = _photos(tmp_path, 3)
    pool = ThumbnailPool(tmp_path)
    got: dict[str, tuple[int, int]] = {}
    pool.rendered.connect(lambda sha, image: got.__setitem__(sha, (image.width(),
                                                                   image.height())))
    try:
        for sha, rel in photos:
            pool.request(sha, rel)
        qtbot.waitUntil(lambda: len(got) == 3, timeout=30000)
        assert all(max(size) == 200 for size in got.values())  # never enlarged
        assert pool.batches <= 3  # requests made together are taken together
        assert len(list((tmp_path / "derived" / "thumbs").rglob("*.jpg"))) == 3
    finally:
        pool.close()


def test_scrolling_drops_what_is_still_queued(qtbot, tmp_path):
    photos = _photos(tmp_path, 2)
    pool = ThumbnailPool(tmp_path, synchronous=True)
    failed: list[str] = []
    pool.failed.connect(failed.append)
    with pool._cond:  # queue without running, as if the worker were busy
        pool._queue[photos[0][0]] = (photos[0][1], pool.generation)
    pool.drop_queued()
    assert pool.pending() == 0
    rendered: list[str] = []
    pool.rendered.connect(lambda sha, _image: rendered.append(sha))
    pool.request(photos[1][0], photos[1][1])
    assert rendered == [photos[1][0]] and not failed  # only the current request ran
    pool.request("0" * 64, "media/missing.jpg")
    assert failed == ["0" * 64]
