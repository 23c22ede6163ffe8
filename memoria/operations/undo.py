"""Undo and redo: a change that can be undone answers, with its Changes, the Step that
undoes it (issue 15).

A Step holds what the change replaced, read in the change's own transaction (an
item's description and transcript, an exhibit's sections and entries, or its own
texts and scope), and a digest of what the change left. Applying a step is an operation like any other: the
acting role is checked, it runs in one transaction, the item or exhibit is put back
through the same store code a save uses (validation, subjects, the change feed), and
every audit row it writes says which change it undoes (``undo_of``) or redoes
(``redo_of``): the audit id of the change first made. If what the step covers is no
longer as the change left it (another window or `memoria` changed it since), it is
refused with one sentence and nothing changes. Applying a step answers the opposite
step (`.value`): undo gives the redo, redo the undo.

Consent records are never undone: they are the history of what each person agreed
to (`not_undoable`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from memoria.domain.changes import Changes
from memoria.domain.messages import undo_sentence
from memoria.domain.model import Kind, Role
from memoria.operations.actor import Action, Actor, require
from memoria.operations.unit import acting
from memoria.storage import exhibits as exhibit_store
from memoria.storage import items as item_store
from memoria.storage import undo_states as states
from memoria.storage.archive import Archive, ArchiveError
from memoria.storage.changes import changes_since, latest_generation
from memoria.storage.db import transaction

ITEMS = "items"  # an item's description (and transcript), or several items' (batch edit)
EXHIBIT = "exhibit"  # an exhibit's sections and entries
EXHIBIT_TEXTS = "exhibit_texts"  # an exhibit's own texts (title, subtitle, intro) and scope


class UndoRefused(ArchiveError):
    """A step that can no longer be applied; nothing was changed."""

    def __init__(self, key: str, lang: str, name: str) -> None:
        self.key, self.name = key, name
        super().__init__(undo_sentence(key, lang, name=name))

    def sentence(self, lang: str) -> str:
        return undo_sentence(self.key, lang, name=self.name)


@dataclass(frozen=True)
class Target:
    """What a step covers: items (with or without their transcripts), or one exhibit."""

    subject: str
    ids: tuple[int, ...]
    transcript: bool = False


@dataclass(frozen=True)
class Step:
    target: Target
    what: str  # the change: "edit", "batch_edit", "remove_entry", "move_section", ...
    name: str  # the item's title (one item) or the exhibit's title: for the window's text
    restore: Any  # the state to put back (plain JSON-able data)
    expect: str  # digest of the state the change left: anything else refuses
    origin: int | None  # the audit row of the change first made
    direction: str = "undo"  # what applying it does: "undo" or "redo"

    @property
    def action(self) -> Action:
        return Action.EDIT_ITEMS if self.target.subject == ITEMS else Action.EDIT_EXHIBITS

    @property
    def count(self) -> int:
        return len(self.target.ids)


def items_target(item_ids: Iterable[int], transcript: bool = False) -> Target:
    return Target(ITEMS, tuple(item_ids), transcript)


def exhibit_target(exhibit_id: int) -> Target:
    return Target(EXHIBIT, (exhibit_id,))


def exhibit_texts_target(exhibit_id: int) -> Target:
    return Target(EXHIBIT_TEXTS, (exhibit_id,))


def merged(older: Step, newer: Step) -> Step | None:
    """Two consecutive steps on the same target as one (typing in an exhibit's texts
    saves at each pause: one undo puts back what was there before the first), or None."""
    if older.target != newer.target or older.what != newer.what or \
            older.direction != "undo" or newer.direction != "undo":
        return None
    return replace(older, expect=newer.expect, name=newer.name)


def not_undoable(lang: str = "es") -> str:
    """Why a consent record is not undone (for the window's Undo text, or a refusal)."""
    return undo_sentence("consent", lang)


# -- running a change that can be undone ----------------------------------------------------
def run_undoable(archive: Archive, actor: Actor, action: Action,
                 fn: Callable[..., Any], *args: Any,
                 target: Target | Callable[[Archive], Target], what: str,
                 **kwargs: Any) -> Changes:
    """`fn(archive, *args)` as `unit.run` does it, answering also the Step that undoes
    it (`.undo`; None when it changed nothing of what the target covers)."""
    require(actor, action)
    with acting(archive, actor), transaction(archive.conn):
        start = latest_generation(archive)
        covered = target(archive) if callable(target) else target
        audited = states.last_audit_id(archive)
        before = _read(archive, covered)
        value = fn(archive, *args, **kwargs)
        after = _read(archive, covered)
        changes = changes_since(archive, start).with_value(value)
        if before is None or after is None or _digest(before) == _digest(after):
            return changes
        step = Step(covered, what, _name(archive, covered), before, _digest(after),
                    states.first_audit_after(archive, audited, covered.ids
                                             if covered.subject == ITEMS else ()))
        return changes.with_undo(step)


def apply(archive: Archive, actor: Actor, step: Step) -> Changes:
    """Undo (or redo) `step`; `.value` is the step that reverses this one."""
    require(actor, step.action)
    with acting(archive, actor), transaction(archive.conn):
        start = latest_generation(archive)
        now = _read(archive, step.target)
        if now is None:
            raise UndoRefused("gone", actor.lang, step.name)
        if _digest(now) != step.expect:
            raise UndoRefused(f"changed_{step.direction}", actor.lang, step.name)
        archive.audit_note = {f"{step.direction}_of": step.origin}
        try:
            _write(archive, step)
        finally:
            archive.audit_note = None
        after = _read(archive, step.target)
        assert after is not None
        opposite = replace(step, restore=now, expect=_digest(after),
                           direction="redo" if step.direction == "undo" else "undo")
        return changes_since(archive, start).with_value(opposite)


# -- states --------------------------------------------------------------------------------
def _read(archive: Archive, target: Target) -> Any:
    """The state `target` covers now (None when something it names is gone)."""
    if target.subject == EXHIBIT:
        return states.structure(archive, target.ids[0])
    if target.subject == EXHIBIT_TEXTS:
        return states.exhibit_texts(archive, target.ids[0])
    found = []
    for item_id in target.ids:
        if not states.item_exists(archive, item_id):
            return None
        fields = item_store.ItemFields.from_item(item_store.get_item(archive, item_id))
        found.append({
            "id": item_id,
            "fields": {
                "kind": Kind(fields.kind).value, "title": fields.title,
                "description": fields.description, "date_edtf": fields.date_edtf,
                "notes": fields.notes, "languages": list(fields.languages),
                "place_ids": list(fields.place_ids),
                "people": [[pid, Role(role).value] for pid, role in fields.people],
                "subjects": list(fields.subjects),
            },
            "transcript": states.transcript(archive, item_id) if target.transcript else None,
        })
    return found


def _digest(state: Any) -> str:
    text = json.dumps(state, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write(archive: Archive, step: Step) -> None:
    if step.target.subject == EXHIBIT:
        exhibit_id = step.target.ids[0]
        done = states.restore_structure(archive, exhibit_id, step.restore)
        archive.audit("exhibit", exhibit_id, step.direction,
                      {"change": step.what, **{k: v for k, v in done.items() if k != "items"}})
        for item_id in done["items"]:
            archive.touch(item_id, "exhibits")
        archive.touch(None, "exhibits")
        return
    if step.target.subject == EXHIBIT_TEXTS:
        exhibit_store.update_exhibit(archive, step.target.ids[0], **step.restore)
        return
    for state in step.restore:
        item_id, f = state["id"], state["fields"]
        item_store.update_item(archive, item_id, item_store.ItemFields(
            kind=Kind(f["kind"]), title=f["title"], description=f["description"],
            date_edtf=f["date_edtf"], notes=f["notes"], languages=list(f["languages"]),
            place_ids=list(f["place_ids"]),
            people=[(pid, Role(role)) for pid, role in f["people"]],
            subjects=list(f["subjects"])))
        if state["transcript"] is not None:
            states.restore_transcript(archive, item_id, state["transcript"])
            archive.audit("transcript", item_id, "save",
                          {"segments": len(state["transcript"]["segments"])}, item_id)
            archive.touch(item_id, "transcript")


def _name(archive: Archive, target: Target) -> str:
    if target.subject != ITEMS:
        return states.exhibit_title(archive, target.ids[0])
    if len(target.ids) == 1:
        return item_store.get_item(archive, target.ids[0]).title
    return ""
