"""OHMS XML (Oral History Metadata Synchronizer, Louie B. Nunn Center) read into segments.

An OHMS record may carry an index (``<index><point>``: time in seconds,
title, partial transcript, synopsis, keywords and subjects, each list
';'-separated) and a transcript in one of two forms:

* legacy (OHMS 5 and earlier): ``<transcript>`` plain text, speaker turns as
  paragraphs ("ALYEA: ..."), and ``<sync>`` such as ``1:|13(3)|19(14)``: one
  mark per interval (here 1 minute) giving the line and word where that
  minute begins, so line 13 word 3 is at 60 s, line 19 word 14 at 120 s;
* OHMS 6: ``<vtt_transcript>``, a WebVTT document in CDATA (``<br>`` for
  line breaks; a cue without ``<v>`` continues the previous speaker).

With a transcript, the segments are its words: legacy text is cut at each
paragraph and at each sync mark, and every sync mark is a segment start
(a paragraph that begins between two marks starts at the earlier one);
WebVTT cues keep their times. Index points then give their title and
keywords (and subjects, merged into the keywords: a segment has one list)
to the segment that contains their time; their synopses are not imported,
and the reader says so. Without a transcript, each index point is a segment
lasting until the next one, its text the partial transcript followed by the
synopsis (both kept: in real exports most points have both).
"""

from __future__ import annotations

import re
import xml.parsers.expat
from dataclasses import replace

from memoria.domain.model import SegmentDraft

from .transcript_lines import Parsed, Problem, TranscriptError, speaker_and_text

_SYNC_MARK = re.compile(r"^\s*(\d+)\((\d+)\)\s*$")
_OHMS_SPEAKER = re.compile(r"^\s*([A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ\-.' ]*):\s+(\S.*)$")
_FOOTNOTES = re.compile(r"\[\[footnotes\]\].*?\[\[/footnotes\]\]", re.S)
_FOOTNOTE_REF = re.compile(r"\[\[footnote\]\](.*?)\[\[/footnote\]\]", re.S)
_BR = re.compile(r"(?:<br\s*/?>)+", re.I)  # "<br><br>" is a paragraph, not a cue end
_RECORD_FIELDS = ("transcript", "sync", "vtt_transcript")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def read_ohms(text: str, known_speakers: frozenset[str] = frozenset()) -> Parsed:
    """Index points and transcript of an OHMS XML file (any namespace)."""
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise TranscriptError(
            "OHMS files with a DOCTYPE or entities are refused (unsafe XML)",
            "se rechazan los archivos OHMS con DOCTYPE o entidades (XML inseguro)")
    out = Parsed()
    points: list[tuple[int, dict[str, str]]] = []
    record: dict[str, tuple[int, str]] = {}
    stack: list[str] = []
    current: dict[str, str] | None = None
    buffer: list[str] = []
    starts: list[int] = []
    parser = xml.parsers.expat.ParserCreate()

    def start(name: str, _attrs: dict[str, str]) -> None:
        nonlocal current
        local = _local(name)
        stack.append(local)
        starts.append(parser.CurrentLineNumber)
        if local == "point" and "index" in stack[:-1]:
            current = {}
            points.append((parser.CurrentLineNumber, current))
        buffer.clear()

    def end(_name: str) -> None:
        nonlocal current
        local = stack.pop()
        line = starts.pop()
        if current is not None and local == "point":
            current = None
        elif current is not None and stack and stack[-1] == "point":
            current[local] = "".join(buffer).strip()
        elif stack and stack[-1] == "record" and local in _RECORD_FIELDS:
            record[local] = (line, "".join(buffer))
        buffer.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = buffer.append
    try:
        parser.Parse(text.lstrip("\ufeff").encode("utf-8"), True)
    except xml.parsers.expat.ExpatError as exc:
        if not points and not record:
            reason = xml.parsers.expat.ErrorString(exc.code)
            raise TranscriptError(f"not readable XML ({reason})",
                                  f"no es XML legible ({reason})", line=exc.lineno) from None
        out.problems.append(Problem(
            exc.lineno, "the XML breaks off here; what came before it was read",
            "el XML se interrumpe aquí; se leyó lo anterior"))
    index = _index_points(points, out, known_speakers)
    words = _transcript(record, out, known_speakers, bool(index))
    if words:
        out.segments = _with_index(words, index, out)
    else:
        out.segments = _index_segments(index)
    if not points and not words and not out.problems:
        raise TranscriptError(
            "no OHMS index points (<index><point>) and no transcript in this file",
            "el archivo no tiene puntos de índice OHMS (<index><point>) ni transcripción")
    out.problems.sort(key=lambda p: p.line)
    return out


# --- index ---------------------------------------------------------------------------

def _keywords(point: dict[str, str]) -> str:
    """Keywords then subjects, ';'-separated, each once."""
    seen: list[str] = []
    for name in ("keywords", "subjects"):
        for word in point.get(name, "").split(";"):
            word = word.strip()
            if word and word.casefold() not in (s.casefold() for s in seen):
                seen.append(word)
    return "; ".join(seen)


def _index_points(points: list[tuple[int, dict[str, str]]], out: Parsed,
                  known: frozenset[str]) -> list[SegmentDraft]:
    drafts: list[SegmentDraft] = []
    for line, point in points:
        shown = point.get("time", "")
        try:
            seconds = float(shown.replace(",", "."))
            if seconds < 0 or seconds != seconds:
                raise ValueError
        except ValueError:
            out.problems.append(Problem(
                line, f"point time '{shown}' is not a number of seconds; point skipped",
                f"el tiempo del punto «{shown}» no es un número de segundos; se omitió el punto"))
            continue
        speaker, partial = _paragraph_speaker(point.get("partial_transcript", ""), known)
        synopsis = point.get("synopsis", "")
        words = "\n\n".join(p for p in (partial, synopsis) if p)
        drafts.append(SegmentDraft(round(seconds * 1000), None, speaker, words,
                                   point.get("title", ""), _keywords(point)))
    drafts.sort(key=lambda d: d.start_ms)
    return drafts


def _index_segments(drafts: list[SegmentDraft]) -> list[SegmentDraft]:
    """A point lasts until the next one."""
    return [replace(d, end_ms=drafts[n + 1].start_ms if n + 1 < len(drafts) else None)
            for n, d in enumerate(drafts)]


def _with_index(words: list[SegmentDraft], index: list[SegmentDraft],
                out: Parsed) -> list[SegmentDraft]:
    """Each point's title and keywords go to the segment containing its time."""
    segments = list(words)
    synopses = 0
    for point in index:
        at = 0
        for n, seg in enumerate(segments):
            if seg.start_ms <= point.start_ms:
                at = n
        seg = segments[at]
        title = " / ".join(t for t in (seg.title, point.title) if t)
        keywords = "; ".join(k for k in (seg.keywords, point.keywords) if k)
        segments[at] = replace(seg, title=title, keywords=keywords)
        synopses += bool(point.text)
    if synopses:
        out.problems.append(Problem(
            0, f"{synopses} index points also had a synopsis or partial transcript, not "
            "imported: the segments are the transcript's own words (the points' titles and "
            "keywords were attached to them)",
            f"{synopses} puntos del índice traían además sinopsis o transcripción parcial, que "
            "no se importaron: los segmentos son las palabras de la transcripción (los títulos "
            "y palabras clave de los puntos se les asignaron)"))
    return segments


# --- transcripts -----------------------------------------------------------------------

def _transcript(record: dict[str, tuple[int, str]], out: Parsed,
                known: frozenset[str], has_index: bool) -> list[SegmentDraft]:
    line, vtt = record.get("vtt_transcript", (0, ""))
    if vtt.strip():
        return _vtt_transcript(vtt, line, out, known)
    line, legacy = record.get("transcript", (0, ""))
    sync = record.get("sync", (0, ""))[1]
    if legacy.strip().rstrip(".").casefold() in ("", "no transcript"):
        return []  # OHMS writes "No transcript." when there is none
    if not sync.strip() and has_index:
        out.problems.append(Problem(
            line, "the transcript has no <sync> times; the index points were imported instead",
            "la transcripción no tiene tiempos <sync>; se importaron los puntos del índice"))
        return []
    if not sync.strip():
        out.problems.append(Problem(
            line, "the transcript has no <sync> times; its segments were read without times",
            "la transcripción no tiene tiempos <sync>; sus segmentos se leyeron sin tiempos"))
    return _legacy_transcript(legacy, sync, line, out, known)


def _vtt_transcript(vtt: str, first_line: int, out: Parsed,
                    known: frozenset[str]) -> list[SegmentDraft]:
    from .subtitles import read_vtt

    # <br> becomes U+2029 (not a line break for the WebVTT parser, so the cue
    # stays whole and line numbers stay the file's), then a line break in the text.
    parsed = read_vtt(_BR.sub("\u2029", vtt), known)
    offset = max(first_line - 1, 0)
    out.problems.extend(Problem(p.line + offset if p.line else 0, p.message, p.message_es)
                        for p in parsed.problems)
    segments: list[SegmentDraft] = []
    speaker = ""
    for seg in parsed.segments:
        speaker = seg.speaker or speaker  # OHMS: a cue without <v> goes on with the last voice
        text = "\n".join(part.strip() for part in seg.text.split("\u2029"))
        segments.append(replace(seg, speaker=speaker, text=text))
    return segments


def _sync_marks(sync: str) -> dict[tuple[int, int], int]:
    """'1:|13(3)|19(14)' -> {(13, 3): 60_000, (19, 14): 120_000}."""
    minutes, _, stamps = sync.partition(":")
    try:
        step = int(minutes.strip()) * 60_000
    except ValueError:
        return {}
    marks: dict[tuple[int, int], int] = {}
    for n, stamp in enumerate(stamps.split("|")):
        m = _SYNC_MARK.match(stamp)
        if m:
            marks.setdefault((int(m[1]), int(m[2])), n * step)
    return marks


def _legacy_transcript(text: str, sync: str, first_line: int, out: Parsed,
                       known: frozenset[str]) -> list[SegmentDraft]:
    """Cut at paragraphs and sync marks; every mark starts a segment at its time."""
    text = _FOOTNOTES.sub("", text)
    text = _FOOTNOTE_REF.sub(lambda m: f"[{m[1].strip()}]", text)
    marks = _sync_marks(sync)
    if sync.strip() and not marks:
        out.problems.append(Problem(
            first_line, "the <sync> times cannot be read; the transcript was read without times",
            "no se pueden leer los tiempos de <sync>; la transcripción se leyó sin tiempos"))
    pieces: list[tuple[int, str, list[str]]] = []  # (start ms, speaker, words)
    speaker = ""
    now = 0
    new_paragraph = True
    for number, line in enumerate(text.split("\n"), 1):
        words = line.split()
        if not words:
            new_paragraph = True
            continue
        if new_paragraph:
            label, rest = _paragraph_speaker(line, known)
            skipped = 0
            if label:
                speaker = label
                words = rest.split()
                skipped = len(line.split()) - len(words)
            for w in range(1, skipped + 1):  # a mark on the speaker's label
                now = marks.get((number, w), now)
            pieces.append((now, speaker, []))
            new_paragraph = False
        else:
            skipped = 0
        for w, word in enumerate(words, 1 + skipped):
            at = marks.get((number, w))
            if at is not None:
                now = at
                if pieces[-1][2]:
                    pieces.append((now, speaker, []))
                else:
                    pieces[-1] = (now, speaker, pieces[-1][2])
            pieces[-1][2].append(word)
    drafts = [SegmentDraft(start, None, who, " ".join(ws)) for start, who, ws in pieces if ws]
    return [replace(d, end_ms=max(d.start_ms, drafts[n + 1].start_ms)
                    if n + 1 < len(drafts) else None) for n, d in enumerate(drafts)]


def _paragraph_speaker(line: str, known: frozenset[str]) -> tuple[str, str]:
    """OHMS writes turns as "SURNAME: words"; the general rule covers the rest."""
    m = _OHMS_SPEAKER.match(line)
    if m and len(m[1]) <= 40:
        return m[1].strip(), m[2].strip()
    return speaker_and_text(line.strip(), known)
