"""Reading and finishing catalogue files that are not the open archive's own:
an earlier reading-room edition, a backup's copy. Each opens, does one thing,
and closes; an unreadable file answers as if empty (the caller makes it anew).
`key`: the SQLCipher key of an encrypted catalogue file (None: plain).
"""

from __future__ import annotations

import json
from pathlib import Path

from memoria.storage import driver as sqlite3


def _read_only(catalogue: Path, key: bytes | None = None) -> sqlite3.Connection:
    return sqlite3.connect(f"{catalogue.as_uri()}?mode=ro", uri=True, key=key)


def setting_json(catalogue: Path, key: str, db_key: bytes | None = None) -> dict:
    """A JSON object kept in a catalogue's settings table, {} when absent or unreadable."""
    try:
        conn = _read_only(catalogue, db_key)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
        return json.loads(row[0]) if row else {}
    except (sqlite3.Error, ValueError):
        return {}


def accessions(catalogue: Path, key: bytes | None = None) -> set[str]:
    """Every item's accession number in a catalogue file (empty when unreadable)."""
    try:
        conn = _read_only(catalogue, key)
        try:
            return {r[0] for r in conn.execute("SELECT accession FROM items")}
        finally:
            conn.close()
    except sqlite3.Error:
        return set()


def blobs_by_path(catalogue: Path, key: bytes | None = None) -> list[tuple[str, str, int]]:
    """(sha256, relative path, size) of every original a catalogue file records."""
    conn = _read_only(catalogue, key)
    try:
        return [(r[0], r[1], r[2]) for r in conn.execute(
            "SELECT sha256, path, size FROM blobs ORDER BY path")]
    finally:
        conn.close()


def make_self_contained(catalogue: Path, key: bytes | None = None) -> None:
    """One file a read-only Memoria can open: no WAL beside it, no free pages."""
    conn = sqlite3.connect(str(catalogue), isolation_level=None, key=key)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM")
    finally:
        conn.close()
