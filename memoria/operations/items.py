"""Item operations: save an item with its people, places and transcript; add a person.

New people and places are created in the same transaction as the item, so a
failed save leaves no stray authority records.
"""

from __future__ import annotations

from dataclasses import dataclass

from memoria.domain.changes import Changes
from memoria.domain.model import Kind, Role, Segment, SegmentDraft
from memoria.operations import undo
from memoria.operations.actor import Action, Actor
from memoria.operations.unit import run
from memoria.storage import authorities
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.storage.history import item_history, person_item_ids

# What the editors read about items, people and places (the window imports no storage).
get_item = item_store.get_item
accessions_and_titles = item_store.accessions_and_titles
count_by_kind = item_store.count_by_kind
segments_of = item_store.segments_of
media_of = item_store.media_of
get_person = authorities.get_person
person_by_name = authorities.person_by_name
find_people = authorities.find_people
find_subjects = authorities.find_subjects
all_places = authorities.all_places
place_path = authorities.place_path
ItemError = item_store.ItemError
__all__ = ["ItemDraft", "ItemError", "PersonRow", "accessions_and_titles", "add_person",
           "all_places", "count_by_kind", "find_people",
           "find_subjects", "get_item", "get_person", "person_by_name", "item_history", "media_of",
           "person_item_ids", "place_path", "save", "segments_of"]


@dataclass(frozen=True)
class PersonRow:
    name: str
    role: Role
    person_id: int | None  # None: look up or create by name when saving


@dataclass
class ItemDraft:
    """Everything a save needs, as plain data (no widgets cross threads)."""

    item_id: int | None
    kind: Kind
    accession: str
    title: str
    description: str
    date_edtf: str | None
    notes: str
    languages: list[str]
    places: list[tuple[str, int | None]]
    people: list[PersonRow]
    subjects: list[str]
    segments: list[Segment | SegmentDraft] | None  # None: transcript untouched


def save(archive: Archive, actor: Actor, draft: ItemDraft) -> Changes:
    """Create or update the item; `.value` is its id. An update answers the step that
    undoes it (`.undo`: the description, and the transcript when it was saved)."""
    if draft.item_id is None:
        return run(archive, actor, Action.EDIT_ITEMS, _save, draft)
    return undo.run_undoable(
        archive, actor, Action.EDIT_ITEMS, _save, draft, what="edit",
        target=undo.items_target([draft.item_id], transcript=draft.segments is not None))


def _save(archive: Archive, draft: ItemDraft) -> int:
    place_ids = []
    for path, place_id in draft.places:
        if place_id is None:
            place = authorities.place_by_path(archive, path)
            place_id = place.id if place else None
        if place_id is not None:
            place_ids.append(place_id)
    people: list[tuple[int, Role]] = [
        (row.person_id if row.person_id is not None
         else authorities.get_or_add_person(archive, row.name).id, row.role)
        for row in draft.people
    ]
    fields = item_store.ItemFields(
        kind=draft.kind, title=draft.title, description=draft.description,
        date_edtf=draft.date_edtf, notes=draft.notes, languages=draft.languages,
        place_ids=place_ids, people=people, subjects=draft.subjects,
    )
    if draft.item_id is None:
        item_id = item_store.create_item(archive, fields, draft.accession or None)
    else:
        item_id = draft.item_id
        item_store.update_item(archive, item_id, fields)
    if draft.segments is not None:
        item_store.save_segments(archive, item_id, draft.segments)
    return item_id


def add_person(archive: Archive, actor: Actor, item_id: int, name: str) -> Changes:
    """The person (found or added by name) joins the item as its narrator, or as
    depicted on a photograph; `.value` is the person's id."""
    return run(archive, actor, Action.EDIT_ITEMS, _add_person, item_id, name)


def _add_person(archive: Archive, item_id: int, name: str) -> int:
    person = authorities.get_or_add_person(archive, name)
    item = item_store.get_item(archive, item_id)
    fields = item_store.ItemFields.from_item(item)
    role = Role.DEPICTED if item.kind is Kind.PHOTOGRAPH else Role.NARRATOR
    if (person.id, role) not in fields.people:
        fields.people.append((person.id, role))
        item_store.update_item(archive, item_id, fields)
    return person.id
