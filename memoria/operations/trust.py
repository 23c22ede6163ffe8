"""Care of the archive: fixity checks, backups, and the register of copies' recalls."""

from __future__ import annotations

from pathlib import Path

from memoria.domain.changes import Changes
from memoria.domain.consent import Audience
from memoria.domain.model import Scope
from memoria.operations.actor import Action, Actor
from memoria.operations.unit import run_steps
from memoria.storage import copies as copy_store
from memoria.storage.archive import Archive
from memoria.trust.backup import BackupReport, backup_archive
from memoria.trust.fixity import CancelFn, FixityReport, ProgressFn, verify_archive

__all__ = ["BackupReport", "FixityReport", "Recall", "back_up", "mark_recalled",
           "pending_recalls", "verify"]

# The recall queue: copies outside custody still holding items they no longer may.
Recall = copy_store.Recall

pending_recalls = copy_store.pending_recalls


def verify(archive: Archive, actor: Actor, *, progress: ProgressFn | None = None,
           cancelled: CancelFn | None = None) -> Changes:
    """Re-hash every original and check the catalogue; `.value` is the FixityReport."""
    return run_steps(archive, actor, Action.CARE, verify_archive, progress=progress,
                     cancelled=cancelled, lang=actor.lang)


def back_up(archive: Archive, actor: Actor, dest: Path) -> Changes:
    """Write or refresh a backup in `dest`; `.value` is the BackupReport."""
    return run_steps(archive, actor, Action.CARE, backup_archive, dest, lang=actor.lang)


def mark_recalled(archive: Archive, actor: Actor, copy_id: int,
                  item_ids: list[int] | None = None, note: str = "") -> Changes:
    """A copy's items (all its pending ones by default) marked as recalled; `.value` is
    how many left the queue. The register writes on a connection of its own when the
    archive is open read-only, so this commits on its own."""
    return run_steps(archive, actor, Action.CARE, copy_store.mark_recalled, copy_id,
                     item_ids, note)


def record_copy(archive: Archive, actor: Actor, kind: str, item_ids: list[int],
                audience: Audience, dest: Path, *, scope: Scope | None = None,
                label: str = "") -> Changes:
    """Enter a copy that left the archive (a printed catalogue...) in the register;
    `.value` is its id (0 when the catalogue was busy and the entry waits on disk)."""
    return run_steps(archive, actor, Action.EXPORT, copy_store.record_copy, kind, item_ids,
                     audience, dest, scope=scope, label=label)


def write_edition(archive: Archive, actor: Actor, dest: Path, audience: Audience,
                  lang: str = "es", *, scope: Scope | None = None,
                  progress: ProgressFn | None = None) -> Changes:
    """Write or refresh a read-only reading-room edition for `audience` (under `scope`)
    at `dest`, registered as a copy; `.value` is the EditionReport."""
    from memoria.trust.edition import write_edition as write

    return run_steps(archive, actor, Action.EXPORT, write, dest, audience, scope, lang=lang,
                     progress=progress)
