"""WebVTT by the W3C parsing algorithm, SRT as pysrt reads it.

WebVTT (https://www.w3.org/TR/webvtt1/#file-parsing): the file is read block
by block; a block is its lines up to a blank line, or up to a second line
with "-->" (which starts the next block). A block whose timing line cannot
be read is dropped alone, and the next block is read as usual. Timestamps
are collected exactly as the specification says (two-digit minutes and
seconds, three-digit fractions, hours of any length when present); cue
settings may follow the end time with or without a space; NUL becomes
U+FFFD; a cue whose end is before its start is kept, as the specification
keeps it. Two deliberate tolerances, both reported as problems: a file
whose first line is not the "WEBVTT" signature is still read when it has
cues (an archive would rather have the words and the warning than
nothing), and a cue with no text is skipped (a segment needs words).

SRT (pysrt's reading): blocks separated by blank lines; an optional index
line; the timing line split on "-->", each time "h:m:s,ms" with ':', '.'
or ',' as separators; the rest of the line (position) ignored. Beyond
pysrt: a missing blank line before the next "index + timing" is
recognised, and fractions are read as fractions ("01,5" is 500 ms).

Why not webvtt-py or srt from PyPI (measured on the 42 conformance files in
tests/data/webvtt, web-platform-tests and mozilla/vtt.js): webvtt-py 0.6.0
recovers after a bad block and keeps glued settings, but it matches the
expected cues in 40 of 42 files (it takes 9 of the 30 malformed timing
lines of wpt timings-too-short.vtt as cues, and misreads vtt.js
fraction-digits.vtt),
leaves NUL in the text, and cannot say which lines it skipped, which an
archivist needs to fix the file. This reader matches 42 of 42 once its one
deliberate tolerance is set aside (4 files without a signature, read with a
warning). srt 3.5 accepts "00:00:01 --> 00:00:10" (pysrt's invalid.srt),
which pysrt refuses. Neither is a dependency.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

from memoria.domain.model import SegmentDraft

from .transcript_lines import Parsed, Problem, TranscriptError, speaker_and_text

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>")
_TAG = re.compile(r"</?[^>]*>")
_SRT_TAG = re.compile(r"</?(?:i|b|u|font)(?:\s[^>]*)?>|\{\\an?\d+\}", re.IGNORECASE)
_WS = " \t\f"


def lines_of(text: str) -> list[str]:
    """NUL to U+FFFD, CRLF and CR to LF, a leading BOM dropped (W3C preprocessing)."""
    text = text.lstrip("\ufeff").replace("\x00", "\ufffd")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# --- WebVTT ----------------------------------------------------------------------

def vtt_timestamp(line: str, pos: int) -> tuple[int, int]:
    """Collect a WebVTT timestamp at ``pos``: (milliseconds, new position).
    Raises ValueError where the specification says "return failure"."""

    def digits(at: int) -> tuple[str, int]:
        end = at
        while end < len(line) and line[end].isascii() and line[end].isdigit():
            end += 1
        return line[at:end], end

    first, pos = digits(pos)
    if not first:
        raise ValueError("no digits")
    hours_first = len(first) != 2 or int(first) > 59
    if pos >= len(line) or line[pos] != ":":
        raise ValueError("':' expected")
    second, pos = digits(pos + 1)
    if len(second) != 2:
        raise ValueError("two digits expected")
    if hours_first or (pos < len(line) and line[pos] == ":"):
        if pos >= len(line) or line[pos] != ":":
            raise ValueError("':' expected")
        third, pos = digits(pos + 1)
        if len(third) != 2:
            raise ValueError("two digits expected")
        hours, minutes, seconds = int(first), int(second), int(third)
    else:
        hours, minutes, seconds = 0, int(first), int(second)
    if pos >= len(line) or line[pos] != ".":
        raise ValueError("'.' expected")
    frac, pos = digits(pos + 1)
    if len(frac) != 3:
        raise ValueError("three digits expected")
    if minutes > 59 or seconds > 59:
        raise ValueError("minutes or seconds over 59")
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(frac), pos


def vtt_timings(line: str) -> tuple[int, int]:
    """Start and end of a cue timing line; the settings after the end are ignored."""
    pos = len(line) - len(line.lstrip(_WS))
    start, pos = vtt_timestamp(line, pos)
    while pos < len(line) and line[pos] in _WS:
        pos += 1
    if line[pos:pos + 3] != "-->":
        raise ValueError("'-->' expected")
    pos += 3
    while pos < len(line) and line[pos] in _WS:
        pos += 1
    end, _ = vtt_timestamp(line, pos)
    return start, end


def _signature_ok(first: str) -> bool:
    return first == "WEBVTT" or (first.startswith("WEBVTT") and first[6] in " \t")


@dataclass(frozen=True)
class Cue:
    """A WebVTT cue as the W3C parser yields it (before it becomes a segment)."""

    line: int  # of the timing line
    start_ms: int
    end_ms: int
    identifier: str
    payload: tuple[str, ...]


def vtt_cues(text: str, out: Parsed | None = None) -> list[Cue]:
    """Every cue of a WebVTT file, by the W3C algorithm; what is skipped goes to
    ``out.problems``. Raises TranscriptError when the file is not WebVTT at all."""
    out = out if out is not None else Parsed()
    lines = lines_of(text)
    pos = 0
    if lines and _signature_ok(lines[0]):
        pos = 1
        # The header: up to a blank line, or a line with "-->" (a cue after all).
        while pos < len(lines) and lines[pos] != "" and "-->" not in lines[pos]:
            pos += 1
    elif any("-->" in line for line in lines):
        out.problems.append(Problem(
            1, "the first line is not 'WEBVTT'; the cues were read anyway",
            "la primera línea no es «WEBVTT»; las señales se leyeron de todos modos"))
    else:
        raise TranscriptError("this is not a WebVTT file (no 'WEBVTT' first line, no cues)",
                              "no es un archivo WebVTT (no empieza con «WEBVTT» ni tiene señales)")
    cues: list[Cue] = []
    while pos < len(lines):
        while pos < len(lines) and lines[pos] == "":
            pos += 1
        if pos >= len(lines):
            break
        pos = _vtt_block(lines, pos, out, cues)
    return cues


def read_vtt(text: str, known_speakers: frozenset[str] = frozenset()) -> Parsed:
    out = Parsed()
    for cue in vtt_cues(text, out):
        _vtt_cue(cue, out, known_speakers)
    out.problems.sort(key=lambda p: p.line)
    return out


def _vtt_block(lines: list[str], pos: int, out: Parsed, cues: list[Cue]) -> int:
    """Read one block from ``pos``; return where the next one starts."""
    first_line = pos
    count = 0
    seen_arrow = False
    cue: Cue | None = None
    buffer: list[str] = []
    failed: tuple[int, str] | None = None
    while pos < len(lines) and lines[pos] != "":
        line = lines[pos]
        count += 1
        if "-->" in line:
            if count == 1 or (count == 2 and not seen_arrow):
                seen_arrow = True
                try:
                    start, end = vtt_timings(line)
                except ValueError:
                    failed = (pos + 1, line.strip()[:60])
                    cue = None
                else:
                    cue = Cue(pos + 1, start, end, "\n".join(buffer), ())
                buffer = []
                pos += 1
                continue
            break  # a second timing line starts the next block
        buffer.append(line)
        pos += 1
    if cue is not None:
        cues.append(replace(cue, payload=tuple(buffer)))
    elif failed is not None:
        number, shown = failed
        out.problems.append(Problem(
            number, f"cannot read the cue times ('{shown}'); that cue was skipped",
            f"no se pudieron leer los tiempos de la señal («{shown}»); se omitió esa señal"))
    elif not lines[first_line].startswith(("NOTE", "STYLE", "REGION")):
        shown = lines[first_line].strip()[:40]
        out.problems.append(Problem(
            first_line + 1, f"text outside any cue ('{shown}'); skipped",
            f"texto fuera de toda señal («{shown}»); se omitió"))
    return pos


def _plain(text: str) -> str:
    return html.unescape(_TAG.sub("", text)).strip()


def _vtt_cue(cue: Cue, out: Parsed, known: frozenset[str]) -> None:
    number, start, end, payload = cue.line, cue.start_ms, cue.end_ms, cue.payload
    body = "\n".join(payload)
    voice = _VOICE.search(body)
    speaker = html.unescape(voice.group(1) or "").strip() if voice else ""
    texts = [p for p in (_plain(line) for line in payload) if p]
    if not texts:
        out.problems.append(Problem(number, "a cue with no text; skipped",
                                    "una señal sin texto; se omitió"))
        return
    if not speaker:  # "Rosa: ..." as speech-to-text services write it
        speaker, texts[0] = speaker_and_text(texts[0], known)
    if end < start:  # kept, as the specification keeps it; a segment cannot end first
        out.problems.append(Problem(
            number, "the cue ends before it starts; kept without an end time",
            "la señal termina antes de empezar; se conservó sin hora de fin"))
    out.segments.append(SegmentDraft(start, end if end >= start else None, speaker,
                                     "\n".join(texts)))


# --- SRT -------------------------------------------------------------------------

_SRT_TIME = re.compile(r"^(\d+)[:.,](\d+)[:.,](\d+)[:.,](\d+)$")
_SRT_SHORT_TIME = re.compile(r"^(\d+)[:.,](\d+)[:.,](\d+)$")


def srt_time(text: str) -> int:
    """'00:00:01,500' (or '.' / ':' separators) -> ms; '00:01,5' is minutes:seconds,frac.
    Raises ValueError."""
    m = _SRT_TIME.match(text.strip())
    if m:
        hours, minutes, seconds, frac = m.groups()
    else:
        short = _SRT_SHORT_TIME.match(text.strip())
        if not short or "," not in text and "." not in text:
            raise ValueError(text)
        hours, (minutes, seconds, frac) = "0", short.groups()
    if int(minutes) > 59 or int(seconds) > 59:
        raise ValueError(text)
    ms = int(frac[:3].ljust(3, "0"))
    return ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + ms


def _srt_timing(line: str) -> tuple[int, int]:
    parts = line.split("-->")
    if len(parts) != 2:
        raise ValueError(line)
    end = parts[1].strip().split(" ", 1)[0]
    return srt_time(parts[0]), srt_time(end)


def read_srt(text: str, known_speakers: frozenset[str] = frozenset()) -> Parsed:
    out = Parsed()
    lines = lines_of(text)
    if not any("-->" in line for line in lines):
        raise TranscriptError("this is not an SRT file (no cue times found)",
                              "no es un archivo SRT (no tiene tiempos de subtítulos)")
    for number, block in _srt_blocks(lines):
        body = list(block)
        at = number
        if "-->" not in body[0]:
            body.pop(0)  # the index
            at += 1
        if not body:
            continue  # a lone number
        try:
            start, end = _srt_timing(body[0])
        except ValueError:
            shown = body[0].strip()[:60]
            out.problems.append(Problem(
                at, f"cannot read the cue times ('{shown}'); that subtitle was skipped",
                f"no se pudieron leer los tiempos («{shown}»); se omitió ese subtítulo"))
            continue
        texts = [p for p in (_SRT_TAG.sub("", line).strip() for line in body[1:]) if p]
        if not texts:
            out.problems.append(Problem(at, "a subtitle with no text; skipped",
                                        "un subtítulo sin texto; se omitió"))
            continue
        speaker, first = speaker_and_text(texts[0], known_speakers)
        texts[0] = first
        out.segments.append(SegmentDraft(start, end, speaker, "\n".join(texts)))
    return out


def _srt_blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(first line number, lines) per block: blank lines separate blocks, and so
    does an index line directly followed by a timing line (a missing blank)."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for n, raw in enumerate(lines):
        line = raw.rstrip()
        if not line.strip():
            if current:
                blocks.append((start, current))
            current = []
            continue
        if (current and len(current) >= 2 and line.strip().isdigit() and n + 1 < len(lines)
                and "-->" in lines[n + 1]):
            blocks.append((start, current))
            current = []
        if not current:
            start = n + 1
        current.append(line)
    if current:
        blocks.append((start, current))
    return blocks
