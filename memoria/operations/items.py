"""Item operations: save an item with its people, places and transcript; add a person.

New people and places are created in the same transaction as the item, so a
failed save leaves no stray authority records.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from memoria.domain.changes import Changes
from memoria.domain.dates import DateParseError, UncertainDate
from memoria.domain.messages import batch_sentence
from memoria.domain.model import Item, Kind, Role, Segment, SegmentDraft
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
kinds_of = item_store.kinds_of
segments_of = item_store.segments_of
media_of = item_store.media_of
get_person = authorities.get_person
person_by_name = authorities.person_by_name
find_people = authorities.find_people
find_subjects = authorities.find_subjects
all_places = authorities.all_places
place_path = authorities.place_path
ItemError = item_store.ItemError
__all__ = ["BatchEdits", "BatchPreview", "FieldCount", "ItemDraft", "ItemError", "PersonRow",
           "accessions_and_titles", "add_person", "all_places", "batch_edit",
           "preview_batch_edit", "count_by_kind", "find_people",
           "find_subjects", "get_item", "get_person", "kinds_of", "person_by_name", "item_history",
           "media_of",
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


def _save(archive: Archive, draft: ItemDraft, note: dict | None = None) -> int:
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
        item_store.update_item(archive, item_id, fields, note)
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


# -- many items at once (issue 15) ------------------------------------------------------
@dataclass
class BatchEdits:
    """What a batch edit does to every selected item, as plain data.

    Lists are added to or removed from; `date_edtf` and `languages` replace
    (None: untouched; "" / [] clears); notes are appended to, or replaced
    when `notes_replace` is not None. Places are (path, id or None), people
    PersonRow (a row to remove matches by id, else by name, and by role).
    """

    add_subjects: list[str] = field(default_factory=list)
    remove_subjects: list[str] = field(default_factory=list)
    add_places: list[tuple[str, int | None]] = field(default_factory=list)
    remove_places: list[tuple[str, int | None]] = field(default_factory=list)
    add_people: list[PersonRow] = field(default_factory=list)
    remove_people: list[PersonRow] = field(default_factory=list)
    date_edtf: str | None = None
    languages: list[str] | None = None
    notes_append: str = ""
    notes_replace: str | None = None

    def empty(self) -> bool:
        return not (self.add_subjects or self.remove_subjects or self.add_places
                    or self.remove_places or self.add_people or self.remove_people
                    or self.date_edtf is not None or self.languages is not None
                    or self.notes_append.strip() or self.notes_replace is not None)


@dataclass(frozen=True)
class FieldCount:
    """For one field of a batch: how many items it changes, how many already had it."""

    change: int = 0
    already: int = 0


@dataclass(frozen=True)
class BatchPreview:
    """What a batch edit would do, read only. `fields` keys: subjects, places, people,
    date, languages, notes. `stamps` (item id -> last saved) goes back to `batch_edit`
    so an item saved elsewhere after the preview is refused, not overwritten."""

    fields: dict[str, FieldCount]
    changing: frozenset[int]
    stamps: dict[int, str]


def _stamp(item: Item) -> str:
    """When the item was last saved and what it held (a second's resolution alone
    would miss two saves in the same second)."""
    held = repr(item_store.ItemFields.from_item(item)).encode("utf-8")
    return f"{item.updated_at}|{hashlib.sha256(held).hexdigest()[:16]}"


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _place_key(archive: Archive, path: str, place_id: int | None) -> int | None:
    if place_id is not None:
        return place_id
    found = authorities.place_by_path(archive, path, create=False)
    return found.id if found else None


def _person_key(archive: Archive, row: PersonRow) -> int | None:
    if row.person_id is not None:
        return row.person_id
    found = authorities.person_by_name(archive, row.name)
    return found.id if found else None


def _edited_draft(archive: Archive, item: Item, edits: BatchEdits,
                  paths: dict[int, str]) -> tuple[ItemDraft, dict[str, bool], dict[str, bool]]:
    """The item as the batch leaves it, as the single editor's draft, and per field
    whether it changes and whether it already was so."""
    changed: dict[str, bool] = {}
    already: dict[str, bool] = {}

    subjects = list(item.subjects)
    have = {_fold(s) for s in subjects}
    adding = [s.strip() for s in edits.add_subjects
              if s.strip() and _fold(s) not in have]
    removing = {_fold(s) for s in edits.remove_subjects}
    kept = [s for s in subjects if _fold(s) not in removing]
    subjects = kept + list(dict.fromkeys(adding))
    if edits.add_subjects or edits.remove_subjects:
        changed["subjects"] = subjects != list(item.subjects)
        already["subjects"] = not changed["subjects"]

    places: list[tuple[str, int | None]] = [(paths.get(p.id, p.name), p.id) for p in item.places]
    ids = {pid for _, pid in places}
    gone = {_place_key(archive, path, pid) for path, pid in edits.remove_places} - {None}
    places = [(path, pid) for path, pid in places if pid not in gone]
    for path, pid in edits.add_places:
        key = _place_key(archive, path, pid)
        if key is None or key not in ids:
            places.append((path, pid if pid is not None else key))
            ids.add(key)  # type: ignore[arg-type]
    if edits.add_places or edits.remove_places:
        changed["places"] = [pid for _, pid in places] != [p.id for p in item.places]
        already["places"] = not changed["places"]

    people = [PersonRow(p.person.name, p.role, p.person.id) for p in item.people]
    pairs = {(row.person_id, row.role) for row in people}
    gone_people = {(_person_key(archive, row), row.role) for row in edits.remove_people}
    people = [row for row in people if (row.person_id, row.role) not in gone_people]
    for row in edits.add_people:
        key = _person_key(archive, row)
        if key is None or (key, row.role) not in pairs:
            people.append(PersonRow(row.name, row.role, key))
            pairs.add((key, row.role))
    if edits.add_people or edits.remove_people:
        changed["people"] = [(r.person_id, r.role) for r in people] != \
            [(p.person.id, p.role) for p in item.people]
        already["people"] = not changed["people"]

    date_edtf = item.date_edtf
    if edits.date_edtf is not None:
        date_edtf = edits.date_edtf.strip() or None
        changed["date"] = date_edtf != item.date_edtf
        already["date"] = not changed["date"]
    languages = list(item.languages)
    if edits.languages is not None:
        languages = list(dict.fromkeys(x.strip().lower() for x in edits.languages if x.strip()))
        changed["languages"] = languages != list(item.languages)
        already["languages"] = not changed["languages"]
    notes = item.notes if edits.notes_replace is None else edits.notes_replace
    addition = edits.notes_append.strip()
    if addition and addition not in notes:  # appending twice adds it once
        notes = f"{notes.rstrip()}\n{addition}" if notes.strip() else addition
    if edits.notes_replace is not None or addition:
        changed["notes"] = notes != item.notes
        already["notes"] = not changed["notes"]

    draft = ItemDraft(
        item_id=item.id, kind=item.kind, accession=item.accession, title=item.title,
        description=item.description, date_edtf=date_edtf, notes=notes, languages=languages,
        places=places, people=people, subjects=subjects, segments=None)
    return draft, changed, already


def _check_batch(archive: Archive, item_ids: list[int], edits: BatchEdits,
                 lang: str) -> list[Item]:
    if not item_ids:
        raise ItemError(batch_sentence("no_items", lang))
    if edits.empty():
        raise ItemError(batch_sentence("nothing", lang))
    if edits.date_edtf and edits.date_edtf.strip():
        try:
            UncertainDate.from_edtf(edits.date_edtf.strip())
        except DateParseError as exc:
            raise ItemError(batch_sentence("bad_date", lang, date=edits.date_edtf,
                                           why=exc.text(lang)), "date") from None
        except ValueError as exc:
            raise ItemError(batch_sentence("bad_date", lang, date=edits.date_edtf,
                                           why=str(exc)), "date") from None
    found = []
    for item_id in item_ids:
        try:
            found.append(item_store.get_item(archive, item_id))
        except ItemError:
            raise ItemError(batch_sentence("unknown_item", lang, id=item_id)) from None
    return found


def _place_paths(archive: Archive, items: Iterable[Item]) -> dict[int, str]:
    return {p.id: " > ".join(x.name for x in authorities.place_path(archive, p.id))
            for item in items for p in item.places}


def preview_batch_edit(archive: Archive, item_ids: Iterable[int], edits: BatchEdits,
                       lang: str = "es") -> BatchPreview:
    """Per field, how many of the items the batch would change and how many already
    had it; reads only. Refuses (ItemError, one sentence in `lang`) as `batch_edit` would."""
    ids = list(dict.fromkeys(item_ids))
    found = _check_batch(archive, ids, edits, lang)
    paths = _place_paths(archive, found)
    counts: dict[str, list[int]] = {}
    changing = set()
    for item in found:
        _draft_, changed, already = _edited_draft(archive, item, edits, paths)
        for name in set(changed) | set(already):
            count = counts.setdefault(name, [0, 0])
            count[0] += changed.get(name, False)
            count[1] += already.get(name, False)
        if any(changed.values()):
            changing.add(item.id)
    return BatchPreview({k: FieldCount(*v) for k, v in counts.items()}, frozenset(changing),
                        {item.id: _stamp(item) for item in found})


def batch_edit(archive: Archive, actor: Actor, item_ids: Iterable[int], edits: BatchEdits,
               stamps: dict[int, str] | None = None) -> Changes:
    """The same edit on every item, in one transaction, through the single save's path
    (validation, new people and places, protected names, the audit: each item's row
    says it was a batch of N). `stamps` from a preview refuse an item saved since.
    `.value` is the number of items changed; `.undo` the step that undoes them all."""
    ids = list(dict.fromkeys(item_ids))
    # One step undoes the whole batch (Edit > Undo: "edit 50 items").
    return undo.run_undoable(archive, actor, Action.EDIT_ITEMS, _batch_edit, ids, edits,
                             stamps, actor.lang, target=undo.items_target(ids),
                             what="batch_edit")


def _batch_edit(archive: Archive, item_ids: list[int], edits: BatchEdits,
                stamps: dict[int, str] | None, lang: str) -> int:
    ids = list(dict.fromkeys(item_ids))
    found = _check_batch(archive, ids, edits, lang)
    for item in found:
        if stamps is not None and item.id in stamps and stamps[item.id] != _stamp(item):
            raise ItemError(batch_sentence("changed_since", lang, acc=item.accession))
    paths = _place_paths(archive, found)
    note = {"batch": {"size": len(ids)}}
    done = 0
    for item in found:
        draft, changed, _already = _edited_draft(archive, item, edits, paths)
        if not any(changed.values()):
            continue
        try:
            _save(archive, draft, note)
        except authorities.AuthorityError as exc:
            bad = next((path for path, _ in edits.add_places), "")
            raise ItemError(batch_sentence("bad_place", lang, place=bad, why=exc)) from None
        done += 1
    return done
