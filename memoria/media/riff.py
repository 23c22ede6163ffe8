"""WAV files at the chunk level: structure checks, field-recorder tags, stripping.

mutagen only knows the ID3 chunk of a WAV file, but field recorders (Zoom,
Tascam, Sound Devices) describe recordings in RIFF `LIST/INFO` and Broadcast
WAVE `bext` chunks, and `iXML` can hold names and places. Reading them
matters for cataloguing; removing every one of them matters for exports.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import CorruptFileError, TruncatedFileError

# Chunks a player needs; everything else is metadata or padding.
AUDIO_CHUNKS = {b"fmt ", b"data", b"fact", b"cue ", b"smpl"}
PADDING_CHUNKS = {b"JUNK", b"PAD ", b"FLLR", b"junk", b"pad "}

_INFO_FIELDS = {
    b"INAM": "title", b"IART": "artist", b"ICMT": "comment", b"ICRD": "date",
    b"ICOP": "copyright", b"IGNR": "genre", b"IPRD": "album", b"ISFT": "encoder",
    b"IENG": "engineer", b"ISBJ": "subject", b"IKEY": "keywords",
}
FORMAT_TAGS = {1: "PCM", 3: "IEEE float", 6: "A-law", 7: "mu-law", 0x11: "IMA ADPCM",
               0x55: "MP3", 0xFFFE: "PCM (extensible)"}


@dataclass(frozen=True, slots=True)
class Chunk:
    id: bytes
    offset: int  # of the chunk header
    size: int  # payload size as declared


def read_chunks(path: str | os.PathLike[str]) -> tuple[list[Chunk], bool]:
    """Top-level chunks of a RIFF/WAVE file and whether the file is complete.

    A chunk whose declared size runs past the end of the file means the copy
    was interrupted (or the recorder lost power): `complete` is then False.
    """
    p = Path(path)
    total = p.stat().st_size
    chunks: list[Chunk] = []
    with p.open("rb") as fh:
        head = fh.read(12)
        if len(head) < 12 or head[:4] not in (b"RIFF", b"RF64") or head[8:12] != b"WAVE":
            raise CorruptFileError("Not a RIFF/WAVE file.", path=path)
        rf64_data_size: int | None = None
        pos = 12
        while pos + 8 <= total:
            fh.seek(pos)
            cid, size = struct.unpack("<4sI", fh.read(8))
            if cid == b"ds64":
                rf64_data_size = struct.unpack("<Q", fh.read(16)[8:16])[0]
            elif cid == b"data" and size == 0xFFFFFFFF and rf64_data_size is not None:
                size = rf64_data_size
            chunks.append(Chunk(cid, pos, size))
            end = pos + 8 + size + (size & 1)
            if pos + 8 + size > total:
                return chunks, False
            pos = end
    return chunks, True


def describe_wav(path: str | os.PathLike[str]) -> dict[str, object]:
    """Codec name, INFO and bext fields, and structural completeness of a WAV."""
    chunks, complete = read_chunks(path)
    ids = [c.id for c in chunks]
    if b"fmt " not in ids or b"data" not in ids:
        if not complete:
            raise TruncatedFileError("The WAV file ends before its audio data.", path=path)
        raise CorruptFileError("The WAV file has no format or data chunk.", path=path)
    tags: dict[str, str] = {}
    codec = "unknown"
    with open(path, "rb") as fh:
        for c in chunks:
            if c.id == b"fmt ":
                fh.seek(c.offset + 8)
                tag = struct.unpack("<H", fh.read(2))[0]
                codec = FORMAT_TAGS.get(tag, f"WAVE format 0x{tag:04x}")
            elif c.id == b"LIST" and c.size <= 1 << 20:
                fh.seek(c.offset + 8)
                tags.update(_parse_info(fh.read(c.size)))
            elif c.id == b"bext" and 602 <= c.size <= 1 << 20:
                fh.seek(c.offset + 8)
                tags.update(_parse_bext(fh.read(c.size)))
    return {"codec": codec, "tags": tags, "complete": complete,
            "chunks": [c.id.decode("latin-1") for c in chunks]}


def _clean(raw: bytes) -> str:
    text = raw.split(b"\x00", 1)[0]
    try:
        return text.decode("utf-8").strip()
    except UnicodeDecodeError:
        return text.decode("cp1252", errors="replace").strip()


def _parse_info(payload: bytes) -> dict[str, str]:
    if payload[:4] != b"INFO":
        return {}
    out: dict[str, str] = {}
    pos = 4
    while pos + 8 <= len(payload):
        cid, size = struct.unpack_from("<4sI", payload, pos)
        value = _clean(payload[pos + 8 : pos + 8 + size])
        key = _INFO_FIELDS.get(cid, cid.decode("latin-1", errors="replace").strip())
        if value:
            out[key] = value
        pos += 8 + size + (size & 1)
    return out


def _parse_bext(payload: bytes) -> dict[str, str]:
    """EBU Tech 3285: description(256), originator(32), reference(32), date(10), time(8)."""
    fields = {
        "bext_description": _clean(payload[0:256]),
        "bext_originator": _clean(payload[256:288]),
        "bext_originator_reference": _clean(payload[288:320]),
        "bext_origination_date": _clean(payload[320:330]),
        "bext_origination_time": _clean(payload[330:338]),
    }
    return {k: v for k, v in fields.items() if v}


def metadata_chunks(path: str | os.PathLike[str]) -> list[str]:
    """Names of chunks that are neither audio nor padding (empty list = clean)."""
    chunks, _ = read_chunks(path)
    return [c.id.decode("latin-1") for c in chunks
            if c.id not in AUDIO_CHUNKS and c.id not in PADDING_CHUNKS]


def write_without_metadata(src: str | os.PathLike[str], out: BinaryIO) -> None:
    """Write a copy of `src` keeping only the audio chunks (fmt, fact, data, cue, smpl).

    RF64 files (over 4 GB) are refused rather than rewritten wrongly.
    """
    chunks, complete = read_chunks(src)
    if not complete:
        raise TruncatedFileError("The WAV file is incomplete; it was not exported.", path=src)
    with open(src, "rb") as inp:
        if inp.read(4) == b"RF64":
            raise CorruptFileError("RF64 files cannot be stripped yet.", path=src)
        keep = [c for c in chunks if c.id in AUDIO_CHUNKS]
        body = sum(8 + c.size + (c.size & 1) for c in keep)
        out.write(b"RIFF" + struct.pack("<I", 4 + body) + b"WAVE")
        for c in keep:
            inp.seek(c.offset)
            remaining = 8 + c.size + (c.size & 1)
            while remaining:
                block = inp.read(min(remaining, 1 << 20))
                if not block and remaining == 1:
                    block = b"\x00"  # a final odd chunk may omit its pad byte
                elif not block:
                    raise TruncatedFileError("The WAV file ended while copying.", path=src)
                out.write(block)
                remaining -= len(block)
