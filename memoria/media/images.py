"""Photographs: probe, thumbnails and access copies, with Pillow.

Originals are never written: everything here reads `src` and, at most,
writes a new derived file atomically. Hostile input (decompression bombs,
truncated or corrupt files) ends as a typed `MediaError` with a code the UI
can translate. Run these inside `safe.run_job` when the file is untrusted, so
a decoder bug can only cost a worker process.
"""

from __future__ import annotations

import io
import os
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from ._fs import atomic_write
from .detect import MediaFormat, require_family
from .errors import (
    CorruptFileError,
    DecompressionBombError,
    JobMemoryError,
    MediaError,
    TruncatedFileError,
    UnsupportedFormatError,
)
from .imagemeta import read_embedded

# Pillow refuses above twice its warning threshold; we use the same ceiling
# explicitly, so a caller that disabled Pillow's global limit is still safe.
# 179 MP still admits an A2 poster scanned at 600 dpi.
MAX_PIXELS = 2 * 89_478_485
MAX_SIDE = 100_000  # no camera or scanner makes a side this long

OutputFormat = Literal["auto", "JPEG", "PNG"]

_PIL_FORMAT = {"HEIF": "HEIF", "AVIF": "AVIF"}
_SRGB = ImageCms.createProfile("sRGB")
_MODE_DEPTH = {"1": 1, "I;16": 16, "I;16L": 16, "I;16B": 16, "I;16N": 16, "I": 32, "F": 32}


@dataclass(slots=True)
class ImageInfo:
    """What the catalogue records about a picture; plain data, picklable."""

    format: str
    mime: str
    width: int  # as stored, before EXIF orientation
    height: int
    display_width: int  # as a person sees it, after orientation
    display_height: int
    mode: str
    bit_depth: int
    frames: int
    animated: bool
    has_alpha: bool
    has_icc_profile: bool
    orientation: int
    date_taken: str | None
    camera_make: str | None
    camera_model: str | None
    gps_lat: float | None
    gps_lon: float | None
    author: str | None
    copyright: str | None
    caption: str | None
    has_exif: bool
    has_xmp: bool
    has_iptc: bool

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(slots=True)
class Derivative:
    """A file this module wrote: where, how big, in which format."""

    path: str
    width: int
    height: int
    format: str  # "JPEG" or "PNG"


def _register_heif() -> bool:
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


@contextmanager
def pillow_errors(path: str | os.PathLike[str]) -> Iterator[None]:
    """Translate whatever Pillow raises into a `MediaError` with a code."""
    try:
        yield
    except MediaError:
        raise
    except Image.DecompressionBombError as exc:
        raise DecompressionBombError(
            "The image declares too many pixels to open safely.", path=path
        ) from exc
    except MemoryError as exc:
        raise JobMemoryError("Not enough memory to decode the image.", path=path) from exc
    except UnidentifiedImageError as exc:
        raise CorruptFileError("The image data cannot be read.", path=path) from exc
    except OSError as exc:
        text = str(exc).lower()
        if "truncated" in text or "premature end" in text:
            raise TruncatedFileError("The image file is incomplete (truncated).", path=path) from exc
        if isinstance(exc, FileNotFoundError | PermissionError):
            raise MediaError(f"The file cannot be opened: {exc.strerror}.", path=path) from exc
        raise CorruptFileError(f"The image data is damaged ({exc}).", path=path) from exc
    except (SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError,
            struct.error, ZeroDivisionError) as exc:
        raise CorruptFileError(f"The image data is damaged ({exc}).", path=path) from exc


@contextmanager
def open_image(
    path: str | os.PathLike[str], *, max_pixels: int = MAX_PIXELS
) -> Iterator[tuple[Image.Image, MediaFormat]]:
    """Open a picture lazily after checking its real format and declared size.

    Only the plugin for the detected format may parse the file, so a file
    posing as one format cannot reach another plugin's parser.
    """
    fmt = require_family(path, "image")
    if fmt.format == "HEIF" and not _register_heif():
        raise UnsupportedFormatError("HEIF pictures need the pillow-heif package.", path=path)
    with pillow_errors(path), warnings.catch_warnings():
        # We enforce our own ceiling below; Pillow's warning would only be noise.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        im = Image.open(path, formats=[_PIL_FORMAT.get(fmt.format, fmt.format)])
        try:
            w, h = im.size
            if w <= 0 or h <= 0:
                raise CorruptFileError("The image declares no pixels.", path=path)
            if w > MAX_SIDE or h > MAX_SIDE or w * h > max_pixels:
                raise DecompressionBombError(
                    f"The image declares {w} x {h} pixels, more than can be opened safely.",
                    path=path,
                )
            yield im, fmt
        finally:
            im.close()


def _bit_depth(path: str | os.PathLike[str], im: Image.Image, fmt: MediaFormat) -> int:
    if fmt.format == "TIFF":
        bits = getattr(im, "tag_v2", {}).get(258)
        if isinstance(bits, tuple) and bits:
            return int(max(bits))
        if isinstance(bits, int):
            return bits
    if fmt.format == "PNG":
        with open(path, "rb") as fh:
            head = fh.read(25)
        if len(head) == 25 and head[12:16] == b"IHDR":
            return head[24]
    return _MODE_DEPTH.get(im.mode, 8)


def _has_alpha(im: Image.Image) -> bool:
    return im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        im.mode == "P" and "transparency" in im.info
    )


def probe_image(path: str | os.PathLike[str], *, decode: bool = True,
                max_pixels: int = MAX_PIXELS) -> ImageInfo:
    """Read dimensions, depth, frames and archive metadata of a picture.

    With `decode=True` (the default, for ingest) the first frame is decoded
    too, at reduced scale where the format allows, so a truncated or corrupt
    file is reported now rather than when someone opens it years later.
    """
    with open_image(path, max_pixels=max_pixels) as (im, fmt), pillow_errors(path):
        width, height, mode = im.width, im.height, im.mode
        if decode:
            # Before reading metadata: some plugins (PNG) load pixels to find
            # late metadata chunks and would otherwise swallow decode errors.
            if fmt.format == "JPEG":
                im.draft(im.mode, (max(1, width // 8), max(1, height // 8)))
            im.load()
        meta = read_embedded(im)
        frames = int(getattr(im, "n_frames", 1) or 1)
        turned = meta.orientation >= 5
        info = ImageInfo(
            format=fmt.format,
            mime=fmt.mime,
            width=width,
            height=height,
            display_width=height if turned else width,
            display_height=width if turned else height,
            mode=mode,
            bit_depth=_bit_depth(path, im, fmt),
            frames=frames,
            animated=frames > 1,
            has_alpha=_has_alpha(im),
            has_icc_profile=bool(im.info.get("icc_profile")),
            orientation=meta.orientation,
            date_taken=meta.date_taken,
            camera_make=meta.camera_make,
            camera_model=meta.camera_model,
            gps_lat=meta.gps_lat,
            gps_lon=meta.gps_lon,
            author=meta.author,
            copyright=meta.copyright,
            caption=meta.caption,
            has_exif=meta.has_exif,
            has_xmp=meta.has_xmp,
            has_iptc=meta.has_iptc,
        )
    return info


def _scale_to_8bit(im: Image.Image) -> Image.Image:
    """Grey images deeper than 8 bits, scaled (not clipped) into 0..255."""
    if im.mode.startswith("I;16"):
        return im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    lo, hi = im.getextrema()  # type: ignore[misc]
    if im.mode == "I" and lo >= 0 and hi <= 255:
        return im.convert("L")
    if im.mode == "I" and lo >= 0 and hi <= 65535:
        return im.point(lambda v: v * (1 / 256)).convert("L")
    span = (hi - lo) or 1
    return im.point(lambda v: (v - lo) * (255.0 / span)).convert("L")


def _to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    """Colour-manage into sRGB when the file carries a profile; plain convert otherwise."""
    out_mode = "RGBA" if im.mode == "RGBA" else "RGB"
    if icc:
        try:
            src_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(
                im, src_profile, _SRGB, outputMode=out_mode,
                renderingIntent=ImageCms.Intent.PERCEPTUAL,
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken or mismatched profile: fall back to Pillow's maths
    return im if im.mode == out_mode else im.convert(out_mode)


def to_8bit_display(im: Image.Image) -> Image.Image:
    """One frame as 8-bit L, RGB or RGBA in sRGB, upright, ready to encode.

    Handles EXIF orientation, palettes with transparency, CMYK (through its
    ICC profile when present), 16-bit and float greys.
    """
    icc = im.info.get("icc_profile")
    im = ImageOps.exif_transpose(im) or im
    mode = im.mode
    if mode in ("1", "L"):
        return im.convert("L")
    if mode.startswith("I") or mode == "F":
        return _scale_to_8bit(im)
    if mode in ("P", "PA", "LA", "La", "RGBa"):
        im = im.convert("RGBA" if _has_alpha(im) else "RGB")
    elif mode not in ("RGB", "RGBA", "CMYK"):  # RGBX, YCbCr, LAB, HSV, ...
        im = im.convert("RGB")
    return _to_srgb(im, icc if isinstance(icc, bytes) else None)


def _alpha_used(im: Image.Image) -> bool:
    return im.mode == "RGBA" and im.getchannel("A").getextrema()[0] < 255  # type: ignore[index]


def save_clean(
    im: Image.Image,
    dest: str | os.PathLike[str],
    *,
    fmt: OutputFormat = "auto",
    quality: int = 85,
    durable: bool = False,
    fast: bool = False,
) -> Derivative:
    """Encode pixels only (no EXIF, XMP, ICC or text) into `dest`, atomically.

    `fmt="auto"` picks PNG when transparency is really used and JPEG
    otherwise; the suffix of `dest` is replaced to match what was written.
    The image is rebuilt from raw pixels first, so no plugin can copy
    metadata across from `im.info`. `fast=True` skips Huffman optimisation and
    progressive encoding (5x cheaper, ~10% larger), for bulk import.
    """
    data, chosen, size = encode_clean(im, fmt=fmt, quality=quality, fast=fast)
    target = Path(dest).with_suffix(".png" if chosen == "PNG" else ".jpg")
    atomic_write(target, lambda fh: fh.write(data), durable=durable)  # type: ignore[arg-type]
    return Derivative(str(target), size[0], size[1], chosen)


def encode_clean(im: Image.Image, *, fmt: OutputFormat = "auto", quality: int = 85,
                 fast: bool = False) -> tuple[bytes, str, tuple[int, int]]:
    """Pixels only, encoded in memory: (data, "JPEG"|"PNG", size). See `save_clean`."""
    chosen = fmt if fmt != "auto" else ("PNG" if _alpha_used(im) else "JPEG")
    if chosen == "JPEG" and im.mode == "RGBA":
        flat = Image.new("RGB", im.size, (255, 255, 255))
        flat.paste(im, mask=im.getchannel("A"))
        im = flat
    clean = Image.frombytes(im.mode, im.size, im.tobytes())
    fh = io.BytesIO()
    if chosen == "PNG":
        clean.save(fh, "PNG", compress_level=6)
    else:
        big = max(clean.size) > 1024 and not fast
        clean.save(fh, "JPEG", quality=quality, optimize=not fast, progressive=big)
    return fh.getvalue(), chosen, clean.size


def access_copy_bytes(src: str | os.PathLike[str], max_px: int = 1600) -> bytes:
    """`make_access_copy` in memory."""
    return thumbnail_bytes(src, max_px, quality=88)


def thumbnail_bytes(src: str | os.PathLike[str], max_px: int = 256, *, quality: int = 80,
                    max_pixels: int = MAX_PIXELS) -> bytes:
    """`make_thumbnail` in memory (for an encrypted archive: stored through its vault)."""
    with pillow_errors(src):
        return encode_clean(render(src, max_px, max_pixels=max_pixels), quality=quality)[0]


def render(src: str | os.PathLike[str], max_px: int | None, *,
           max_pixels: int = MAX_PIXELS) -> Image.Image:
    """Decode the first frame of `src`, upright and 8-bit, at most `max_px` a side."""
    with open_image(src, max_pixels=max_pixels) as (im, _fmt), pillow_errors(src):
        im.seek(0)
        if max_px and max(im.size) > max_px:
            # JPEG decodes at 1/2..1/8 scale; the box must keep the aspect ratio,
            # since draft() only reduces while both sides stay above the box.
            f = max_px / max(im.size)
            im.draft(im.mode, (max(1, int(im.width * f)), max(1, int(im.height * f))))
        out = to_8bit_display(im)
        if max_px and max(out.size) > max_px:
            out.thumbnail((max_px, max_px), Image.Resampling.LANCZOS, reducing_gap=3.0)
        out.load()
        return out


def make_thumbnail(
    src: str | os.PathLike[str], dest: str | os.PathLike[str], max_px: int = 256,
    *, fmt: OutputFormat = "auto", quality: int = 80, max_pixels: int = MAX_PIXELS,
) -> Derivative:
    """A small upright preview for grids; JPEG, or PNG when alpha matters."""
    with pillow_errors(src):
        return save_clean(render(src, max_px, max_pixels=max_pixels), dest, fmt=fmt,
                          quality=quality)


def make_access_copy(
    src: str | os.PathLike[str], dest: str | os.PathLike[str], max_px: int = 1600,
    *, fmt: OutputFormat = "auto", quality: int = 88, max_pixels: int = MAX_PIXELS,
) -> Derivative:
    """A screen-sized copy for viewing, so the original is never handed out."""
    with pillow_errors(src):
        return save_clean(render(src, max_px, max_pixels=max_pixels), dest, fmt=fmt,
                          quality=quality)
