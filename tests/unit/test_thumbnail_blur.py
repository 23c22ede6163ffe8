"""The grid thumbnail in derived/ is blurred once blur regions are set (issue 12)."""

from __future__ import annotations

import contextlib

from PIL import Image, ImageStat

from memoria.importing.importer import import_paths
from memoria.media import derive
from memoria.storage import items as item_store
from memoria.storage.exhibits import set_blur_regions
from tests.unit.test_media_support import two_tone


def _colours(path) -> float:
    """How much the left half varies: stripes vary a lot, a blur hardly at all."""
    with Image.open(path) as im:
        left = im.convert("L").crop((0, 0, im.width // 2, im.height))
        return ImageStat.Stat(left).stddev[0]


def test_thumbnail_follows_the_blur_regions_through_a_rebuild(archive, tmp_path):
    picture = two_tone((200, 120))
    for x in range(0, 100, 4):  # a detailed left half: stripes a blur must flatten
        for y in range(120):
            picture.putpixel((x, y), (255, 255, 255))
    picture.save(tmp_path / "cara.jpg", "JPEG", quality=95)
    [outcome] = import_paths(archive, [tmp_path / "cara.jpg"]).outcomes
    sha = item_store.media_of(archive, outcome.item_id)[0].sha256
    thumb = derive.ensure_derivatives(archive, sha)[derive.THUMB]
    sharp = _colours(thumb)

    set_blur_regions(archive, sha, [(0.0, 0.0, 0.5, 1.0)])
    blurred = derive.existing(archive.root / "derived", sha)[derive.THUMB]
    assert _colours(blurred) < sharp / 2

    derive.rebuild_derived(archive, force=True, workers=1)
    again = derive.existing(archive.root / "derived", sha)[derive.THUMB]
    assert _colours(again) < sharp / 2  # a rebuild does not bring the faces back

    set_blur_regions(archive, sha, [])
    plain = derive.existing(archive.root / "derived", sha)[derive.THUMB]
    assert _colours(plain) >= sharp * 0.8


class _Killed(BaseException):
    """The process stopping at this very moment (a kill, a power cut)."""


def _stop(*_args, **_kwargs):
    raise _Killed


def test_a_rebuild_stopped_before_blurring_leaves_no_sharp_thumbnail(archive, tmp_path,
                                                                     monkeypatch):
    """Issue 18: a kill between placing a fresh thumbnail and blurring it must not leave
    the face in derived/ (a rebuild without --force would keep it)."""
    picture = two_tone((200, 120))
    for x in range(0, 100, 4):
        for y in range(120):
            picture.putpixel((x, y), (255, 255, 255))
    picture.save(tmp_path / "cara.jpg", "JPEG", quality=95)
    [outcome] = import_paths(archive, [tmp_path / "cara.jpg"]).outcomes
    sha = item_store.media_of(archive, outcome.item_id)[0].sha256
    sharp = _colours(derive.ensure_derivatives(archive, sha)[derive.THUMB])
    set_blur_regions(archive, sha, [(0.0, 0.0, 0.5, 1.0)])

    monkeypatch.setattr(derive, "blur_thumbnail", _stop)  # stopped at the blurring step
    for rebuild in (lambda: derive.rebuild_derived(archive, force=True, workers=1),
                    lambda: derive.ensure_derivatives(archive, sha, force=True)):
        with contextlib.suppress(_Killed):
            rebuild()
        left = derive.existing(archive.root / "derived", sha).get(derive.THUMB)
        assert left is None or _colours(left) < sharp / 2
