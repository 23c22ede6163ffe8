"""What "the archive is consistent" means after a fault, and a small disk to fill.

`consistency_problems` is the check every fault test and the stress command
run after a full disk or a kill: SQLite's own checks, every catalogued
original present with its hash, nothing stray in media/ or tmp/, `verify`
clean, and the audit log agreeing with the catalogue (each item's creation
audited, each consent's status the one its last event recorded).

`SmallDisk` mounts a tmpfs of a few megabytes (root only; tests skip without
it) and fills it to leave an exact number of bytes free.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from memoria.storage.archive import Archive


def catalogue_and_files_problems(archive: Archive) -> list[str]:
    """SQLite's own checks, every catalogued original present with its hash,
    nothing stray in media/ or tmp/ (shared with `crash_stress`)."""
    from memoria.trust.fixity import catalogue_problems, media_on_disk, sha256_of

    integrity, fks = catalogue_problems(archive)
    problems = integrity + fks
    rows = archive.conn.execute("SELECT sha256, path FROM blobs").fetchall()
    for sha, rel in rows:
        path = archive.root / rel
        if not path.is_file():
            problems.append(f"catalogued original missing: {rel}")
        elif sha256_of(path) != sha:
            problems.append(f"catalogued original has the wrong hash: {rel}")
    stray = media_on_disk(archive.root) - {r[1] for r in rows}
    problems += [f"orphan in media/: {p}" for p in sorted(stray)]
    left = sorted(p.name for p in (archive.root / "tmp").iterdir())
    problems += [f"left in tmp/: {n}" for n in left]
    return problems


def consistency_problems(archive_path: Path) -> list[str]:
    """Reopen the archive (its start-up sweep runs) and list every inconsistency."""
    from memoria.storage.archive import Archive

    with Archive.open(archive_path) as archive:
        problems = catalogue_and_files_problems(archive)
        q = archive.conn.execute
        problems += [f"debris: {p.name}" for p in archive.root.iterdir()
                     if p.name.endswith((".part", ".building"))]
        for (item_id,) in q("SELECT id FROM items WHERE id NOT IN (SELECT entity_id FROM "
                            "audit_log WHERE entity_type = 'item' AND action IN "
                            "('create', 'import_bag'))"):
            problems.append(f"item {item_id} has no creation in the audit log")
        for cid, status, last in q(
                "SELECT c.id, c.status, (SELECT e.status FROM consent_events e WHERE "
                "e.consent_id = c.id ORDER BY e.id DESC LIMIT 1) FROM consents c"):
            if status != last:
                problems.append(f"consent {cid} is {status} but its last event says {last}")
        for (cid,) in q("SELECT id FROM consents WHERE id NOT IN (SELECT entity_id FROM "
                        "audit_log WHERE entity_type = 'consent')"):
            problems.append(f"consent {cid} is not in the audit log")
        for (eid, cid) in q("SELECT e.id, e.consent_id FROM consent_events e WHERE NOT EXISTS "
                            "(SELECT 1 FROM audit_log a WHERE a.entity_type = 'consent' AND "
                            "a.entity_id = e.consent_id AND a.action = e.action)"):
            problems.append(f"consent event {eid} of consent {cid} is not audited")
    return problems


def one_person_consenting_everywhere(archive: Archive) -> int:
    """Add a narrator to every item, each with its own granted consent record
    (so a withdrawal touches many records); return the person's id."""
    from memoria.domain.model import ConsentStatus, Scope
    from memoria.storage import authorities, consents

    person = authorities.add_person(archive, "Persona de Prueba")
    ids = [r[0] for r in archive.conn.execute("SELECT id FROM items ORDER BY id")]
    for item_id in ids:
        archive.conn.execute("INSERT INTO item_people (item_id, person_id, role) "
                             "VALUES (?, ?, 'narrator')", (item_id, person.id))
        consents.record_consent(archive, person.id, [item_id],
                                consents.ConsentTerms(ConsentStatus.GRANTED, {Scope.RESEARCH}))
    return person.id


class SmallDisk:
    """A tmpfs of `size` bytes at `mountpoint`; `leave(n)` fills it to leave n bytes free."""

    def __init__(self, mountpoint: Path, size: int = 16 * 1024 * 1024) -> None:
        self.mountpoint = mountpoint
        self.size = size
        self.filler = mountpoint / ".filler"

    def mount(self) -> bool:
        self.mountpoint.mkdir(parents=True, exist_ok=True)
        if os.name != "posix" or os.geteuid() != 0:
            return False
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={self.size}", "tmpfs",
                               str(self.mountpoint)], capture_output=True, check=False)
        return done.returncode == 0

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.mountpoint)], capture_output=True, check=False)

    def free(self) -> int:
        st = os.statvfs(self.mountpoint)
        return st.f_bavail * st.f_frsize

    def leave(self, free_bytes: int) -> None:
        """Fill the disk so that about `free_bytes` remain (tmpfs counts whole pages)."""
        self.unfill()
        want = self.free() - free_bytes
        if want <= 0:
            return
        with open(self.filler, "wb") as out:
            chunk = b"\0" * (1 << 20)
            while want > 0:
                try:
                    want -= out.write(chunk[:min(want, len(chunk))])
                except OSError:
                    break
            with contextlib.suppress(OSError):
                out.flush()

    def unfill(self) -> None:
        self.filler.unlink(missing_ok=True)
