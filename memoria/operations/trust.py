"""Care of the archive: fixity checks, backups and restores, bags in and out, and the
register of copies' recalls. The command line and the window call these."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from memoria.domain.changes import Changes
from memoria.domain.consent import Audience
from memoria.domain.model import Scope
from memoria.operations.actor import Action, Actor
from memoria.operations.unit import run_steps
from memoria.storage import copies as copy_store
from memoria.storage.archive import Archive
from memoria.trust.backup import BackupReport, backup_archive
from memoria.trust.fixity import CancelFn, FixityReport, ProgressFn, verify_archive

__all__ = ["BackupReport", "FixityReport", "Recall", "acknowledge_loss", "back_up", "export_bag", "import_bag",
           "mark_recalled", "pending_recalls", "restore", "verify"]

# The recall queue: copies outside custody still holding items they no longer may.
Recall = copy_store.Recall

pending_recalls = copy_store.pending_recalls


def verify(archive: Archive, actor: Actor, *, progress: ProgressFn | None = None,
           cancelled: CancelFn | None = None) -> Changes:
    """Re-hash every original and check the catalogue; `.value` is the FixityReport."""
    return run_steps(archive, actor, Action.CARE, verify_archive, progress=progress,
                     cancelled=cancelled, lang=actor.lang)


def back_up(archive: Archive, actor: Actor, dest: Path, keep: int | None = None) -> Changes:
    """Write or refresh a backup in `dest` (keeping `keep` generations); `.value` is the
    BackupReport."""
    return run_steps(archive, actor, Action.CARE, backup_archive, dest, keep=keep,
                     lang=actor.lang)


def acknowledge_loss(archive: Archive, actor: Actor, reason: str) -> Changes:
    """A custodian has looked at a catalogue that lost commits (a withdrawal may be among
    them): audited, and the researcher and public views open again. Custodians only."""
    from memoria.storage import seal

    # Not one transaction: the commit mark is read after the audit row is committed.
    return run_steps(archive, actor, Action.CHANGE_CONSENT, seal.acknowledge_loss, reason)


def restore(backup: Path, dest: Path, generation: str | None = None, keys: Any = None,
            lang: str = "es") -> BackupReport:
    """Rebuild an archive from a backup into an empty folder `dest`. No archive is open
    and no account has unlocked one yet (an encrypted backup's `keys` were unlocked by
    its own slots), so there is no role to check: the new archive's audit log says
    it was restored."""
    from memoria.trust.backup import restore_backup

    return restore_backup(backup, dest, generation=generation, keys=keys, lang=lang)


def import_bag(archive: Archive, actor: Actor, bag: Path) -> Changes:
    """Import a BagIt bag (Memoria's, another institution's, or one sealed to this
    archive), item by item; `.value` is (BagReport, receipt path or None)."""
    from memoria.trust.bag import import_bag as plain
    from memoria.trust.bag_seal import import_sealed, is_sealed

    def job(archive: Archive) -> tuple[Any, Path | None]:
        if is_sealed(bag):
            return import_sealed(archive, bag, actor.lang)
        return plain(archive, bag, actor.lang), None

    return run_steps(archive, actor, Action.IMPORT, job)


def export_bag(archive: Archive, actor: Actor, item_ids: list[int], dest: Path,
               audience: Audience, recipient: str | None = None) -> Changes:
    """Write a validated bag of `item_ids` for `audience` (sealed to `recipient`'s key
    when given), registered as a copy; `.value` is the BagReport, or the SealedBag."""
    from memoria.trust.bag import export_bag as plain
    from memoria.trust.bag_seal import export_sealed

    def job(archive: Archive) -> Any:
        if recipient:
            return export_sealed(archive, item_ids, dest, recipient, audience, actor.lang)
        return plain(archive, item_ids, dest, audience, actor.lang)

    return run_steps(archive, actor, Action.EXPORT, job)


def mark_recalled(archive: Archive, actor: Actor, copy_id: int,
                  item_ids: list[int] | None = None, note: str = "") -> Changes:
    """A copy's items (all its pending ones by default) marked as recalled; `.value` is
    how many left the queue. The register writes on a connection of its own when the
    archive is open read-only, so this commits on its own."""
    return run_steps(archive, actor, Action.CARE, copy_store.mark_recalled, copy_id,
                     item_ids, note)


def record_copy(archive: Archive, actor: Actor, kind: str, item_ids: list[int],
                audience: Audience, dest: Path | str, *, scope: Scope | None = None,
                label: str = "", generation: int | None = None) -> Changes:
    """Enter a copy that left the archive (a printed catalogue...) in the register
    (`generation`: the catalogue's when the copy was read, default now); `.value` is
    its id (0 when the catalogue was busy and the entry waits on disk)."""
    return run_steps(archive, actor, Action.EXPORT, copy_store.record_copy, kind, item_ids,
                     audience, dest, scope=scope, label=label, generation=generation)


def write_edition(archive: Archive, actor: Actor, dest: Path, audience: Audience,
                  lang: str = "es", *, scope: Scope | None = None,
                  progress: ProgressFn | None = None) -> Changes:
    """Write or refresh a read-only reading-room edition for `audience` (under `scope`)
    at `dest`, registered as a copy; `.value` is the EditionReport."""
    from memoria.trust.edition import write_edition as write

    return run_steps(archive, actor, Action.EXPORT, write, dest, audience, scope, lang=lang,
                     progress=progress)
