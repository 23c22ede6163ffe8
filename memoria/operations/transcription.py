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
