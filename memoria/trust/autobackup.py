"""Rolling automatic copies of the catalogue, like Zotero's zotero.sqlite.bak.

The app calls `rolling_backup` when an archive is opened and closed. Each
call leaves one consistent snapshot (SQLite backup API) in
backups/auto/catalogue-<UTC stamp>.sqlite and keeps only the newest `keep`,
so a mistaken bulk edit or a damaged catalogue can be undone from a recent
copy without filling the disk. Media are not copied here: originals never
change, and `memoria backup` is the full backup.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from memoria.storage.archive import Archive
from memoria.storage.db import backup_to

AUTO_DIR = "backups/auto"
PREFIX = "catalogue-"


def auto_backups(archive: Archive) -> list[Path]:
    """Existing automatic copies, oldest first (the stamp sorts as time)."""
    folder = archive.root / AUTO_DIR
    return sorted(folder.glob(f"{PREFIX}*.sqlite")) if folder.is_dir() else []


def rolling_backup(archive: Archive, keep: int = 5) -> Path:
    """Snapshot the catalogue now and prune all but the newest `keep` copies."""
    if keep < 1:
        raise ValueError("keep must be at least 1")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest = archive.root / AUTO_DIR / f"{PREFIX}{stamp}.sqlite"
    part = dest.with_suffix(".part")
    backup_to(archive.conn, part, key=archive.catalogue_key())  # encrypted stays encrypted
    part.replace(dest)
    for old in auto_backups(archive)[:-keep]:
        old.unlink(missing_ok=True)
    return dest
