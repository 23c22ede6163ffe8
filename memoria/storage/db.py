"""The catalogue connection and its numbered migrations.

Migrations are `migrations/NNNN_name.sql`, applied in order by
`PRAGMA user_version`, one transaction each. Before any migration of an
existing catalogue, a copy is made with SQLite's backup API, so a failed
upgrade never costs the archive its catalogue.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from memoria.storage import driver as sqlite3

CATALOGUE = "catalogue.sqlite"
APPLICATION_ID = 0x4D454D4F  # "MEMO": tells our catalogue from any other SQLite file


class CatalogueError(Exception):
    """The catalogue cannot be opened as asked; the message is for a person."""


class CatalogueBusy(CatalogueError, sqlite3.OperationalError):
    """Another process kept the catalogue's write lock for longer than we wait
    (still an OperationalError, for code that waits and retries on its own)."""


BUSY_TIMEOUT_MS = 10_000  # how long a writer waits for another process's transaction


def owner_only(path: Path) -> None:
    """Make a file or folder of the archive readable by its owner only (0600 / 0700)."""
    with contextlib.suppress(OSError):  # a file system without modes (FAT): nothing to do
        os.chmod(path, 0o700 if path.is_dir() else 0o600)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _migration_files() -> list[tuple[int, str, str]]:
    found = []
    for entry in resources.files("memoria.storage.migrations").iterdir():
        match = re.fullmatch(r"(\d{4})_(\w+)\.sql", entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    return sorted(found)


def schema_version() -> int:
    """The newest schema this version of Memoria knows."""
    return _migration_files()[-1][0]


def connect(path: Path, *, readonly: bool = False, create: bool = False,
            key: bytes | None = None) -> sqlite3.Connection:
    """Open the catalogue with the pragmas every connection needs.

    Only `create` (memoria init) may make a new file: otherwise a catalogue
    deleted or emptied behind our back is an error, never a new empty archive.
    `key` (an encrypted archive's subkey "catalogue") is set before anything else.
    """
    if not create and (not path.is_file() or path.stat().st_size == 0):
        raise CatalogueError(f"{path} is missing or empty; it was not re-created. "
                             "Restore it from a backup ('memoria restore').")
    mode = "ro" if readonly else ("rwc" if create else "rw")
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode={mode}", uri=True, key=key,
                           isolation_level=None, check_same_thread=False)
    if create:
        owner_only(path)  # SQLite gives the WAL and shared-memory files the same mode
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed import survives a power cut, not just a crash.
        conn.execute("PRAGMA synchronous = FULL")
        # Only our own checkpoints change the file's pages: each re-seals them (seal.py).
        conn.execute("PRAGMA wal_autocheckpoint = 0")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error.

    Nested use becomes a savepoint, so a repository function can be called
    both on its own and inside a larger unit of work (an import).
    """
    if conn.in_transaction:
        conn.execute("SAVEPOINT nested")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO nested")
            conn.execute("RELEASE nested")
            raise
        conn.execute("RELEASE nested")
        return
    begin(conn)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    _after_commit(conn)


_AFTER_COMMIT: dict[int, Callable[[], None]] = {}  # id(conn) -> the seal's counter (seal.py)


def register_after_commit(conn: sqlite3.Connection, hook: Callable[[], None]) -> None:
    _AFTER_COMMIT[id(conn)] = hook


def unregister_after_commit(conn: sqlite3.Connection) -> None:
    _AFTER_COMMIT.pop(id(conn), None)


def _after_commit(conn: sqlite3.Connection) -> None:
    hook = _AFTER_COMMIT.get(id(conn))
    if hook is not None:
        hook()


def begin(conn: sqlite3.Connection) -> None:
    """Take the write lock for one transaction, waiting for other writers a while.

    Writers in other processes (the window, the command line) take turns here;
    if one holds the lock past BUSY_TIMEOUT_MS, say so instead of failing obscurely.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        busy = CatalogueBusy(
            f"The archive is busy: another Memoria program has been writing to it for more "
            f"than {BUSY_TIMEOUT_MS // 1000} seconds. Try again when it has finished.")
        # SQLite's own code travels along, so memoria.faults words it in the person's
        # language ("the catalogue is busy in another Memoria process...").
        busy.sqlite_errorcode = getattr(exc, "sqlite_errorcode", sqlite3.SQLITE_BUSY)
        busy.sqlite_errorname = getattr(exc, "sqlite_errorname", "SQLITE_BUSY")
        raise busy from exc


def structure_problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """What SQLite's structural check finds wrong (empty: sound); `quick` skips the
    index-content comparison. Raises sqlite3.DatabaseError when it cannot run."""
    lines = [row[0] for row in conn.execute(
        "PRAGMA quick_check" if quick else "PRAGMA integrity_check")]
    return [] if lines == ["ok"] else lines


def broken_links(conn: sqlite3.Connection) -> list[tuple[str, int, str]]:
    """(table, row id, table it points to) for each foreign key pointing nowhere."""
    return [(row[0], row[1], row[2]) for row in conn.execute("PRAGMA foreign_key_check")]


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_is_catalogue(conn: sqlite3.Connection, path: Path) -> None:
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        from memoria.faults import is_damage

        if not is_damage(exc):
            raise  # the disk refused (full, unreadable): not a verdict on the file
        raise CatalogueError(f"{path} is not a Memoria catalogue ({exc}).") from exc
    if app_id != APPLICATION_ID:
        raise CatalogueError(f"{path} is an SQLite file, but not a Memoria catalogue.")


def backup_to(conn: sqlite3.Connection, dest: Path, key: bytes | None = None) -> Path:
    """A consistent copy of a live catalogue (SQLite's backup API, not a file copy).

    An encrypted catalogue copies only into a keyed target (`key`: the same key
    or another one); SQLCipher refuses an unkeyed one, so no copy is ever plain.
    """
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT, 0o600)  # owner-only before any byte
    os.close(fd)
    target = sqlite3.connect(str(dest), key=key)
    try:
        conn.backup(target)
        # A copy stands alone: no WAL, so reading it later writes nothing beside it.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    return dest


def migrate(conn: sqlite3.Connection, archive_root: Path, key: bytes | None = None) -> list[int]:
    """Bring the catalogue up to the newest schema; return the versions applied."""
    version = current_version(conn)
    newest = schema_version()
    if version > newest:
        raise CatalogueError(
            f"This archive was written by a newer Memoria (schema {version}; "
            f"this version knows up to {newest}). Update Memoria to open it."
        )
    pending = [m for m in _migration_files() if m[0] > version]
    if pending and version > 0:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup_to(conn, archive_root / "backups" / f"catalogue-v{version}-{stamp}.sqlite",
                  key=key)
    applied = []
    for number, _name, sql in pending:
        # executescript would commit on its own; run the statements inside our
        # own transaction so a migration is applied whole or not at all.
        begin(conn)
        try:
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number:d}")
            if number == 1:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(number)
    return applied


def _split_sql(script: str) -> Iterator[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if statement:
                yield statement
            buffer = ""
    if buffer.strip():
        raise CatalogueError(f"Incomplete SQL statement in a migration: {buffer[:60]!r}")
