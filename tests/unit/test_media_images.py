"""Photographs: metadata read right, derivatives correct, hostile files refused."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PIL import Image

from memoria.media.anonymise import verify_stripped
from memoria.media.errors import MediaError
from memoria.media.images import make_access_copy, make_thumbnail, open_image, probe_image
from tests.unit.test_media_support import (
    BLUE,
    RED,
    jpeg_with_exif,
    jpeg_with_iptc,
    jpeg_with_xmp,
    png_bomb,
    png_chunk,
    sha256,
    tiff16_gray,
    tiff16_rgb,
)


def close(a: tuple[int, ...], b: tuple[int, ...], tol: int = 40) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=False))


def error_code(fn, *args) -> str:
    with pytest.raises(MediaError) as err:
        fn(*args)
    assert err.value.message  # a human sentence, not an empty string
    return err.value.code


# --- metadata -----------------------------------------------------------------

def test_exif_fields_that_matter_to_an_archive(tmp_path):
    info = probe_image(jpeg_with_exif(tmp_path / "a.jpg"))
    assert (info.format, info.mime, info.width, info.height) == ("JPEG", "image/jpeg", 60, 30)
    assert (info.display_width, info.display_height) == (30, 60)  # orientation 6 turns it
    assert info.orientation == 6
    assert info.date_taken == "2002-10-16T10:30:00"
    assert (info.camera_make, info.camera_model) == ("Canon", "Canon EOS 5D")
    assert info.gps_lat == pytest.approx(6.2445, abs=1e-4)
    assert info.gps_lon == pytest.approx(-75.568056, abs=1e-4)  # West is negative
    assert (info.author, info.copyright) == ("Ana Perez", "Museo Casa de la Memoria")
    assert info.caption == "Marcha por la paz"
    assert (info.has_exif, info.bit_depth, info.frames, info.animated) == (True, 8, 1, False)


def test_xmp_gives_unicode_credits_and_gps(tmp_path):
    info = probe_image(jpeg_with_xmp(tmp_path / "x.jpg"))
    assert info.has_xmp
    assert info.author == "María Pérez Gómez"
    assert info.copyright == "© Familia Gómez"
    assert info.caption == "Niños en la cancha, Comuna 13"
    assert info.date_taken == "1998-05-02"
    assert info.gps_lat == pytest.approx(6.255, abs=1e-4)
    assert info.gps_lon == pytest.approx(-75.585, abs=1e-4)


def test_iptc_caption_and_byline(tmp_path):
    info = probe_image(jpeg_with_iptc(tmp_path / "p.jpg"))
    assert info.has_iptc
    assert info.caption == "Velatón en San Javier"
    assert info.author == "Agencia Prensa"
    assert info.date_taken == "1999-12-31"


def test_picture_without_metadata_has_none(tmp_path):
    path = tmp_path / "plain.png"
    Image.new("RGB", (5, 5)).save(path)
    info = probe_image(path)
    assert (info.date_taken, info.gps_lat, info.author, info.has_exif) == (None, None, None, False)


# --- formats and conversions -----------------------------------------------------

def test_png_alpha_keeps_transparency_as_png(tmp_path):
    src = tmp_path / "logo.png"
    im = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    im.paste((200, 10, 10, 255), (10, 10, 30, 30))
    im.save(src)
    assert probe_image(src).has_alpha
    out = make_thumbnail(src, tmp_path / "thumb.jpg", 20)
    assert out.format == "PNG" and out.path.endswith(".png")
    with Image.open(out.path) as th:
        assert th.mode == "RGBA" and th.getpixel((0, 0))[3] == 0


def test_opaque_alpha_channel_still_gives_jpeg(tmp_path):
    src = tmp_path / "opaque.png"
    Image.new("RGBA", (30, 30), (10, 200, 10, 255)).save(src)
    out = make_thumbnail(src, tmp_path / "t.jpg")
    assert out.format == "JPEG" and Path(out.path).suffix == ".jpg"


def test_16bit_grey_tiff_is_scaled_not_clipped(tmp_path):
    src = tiff16_gray(tmp_path / "scan.tif", value=0x8000)
    assert probe_image(src).bit_depth == 16
    out = make_thumbnail(src, tmp_path / "t.jpg")
    with Image.open(out.path) as th:
        value = th.convert("L").getpixel((0, 0))
    assert 120 <= value <= 136  # clipping would give 255


def test_16bit_rgb_tiff(tmp_path):
    src = tiff16_rgb(tmp_path / "rgb16.tif", [(65535, 0, 0)] * 8 + [(0, 0, 65535)] * 8, width=4)
    info = probe_image(src)
    assert (info.bit_depth, info.width, info.height) == (16, 4, 4)
    out = make_thumbnail(src, tmp_path / "t.jpg")
    with Image.open(out.path) as th:
        assert th.mode == "RGB"
        assert close(th.getpixel((1, 0)), (255, 0, 0), 60)
        assert close(th.getpixel((1, 3)), (0, 0, 255), 60)


@pytest.mark.parametrize("fmt", ["JPEG", "TIFF"])
def test_cmyk_becomes_rgb_with_the_right_colour(tmp_path, fmt):
    src = tmp_path / f"cmyk.{fmt.lower()}"
    Image.new("CMYK", (32, 32), (0, 255, 255, 0)).save(src, fmt)  # pure red ink
    assert probe_image(src).mode == "CMYK"
    out = make_access_copy(src, tmp_path / "a.jpg")
    with Image.open(out.path) as im:
        assert im.mode == "RGB"
        r, g, b = im.getpixel((16, 16))
        assert r > 180 and g < 80 and b < 80


def test_animated_gif_counts_frames_and_thumbs_the_first(tmp_path):
    src = tmp_path / "anim.gif"
    frames = [Image.new("RGB", (20, 20), c) for c in (RED, (20, 200, 20), BLUE)]
    frames[0].save(src, save_all=True, append_images=frames[1:], duration=100, loop=0)
    info = probe_image(src)
    assert (info.frames, info.animated) == (3, True)
    out = make_thumbnail(src, tmp_path / "t.jpg")
    with Image.open(out.path) as th:
        assert close(th.convert("RGB").getpixel((10, 10)), RED)


def test_animated_webp_and_bmp(tmp_path):
    webp = tmp_path / "a.webp"
    frames = [Image.new("RGB", (16, 16), c) for c in (RED, BLUE)]
    frames[0].save(webp, save_all=True, append_images=frames[1:], duration=100)
    assert probe_image(webp).frames == 2
    bmp = tmp_path / "b.bmp"
    Image.new("RGB", (16, 8), BLUE).save(bmp)
    info = probe_image(bmp)
    assert (info.format, info.width, info.height) == ("BMP", 16, 8)
    assert make_thumbnail(bmp, tmp_path / "b-thumb.jpg").format == "JPEG"


def test_heic_when_pillow_heif_is_installed(tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    src = tmp_path / "IMG_0042.HEIC"
    Image.new("RGB", (64, 48), RED).save(src, "HEIF")
    info = probe_image(src)
    assert (info.format, info.width, info.height) == ("HEIF", 64, 48)
    out = make_thumbnail(src, tmp_path / "t.jpg", 32)
    assert (out.width, out.height) == (32, 24)


def test_avif_when_pillow_has_the_codec(tmp_path):
    from PIL import features

    if not features.check("avif"):
        pytest.skip("this Pillow build has no AVIF codec")
    src = tmp_path / "photo.avif"
    Image.new("RGB", (40, 20), RED).save(src, "AVIF")
    assert probe_image(src).format == "AVIF"
    assert make_thumbnail(src, tmp_path / "t.jpg").width == 40


# --- derivatives --------------------------------------------------------------------

def test_thumbnail_applies_orientation(tmp_path):
    out = make_thumbnail(jpeg_with_exif(tmp_path / "a.jpg"), tmp_path / "t.jpg", 40)
    assert (out.width, out.height) == (20, 40)  # stored 60x30 landscape, shown portrait
    with Image.open(out.path) as th:
        assert close(th.getpixel((10, 5)), RED)  # left of the sensor is the top of the view
        assert close(th.getpixel((10, 35)), BLUE)


def test_access_copy_limits_size_and_never_upscales(tmp_path):
    big = tmp_path / "big.jpg"
    Image.new("RGB", (2000, 1000), RED).save(big)
    out = make_access_copy(big, tmp_path / "big-access.jpg")
    assert (out.width, out.height) == (1600, 800)
    small = tmp_path / "small.jpg"
    Image.new("RGB", (300, 200), RED).save(small)
    out = make_access_copy(small, tmp_path / "small-access.jpg")
    assert (out.width, out.height) == (300, 200)


def test_derivatives_carry_no_metadata_and_leave_no_temp_files(tmp_path):
    src = jpeg_with_exif(tmp_path / "a.jpg")
    dest_dir = tmp_path / "derived"
    for make in (make_thumbnail, make_access_copy):
        out = make(src, dest_dir / f"{make.__name__}.jpg")
        assert verify_stripped(out.path) == []
    assert sorted(p.name for p in dest_dir.iterdir()) == [
        "make_access_copy.jpg", "make_thumbnail.jpg"]


def test_originals_are_never_modified(tmp_path):
    sources = [jpeg_with_exif(tmp_path / "a.jpg"), jpeg_with_xmp(tmp_path / "x.jpg"),
               tiff16_gray(tmp_path / "g.tif")]
    before = {p: sha256(p) for p in sources}
    for p in sources:
        probe_image(p)
        make_thumbnail(p, tmp_path / "out" / f"{p.stem}-t.jpg")
        make_access_copy(p, tmp_path / "out" / f"{p.stem}-a.jpg")
    assert {p: sha256(p) for p in sources} == before


# --- hostile and broken files ----------------------------------------------------------

def test_truncated_jpeg(tmp_path):
    src = tmp_path / "cut.jpg"
    Image.effect_noise((256, 256), 80).convert("RGB").save(src, quality=95)
    src.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    assert error_code(probe_image, src) == "truncated"
    assert error_code(make_thumbnail, src, tmp_path / "t.jpg") == "truncated"
    assert not (tmp_path / "t.jpg").exists()


def test_corrupt_png_header(tmp_path):
    src = tmp_path / "bad.png"
    Image.new("RGB", (16, 16), RED).save(src)
    data = bytearray(src.read_bytes())
    data[29] ^= 0xFF  # inside IHDR's CRC
    src.write_bytes(bytes(data))
    assert error_code(probe_image, src) == "corrupt"
    assert error_code(make_thumbnail, src, tmp_path / "t.jpg") == "corrupt"


def test_corrupt_png_pixel_data(tmp_path):
    src = tmp_path / "garbled.png"
    ihdr = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    garbage = b"\x78\x9c" + b"\xff" * 512  # zlib header, then an invalid block type
    src.write_bytes(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", garbage)
                    + png_chunk(b"IEND", b""))
    assert error_code(probe_image, src) == "corrupt"


def test_zero_byte_image(tmp_path):
    src = tmp_path / "empty.jpg"
    src.touch()
    assert error_code(probe_image, src) == "empty"
    assert error_code(make_thumbnail, src, tmp_path / "t.jpg") == "empty"


@pytest.mark.parametrize(("width", "height"), [(100_000, 100_000), (20_000, 10_000), (200_000, 1)])
def test_decompression_bomb_is_refused_before_decoding(tmp_path, width, height):
    src = png_bomb(tmp_path / "bomb.png", width, height)
    assert src.stat().st_size < 200
    assert error_code(probe_image, src) == "bomb"
    assert error_code(make_thumbnail, src, tmp_path / "t.jpg") == "bomb"


def test_bomb_ceiling_holds_even_if_pillow_limit_is_disabled(tmp_path, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    src = png_bomb(tmp_path / "bomb.png", 20_000, 10_000)
    assert error_code(probe_image, src) == "bomb"


def test_custom_pixel_ceiling(tmp_path):
    src = tmp_path / "p.png"
    Image.new("RGB", (64, 64)).save(src)
    with pytest.raises(MediaError) as err, open_image(src, max_pixels=1000):
        pass
    assert err.value.code == "bomb"
    assert error_code(lambda p: probe_image(p, max_pixels=1000), src) == "bomb"
    assert error_code(lambda p: make_thumbnail(p, tmp_path / "t.jpg", max_pixels=1000), src) == "bomb"
    assert probe_image(src, max_pixels=4096).width == 64


def test_text_file_named_jpg_is_unsupported(tmp_path):
    src = tmp_path / "readme.jpg"
    src.write_text("no soy una foto")
    assert error_code(probe_image, src) == "unsupported"
