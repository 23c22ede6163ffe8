"""Builders of real media files for the media tests (and the job functions
the worker-process tests send to children, which must be importable).

Every property under test is written here in code, so a reader can see
what each file contains without opening a binary fixture.
"""

from __future__ import annotations

import hashlib
import math
import os
import struct
import time
import wave
import zlib
from pathlib import Path

from PIL import Image

DATA = Path(__file__).resolve().parents[1] / "data" / "media"
AUDIO_FIXTURES = ["tone.mp3", "tone.flac", "tone.ogg", "tone.opus", "tone.m4a", "tone.aac"]

RED, BLUE = (220, 20, 20), (20, 20, 220)


def sha256(path: str | os.PathLike[str]) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def exif_block(orientation: int = 6) -> Image.Exif:
    """Camera, date, author, caption and GPS (Medellín) as a phone would write them."""
    ex = Image.Exif()
    ex[0x010F] = "Canon"
    ex[0x0110] = "Canon EOS 5D"
    ex[0x0112] = orientation
    ex[0x013B] = "Ana Perez"
    ex[0x8298] = "Museo Casa de la Memoria"
    ex[0x010E] = "Marcha por la paz"
    ex.get_ifd(0x8769)[0x9003] = "2002:10:16 10:30:00"
    gps = ex.get_ifd(0x8825)
    gps[1], gps[2] = "N", (6.0, 14.0, 40.2)
    gps[3], gps[4] = "W", (75.0, 34.0, 5.0)
    return ex


def two_tone(size: tuple[int, int] = (60, 30)) -> Image.Image:
    """Left half red, right half blue: shows where orientation put each side."""
    im = Image.new("RGB", size, RED)
    im.paste(BLUE, (size[0] // 2, 0, size[0], size[1]))
    return im


def jpeg_with_exif(path: Path, orientation: int = 6, size: tuple[int, int] = (60, 30)) -> Path:
    two_tone(size).save(path, "JPEG", quality=95, exif=exif_block(orientation))
    return path


XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/"
  photoshop:DateCreated="1998-05-02" exif:GPSLatitude="6,15.3N" exif:GPSLongitude="75,35.1W">
<dc:creator><rdf:Seq><rdf:li>María Pérez Gómez</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© Familia Gómez</rdf:li></rdf:Alt></dc:rights>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Niños en la cancha, Comuna 13</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""


def jpeg_with_xmp(path: Path) -> Path:
    Image.new("RGB", (20, 20), RED).save(path, "JPEG", xmp=XMP.encode("utf-8"))
    return path


def jpeg_with_iptc(path: Path, caption: str = "Velatón en San Javier",
                   byline: str = "Agencia Prensa") -> Path:
    """A JPEG with an IPTC-IIM block in a Photoshop APP13 segment, spliced in by hand."""
    Image.new("RGB", (20, 20), BLUE).save(path, "JPEG")

    def dataset(number: int, text: str) -> bytes:
        raw = text.encode("utf-8")
        return b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(raw)) + raw

    iim = dataset(120, caption) + dataset(80, byline) + dataset(55, "19991231")
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    data = path.read_bytes()
    path.write_bytes(data[:2] + segment + data[2:])
    return path


def tiff16_rgb(path: Path, pixels: list[tuple[int, int, int]], width: int) -> Path:
    """An uncompressed little-endian 16-bit-per-channel RGB TIFF (Pillow cannot write one)."""
    height = len(pixels) // width
    data = b"".join(struct.pack("<3H", *p) for p in pixels)
    entries = [(256, 3, 1, width), (257, 3, 1, height), (258, 3, 3, None), (259, 3, 1, 1),
               (262, 3, 1, 2), (273, 4, 1, None), (277, 3, 1, 3), (278, 3, 1, height),
               (279, 4, 1, len(data))]
    bps_off = 8 + 2 + 12 * len(entries) + 4
    data_off = bps_off + 6
    out = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        value = bps_off if tag == 258 else data_off if tag == 273 else value
        if typ == 3 and count == 1:
            out += struct.pack("<HHIHH", tag, typ, count, value, 0)
        else:
            out += struct.pack("<HHII", tag, typ, count, value)
    out += b"\x00" * 4 + struct.pack("<3H", 16, 16, 16) + data
    path.write_bytes(out)
    return path


def tiff16_gray(path: Path, value: int = 0x8000, size: tuple[int, int] = (16, 16)) -> Path:
    raw = struct.pack(f"<{size[0] * size[1]}H", *([value] * (size[0] * size[1])))
    Image.frombytes("I;16", size, raw).save(path, "TIFF")
    return path


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(path: Path, width: int = 100_000, height: int = 100_000) -> Path:
    """A 100-byte PNG that declares ten gigapixels: the classic decompression bomb."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat)
                     + png_chunk(b"IEND", b""))
    return path


def make_wav(path: Path, seconds: float = 1.0, rate: int = 8000, amplitude: float = 0.5,
             channels: int = 1, width: int = 2) -> Path:
    """A sine tone at `amplitude` of full scale, written with the stdlib wave module."""
    frames = bytearray()
    full = {1: 127, 2: 32767, 3: 8388607}[width]
    for i in range(int(seconds * rate)):
        sample = int(full * amplitude * math.sin(2 * math.pi * 440 * i / rate))
        one = bytes([sample + 128]) if width == 1 else sample.to_bytes(width, "little", signed=True)
        frames += one * channels
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


def riff_chunk(cid: bytes, body: bytes) -> bytes:
    return cid + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) % 2 else b"")


def add_wav_metadata(path: Path) -> Path:
    """Append LIST/INFO and Broadcast WAVE bext chunks, as field recorders write them."""
    info = b"INFO" + riff_chunk(b"INAM", b"Entrevista Comuna 13\x00") + riff_chunk(
        b"IART", b"Luz Marina\x00") + riff_chunk(b"ICRD", b"2004-03-01\x00")
    bext = (b"Grabado en la Casa de la Memoria".ljust(256, b"\x00") + b"Zoom H5".ljust(32, b"\x00")
            + b"REF001".ljust(32, b"\x00") + b"2004-03-01" + b"10:15:00" + b"\x00" * 264)
    data = path.read_bytes() + riff_chunk(b"LIST", info) + riff_chunk(b"bext", bext)
    data = data[:4] + struct.pack("<I", len(data) - 8) + data[8:]
    path.write_bytes(data)
    return path


# --- job functions for the worker-process tests (must be importable) ---

def job_sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke up"


def job_pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def job_allocate(megabytes: int) -> int:
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def job_crash() -> None:
    import signal

    os.kill(os.getpid(), signal.SIGSEGV)
