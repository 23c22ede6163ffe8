"""What a file really is, from its first bytes (never from its name)."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import uuid
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from memoria.domain.model import Kind
from memoria.importing.messages import cause
from memoria.media.derive import MEMORY

if TYPE_CHECKING:
    from memoria.media.safe import Job, JobResult, MediaPool


class ProbeError(Exception):
    """The file cannot be imported; `reason` is for a person, `code` for programs."""

    def __init__(self, reason: str, code: str = "unsupported") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


@dataclass(frozen=True)
class Probed:
    family: str  # image | audio | document
    format: str
    mime: str
    extension: str
    technical: dict = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    derived: dict = field(default_factory=dict)  # variant -> file in derived/incoming/

    @property
    def default_kind(self) -> Kind | None:
        return {"image": Kind.PHOTOGRAPH, "audio": Kind.AUDIO}.get(self.family)


def sniff(path: Path) -> Probed:
    """Identify the format by content; refuses empty and unknown files.

    One format table for the whole product: `memoria.media.detect` names every
    format (the media layer chooses its decoder by the same names), and this
    only turns its answer into the importer's terms.
    """
    from memoria.media.detect import detect_format
    from memoria.media.errors import EmptyFileError, MissingFileError

    try:
        fmt = detect_format(path)
    except EmptyFileError:
        raise ProbeError("the file is empty (0 bytes)", "empty") from None
    except MissingFileError as exc:
        raise ProbeError(f"cannot be read: {exc.message}", "unreadable") from None
    except OSError as exc:
        raise ProbeError(f"cannot be read: {exc.strerror or exc}", "unreadable") from exc
    if fmt.family not in ("image", "audio", "document"):
        raise ProbeError("this is not a photograph or audio format Memoria knows", "unsupported")
    return Probed(fmt.family, fmt.format, fmt.mime, fmt.extension)


# -- deep probing of untrusted files, in limited worker processes ----------------
MAX_FILE_KEY = "import.max_file_mb"
IMPORT_NICENESS = 5  # decoders yield to the GUI and the writer; they still use idle CPU
DEFAULT_MAX_FILE_MB = 16 * 1024  # 16 GB: hours of uncompressed WAV fit; a runaway file does not
# Decoder failures that refuse the file; their words are in `messages` (es/en).
_REFUSED_CODES = frozenset({"corrupt", "truncated", "bomb", "timeout", "memory", "crashed"})


def _deep_probe(path: str, family: str) -> dict:
    """Runs in a worker: fully parse the file so damage is found at ingest, not years later.

    Kept for callers that want the probe alone; the importer uses
    `memoria.media.derive.probe_and_derive`, which also makes derived files.
    """
    from memoria.media.derive import probe_and_derive

    return probe_and_derive(path, family, None)["technical"]


_LOWERED = False


def _background_probe(path: str, family: str, out: str | None, access_copies: bool) -> dict:
    """Worker side of an import job, at lower CPU priority: on a 2-core machine the
    decoders would otherwise take turns with the window's event loop and the
    catalogue writer, and the window would stutter while a batch imports."""
    global _LOWERED
    from memoria.media.derive import probe_and_derive

    if not _LOWERED and hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(IMPORT_NICENESS)
        _LOWERED = True
    return probe_and_derive(path, family, out, access_copies)


class SafeProbe:
    """A `probe_fn` for the importer: size limit, content sniff, then a full decode in a
    worker process with a wall-clock and memory limit, so no hostile file can hang,
    exhaust or crash the process that holds the archive open.

    Order matters: the size check and the 64-byte sniff are cheap and happen
    first, so a multi-GB file of zeros is refused without being read.

    With `derive_dir`, the same worker job also writes the file's derived
    files there (one decode per file; `Probed.derived` names them). After
    `prefetch(paths)` the jobs for the coming files run ahead, `workers` at
    a time, while the caller hashes, copies and catalogues earlier ones.
    """

    def __init__(self, max_bytes: int = DEFAULT_MAX_FILE_MB << 20, timeout: float = 30.0,
                 memory_mb: int = 1024, workers: int = 1,
                 derive_dir: Path | str | None = None, access_copies: bool = True) -> None:
        from memoria.media.safe import MediaPool

        self.max_bytes = max_bytes
        # A folder of our own: a worker killed on cancel may leave a file nobody will
        # claim, and close() can then remove everything unclaimed at once.
        # derive.MEMORY (an encrypted archive): the worker returns the bytes instead.
        self.derive_dir: Path | str | None = (
            derive_dir if derive_dir == MEMORY else
            Path(derive_dir) / uuid.uuid4().hex if derive_dir else None)
        self.access_copies = access_copies
        self._pool = MediaPool(workers, timeout=timeout, memory_mb=memory_mb)
        self._ahead: Prefetch | None = None

    @classmethod
    def for_archive(cls, archive: object, **kwargs: object) -> SafeProbe:
        """Limits from the archive's settings table ('import.max_file_mb')."""
        try:
            mb = int(archive.setting(MAX_FILE_KEY, str(DEFAULT_MAX_FILE_MB)))  # type: ignore[attr-defined]
        except (TypeError, ValueError):
            mb = DEFAULT_MAX_FILE_MB
        return cls(max_bytes=mb << 20, **kwargs)  # type: ignore[arg-type]

    def close(self) -> None:
        if self._ahead is not None:
            self._ahead.stop()
            self._ahead = None
        self._pool.close()
        if isinstance(self.derive_dir, Path):
            shutil.rmtree(self.derive_dir, ignore_errors=True)

    def _precheck(self, path: Path) -> Probed:
        try:
            if not path.is_file():
                raise ProbeError("not a regular file", "unreadable")
            size = path.stat().st_size
        except OSError as exc:
            raise ProbeError(f"cannot be read: {exc.strerror or exc}", "unreadable") from exc
        if size > self.max_bytes:
            raise ProbeError(
                f"the file is {size / 2**30:.1f} GB, over the import limit of "
                f"{self.max_bytes / 2**30:.1f} GB (setting {MAX_FILE_KEY})", "too_large")
        return sniff(path)

    def _job(self, path: Path, probed: Probed) -> Job:
        from memoria.media.safe import Job

        out = str(self.derive_dir) if self.derive_dir else None
        return Job(_background_probe, (str(path), probed.family, out, self.access_copies))

    def prefetch(self, paths: list[Path]) -> None:
        """Start the worker jobs for `paths`, in this order, ahead of the calls."""
        if self._ahead is not None:
            self._ahead.stop()
        checked: list[tuple[Path, Probed | ProbeError]] = []
        for path in paths:
            try:
                checked.append((path, self._precheck(path)))
            except ProbeError as exc:
                checked.append((path, exc))
        jobs = [(i, self._job(p, c)) for i, (p, c) in enumerate(checked)
                if isinstance(c, Probed) and c.family in ("image", "audio")]
        self._ahead = Prefetch(self._pool, checked, jobs, window=2 * self._pool.size + 2)

    def __call__(self, path: Path) -> Probed:
        if self._ahead is not None and (found := self._ahead.take(path)) is not None:
            probed, result = found
        else:
            probed = self._precheck(path)
            if probed.family not in ("image", "audio"):
                return probed
            (result,) = self._pool.run([self._job(path, probed)])
        if isinstance(probed, ProbeError):
            raise probed
        if result is None:  # not a media family: nothing to decode
            return probed
        return _interpret(probed, result)


def _interpret(probed: Probed, result: JobResult) -> Probed:
    if result.ok:
        value = result.value
        return Probed(probed.family, probed.format, probed.mime, probed.extension,
                      dict(value["technical"]), (*probed.warnings, *value["warnings"]),
                      dict(value["derived"]))
    code = result.error.code if result.error else "failed"
    if code in _REFUSED_CODES:
        raise ProbeError(f"{probed.format}: {cause(code, code, 'en')}", code)
    # Recognised but not decodable here (e.g. HEIF without its plug-in): keep the
    # original rather than lose it, and say so.
    message = result.error.message if result.error else "unknown reason"
    return Probed(probed.family, probed.format, probed.mime, probed.extension, {},
                  (*probed.warnings, f"could not be fully checked: {message}"))


class Prefetch:
    """Runs a pool's jobs on a feeder thread, at most `window` finished results ahead
    of the consumer, so decoding overlaps the importer's own work without piling
    up thousands of unclaimed derived files. Only the feeder thread touches the pool.
    """

    def __init__(self, pool: MediaPool, checked: list[tuple[Path, Probed | ProbeError]],
                 jobs: list[tuple[int, Job]], window: int) -> None:
        self._checked = checked
        self._job_of = {n: i for n, (i, _job) in enumerate(jobs)}
        self._results: dict[int, JobResult] = {}
        self._next: dict[Path, deque[int]] = {}
        for i, (path, _c) in enumerate(checked):
            self._next.setdefault(path, deque()).append(i)
        self._cond = threading.Condition()
        self._cancel = threading.Event()
        self._window = window
        self._finished = False
        self._wanted: int | None = None  # the index the consumer is waiting for
        self._thread = threading.Thread(target=self._feed, args=(pool, [j for _i, j in jobs]),
                                        name="memoria-import-prefetch", daemon=True)
        self._thread.start()

    def _feed(self, pool: MediaPool, jobs: list[Job]) -> None:
        try:
            for result in pool.imap(jobs, cancel=self._cancel):
                with self._cond:
                    self._results[self._job_of[result.index]] = result
                    self._cond.notify_all()
                    # Back-pressure: the pool dispatches no new job while we wait here,
                    # unless the consumer waits for a job still running (a slow file).
                    while (len(self._results) >= self._window and not self._cancel.is_set()
                           and (self._wanted is None or self._wanted in self._results)):
                        self._cond.wait(0.2)
        finally:
            with self._cond:
                self._finished = True
                self._cond.notify_all()

    def take(self, path: Path) -> tuple[Probed | ProbeError, JobResult | None] | None:
        """The pre-check and job result for the next occurrence of `path`, waiting for it."""
        queue = self._next.get(path)
        if not queue:
            return None
        index = queue.popleft()
        checked = self._checked[index][1]
        if not isinstance(checked, Probed) or checked.family not in ("image", "audio"):
            return checked, None
        with self._cond:
            self._wanted = index
            self._cond.notify_all()
            while index not in self._results and not self._finished:
                self._cond.wait(0.5)
            self._wanted = None
            result = self._results.pop(index, None)
            self._cond.notify_all()
        if result is None:
            raise ProbeError("the check of this file was stopped", "cancelled")
        return checked, result

    def stop(self) -> None:
        """Cancel what is still running and drop derived files nobody claimed."""
        from memoria.media.derive import discard

        self._cancel.set()
        with self._cond:
            self._cond.notify_all()
        self._thread.join()
        for result in self._results.values():
            if result.ok:
                discard(result.value["derived"])
        self._results.clear()
