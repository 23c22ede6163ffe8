"""The trash: move items to it, restore them, empty it (custodians only, Action.DELETE).

An item in the trash leaves every path out at once (memoria.storage.trash says
how) and comes back whole with `restore`. `empty_trash` is a recorded deletion
from the live archive: the audit log keeps what was deleted and by whom (it is
not a purge, memoria.operations.purge, which answers a person's request to be
forgotten and keeps only a tombstone). Its catalogue part is one transaction;
the files of originals nothing else references are removed after it (the
purge's own file removal), and a kill meanwhile is finished at the next open.
Backups and automatic catalogue copies are not touched: they keep the items
until their generations expire.

Sentences: memoria.domain.trash_messages.trash_sentence (es/en).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from memoria.domain.changes import Changes
from memoria.domain.trash_messages import trash_sentence
from memoria.operations.actor import Action, Actor, require
from memoria.operations.unit import run
from memoria.storage import items as item_store
from memoria.storage import trash as store
from memoria.storage.archive import Archive
from memoria.storage.driver import Error as DriverError
from memoria.storage.trash import TrashEntry

__all__ = ["Emptied", "TrashEntry", "TrashError", "count", "empty_trash", "entries",
           "move_to_trash", "preview_empty", "resolve", "restore"]


class TrashError(ValueError):
    """A trash request that cannot be done as asked: one sentence in the actor's language."""

    def __init__(self, code: str, lang: str = "es", **values: object) -> None:
        self.code, self.values = code, values
        super().__init__(trash_sentence(code, lang, **values))

    def sentence(self, lang: str) -> str:
        return trash_sentence(self.code, lang, **self.values)


@dataclass(frozen=True)
class Emptied:
    """What emptying the trash deleted."""

    item_ids: tuple[int, ...]
    originals: int  # originals no other item or consent form used: their files removed
    files_left: int  # of those, still on disk after a failure (removed at the next open)


def resolve(archive: Archive, actor: Actor, refs: Iterable[str]) -> list[int]:
    """Item ids from what a person typed (accession numbers or ids), trashed or not."""
    ids = []
    for ref in refs:
        try:
            ids.append(item_store.resolve_item(archive, str(ref).strip()))
        except item_store.ItemError:
            raise TrashError("no_item", actor.lang, item=ref) from None
    if not ids:
        raise TrashError("no_items", actor.lang)
    return ids


def entries(archive: Archive, actor: Actor) -> list[TrashEntry]:
    """The trash, most recently trashed first (custodians only)."""
    require(actor, Action.DELETE)
    return store.entries(archive)


def count(archive: Archive) -> int:
    """How many items the trash holds (the sidebar's number)."""
    return store.count(archive)


def trashed_ids(archive: Archive) -> set[int]:
    return store.trashed_ids(archive)


def move_to_trash(archive: Archive, actor: Actor, ids: Iterable[int]) -> Changes:
    """Move items to the trash in one audited transaction; `.value` is the ids moved
    (items already there are left as they are)."""
    return run(archive, actor, Action.DELETE, store.put, list(ids))


def restore(archive: Archive, actor: Actor, ids: Iterable[int]) -> Changes:
    """Bring items back from the trash in one audited transaction; `.value` the ids."""
    wanted = list(ids)
    require(actor, Action.DELETE)
    missing = sorted(set(wanted) - store.trashed_among(archive, wanted))
    if missing:
        raise TrashError("not_in_trash", actor.lang,
                         item=_name(archive, missing[0]))
    return run(archive, actor, Action.DELETE, store.take_out, wanted)


def preview_empty(archive: Archive, actor: Actor,
                  ids: Iterable[int] | None = None) -> tuple[int, int]:
    """(items, originals) emptying the trash (or those of `ids` in it) would delete."""
    require(actor, Action.DELETE)
    items, blobs = store.plan(archive, None if ids is None else list(ids))
    return len(items), len(blobs)


def empty_trash(archive: Archive, actor: Actor, ids: Iterable[int] | None = None) -> Changes:
    """Delete the trashed items (all, or those of `ids`) from the live archive: the
    catalogue rows in one audited transaction, then the files of originals nothing
    else references. `.value` is an Emptied."""
    changes = run(archive, actor, Action.DELETE, store.delete,
                  None if ids is None else list(ids))
    deleted, originals = changes.value
    try:
        left = store.finish_wipe(archive)
    except (OSError, DriverError):  # a busy disk or catalogue: the next open finishes it
        left = len(store.pending_files(archive))
    return changes.with_value(Emptied(tuple(deleted), originals, left))


def _name(archive: Archive, item_id: int) -> str:
    found = item_store.accessions_and_titles(archive, [item_id])
    return found[item_id][0] if item_id in found else str(item_id)
