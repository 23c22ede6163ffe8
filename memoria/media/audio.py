"""Audio recordings: probe duration, codec and tags with mutagen.

Testimonies arrive as phone voice notes (M4A, Opus), recorder files (WAV,
MP3) and archival transfers (FLAC). One small reader per format sits behind
a registry keyed by the content-detected format (never the extension), and
every failure, including the cases where mutagen quietly returns partial
information for a damaged file, becomes a `MediaError` with a code.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import struct
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import mutagen
from mutagen.aac import AAC
from mutagen.flac import FLAC
from mutagen.id3 import ID3, ID3NoHeaderError
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

from . import riff
from .detect import _id3_size, _is_mpeg_audio_frame, require_family
from .errors import CorruptFileError, TruncatedFileError
from .waveform import compute_waveform, load_waveform, save_waveform

__all__ = ["AudioInfo", "probe_audio", "compute_waveform", "load_waveform", "save_waveform"]


@dataclass(slots=True)
class AudioInfo:
    """What the catalogue records about a recording; plain data, picklable."""

    format: str
    mime: str
    codec: str
    duration: float  # seconds
    sample_rate: int | None
    channels: int | None
    bitrate: int | None  # bits per second
    bits_per_sample: int | None
    tags: dict[str, str] = field(default_factory=dict)  # title, artist, album, date, comment...
    raw_tags: dict[str, str] = field(default_factory=dict)  # every text tag, as stored
    has_picture: bool = False
    complete: bool = True
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


# What mutagen raises on damaged input besides its own errors (found by mutation tests).
MUTAGEN_FAILURES = (mutagen.MutagenError, EOFError, struct.error, ValueError, IndexError,
                    KeyError, TypeError, ZeroDivisionError, OverflowError, OSError)

_ID3_NAMES = {"TIT2": "title", "TPE1": "artist", "TALB": "album", "TDRC": "date",
              "TYER": "date", "TCOP": "copyright", "TCON": "genre", "TLAN": "language",
              "TPE2": "album_artist", "TCOM": "composer"}
_MP4_NAMES = {"\xa9nam": "title", "\xa9ART": "artist", "\xa9alb": "album", "\xa9day": "date",
              "\xa9cmt": "comment", "cprt": "copyright", "\xa9gen": "genre",
              "aART": "album_artist", "desc": "description", "\xa9wrt": "composer"}
_VORBIS_NAMES = {"title", "artist", "album", "date", "comment", "description", "copyright",
                 "genre", "language", "composer", "location", "performer"}


def _join(values: Any) -> str:
    if isinstance(values, (list, tuple)):
        return "; ".join(str(v) for v in values if str(v).strip())
    return str(values)


def _id3_tags(tags: Any) -> tuple[dict[str, str], dict[str, str], bool]:
    norm: dict[str, str] = {}
    raw: dict[str, str] = {}
    picture = False
    for key, frame in (tags or {}).items():
        fid = key[:4]
        if fid == "APIC":
            picture = True
            continue
        text = getattr(frame, "text", None)
        if text is None:
            continue
        value = _join(text)
        raw[key] = value
        if fid in _ID3_NAMES:
            norm.setdefault(_ID3_NAMES[fid], value)
        elif fid == "COMM" or (fid == "TXXX" and frame.desc.lower() in ("comment", "description")):
            norm.setdefault("comment", value)
    return norm, raw, picture


def _vorbis_tags(tags: Any) -> tuple[dict[str, str], dict[str, str], bool]:
    norm: dict[str, str] = {}
    raw: dict[str, str] = {}
    picture = False
    for key, value in tags or []:
        k = key.lower()
        if k in ("metadata_block_picture", "coverart"):
            picture = True
            continue
        raw[k] = f"{raw[k]}; {value}" if k in raw else value
    for k, value in raw.items():
        if k in _VORBIS_NAMES:
            norm["comment" if k == "description" else k] = value
    return norm, raw, picture


def _mp4_tags(tags: Any) -> tuple[dict[str, str], dict[str, str], bool]:
    norm: dict[str, str] = {}
    raw: dict[str, str] = {}
    picture = False
    for key, value in (tags or {}).items():
        if key == "covr":
            picture = True
            continue
        if isinstance(value, list) and value and isinstance(value[0], (bytes, tuple)):
            continue  # binary atoms and track numbers carry nothing to show
        raw[key] = _join(value)
        if key in _MP4_NAMES:
            norm.setdefault(_MP4_NAMES[key], raw[key])
    return norm, raw, picture


# --- completeness checks: the cases where mutagen succeeds on a damaged file ---

def _mp3_complete(path: Path, size: int) -> bool:
    """Compare the stream length promised by a Xing/Info header with what is there."""
    with path.open("rb") as fh:
        head = fh.read(10)
        start = _id3_size(head)
        fh.seek(start)
        window = fh.read(1 << 16)
        fh.seek(max(0, size - 128))
        has_v1 = fh.read(3) == b"TAG"
    if start > size:
        return False  # cut inside the ID3 tag
    first = next((i for i in range(len(window) - 4) if _is_mpeg_audio_frame(window, i)), None)
    if first is None:
        return True  # no frame to judge by: that is damage, reported as corrupt
    frame = window[first : first + 256]
    at = max(frame.find(b"Xing"), frame.find(b"Info"))
    if at < 0 or at + 16 > len(frame):
        return True  # no promise to check against
    flags = struct.unpack_from(">I", frame, at + 4)[0]
    if not flags & 0x2:
        return True
    promised = struct.unpack_from(">I", frame, at + 8 + (4 if flags & 0x1 else 0))[0]
    actual = size - start - first - (128 if has_v1 else 0)
    return actual >= promised * 0.99


def _adts_complete(path: Path, size: int) -> bool:
    """Raw AAC has no index: walk the ADTS frame headers and see the last one end in the file."""
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        pos = _id3_size(data[:10])
        end = size - (128 if data[size - 128 : size - 125] == b"TAG" else 0)
        while pos + 7 <= end:
            if data[pos] != 0xFF or (data[pos + 1] & 0xF6) != 0xF0:
                return False  # lost sync: damaged or cut mid-frame
            length = ((data[pos + 3] & 0x03) << 11) | (data[pos + 4] << 3) | (data[pos + 5] >> 5)
            if length < 7:
                return False
            pos += length
        return pos == end


def _flac_complete(info: Any, audio_bytes: int) -> bool:
    """STREAMINFO promises total samples; the smallest frame size bounds their bytes."""
    if not info.total_samples or not info.max_blocksize or not info.min_framesize:
        return True
    frames = -(-info.total_samples // info.max_blocksize)
    return audio_bytes >= (frames - 1) * info.min_framesize


def _ogg_complete(path: Path, size: int) -> bool:
    """The last Ogg page of a finished stream carries the end-of-stream flag."""
    with path.open("rb") as fh:
        fh.seek(max(0, size - 65536))
        tail = fh.read()
    at = tail.rfind(b"OggS")
    return at >= 0 and at + 6 <= len(tail) and bool(tail[at + 5] & 0x04)


def _mp4_complete(path: Path, size: int) -> bool:
    pos = 0
    with path.open("rb") as fh:
        while pos + 8 <= size:
            fh.seek(pos)
            box, _kind = struct.unpack(">I4s", fh.read(8))
            if box == 1:
                box = struct.unpack(">Q", fh.read(8))[0]
            elif box == 0:
                return True
            if box < 8:
                return False
            pos += box
    return pos == size


def _flac_audio_bytes(path: Path, size: int) -> int:
    """Bytes after the last metadata block, i.e. the encoded audio frames."""
    with path.open("rb") as fh:
        fh.seek(_id3_size(fh.read(10)))
        if fh.read(4) != b"fLaC":
            return 0
        while True:
            header = fh.read(4)
            if len(header) < 4:
                return 0
            length = int.from_bytes(header[1:4], "big")
            fh.seek(length, os.SEEK_CUR)
            if header[0] & 0x80:
                return max(0, size - fh.tell())


def _structurally_complete(fmt: str, path: Path, size: int) -> bool:
    """Container-level completeness, usable even when mutagen gave up."""
    try:
        if fmt == "M4A":
            return _mp4_complete(path, size)
        if fmt in ("OGG_VORBIS", "OGG_OPUS"):
            return _ogg_complete(path, size)
        if fmt == "MP3":
            return _mp3_complete(path, size)
        if fmt == "WAV":
            return riff.read_chunks(path)[1]
        if fmt == "AAC":
            return _adts_complete(path, size)
    except (OSError, struct.error, ValueError):
        return False
    return True


# --- the registry: one reader per detected format ---

Reader = Callable[[Path], tuple[Any, Callable[[Any], tuple[dict[str, str], dict[str, str], bool]]]]

_READERS: dict[str, Reader] = {
    "MP3": lambda p: (MP3(p), _id3_tags),
    "WAV": lambda p: (WAVE(p), _id3_tags),
    "FLAC": lambda p: (FLAC(p), _vorbis_tags),
    "OGG_VORBIS": lambda p: (OggVorbis(p), _vorbis_tags),
    "OGG_OPUS": lambda p: (OggOpus(p), _vorbis_tags),
    "M4A": lambda p: (MP4(p), _mp4_tags),
    "AAC": lambda p: (AAC(p), _id3_tags),
}


def _codec(fmt: str, info: Any, path: Path) -> str:
    if fmt == "MP3":
        return f"MPEG-{info.version:g} layer {info.layer}".replace(".0 ", " ")
    if fmt == "M4A":
        return {"mp4a.40.2": "AAC-LC", "mp4a.40.5": "HE-AAC", "alac": "ALAC"}.get(
            info.codec, info.codec or "unknown")
    return {"FLAC": "FLAC", "OGG_VORBIS": "Vorbis", "OGG_OPUS": "Opus", "AAC": "AAC"}.get(fmt, fmt)


def probe_audio(path: str | os.PathLike[str], *, strict: bool = True) -> AudioInfo:
    """Read duration, codec, stream parameters and tags of a recording.

    A file that parses but is shorter than its own headers promise (an
    interrupted copy) raises `TruncatedFileError` when `strict`; otherwise it
    is returned with `complete=False` and the reason in `problems`, so a
    custodian can still catalogue the surviving part deliberately.
    """
    p = Path(path)
    fmt = require_family(p, "audio")
    size = p.stat().st_size
    try:
        audio, tag_reader = _READERS[fmt.format](p)
    except MUTAGEN_FAILURES as exc:
        if size < 1024 or "truncat" in str(exc).lower() or not _structurally_complete(fmt.format, p, size):
            raise TruncatedFileError(f"The audio file is incomplete ({exc}).", path=p) from exc
        raise CorruptFileError(f"The audio data cannot be read ({exc}).", path=p) from exc
    info = getattr(audio, "info", None)
    length = float(getattr(info, "length", 0) or 0)
    if info is None or length <= 0 or length != length:
        if not _structurally_complete(fmt.format, p, size):
            raise TruncatedFileError("The audio file is incomplete (no complete audio).", path=p)
        raise CorruptFileError("The file contains no playable audio.", path=p)

    tags, raw, picture = tag_reader(audio.tags)
    codec = _codec(fmt.format, info, p)
    problems: list[str] = []
    complete = True
    if fmt.format == "WAV":
        wav = riff.describe_wav(p)
        codec = str(wav["codec"])
        extra: dict[str, str] = wav["tags"]  # type: ignore[assignment]
        raw.update(extra)
        for key in ("title", "artist", "comment", "date", "copyright", "genre", "album"):
            if key in extra:
                tags.setdefault(key, extra[key])
        if "bext_description" in extra:
            tags.setdefault("comment", extra["bext_description"])
        if "bext_origination_date" in extra:
            tags.setdefault("date", extra["bext_origination_date"])
        complete = bool(wav["complete"])
    elif fmt.format == "AAC":
        with contextlib.suppress(ID3NoHeaderError, mutagen.MutagenError):
            tags, raw, picture = _id3_tags(ID3(p))
        complete = _adts_complete(p, size)
    elif fmt.format == "MP3":
        complete = _mp3_complete(p, size)
    elif fmt.format == "FLAC":
        complete = _flac_complete(info, _flac_audio_bytes(p, size))
        picture = picture or bool(audio.pictures)
    elif fmt.format in ("OGG_VORBIS", "OGG_OPUS"):
        complete = _ogg_complete(p, size)
    elif fmt.format == "M4A":
        complete = _mp4_complete(p, size)
    if not complete:
        message = "The audio file is shorter than its headers declare (truncated)."
        if strict:
            raise TruncatedFileError(message, path=p)
        problems.append(message)

    rate = getattr(info, "sample_rate", None)
    if fmt.format == "OGG_OPUS":
        rate = 48000  # Opus always decodes at 48 kHz; mutagen leaves it unset
    bitrate = getattr(info, "bitrate", None) or (int(size * 8 / length) if length else None)
    return AudioInfo(
        format=fmt.format,
        mime=fmt.mime,
        codec=codec,
        duration=round(length, 3),
        sample_rate=int(rate) if rate else None,
        channels=getattr(info, "channels", None),
        bitrate=int(bitrate) if bitrate else None,
        bits_per_sample=getattr(info, "bits_per_sample", None) or None,
        tags=tags,
        raw_tags=raw,
        has_picture=picture,
        complete=complete,
        problems=problems,
    )
