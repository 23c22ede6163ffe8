"""Draft transcripts: a resumable job per item, and automatic segments.

A job cuts the recording into chunks at pauses (``engine.plan_chunks``) and
keeps each finished chunk in the catalogue (``asr_chunks``), so a cancelled,
crashed or killed job resumes without redoing them. When every chunk is done
the draft becomes segments marked automatic (``segments.automatic = 1``,
with the engine's confidence), searchable by staff at once.

A draft never overwrites what a person typed or corrected: draft segments
are written only where no person's segment covers the time (the
untranscribed parts); a previous run's unchecked automatic segments are
replaced. Consent: transcribing is internal work, allowed while consent is
pending; a withdrawn item is refused.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memoria import access
from memoria.asr import engine
from memoria.asr.model import ModelError
from memoria.domain.model import Segment
from memoria.storage import items as item_store
from memoria.storage.archive import Archive, utc_now
from memoria.storage.db import transaction

SETTING_OUTSIDE = "asr.drafts_outside"


@dataclass(frozen=True)
class Progress:
    item_id: int
    chunks_done: int
    chunks_total: int
    audio_done_ms: int
    audio_total_ms: int
    eta_s: float | None     # None until a chunk was timed in this run
    language: str = ""


@dataclass(frozen=True)
class Result:
    item_id: int
    finished: bool          # False: cancelled (finished chunks are kept)
    chunks_run: int         # transcribed in this run
    chunks_reused: int      # kept from an earlier run
    segments_written: int
    language: str


def _audio_path(archive: Archive, item_id: int) -> tuple[Path, str]:
    item = item_store.get_item(archive, item_id)
    for media in item.media:
        if media.mime.startswith(("audio/", "video/")):
            return archive.path(media.path), media.sha256
    raise ModelError(f"{item.accession} has no recording to transcribe.",
                     f"{item.accession} no tiene una grabación para transcribir.")


def check_allowed(archive: Archive, item_id: int) -> None:
    """Withdrawn consent stops transcription; pending consent does not."""
    if access.ConsentSnapshot(archive).status(item_id) == "withdrawn":
        accession = item_store.get_item(archive, item_id).accession
        raise ModelError(
            f"{accession} is not transcribed: consent for it was withdrawn.",
            f"{accession} no se transcribe: el consentimiento fue retirado.")


class Engine:
    """The model, loaded once (after its hash check) for many items."""

    def __init__(self, folder: Path, sha256: str, threads: int = 0, beam_size: int = 5) -> None:
        self.folder, self.sha256, self.threads, self.beam_size = folder, sha256, threads, beam_size
        self._model: Any = None

    @property
    def model(self) -> Any:
        if self._model is None:
            self._model = engine.load(self.folder, self.sha256, self.threads)
        return self._model


def transcribe_item(
    archive: Archive, item_id: int, eng: Engine, language: str = "auto", *,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk_s: float = engine.CHUNK_S,
) -> Result:
    """Transcribe one item's recording into a draft, resuming a kept job."""
    check_allowed(archive, item_id)
    path, media_sha = _audio_path(archive, item_id)
    audio = engine.decode(path)
    total_ms = len(audio) * 1000 // engine.SAMPLE_RATE
    chunks = engine.plan_chunks(audio, chunk_s)
    conn = archive.conn
    job = conn.execute("SELECT * FROM asr_jobs WHERE item_id = ?", (item_id,)).fetchone()
    same = (job is not None and job["finished_at"] is None and job["media_sha256"] == media_sha
            and job["model_sha256"] == eng.sha256 and job["chunks"] == len(chunks)
            and language in ("auto", job["language"]))
    if same:
        done = {r["position"]: r for r in conn.execute(
            "SELECT * FROM asr_chunks WHERE item_id = ?", (item_id,))}
        planned = {c.position: c for c in chunks}
        # A kept chunk counts only if this plan cuts the recording at the same place.
        done = {p: r for p, r in done.items() if p in planned
                and (r["start_ms"], r["end_ms"]) == (planned[p].start_ms, planned[p].end_ms)}
        lang = job["language"]
    else:
        done = {}
        lang = language if language != "auto" else engine.detect_language(eng.model, audio)
        with transaction(conn):
            conn.execute("DELETE FROM asr_jobs WHERE item_id = ?", (item_id,))
            conn.execute(
                "INSERT INTO asr_jobs (item_id, media_sha256, model_sha256, language, chunks,"
                " started_at) VALUES (?, ?, ?, ?, ?, ?)",
                (item_id, media_sha, eng.sha256, lang, len(chunks), utc_now()))
            archive.audit("transcript", item_id, "asr-start",
                          {"chunks": len(chunks), "language": lang}, item_id)
    reused = len(done)
    done_ms = sum(r["end_ms"] - r["start_ms"] for r in done.values())
    run, spent, timed_ms = 0, 0.0, 0

    def report() -> None:
        if progress is None:
            return
        eta = None
        if timed_ms:
            eta = spent / timed_ms * (total_ms - done_ms)
        progress(Progress(item_id, len(done) + run, len(chunks), done_ms, total_ms, eta, lang))

    report()
    for chunk in chunks:
        if chunk.position in done:
            continue
        if cancelled is not None and cancelled():
            return Result(item_id, False, run, reused, 0, lang)
        t0 = time.monotonic()
        segs = engine.transcribe_chunk(eng.model, audio, chunk, lang, cancelled, eng.beam_size)
        if segs is None:
            return Result(item_id, False, run, reused, 0, lang)
        with transaction(conn):
            conn.execute(
                "INSERT OR REPLACE INTO asr_chunks (item_id, position, start_ms, end_ms,"
                " segments) VALUES (?, ?, ?, ?, ?)",
                (item_id, chunk.position, chunk.start_ms, chunk.end_ms,
                 json.dumps([s.as_dict() for s in segs], ensure_ascii=False)))
        run += 1
        spent += time.monotonic() - t0
        timed_ms += chunk.end_ms - chunk.start_ms
        done_ms += chunk.end_ms - chunk.start_ms
        report()
    written = write_draft(archive, item_id)
    return Result(item_id, True, run, reused, written, lang)


def _covered(segments: list[Segment]) -> list[tuple[int, float]]:
    """Time ranges the given segments cover (an open end runs to the next segment)."""
    ordered = sorted(segments, key=lambda s: s.start_ms)
    out: list[tuple[int, float]] = []
    for n, seg in enumerate(ordered):
        end: float = seg.end_ms if seg.end_ms is not None else (
            ordered[n + 1].start_ms if n + 1 < len(ordered) else float("inf"))
        out.append((seg.start_ms, max(end, seg.start_ms + 1)))
    return out


def overlaps(start: int, end: int, ranges: list[tuple[int, float]]) -> bool:
    return any(start < b and a < end for a, b in ranges)


def write_draft(archive: Archive, item_id: int) -> int:
    """The finished job's chunks become automatic segments, in one transaction.

    A person's segment (typed, imported, confirmed or corrected) is never touched:
    draft segments overlapping its time are left out. Unchecked automatic segments
    of an earlier run are replaced, unless a consent record names them."""
    conn = archive.conn
    rows = conn.execute("SELECT segments FROM asr_chunks WHERE item_id = ? ORDER BY position",
                        (item_id,)).fetchall()
    drafts = [d for r in rows for d in json.loads(r["segments"])]
    existing = item_store.segments_of(archive, item_id)
    with transaction(conn):
        person = [s for s in existing if not s.automatic]
        old_auto = [s for s in existing if s.automatic]
        linked = {r[0] for r in conn.execute(
            "SELECT segment_id FROM consent_segments WHERE segment_id IN (SELECT id FROM"
            " segments WHERE item_id = ?)", (item_id,))}
        keep = person + [s for s in old_auto if s.id in linked]
        taken = _covered(keep)
        for seg in old_auto:
            if seg.id not in linked:
                conn.execute("DELETE FROM segments WHERE id = ?", (seg.id,))
        written = 0
        for d in drafts:
            if overlaps(d["start_ms"], d["end_ms"], taken):
                continue
            conn.execute(
                "INSERT INTO segments (item_id, position, start_ms, end_ms, text, automatic,"
                " confidence) VALUES (?, 0, ?, ?, ?, 1, ?)",
                (item_id, d["start_ms"], d["end_ms"], d["text"], d["confidence"]))
            written += 1
        # Positions follow time, person's and draft segments together.
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM segments WHERE item_id = ? ORDER BY start_ms, position, id",
            (item_id,))]
        for pos, sid in enumerate(ids):
            conn.execute("UPDATE segments SET position = ? WHERE id = ?", (pos, sid))
        conn.execute("UPDATE asr_jobs SET finished_at = ? WHERE item_id = ?",
                     (utc_now(), item_id))
        conn.execute("DELETE FROM asr_chunks WHERE item_id = ?", (item_id,))
        archive.audit("transcript", item_id, "asr-draft",
                      {"segments": written, "skipped_for_person_text": len(drafts) - written},
                      item_id)
        archive.touch(item_id)
    return written


def confirm_segments(archive: Archive, item_id: int, segment_ids: list[int]) -> None:
    """A person checked these automatic segments: they are no longer automatic."""
    with transaction(archive.conn):
        for sid in segment_ids:
            archive.conn.execute(
                "UPDATE segments SET automatic = 0 WHERE id = ? AND item_id = ?",
                (sid, item_id))
        archive.audit("transcript", item_id, "confirm", {"segments": len(segment_ids)},
                      item_id)
        archive.touch(item_id)


def kept_chunks(archive: Archive, item_id: int) -> int:
    row = archive.conn.execute("SELECT COUNT(*) FROM asr_chunks WHERE item_id = ?",
                               (item_id,)).fetchone()
    return int(row[0])


def drafts_outside(archive: Archive) -> bool:
    """Whether researchers and the public receive unchecked drafts (off by default)."""
    return archive.setting(SETTING_OUTSIDE, "0") == "1"


def set_drafts_outside(archive: Archive, allowed: bool) -> None:
    with transaction(archive.conn):
        archive.set_setting(SETTING_OUTSIDE, "1" if allowed else "0")
        archive.audit("setting", None, "asr-drafts-outside", {"allowed": allowed})
        archive.touch(None)
