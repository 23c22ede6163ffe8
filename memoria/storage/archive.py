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
import sys
from datetime import date
from pathlib import Path
from typing import IO

from memoria.crypto import keys as keyslots
from memoria.crypto.keys import ArchiveKeys, KdfCost
from memoria.domain.messages import Sentence
from memoria.storage import consent_summary, db
from memoria.storage import driver as sqlite3
from memoria.storage.db import utc_now
from memoria.storage.media_store import sweep_orphans
from memoria.storage.vault import Vault

MEDIA = "media"
DERIVED = "derived"
INDEX = "index"
TMP = "tmp"
LOCKFILE = ".memoria.lock"
# Held shared by every read-only opening of an encrypted archive, so that a key
# rotation can tell that a reader (a window's search, a second window) is open.
READERS_LOCKFILE = ".memoria-readers.lock"
MARKER = "memoria-archive.json"  # says what this folder is, for a person browsing it
EDITION_MARKER = "memoria-edition.json"  # a read-only reading-room edition (trust/edition.py)
RESTORING = ".memoria-restoring"  # present while a restore is under way (trust/backup.py)


class ArchiveError(Exception):
    """An archive cannot be opened or created as asked; the message is for a person."""


class ArchiveLocked(ArchiveError):
    """Another Memoria process kept the catalogue busy for longer than we wait."""


class EncryptionUnderWay(ArchiveLocked):
    """Another process is encrypting this archive right now (`memoria encrypt`)."""

    def __init__(self, path: Path) -> None:
        self.folder = path
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str) -> str:
        if lang == "en":
            return (f"{self.folder} is being encrypted by another Memoria process; wait "
                    "for it to finish.")
        return (f"{self.folder} está siendo cifrado por otro proceso de Memoria; espere a "
                "que termine.")


class ArchiveDamaged(ArchiveError):
    """The catalogue cannot be read as it is; `sentence(lang)` points to verify and restore."""

    def __init__(self, catalogue: Path, cause: str) -> None:
        self.catalogue, self.cause = catalogue, cause
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str) -> str:
        from memoria.faults import damaged

        return str(damaged(self.catalogue, self.cause, lang))


class ArchiveNeedsUnlock(ArchiveError):
    """An encrypted archive (or, for writing, a plain one with accounts) opened without keys."""

    def __init__(self, path: Path, encrypted: bool) -> None:
        self.folder, self.encrypted = path, encrypted
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str) -> str:
        if self.encrypted:
            if lang == "en":
                return (f"{self.folder} is encrypted: unlock it with an account and its "
                        "passphrase (--account, or MEMORIA_ACCOUNT) or with the recovery key.")
            return (f"{self.folder} está cifrado: ábralo con una cuenta y su frase de paso "
                    "(--account, o MEMORIA_ACCOUNT) o con la clave de recuperación.")
        if lang == "en":
            return (f"{self.folder} has accounts: changes need an account and its passphrase "
                    "(--account, or MEMORIA_ACCOUNT).")
        return (f"{self.folder} tiene cuentas: para hacer cambios se necesita una cuenta y su "
                "frase de paso (--account, o MEMORIA_ACCOUNT).")


class KeysMissing(ArchiveError):
    """An encrypted archive whose keys.json is gone: only the recovery key opens it now."""

    def __init__(self, path: Path) -> None:
        self.folder = path
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str) -> str:
        if lang == "en":
            return (f"{self.folder} is encrypted but its key file (keys.json) is missing, so "
                    "no passphrase can open it. Put keys.json back from a backup, or give an "
                    "account a new passphrase with the recovery key: "
                    "'memoria unlock --recovery --account NAME'.")
        return (f"{self.folder} está cifrado pero falta su archivo de claves (keys.json), así "
                "que ninguna frase de paso lo abre. Recupere keys.json de una copia de "
                "seguridad, o dé a una cuenta una nueva frase de paso con la clave de "
                "recuperación: 'memoria unlock --recovery --account NOMBRE'.")


class RotationUnfinished(ArchiveError):
    """A key rotation under way or stopped half-way (keys.json holds its record): only
    `memoria rotate-key` (which continues it) opens the archive until it ends."""

    def __init__(self, path: Path) -> None:
        self.folder = path
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str) -> str:
        if lang == "en":
            return (f"A key rotation of {self.folder} is under way or was interrupted; "
                    "nothing is lost. Wait for it to end, or, if nobody is running it, a "
                    "custodian finishes it with 'memoria rotate-key --account NAME'.")
        return (f"Una rotación de la llave de {self.folder} está en curso o se interrumpió; "
                "no se perdió nada. Espere a que termine o, si nadie la está haciendo, un "
                "custodio la termina con 'memoria rotate-key --account NOMBRE'.")


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


def _rotation_refuses(slots: dict | None) -> bool:
    """A key rotation's first part (done alone) was begun and not finished: only the
    rotation opens the archive. Once its files are being moved, others may open."""
    record = (slots or {}).get("rotation")
    return bool(record) and record.get("phase") != "files"


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
        self._handle: IO[str] | None = open(  # noqa: SIM115 - closed in release()
            path, "a+", encoding="utf-8", opener=lambda p, f: os.open(p, f, 0o600))

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

    @classmethod
    def for_reader(cls, root: Path) -> _Presence | None:
        """The readers' lock, held shared; None where it cannot be had (a folder
        on a read-only medium): a reader is then invisible to a rotation, as before."""
        try:
            presence = cls(root / READERS_LOCKFILE)
            presence.share()
        except OSError:
            return None
        return presence

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

    def __init__(self, root: Path, conn: sqlite3.Connection, lock: _Presence | None,
                 keys: ArchiveKeys | None = None) -> None:
        self.root = root
        self.conn = conn
        self._lock = lock
        self._reading: _Presence | None = None  # the readers' lock (read-only, encrypted)
        self._made_keys: ArchiveKeys | None = None
        # Who unlocked it (plain archives with accounts too); None: no accounts.
        self.account: ArchiveKeys | None = keys if keys is not None and (
            keys.account or keys.encrypted) else None
        # The archive key: None for a plain archive (PROTECT.md).
        self.keys: ArchiveKeys | None = keys if keys is not None and keys.encrypted else None
        self.encrypted = self.keys is not None
        self.recovery_key: str | None = None  # set once by create(encrypt=True), to show
        self.actor = (keys.account if keys is not None and keys.account
                      else os.environ.get("MEMORIA_USER") or _user())
        self.today_override: date | None = None  # tests and review tools set "today"
        # Added to every audit row's details while set: an undo says which change it undoes.
        self.audit_note: dict | None = None
        self.swept: list[str] = []  # what the start-up sweep removed (relative paths)
        self.seal_problems: list[str] = []  # pages changed outside Memoria (storage/seal.py)
        self.held: str | None = None  # lost commits: views beyond custody closed until acknowledged

    # -- opening -----------------------------------------------------------------
    def catalogue_key(self) -> bytes | None:
        """SQLCipher's raw key for this archive's catalogue, None when plain."""
        return self.keys.subkey("catalogue") if self.keys is not None else None

    @classmethod
    def create(cls, path: Path, *, encrypt: bool = False, account: str | None = None,
               passphrase: str | None = None, kdf: KdfCost = KdfCost.DEFAULT) -> Archive:
        """A new archive in an empty or new folder, every file and folder owner-only.

        `encrypt` (needs `account` and `passphrase`: the first custodian) makes an
        encrypted archive; its recovery key is in `archive.recovery_key`, to show
        once. `account` without `encrypt`: a plain archive with a first account.
        """
        path = Path(path).expanduser().absolute()
        if (path / db.CATALOGUE).exists():
            raise ArchiveError(Sentence("already_archive", path=path))
        if path.exists() and any(path.iterdir()):
            raise ArchiveError(Sentence("create_not_empty", path=path))
        if (encrypt or account) and not (account and passphrase):
            raise ValueError("an account and a passphrase are needed")
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        db.owner_only(path)
        for sub in (MEDIA, DERIVED, INDEX, TMP):
            (path / sub).mkdir(exist_ok=True, mode=0o700)
        keys, recovery = None, None
        marker: dict = {"format": "memoria-archive", "created": utc_now(),
                        "encrypted": encrypt}
        if encrypt:
            assert account and passphrase
            keys, recovery = keyslots.new_encrypted(path, account, passphrase, kdf)
            # A copy of the recovery slot (wrapped: useless without the recovery key), so
            # the recovery key still opens the archive, or a copy of it, without keys.json.
            marker["recovery"] = keyslots.recovery_slot(path)
        elif account:
            assert passphrase
            keys = keyslots.new_plain(path, account, passphrase, kdf)
        fd = os.open(path / MARKER, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(marker, indent=2) + "\n")
        archive = cls.open(path, create=True, keys=keys)
        archive.recovery_key = recovery
        return archive

    @classmethod
    def open(cls, path: Path, *, writable: bool = True, create: bool = False,
             keys: ArchiveKeys | None = None, rotating: bool = False,
             check_seal: bool = True) -> Archive:
        """Open an archive; an encrypted one needs `keys` (memoria.crypto.keys.unlock),
        and so does writing to a plain one that has accounts (ArchiveNeedsUnlock).

        `check_seal=False`: a further connection of a process that has already
        opened this archive with the check (a worker thread's reader, the search
        engine's): the check reads every page of the catalogue (0.6 s per GB), and
        doing it per connection made each list reload of a 100,000-item archive
        with hour-long transcripts take over a second.

        While a key rotation is under way (or was stopped), only the rotation itself
        (`rotating`) opens it: a change made meanwhile under the old key could be left
        behind in the catalogue the rotation is replacing."""
        path = Path(path).expanduser().absolute()
        catalogue = path / db.CATALOGUE
        if not path.is_dir():
            raise ArchiveError(Sentence("no_archive", path=path))
        if (path / RESTORING).exists():
            raise RestoreUnfinished(path)
        from memoria.storage import encrypt_journal

        if encrypt_journal.settle(path) == "busy":  # a killed `memoria encrypt`: done or undone
            raise EncryptionUnderWay(path)
        slots = keyslots.read_slots(path)  # None: a plain archive without accounts
        if _rotation_refuses(slots) and not rotating:
            raise RotationUnfinished(path)
        encrypted = bool(slots and slots.get("encrypted"))
        if slots is None and not create and keyslots.marker_recovery_slot(path) is not None:
            raise KeysMissing(path)  # an encrypted archive that lost its keys.json
        if encrypted and (keys is None or not keys.encrypted or keys.forgotten):
            raise ArchiveNeedsUnlock(path, encrypted=True)
        if slots is not None and not encrypted and writable and keys is None:
            raise ArchiveNeedsUnlock(path, encrypted=False)
        if not encrypted and keys is not None and keys.encrypted:
            keys = ArchiveKeys(None, keys.account, keys.role)
        if slots is None:
            keys = None
        previous: ArchiveKeys | None = None
        record = (slots or {}).get("rotation")
        if record and not rotating and keys is not None and keys.encrypted:
            # A rotation moving its files (storage/rotation.py, step 3 on): the catalogue
            # is under N already, files not yet moved are still under O.
            rotated = keyslots.rotation_key(keys, record)
            if rotated is not keys:
                previous, keys = keys, rotated
        key = keys.subkey("catalogue") if encrypted and keys is not None else None
        if not create and (path / MARKER).exists() and (
                not catalogue.is_file() or catalogue.stat().st_size == 0):
            # An archive that lost its catalogue: never a new empty one, say how to recover.
            raise ArchiveDamaged(catalogue, Sentence("catalogue_missing" if not
                                                     catalogue.exists() else "catalogue_empty"))
        if not catalogue.exists() and not create:
            raise ArchiveError(Sentence("not_archive", path=path, name=db.CATALOGUE))
        if writable and (path / EDITION_MARKER).exists():
            raise ArchiveError(Sentence("edition_readonly", path=path))
        lock = _Presence(path / LOCKFILE) if writable else None
        alone = lock.alone() if lock else False
        if lock and not alone:
            lock.share()  # waits out a rotation's brief exclusive hold (storage/rotation.py)
        reading = _Presence.for_reader(path) if encrypted and not writable else None
        if not rotating and (lock or reading):
            # A rotation that began while we waited for the lock wrote its record
            # before letting go of the lock: look again now that we hold ours.
            again = keyslots.read_slots(path)
            if _rotation_refuses(again):
                for held in (lock, reading):
                    if held:
                        held.release()
                raise RotationUnfinished(path)
        try:
            conn = db.connect(catalogue, readonly=not writable, create=create, key=key)
            if not create:
                db.check_is_catalogue(conn, catalogue)
            version = db.current_version(conn)
            if version > db.schema_version():
                db.migrate(conn, path, key=key)  # raises the "newer Memoria" error
            if writable:
                db.migrate(conn, path, key=key)
            elif version < db.schema_version():
                raise ArchiveError(Sentence("needs_upgrade", path=path))
        except db.CatalogueBusy as exc:
            if reading:
                reading.release()
            if lock:
                lock.release()
            raise ArchiveLocked(str(exc)) from exc
        except db.CatalogueError as exc:
            if reading:
                reading.release()
            if lock:
                lock.release()
            raise ArchiveError(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            if reading:
                reading.release()
            if lock:
                lock.release()
            from memoria.faults import is_damage, is_disk_refusal

            if is_damage(exc) and slots and slots.get("rotation"):
                raise RotationUnfinished(path) from exc  # storage/rotation.py
            if is_damage(exc):
                raise ArchiveDamaged(catalogue, str(exc)) from exc
            if is_disk_refusal(exc):
                raise  # the disk refused (full, read-only): memoria.faults words it
            raise ArchiveError(Sentence("unreadable_catalogue", path=catalogue,
                                        cause=str(exc))) from exc
        except BaseException:
            if lock:
                lock.release()
            raise
        archive = cls(path, conn, lock, keys)
        archive._reading = reading
        if previous is not None:
            archive._made_keys = keys  # N: unwrapped here, forgotten at close
            archive.vault.previous = previous
        from memoria.storage import seal

        try:
            seal.on_open(archive, pages=check_seal)  # a changed byte, lost commits:
            # found now, said by verify
        except BaseException as exc:
            archive.close()
            from memoria.faults import is_damage

            if is_damage(exc):
                raise ArchiveDamaged(catalogue, str(exc)) from exc
            raise
        if writable:
            for sub in (MEDIA, DERIVED, INDEX, TMP):
                (path / sub).mkdir(exist_ok=True, mode=0o700)
            try:
                if alone:  # nobody else can be halfway through an ingest
                    archive.swept = sweep_orphans(archive)
                    # ... or through a purge's disk part: a killed purge is finished now.
                    from memoria.storage import purge_wipe

                    with contextlib.suppress(OSError, sqlite3.Error):
                        purge_wipe.resume(archive)
                    # ... or through emptying the trash: its files are removed now.
                    from memoria.storage import trash

                    with contextlib.suppress(OSError, sqlite3.Error):
                        trash.finish_wipe(archive)
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
            if self._reading:
                self._reading.release()
                self._reading = None
            if self._made_keys is not None:
                self._made_keys.forget()
                self._made_keys = None

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
        if self.audit_note:
            details = {**(details or {}), **self.audit_note}
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
        # The same row as changes.append_change (not imported: changes type-hints Archive).
        self.conn.execute("INSERT INTO changes (item_id, kind, at) VALUES (?, ?, ?)",
                          (item_id, str(kind), utc_now()))

    def generation(self) -> int:
        row = self.conn.execute("SELECT MAX(generation) FROM changes").fetchone()
        return int(row[0] or 0)

    def catalogue_version(self) -> tuple[int, int]:
        """A value that differs from an earlier call's whenever something was
        committed to the catalogue in between: by another connection (SQLite's
        data_version) or by this one (total_changes), through the gate or not.
        Unlike ``generation`` it also sees writes that skipped the change feed,
        so what is remembered against it is never older than the catalogue.
        Inside an open transaction of this connection it says nothing about
        what a rollback would undo: remember nothing then."""
        (others,) = self.conn.execute("PRAGMA data_version").fetchone()
        return int(others), self.conn.total_changes
