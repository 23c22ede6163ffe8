"""The one SQLite driver every catalogue connection uses: SQLCipher (`sqlcipher3`).

SQLCipher without a key is plain SQLite, so plain catalogues stay readable by
any SQLite tool (Python's own sqlite3 included); with a key every page is
encrypted (AES-256, per-page HMAC). Code that catches `Error`, builds `Row`s or
calls `connect` imports them from here, never from the standard `sqlite3`
(whose exception classes are other classes): write `from memoria.storage import
driver as sqlite3` and keep using `sqlite3.Error`.

`connect(..., key=)` runs `PRAGMA key` as the first statement, which SQLCipher
requires; the key is the raw 32-byte subkey "catalogue" (no SQLCipher KDF).
"""

from __future__ import annotations

from typing import Any

from sqlcipher3.dbapi2 import *  # noqa: F403 - the DB-API names, re-exported
from sqlcipher3.dbapi2 import Connection, DatabaseError, Error, OperationalError, Row
from sqlcipher3.dbapi2 import connect as _connect

__all__ = ["Connection", "DatabaseError", "Error", "OperationalError", "Row", "connect",
           "key_pragma"]


def key_pragma(key: bytes) -> str:
    """SQLCipher's raw-key form: the 32 bytes used as the key, no passphrase KDF."""
    if len(key) != 32:
        raise ValueError("a catalogue key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(database: str, *, key: bytes | None = None, **kwargs: Any) -> Connection:
    """sqlcipher3's connect; with `key`, the key is set before anything else runs."""
    conn = _connect(database, **kwargs)
    if key is not None:
        try:
            conn.execute(key_pragma(key))
        except BaseException:
            conn.close()
            raise
    return conn
