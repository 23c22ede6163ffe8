"""A transcription as a thread of its own, never the session's writer.

The thread opens its own writable connection, asks the engine (in a child
process, ``memoria.asr.process``) for one chunk at a time outside any
transaction, and keeps each finished chunk in a short transaction through the
operation (``operations.transcription.transcribe``). Other writes (saving the
item, consent changes) go on meanwhile; the GUI thread only receives signals.

Pause (the window locked, or asked) stops the child where it is and holds the
job between chunks; resume continues; cancel kills the child, finished chunks
are kept and the next Transcribe resumes from them.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import replace

from PySide6.QtCore import QThread, Signal

from memoria.operations import transcription
from memoria.operations.archive import open_archive
from memoria.ui.labels import ui_lang
from memoria.ui.session import Session


class TranscriptionJob(QThread):
    progressed = Signal(int, int, str)  # seconds of audio done, seconds in all, minutes left
    succeeded = Signal(object)          # drafts.Result: finished, or cancelled (kept chunks)
    failed = Signal(str)                # one sentence, in the window's language
    pausedChanged = Signal(bool)

    def __init__(self, session: Session, item_id: int, language: str,
                 span: tuple[int, int] | None = None) -> None:
        super().__init__(session)
        self.session = session
        self.item_id, self.language, self.span = item_id, language, span
        self.lang = ui_lang()
        self.actor = replace(session.actor, lang=self.lang)
        self._cancel = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self.engine: transcription.ProcessEngine | None = None
        self.changes = None
        jobs = getattr(session, "background_jobs", None)
        if jobs is not None:
            jobs.append(self)
        lock = getattr(session, "lockChanged", None)
        if lock is not None:  # a window locked to a visitor's view pauses the work
            lock.connect(self._lock_changed)

    # -- control (GUI thread) ----------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()
        self._running.set()  # a paused job wakes up to stop

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def pause(self) -> None:
        if self._running.is_set() and not self._cancel.is_set():
            self._running.clear()
            if self.engine is not None:
                self.engine.suspend()
            self.pausedChanged.emit(True)

    def resume(self) -> None:
        if not self._running.is_set():
            if self.engine is not None:
                self.engine.resume()
            self._running.set()
            self.pausedChanged.emit(False)

    def is_paused(self) -> bool:
        return not self._running.is_set()

    def _lock_changed(self, audience: object) -> None:
        if audience is None:
            self.resume()
        else:
            self.pause()

    # -- the thread ----------------------------------------------------------------
    def _gate(self) -> None:
        while not self._running.wait(0.1):
            if self._cancel.is_set():
                return

    def _progress(self, p: transcription.Progress) -> None:
        left = "" if p.eta_s is None else str(max(1, round(p.eta_s / 60)))
        self.progressed.emit(p.audio_done_ms // 1000, max(1, p.audio_total_ms // 1000), left)

    def run(self) -> None:  # the job's own thread
        from memoria.ui.tasks import _sentence

        outcome: tuple[Signal, object]
        try:
            self.engine = transcription.window_engine(self.lang, self._cancel.is_set)
            if self.is_paused():
                self.engine.suspend()
            keys = getattr(self.session, "keys", None)
            extra = {"keys": keys} if keys is not None else {}
            archive = open_archive(self.session.path, writable=True, **extra)
            try:
                self.changes = transcription.transcribe(
                    archive, self.actor, self.item_id, self.engine, self.language,
                    progress=self._progress, cancelled=self._cancel.is_set, span=self.span,
                    gate=self._gate)
            finally:
                archive.close()
            outcome = (self.succeeded, self.changes.value)
        except transcription.Cancelled:
            outcome = (self.succeeded, transcription.Result(self.item_id, False, 0, 0, 0, ""))
        except ValueError as exc:  # refusals (ModelError too): one sentence already
            outcome = (self.failed, exc.text(self.lang) if hasattr(exc, "text") else str(exc))
        except Exception as exc:  # noqa: BLE001 - said in the window, never swallowed
            outcome = (self.failed, _sentence(exc))
        finally:
            if self.engine is not None:
                self.engine.close()  # here, so the window never waits for the child
            jobs = getattr(self.session, "background_jobs", None)
            if jobs is not None:
                with contextlib.suppress(ValueError):
                    jobs.remove(self)
        outcome[0].emit(outcome[1])
