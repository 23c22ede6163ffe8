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

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memoria import access
from memoria.asr import engine
from memoria.asr.model import ModelError
from memoria.storage import asr_drafts as store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive


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


def _audio_path(archive: Archive, item_id: int) -> tuple[str, str]:
    """The stored relative path of the item's recording and its SHA-256."""
    item = item_store.get_item(archive, item_id)
    for media in item.media:
        if media.mime.startswith(("audio/", "video/")):
            return media.path, media.sha256
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
    relpath, media_sha = _audio_path(archive, item_id)
    with archive.vault.plain_path(relpath) as path:  # in memory when encrypted
        audio = engine.decode(Path(path))
    total_ms = len(audio) * 1000 // engine.SAMPLE_RATE
    chunks = engine.plan_chunks(audio, chunk_s)
    job = store.job_of(archive, item_id)
    same = (job is not None and not job.finished and job.media_sha256 == media_sha
            and job.model_sha256 == eng.sha256 and job.chunks == len(chunks)
            and language in ("auto", job.language))
    if same:
        planned = {c.position: c for c in chunks}
        # A kept chunk counts only if this plan cuts the recording at the same place.
        done = {p: k for p, k in store.kept(archive, item_id).items() if p in planned
                and (k.start_ms, k.end_ms) == (planned[p].start_ms, planned[p].end_ms)}
        lang = job.language
    else:
        done = {}
        lang = language if language != "auto" else engine.detect_language(eng.model, audio)
        store.start_job(archive, item_id, media_sha, eng.sha256, lang, len(chunks))
    reused = len(done)
    done_ms = sum(k.end_ms - k.start_ms for k in done.values())
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
        store.keep_chunk(archive, item_id, chunk.position, chunk.start_ms, chunk.end_ms,
                         [d.as_dict() for d in segs])
        run += 1
        spent += time.monotonic() - t0
        timed_ms += chunk.end_ms - chunk.start_ms
        done_ms += chunk.end_ms - chunk.start_ms
        report()
    written = write_draft(archive, item_id)
    return Result(item_id, True, run, reused, written, lang)


write_draft = store.write_draft
confirm_segments = store.confirm
kept_chunks = store.kept_count
drafts_outside = store.drafts_outside
set_drafts_outside = store.set_drafts_outside
