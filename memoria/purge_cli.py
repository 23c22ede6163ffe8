"""`memoria purge`: forgetting on request (custodians only).

    memoria purge T-2026-0004 --reason "..." --basis "Ley 1581 de 2012" [--request RAD-17]
    memoria purge person:3 --reason "..." --basis "..." --shared keep|purge
    memoria purge --pending                 requests waiting (and purges left unfinished)
    memoria purge --confirm 2               carry it out (second custodian, or after the wait)
    memoria purge --cancel 2

A request removes nothing; `--now` asks to carry it out at once, which the
waiting period still refuses unless another custodian's account confirms.
"""

from __future__ import annotations

import argparse

from memoria.cli_common import emit, open_archive
from memoria.domain.messages import purge_sentence
from memoria.operations import Actor
from memoria.operations import purge as ops
from memoria.operations.purge import PurgeError


def register(sub: object) -> None:
    p = sub.add_parser("purge", help="forget an item or a person on request (custodians)")  # type: ignore[attr-defined]
    p.add_argument("target", nargs="?", help="an item (accession or id, comma separated) "
                   "or person:N")
    p.add_argument("--reason", default="")
    p.add_argument("--basis", default="", help="the legal basis (Ley 1581 de 2012, ...)")
    p.add_argument("--request", default="", dest="request_ref", help="the request's reference")
    p.add_argument("--shared", choices=("keep", "purge"),
                   help="items the person shares with others: keep them without the person, "
                        "or purge them too")
    p.add_argument("--now", action="store_true",
                   help="carry it out at once if allowed (the waiting period still applies)")
    p.add_argument("--pending", action="store_true", help="list pending requests")
    p.add_argument("--confirm", type=int, metavar="N", help="carry out request N")
    p.add_argument("--cancel", type=int, metavar="N", help="cancel request N")
    p.add_argument("--json", action="store_true")


def cmd_purge(args: argparse.Namespace, lang: str) -> int:
    lang = lang if lang in ("es", "en") else "es"
    try:
        with open_archive(args, writable=True) as archive:
            # The account that unlocked the archive (helper keys' Actor.of), else the
            # person at this computer: a second custodian is an account, never a name.
            of = getattr(Actor, "of", None)
            actor = of(archive, lang) if of is not None else Actor.local(lang=lang)
            if args.pending:
                return _pending(args, archive, actor, lang)
            if args.cancel is not None:
                ops.cancel(archive, actor, args.cancel)
                emit(args, {"cancelled": args.cancel},
                     purge_sentence("cancelled", lang, purge=args.cancel))
                return 0
            if args.confirm is not None:
                return _confirm(args, archive, actor, lang, args.confirm)
            if not args.target:
                raise PurgeError("no_items", lang)
            return _request(args, archive, actor, lang)
    except PurgeError as exc:
        raise ValueError(exc.sentence(lang)) from None


def _pending(args: argparse.Namespace, archive: object, actor: Actor, lang: str) -> int:
    found = ops.pending(archive, actor)  # type: ignore[arg-type]
    lines = []
    for r in found:
        what = (purge_sentence("what_person", lang, person=r.target.person_id)
                if r.target.kind == "person"
                else purge_sentence("what_items", lang, n=len(r.target.item_ids)))
        lines.append(purge_sentence("pending_line", lang, purge=r.id, what=what,
                                    by=r.requested_by, at=r.requested_at, until=r.not_before,
                                    basis=r.basis) + ("" if r.state == "pending" else
                                                      f"  [{r.state}]"))
    emit(args, {"pending": [{"id": r.id, "kind": r.target.kind, "state": r.state,
                             "person": r.target.person_id, "items": list(r.target.item_ids),
                             "requested_by": r.requested_by, "requested_at": r.requested_at,
                             "not_before": r.not_before} for r in found]},
         "\n".join(lines) or purge_sentence("none_pending", lang))
    return 0


def _request(args: argparse.Namespace, archive: object, actor: Actor, lang: str) -> int:
    target = ops.target_from(archive, args.target, lang=lang)  # type: ignore[arg-type]
    preview = ops.preview(archive, actor, target)  # type: ignore[arg-type]
    if preview.shared:
        if args.shared is None:
            lines = [purge_sentence("shared_undecided", lang, n=len(preview.shared))]
            lines += [f"  {i.accession}  {i.title}" for i in preview.shared]
            raise ValueError("\n".join(lines))
        if args.shared == "purge":
            target = ops.target_from(archive, args.target,  # type: ignore[arg-type]
                                     tuple(i.id for i in preview.shared))
            preview = ops.preview(archive, actor, target)  # type: ignore[arg-type]
    plan = preview.plan
    lines = [purge_sentence("plan", lang, items=len(plan.items), consents=len(plan.consents),
                            forms=plan.forms, files=len(plan.blobs),
                            unlinked=len(plan.unlinked))]
    lines += [f"  {i.accession}  {i.title}" for i in preview.items]
    if preview.copies:
        lines.append(purge_sentence("copies", lang))
        lines += [f"  #{c.id} {c.kind} {c.dest} ({c.made_at})" for c in preview.copies]
    changes = ops.request(archive, actor, target, args.reason, args.basis,  # type: ignore[arg-type]
                          args.request_ref)
    purge_id = int(changes.value)
    until = ops.pending(archive, actor)  # type: ignore[arg-type]
    not_before = next((r.not_before for r in until if r.id == purge_id), "")
    lines.append(purge_sentence("requested", lang, purge=purge_id, until=not_before))
    if args.now:
        try:
            return _confirm(args, archive, actor, lang, purge_id, lines)
        except PurgeError as exc:
            lines.append(exc.sentence(lang))
    emit(args, {"requested": purge_id, "not_before": not_before, "items": plan.items,
                "shared": [i.id for i in preview.shared],
                "copies": [c.__dict__ for c in preview.copies]}, "\n".join(lines))
    return 0


def _confirm(args: argparse.Namespace, archive: object, actor: Actor, lang: str, purge_id: int,
             lines: list[str] | None = None) -> int:
    report = ops.confirm(archive, actor, purge_id).value  # type: ignore[arg-type]
    d = report.details
    out = list(lines or [])
    out.append(purge_sentence("done", lang, purge=purge_id, items=d.get("items", 0),
                              consents=d.get("consents", 0),
                              files=d.get("forms", 0) + d.get("originals", 0),
                              tomb=report.tombstone))
    if not report.finished:
        out.append(purge_sentence("unfinished", lang, purge=purge_id))
    elif not report.index_rewritten:
        out.append(purge_sentence("index_dropped", lang))
    if report.copies:
        out.append(purge_sentence("copies", lang))
        out += [f"  #{c.id} {c.kind} {c.dest} ({c.made_at})" for c in report.copies]
    if report.backups:
        out.append(purge_sentence("backups", lang))
        out += [f"  {c.dest} ({c.made_at})" for c in report.backups]
    out += report.backup_notes
    emit(args, {"purged": purge_id, "tombstone": report.tombstone, "details": d,
                "finished": report.finished,
                "index_rewritten": report.index_rewritten,
                "copies": [c.__dict__ for c in report.copies],
                "backups": [c.__dict__ for c in report.backups]}, "\n".join(out))
    return 0


COMMANDS = {"purge": cmd_purge}
