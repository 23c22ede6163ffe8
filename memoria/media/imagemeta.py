"""Read the embedded metadata an archive cares about: EXIF, XMP and IPTC.

Photographs reach the museum from phones, scanners, press agencies and
family albums, each writing a different standard (or several that disagree).
This module reads the few fields a cataloguer needs from all three and picks
one value per field, so the catalogue can prefill a record. Parsing is
defensive: hostile or broken metadata yields `None`, never an exception.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from PIL import Image, IptcImagePlugin

# EXIF tag numbers (TIFF/EXIF 2.3).
_IMAGE_DESCRIPTION, _MAKE, _MODEL, _ORIENTATION = 0x010E, 0x010F, 0x0110, 0x0112
_DATETIME, _ARTIST, _COPYRIGHT = 0x0132, 0x013B, 0x8298
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED, _USER_COMMENT = 0x9003, 0x9004, 0x9286
_XP_TITLE, _XP_COMMENT, _XP_AUTHOR = 0x9C9B, 0x9C9C, 0x9C9D

_XMP_MAX = 1 << 20  # real XMP packets are a few KB; refuse to parse megabytes


@dataclass(slots=True)
class EmbeddedMetadata:
    """One value per field, already reconciled across EXIF, XMP and IPTC."""

    date_taken: str | None = None  # ISO 8601 when recognisable, else as written
    camera_make: str | None = None
    camera_model: str | None = None
    orientation: int = 1
    gps_lat: float | None = None
    gps_lon: float | None = None
    author: str | None = None
    copyright: str | None = None
    caption: str | None = None
    has_exif: bool = False
    has_xmp: bool = False
    has_iptc: bool = False


def _text(value: Any) -> str | None:
    """Normalise a tag value to clean text, or None if there is nothing useful."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        parts = [t for t in (_text(v) for v in value) if t]
        return "; ".join(parts) or None
    if isinstance(value, bytes):
        for enc in ("utf-8", "cp1252"):
            try:
                value = value.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    text = str(value).replace("\x00", "").strip()
    return text or None


def _xp_text(value: Any) -> str | None:
    """Windows XP* tags are UTF-16LE byte strings, sometimes given as int tuples."""
    if isinstance(value, tuple):
        value = bytes(v & 0xFF for v in value)
    if isinstance(value, bytes):
        return _text(value.decode("utf-16-le", errors="ignore"))
    return _text(value)


def _user_comment(value: Any) -> str | None:
    """EXIF UserComment starts with an 8-byte charset code."""
    if not isinstance(value, bytes) or len(value) < 8:
        return _text(value)
    code, body = value[:8], value[8:]
    if code.startswith(b"UNICODE"):
        enc = "utf-16-be" if body[:1] == b"\x00" else "utf-16-le"
        return _text(body.decode(enc, errors="ignore"))
    return _text(body.decode("latin-1") if code.startswith(b"ASCII") else body)


def _dms_to_decimal(dms: Any, ref: Any) -> float | None:
    try:
        d, m, s = (float(x) for x in dms)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    value = d + m / 60.0 + s / 3600.0
    if not math.isfinite(value):
        return None
    if _text(ref) in ("S", "W"):
        value = -value
    return round(value, 7)


def _gps(exif: Image.Exif) -> tuple[float | None, float | None]:
    try:
        gps = exif.get_ifd(_GPS_IFD)
    except Exception:  # a broken GPS IFD must not cost the rest of the record
        return None, None
    lat = _dms_to_decimal(gps.get(2), gps.get(1)) if gps else None
    lon = _dms_to_decimal(gps.get(4), gps.get(3)) if gps else None
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None, None
    if lat == 0 and lon == 0:
        return None, None  # "null island": a camera with no fix writes zeros
    return lat, lon


def read_exif(im: Image.Image) -> dict[str, Any]:
    """Archive fields from EXIF; empty dict when absent or unreadable."""
    try:
        exif = im.getexif()
    except Exception:
        return {}
    if not exif:
        return {}
    try:
        sub = exif.get_ifd(_EXIF_IFD)
    except Exception:
        sub = {}
    lat, lon = _gps(exif)
    orientation = exif.get(_ORIENTATION, 1)
    return {
        "date_taken": _text(sub.get(_DATETIME_ORIGINAL))
        or _text(sub.get(_DATETIME_DIGITIZED))
        or _text(exif.get(_DATETIME)),
        "camera_make": _text(exif.get(_MAKE)),
        "camera_model": _text(exif.get(_MODEL)),
        "orientation": orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else 1,
        "gps_lat": lat,
        "gps_lon": lon,
        "author": _text(exif.get(_ARTIST)) or _xp_text(exif.get(_XP_AUTHOR)),
        "copyright": _text(exif.get(_COPYRIGHT)),
        "caption": _text(exif.get(_IMAGE_DESCRIPTION))
        or _user_comment(sub.get(_USER_COMMENT))
        or _xp_text(exif.get(_XP_COMMENT))
        or _xp_text(exif.get(_XP_TITLE)),
    }


def raw_xmp(im: Image.Image) -> bytes | None:
    """The XMP packet wherever this Pillow plugin put it."""
    for key in ("xmp", "XML:com.adobe.xmp"):
        value = im.info.get(key)
        if isinstance(value, str):
            value = value.encode("utf-8")
        if isinstance(value, bytes) and value:
            return value
    tag = getattr(im, "tag_v2", None)  # TIFF keeps XMP in tag 700
    if tag is not None:
        value = tag.get(700)
        if isinstance(value, bytes) and value:
            return value
    return None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _xmp_gps(value: str | None) -> float | None:
    """XMP writes GPS as "DDD,MM.mmK" or "DDD,MM,SSK" with K in NSEW."""
    if not value:
        return None
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?([NSEW])\s*", value)
    if not m:
        return None
    deg, minutes, seconds, ref = m.groups()
    return _dms_to_decimal((deg, minutes, seconds or 0), ref)


def parse_xmp(packet: bytes) -> dict[str, Any]:
    """Archive fields from an XMP packet (attributes or elements, any order)."""
    if len(packet) > _XMP_MAX or b"<!ENTITY" in packet:
        return {}  # entity declarations have no place in XMP: refuse expansion tricks
    start = packet.find(b"<x:xmpmeta")
    if start < 0:
        start = packet.find(b"<rdf:RDF")
    end_tag = b"</x:xmpmeta>" if packet[start : start + 10] == b"<x:xmpmeta" else b"</rdf:RDF>"
    end = packet.find(end_tag)
    if start < 0 or end < 0:
        return {}
    try:
        root = ET.fromstring(packet[start : end + len(end_tag)])
    except ET.ParseError:
        return {}
    found: dict[str, str] = {}
    for el in root.iter():
        for attr, val in el.attrib.items():
            found.setdefault(_local(attr), val)
        name = _local(el.tag)
        items = [li.text.strip() for li in el.iter() if _local(li.tag) == "li" and li.text]
        if items:
            found.setdefault(name, "; ".join(dict.fromkeys(items)))
        elif el.text and el.text.strip() and len(el) == 0:
            found.setdefault(name, el.text.strip())
    lat, lon = _xmp_gps(found.get("GPSLatitude")), _xmp_gps(found.get("GPSLongitude"))
    orientation = found.get("Orientation", "1")
    return {
        "date_taken": found.get("DateTimeOriginal")
        or found.get("DateCreated")
        or found.get("CreateDate"),
        "camera_make": found.get("Make"),
        "camera_model": found.get("Model"),
        "orientation": int(orientation) if orientation.isdigit() and 1 <= int(orientation) <= 8 else 1,
        "gps_lat": lat if lon is not None else None,
        "gps_lon": lon if lat is not None else None,
        "author": found.get("creator") or found.get("Artist"),
        "copyright": found.get("rights") or found.get("Copyright"),
        "caption": found.get("description") or found.get("title"),
    }


def read_iptc(im: Image.Image) -> dict[str, Any]:
    """Archive fields from IPTC-IIM (press agencies and older Photoshop)."""
    try:
        info = IptcImagePlugin.getiptcinfo(im)
    except Exception:
        return {}
    if not info:
        return {}
    date = _text(info.get((2, 55)))
    if date and len(date) == 8 and date.isdigit():
        date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return {
        "date_taken": date,
        "author": _text(info.get((2, 80))),
        "copyright": _text(info.get((2, 116))),
        "caption": _text(info.get((2, 120))) or _text(info.get((2, 5))),
    }


_EXIF_DATE = re.compile(r"(\d{4})[:-](\d{2})[:-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")


def iso_date(value: str | None) -> str | None:
    """EXIF "2002:10:16 10:30:00" -> "2002-10-16T10:30:00"; blank dates -> None.

    Cameras with an unset clock write zeros, which must not become a date.
    XMP dates are ISO already and pass through (time zone kept).
    """
    if not value:
        return None
    m = _EXIF_DATE.match(value.strip())
    if not m:
        return value
    y, mo, d, hh, mm, ss = m.groups()
    if y == "0000" or mo == "00" or d == "00":
        return None
    date = f"{y}-{mo}-{d}"
    if hh is None:
        return date + value.strip()[m.end():]
    return f"{date}T{hh}:{mm}:{ss or '00'}" + value.strip()[m.end():]


def read_embedded(im: Image.Image) -> EmbeddedMetadata:
    """Reconcile the three standards into one record.

    Technical fields (date, camera, orientation, GPS) trust EXIF first, since
    the camera wrote it; descriptive text trusts XMP first, since that is
    where editing software writes Unicode captions and credits.
    """
    exif = read_exif(im)
    packet = raw_xmp(im)
    xmp = parse_xmp(packet) if packet else {}
    iptc = read_iptc(im)

    def pick(field: str, *sources: dict[str, Any]) -> Any:
        for src in sources:
            value = src.get(field)
            if value not in (None, ""):
                return value
        return None

    technical = (exif, xmp, iptc)
    descriptive = (xmp, exif, iptc)
    lat = pick("gps_lat", exif, xmp)
    lon = pick("gps_lon", exif, xmp)
    return EmbeddedMetadata(
        date_taken=iso_date(pick("date_taken", *technical)),
        camera_make=pick("camera_make", *technical),
        camera_model=pick("camera_model", *technical),
        orientation=exif.get("orientation") or xmp.get("orientation") or 1,
        gps_lat=lat if lon is not None else None,
        gps_lon=lon if lat is not None else None,
        author=pick("author", *descriptive),
        copyright=pick("copyright", *descriptive),
        caption=pick("caption", *descriptive),
        has_exif=bool(exif),
        has_xmp=packet is not None,
        has_iptc=bool(iptc),
    )
