"""Media operations: files coming in, and what a copy hides (faces, words).

Adding files to an item joins the one ingest path (limited workers) and is
run from here once that path is in the core.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from memoria.domain.changes import Changes
from memoria.importing.importer import (
    CancelFn,
    ImportOptions,
    ImportReport,
    ProgressFn,
    attach_files,
    import_paths,
)
from memoria.operations.actor import Action, Actor
from memoria.operations.unit import operation_of, run_steps
from memoria.storage import exhibits as store
from memoria.storage.archive import Archive
from memoria.storage.exhibits import (
    Redaction,
    Region,
    apply_redactions,
    blur_regions_for,
    redactions_for,
)

__all__ = ["ImportOptions", "ImportReport", "Redaction", "Region", "add_files",
           "add_redaction", "apply_redactions", "blur_regions_for", "import_files",
           "import_transcript", "rebuild_derived", "redactions_for", "set_blur_regions"]

set_blur_regions = operation_of(store.set_blur_regions, Action.ADD_MEDIA)
add_redaction = operation_of(store.add_redaction, Action.ADD_MEDIA)


def import_files(archive: Archive, actor: Actor, paths: Iterable[Path],
                 options: ImportOptions | None = None, *, progress: ProgressFn | None = None,
                 cancelled: CancelFn | None = None) -> Changes:
    """Bulk import, each file committed in its own transaction (Cancel keeps what was
    finished); `.value` is the ImportReport, every file accounted for by name."""
    return run_steps(archive, actor, Action.IMPORT, import_paths, list(paths), options,
                     progress=progress, cancel=cancelled)


def import_transcript(archive: Archive, actor: Actor, item_id: int, path: Path,
                      fmt: str | None = None, *, replace: bool = False) -> Changes:
    """A transcript file (WebVTT, SRT, OHMS) read into the item's segments; `.value` is
    the TranscriptImport (segments read, kept, problems)."""
    from memoria.media.transcript_io import import_transcript as read_in

    return run_steps(archive, actor, Action.EDIT_ITEMS, read_in, item_id, path, fmt,
                     replace=replace)


def rebuild_derived(archive: Archive, actor: Actor, *, force: bool = False, workers: int = 2,
                    progress: ProgressFn | None = None) -> Changes:
    """Thumbnails and access copies made again for the missing (or, `force`, all)
    originals, which are only read; `.value` is (originals rebuilt, problems)."""
    from memoria.media.derive import rebuild_derived as rebuild

    return run_steps(archive, actor, Action.CARE, rebuild, force=force, workers=workers,
                     progress=progress)


def add_files(archive: Archive, actor: Actor, item_id: int, paths: Iterable[Path]) -> Changes:
    """Add files to an item by the import's own path (checked and decoded in the limited
    worker, one transaction per file), so a hostile file is refused exactly as in an
    import; `.value` is the ImportReport."""
    return run_steps(archive, actor, Action.ADD_MEDIA, attach_files, item_id, list(paths))
