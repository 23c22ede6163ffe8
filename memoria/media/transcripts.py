"""Transcript files: WebVTT, SRT and OHMS index XML, in and out.

Transcripts arrive from subtitle editors, speech-to-text services and other
archives' OHMS indexes, typed on Windows (CRLF, BOM, cp1252), on phones
(no hours: "01:02.500") and by hand (comma or dot millis, a missing blank
line). The readers take all of that, skip what they cannot read and say
where (line numbers), and import the rest: a bad cue must not cost the other
two hundred. The writers produce strict files. Pure Python, no Qt; turning
an archive item into a consent-safe export is `transcript_io`'s job.

Mapping to segments: start/end times, speaker (WebVTT `<v Speaker>`; SRT
the "Speaker: text" convention), text. OHMS index points carry time (whole
seconds), title, synopsis (-> segment text) and keywords (';'-separated).
"""

from __future__ import annotations

import html
import re
import xml.parsers.expat
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from memoria.domain.model import Segment, SegmentDraft

FORMATS = ("vtt", "srt", "ohms")
_TIME = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?")
_TIMING = re.compile(rf"^\s*({_TIME.pattern})\s*-->\s*({_TIME.pattern})(?:\s+.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>")
_TAG = re.compile(r"</?[^>]*>")
_SRT_TAG = re.compile(r"</?(?:i|b|u|font)(?:\s[^>]*)?>|\{\\an?\d+\}", re.IGNORECASE)
_SRT_SPEAKER = re.compile(r"^([^\W\d_][\w .'’-]{0,40}?):\s+(\S.*)$")


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based line of the file; 0 when not tied to a line
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class Parsed:
    segments: list[SegmentDraft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class TranscriptError(ValueError):
    """Nothing could be read (not a transcript, or not this format)."""


# --- text and times -------------------------------------------------------------

def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _lines(text: str) -> list[str]:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def parse_time(text: str) -> int:
    """'01:02:03.5', '02:03,500', '2:03' -> milliseconds. Raises ValueError."""
    m = _TIME.fullmatch(text.strip())
    if not m:
        raise ValueError(f"'{text.strip()}' is not a time")
    hours, minutes, seconds, frac = m.groups()
    if int(minutes) > 59 and hours or int(seconds) > 59:
        raise ValueError(f"'{text.strip()}' is not a time")
    ms = int((frac or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + ms


def format_time(ms: int, sep: str = ".") -> str:
    hours, rest = divmod(max(0, int(ms)), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{sep}{millis:03d}"


def _timing(line: str) -> tuple[int, int] | None:
    m = _TIMING.match(line)
    if not m:
        return None
    start, end = parse_time(m.group(1)), parse_time(m.group(6))
    return start, end


# --- reading subtitles (WebVTT and SRT share the cue grammar) ------------------------

def _cues(lines: list[str], vtt: bool, out: Parsed) -> list[tuple[int, int, int, list[str]]]:
    """(line, start, end, payload lines) for every cue whose timing line reads."""
    cues: list[tuple[int, int, int, list[str]]] = []
    current: list[str] | None = None
    skipping = False
    prev_blank = True
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip()
        if not line.strip():
            current, skipping, prev_blank = None, False, True
            continue
        starts_block = prev_blank
        prev_blank = False
        if skipping:
            continue
        if vtt and starts_block and line.split(" ", 1)[0] in ("NOTE", "STYLE", "REGION"):
            skipping = True
            continue
        if "-->" in line:
            if current and current[-1].strip().isdigit() and not vtt:
                current.pop()  # a missing blank line: that number was the next index
            try:
                found = _timing(line)
            except ValueError as exc:
                found, why = None, str(exc)
            else:
                why = "cannot read the cue times"
            if found is None:
                out.problems.append(Problem(number, f"{why} ('{line.strip()}'); cue skipped"))
                current, skipping = None, True
                continue
            start, end = found
            if end < start:
                out.problems.append(Problem(number, "the cue ends before it starts; cue skipped"))
                current, skipping = None, True
                continue
            current = []
            cues.append((number, start, end, current))
        elif current is not None:
            current.append(line)
        elif not (starts_block and (vtt or line.strip().isdigit())):
            # Text with no timing line before it: a broken timing line, most likely.
            what = ("cannot read the cue times" if _TIME.match(line.strip())
                    else "text outside any cue")
            out.problems.append(Problem(number, f"{what} ('{line.strip()[:40]}'); skipped"))
            skipping = True
    return cues


def _plain(text: str) -> str:
    return html.unescape(_TAG.sub("", text)).strip()


def read_vtt(text: str) -> Parsed:
    out = Parsed()
    lines = _lines(text)
    if not lines or not lines[0].startswith("WEBVTT"):
        if not any("-->" in line for line in lines):
            raise TranscriptError("this is not a WebVTT file (no 'WEBVTT' header, no cues)")
        out.problems.append(Problem(1, "the 'WEBVTT' header is missing; read anyway"))
    else:
        lines = [""] + lines[1:]  # the header block (and its metadata lines) is not a cue
        at = 1
        while at < len(lines) and lines[at].strip() and "-->" not in lines[at]:
            lines[at] = ""  # blanked, not removed: line numbers stay the file's
            at += 1
    for number, start, end, payload in _cues(lines, True, out):
        body = "\n".join(payload)
        voice = _VOICE.search(body)
        speaker = html.unescape(voice.group(1) or "").strip() if voice else ""
        words = "\n".join(p for p in (_plain(line) for line in payload) if p)
        if not words:
            out.problems.append(Problem(number, "an empty cue; skipped"))
            continue
        out.segments.append(SegmentDraft(start, end, speaker, words))
    return out


def read_srt(text: str) -> Parsed:
    out = Parsed()
    lines = _lines(text)
    if not any("-->" in line for line in lines):
        raise TranscriptError("this is not an SRT file (no cue times found)")
    for number, start, end, payload in _cues(lines, False, out):
        # SRT is plain text: only the usual <i>/<b>/<u>/<font> and {\an8} are markup.
        texts = [p for p in (_SRT_TAG.sub("", line).strip() for line in payload) if p]
        if not texts:
            out.problems.append(Problem(number, "an empty cue; skipped"))
            continue
        speaker = ""
        m = _SRT_SPEAKER.match(texts[0])
        if m and len(m.group(1).split()) <= 4:
            speaker, texts[0] = m.group(1).strip(), m.group(2)
        out.segments.append(SegmentDraft(start, end, speaker, "\n".join(texts)))
    return out


# --- reading OHMS -------------------------------------------------------------------

def read_ohms(text: str) -> Parsed:
    """The <index><point> entries of an OHMS XML file (any namespace)."""
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise TranscriptError("OHMS files with a DOCTYPE or entities are refused (unsafe XML)")
    out = Parsed()
    points: list[tuple[int, dict[str, str]]] = []
    stack: list[str] = []
    current: dict[str, str] | None = None
    buffer: list[str] = []
    parser = xml.parsers.expat.ParserCreate()

    def start(name: str, _attrs: dict[str, str]) -> None:
        nonlocal current
        local = name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
        stack.append(local)
        if local == "point" and "index" in stack[:-1]:
            current = {}
            points.append((parser.CurrentLineNumber, current))
        buffer.clear()

    def end(_name: str) -> None:
        nonlocal current
        local = stack.pop()
        if current is not None and local == "point":
            current = None
        elif current is not None and stack and stack[-1] == "point":
            current[local] = "".join(buffer).strip()
        buffer.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = buffer.append
    try:
        parser.Parse(text.lstrip("\ufeff").encode("utf-8"), True)
    except xml.parsers.expat.ExpatError as exc:
        if not points:
            raise TranscriptError(f"not readable XML (line {exc.lineno}: "
                                  f"{xml.parsers.expat.ErrorString(exc.code)})") from None
        out.problems.append(Problem(exc.lineno, "the XML breaks off here; "
                                    "the points before it were read"))
    drafts: list[tuple[int, SegmentDraft]] = []
    for line, point in points:
        try:
            seconds = float(point.get("time", "").replace(",", "."))
            if seconds < 0 or seconds != seconds:
                raise ValueError
        except ValueError:
            out.problems.append(Problem(line, f"point time '{point.get('time', '')}' is not "
                                        "a number of seconds; point skipped"))
            continue
        words = point.get("synopsis") or point.get("partial_transcript") or ""
        drafts.append((round(seconds * 1000), SegmentDraft(
            round(seconds * 1000), None, "", words, point.get("title", ""),
            point.get("keywords", ""))))
    drafts.sort(key=lambda d: d[0])
    for n, (_start, draft) in enumerate(drafts):  # a point lasts until the next one
        nxt = drafts[n + 1][0] if n + 1 < len(drafts) else None
        out.segments.append(SegmentDraft(draft.start_ms, nxt, draft.speaker, draft.text,
                                         draft.title, draft.keywords))
    if not points and not out.problems:
        raise TranscriptError("no OHMS index points (<index><point>) in this file")
    out.problems.sort(key=lambda p: p.line)
    return out


def guess_format(name: str, text: str) -> str:
    lower = name.lower()
    for ext, fmt in ((".vtt", "vtt"), (".srt", "srt"), (".xml", "ohms")):
        if lower.endswith(ext):
            return fmt
    head = text.lstrip("\ufeff \r\n\t")
    if head.startswith("WEBVTT"):
        return "vtt"
    return "ohms" if head.startswith("<") else "srt"


def parse(text: str, fmt: str) -> Parsed:
    readers = {"vtt": read_vtt, "srt": read_srt, "ohms": read_ohms}
    if fmt not in readers:
        raise TranscriptError(f"unknown transcript format '{fmt}' (use vtt, srt or ohms)")
    return readers[fmt](text)


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
