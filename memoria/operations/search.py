"""Saved searches: each kept for the audience it was made as."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from memoria.domain.changes import Changes
from memoria.domain.consent import Audience
from memoria.operations.actor import Action, Actor
from memoria.operations.unit import run
from memoria.storage import saved_searches
from memoria.storage.archive import Archive
from memoria.storage.saved_searches import SavedSearch, SavedSearchError

__all__ = ["SavedSearch", "SavedSearchError", "delete", "get", "list_saved", "save"]

list_saved = saved_searches.list_saved
get = saved_searches.get


def save(archive: Archive, actor: Actor, name: str, query: str, audience: Audience,
         filters: Mapping[str, Sequence[str]]) -> Changes:
    """Keep a search under a name; `.value` is its id."""
    return run(archive, actor, Action.SAVE_SEARCH, saved_searches.save, name, query, audience,
               filters)


def delete(archive: Archive, actor: Actor, saved_id: int) -> Changes:
    return run(archive, actor, Action.SAVE_SEARCH, saved_searches.delete, saved_id)
