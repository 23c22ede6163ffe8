"""Media copies for an export: clean, anonymised, named by their own content.

Every file written here is re-read by `memoria.media.anonymise.verify_stripped`
(and, for pictures, by Pillow) before it may join an export; anything left
over raises `ExportError`, because a kiosk file with a GPS position in it is
worse than no export at all. Names are the SHA-256 of the copy's bytes: they
say nothing about the person, the place or the original file.

Segment audio: WAV (PCM) is cut with the standard `wave` module, so the stick
holds only the seconds consent covers. Other formats cannot be cut without a
codec; their whole file is copied (tags stripped) and played with a media
fragment `#t=start,end` that a tiny script stops at the end. The check
(`check.py`) refuses that whole-file copy when any part of the recording is
withheld, so a fragment never hides audio that consent withholds.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import wave
from pathlib import Path

from PIL import Image

from memoria.media.anonymise import blur_regions, strip_audio_metadata, verify_stripped
from memoria.media.images import make_access_copy


class ExportError(Exception):
    """The export cannot be written safely; nothing is left half-done at DEST."""


class MediaCopier:
    """Makes each distinct copy once per export, in `work`, then files it under
    `media/<sha256>.<ext>` inside `out`."""

    def __init__(self, out: Path, work: Path) -> None:
        self.out = out
        self.work = work
        self._done: dict[tuple, str] = {}
        (out / "media").mkdir(parents=True, exist_ok=True)
        work.mkdir(parents=True, exist_ok=True)

    def _file(self, made: Path) -> str:
        """Prove `made` clean, then move it to its content-derived name."""
        left = verify_stripped(made)
        if made.suffix.lower() in (".jpg", ".jpeg", ".png"):
            left += _pillow_leftovers(made)
        if left:
            raise ExportError(f"Metadata remained in an exported copy: {', '.join(left)}.")
        digest = hashlib.sha256(made.read_bytes()).hexdigest()
        rel = f"media/{digest[:32]}{made.suffix.lower()}"
        target = self.out / rel
        if target.exists():
            made.unlink()
        else:
            os.chmod(made, 0o644)  # temp files are private; a kiosk's browser must read them
            os.replace(made, target)
        return rel

    def add(self, made: Path) -> str:
        """File a copy made elsewhere (an edition's silenced WAV): proved clean first."""
        return self._file(made)

    def photo(self, src: Path, key: str, regions: list | None) -> str:
        """A screen-sized, metadata-free (and, if asked, blurred) copy of a picture."""
        cache = ("photo", key, tuple(map(tuple, regions or ())))
        if cache in self._done:
            return self._done[cache]
        base = self.work / f"p{len(self._done)}"
        source = src
        if regions:
            source = Path(blur_regions(src, base.with_name(base.name + "-blur.jpg"),
                                       [tuple(r) for r in regions]).path)
        made = Path(make_access_copy(source, base.with_suffix(".jpg"), max_px=1600).path)
        self._done[cache] = rel = self._file(made)
        return rel

    def audio_whole(self, src: Path, key: str, suffix: str) -> str:
        """The whole recording without tags (WAV: only its fmt and data chunks)."""
        cache = ("audio", key)
        if cache in self._done:
            return self._done[cache]
        made = self.work / f"a{len(self._done)}{suffix}"
        strip_audio_metadata(src, made)
        self._done[cache] = rel = self._file(made)
        return rel

    def wav_cut(self, src: Path, key: str, start_ms: int, end_ms: int | None) -> str:
        """Only the frames from start_ms to end_ms of a PCM WAV."""
        cache = ("cut", key, start_ms, end_ms)
        if cache in self._done:
            return self._done[cache]
        made = self.work / f"c{len(self._done)}.wav"
        try:
            cut_wav(src, made, start_ms, end_ms)
        except (wave.Error, EOFError) as exc:
            raise ExportError(f"The recording could not be cut ({exc}).") from exc
        self._done[cache] = rel = self._file(made)
        return rel

    def cleanup(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


def cut_wav(src: Path, dest: Path, start_ms: int, end_ms: int | None) -> None:
    """Copy the PCM frames in [start_ms, end_ms) into a new WAV holding nothing else
    (the `wave` writer emits only the fmt and data chunks: no LIST/INFO, no bext)."""
    with wave.open(str(src), "rb") as reader:
        params = reader.getparams()
        rate = params.framerate
        first = min(params.nframes, start_ms * rate // 1000)
        last = params.nframes if end_ms is None else min(params.nframes, -(-end_ms * rate // 1000))
        reader.setpos(first)
        frames = reader.readframes(max(0, last - first))
    with wave.open(str(dest), "wb") as writer:
        writer.setnchannels(params.nchannels)
        writer.setsampwidth(params.sampwidth)
        writer.setframerate(rate)
        writer.writeframes(frames)


def _pillow_leftovers(path: Path) -> list[str]:
    """A second, independent look: what Pillow itself finds in the copy."""
    found = []
    with Image.open(path) as im:
        if len(im.getexif()):
            found.append("EXIF (Pillow)")
        for key in ("xmp", "XML:com.adobe.xmp", "exif", "icc_profile", "comment",
                    "photoshop", "iptc"):
            if im.info.get(key):
                found.append(f"{key} (Pillow)")
        if hasattr(im, "applist"):
            found += [f"{marker} segment" for marker, _ in im.applist
                      if marker not in ("APP0",)]
    return found
