"""Peak envelopes of recordings, for drawing a waveform and seeking in it.

Decoding uses only what Python can do in-process: the standard `wave` module
for PCM WAV always (numpy, when present, only speeds up the peak search), and `soundfile` (a wheel bundling libsndfile, covering
FLAC, Ogg Vorbis/Opus, MP3 and every WAV variant) when it is installed. For
anything else (M4A/AAC needs ffmpeg) the answer is `None` and the UI shows a
plain bar: a missing waveform is an inconvenience, not an error.
"""

from __future__ import annotations

import functools
import math
import os
import struct
import sys
import wave
from array import array
from pathlib import Path
from typing import Any

from ._fs import atomic_write
from .detect import require_family
from .errors import CorruptFileError, TruncatedFileError

_SOUNDFILE_FORMATS = {"WAV", "FLAC", "OGG_VORBIS", "OGG_OPUS", "MP3"}
_MAGIC = b"MWF1"


@functools.cache
def _numpy() -> Any:
    """numpy if installed (soundfile brings it): 30x faster peaks; imported lazily."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy


def _peak_of(data: bytes, width: int) -> float:
    """Absolute peak of interleaved little-endian PCM, 0..1 of full scale."""
    if not data:
        return 0.0
    if width == 1:  # unsigned 8-bit
        a = array("B", data)
        return max(max(a) - 128, 128 - min(a)) / 128.0
    if width == 3:  # keep the top two bytes of each 24-bit sample
        n = len(data) // 3
        buf = bytearray(n * 2)
        buf[0::2] = data[1 : 3 * n : 3]
        buf[1::2] = data[2 : 3 * n : 3]
        data, width = bytes(buf), 2
    code, scale = {2: ("h", 32768.0), 4: ("i", 2147483648.0)}[width]
    np = _numpy()
    if np is not None:
        samples = np.frombuffer(data, dtype=f"<i{width}", count=len(data) // width)
        if not samples.size:
            return 0.0
        return min(1.0, max(int(samples.max()), -int(samples.min())) / scale)
    a = array(code)
    a.frombytes(data[: len(data) - len(data) % width])
    if sys.byteorder == "big":
        a.byteswap()
    if not a:
        return 0.0
    return min(1.0, max(max(a), -min(a)) / scale)


def _wave_peaks(path: Path, buckets: int) -> list[float] | None:
    try:
        with wave.open(str(path), "rb") as w:
            width, channels, total = w.getsampwidth(), w.getnchannels(), w.getnframes()
            if width not in (1, 2, 3, 4) or channels < 1:
                return None
            per = max(1, math.ceil(total / buckets))
            peaks: list[float] = []
            while len(peaks) < buckets:
                data = w.readframes(per)
                if not data:
                    break
                peaks.append(round(_peak_of(data, width), 4))
            return peaks
    except wave.Error:
        return None  # float or extensible WAV: the stdlib cannot; soundfile may
    except (EOFError, struct.error) as exc:
        raise TruncatedFileError(f"The WAV file is incomplete ({exc}).", path=path) from exc
    except RuntimeError as exc:  # wave's chunk reader: a seek beyond its chunk
        raise CorruptFileError("The WAV chunk structure is damaged.", path=path) from exc


def _soundfile_peaks(path: Path, buckets: int) -> list[float] | None:
    try:
        import numpy as np
        import soundfile as sf
    except (ImportError, OSError):
        return None
    try:
        with sf.SoundFile(str(path)) as f:
            total = f.frames if 0 < f.frames < 2**62 else 0
            per = max(1, math.ceil(total / buckets)) if total else 4096
            peaks = [
                float(np.abs(block).max()) if block.size else 0.0
                for block in f.blocks(blocksize=per, dtype="float32", always_2d=True)
            ]
    except (sf.LibsndfileError, RuntimeError, ValueError) as exc:
        raise CorruptFileError(f"The audio cannot be decoded ({exc}).", path=path) from exc
    if len(peaks) > buckets:  # frame count was unknown: pool down to the request
        step = len(peaks) / buckets
        peaks = [max(peaks[int(i * step) : max(int(i * step) + 1, int((i + 1) * step))])
                 for i in range(buckets)]
    return [round(min(1.0, p), 4) for p in peaks]


def compute_waveform(path: str | os.PathLike[str], buckets: int = 1000) -> list[float] | None:
    """At most `buckets` peak values in 0..1 of full scale (not normalised).

    Values are relative to full scale so a quiet recording looks quiet; the
    view may rescale. Returns `None` when no in-process decoder exists for
    the format; raises `MediaError` when the data is damaged.
    """
    if buckets < 1:
        raise ValueError("buckets must be at least 1")
    p = Path(path)
    fmt = require_family(p, "audio")
    if fmt.format == "WAV":
        peaks = _wave_peaks(p, buckets)
        if peaks is not None:
            return peaks
    if fmt.format in _SOUNDFILE_FORMATS:
        return _soundfile_peaks(p, buckets)
    return None


def waveform_bytes(peaks: list[float]) -> bytes:
    """Peaks as 16-bit fixed point (2 bytes each: ~2 KB per recording)."""
    return struct.pack(f"<4sI{len(peaks)}H", _MAGIC, len(peaks),
                       *(round(max(0.0, min(1.0, v)) * 65535) for v in peaks))


def save_waveform(path: str | os.PathLike[str], peaks: list[float]) -> Path:
    """Store peaks as 16-bit fixed point (2 bytes each: ~2 KB per recording)."""
    body = waveform_bytes(peaks)
    return atomic_write(Path(path), lambda fh: fh.write(body))


def load_waveform(path: str | os.PathLike[str]) -> list[float] | None:
    """Peaks saved by `save_waveform`, or None if missing or damaged (recompute then)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return parse_waveform(data)


def parse_waveform(data: bytes) -> list[float] | None:
    """Peaks from `waveform_bytes` data, or None if damaged."""
    if len(data) < 8 or data[:4] != _MAGIC:
        return None
    (count,) = struct.unpack_from("<I", data, 4)
    if len(data) != 8 + 2 * count:
        return None
    return [round(v / 65535, 4) for v in struct.unpack_from(f"<{count}H", data, 8)]
