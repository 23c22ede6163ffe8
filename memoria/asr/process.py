"""The engine in a child process of its own, for the window.

Transcription is seconds of CPU per chunk in C code, some of it holding
Python's global interpreter lock; on a loaded two-core laptop a thread doing
it in the window's process stalled the GUI thread for up to a second (a
thread holding the lock is descheduled by the system and the GUI thread waits
for it). In a child process the window's interpreter is never held: the
window's job thread only waits on a pipe and writes each finished chunk in a
short transaction.

``ProcessEngine`` has the job's engine interface (open, plan, detect,
run_chunk, release) of ``drafts.Engine``. The child decodes the recording into
its own memory and never writes anything; cancel kills it (finished chunks are
already kept), pause stops it (SIGSTOP on POSIX) until resume.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from memoria.asr import engine
from memoria.asr.model import OFFLINE_ENV, ModelError

NICE = 5  # the child's scheduling priority below the window's


def _serve(conn: Connection, folder: str, sha256: str, threads: int, beam: int) -> None:
    """The child: load the verified model, then answer requests until told to stop."""
    os.environ.update(OFFLINE_ENV)
    _background()
    from memoria.asr.drafts import Engine

    eng = Engine(Path(folder), sha256, threads, beam)
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        verb, args = request[0], request[1:]
        try:
            if verb == "stop":
                return
            if verb == "open":
                answer: Any = eng.open(Path(args[0]))
            elif verb == "plan":
                answer = [(c.position, c.start_ms, c.end_ms) for c in eng.plan(*args)]
            elif verb == "detect":
                answer = eng.detect(args[0])
            elif verb == "chunk":
                position, start, end, lang = args
                segs = eng.run_chunk(engine.Chunk(position, start, end), lang, None) or []
                answer = [s.as_dict() for s in segs]
            elif verb == "load":
                _ = eng.model
                answer = True
            else:
                answer = None
            conn.send(("ok", answer))
        except ModelError as exc:
            conn.send(("error", exc.en, exc.es))
        except Exception as exc:  # noqa: BLE001 - said to the window as one sentence
            text = f"{type(exc).__name__}: {exc}"
            conn.send(("error", "Transcription failed: " + text,
                       "La transcripción falló: " + text))


def _background() -> None:
    """Make the child background work: on a busy laptop the window comes first.

    Linux schedules by session ("autogroup") before it schedules threads: a child in
    the window's session spends the session's share, and the GUI thread then waits
    behind every other session when it wakes (stalls of 200-300 ms at load 10 on two
    cores). A session of its own leaves the window's share to the window; niced, the
    child yields to the window where sessions are not grouped."""
    if hasattr(os, "setsid"):
        with contextlib.suppress(OSError):
            os.setsid()
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICE)


class Cancelled(Exception):
    """The job was cancelled while the child worked (the child is gone)."""


class ProcessEngine:
    """``drafts.Engine``'s interface, computed in a child process."""

    POLL_S = 0.05

    def __init__(self, folder: Path, sha256: str, threads: int = 0, beam_size: int = 5,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.folder, self.sha256 = Path(folder), sha256
        self.threads, self.beam_size = threads, beam_size
        self.cancelled = cancelled
        self._proc: Any = None
        self._conn: Connection | None = None
        self._stopped = False

    # -- the child --------------------------------------------------------------
    def start(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, name="memoria-asr", daemon=True, args=(
            child, str(self.folder), self.sha256, self.threads, self.beam_size))
        self._proc.start()
        child.close()
        self._conn = parent

    def _ask(self, *request: Any) -> Any:
        self.start()
        assert self._conn is not None
        self._conn.send(request)
        while not self._conn.poll(self.POLL_S):
            if self.cancelled is not None and self.cancelled():
                self.kill()
                raise Cancelled()
            if not self._proc.is_alive():
                self.kill()
                raise ModelError("The transcription process stopped unexpectedly "
                                 f"(exit code {self._proc.exitcode}).",
                                 "El proceso de transcripción se detuvo de forma inesperada "
                                 f"(código de salida {self._proc.exitcode}).")
        try:
            answer = self._conn.recv()
        except EOFError:
            self.kill()
            raise ModelError("The transcription process stopped unexpectedly.",
                             "El proceso de transcripción se detuvo de forma "
                             "inesperada.") from None
        if answer[0] == "error":
            raise ModelError(answer[1], answer[2])
        return answer[1]

    def kill(self) -> None:
        if self._proc is not None:
            with contextlib.suppress(Exception):
                self._proc.kill()
                self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc, self._conn = None, None

    def close(self) -> None:
        """Let the child end (the model leaves memory with it)."""
        if self._conn is not None and self._proc is not None and self._proc.is_alive():
            self.resume()
            with contextlib.suppress(OSError):
                self._conn.send(("stop",))
            self._proc.join(5)
        self.kill()

    def suspend(self) -> None:
        """Stop the child where it is (no CPU) until ``resume``; POSIX only."""
        if self._proc is not None and self._proc.pid and hasattr(signal, "SIGSTOP"):
            with contextlib.suppress(OSError):
                os.kill(self._proc.pid, signal.SIGSTOP)
                self._stopped = True

    def resume(self) -> None:
        if self._stopped and self._proc is not None and self._proc.pid:
            with contextlib.suppress(OSError):
                os.kill(self._proc.pid, signal.SIGCONT)
        self._stopped = False

    # -- the job's engine interface ---------------------------------------------
    def load(self) -> None:
        """Check and load the model now (a wrong hash is refused before any item)."""
        self._ask("load")

    def open(self, path: Path) -> int:
        return int(self._ask("open", str(path)))

    def plan(self, chunk_s: float, span: tuple[int, int] | None) -> list[engine.Chunk]:
        return [engine.Chunk(*c) for c in self._ask("plan", chunk_s, span)]

    def detect(self, span: tuple[int, int] | None = None) -> str:
        return str(self._ask("detect", span))

    def run_chunk(self, chunk: engine.Chunk, language: str,
                  cancelled: Callable[[], bool] | None = None,
                  ) -> list[engine.DraftSegment] | None:
        try:
            dicts = self._ask("chunk", chunk.position, chunk.start_ms, chunk.end_ms, language)
        except Cancelled:
            return None
        return [engine.DraftSegment(d["start_ms"], d["end_ms"], d["text"], d["confidence"],
                                    tuple(tuple(w) for w in d.get("words", ())))
                for d in dicts]

    def release(self) -> None:
        """The decoded recording stays only in the child, which the job closes."""
