"""One operation = role check, one transaction, audit under the actor, the Changes.

Every write the CLI or the window makes goes through `run` (one transaction)
or, for a long job made of many transactions (an import), `run_steps`. What
changed is read back from the change feed rows the write itself appended, so
the answer cannot disagree with what other processes will see; its
`generation` is the feed's number at the commit, so a window that has already
read the feed that far does not announce the change a second time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from memoria.domain.changes import Changes
from memoria.operations.actor import Action, Actor, require
from memoria.storage.archive import Archive
from memoria.storage.changes import changes_since, latest_generation
from memoria.storage.db import transaction


@contextmanager
def acting(archive: Archive, actor: Actor) -> Iterator[None]:
    """The audit log records `actor` for everything written meanwhile."""
    before = archive.actor
    archive.actor = actor.name
    try:
        yield
    finally:
        archive.actor = before


def run(archive: Archive, actor: Actor, action: Action,
        fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Changes:
    """`fn(archive, *args)` in one transaction, if the actor may; its result is `.value`."""
    require(actor, action)
    with acting(archive, actor), transaction(archive.conn):
        start = latest_generation(archive)
        value = fn(archive, *args, **kwargs)
        return changes_since(archive, start).with_value(value).at(latest_generation(archive))


def run_steps(archive: Archive, actor: Actor, action: Action,
              fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Changes:
    """A job that commits in several transactions of its own (imports, long checks).

    The answer may include changes other processes made meanwhile: reacting to
    more than one's own changes is harmless, missing one is not.
    """
    require(actor, action)
    with acting(archive, actor):
        start = latest_generation(archive)
        value = fn(archive, *args, **kwargs)
        end = latest_generation(archive)
        return changes_since(archive, start, end).with_value(value).at(end)


Operation = Callable[..., Changes]


def operation_of(fn: Callable[..., Any], action: Action) -> Operation:
    """`fn(archive, *args)` as an operation `(archive, actor, *args) -> Changes`."""
    @wraps(fn)
    def operation(archive: Archive, actor: Actor, *args: Any, **kwargs: Any) -> Changes:
        return run(archive, actor, action, fn, *args, **kwargs)

    return operation
