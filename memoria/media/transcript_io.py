"""Transcripts of catalogue items: import a file into segments, export for an audience.

Export is a way out of the archive, so it is built from the outbound
projection (memoria.projection.project): segments withheld by
segment-level consent are absent, and every text is redacted (spans of the
`redactions` table, applied to the raw text they were marked on) and then
pseudonymised. Redactions apply for every audience, the custodian's too: a
file that leaves the program may travel further than its first reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from memoria.domain.consent import Audience
from memoria.domain.model import Segment, SegmentDraft
from memoria.projection import Projection, project
from memoria.storage import items as item_store
from memoria.storage.archive import Archive

from . import transcripts
from .transcripts import Problem, TranscriptError

MAX_TRANSCRIPT_BYTES = 64 << 20  # a week of speech as subtitles is ~10 MB


@dataclass
class TranscriptImport:
    item_id: int
    format: str
    imported: int = 0
    kept: int = 0  # existing segments matched by their words: ids kept
    problems: list[Problem] = field(default_factory=list)


def read_file(path: Path, fmt: str | None = None,
              known_speakers: frozenset[str] = frozenset()) -> tuple[str, transcripts.Parsed]:
    """Decode and parse a transcript file; the format from `fmt`, else name and content.
    A file that cannot be read at all raises TranscriptError naming the file."""
    size = path.stat().st_size
    if size > MAX_TRANSCRIPT_BYTES:
        raise TranscriptError(
            f"the file is {size >> 20} MB; a transcript file over "
            f"{MAX_TRANSCRIPT_BYTES >> 20} MB is refused",
            f"el archivo pesa {size >> 20} MB; se rechazan las transcripciones de más de "
            f"{MAX_TRANSCRIPT_BYTES >> 20} MB", file=path.name)
    text = transcripts.decode(path.read_bytes())
    chosen = fmt or transcripts.guess_format(path.name, text)
    try:
        return chosen, transcripts.parse(text, chosen, known_speakers)
    except TranscriptError as exc:
        exc.file = exc.file or path.name
        raise


def import_transcript(archive: Archive, item_id: int, path: Path, fmt: str | None = None,
                      *, replace: bool = False) -> TranscriptImport:
    """Add the file's segments to the item (empty transcript) or replace it (`replace`).

    Refuses to silently mix two transcripts: an item that already has
    segments needs `replace=True`. Existing segments whose time and text are
    unchanged keep their ids, so consent records and redactions that name
    them keep applying (`item_store.save_segments` refuses to drop a segment a
    consent record names).
    """
    people = frozenset(ip.person.name for ip in item_store.get_item(archive, item_id).people)
    chosen, parsed = read_file(path, fmt, people)
    existing = item_store.segments_of(archive, item_id)
    if existing and not replace:
        raise TranscriptError(
            f"the item already has {len(existing)} transcript segments; use --replace to "
            "replace them with the file's",
            f"el elemento ya tiene {len(existing)} segmentos de transcripción; use --replace para "
            "reemplazarlos por los del archivo", file=path.name)
    if not parsed.segments:
        first = parsed.problems[0] if parsed.problems else None
        raise TranscriptError(
            "no segment could be read" + (f" (line {first.line}: {first.message})"
                                          if first else ""),
            "no se pudo leer ningún segmento" + (f" (línea {first.line}: "
                                                 f"{first.message_es or first.message})"
                                                 if first else ""),
            file=path.name)
    # Same words -> same segment: its id (and the consent records and redaction spans
    # that name it, whose offsets are into these words) survives; times, title and
    # keywords come from the file, the speaker too unless the file has none (OHMS).
    by_text: dict[str, list[Segment]] = {}
    for seg in existing:
        by_text.setdefault(seg.text, []).append(seg)
    new: list[Segment | SegmentDraft] = []
    reused = 0
    for draft in parsed.segments:
        same = by_text.get(draft.text)
        if same:
            old = same.pop(0)
            reused += 1
            new.append(Segment(old.id, old.position, draft.start_ms, draft.end_ms,
                               draft.speaker or old.speaker, old.text,
                               draft.title or old.title, draft.keywords or old.keywords))
        else:
            new.append(draft)
    item_store.save_segments(archive, item_id, new)
    return TranscriptImport(item_id, chosen, len(parsed.segments) - reused, reused,
                            parsed.problems)


def public_segments(archive: Archive, item_id: int, audience: Audience,
                    lang: str = "es") -> tuple[Projection, list[Segment]]:
    """The item's segments as `audience` may take them away: the outbound
    projection with redactions cut for every audience (withheld segments absent,
    protected names replaced in text, speaker, title and OHMS keywords).

    Raises `access.NotVisible` when the item itself is not open to the audience.
    """
    view = project(archive, item_id, audience, lang=lang, redact=True)
    return view, list(view.segments)


def export_transcript(archive: Archive, item_id: int, fmt: str, audience: Audience,
                      lang: str = "es", what: str | None = None) -> tuple[str, int]:
    """(file text, segments withheld by consent) for `audience`; the last guard
    refuses (ProtectedNameFound naming `what`, the file) if a protected name is left."""
    view, segments = public_segments(archive, item_id, audience, lang)
    duration = None
    for media in view.item.media:
        if media.technical.get("duration"):
            duration = round(float(media.technical["duration"]) * 1000)
            break
    text = transcripts.write(
        segments, fmt, **({"title": view.item.title, "accession": view.item.accession,
                           "date": view.item.date_edtf or "", "duration_ms": duration}
                          if fmt == "ohms" else {}))
    view.guard(text, what or f"{view.item.accession}.{fmt}", lang)
    return text, view.hidden_segments
