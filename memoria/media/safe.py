"""Run untrusted decoding in worker processes that can be limited and killed.

Image and audio decoders are C code fed with files from strangers. A crafted
file can make one loop forever, allocate without bound or crash outright; in
the GUI process any of those would freeze or kill the app with the archive
open. Here each job runs in a child process with a wall-clock limit (the
child is killed when it passes it) and, on Linux, an address-space limit.
Whatever happens, the caller gets a `JobResult` with plain data or a
`MediaError` carrying a code.

Job functions must be importable module-level functions (they are pickled
by name), so everything works under the "spawn" start method that Windows
and macOS use. Use a pool from one thread at a time.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from .errors import (
    JobCancelledError,
    JobCrashedError,
    JobMemoryError,
    JobTimeoutError,
    MediaError,
)

DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY_MB = 2048  # a 179 MP scan needs ~0.6 GB decoded; twice that plus Python

_PRELOAD = ["memoria.media.images", "memoria.media.audio", "memoria.media.anonymise"]

Cancel = threading.Event | Callable[[], bool] | None
Progress = Callable[[int, int, "JobResult"], None] | None


@dataclass(slots=True)
class Job:
    """One call to run in a worker: `fn(*args, **kwargs)`."""

    fn: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class JobResult:
    """The outcome of job number `index`: `value` if `ok`, else `error`."""

    index: int
    ok: bool
    value: Any = None
    error: MediaError | None = None
    seconds: float = 0.0


def default_start_method() -> str:
    """forkserver on Linux (fast, and safe in a process that runs Qt threads), spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if sys.platform.startswith("linux") and "forkserver" in methods else "spawn"


# --- child side -------------------------------------------------------------

def _limit_memory(memory_mb: int | None) -> None:
    if not memory_mb or not sys.platform.startswith("linux"):
        return  # RLIMIT_AS is not enforced on macOS and does not exist on Windows
    import resource

    limit = memory_mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _call(job: Job) -> tuple[bool, Any]:
    try:
        return True, job.fn(*job.args, **job.kwargs)
    except MediaError as exc:
        return False, exc
    except MemoryError:
        return False, JobMemoryError("The job ran out of its memory allowance.")
    except Exception as exc:  # any other bug or decoder failure, kept as data
        return False, MediaError(f"{type(exc).__name__}: {exc}", code="failed")


def _worker_main(conn: Connection, memory_mb: int | None) -> None:
    """Serve jobs from `conn` until told to stop (None) or the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # thread pools would eat the address-space budget
    _limit_memory(memory_mb)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        except MemoryError:
            conn.send((False, JobMemoryError("The job was too large to receive.")))
            continue
        if message is None:
            return
        ok, value = _call(message)
        try:
            conn.send((ok, value))
        except MemoryError:
            conn.send((False, JobMemoryError("The result was too large to send back.")))
        except Exception as exc:  # an unpicklable result is a bug in the job function
            conn.send((False, MediaError(f"The result could not be sent: {exc}", code="failed")))


# --- parent side ------------------------------------------------------------

class _Worker:
    """One child process and its pipe."""

    def __init__(self, ctx: Any, memory_mb: int | None):
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, memory_mb), daemon=True,
                                name="memoria-media-worker")
        self.proc.start()
        child.close()
        self.done = 0

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.proc.join(2)
        self.kill()


def _is_cancelled(cancel: Cancel) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


class MediaPool:
    """A few long-lived workers, each replaceable when killed for overrunning.

    `workers` defaults to the number of CPUs (at most 4: decoding is memory
    heavy). A worker is retired after `max_tasks_per_child` jobs so a slow
    leak in a decoder cannot grow forever.
    """

    def __init__(self, workers: int | None = None, *, timeout: float = DEFAULT_TIMEOUT,
                 memory_mb: int | None = DEFAULT_MEMORY_MB, max_tasks_per_child: int = 200,
                 start_method: str | None = None):
        self.size = max(1, workers or min(4, os.cpu_count() or 1))
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.max_tasks_per_child = max_tasks_per_child
        self._ctx = multiprocessing.get_context(start_method or default_start_method())
        if self._ctx.get_start_method() == "forkserver":
            # Children fork from a server that has already imported the decoders,
            # so a one-shot job starts in milliseconds instead of re-importing.
            self._ctx.set_forkserver_preload(_PRELOAD)
        self._idle: list[_Worker] = []

    def __enter__(self) -> MediaPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop idle workers. Running jobs only exist inside `imap`, which cleans up itself."""
        while self._idle:
            self._idle.pop().stop()

    def _take_worker(self) -> _Worker:
        return self._idle.pop() if self._idle else _Worker(self._ctx, self.memory_mb)

    def _release(self, worker: _Worker) -> None:
        worker.done += 1
        if worker.done >= self.max_tasks_per_child or len(self._idle) >= self.size:
            worker.stop()
        else:
            self._idle.append(worker)

    def imap(self, jobs: Iterable[Job], *, cancel: Cancel = None,
             progress: Progress = None) -> Iterator[JobResult]:
        """Run `jobs`, yielding results as they finish (not in input order).

        Cancellation is checked between jobs and while waiting: once set, the
        running jobs are killed (their output files are written atomically,
        so nothing half-written remains) and every unfinished job is reported
        with code "cancelled".
        """
        pending = deque(enumerate(jobs))
        total = len(pending)
        running: dict[Connection, tuple[_Worker, int, float]] = {}
        finished = 0
        try:
            while pending or running:
                if _is_cancelled(cancel):
                    stopped = [idx for _w, idx, _s in running.values()] + [i for i, _ in pending]
                    for worker, _idx, _start in running.values():
                        worker.kill()
                    running.clear()
                    pending.clear()
                    for idx in sorted(stopped):
                        finished += 1
                        result = JobResult(idx, False, error=JobCancelledError("Cancelled."))
                        if progress:
                            progress(finished, total, result)
                        yield result
                    return
                while pending and len(running) < self.size:
                    idx, job = pending.popleft()
                    worker = self._take_worker()
                    try:
                        worker.conn.send(job)
                    except Exception as exc:  # unpicklable job: report, do not crash the batch
                        self._release(worker)
                        finished += 1
                        result = JobResult(idx, False, error=MediaError(
                            f"The job could not be sent to a worker: {exc}", code="failed"))
                        if progress:
                            progress(finished, total, result)
                        yield result
                        continue
                    running[worker.conn] = (worker, idx, time.monotonic())
                if not running:
                    continue
                now = time.monotonic()
                next_deadline = min(start + self.timeout for _w, _i, start in running.values())
                ready = wait(list(running), timeout=max(0.0, min(0.1, next_deadline - now)))
                for conn in ready:
                    worker, idx, start = running.pop(conn)  # type: ignore[call-overload]
                    result = self._collect(worker, idx, start)
                    finished += 1
                    if progress:
                        progress(finished, total, result)
                    yield result
                now = time.monotonic()
                for conn, (worker, idx, start) in list(running.items()):
                    if now - start >= self.timeout:
                        del running[conn]
                        worker.kill()
                        finished += 1
                        result = JobResult(idx, False, seconds=now - start, error=JobTimeoutError(
                            f"The job took longer than {self.timeout:g} s and was stopped."))
                        if progress:
                            progress(finished, total, result)
                        yield result
        finally:
            for worker, _idx, _start in running.values():
                worker.kill()  # the consumer stopped iterating early

    def _collect(self, worker: _Worker, idx: int, start: float) -> JobResult:
        try:
            ok, value = worker.conn.recv()
        except (EOFError, OSError, MemoryError):
            worker.kill()
            code = worker.proc.exitcode
            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            return JobResult(idx, False, seconds=time.monotonic() - start, error=JobCrashedError(
                f"The worker process died while decoding ({how})."))
        self._release(worker)
        elapsed = time.monotonic() - start
        if ok:
            return JobResult(idx, True, value=value, seconds=elapsed)
        return JobResult(idx, False, error=value, seconds=elapsed)

    def run(self, jobs: Iterable[Job], *, cancel: Cancel = None,
            progress: Progress = None) -> list[JobResult]:
        """Run `jobs` and return their results in input order."""
        return sorted(self.imap(jobs, cancel=cancel, progress=progress), key=lambda r: r.index)

    def map(self, fn: Callable[..., Any], arg_tuples: Iterable[tuple[Any, ...]], *,
            cancel: Cancel = None, progress: Progress = None) -> list[JobResult]:
        """`fn(*args)` for each tuple, in input order: the common batch case."""
        return self.run((Job(fn, tuple(a)) for a in arg_tuples), cancel=cancel, progress=progress)


def run_job(fn: Callable[..., Any], *args: Any, timeout: float = DEFAULT_TIMEOUT,
            memory_mb: int | None = DEFAULT_MEMORY_MB, start_method: str | None = None,
            **kwargs: Any) -> Any:
    """Call `fn(*args, **kwargs)` in a fresh limited process; return its value or raise.

    Raises the job's own `MediaError`, or one with code "timeout", "memory"
    or "crashed" when the worker had to be stopped or died.
    """
    with MediaPool(1, timeout=timeout, memory_mb=memory_mb, max_tasks_per_child=1,
                   start_method=start_method) as pool:
        (result,) = pool.run([Job(fn, args, kwargs)])
    if result.ok:
        return result.value
    assert result.error is not None
    raise result.error
