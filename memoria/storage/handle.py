"""`ArchiveHandle`: what the storage modules that `Archive` itself calls need of it.

`Archive.open` and `close` run consent summaries, the orphan sweep, the seal, purge
and trash recovery; those modules take the open archive back as an argument. Typing
that argument as `Archive` made a type-only import cycle through archive.py; this
Protocol names the part they use instead (an `Archive` is one), so they import
nothing from archive.py. Types only: nothing here runs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from memoria.storage import driver as sqlite3
from memoria.storage.vault import Vault


class ArchiveHandle(Protocol):
    root: Path
    conn: sqlite3.Connection
    actor: str
    held: str | None
    seal_problems: list[str]

    @property
    def writable(self) -> bool: ...

    @property
    def vault(self) -> Vault: ...

    def catalogue_key(self) -> bytes | None: ...

    def today(self) -> date: ...

    def setting(self, key: str, default: str | None = None) -> str | None: ...

    def set_setting(self, key: str, value: str) -> None: ...

    def audit(self, entity_type: str, entity_id: int | None, action: str,
              details: dict | None = None, item_id: int | None = None) -> None: ...

    def touch(self, item_id: int | None, kind: str = "items") -> None: ...
