"""Exhibit operations: the exhibit, its sections and entries.

Each is the store function of the same name run as one operation (role
check, one transaction, audit under the actor, Changes of kind `exhibits`),
so the window and the command line edit exhibits the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from memoria.domain.changes import Changes
from memoria.domain.model import Scope
from memoria.operations import undo
from memoria.operations.actor import Action, Actor
from memoria.operations.unit import Operation, operation_of, run_steps
from memoria.storage import exhibit_sections as sections
from memoria.storage import exhibits as store
from memoria.storage import undo_states
from memoria.storage.archive import Archive

EDIT = Action.EDIT_EXHIBITS

# What the exhibit editor reads (the window imports no storage).
ExhibitError = store.ExhibitError
get_exhibit = store.get_exhibit
list_exhibits = store.list_exhibits
exhibits_using_item = store.exhibits_using_item

create = operation_of(store.create_exhibit, EDIT)  # .value: the new exhibit's id


def _undoable(fn: Callable[..., Any], what: str,
              exhibit_of: Callable[..., int]) -> Operation:
    """A structural edit as an operation that answers the step undoing it (`.undo`: the
    exhibit's sections and entries as they were)."""
    @wraps(fn)
    def operation(archive: Archive, actor: Actor, *args: Any, **kwargs: Any) -> Changes:
        return undo.run_undoable(
            archive, actor, EDIT, fn, *args, what=what, **kwargs,
            target=lambda a: undo.exhibit_target(exhibit_of(a, args[0])))

    return operation


def _exhibit(_archive: Archive, exhibit_id: int) -> int:
    return exhibit_id


_section, _entry = undo_states.exhibit_of_section, undo_states.exhibit_of_entry


def update(archive: Archive, actor: Actor, exhibit_id: int, **texts: str) -> Changes:
    """Change the exhibit's texts or scope; `.undo` puts back what they were."""
    return undo.run_undoable(archive, actor, EDIT, store.update_exhibit, exhibit_id,
                             what="update_texts", target=undo.exhibit_texts_target(exhibit_id),
                             **texts)


add_section = _undoable(store.add_section, "add_section", _exhibit)
update_section = _undoable(sections.update_section, "update_section", _section)
move_section = _undoable(sections.move_section, "move_section", _section)
remove_section = _undoable(sections.remove_section, "remove_section", _section)
add_entry = _undoable(store.add_entry, "add_entry", _exhibit)
update_entry = _undoable(store.update_entry, "update_entry", _entry)
move_entry = _undoable(store.move_entry, "move_entry", _entry)
relocate_entry = _undoable(sections.relocate_entry, "move_entry", _entry)
retarget_entry = _undoable(sections.retarget_entry, "update_entry", _entry)
remove_entry = _undoable(store.remove_entry, "remove_entry", _entry)
place_items = _undoable(sections.place_items, "add_entry", _exhibit)


def add_entry_in_section(archive: Archive, actor: Actor, exhibit_id: int, item_id: int,
                         section_title: str | None = None, **entry: Any) -> Changes:
    """An entry at the end of the section of that title (made if missing), or of the
    last section; `.value` is the entry's id."""
    def job(archive: Archive) -> int:
        section_id = None
        if section_title:
            section_id = (store.section_by_title(archive, exhibit_id, section_title)
                          or store.add_section(archive, exhibit_id, section_title))
        return store.add_entry(archive, exhibit_id, item_id, section_id=section_id, **entry)

    return undo.run_undoable(archive, actor, EDIT, job, what="add_entry",
                             target=undo.exhibit_target(exhibit_id))


def export(archive: Archive, actor: Actor, exhibit_id: int, dest: Path, *,
           scope: Scope | None = None, kiosk: bool = False, idle_minutes: int = 3,
           progress: Callable[[int, int, str], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> Changes:
    """The static exhibit in `dest`, registered as a copy; `.value` is the ExportResult."""
    from memoria.exhibits.export import export_exhibit

    return run_steps(archive, actor, Action.EXPORT, export_exhibit, exhibit_id, dest,
                     scope=scope, kiosk=kiosk, idle_minutes=idle_minutes, progress=progress,
                     cancelled=cancelled)
