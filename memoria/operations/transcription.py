"""Transcription operations (issue 14): draft a transcript from speech, confirm
automatic segments, the custodian's choice about drafts leaving the archive.

`transcribe` is a long job of many transactions (one per finished chunk, so a
cancel or a kill keeps them): it runs under `run_steps`. Its `.value` is the
`drafts.Result`.
"""

from __future__ import annotations

from collections.abc import Callable

from memoria.asr import drafts
from memoria.asr.engine import CHUNK_S
from memoria.domain.changes import Changes
from memoria.operations.actor import Action, Actor
from memoria.operations.unit import run, run_steps
from memoria.storage import asr_drafts as store
from memoria.storage.archive import Archive

Engine = drafts.Engine
Progress = drafts.Progress
Result = drafts.Result
drafts_outside = store.drafts_outside
kept_chunks = store.kept_count
check_allowed = drafts.check_allowed


def transcribe(archive: Archive, actor: Actor, item_id: int, engine: drafts.Engine,
               language: str = "auto", *,
               progress: Callable[[drafts.Progress], None] | None = None,
               cancelled: Callable[[], bool] | None = None,
               chunk_s: float = CHUNK_S) -> Changes:
    return run_steps(archive, actor, Action.EDIT_ITEMS, drafts.transcribe_item, item_id,
                     engine, language, progress=progress, cancelled=cancelled, chunk_s=chunk_s)


def confirm(archive: Archive, actor: Actor, item_id: int, segment_ids: list[int]) -> Changes:
    return run(archive, actor, Action.EDIT_ITEMS, store.confirm, item_id, segment_ids)


def set_drafts_outside(archive: Archive, actor: Actor, allowed: bool) -> Changes:
    """A custodian's choice (it decides what leaves the archive)."""
    return run(archive, actor, Action.CHANGE_CONSENT, store.set_drafts_outside, allowed)


def transcribe_for_window(archive: Archive, actor: Actor, item_id: int, language: str,
                          engines: dict, *,
                          progress: Callable[[int, int, str], None] | None = None,
                          cancelled: Callable[[], bool] | None = None) -> Changes:
    """The window's job: the registered model (loaded once into ``engines``), progress as
    (seconds of audio done, seconds in all, minutes left), refusals in the actor's language.
    Its `.value` is the `drafts.Result`."""
    from memoria.asr import model

    lang = actor.lang if actor.lang in ("es", "en") else "es"
    try:
        folder, sha = model.resolve(None)
        engine = engines.get(sha) or drafts.Engine(folder, sha)
        engines.clear()
        engines[sha] = engine

        def report(p: drafts.Progress) -> None:
            if progress is not None:
                left = "" if p.eta_s is None else str(max(1, round(p.eta_s / 60)))
                progress(p.audio_done_ms // 1000, max(1, p.audio_total_ms // 1000), left)

        return transcribe(archive, actor, item_id, engine, language, progress=report,
                          cancelled=cancelled)
    except model.ModelError as exc:
        raise ValueError(exc.text(lang)) from None
