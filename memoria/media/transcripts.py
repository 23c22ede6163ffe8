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

import re
import unicodedata
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from memoria.domain.model import Segment, SegmentDraft

FORMATS = ("vtt", "srt", "ohms")


@dataclass(frozen=True)
class Problem:
    """Something in the file that was skipped or guessed, and where."""

    line: int  # 1-based line of the file; 0 when not tied to a line
    message: str
    message_es: str = ""

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message

    def text(self, lang: str, file: str = "") -> str:
        """One sentence naming the file and the line, in Spanish or English."""
        es = not lang.lower().startswith("en")
        message = (self.message_es or self.message) if es else self.message
        where = [file] if file else []
        if self.line:
            where.append(f"línea {self.line}" if es else f"line {self.line}")
        return (", ".join(where) + ": " if where else "") + message + "."


@dataclass
class Parsed:
    segments: list[SegmentDraft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class TranscriptError(ValueError):
    """Nothing could be read (not a transcript, or not this format)."""

    def __init__(self, message: str, es: str = "", *, file: str = "", line: int = 0) -> None:
        super().__init__(message)
        self.message, self.message_es, self.file, self.line = message, es or message, file, line

    def text(self, lang: str, file: str = "") -> str:
        """One sentence naming the file (and line), in Spanish or English."""
        return Problem(self.line, self.message, self.message_es).text(lang, file or self.file)


# --- text -----------------------------------------------------------------------

_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"), (b"\xef\xbb\xbf", "utf-8"))


def decode(data: bytes) -> str:
    """Bytes to text: any Unicode BOM (UTF-32 before UTF-16, as pysrt checks),
    else UTF-8, else cp1252 (Windows subtitle editors)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def format_time(ms: int, sep: str = ".") -> str:
    hours, rest = divmod(max(0, int(ms)), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{sep}{millis:03d}"


# --- the speaker rule -------------------------------------------------------------

_LABEL = re.compile(r"^([^:\n]{1,40}):(?:\s+(.*))?$")
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "da", "do", "dos", "das",
                        "van", "von", "der", "di"})


def _name_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_NUMBERED = re.compile(r"^(?:[^\W\d_][^\W\d_]+[ _]\d{1,3}|SPEAKER_\d{1,3})$")


def looks_like_a_name(label: str) -> bool:
    """One to four words, each capitalised (particles such as "de", "del", "la"
    allowed between them), letters only: "Doña Rosa", "María de los Ángeles",
    "ENTREVISTADORA", "P"; or a speech-to-text label, a capitalised word and a
    number ("Speaker 1", "Hablante 2", "SPEAKER_00"). Not "Le dije", "A las 3",
    "sin hablante"."""
    if _NUMBERED.match(label) and label[0].isupper():
        return True
    words = label.split()
    if not 1 <= len(words) <= 4:
        return False
    for n, word in enumerate(words):
        bare = word.replace(".", "").replace("-", "").replace("'", "").replace("\u2019", "")
        if not bare or not bare.isalpha():
            return False
        if word[0].isupper():
            continue
        if 0 < n < len(words) - 1 and word in _PARTICLES:
            continue
        return False
    return True


def speaker_and_text(line: str, known: frozenset[str] = frozenset()) -> tuple[str, str]:
    """("Speaker", "text") when the cue starts with a speaker label, else ("", line).

    A label is the text before the first colon at the start of the cue, with
    words after it. It is taken when it is the name of a person known to the
    item (any case), or when it looks like a name (`looks_like_a_name`).
    "Le dije: no vuelva más." and "A las 3: 30 llegaron." stay text.
    """
    m = _LABEL.match(line)
    if not m or not (m.group(2) or "").strip():
        return "", line
    label = m.group(1).strip()
    if _name_key(label) in {_name_key(k) for k in known} or looks_like_a_name(label):
        return label, m.group(2).strip()
    return "", line


# --- reading --------------------------------------------------------------------------

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
