"""faster-whisper, offline: decode, plan chunks at pauses, transcribe one chunk.

Everything here runs in memory: the audio is decoded into a numpy array and
nothing decoded or transcribed is written anywhere by this module. The model
is loaded only from a local folder whose ``model.bin`` was verified first
(``memoria.asr.model.verify``), with the Hugging Face hub switched offline.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memoria.asr.model import OFFLINE_ENV, ModelError, verify

SAMPLE_RATE = 16_000
CHUNK_S = 30.0          # a chunk is cut at a pause, at most about this long
MAX_SEGMENT_MS = 30_000


@dataclass(frozen=True)
class Chunk:
    position: int
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class DraftSegment:
    start_ms: int
    end_ms: int
    text: str
    confidence: float   # 0..1, exp(mean log-probability of the tokens)
    # Each word as (first character, end character in ``text``, the engine's probability).
    words: tuple[tuple[int, int, float], ...] = ()

    def as_dict(self) -> dict:
        return {"start_ms": self.start_ms, "end_ms": self.end_ms, "text": self.text,
                "confidence": round(self.confidence, 4),
                "words": [[a, b, round(p, 3)] for a, b, p in self.words]}


def available() -> bool:
    try:
        import faster_whisper  # noqa: F401
    except ImportError:
        return False
    return True


def _require() -> Any:
    os.environ.update(OFFLINE_ENV)
    try:
        import faster_whisper
    except ImportError:
        raise ModelError(
            "Transcription needs the optional part memoria[asr] (faster-whisper); "
            "install it with: pip install 'memoria[asr]'.",
            "La transcripción necesita la parte opcional memoria[asr] (faster-whisper); "
            "instálela con: pip install 'memoria[asr]'.") from None
    return faster_whisper


def load(folder: Path, sha256: str, threads: int = 0) -> Any:
    """The model, after its model.bin was checked against ``sha256``."""
    verify(folder, sha256)
    fw = _require()
    device = "cpu"
    try:
        import ctranslate2
        if ctranslate2.get_cuda_device_count() > 0:
            device = "cuda"
    except Exception:  # noqa: BLE001 - no GPU support compiled in: the CPU it is
        device = "cpu"
    compute = "int8" if device == "cpu" else "int8_float16"
    return fw.WhisperModel(str(folder), device=device, compute_type=compute,
                           cpu_threads=threads or min(4, os.cpu_count() or 2),
                           local_files_only=True)


def decode(path: Path) -> Any:
    """The recording as 16 kHz mono float32 samples, in memory."""
    fw = _require()
    return fw.decode_audio(str(path), sampling_rate=SAMPLE_RATE)


def plan_chunks(audio: Any, chunk_s: float = CHUNK_S,
                span: tuple[int, int] | None = None) -> list[Chunk]:
    """Cut the recording (or only the ``span`` (start_ms, end_ms) of it) into chunks of
    at most about ``chunk_s`` seconds, each cut in the middle of a pause the
    voice-activity filter found (or, in a stretch of speech with no pause, at the
    limit). Chunk times are the recording's."""
    fw = _require()
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    del fw
    offset = 0
    if span is not None:
        offset = max(0, span[0]) * SAMPLE_RATE // 1000
        audio = audio[offset: max(offset, span[1] * SAMPLE_RATE // 1000)]
    total = len(audio)
    limit = int(chunk_s * SAMPLE_RATE)
    speech = get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=300))
    cuts: list[int] = []
    last = 0
    for before, after in zip(speech, speech[1:], strict=False):
        middle = (before["end"] + after["start"]) // 2
        if after["end"] - last > limit:
            cuts.append(middle)
            last = middle
    # A stretch longer than the limit with no pause is cut at the limit.
    bounds = [0, *cuts, total]
    chunks: list[Chunk] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        pieces = max(1, math.ceil((b - a) / (limit * 1.5)))
        step = (b - a) / pieces
        for k in range(pieces):
            s, e = offset + int(a + k * step), offset + int(a + (k + 1) * step)
            chunks.append(Chunk(len(chunks), s * 1000 // SAMPLE_RATE, e * 1000 // SAMPLE_RATE))
    return [c for c in chunks if c.end_ms > c.start_ms]


def detect_language(model: Any, audio: Any) -> str:
    _, info = model.transcribe(audio[: 30 * SAMPLE_RATE], vad_filter=True, beam_size=1)
    return str(info.language)


def transcribe_chunk(model: Any, audio: Any, chunk: Chunk, language: str,
                     cancelled: Any = None, beam_size: int = 5) -> list[DraftSegment] | None:
    """The draft segments of one chunk (absolute times), or None if cancelled midway."""
    a = chunk.start_ms * SAMPLE_RATE // 1000
    b = chunk.end_ms * SAMPLE_RATE // 1000
    segments, _info = model.transcribe(
        audio[a:b], language=language, vad_filter=True, beam_size=beam_size,
        condition_on_previous_text=False, word_timestamps=True,
        vad_parameters={"min_silence_duration_ms": 500})
    out: list[DraftSegment] = []
    for seg in segments:
        if cancelled is not None and cancelled():
            return None
        text = seg.text.strip()
        if not text:
            continue
        # Word times (cross-attention alignment) place a segment at its first word,
        # not at the end of the previous one.
        first, last = (seg.words[0].start, seg.words[-1].end) if seg.words else (
            seg.start, seg.end)
        start = chunk.start_ms + int(round(first * 1000))
        end = min(chunk.end_ms, chunk.start_ms + int(round(last * 1000)))
        confidence = max(0.0, min(1.0, math.exp(seg.avg_logprob)))
        out.extend(_split_long(DraftSegment(start, max(start, end), text, confidence,
                                            _word_spans(text, seg.words or ()))))
    return out


def _word_spans(text: str, words: Any) -> tuple[tuple[int, int, float], ...]:
    """Where each recognised word is in the segment's text, with its probability."""
    out: list[tuple[int, int, float]] = []
    at = 0
    for w in words:
        word = str(w.word).strip()
        if not word:
            continue
        found = text.find(word, at)
        if found < 0:
            continue
        out.append((found, found + len(word), float(w.probability)))
        at = found + len(word)
    return tuple(out)


def _split_long(seg: DraftSegment) -> list[DraftSegment]:
    """A segment longer than ~30 s is cut at sentence ends, times shared by length."""
    if seg.end_ms - seg.start_ms <= MAX_SEGMENT_MS:
        return [seg]
    import re
    sentences = [s for s in re.split(r"(?<=[.!?…])\s+", seg.text) if s]
    if len(sentences) < 2:
        return [seg]
    total = sum(len(s) for s in sentences)
    out, t, at = [], seg.start_ms, 0
    for s in sentences:
        end = t + (seg.end_ms - seg.start_ms) * len(s) // total
        here = seg.text.find(s, at)
        words = tuple((a - here, b - here, p) for a, b, p in seg.words
                      if here <= a and b <= here + len(s))
        out.append(DraftSegment(t, end, s, seg.confidence, words))
        t, at = end, here + len(s)
    return out
