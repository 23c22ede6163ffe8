"""The catalogue side of draft transcripts (issue 14): jobs, kept chunks, automatic
segments. Callers: memoria.asr.drafts (the job) and memoria.operations.transcription.

A draft is written only where no person's segment is: text a person typed,
imported, corrected or confirmed is never replaced; a previous run's unchecked
automatic segments are, unless a consent record names them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from memoria.domain.model import Segment
from memoria.storage import items as item_store
from memoria.storage.archive import Archive, utc_now
from memoria.storage.db import transaction

SETTING_OUTSIDE = "asr.drafts_outside"


@dataclass(frozen=True)
class Job:
    media_sha256: str
    model_sha256: str
    language: str
    chunks: int
    finished: bool


@dataclass(frozen=True)
class KeptChunk:
    position: int
    start_ms: int
    end_ms: int


def job_of(archive: Archive, item_id: int) -> Job | None:
    r = archive.conn.execute("SELECT * FROM asr_jobs WHERE item_id = ?", (item_id,)).fetchone()
    if r is None:
        return None
    return Job(r["media_sha256"], r["model_sha256"], r["language"], r["chunks"],
               r["finished_at"] is not None)


def kept(archive: Archive, item_id: int) -> dict[int, KeptChunk]:
    return {r["position"]: KeptChunk(r["position"], r["start_ms"], r["end_ms"])
            for r in archive.conn.execute(
                "SELECT position, start_ms, end_ms FROM asr_chunks WHERE item_id = ?",
                (item_id,))}


def kept_count(archive: Archive, item_id: int) -> int:
    row = archive.conn.execute("SELECT COUNT(*) FROM asr_chunks WHERE item_id = ?",
                               (item_id,)).fetchone()
    return int(row[0])


def start_job(archive: Archive, item_id: int, media_sha: str, model_sha: str, language: str,
              chunks: int) -> None:
    with transaction(archive.conn):
        archive.conn.execute("DELETE FROM asr_jobs WHERE item_id = ?", (item_id,))
        archive.conn.execute(
            "INSERT INTO asr_jobs (item_id, media_sha256, model_sha256, language, chunks,"
            " started_at) VALUES (?, ?, ?, ?, ?, ?)",
            (item_id, media_sha, model_sha, language, chunks, utc_now()))
        archive.audit("transcript", item_id, "asr-start",
                      {"chunks": chunks, "language": language}, item_id)


def keep_chunk(archive: Archive, item_id: int, position: int, start_ms: int, end_ms: int,
               segments: list[dict]) -> None:
    """One finished chunk, in its own transaction (a kill after it loses nothing)."""
    with transaction(archive.conn):
        archive.conn.execute(
            "INSERT OR REPLACE INTO asr_chunks (item_id, position, start_ms, end_ms, segments)"
            " VALUES (?, ?, ?, ?, ?)",
            (item_id, position, start_ms, end_ms, json.dumps(segments, ensure_ascii=False)))


def covered(segments: list[Segment]) -> list[tuple[int, float]]:
    """Time ranges the given segments cover (an open end runs to the next one)."""
    ordered = sorted(segments, key=lambda s: s.start_ms)
    out: list[tuple[int, float]] = []
    for n, seg in enumerate(ordered):
        end: float = seg.end_ms if seg.end_ms is not None else (
            ordered[n + 1].start_ms if n + 1 < len(ordered) else float("inf"))
        out.append((seg.start_ms, max(end, seg.start_ms + 1)))
    return out


def overlaps(start: int, end: int, ranges: list[tuple[int, float]]) -> bool:
    return any(start < b and a < end for a, b in ranges)


def write_draft(archive: Archive, item_id: int, span: tuple[int, int] | None = None) -> int:
    """The finished job's chunks become automatic segments, in one transaction.

    With ``span`` (a selection of the recording), only that stretch's draft is
    replaced: automatic segments lying mostly inside it go, the rest stay."""
    conn = archive.conn
    with transaction(conn):
        rows = conn.execute("SELECT segments FROM asr_chunks WHERE item_id = ? ORDER BY"
                            " position", (item_id,)).fetchall()
        drafts = [d for r in rows for d in json.loads(r["segments"])]
        existing = item_store.segments_of(archive, item_id)
        linked = {r[0] for r in conn.execute(
            "SELECT segment_id FROM consent_segments WHERE segment_id IN (SELECT id FROM"
            " segments WHERE item_id = ?)", (item_id,))}

        def replaced(seg: Segment) -> bool:
            if not seg.automatic or seg.id in linked:
                return False
            if span is None:
                return True
            end = seg.end_ms if seg.end_ms is not None else seg.start_ms
            inside = min(end, span[1]) - max(seg.start_ms, span[0])
            return inside * 2 >= max(1, end - seg.start_ms)

        people = covered([s for s in existing if not s.automatic or s.id in linked])
        others = covered([s for s in existing if s.automatic and s.id not in linked
                          and not replaced(s)])
        for seg in existing:
            if replaced(seg):
                conn.execute("DELETE FROM segments WHERE id = ?", (seg.id,))
        written = 0
        for d in drafts:
            start, end = d["start_ms"], d["end_ms"]
            # A person's text is never written over; a draft left outside the selection
            # gives way only where it holds most of the new segment.
            if overlaps(start, end, people) or _mostly(start, end, others):
                continue
            cur = conn.execute(
                "INSERT INTO segments (item_id, position, start_ms, end_ms, text, automatic,"
                " confidence) VALUES (?, 0, ?, ?, ?, 1, ?)",
                (item_id, start, end, d["text"], d["confidence"]))
            if d.get("words"):
                conn.execute("INSERT INTO asr_words (segment_id, words) VALUES (?, ?)",
                             (cur.lastrowid, json.dumps(d["words"])))
            written += 1
        # Positions follow time, a person's segments and the draft's together.
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM segments WHERE item_id = ? ORDER BY start_ms, position, id",
            (item_id,))]
        for pos, sid in enumerate(ids):
            conn.execute("UPDATE segments SET position = ? WHERE id = ?", (pos, sid))
        conn.execute("UPDATE asr_jobs SET finished_at = ? WHERE item_id = ?",
                     (utc_now(), item_id))
        conn.execute("DELETE FROM asr_chunks WHERE item_id = ?", (item_id,))
        details: dict = {"segments": written, "left_for_person_text": len(drafts) - written}
        if span is not None:
            details["span_ms"] = list(span)
        archive.audit("transcript", item_id, "asr-draft", details, item_id)
        archive.touch(item_id)
    return written


def _mostly(start: int, end: int, ranges: list[tuple[int, float]]) -> bool:
    length = max(1, end - start)
    return any((min(end, b) - max(start, a)) * 2 > length for a, b in ranges)


def word_marks(archive: Archive, item_id: int) -> dict[int, list[tuple[int, int, float]]]:
    """Each automatic segment's words as (first char, end char, probability)."""
    return {r[0]: [tuple(w) for w in json.loads(r[1])] for r in archive.conn.execute(
        "SELECT w.segment_id, w.words FROM asr_words w JOIN segments s ON s.id = w.segment_id"
        " WHERE s.item_id = ? AND s.automatic = 1", (item_id,))}


def confirm(archive: Archive, item_id: int, segment_ids: list[int]) -> None:
    """A person checked these automatic segments: they are no longer automatic."""
    with transaction(archive.conn):
        for sid in segment_ids:
            archive.conn.execute(
                "UPDATE segments SET automatic = 0 WHERE id = ? AND item_id = ?",
                (sid, item_id))
        archive.audit("transcript", item_id, "confirm", {"segments": len(segment_ids)},
                      item_id)
        archive.touch(item_id)


def drafts_outside(archive: Archive) -> bool:
    """Whether researchers and the public receive unchecked drafts (off by default)."""
    return archive.setting(SETTING_OUTSIDE, "0") == "1"


def set_drafts_outside(archive: Archive, allowed: bool) -> None:
    with transaction(archive.conn):
        archive.set_setting(SETTING_OUTSIDE, "1" if allowed else "0")
        archive.audit("setting", None, "asr-drafts-outside", {"allowed": allowed})
        archive.touch(None)
