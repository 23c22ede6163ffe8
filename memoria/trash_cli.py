"""`memoria trash`, `memoria restore`, `memoria empty-trash` (custodians only).

    memoria trash T-2026-0004 12        move items to the trash (restorable)
    memoria trash --list [--json]       what the trash holds
    memoria trash --restore T-2026-0004 bring an item back ("memoria restore" is taken:
                                        it rebuilds an archive from a backup)
    memoria empty-trash [--yes]         delete the trash from the live archive (recorded;
                                        backups keep the items until they expire)

Sentences come from memoria.domain.trash_messages (trash_sentence), es/en.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from memoria.cli_common import emit, open_archive
from memoria.domain.trash_messages import trash_sentence
from memoria.operations import Actor
from memoria.operations import trash as ops
from memoria.operations.trash import TrashError
from memoria.storage.archive import Archive


def register(sub: object) -> None:
    p = sub.add_parser("trash", help="move items to the trash (custodians; restorable)")  # type: ignore[attr-defined]
    p.add_argument("items", nargs="*", help="accession numbers or ids")
    p.add_argument("--list", action="store_true", help="list what the trash holds")
    p.add_argument("--restore", action="store_true", help="bring the items back from the trash")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("empty-trash", help="delete what the trash holds from the archive "  # type: ignore[attr-defined]
                       "(recorded; backups keep it until their generations expire)")
    p.add_argument("--yes", action="store_true", help="do it (without it: say what would go)")
    p.add_argument("--json", action="store_true")


Command = Callable[[argparse.Namespace, Archive, Actor, str], int]


def _with_archive(fn: Command) -> Callable[[argparse.Namespace, str], int]:
    """The command with the archive open for writing and the unlocking account acting;
    a refusal becomes the one sentence the command line prints."""
    def run(args: argparse.Namespace, lang: str) -> int:
        lang = lang if lang in ("es", "en") else "es"
        try:
            with open_archive(args, writable=True) as archive:
                return fn(args, archive, Actor.of(archive, lang), lang)
        except TrashError as exc:
            raise ValueError(exc.sentence(lang)) from None
    return run


def _entry_dict(e: ops.TrashEntry) -> dict:
    return {"id": e.id, "accession": e.accession, "kind": e.kind, "title": e.title,
            "trashed_at": e.trashed_at, "trashed_by": e.trashed_by}


@_with_archive
def cmd_trash(args: argparse.Namespace, archive: Archive, actor: Actor, lang: str) -> int:
    if args.list or (not args.items and not args.restore):
        found = ops.entries(archive, actor)
        if not found:
            emit(args, {"trash": []}, trash_sentence("empty", lang))
            return 0
        lines = [trash_sentence("heading", lang, n=len(found))]
        lines += ["  " + trash_sentence("line", lang, accession=e.accession, title=e.title,
                                        when=e.trashed_at[:10], who=e.trashed_by)
                  for e in found]
        emit(args, {"trash": [_entry_dict(e) for e in found]}, "\n".join(lines))
        return 0
    if args.restore:
        return _restore(args, archive, actor, lang)
    ids = ops.resolve(archive, actor, args.items)
    changes = ops.move_to_trash(archive, actor, ids)
    moved = list(changes.value)
    emit(args, {"moved": moved}, trash_sentence("moved", lang, n=len(moved)))
    return 0


def _restore(args: argparse.Namespace, archive: Archive, actor: Actor, lang: str) -> int:
    ids = ops.resolve(archive, actor, args.items)
    changes = ops.restore(archive, actor, ids)
    restored = list(changes.value)
    emit(args, {"restored": restored}, trash_sentence("restored", lang, n=len(restored)))
    return 0


@_with_archive
def cmd_empty_trash(args: argparse.Namespace, archive: Archive, actor: Actor, lang: str) -> int:
    items, files = ops.preview_empty(archive, actor)
    if not items:
        emit(args, {"deleted": [], "originals": 0}, trash_sentence("empty", lang))
        return 0
    if not args.yes:
        emit(args, {"would_delete": items, "originals": files, "done": False},
             trash_sentence("confirm", lang, items=items, files=files) + "\n"
             + trash_sentence("ask_yes", lang))
        return 1
    emptied = ops.empty_trash(archive, actor).value
    text = trash_sentence("emptied", lang, items=len(emptied.item_ids),
                          originals=emptied.originals)
    if emptied.files_left:
        text += " " + trash_sentence("files_left", lang, files=emptied.files_left)
    emit(args, {"deleted": list(emptied.item_ids), "originals": emptied.originals,
                "files_left": emptied.files_left, "done": True}, text)
    return 0


COMMANDS = {"trash": cmd_trash, "empty-trash": cmd_empty_trash}
