"""Exhibit operations: the exhibit, its sections and entries.

Each is the store function of the same name run as one operation (role
check, one transaction, audit under the actor, Changes of kind `exhibits`),
so the window and the command line edit exhibits the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from memoria.domain.changes import Changes
from memoria.domain.model import Scope
from memoria.operations.actor import Action, Actor
from memoria.operations.unit import operation_of, run, run_steps
from memoria.storage import exhibit_sections as sections
from memoria.storage import exhibits as store
from memoria.storage.archive import Archive

EDIT = Action.EDIT_EXHIBITS

# What the exhibit editor reads (the window imports no storage).
ExhibitError = store.ExhibitError
get_exhibit = store.get_exhibit
list_exhibits = store.list_exhibits
exhibits_using_item = store.exhibits_using_item

create = operation_of(store.create_exhibit, EDIT)  # .value: the new exhibit's id
update = operation_of(store.update_exhibit, EDIT)
add_section = operation_of(store.add_section, EDIT)
update_section = operation_of(sections.update_section, EDIT)
move_section = operation_of(sections.move_section, EDIT)
remove_section = operation_of(sections.remove_section, EDIT)
add_entry = operation_of(store.add_entry, EDIT)
update_entry = operation_of(store.update_entry, EDIT)
move_entry = operation_of(store.move_entry, EDIT)
relocate_entry = operation_of(sections.relocate_entry, EDIT)
retarget_entry = operation_of(sections.retarget_entry, EDIT)
remove_entry = operation_of(store.remove_entry, EDIT)
place_items = operation_of(sections.place_items, EDIT)


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

    return run(archive, actor, EDIT, job)


def export(archive: Archive, actor: Actor, exhibit_id: int, dest: Path, *,
           scope: Scope | None = None, kiosk: bool = False, idle_minutes: int = 3,
           progress: Callable[[int, int, str], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> Changes:
    """The static exhibit in `dest`, registered as a copy; `.value` is the ExportResult."""
    from memoria.exhibits.export import export_exhibit

    return run_steps(archive, actor, Action.EXPORT, export_exhibit, exhibit_id, dest,
                     scope=scope, kiosk=kiosk, idle_minutes=idle_minutes, progress=progress,
                     cancelled=cancelled)
