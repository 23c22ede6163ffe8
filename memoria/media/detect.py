"""Identify a file's real format from its first bytes.

Extensions lie: phones, messaging apps and people rename files, and a hostile
file can pose as anything. Every other module in `memoria.media` asks this one
what a file really is before choosing a decoder, so a JPEG called `.mp3` is
treated as a JPEG, and a file nobody recognises is refused early.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from .errors import EmptyFileError, MissingFileError, UnsupportedFormatError

Family = Literal["image", "audio", "document", "unknown"]

_HEAD = 4096  # enough for any signature below, including an ID3 tag's header


@dataclass(frozen=True, slots=True)
class MediaFormat:
    """What a file is, judged by content alone."""

    family: Family
    format: str  # short stable name: "JPEG", "OGG_OPUS", "M4A", ...
    mime: str
    extension: str  # canonical, without the dot
    supported: bool = True  # False when detected but no decoder is installed

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


UNKNOWN = MediaFormat("unknown", "UNKNOWN", "application/octet-stream", "bin", False)

_FORMATS: dict[str, MediaFormat] = {
    f.format: f
    for f in (
        MediaFormat("image", "JPEG", "image/jpeg", "jpg"),
        MediaFormat("image", "PNG", "image/png", "png"),
        MediaFormat("image", "TIFF", "image/tiff", "tif"),
        MediaFormat("image", "WEBP", "image/webp", "webp"),
        MediaFormat("image", "GIF", "image/gif", "gif"),
        MediaFormat("image", "BMP", "image/bmp", "bmp"),
        MediaFormat("image", "HEIF", "image/heif", "heic"),
        MediaFormat("image", "AVIF", "image/avif", "avif"),
        MediaFormat("audio", "MP3", "audio/mpeg", "mp3"),
        MediaFormat("audio", "WAV", "audio/wav", "wav"),
        MediaFormat("audio", "FLAC", "audio/flac", "flac"),
        MediaFormat("audio", "OGG_VORBIS", "audio/ogg", "ogg"),
        MediaFormat("audio", "OGG_OPUS", "audio/ogg; codecs=opus", "opus"),
        MediaFormat("audio", "M4A", "audio/mp4", "m4a"),
        MediaFormat("audio", "AAC", "audio/aac", "aac"),
        MediaFormat("document", "PDF", "application/pdf", "pdf"),
    )
}

def suffix_of(stored_path: str, fmt: str) -> str:
    """A stored original's extension ('.wav'): from its stored name, or, in an encrypted
    archive (whose keyed names have none), from the format found at import."""
    suffix = PurePosixPath(stored_path).suffix.lower()
    if suffix:
        return suffix
    known = _FORMATS.get(fmt)
    return f".{known.extension}" if known is not None else ""


_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}
_M4A_BRANDS = {b"M4A ", b"M4B ", b"M4P "}

# MPEG audio bitrate index 0 and 15 are invalid; so is sample-rate index 3.
_MPEG_VERSIONS = {0b00: "2.5", 0b10: "2", 0b11: "1"}


def _heif_available() -> bool:
    try:
        import pillow_heif  # noqa: F401
    except ImportError:
        return False
    return True


def _avif_available() -> bool:
    from PIL import features

    return bool(features.check("avif"))


def _is_mpeg_audio_frame(head: bytes, pos: int) -> bool:
    """True if a plausible MPEG-1/2/2.5 layer I-III frame header starts at pos."""
    if pos + 4 > len(head):
        return False
    b0, b1, b2 = head[pos], head[pos + 1], head[pos + 2]
    if b0 != 0xFF or (b1 & 0xE0) != 0xE0:
        return False
    version = (b1 >> 3) & 0b11
    layer = (b1 >> 1) & 0b11
    bitrate_index = b2 >> 4
    rate_index = (b2 >> 2) & 0b11
    return version in _MPEG_VERSIONS and layer != 0 and bitrate_index not in (0, 15) and rate_index != 3


def _is_adts(head: bytes, pos: int) -> bool:
    """True if an AAC ADTS header (sync 0xFFF, layer 00) starts at pos."""
    if pos + 7 > len(head):
        return False
    return head[pos] == 0xFF and (head[pos + 1] & 0xF6) == 0xF0 and ((head[pos + 2] >> 2) & 0xF) < 13


def _id3_size(head: bytes) -> int:
    """Total length of a leading ID3v2 tag, header and footer included."""
    if len(head) < 10 or head[:3] != b"ID3":
        return 0
    size = 0
    for byte in head[6:10]:
        size = (size << 7) | (byte & 0x7F)
    footer = 10 if head[5] & 0x10 else 0
    return 10 + size + footer


def _ogg_codec(head: bytes) -> str | None:
    """Name the codec of the first logical stream of an Ogg file."""
    if len(head) < 28:
        return None
    segments = head[26]
    packet = head[27 + segments : 27 + segments + 16]
    if packet.startswith(b"\x01vorbis"):
        return "OGG_VORBIS"
    if packet.startswith(b"OpusHead"):
        return "OGG_OPUS"
    return None


def mp4_boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int, int]]:
    """(kind, box start, body start, box end) of each ISO media box in data[start:end].

    Stops at the first header that does not fit, so damaged files end the walk
    instead of sending it outside the buffer."""
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if size == 1 and pos + 16 <= end:
            size, header = struct.unpack_from(">Q", data, pos + 8)[0], 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            return
        yield kind, pos, pos + header, pos + size
        pos += size


def _mp4_handlers(path: Path, limit: int = 64 << 20) -> set[bytes]:
    """Handler types (b"soun", b"vide", ...) of every track in an ISO media file.

    Walks only box headers, so a multi-gigabyte video costs a few reads; a
    `moov` box larger than `limit` is not read and gives an empty set.
    """
    handlers: set[bytes] = set()

    def boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
        for kind, _box, body, stop in mp4_boxes(data, start, end):
            yield kind, body, stop

    with path.open("rb") as fh:
        fh.seek(0, os.SEEK_END)
        total = fh.tell()
        pos = 0
        while pos + 8 <= total:
            fh.seek(pos)
            raw = fh.read(16)
            if len(raw) < 8:
                break
            size, kind = struct.unpack_from(">I4s", raw)
            header = 8
            if size == 1 and len(raw) == 16:
                size, header = struct.unpack_from(">Q", raw, 8)[0], 16
            elif size == 0:
                size = total - pos
            if size < header:
                break
            if kind == b"moov":
                if size > limit:
                    return set()
                fh.seek(pos)
                moov = fh.read(size)
                for k, s, e in boxes(moov, header, len(moov)):
                    if k != b"trak":
                        continue
                    for k2, s2, e2 in boxes(moov, s, e):
                        if k2 != b"mdia":
                            continue
                        for k3, s3, _e3 in boxes(moov, s2, e2):
                            if k3 == b"hdlr" and s3 + 12 <= len(moov):
                                handlers.add(moov[s3 + 8 : s3 + 12])
                return handlers
            pos += size
    return handlers


def _sniff(head: bytes, size: int) -> str | None:
    """Return a key of `_FORMATS` for these leading bytes, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "TIFF"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:4] in (b"RIFF", b"RF64") and head[8:12] == b"WAVE":
        return "WAV"
    if head[:2] == b"BM" and len(head) >= 18:
        dib_size = struct.unpack_from("<I", head, 14)[0]
        if dib_size in (12, 16, 40, 52, 56, 64, 108, 124):
            return "BMP"
    if head[4:8] == b"ftyp" and len(head) >= 12:
        box = struct.unpack_from(">I", head, 0)[0]
        brands = {head[8:12]}
        brands.update(head[i : i + 4] for i in range(16, min(box, len(head)) - 3, 4))
        if brands & _AVIF_BRANDS and head[8:12] in _AVIF_BRANDS | {b"mif1", b"msf1"}:
            return "AVIF"
        if brands & _HEIF_BRANDS:
            return "HEIF"
        if brands & _M4A_BRANDS:
            return "M4A"
        return "MP4?"  # generic ISO media: audio-only or video, decided by its tracks
    if head.startswith(b"fLaC"):
        return "FLAC"
    if head.startswith(b"OggS"):
        return _ogg_codec(head)
    tag = _id3_size(head)
    if tag:
        # An ID3 tag can prefix MP3, AAC and (rarely) FLAC; look past it.
        after = head[tag : tag + 16]
        if after.startswith(b"fLaC"):
            return "FLAC"
        if tag >= size or tag >= len(head) or _is_mpeg_audio_frame(after, 0):
            return "MP3"  # tag larger than our window: trust the ID3 marker
        if _is_adts(after, 0):
            return "AAC"
        return "MP3"
    if _is_mpeg_audio_frame(head, 0):
        return "MP3"
    if _is_adts(head, 0):
        return "AAC"
    if b"%PDF-" in head[:1024]:  # the PDF header may follow up to 1 KB of junk
        return "PDF"
    return None


def detect_format(path: str | os.PathLike[str]) -> MediaFormat:
    """Identify `path` by content. Unknown content gives `UNKNOWN`, not an error.

    Raises `EmptyFileError` for a zero-byte file and `MissingFileError` when
    the path does not name a readable regular file, because both usually mean
    an interrupted copy and the caller must say so rather than guess.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise MissingFileError("The path is not a regular file.", path=p)
        with p.open("rb") as fh:
            head = fh.read(_HEAD)
    except FileNotFoundError as exc:
        raise MissingFileError("The file does not exist.", path=p) from exc
    except PermissionError as exc:
        raise MissingFileError("The file cannot be read (permission denied).", path=p) from exc
    if size == 0 or not head:
        raise EmptyFileError("The file is empty (zero bytes).", path=p)
    key = _sniff(head, size)
    if key == "MP4?":
        # Android recorders write voice notes as generic "mp42"/"isom" files.
        key = "M4A" if _mp4_handlers(p) == {b"soun"} else None
    if key is None:
        return UNKNOWN
    fmt = _FORMATS[key]
    if key == "HEIF" and not _heif_available():
        return MediaFormat(fmt.family, fmt.format, fmt.mime, fmt.extension, False)
    if key == "AVIF" and not _avif_available():
        return MediaFormat(fmt.family, fmt.format, fmt.mime, fmt.extension, False)
    return fmt


def require_family(path: str | os.PathLike[str], family: Family) -> MediaFormat:
    """Detect `path` and refuse it unless it is a supported member of `family`."""
    fmt = detect_format(path)
    if fmt.family != family:
        what = "an unrecognised format" if fmt is UNKNOWN else f"{fmt.format} ({fmt.family})"
        raise UnsupportedFormatError(f"Expected {family} but the content is {what}.", path=path)
    if not fmt.supported:
        raise UnsupportedFormatError(
            f"{fmt.format} was recognised but no decoder for it is installed.", path=path
        )
    return fmt
