"""The grid thumbnail in derived/ is blurred once blur regions are set (issue 12)."""

from __future__ import annotations

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
