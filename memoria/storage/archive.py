"""One archive is one folder: open it, create it, and keep it to one writer.

    <archive>/catalogue.sqlite  the truth (WAL)
    <archive>/media/            originals by SHA-256, read-only
    <archive>/derived/          thumbnails, access copies (rebuildable)
    <archive>/index/            full-text index (rebuildable)
    <archive>/tmp/              ingest in progress; swept at start-up
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import IO

from memoria.storage import consent_summary, db
from memoria.storage.db import utc_now
from memoria.storage.media_store import sweep_orphans
from memoria.storage.vault import Vault

MEDIA = "media"
DERIVED = "derived"
INDEX = "index"
TMP = "tmp"
LOCKFILE = ".memoria.lock"
MARKER = "memoria-archive.json"  # says what this folder is, for a person browsing it
EDITION_MARKER = "memoria-edition.json"  # a read-only reading-room edition (trust/edition.py)
RESTORING = ".memoria-restoring"  # present while a restore is under way (trust/backup.py)


class ArchiveError(Exception):
    """An archive cannot be opened or created as asked; the message is for a person."""


class ArchiveLocked(ArchiveError):
    """Another Memoria process kept the catalogue busy for longer than we wait."""


class ArchiveDamaged(ArchiveError):
    """The catalogue cannot be read as it is; `sentence(lang)` points to verify and restore."""

    def __init__(self, catalogue: Path, cause: str) -> None:
        self.catalogue, self.cause = catalogue, cause
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str) -> str:
        from memoria.faults import damaged

        return str(damaged(self.catalogue, self.cause, lang))


class RestoreUnfinished(ArchiveError):
    """A folder a restore began and did not finish: it is not an archive yet."""

    def __init__(self, path: Path) -> None:
        self.folder = path
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str) -> str:
        if lang == "en":
            return (f"{self.folder} is a restore that did not finish; it is not an archive "
                    "yet. Run 'memoria restore' into it again (it starts over) or delete it.")
        return (f"{self.folder} es una restauración que no terminó; todavía no es un archivo. "
                "Ejecute 'memoria restore' de nuevo en esa carpeta (empieza otra vez) o "
                "bórrela.")


class _Presence:
    """Says "a Memoria process has this archive open for writing", through an OS lock.

    Every writing process holds a shared lock for its whole life; writers no
    longer exclude each other (SQLite serialises their transactions). The lock
    only decides who may run the start-up sweep of tmp/: a process that can
    take it exclusively is alone, so no other process is halfway through an
    ingest whose staged files the sweep would remove. The OS releases the lock
    if the process dies, so it never goes stale.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = open(path, "a+", encoding="utf-8")  # noqa: SIM115

    def alone(self) -> bool:
        """Take the lock exclusively if nobody else holds it; True if taken."""
        assert self._handle is not None
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(self._handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def share(self) -> None:
        """Hold the lock shared from now on (other writers may join)."""
        assert self._handle is not None
        if sys.platform == "win32":  # no shared locks there: leave it unlocked
            import msvcrt

            with contextlib.suppress(OSError):
                msvcrt.locking(self._handle.fileno(), msvcrt.LK_UNLCK, 1)
            return
        import fcntl

        fcntl.flock(self._handle.fileno(), fcntl.LOCK_SH)

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not worth failing over
        return "unknown"


class Archive:
    """An open archive folder: its catalogue connection, paths and writer lock."""

    def __init__(self, root: Path, conn: sqlite3.Connection, lock: _Presence | None) -> None:
        self.root = root
        self.conn = conn
        self._lock = lock
        self.actor = os.environ.get("MEMORIA_USER") or _user()
        self.today_override: date | None = None  # tests and review tools set "today"
        self.swept: list[str] = []  # what the start-up sweep removed (relative paths)
        self.seal_problems: list[str] = []  # pages changed outside Memoria (storage/seal.py)
        self.held: str | None = None  # lost commits: views beyond custody closed until acknowledged

    # -- opening -----------------------------------------------------------------
    @classmethod
    def create(cls, path: Path) -> Archive:
        path = Path(path).expanduser().absolute()
        if (path / db.CATALOGUE).exists():
            raise ArchiveError(f"{path} is already a Memoria archive.")
        if path.exists() and any(path.iterdir()):
            raise ArchiveError(
                f"{path} is not empty. Choose an empty or new folder for a new archive."
            )
        path.mkdir(parents=True, exist_ok=True)
        for sub in (MEDIA, DERIVED, INDEX, TMP):
            (path / sub).mkdir(exist_ok=True)
        (path / MARKER).write_text(
            json.dumps({"format": "memoria-archive", "created": utc_now()}, indent=2) + "\n",
            encoding="utf-8",
        )
        return cls.open(path, create=True)

    @classmethod
    def open(cls, path: Path, *, writable: bool = True, create: bool = False) -> Archive:
        path = Path(path).expanduser().absolute()
        catalogue = path / db.CATALOGUE
        if not path.is_dir():
            raise ArchiveError(f"There is no archive at {path} (the folder does not exist).")
        if (path / RESTORING).exists():
            raise RestoreUnfinished(path)
        if not create and (path / MARKER).exists() and (
                not catalogue.is_file() or catalogue.stat().st_size == 0):
            # An archive that lost its catalogue: never a new empty one, say how to recover.
            raise ArchiveDamaged(catalogue, "the catalogue file is missing" if not
                                 catalogue.exists() else "the catalogue file is empty")
        if not catalogue.exists() and not create:
            raise ArchiveError(
                f"{path} is not a Memoria archive (it has no {db.CATALOGUE}). "
                "Use 'memoria init' to create one."
            )
        if writable and (path / EDITION_MARKER).exists():
            raise ArchiveError(
                f"{path} is a reading-room edition: it opens read-only, for its audience. "
                "Refresh it from the archive with 'memoria edition'."
            )
        lock = _Presence(path / LOCKFILE) if writable else None
        alone = lock.alone() if lock else False
        try:
            conn = db.connect(catalogue, readonly=not writable, create=create)
            if not create:
                db.check_is_catalogue(conn, catalogue)
            version = db.current_version(conn)
            if version > db.schema_version():
                db.migrate(conn, path)  # raises the "newer Memoria" error
            if writable:
                db.migrate(conn, path)
            elif version < db.schema_version():
                raise ArchiveError(
                    f"{path} needs an upgrade; open it once for writing to upgrade it."
                )
        except db.CatalogueBusy as exc:
            if lock:
                lock.release()
            raise ArchiveLocked(str(exc)) from exc
        except db.CatalogueError as exc:
            if lock:
                lock.release()
            raise ArchiveError(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            if lock:
                lock.release()
            from memoria.faults import is_damage, is_disk_refusal

            if is_damage(exc):
                raise ArchiveDamaged(catalogue, str(exc)) from exc
            if is_disk_refusal(exc):
                raise  # the disk refused (full, read-only): memoria.faults words it
            raise ArchiveError(f"{catalogue} cannot be read as a catalogue: {exc}") from exc
        except BaseException:
            if lock:
                lock.release()
            raise
        archive = cls(path, conn, lock)
        from memoria.storage import seal

        try:
            seal.on_open(archive)  # a changed byte, lost commits: found now, said by verify
        except BaseException as exc:
            archive.close()
            from memoria.faults import is_damage

            if is_damage(exc):
                raise ArchiveDamaged(catalogue, str(exc)) from exc
            raise
        if writable:
            for sub in (MEDIA, DERIVED, INDEX, TMP):
                (path / sub).mkdir(exist_ok=True)
            try:
                if alone:  # nobody else can be halfway through an ingest
                    archive.swept = sweep_orphans(archive)
                    # ... or through a purge's disk part: a killed purge is finished now.
                    from memoria.storage import purge_wipe

                    with contextlib.suppress(OSError, sqlite3.Error):
                        purge_wipe.resume(archive)
                if lock:
                    lock.share()
                # Derived consent rows: built after the migration, refreshed past embargo ends.
                consent_summary.ensure(archive)
            except BaseException:
                archive.close()
                raise
        return archive

    def close(self) -> None:
        from memoria.storage import seal

        try:
            seal.on_close(self)
            self.conn.close()
        finally:
            if self._lock:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers used by the repositories ----------------------------------------
    def is_open(self) -> bool:
        """False once closed (another thread may still hold this object)."""
        try:
            self.conn.execute("SELECT 1")
        except sqlite3.ProgrammingError:
            return False
        return True

    @property
    def writable(self) -> bool:
        return self._lock is not None

    def path(self, relative: str) -> Path:
        return self.root / relative

    @property
    def vault(self) -> Vault:
        """media/, derived/ and tmp/: every read and write of them (storage/vault.py)."""
        made = self.__dict__.get("_vault")
        if made is None:
            made = self.__dict__["_vault"] = Vault(self.root, lambda: getattr(self, "keys", None))
        return made

    def today(self) -> date:
        return self.today_override or date.today()

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def audit(
        self,
        entity_type: str,
        entity_id: int | None,
        action: str,
        details: dict | None = None,
        item_id: int | None = None,
    ) -> None:
        """Append to the audit trail; call inside the transaction that made the change."""
        self.conn.execute(
            "INSERT INTO audit_log (at, actor, entity_type, entity_id, item_id, action, details)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                utc_now(),
                self.actor,
                entity_type,
                entity_id,
                item_id,
                action,
                json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
            ),
        )

    def touch(self, item_id: int | None, kind: str = "items") -> None:
        """Append to the change feed (in the writing transaction): the index and
        every open window, in this process or another, catch up from it.
        `kind` is a `memoria.domain.changes.ChangeKind` value."""
        self.conn.execute("INSERT INTO changes (item_id, kind, at) VALUES (?, ?, ?)",
                          (item_id, str(kind), utc_now()))

    def generation(self) -> int:
        row = self.conn.execute("SELECT MAX(generation) FROM changes").fetchone()
        return int(row[0] or 0)
