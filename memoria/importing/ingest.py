"""The one path by which a file enters the archive.

Every file (a folder import, a file added to an item in the editor, the scan
of a signed consent form, a file of a bag) goes through `ingest`: checked by
content and fully decoded in a limited worker process (`probe.SafeProbe`:
size, time and memory limits, so a hostile file cannot crash or hang the
process that holds the archive), stream-copied into media/ while hashing
(`media_store.stage`), then recorded by the caller inside one catalogue
transaction. A refusal is one sentence naming the cause (`Refused.reason`,
the same words whichever way the file came in); a failure or a kill leaves
no original referenced by nothing (the intent file lets the start-up sweep
remove an uncommitted copy).
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from memoria.importing.probe import Probed, ProbeError, SafeProbe
from memoria.media import derive
from memoria.storage import media_store
from memoria.storage.archive import Archive
from memoria.storage.db import transaction

ProbeFn = Callable[[Path], Probed]
DISK_FULL = "no space left on device"


class Refused(Exception):
    """The file was not taken in; `reason` is one sentence for a person, nothing was kept."""

    def __init__(self, path: Path, reason: str, code: str = "refused") -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason
        self.code = code


@dataclass(frozen=True)
class Ingested:
    path: Path
    probed: Probed
    staged: media_store.StagedFile

    @property
    def sha256(self) -> str:
        return self.staged.sha256


def worker_probe(archive: Archive, workers: int = 1) -> SafeProbe:
    """The limited decoder for untrusted files, with this archive's limits; close it after."""
    derive.sweep_incoming(archive.root / "derived")
    # An encrypted archive's workers hand derived files back as bytes (nothing plain on disk).
    out = derive.MEMORY if archive.vault.encrypted else derive.incoming_dir(archive.vault)
    return SafeProbe.for_archive(
        archive, workers=workers, derive_dir=out,
        access_copies=archive.setting(derive.ACCESS_SETTING, derive.ACCESS_DEFAULT) == "import")


@contextmanager
def probing(archive: Archive, probe_fn: ProbeFn | None = None) -> Iterator[ProbeFn]:
    """`probe_fn` if given, else a worker probe of our own, closed on the way out."""
    if probe_fn is not None:
        yield probe_fn
        return
    own = worker_probe(archive)
    try:
        yield own
    finally:
        own.close()


def probe(path: Path, probe_fn: ProbeFn) -> Probed:
    """Check a file by content and decode it in the worker; raises `Refused`."""
    try:
        return probe_fn(path)
    except ProbeError as exc:
        raise Refused(path, exc.reason, exc.code) from None
    except Exception as exc:  # noqa: BLE001 - a hostile file must never stop the caller
        raise Refused(path, f"cannot be read ({type(exc).__name__}: {exc})", "unreadable") from None


def stage(archive: Archive, path: Path, probed: Probed) -> media_store.StagedFile:
    """Copy into media/ (see media_store.stage); raises `Refused` naming the cause."""
    try:
        return media_store.stage(archive, path, probed.extension)
    except media_store.IngestError as exc:
        if getattr(exc.__cause__, "errno", None) == errno.ENOSPC:
            raise Refused(path, f"{DISK_FULL}: {path.name} was not imported", "disk_full") from None
        raise Refused(path, str(exc), exc.code) from None


def settle(archive: Archive, ingested: Ingested, warnings: list[str] | None = None) -> None:
    """After the commit: the catalogue owns the original; keep its derived files."""
    media_store.settle(archive, ingested.staged)
    if not ingested.probed.derived:
        return
    try:
        derive.install(archive.vault, ingested.sha256, ingested.probed.derived)
    except OSError as exc:  # a cache: the original is safe, it is rebuilt on demand
        if warnings is not None:
            warnings.append(f"derived files not saved ({exc}); they are made when needed")


def discard(archive: Archive, ingested: Ingested) -> None:
    """The transaction failed or the file was not wanted: nothing of it is kept."""
    media_store.discard(archive, ingested.staged)
    derive.discard(ingested.probed.derived)


def record_blob(archive: Archive, ingested: Ingested, role: str | None = None) -> None:
    """The blob row, with what the worker found (and a role, e.g. 'consent_form')."""
    from memoria.storage import items as item_store

    probed = ingested.probed
    technical = dict(probed.technical)
    if role:
        technical["role"] = role
    item_store.record_blob(archive, ingested.sha256, ingested.staged.size,
                           ingested.staged.relpath, probed.mime, probed.format, technical)


@contextmanager
def ingest(archive: Archive, path: Path, probe_fn: ProbeFn,
           warnings: list[str] | None = None) -> Iterator[Ingested]:
    """Probe, stage, and yield inside one transaction; the caller records what the file is.

    On leaving normally the transaction commits and the file is settled; on any
    exception (a refused grant, a database error) it rolls back and the copy
    is removed. Raises `Refused` before anything is written for a bad file.
    """
    probed = probe(path, probe_fn)
    try:
        staged = stage(archive, path, probed)
    except BaseException:
        derive.discard(probed.derived)
        raise
    ingested = Ingested(path, probed, staged)
    try:
        with transaction(archive.conn):
            yield ingested
    except BaseException:
        discard(archive, ingested)
        raise
    settle(archive, ingested, warnings)
