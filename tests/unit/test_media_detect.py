"""Format detection by content: the extension never decides."""

from __future__ import annotations

import pickle
import shutil

import pytest
from PIL import Image

from memoria.media.detect import UNKNOWN, detect_format, require_family
from memoria.media.errors import DecompressionBombError, MediaError, TruncatedFileError
from tests.unit.test_media_support import DATA, jpeg_with_exif


@pytest.mark.parametrize(("name", "fmt", "ext"), [
    ("tone.mp3", "MP3", "mp3"),
    ("tone.flac", "FLAC", "flac"),
    ("tone.ogg", "OGG_VORBIS", "ogg"),
    ("tone.opus", "OGG_OPUS", "opus"),
    ("tone.m4a", "M4A", "m4a"),
    ("voice-mp42.m4a", "M4A", "m4a"),  # generic brand, but only a sound track
    ("tone.aac", "AAC", "aac"),  # ADTS behind an ID3 tag
])
def test_audio_fixtures_are_recognised(name, fmt, ext):
    found = detect_format(DATA / name)
    assert (found.family, found.format, found.extension, found.supported) == ("audio", fmt, ext, True)


def test_generic_mp4_with_video_is_not_audio():
    assert detect_format(DATA / "clip.mp4") is UNKNOWN


@pytest.mark.parametrize(("pil_format", "fmt", "mime", "kwargs"), [
    ("JPEG", "JPEG", "image/jpeg", {}),
    ("PNG", "PNG", "image/png", {}),
    ("TIFF", "TIFF", "image/tiff", {}),
    ("WEBP", "WEBP", "image/webp", {}),
    ("GIF", "GIF", "image/gif", {}),
    ("BMP", "BMP", "image/bmp", {}),
])
def test_images_are_recognised_whatever_their_name(tmp_path, pil_format, fmt, mime, kwargs):
    path = tmp_path / "no-extension"
    Image.new("RGB", (8, 8), (1, 2, 3)).save(path, pil_format, **kwargs)
    found = detect_format(path)
    assert (found.family, found.format, found.mime) == ("image", fmt, mime)


def test_jpeg_named_mp3_is_a_jpeg(tmp_path):
    path = jpeg_with_exif(tmp_path / "testimonio.mp3")
    assert detect_format(path).format == "JPEG"
    with pytest.raises(MediaError) as err:
        require_family(path, "audio")
    assert err.value.code == "unsupported"
    assert "JPEG" in err.value.message


def test_mp3_named_jpg_is_an_mp3(tmp_path):
    path = tmp_path / "foto.jpg"
    shutil.copy(DATA / "tone.mp3", path)
    assert detect_format(path).format == "MP3"


def test_id3less_mp3_is_recognised_by_frame_sync(tmp_path):
    data = (DATA / "tone.mp3").read_bytes()
    size = 10 + sum((data[6 + i] & 0x7F) << (7 * (3 - i)) for i in range(4))
    path = tmp_path / "bare"
    path.write_bytes(data[size:])
    assert detect_format(path).format == "MP3"


def test_pdf_is_a_document(tmp_path):
    path = tmp_path / "consent-form.jpg"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    found = detect_format(path)
    assert (found.family, found.format, found.mime) == ("document", "PDF", "application/pdf")


def test_heif_brand_is_detected(tmp_path):
    path = tmp_path / "IMG_0001.HEIC"
    path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    found = detect_format(path)
    assert (found.family, found.format) == ("image", "HEIF")


def test_zero_byte_file_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.jpg"
    path.touch()
    with pytest.raises(MediaError) as err:
        detect_format(path)
    assert err.value.code == "empty"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(MediaError) as err:
        detect_format(tmp_path / "nope.wav")
    assert err.value.code == "missing"
    with pytest.raises(MediaError) as err:
        detect_format(tmp_path)
    assert err.value.code == "missing"


def test_unknown_bytes_are_unknown_not_an_error(tmp_path):
    path = tmp_path / "notes.mp3"
    path.write_text("Entrevista con doña Rosa, sin audio todavía.\n", encoding="utf-8")
    assert detect_format(path) is UNKNOWN
    with pytest.raises(MediaError) as err:
        require_family(path, "audio")
    assert err.value.code == "unsupported"


def test_errors_survive_pickling_with_class_code_and_path():
    for err in (TruncatedFileError("cut short", path="/x/a.jpg"), DecompressionBombError("big"),
                MediaError("custom", code="weird")):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err)
        assert (back.code, back.message, back.path) == (err.code, err.message, err.path)
        assert back.to_dict()["code"] == err.code


def test_technical_metadata_is_json_ready(tmp_path):
    import json

    from memoria.media.metadata import technical_metadata

    photo = technical_metadata(jpeg_with_exif(tmp_path / "a.jpg"), "image")
    assert photo["detected"]["format"] == "JPEG" and photo["camera_make"] == "Canon"
    sound = technical_metadata(DATA / "tone.flac")
    assert sound["codec"] == "FLAC" and sound["tags"]["artist"] == "Archivo Memoria"
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    assert technical_metadata(pdf) == {"detected": detect_format(pdf).to_dict()}
    json.dumps([photo, sound])
