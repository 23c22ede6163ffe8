"""Make copies of media safe to leave the archive: no metadata, blurred faces.

Consent may require that a photograph shows no face and no place, or that a
recording carries no name. Embedded metadata is where names and places hide
unnoticed: GPS in EXIF, an author in XMP, a caption in IPTC, a phone's
location atom in an MP4, a recorder's `bext` description in a WAV. Every
function here writes a new file (the original is only read) and then checks
its own output with `verify_stripped`, so an export can prove it is clean.
"""

from __future__ import annotations

import math
import os
import struct
from collections.abc import Sequence
from pathlib import Path

from mutagen import MutagenError, apev2, id3
from mutagen.flac import FLAC
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from PIL import Image, ImageFilter

from . import riff
from ._fs import copy_to_temp_sibling, temp_sibling
from .audio import MUTAGEN_FAILURES
from .detect import detect_format, mp4_boxes, require_family
from .errors import CorruptFileError, MediaError
from .images import Derivative, OutputFormat, pillow_errors, render, save_clean

Region = tuple[float, float, float, float]  # x, y, w, h as fractions of the upright picture

# Image segments/chunks that hold pixels or how to show them, never who/where/when.
_PNG_ALLOWED = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB",
                b"pHYs", b"sBIT", b"bKGD", b"acTL", b"fcTL", b"fdAT"}
_JPEG_APP_NAMES = {0xE1: "EXIF or XMP (APP1)", 0xE2: "ICC profile or FlashPix (APP2)",
                   0xED: "IPTC/Photoshop (APP13)", 0xFE: "JPEG comment (COM)"}
_MP4_META_BOXES = {b"udta", b"meta", b"uuid", b"ilst", b"\xa9xyz"}
_MP4_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl"}


class NotCleanError(MediaError):
    code = "not_clean"


def _check_clean(path: Path) -> None:
    left = verify_stripped(path)
    if left:
        raise NotCleanError("Metadata remained after stripping: " + ", ".join(left) + ".",
                            path=path)


# --- images -----------------------------------------------------------------

def strip_image_metadata(src: str | os.PathLike[str], dest: str | os.PathLike[str], *,
                         fmt: OutputFormat = "auto", quality: int = 92) -> Derivative:
    """Re-encode the pixels only: no EXIF, GPS, XMP, IPTC, maker notes, ICC or thumbnails.

    The picture is turned upright first (EXIF orientation would otherwise be
    lost with the EXIF) and colour-managed into sRGB, so dropping the ICC
    profile does not change how it looks. Animated GIF/WebP keep frame one.
    """
    with pillow_errors(src):
        out = save_clean(render(src, None), dest, fmt=fmt, quality=quality, durable=True)
    _check_clean(Path(out.path))
    return out


def _clamp_region(region: Region) -> tuple[float, float, float, float]:
    """Validate a fractional region and clip it to the picture: (left, top, right, bottom)."""
    x, y, w, h = (float(v) for v in region)
    if not all(math.isfinite(v) for v in (x, y, w, h)) or w <= 0 or h <= 0:
        raise ValueError(f"Invalid blur region {region!r}: needs finite x, y and positive w, h.")
    left, top, right, bottom = max(0.0, x), max(0.0, y), min(1.0, x + w), min(1.0, y + h)
    if right <= left or bottom <= top:
        raise ValueError(f"Blur region {region!r} lies outside the picture.")
    return left, top, right, bottom


def _pixel_box(frac: tuple[float, float, float, float], width: int,
               height: int) -> tuple[int, int, int, int]:
    """Round outwards, so a region never leaves a sliver of a face unblurred."""
    left, top = math.floor(frac[0] * width), math.floor(frac[1] * height)
    return (left, top, max(left + 1, math.ceil(frac[2] * width)),
            max(top + 1, math.ceil(frac[3] * height)))


def blur_regions(src: str | os.PathLike[str], dest: str | os.PathLike[str],
                 regions: Sequence[Region], *, blocks: int = 6,
                 fmt: OutputFormat = "auto", quality: int = 92) -> Derivative:
    """Hide regions (faces, name tags, house numbers) beyond recovery, and strip metadata.

    Regions are fractions of the upright picture, so they stay valid for any
    size of copy. Each region is averaged down to about `blocks` cells across
    its shorter side: the detail is gone from the data, not merely softened
    (a light Gaussian blur over a strong one can be partly deconvolved; an
    8-bit average of hundreds of pixels cannot). The cells are then smoothed
    so the result reads as a deliberate blur rather than a glitch.
    """
    im = blurred(src, regions, blocks=blocks)
    with pillow_errors(src):
        out = save_clean(im, dest, fmt=fmt, quality=quality, durable=True)
    _check_clean(Path(out.path))
    return out


def blurred(src: str | os.PathLike[str], regions: Sequence[Region], *,
            blocks: int = 6) -> Image.Image:
    """The upright picture with `regions` hidden (see `blur_regions`), in memory."""
    if not regions:
        raise ValueError("blur_regions needs at least one region.")
    boxes = [_clamp_region(r) for r in regions]  # refuse bad input before decoding
    with pillow_errors(src):
        im = render(src, None)
        for frac in boxes:
            box = _pixel_box(frac, im.width, im.height)
            patch = im.crop(box)
            side = max(1, min(patch.size) // max(1, blocks))
            small = patch.resize((max(1, patch.width // side), max(1, patch.height // side)),
                                 Image.Resampling.BOX)
            coarse = small.resize(patch.size, Image.Resampling.NEAREST)
            im.paste(coarse.filter(ImageFilter.GaussianBlur(side / 3)), box[:2])
    return im


def _jpeg_leftovers(data: bytes) -> list[str]:
    found: list[str] = []
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker in (0xDA, 0xD9):  # start of scan: no more metadata segments
            break
        length = struct.unpack_from(">H", data, pos + 2)[0]
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            payload = data[pos + 4 : pos + 4 + 40]
            if marker == 0xE0 and payload.startswith(b"JFIF\x00"):
                pass  # pixel density only (a JFXX APP0 could hold a thumbnail)
            elif marker == 0xEE and payload.startswith(b"Adobe"):
                pass  # colour transform flag only
            elif marker == 0xE1 and payload.startswith(b"Exif"):
                found.append("EXIF (APP1)")
            elif marker == 0xE1 and b"adobe" in payload.lower():
                found.append("XMP (APP1)")
            else:
                found.append(_JPEG_APP_NAMES.get(marker, f"APP{marker - 0xE0} segment"))
        pos += 2 + length
    return found


def _png_leftovers(data: bytes) -> list[str]:
    found: list[str] = []
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, pos)
        if kind not in _PNG_ALLOWED:
            found.append(f"PNG {kind.decode('latin-1')} chunk")
        pos += 12 + length
    return found


def _image_leftovers(path: Path, fmt: str) -> list[str]:
    if fmt in ("JPEG", "PNG"):
        data = path.read_bytes()
        return _jpeg_leftovers(data) if fmt == "JPEG" else _png_leftovers(data)
    found: list[str] = []
    with pillow_errors(path), Image.open(path) as im:
        if im.getexif():
            found.append("EXIF")
        found.extend(f"{key} ({fmt})" for key in ("xmp", "XML:com.adobe.xmp", "icc_profile",
                                                  "comment", "photoshop") if im.info.get(key))
    return found


# --- audio ------------------------------------------------------------------

def _mp4_meta_boxes(data: bytes, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """(offset, size) of every metadata box under moov/trak, to blank in place."""
    for kind, box, body, stop in mp4_boxes(data, start, end):
        if kind in _MP4_META_BOXES:
            out.append((box, stop - box))
        elif kind in _MP4_CONTAINERS:
            _mp4_meta_boxes(data, body, stop, out)


def _blank_mp4_metadata(path: Path, *, dry_run: bool = False) -> list[str]:
    """Turn every metadata box into a zero-filled `free` box of the same size.

    Keeping sizes means no chunk offset moves, so the audio stays playable
    without rewriting sample tables, and the old bytes are really gone.
    """
    data = bytearray(path.read_bytes())
    boxes: list[tuple[int, int]] = []
    _mp4_meta_boxes(bytes(data), 0, len(data), boxes)
    names = []
    for pos, size in boxes:
        kind = bytes(data[pos + 4 : pos + 8])
        payload_start = pos + (16 if struct.unpack_from(">I", data, pos)[0] == 1 else 8)
        if any(data[payload_start : pos + size]):
            names.append(f"MP4 {kind.decode('latin-1')} box")
        if not dry_run:
            data[pos + 4 : pos + 8] = b"free"
            data[payload_start : pos + size] = bytes(pos + size - payload_start)
    if boxes and not dry_run:
        with path.open("r+b") as fh:
            fh.write(data)
    return names


def strip_audio_metadata(src: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Path:
    """Copy a recording without tags, pictures, chapters or location boxes.

    The copy is edited under a temporary name and moved into place only
    after `verify_stripped` finds nothing left.
    """
    src_p, dest_p = Path(src), Path(dest)
    fmt = require_family(src_p, "audio").format
    # WAV is rewritten chunk by chunk; the others are copied, then edited in place.
    tmp = temp_sibling(dest_p) if fmt == "WAV" else copy_to_temp_sibling(src_p, dest_p)
    try:
        if fmt == "WAV":
            with tmp.open("wb") as fh:
                riff.write_without_metadata(src_p, fh)
        if fmt in ("MP3", "AAC"):
            id3.delete(tmp, delete_v1=True, delete_v2=True)
            apev2.delete(tmp)
        elif fmt == "FLAC":
            flac = FLAC(tmp)
            flac.clear_pictures()
            if flac.tags is not None:
                flac.tags.clear()
            flac.metadata_blocks = [b for b in flac.metadata_blocks if b.code in (0, 3)]
            flac.save(deleteid3=True, padding=lambda _info: 0)
        elif fmt in ("OGG_VORBIS", "OGG_OPUS"):
            (OggVorbis if fmt == "OGG_VORBIS" else OggOpus)(tmp).delete()
        elif fmt == "M4A":
            _blank_mp4_metadata(tmp)
        _check_clean(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest_p)
    except MUTAGEN_FAILURES as exc:
        if isinstance(exc, OSError) and not isinstance(exc, MutagenError):
            raise MediaError(f"The export could not be written ({exc}).", path=dest_p,
                             code="write_failed") from exc
        raise CorruptFileError(f"The tags could not be removed ({exc}).", path=src_p) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return dest_p


def _audio_leftovers(path: Path, fmt: str) -> list[str]:
    found: list[str] = []
    if fmt == "WAV":
        return [f"WAV {name.strip()} chunk" for name in riff.metadata_chunks(path)]
    size = path.stat().st_size
    with path.open("rb") as fh:
        if fh.read(3) == b"ID3":
            found.append("ID3v2 tag")
        fh.seek(max(0, size - 4096))
        tail = fh.read()
    if tail[-128:-125] == b"TAG":
        found.append("ID3v1 tag")
    if b"APETAGEX" in tail:
        found.append("APEv2 tag")
    if b"3DI" in tail[-10:] or b"3DI" in tail[-138:-128]:
        found.append("ID3v2 tag (appended)")
    if fmt == "M4A":
        return found + _blank_mp4_metadata(path, dry_run=True)
    if fmt in ("MP3", "AAC"):
        return found  # their tags are exactly the ID3/APE blocks checked above
    reader = {"FLAC": FLAC, "OGG_VORBIS": OggVorbis, "OGG_OPUS": OggOpus}[fmt]
    try:
        audio = reader(path)
    except MUTAGEN_FAILURES:
        return [*found, "tags unreadable"]
    if audio.tags:
        found.extend(f"tag {key}" for key in sorted(set(audio.tags.keys())))
    if isinstance(audio, FLAC):
        if audio.pictures:
            found.append("FLAC picture")
        found.extend(f"FLAC metadata block type {b.code}" for b in audio.metadata_blocks
                     if b.code not in (0, 1, 3, 4))
    return found


def verify_stripped(path: str | os.PathLike[str]) -> list[str]:
    """Metadata still present in `path`; an empty list means clean.

    Unknown formats and documents are never reported clean: a check that
    cannot look must not say "nothing found".
    """
    p = Path(path)
    fmt = detect_format(p)
    if fmt.family == "image":
        return _image_leftovers(p, fmt.format)
    if fmt.family == "audio":
        return _audio_leftovers(p, fmt.format)
    return [f"{fmt.format} files cannot be checked for metadata"]
