"""What a file really is, from its first bytes (never from its name)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from memoria.domain.model import Kind


class ProbeError(Exception):
    """The file cannot be imported; `reason` is for a person, `code` for programs."""

    def __init__(self, reason: str, code: str = "unsupported") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


@dataclass(frozen=True)
class Probed:
    family: str  # image | audio | document
    format: str
    mime: str
    extension: str
    technical: dict = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def default_kind(self) -> Kind | None:
        return {"image": Kind.PHOTOGRAPH, "audio": Kind.AUDIO}.get(self.family)


_SIGNATURES: list[tuple[bytes, int, str, str, str, str]] = [
    # magic, offset, family, format, mime, extension
    (b"\xff\xd8\xff", 0, "image", "JPEG", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image", "PNG", "image/png", "png"),
    (b"GIF87a", 0, "image", "GIF", "image/gif", "gif"),
    (b"GIF89a", 0, "image", "GIF", "image/gif", "gif"),
    (b"II*\x00", 0, "image", "TIFF", "image/tiff", "tif"),
    (b"MM\x00*", 0, "image", "TIFF", "image/tiff", "tif"),
    (b"BM", 0, "image", "BMP", "image/bmp", "bmp"),
    (b"fLaC", 0, "audio", "FLAC", "audio/flac", "flac"),
    (b"ID3", 0, "audio", "MP3", "audio/mpeg", "mp3"),
    (b"%PDF-", 0, "document", "PDF", "application/pdf", "pdf"),
]


def sniff(path: Path) -> Probed:
    """Identify the format by content; refuses empty and unknown files."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(64)
    except OSError as exc:
        raise ProbeError(f"cannot be read: {exc.strerror or exc}", "unreadable") from exc
    if size == 0:
        raise ProbeError("the file is empty (0 bytes)", "empty")
    for magic, offset, family, fmt, mime, ext in _SIGNATURES:
        if head[offset:offset + len(magic)] == magic:
            return Probed(family, fmt, mime, ext)
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return Probed("audio", "WAV", "audio/wav", "wav")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Probed("image", "WebP", "image/webp", "webp")
    if head[:4] == b"OggS":
        if b"OpusHead" in head:
            return Probed("audio", "Opus", "audio/ogg; codecs=opus", "opus")
        return Probed("audio", "Ogg Vorbis", "audio/ogg", "ogg")
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis"):
            return Probed("image", "HEIF", "image/heif", "heic")
        return Probed("audio", "M4A", "audio/mp4", "m4a")
    if len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0:
        return Probed("audio", "MP3", "audio/mpeg", "mp3")
    raise ProbeError("this is not a photograph or audio format Memoria knows", "unsupported")
