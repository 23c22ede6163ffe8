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


# -- deep probing of untrusted files, in limited worker processes ----------------
MAX_FILE_KEY = "import.max_file_mb"
DEFAULT_MAX_FILE_MB = 16 * 1024  # 16 GB: hours of uncompressed WAV fit; a runaway file does not
_REFUSED_CODES = {
    "corrupt": "the data is damaged",
    "truncated": "the file is incomplete (truncated)",
    "bomb": "it declares far more pixels than any real photograph (decompression bomb)",
    "timeout": "reading it took too long and was stopped",
    "memory": "reading it needed too much memory and was stopped",
    "crashed": "the decoder crashed on it",
}


def _deep_probe(path: str, family: str) -> dict:
    """Runs in a worker: fully parse the file so damage is found at ingest, not years later."""
    if family == "image":
        from memoria.media.images import probe_image

        info = probe_image(path)
        return {"width": info.width, "height": info.height, "mode": info.mode}
    from memoria.media.audio import probe_audio

    audio = probe_audio(path)
    return {"duration": audio.duration, "sample_rate": audio.sample_rate,
            "channels": audio.channels, "codec": audio.codec}


class SafeProbe:
    """A `probe_fn` for the importer: size limit, content sniff, then a full decode in a
    worker process with a wall-clock and memory limit, so no hostile file can hang,
    exhaust or crash the process that holds the archive open.

    Order matters: the size check and the 64-byte sniff are cheap and happen
    first, so a multi-GB file of zeros is refused without being read.
    """

    def __init__(self, max_bytes: int = DEFAULT_MAX_FILE_MB << 20, timeout: float = 30.0,
                 memory_mb: int = 1024) -> None:
        from memoria.media.safe import MediaPool

        self.max_bytes = max_bytes
        self._pool = MediaPool(1, timeout=timeout, memory_mb=memory_mb)

    @classmethod
    def for_archive(cls, archive: object, **kwargs: float) -> SafeProbe:
        """Limits from the archive's settings table ('import.max_file_mb')."""
        try:
            mb = int(archive.setting(MAX_FILE_KEY, str(DEFAULT_MAX_FILE_MB)))  # type: ignore[attr-defined]
        except (TypeError, ValueError):
            mb = DEFAULT_MAX_FILE_MB
        return cls(max_bytes=mb << 20, **kwargs)  # type: ignore[arg-type]

    def close(self) -> None:
        self._pool.close()

    def __call__(self, path: Path) -> Probed:
        from memoria.media.safe import Job

        try:
            if not path.is_file():
                raise ProbeError("not a regular file", "unreadable")
            size = path.stat().st_size
        except OSError as exc:
            raise ProbeError(f"cannot be read: {exc.strerror or exc}", "unreadable") from exc
        if size > self.max_bytes:
            raise ProbeError(
                f"the file is {size / 2**30:.1f} GB, over the import limit of "
                f"{self.max_bytes / 2**30:.1f} GB (setting {MAX_FILE_KEY})", "too_large")
        probed = sniff(path)
        if probed.family not in ("image", "audio"):
            return probed
        (result,) = self._pool.run([Job(_deep_probe, (str(path), probed.family))])
        if result.ok:
            return Probed(probed.family, probed.format, probed.mime, probed.extension,
                          dict(result.value), probed.warnings)
        code = result.error.code if result.error else "failed"
        if code in _REFUSED_CODES:
            raise ProbeError(f"{probed.format}: {_REFUSED_CODES[code]}", code)
        # Recognised but not decodable here (e.g. HEIF without its plug-in): keep the
        # original rather than lose it, and say so.
        message = result.error.message if result.error else "unknown reason"
        return Probed(probed.family, probed.format, probed.mime, probed.extension, {},
                      (*probed.warnings, f"could not be fully checked: {message}"))
