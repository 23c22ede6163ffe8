"""Long work off the GUI thread: progress, cancellation, results by signal.

All catalogue and index writes go through one single-thread pool, so writes
never race; reads that take time (thumbnails, probes) use the general pool.
A job is a function `fn(progress, cancelled, *args)`; `progress(done, total,
label)` reports, `cancelled()` is checked between units of work. Background
code never touches a widget: results come back through Qt signals, which Qt
delivers on the GUI thread.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()


def _sentence(exc: BaseException) -> str:
    """The one error path: a disk or catalogue fault as one sentence, no traceback."""
    from memoria import faults
    from memoria.domain.messages import error_text
    from memoria.operations.archive import ArchiveDamaged, ArchiveError
    from memoria.ui.i18n import chosen_language

    lang = chosen_language()
    if isinstance(exc, ArchiveDamaged):
        return exc.sentence(lang)
    if isinstance(exc, ArchiveError):  # a refusal said in words (a damaged catalogue...)
        return error_text(exc, lang)
    if faults.is_fault(exc):
        return faults.describe(exc, lang) or str(exc)
    traceback.print_exc()  # a bug, not a fault of the disk: keep its trace for a report
    return str(exc) or type(exc).__name__


class Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, label: str) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.label = label
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self._cancel.is_set, *self.args)
        except Exception as exc:  # noqa: BLE001 - reported to the user, never swallowed
            self.signals.failed.emit(_sentence(exc))
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class TaskRunner(QObject):
    """Starts tasks; `synchronous=True` runs them inline (for tests)."""

    started = Signal(object)  # Task
    finished = Signal(object)  # Task

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self.readers = QThreadPool(self)
        self.readers.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self.active: list[Task] = []
        self._pools: list[QThreadPool] = []  # callers' own pools, waited for too

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        write: bool = False,
        label: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        pool: QThreadPool | None = None,
    ) -> Task:
        """`pool`: a pool of the caller's own (e.g. a single thread for index writes)."""
        task = Task(fn, args, label)
        if on_done:
            task.signals.succeeded.connect(on_done)
        if on_error:
            task.signals.failed.connect(on_error)
        if on_progress:
            task.signals.progress.connect(on_progress)
        task.signals.finished.connect(lambda: self._done(task))
        self.active.append(task)
        self.started.emit(task)
        if self.synchronous:
            task.run()
        else:
            if pool is not None and pool not in self._pools:
                self._pools.append(pool)
            (pool or (self.writer if write else self.readers)).start(task)
        return task

    def _done(self, task: Task) -> None:
        if task in self.active:
            self.active.remove(task)
        self.finished.emit(task)

    def wait(self, msecs: int = 30000) -> None:
        self.writer.waitForDone(msecs)
        self.readers.waitForDone(msecs)
        for pool in self._pools:
            with contextlib.suppress(RuntimeError):  # its owner (and the pool) are gone
                pool.waitForDone(msecs)
