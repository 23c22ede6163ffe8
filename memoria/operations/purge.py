"""Forgetting on request (supresión): request, confirm or wait, carry out, cancel.

Only custodians (Action.DELETE). Never by one person in a hurry: a request is
recorded first; it is carried out when a second custodian (another unlocked
account) confirms it, or when a custodian confirms it after the waiting
period (setting `purge.waiting_days`, default 3, at least 1). Until then any
custodian may cancel it. Carrying it out:

    purge_apply.carry_out   the catalogue, one transaction, secure_delete on
    purge_wipe.finish       originals, derived files, index (rewritten),
                            automatic copies, VACUUM + WAL truncated; resumable
    report                  copies outside the archive (register of copies)
                            that still hold the material, backup generations

The window and `memoria purge` call these; sentences come from
memoria.domain.messages (purge_sentence).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from memoria.domain.changes import Changes
from memoria.operations.actor import Action, Actor, require
from memoria.operations.unit import acting
from memoria.storage import copies as copy_store
from memoria.storage import items as item_store
from memoria.storage import purge_apply, purge_wipe
from memoria.storage import purges as store
from memoria.storage.archive import Archive
from memoria.storage.changes import changes_since, latest_generation
from memoria.storage.purges import Plan, PurgeError, Request, Target

__all__ = ["Plan", "Preview", "PurgeError", "Report", "Request", "Target", "account_of",
           "cancel", "confirm", "pending", "people", "preview", "request", "target_from"]

ForgetIndex = Callable[[list[int]], bool]


@dataclass(frozen=True)
class ItemRef:
    id: int
    accession: str
    title: str


@dataclass(frozen=True)
class CopyRef:
    id: int
    kind: str
    dest: str
    made_at: str
    items: int  # how many of the purge's items it holds


@dataclass
class Preview:
    """What the confirmation shows before anything is recorded or removed."""

    plan: Plan
    items: list[ItemRef]
    shared: list[ItemRef]
    unlinked: list[ItemRef]
    copies: list[CopyRef]
    backups: list[CopyRef]
    waiting_days: int
    accounts: bool  # a second custodian's account can confirm sooner
    person_name: str = ""  # custodians only: whom a person purge forgets


@dataclass
class Report:
    purge_id: int
    tombstone: int
    details: dict  # the tombstone's: counts, dates, who, why, basis (no personal data)
    finished: bool  # the disk part too (False: resumed at the next open)
    index_rewritten: bool
    copies: list[CopyRef] = field(default_factory=list)
    backups: list[CopyRef] = field(default_factory=list)
    backup_notes: list[str] = field(default_factory=list)


@contextmanager
def _said_to(actor: Actor) -> Iterator[None]:
    """A refusal in the actor's language."""
    try:
        yield
    except PurgeError as exc:
        raise PurgeError(exc.code, actor.lang, **exc.values) from None


def account_of(archive: Archive, actor: Actor) -> str:
    """The unlocked account acting ('' when the archive has no accounts: then only the
    waiting period can let a purge through, since a typed name proves nothing)."""
    for holder in (getattr(archive, "account", None), getattr(archive, "keys", None)):
        name = getattr(holder, "account", "") if holder is not None else ""
        if isinstance(name, str) and name:
            return name  # the key slot that unlocked this archive (memoria.crypto.keys)
    return ""


def target_from(archive: Archive, ref: str, shared_purge: tuple[int, ...] = (),
                lang: str = "es") -> Target:
    """`person:N` (or `persona:N`), or item references (accession or id, comma separated)."""
    text = ref.strip()
    if text.lower().startswith(("person:", "persona:")):
        try:
            person = int(text.split(":", 1)[1])
        except ValueError:
            raise PurgeError("no_person", lang, person=text) from None
        return Target("person", person_id=person, shared_purge=tuple(shared_purge))
    ids = []
    for part in (p.strip() for p in text.split(",")):
        if part:
            try:
                ids.append(item_store.resolve_item(archive, part))
            except Exception:  # noqa: BLE001 - ItemError or ValueError: one sentence below
                raise PurgeError("no_item", lang, item=part) from None
    return Target("items", item_ids=tuple(ids))


def _refs(archive: Archive, ids: list[int]) -> list[ItemRef]:
    found = item_store.accessions_and_titles(archive, ids)
    return [ItemRef(i, *found[i]) for i in ids if i in found]


def _copies(archive: Archive, item_ids: list[int]) -> tuple[list[CopyRef], list[CopyRef]]:
    """(copies outside the archive, backups) the register says hold any of the items."""
    held: dict[int, tuple[copy_store.Copy, int]] = {}
    for item_id in item_ids:
        for copy in copy_store.copies_holding(archive, item_id):
            old = held.get(copy.id)
            held[copy.id] = (copy, (old[1] if old else 0) + 1)
    outside = [CopyRef(c.id, c.kind, c.dest, c.made_at, n) for c, n in held.values()]
    newest: dict[str, copy_store.Copy] = {}
    for c in copy_store.list_copies(archive):  # newest first: one line per backup folder
        if c.kind == "backup":
            newest.setdefault(c.dest, c)
    backups = [CopyRef(c.id, c.kind, c.dest, c.made_at, 0) for c in newest.values()]
    return sorted(outside, key=lambda c: c.id), backups


def preview(archive: Archive, actor: Actor, target: Target) -> Preview:
    require(actor, Action.DELETE)
    with _said_to(actor):
        plan = store.plan(archive, target)
    name = store.person_name(archive, target.person_id) if target.kind == "person" else ""
    copies, backups = _copies(archive, sorted(set(plan.items) | set(plan.unlinked)))
    return Preview(plan, _refs(archive, plan.items), _refs(archive, plan.shared),
                   _refs(archive, plan.unlinked), copies, backups,
                   store.waiting_days(archive), bool(account_of(archive, actor)), name)


def people(archive: Archive, actor: Actor) -> list[tuple[int, str]]:
    """(id, name) of everyone in the authority file, for choosing whom to forget."""
    require(actor, Action.DELETE)
    return store.people_names(archive)


def request(archive: Archive, actor: Actor, target: Target, reason: str, basis: str,
            request_ref: str = "") -> Changes:
    """Record a request; nothing is removed yet. `.value` is its number."""
    require(actor, Action.DELETE)
    with acting(archive, actor), _said_to(actor):
        purge_id = store.request(archive, target, reason, basis, request_ref,
                                 account_of(archive, actor))
    return Changes().with_value(purge_id)


def pending(archive: Archive, actor: Actor) -> list[Request]:
    require(actor, Action.DELETE)
    return store.requests(archive, ("pending", "wiping"))


def cancel(archive: Archive, actor: Actor, purge_id: int) -> Changes:
    require(actor, Action.DELETE)
    with acting(archive, actor), _said_to(actor):
        store.cancel(archive, purge_id)
    return Changes().with_value(purge_id)


def _default_forget(archive: Archive) -> ForgetIndex:
    def forget(ids: list[int]) -> bool:
        from memoria.search.engine import SearchEngine

        engine = SearchEngine(archive)
        try:
            return engine.forget_items(ids)
        finally:
            engine.close()

    return forget


def confirm(archive: Archive, actor: Actor, purge_id: int,
            forget_index: ForgetIndex | None = None) -> Changes:
    """Carry out a request: now if `actor` is a second custodian (another account),
    else only once the waiting period is over. `.value` is the Report."""
    require(actor, Action.DELETE)
    with _said_to(actor):
        return _confirm(archive, actor, purge_id, forget_index)


def _confirm(archive: Archive, actor: Actor, purge_id: int,
             forget_index: ForgetIndex | None) -> Changes:
    current = store.get(archive, purge_id)
    if current.state == "wiping":  # a kill interrupted it: finish the disk part
        return _finish(archive, actor, current, forget_index, latest_generation(archive))
    if current.state != "pending":
        raise PurgeError("not_pending", actor.lang, purge=purge_id, state=current.state)
    account = account_of(archive, actor)
    second = bool(account and current.requested_account and account != current.requested_account)
    if not second and not current.due():
        raise PurgeError("waiting", actor.lang, purge=purge_id, until=current.not_before,
                         accounts=bool(account))
    start = latest_generation(archive)
    with acting(archive, actor):
        if second:
            store.mark_confirmed(archive, purge_id, account)
        purge_apply.carry_out(archive, purge_id, "second_custodian" if second
                              else "waiting_period")
    return _finish(archive, actor, store.get(archive, purge_id), forget_index, start)


def _finish(archive: Archive, actor: Actor, current: Request, forget_index: ForgetIndex | None,
            start: int) -> Changes:
    changed = changes_since(archive, start)
    touched = sorted(set(current.purged) | set(changed.item_ids))
    rewritten: list[bool] = []
    forget = forget_index or _default_forget(archive)

    def forget_and_note(ids: list[int]) -> bool:
        ok = forget(sorted(set(ids) | set(touched)))
        rewritten.append(ok)
        return ok

    had_copies = bool(purge_wipe.auto_copies(archive.root))
    with acting(archive, actor):
        finished = purge_wipe.finish(archive, current.id, forget_and_note)
    if finished and had_copies:
        from memoria.trust.autobackup import rolling_backup

        rolling_backup(archive)  # a fresh automatic copy, without the purged material
    copies, backups = _copies(archive, touched)
    done = store.get(archive, current.id)
    report = Report(done.id, int(done.tombstone or 0), store.tombstone(archive, done.id),
                    finished, bool(rewritten and rewritten[0]), copies, backups,
                    _backup_hook(archive, done.id))
    return (changed | Changes(everything=True)).with_value(report)


def _backup_hook(archive: Archive, purge_id: int) -> list[str]:
    """The backup generations that still hold the purged material, one line per
    backup folder that can be reached now (a drive not plugged in is listed by the
    register only). Backups with per-generation keys (helper "backup",
    memoria.trust.backup_crypt) name them through `generations_holding`; a hook
    `memoria.trust.backup.after_purge(archive, purge_id)`, when it exists, destroys
    them and says what it did."""
    from pathlib import Path

    from memoria.trust import backup

    hook = getattr(backup, "after_purge", None)
    if hook is not None:
        return list(hook(archive, purge_id) or [])
    when = store.get(archive, purge_id).closed_at or ""
    try:
        from memoria.trust.backup_crypt import generations_holding
    except ImportError:
        generations_holding = None
    lines = []
    for dest in sorted({c.dest for c in copy_store.list_copies(archive) if c.kind == "backup"}):
        folder = Path(dest)
        if not folder.is_dir():
            continue
        if generations_holding is not None:
            names = list(generations_holding(folder, when))
        else:
            names = [g.name for g in backup.generations(folder)]
        if names:
            lines.append(f"{dest}: {', '.join(names)}")
    return lines
