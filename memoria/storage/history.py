"""An item's history, read from the append-only audit log (no Qt here).

The item editor's history tab and any report share this one query, so the
shape of an audit entry is decided in one place.
"""

from __future__ import annotations

import json

from memoria.domain.model import AuditEntry
from memoria.storage.archive import Archive


def item_history(archive: Archive, item_id: int) -> list[AuditEntry]:
    """Every audited change that concerns the item, oldest first."""
    rows = archive.conn.execute(
        "SELECT * FROM audit_log WHERE item_id = ? ORDER BY id", (item_id,)
    ).fetchall()
    return [
        AuditEntry(
            id=r["id"], at=r["at"], actor=r["actor"], entity_type=r["entity_type"],
            entity_id=r["entity_id"], item_id=r["item_id"], action=r["action"],
            details=_details(r["details"]),
        )
        for r in rows
    ]


def last_archive_event(archive: Archive, action: str) -> tuple[str, dict] | None:
    """(when, details) of the newest archive-wide audit event of that action, or None."""
    row = archive.conn.execute(
        "SELECT at, details FROM audit_log WHERE entity_type = 'archive' AND action = ?"
        " ORDER BY id DESC LIMIT 1", (action,)).fetchone()
    return (row[0], _details(row[1])) if row else None


def person_item_ids(archive: Archive, person_id: int) -> list[int]:
    """The items a person appears on, in accession order.

    Consent is recorded per person over their items, so the consent editor
    needs this list; it lives beside the history query to keep SQL out of Qt.
    """
    rows = archive.conn.execute(
        "SELECT DISTINCT i.id FROM items i JOIN item_people ip ON ip.item_id = i.id"
        " WHERE ip.person_id = ? ORDER BY i.kind, i.accession",
        (person_id,),
    )
    return [int(r[0]) for r in rows]


def _details(text: str | None) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {"text": text}
    return value if isinstance(value, dict) else {"value": value}
