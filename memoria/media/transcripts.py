"""Transcript files: WebVTT, SRT and OHMS XML, in and out.

Transcripts arrive from subtitle editors, speech-to-text services and other
archives' OHMS exports, typed on Windows (CRLF, BOM, cp1252), on phones and
by hand. The readers take all of that, skip what they cannot read and say
where (line numbers, one sentence in Spanish and English), and import the
rest: a bad cue must not cost the other two hundred. The writers produce
strict files. Pure Python, no Qt; turning an archive item into a
consent-safe export is `transcript_io`'s job.

Readers: `subtitles` (WebVTT by the W3C algorithm, SRT as pysrt reads it)
and `ohms` (index points and both OHMS transcript forms). Mapping to
segments: start/end times, speaker (WebVTT `<v Speaker>`; otherwise the
"Speaker: text" convention, under the rule in `speaker_and_text` and
docs/transcripts.md), text.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from memoria.domain.model import Segment, SegmentDraft

# The shared parts live below the readers; these names stay importable here.
from .transcript_lines import Parsed as Parsed
from .transcript_lines import Problem as Problem
from .transcript_lines import TranscriptError as TranscriptError
from .transcript_lines import decode as decode
from .transcript_lines import format_time as format_time
from .transcript_lines import looks_like_a_name as looks_like_a_name
from .transcript_lines import speaker_and_text as speaker_and_text

FORMATS = ("vtt", "srt", "ohms")


def read_vtt(text: str, known_speakers: frozenset[str] = frozenset()) -> Parsed:
    from .subtitles import read_vtt as reader

    return reader(text, known_speakers)


def read_srt(text: str, known_speakers: frozenset[str] = frozenset()) -> Parsed:
    from .subtitles import read_srt as reader

    return reader(text, known_speakers)


def read_ohms(text: str, known_speakers: frozenset[str] = frozenset()) -> Parsed:
    from .ohms import read_ohms as reader

    return reader(text, known_speakers)


def guess_format(name: str, text: str) -> str:
    lower = name.lower()
    for ext, fmt in ((".vtt", "vtt"), (".srt", "srt"), (".xml", "ohms")):
        if lower.endswith(ext):
            return fmt
    head = text.lstrip("\ufeff \r\n\t")
    if head.startswith("WEBVTT"):
        return "vtt"
    return "ohms" if head.startswith("<") else "srt"


def parse(text: str, fmt: str, known_speakers: frozenset[str] = frozenset()) -> Parsed:
    """Read ``text`` as ``fmt``; ``known_speakers`` are the names of the item's people."""
    if fmt == "vtt":
        return read_vtt(text, known_speakers)
    if fmt == "srt":
        return read_srt(text, known_speakers)
    if fmt == "ohms":
        return read_ohms(text, known_speakers)
    raise TranscriptError(f"unknown transcript format '{fmt}' (use vtt, srt or ohms)",
                          f"formato de transcripción desconocido «{fmt}» (use vtt, srt u ohms)")


# --- writing ------------------------------------------------------------------------

Segmentish = Segment | SegmentDraft


def _end(segments: list[Segmentish], n: int) -> int:
    seg = segments[n]
    if seg.end_ms is not None:
        return seg.end_ms
    nxt = segments[n + 1].start_ms if n + 1 < len(segments) else seg.start_ms + 5000
    return max(seg.start_ms, nxt)


def _cue_lines(text: str) -> list[str]:
    """No blank line and no '-->' may appear inside a cue."""
    return [line.replace("-->", "->") for line in text.split("\n") if line.strip()] or ["…"]


def write_vtt(segments: list[Segmentish]) -> str:
    out = ["WEBVTT", ""]
    for n, seg in enumerate(segments):
        out.append(f"{format_time(seg.start_ms)} --> {format_time(_end(segments, n))}")
        lines = [escape(line) for line in _cue_lines(seg.text)]
        if seg.speaker.strip():
            voice = escape(" ".join(seg.speaker.split()))
            lines[0] = f"<v {voice}>{lines[0]}"
        out.extend(lines)
        out.append("")
    return "\n".join(out)


def write_srt(segments: list[Segmentish]) -> str:
    out: list[str] = []
    for n, seg in enumerate(segments):
        out.append(str(n + 1))
        out.append(f"{format_time(seg.start_ms, ',')} --> {format_time(_end(segments, n), ',')}")
        lines = _cue_lines(seg.text)
        if seg.speaker.strip():
            lines[0] = f"{' '.join(seg.speaker.split())}: {lines[0]}"
        out.extend(lines)
        out.append("")
    return "\r\n".join(out) + "\r\n"


def write_ohms(segments: list[Segmentish], *, title: str = "", accession: str = "",
               date: str = "", duration_ms: int | None = None) -> str:
    """An OHMS 'record' with an index: one <point> per segment (time in seconds)."""
    def el(name: str, value: str, indent: str) -> str:
        return f"{indent}<{name}>{escape(value)}</{name}>"

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<ROOT xmlns="https://www.weareavp.com/nunncenter/ohms">',
           f'  <record id="{escape(accession, {chr(34): "&quot;"})}">',
           el("version", "5.4", "    "), el("date", date, "    "), el("title", title, "    "),
           el("accession", accession, "    ")]
    if duration_ms is not None:
        out.append(el("duration", format_time(duration_ms)[:8], "    "))
    out.append("    <index>")
    for seg in segments:
        out += ["      <point>", el("time", str(seg.start_ms // 1000), "        "),
                el("title", seg.title, "        "), el("partial_transcript", "", "        "),
                el("synopsis", seg.text, "        "), el("keywords", seg.keywords, "        "),
                "      </point>"]
    out += ["    </index>", "  </record>", "</ROOT>", ""]
    return "\n".join(out)


def write(segments: list[Segmentish], fmt: str, **ohms_fields: object) -> str:
    if fmt == "vtt":
        return write_vtt(segments)
    if fmt == "srt":
        return write_srt(segments)
    if fmt == "ohms":
        return write_ohms(segments, **ohms_fields)  # type: ignore[arg-type]
    raise TranscriptError(f"unknown transcript format '{fmt}' (use vtt, srt or ohms)")
