"""Exports: no metadata survives, blurred regions cannot be read, originals untouched."""

from __future__ import annotations

import shutil
import wave

import mutagen
import pytest
from mutagen.flac import FLAC, Picture
from mutagen.id3 import APIC, ID3
from mutagen.mp4 import MP4
from PIL import Image, ImageStat

from memoria.media import riff
from memoria.media.anonymise import (
    blur_regions,
    strip_audio_metadata,
    strip_image_metadata,
    verify_stripped,
)
from memoria.media.audio import probe_audio
from memoria.media.images import probe_image
from tests.unit.test_media_support import (
    AUDIO_FIXTURES,
    DATA,
    RED,
    add_wav_metadata,
    jpeg_with_exif,
    jpeg_with_iptc,
    jpeg_with_xmp,
    make_wav,
    sha256,
)

# --- images ---------------------------------------------------------------------------


def test_originals_report_their_metadata(tmp_path):
    assert "EXIF (APP1)" in verify_stripped(jpeg_with_exif(tmp_path / "a.jpg"))
    assert "XMP (APP1)" in verify_stripped(jpeg_with_xmp(tmp_path / "x.jpg"))
    assert "IPTC/Photoshop (APP13)" in verify_stripped(jpeg_with_iptc(tmp_path / "i.jpg"))


@pytest.mark.parametrize("builder", [jpeg_with_exif, jpeg_with_xmp, jpeg_with_iptc])
def test_stripped_jpeg_has_no_exif_gps_xmp_or_iptc(tmp_path, builder):
    src = builder(tmp_path / "orig.jpg")
    before = sha256(src)
    out = strip_image_metadata(src, tmp_path / "export" / "foto.jpg")
    assert sha256(src) == before
    assert verify_stripped(out.path) == []
    info = probe_image(out.path)
    assert (info.has_exif, info.has_xmp, info.has_iptc) == (False, False, False)
    assert (info.gps_lat, info.author, info.caption, info.camera_make) == (None, None, None, None)
    with Image.open(out.path) as im:
        assert not im.getexif()
        assert "icc_profile" not in im.info


def test_orientation_is_applied_before_stripping(tmp_path):
    out = strip_image_metadata(jpeg_with_exif(tmp_path / "a.jpg"), tmp_path / "e.jpg")
    assert (out.width, out.height) == (30, 60)
    with Image.open(out.path) as im:
        assert im.getpixel((15, 5))[0] > 180  # red stays on top without EXIF to say so


def test_png_text_chunks_and_exif_are_dropped(tmp_path):
    from PIL import PngImagePlugin

    src = tmp_path / "scan.png"
    meta = PngImagePlugin.PngInfo()
    meta.add_text("Author", "Rosa Elena")
    meta.add_itxt("Description", "Barrio El Salado", lang="es")
    ex = Image.Exif()
    ex[0x013B] = "Rosa"
    im = Image.new("RGBA", (20, 20), (10, 10, 10, 128))
    im.save(src, pnginfo=meta, exif=ex)
    left = verify_stripped(src)
    assert "PNG tEXt chunk" in left and "PNG iTXt chunk" in left and "PNG eXIf chunk" in left
    out = strip_image_metadata(src, tmp_path / "out.png")
    assert out.format == "PNG"
    assert verify_stripped(out.path) == []


def test_blur_region_destroys_detail_and_leaves_the_rest(tmp_path):
    src = tmp_path / "faces.png"
    noise = Image.effect_noise((200, 100), 100).convert("RGB")
    noise.save(src)
    before = sha256(src)
    out = blur_regions(src, tmp_path / "blurred.png", [(0.0, 0.0, 0.5, 1.0)], fmt="PNG")
    assert sha256(src) == before
    with Image.open(out.path) as im:
        hidden = ImageStat.Stat(im.crop((10, 10, 90, 90)).convert("L")).stddev[0]
        original = ImageStat.Stat(noise.crop((10, 10, 90, 90)).convert("L")).stddev[0]
        assert hidden < original / 4
        assert im.crop((110, 10, 190, 90)).tobytes() == noise.crop((110, 10, 190, 90)).tobytes()
    assert verify_stripped(out.path) == []


def test_blur_regions_are_fractions_of_the_upright_picture(tmp_path):
    src = jpeg_with_exif(tmp_path / "a.jpg", size=(120, 60))  # shown 60 wide, 120 tall
    out = blur_regions(src, tmp_path / "b.jpg", [(0.25, 0.25, 0.5, 0.25)])
    assert (out.width, out.height) == (60, 120)
    assert verify_stripped(out.path) == []


@pytest.mark.parametrize("region", [(0, 0, 0, 0.5), (0, 0, float("nan"), 1), (2, 2, 0.5, 0.5)])
def test_invalid_regions_are_refused(tmp_path, region):
    src = tmp_path / "p.png"
    Image.new("RGB", (10, 10), RED).save(src)
    with pytest.raises(ValueError):
        blur_regions(src, tmp_path / "o.png", [region])


# --- audio ------------------------------------------------------------------------------

def _with_extras(tmp_path, name):
    """A copy of a fixture with pictures and location data added, as phones do."""
    path = tmp_path / name
    shutil.copy(DATA / name, path)
    if name.endswith(".flac"):
        flac = FLAC(path)
        pic = Picture()
        pic.type, pic.mime, pic.data = 3, "image/png", b"\x89PNG fake cover"
        flac.add_picture(pic)
        flac.save()
    elif name.endswith(".mp3"):
        tags = ID3(path)
        tags.add(APIC(encoding=3, mime="image/png", type=3, desc="cover", data=b"\x89PNG"))
        tags.save(path, v1=2)  # also write an ID3v1 tag at the end
    elif name.endswith(".m4a"):
        mp4 = MP4(path)
        mp4["\xa9xyz"] = ["+06.2442-075.5812/"]
        mp4.save()
    return path


@pytest.mark.parametrize("name", AUDIO_FIXTURES)
def test_stripped_audio_has_no_tags_and_still_plays(tmp_path, name):
    src = _with_extras(tmp_path, name)
    assert verify_stripped(src)  # the original really has something to strip
    before = sha256(src)
    out = strip_audio_metadata(src, tmp_path / "export" / name)
    assert sha256(src) == before
    assert verify_stripped(out) == []
    audio = mutagen.File(out)
    assert not audio.tags
    info = probe_audio(out)
    assert info.duration == pytest.approx(probe_audio(src).duration, abs=0.05)
    assert info.tags == {} and not info.has_picture
    assert not any(p.name.startswith(".tmp") for p in out.parent.iterdir())


def test_stripped_wav_keeps_only_audio_chunks(tmp_path):
    src = add_wav_metadata(make_wav(tmp_path / "zoom.wav"))
    assert set(verify_stripped(src)) == {"WAV LIST chunk", "WAV bext chunk"}
    out = strip_audio_metadata(src, tmp_path / "out.wav")
    assert [c.id for c in riff.read_chunks(out)[0]] == [b"fmt ", b"data"]
    assert verify_stripped(out) == []
    with wave.open(str(out)) as w, wave.open(str(make_wav(tmp_path / "ref.wav"))) as ref:
        assert w.readframes(w.getnframes()) == ref.readframes(ref.getnframes())


def test_documents_and_unknown_files_are_never_called_clean(tmp_path):
    pdf = tmp_path / "consentimiento.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj <</Author (Rosa)>> endobj\n")
    assert verify_stripped(pdf) != []
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"\x01\x02\x03" * 10)
    assert verify_stripped(blob) != []
