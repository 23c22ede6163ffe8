"""Transcription operations (issue 14): draft a transcript from speech, confirm
automatic segments, the custodian's choice about drafts leaving the archive.

`transcribe` is a long job of many transactions (one per finished chunk, so a
cancel or a kill keeps them): it runs under `run_steps`. Its `.value` is the
`drafts.Result`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from memoria.asr import drafts
from memoria.asr.engine import CHUNK_S
from memoria.asr.model import ModelInfo
from memoria.asr.process import Cancelled, ProcessEngine
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
__all__ = ["Cancelled", "Engine", "Progress", "Result", "ProcessEngine"]


def transcribe(archive: Archive, actor: Actor, item_id: int, engine: drafts.Engine,
               language: str = "auto", *,
               progress: Callable[[drafts.Progress], None] | None = None,
               cancelled: Callable[[], bool] | None = None,
               chunk_s: float = CHUNK_S,
               span: tuple[int, int] | None = None,
               gate: Callable[[], None] | None = None) -> Changes:
    """``span``: only that stretch (start_ms, end_ms) of the recording, replacing only its
    draft; ``gate``: called between chunks (a paused job waits in it)."""
    return run_steps(archive, actor, Action.EDIT_ITEMS, drafts.transcribe_item, item_id,
                     engine, language, progress=progress, cancelled=cancelled, chunk_s=chunk_s,
                     span=span, gate=gate)


def confirm(archive: Archive, actor: Actor, item_id: int, segment_ids: list[int]) -> Changes:
    return run(archive, actor, Action.EDIT_ITEMS, store.confirm, item_id, segment_ids)


def set_drafts_outside(archive: Archive, actor: Actor, allowed: bool) -> Changes:
    """A custodian's choice (it decides what leaves the archive)."""
    return run(archive, actor, Action.CHANGE_CONSENT, store.set_drafts_outside, allowed)


def window_engine(lang: str, cancelled: Callable[[], bool] | None = None) -> ProcessEngine:
    """The registered model in a child process (the window's GUI thread is never held by
    the engine); a refusal is a ValueError in ``lang``."""
    from memoria.asr import model

    try:
        folder, sha = model.resolve(None)
    except model.ModelError as exc:
        raise ValueError(exc.text(lang)) from None
    return ProcessEngine(folder, sha, cancelled=cancelled)


def register_model_folder(folder: str, lang: str) -> ModelInfo:
    """Preferences' model folder: checked and registered like `memoria asr model PATH`."""
    from memoria.asr import model

    try:
        return model.register_model(Path(folder))
    except model.ModelError as exc:
        raise ValueError(exc.text(lang)) from None


def registered_model() -> ModelInfo | None:
    from memoria.asr import model

    return model.registered_model()


def word_marks(archive: Archive, item_id: int) -> dict[int, list[tuple[int, int, float]]]:
    """The engine's probability of each word of the item's automatic segments, by id."""
    return store.word_marks(archive, item_id)
