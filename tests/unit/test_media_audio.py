"""Recordings: stream facts and tags, damaged files typed, waveforms."""

from __future__ import annotations

import shutil
import sys

import pytest

from memoria.media.audio import (
    compute_waveform,
    load_waveform,
    probe_audio,
    save_waveform,
)
from memoria.media.errors import MediaError
from tests.unit.test_media_support import (
    AUDIO_FIXTURES,
    DATA,
    add_wav_metadata,
    jpeg_with_exif,
    make_wav,
    sha256,
)

EXPECTED = {
    "tone.mp3": ("MP3", "MPEG-2 layer 3", 22050),
    "tone.flac": ("FLAC", "FLAC", 8000),
    "tone.ogg": ("OGG_VORBIS", "Vorbis", 22050),
    "tone.opus": ("OGG_OPUS", "Opus", 48000),
    "tone.m4a": ("M4A", "AAC-LC", 22050),
    "tone.aac": ("AAC", "AAC", 22050),
}
TAGS = {"title": "Testimonio de prueba", "artist": "Archivo Memoria", "date": "2003",
        "comment": "Tono de prueba"}


def code_of(fn, *args, **kwargs) -> str:
    with pytest.raises(MediaError) as err:
        fn(*args, **kwargs)
    assert err.value.message
    return err.value.code


@pytest.mark.parametrize("name", AUDIO_FIXTURES)
def test_fixture_streams_and_tags(name):
    info = probe_audio(DATA / name)
    fmt, codec, rate = EXPECTED[name]
    assert (info.format, info.codec, info.sample_rate) == (fmt, codec, rate)
    assert info.duration == pytest.approx(1.5, abs=0.2)
    assert info.channels in (1, 2)  # AAC in MP4 may declare stereo for a mono source
    assert info.bitrate and 8_000 < info.bitrate < 64_000
    assert {k: info.tags.get(k) for k in TAGS} == TAGS
    assert info.complete and not info.problems
    assert info.to_dict()["format"] == fmt


def test_wav_from_the_wave_module(tmp_path):
    info = probe_audio(make_wav(tmp_path / "a.wav", seconds=1.0, rate=8000, channels=2))
    assert (info.format, info.codec, info.sample_rate, info.channels) == ("WAV", "PCM", 8000, 2)
    assert info.bits_per_sample == 16
    assert info.duration == pytest.approx(1.0, abs=0.01)
    assert info.bitrate == 8000 * 2 * 16


def test_wav_field_recorder_info_and_bext(tmp_path):
    info = probe_audio(add_wav_metadata(make_wav(tmp_path / "zoom.wav")))
    assert info.tags["title"] == "Entrevista Comuna 13"
    assert info.tags["artist"] == "Luz Marina"
    assert info.tags["date"] == "2004-03-01"
    assert info.tags["comment"] == "Grabado en la Casa de la Memoria"
    assert info.raw_tags["bext_originator"] == "Zoom H5"


def test_probe_leaves_the_original_untouched(tmp_path):
    for name in AUDIO_FIXTURES:
        before = sha256(DATA / name)
        probe_audio(DATA / name)
        compute_waveform(DATA / name, 50)
        assert sha256(DATA / name) == before


# --- damaged and mislabelled files ----------------------------------------------------

@pytest.mark.parametrize("name", AUDIO_FIXTURES + ["tone.wav"])
@pytest.mark.parametrize("keep", [0.6, 0.05])
def test_truncated_recordings_are_typed(tmp_path, name, keep):
    src = make_wav(tmp_path / "tone.wav") if name == "tone.wav" else DATA / name
    data = src.read_bytes()
    cut = tmp_path / f"cut-{name}"
    cut.write_bytes(data[: int(len(data) * keep)])
    assert code_of(probe_audio, cut) == "truncated"


@pytest.mark.parametrize("name", ["tone.mp3", "tone.flac"])
def test_non_strict_probe_reports_truncation_as_a_problem(tmp_path, name):
    data = (DATA / name).read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data[: int(len(data) * 0.6)])
    info = probe_audio(cut, strict=False)
    assert not info.complete
    assert "truncated" in info.problems[0]


def test_jpeg_named_mp3_is_refused_as_not_audio(tmp_path):
    src = jpeg_with_exif(tmp_path / "testimonio.mp3")
    assert code_of(probe_audio, src) == "unsupported"


def test_garbage_after_a_valid_signature_is_corrupt(tmp_path):
    src = tmp_path / "fake.flac"
    src.write_bytes(b"fLaC" + b"\x00\x00\x00\x22" + b"\x00" * 34 + bytes(range(256)) * 8)
    assert code_of(probe_audio, src) in ("corrupt", "truncated")


def test_zero_byte_recording(tmp_path):
    src = tmp_path / "empty.wav"
    src.touch()
    assert code_of(probe_audio, src) == "empty"
    assert code_of(compute_waveform, src) == "empty"


def test_extension_does_not_matter(tmp_path):
    src = tmp_path / "grabacion.wav"
    shutil.copy(DATA / "tone.opus", src)
    assert probe_audio(src).codec == "Opus"


# --- waveforms ----------------------------------------------------------------------------

@pytest.mark.parametrize(("width", "channels"), [(1, 1), (2, 1), (2, 2), (3, 2)])
def test_wav_waveform_peaks_match_the_amplitude(tmp_path, width, channels):
    src = make_wav(tmp_path / "a.wav", amplitude=0.5, width=width, channels=channels)
    peaks = compute_waveform(src, buckets=100)
    assert peaks is not None and len(peaks) == 100
    assert all(0.45 <= p <= 0.52 for p in peaks)


def test_silence_is_flat_and_buckets_cap_short_files(tmp_path):
    src = make_wav(tmp_path / "s.wav", seconds=0.01, amplitude=0.0)  # 80 frames
    peaks = compute_waveform(src, buckets=1000)
    assert peaks is not None and len(peaks) == 80
    assert set(peaks) == {0.0}


@pytest.mark.parametrize("name", ["tone.flac", "tone.ogg", "tone.opus", "tone.mp3"])
def test_compressed_waveforms_with_soundfile(name):
    pytest.importorskip("soundfile")
    peaks = compute_waveform(DATA / name, buckets=50)
    assert peaks is not None and 40 <= len(peaks) <= 50
    middle = peaks[5:-5]
    assert all(0.08 <= p <= 0.2 for p in middle)  # the fixtures are sines at 1/8 full scale


@pytest.mark.parametrize("name", ["tone.m4a", "tone.aac"])
def test_aac_waveform_is_none_without_ffmpeg(name):
    assert compute_waveform(DATA / name) is None


def test_waveform_cache_round_trip_and_damage(tmp_path):
    peaks = [0.0, 0.25, 0.5, 1.0, 0.123]
    path = save_waveform(tmp_path / "w" / "abc.peaks", peaks)
    assert load_waveform(path) == pytest.approx(peaks, abs=1e-4)
    assert path.stat().st_size == 8 + 2 * len(peaks)
    path.write_bytes(path.read_bytes()[:-1])
    assert load_waveform(path) is None
    assert load_waveform(tmp_path / "missing.peaks") is None


def test_bucket_count_must_be_positive(tmp_path):
    with pytest.raises(ValueError):
        compute_waveform(make_wav(tmp_path / "a.wav"), buckets=0)


def test_wav_waveform_without_numpy_gives_the_same_peaks(tmp_path, monkeypatch):
    """The stdlib path must stand alone: numpy is optional (it comes with soundfile)."""
    from memoria.media import waveform

    src = make_wav(tmp_path / "a.wav", amplitude=0.5, width=3, channels=2)
    with_numpy = compute_waveform(src, buckets=20)
    monkeypatch.setitem(sys.modules, "numpy", None)  # as if numpy were not installed
    waveform._numpy.cache_clear()
    try:
        assert waveform._numpy() is None
        assert compute_waveform(src, buckets=20) == with_numpy
    finally:
        waveform._numpy.cache_clear()


def test_wav_with_a_chunk_longer_than_the_file_is_a_media_error(tmp_path):
    """The stdlib wave reader raises a bare RuntimeError here (found by mutation)."""
    src = add_wav_metadata(make_wav(tmp_path / "a.wav", seconds=0.1))
    data = bytearray(src.read_bytes())
    data[16:20] = (0x7FFFFFF0).to_bytes(4, "little")  # fmt chunk claims 2 GB
    src.write_bytes(bytes(data))
    assert code_of(compute_waveform, src) in ("corrupt", "truncated")
    assert code_of(probe_audio, src) in ("corrupt", "truncated")
