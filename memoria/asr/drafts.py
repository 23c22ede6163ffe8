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
    """The model, loaded once (after its hash check) for many items, in this process.

    The job talks to an engine through open / plan / detect / run_chunk / release, so
    the window can use the same job with the engine in a child process
    (``memoria.asr.process.ProcessEngine``) and keep its GUI thread free."""

    def __init__(self, folder: Path, sha256: str, threads: int = 0, beam_size: int = 5) -> None:
        self.folder, self.sha256, self.threads, self.beam_size = folder, sha256, threads, beam_size
        self._model: Any = None
        self._audio: Any = None

    @property
    def model(self) -> Any:
        if self._model is None:
            self._model = engine.load(self.folder, self.sha256, self.threads)
        return self._model

    def open(self, path: Path) -> int:
        """Decode the recording into memory; its length in ms."""
        self._audio = engine.decode(path)
        return len(self._audio) * 1000 // engine.SAMPLE_RATE

    def plan(self, chunk_s: float, span: tuple[int, int] | None) -> list[engine.Chunk]:
        return engine.plan_chunks(self._audio, chunk_s, span)

    def detect(self, span: tuple[int, int] | None = None) -> str:
        audio = self._audio
        if span is not None:
            audio = audio[span[0] * engine.SAMPLE_RATE // 1000:]
        return engine.detect_language(self.model, audio)

    def run_chunk(self, chunk: engine.Chunk, language: str,
                  cancelled: Callable[[], bool] | None) -> list[engine.DraftSegment] | None:
        return engine.transcribe_chunk(self.model, self._audio, chunk, language, cancelled,
                                       self.beam_size)

    def release(self) -> None:
        """Forget the decoded recording."""
        self._audio = None


def transcribe_item(
    archive: Archive, item_id: int, eng: Engine, language: str = "auto", *,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk_s: float = engine.CHUNK_S,
    span: tuple[int, int] | None = None,
    gate: Callable[[], None] | None = None,
) -> Result:
    """Transcribe one item's recording (or the ``span`` (start_ms, end_ms) of it) into a
    draft, resuming a kept job. Each finished chunk is kept in a short transaction of
    its own; nothing is held open while the engine works. ``gate`` is called between
    chunks (a paused job waits in it)."""
    check_allowed(archive, item_id)
    relpath, media_sha = _audio_path(archive, item_id)
    with archive.vault.plain_path(relpath) as path:  # in memory when encrypted
        length_ms = eng.open(Path(path))  # decoded into the engine's memory (or child's)
    try:
        if span is not None:
            span = (max(0, span[0]), min(length_ms, span[1]))
            if span[1] <= span[0]:
                raise ModelError("The selection to transcribe is empty.",
                                 "La selección para transcribir está vacía.")
        total_ms = length_ms if span is None else span[1] - span[0]
        chunks = eng.plan(chunk_s, span)
        job = store.job_of(archive, item_id)
        same = (job is not None and not job.finished and job.media_sha256 == media_sha
                and job.model_sha256 == eng.sha256 and job.chunks == len(chunks)
                and language in ("auto", job.language))
        done: dict[int, store.KeptChunk] = {}
        if same:
            planned = {c.position: c for c in chunks}
            # A kept chunk counts only if this plan cuts the recording at the same place.
            done = {p: k for p, k in store.kept(archive, item_id).items() if p in planned
                    and (k.start_ms, k.end_ms) == (planned[p].start_ms, planned[p].end_ms)}
            same = bool(done) or store.kept_count(archive, item_id) == 0
        if same and job is not None:
            lang = job.language
        else:
            lang = language if language != "auto" else eng.detect(span)
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
            progress(Progress(item_id, len(done) + run, len(chunks), done_ms, total_ms, eta,
                              lang))

        report()
        for chunk in chunks:
            if chunk.position in done:
                continue
            if gate is not None:
                gate()
            if cancelled is not None and cancelled():
                return Result(item_id, False, run, reused, 0, lang)
            t0 = time.monotonic()
            segs = eng.run_chunk(chunk, lang, cancelled)
            if segs is None:
                return Result(item_id, False, run, reused, 0, lang)
            store.keep_chunk(archive, item_id, chunk.position, chunk.start_ms, chunk.end_ms,
                             [d.as_dict() for d in segs])
            run += 1
            spent += time.monotonic() - t0
            timed_ms += chunk.end_ms - chunk.start_ms
            done_ms += chunk.end_ms - chunk.start_ms
            report()
    finally:
        eng.release()
    written = write_draft(archive, item_id, span)
    return Result(item_id, True, run, reused, written, lang)


write_draft = store.write_draft
confirm_segments = store.confirm
kept_chunks = store.kept_count
drafts_outside = store.drafts_outside
set_drafts_outside = store.set_drafts_outside
