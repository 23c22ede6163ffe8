"""What a change touched: the answer every write gives, and what the change feed says.

A write names the items it touched and the kinds of change; the window and
the search index react to that answer (reload these rows, re-index these
items) instead of guessing. The same value is read back from the catalogue's
change feed, so a change made by another process looks exactly the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any


class ChangeKind(StrEnum):
    ITEMS = "items"  # an item's description, people, places, subjects
    CONSENT = "consent"  # who may see what changed
    MEDIA = "media"  # files added, blurred, anonymised
    TRANSCRIPT = "transcript"  # segments, redactions
    EXHIBITS = "exhibits"  # exhibits, sections, entries
    COPIES = "copies"  # the register of copies outside custody, its recall queue
    SEARCHES = "searches"  # saved searches


#: Kinds whose feed rows may name no item without touching every item.
NO_ITEM_KINDS = frozenset({ChangeKind.EXHIBITS, ChangeKind.COPIES, ChangeKind.SEARCHES})


@dataclass(frozen=True)
class Changes:
    """Items touched and kinds of change; `everything` when a change has no item list.

    `value` carries what an operation made (a new item's id, a consent id), so
    one answer says both what was made and what the rest of the window must redo.
    `generation` is the change feed's newest number when the operation finished
    (0: unknown): a window that has read the feed that far has already heard it.
    """

    item_ids: frozenset[int] = frozenset()
    kinds: frozenset[ChangeKind] = frozenset()
    everything: bool = False
    value: Any = field(default=None, compare=False)
    # What undoes it (memoria.operations.undo.Step), for an operation that can be undone.
    undo: Any = field(default=None, compare=False)
    generation: int = field(default=0, compare=False)

    def __bool__(self) -> bool:
        return bool(self.item_ids or self.kinds or self.everything)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.item_ids | other.item_ids, self.kinds | other.kinds,
                       self.everything or other.everything,
                       self.value if self.value is not None else other.value,
                       self.undo if self.undo is not None else other.undo,
                       max(self.generation, other.generation))

    def with_value(self, value: Any) -> Changes:
        return replace(self, value=value)

    def with_undo(self, undo: Any) -> Changes:
        return replace(self, undo=undo)

    def at(self, generation: int) -> Changes:
        """The same answer, committed at change number `generation`."""
        return replace(self, generation=generation)

    def touches(self, kind: ChangeKind) -> bool:
        return self.everything or kind in self.kinds

    @property
    def affected_items(self) -> set[int]:
        """The ids for `catalogueChanged`: an empty set means "anything may have changed"."""
        return set() if self.everything else set(self.item_ids)


NOTHING = Changes()
