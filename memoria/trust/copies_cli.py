"""`memoria copies list | recalled ID`, and the recall notice after a consent change.

The register itself is memoria.storage.copies; this module only words it for
a person, in Spanish or English.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from pathlib import Path

from memoria.cli_common import emit, open_archive
from memoria.domain.consent import Audience
from memoria.domain.messages import value_label
from memoria.domain.model import Scope
from memoria.storage import copies as copy_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive

REASON = {
    "es": {"withdrawn": "consentimiento retirado", "embargoed": "bajo embargo",
           "pending": "consentimiento pendiente", "restricted": "restringido a uso interno",
           "no_consent": value_label("status", "none", "es"), "embargo_review": "embargo en revisión",
           "scope_not_granted": "uso ya no cubierto", "deleted": "elemento eliminado",
           "segment_withheld": "una parte quedó retenida", "purged": "suprimido a pedido",
           "purged_name": "nombra a una persona suprimida"},
    "en": {"withdrawn": "consent withdrawn", "embargoed": "embargoed",
           "pending": "consent pending", "restricted": "restricted to internal use",
           "no_consent": value_label("status", "none", "en"), "embargo_review": "embargo awaiting review",
           "scope_not_granted": "use no longer covered", "deleted": "item deleted",
           "segment_withheld": "a part is now withheld", "purged": "purged on request",
           "purged_name": "names a purged person"},
}
TEXT = {
    "es": {
        "notice": "Estas copias fuera del archivo aún tienen lo que ya no puede salir; "
                  "hay que recogerlas:",
        "mark": "Cuando estén recogidas: memoria copies recalled NÚMERO",
        "none": "No hay copias registradas.",
        "nothing_pending": "Ninguna copia por recoger.",
        "pending": "Por recoger",
        "recalled": "{n} elemento(s) de la copia #{id} marcados como recogidos.",
        "nothing_to_mark": "La copia #{id} no tiene nada por recoger.",
        "copies": "{n} copias registradas.",
        "all_items": "todo el archivo",
        "items": "{n} elemento(s)",
        "edition": "Edición escrita en {dest}: {n} elementos; {made} copias de medios hechas, "
                   "{reused} reutilizadas.",
        "edition_removed": "Ya no están (retirados, embargados o cerrados desde la edición "
                           "anterior): {items}",
        "left_out": "fuera",
        "media_left_out": "medio fuera,",
    },
    "en": {
        "notice": "These copies outside the archive still hold what may no longer leave it; "
                  "they must be recalled:",
        "mark": "Once recalled: memoria copies recalled NUMBER",
        "none": "No copies are registered.",
        "nothing_pending": "No copy needs recalling.",
        "pending": "To recall",
        "recalled": "{n} item(s) of copy #{id} marked as recalled.",
        "nothing_to_mark": "Copy #{id} has nothing to recall.",
        "copies": "{n} copies registered.",
        "all_items": "the whole archive",
        "items": "{n} item(s)",
        "edition": "Edition written to {dest}: {n} items; {made} media copies made, "
                   "{reused} reused.",
        "edition_removed": "No longer in it (withdrawn, embargoed or closed since the last "
                           "edition): {items}",
        "left_out": "left out",
        "media_left_out": "media left out,",
    },
}


def audience_label(audience: Audience, lang: str) -> str:
    return value_label("audience", audience.value, "en" if lang == "en" else "es")


def _t(lang: str) -> dict[str, str]:
    return TEXT["en" if lang == "en" else "es"]


def copy_line(copy: copy_store.Copy, lang: str) -> str:
    """One copy in one line: number, what, for whom, where, when, by whom."""
    lang = "en" if lang == "en" else "es"
    what = value_label("copy_kind", copy.kind, lang) + (f" «{copy.label}»" if copy.label else "")
    scope = f", {copy.scope.value}" if copy.scope else ""
    held = (_t(lang)["all_items"] if copy.all_items
            else _t(lang)["items"].format(n=copy.item_count))
    return (f"#{copy.id} {what} ({audience_label(copy.audience, lang)}{scope}) "
            f"{copy.dest} · {copy.made_at[:10]} · {copy.made_by} · {held}")


def recall_notice(archive: Archive, item_ids: Iterable[int], lang: str) -> str:
    """What a withdrawal or re-embargo must be told: the copies to recall, or ''."""
    recalls = copy_store.pending_recalls(archive, item_ids)
    if not recalls:
        return ""
    lang = "en" if lang == "en" else "es"
    by_copy: dict[int, list[copy_store.Recall]] = {}
    for recall in recalls:
        by_copy.setdefault(recall.copy.id, []).append(recall)
    lines = [_t(lang)["notice"]]
    for group in by_copy.values():
        lines.append("  " + copy_line(group[0].copy, lang))
        lines.append("      " + ", ".join(f"{r.accession} ({REASON[lang].get(r.reason, r.reason)})"
                                          for r in group))
    lines.append(_t(lang)["mark"])
    return "\n".join(lines)


def register(sub: object) -> None:
    p = sub.add_parser("edition", help="write or refresh a read-only reading-room edition "  # type: ignore[attr-defined]
                                       "for one audience")
    p.add_argument("dest", type=Path, metavar="DEST")
    p.add_argument("--as", dest="audience", required=True, choices=["researcher", "public"])
    p.add_argument("--scope", choices=[s.value for s in Scope],
                   help="the use consent must cover (default: research for researchers, "
                        "exhibition for the public)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("copies", help="the register of copies that left the archive")  # type: ignore[attr-defined]
    csub = p.add_subparsers(dest="copies_command", metavar="ACTION", required=True)
    q = csub.add_parser("list", help="every copy made (bags, exhibits, editions, backups, "
                                     "transcripts) and what must be recalled")
    q.add_argument("--pending", action="store_true", help="only copies with items to recall")
    q.add_argument("--json", action="store_true")
    q = csub.add_parser("recalled", help="mark a copy's items as recalled (out of the queue)")
    q.add_argument("copy_id", type=int, metavar="ID")
    q.add_argument("--item", action="append", default=[],
                   help="only this item (accession or id); repeatable")
    q.add_argument("--note", default="", help="how it was recalled")
    q.add_argument("--json", action="store_true")


def _copy_dict(copy: copy_store.Copy, recalls: list[copy_store.Recall]) -> dict:
    return {"id": copy.id, "kind": copy.kind, "audience": copy.audience.value,
            "scope": copy.scope.value if copy.scope else None, "dest": copy.dest,
            "label": copy.label, "made_at": copy.made_at, "made_by": copy.made_by,
            "items": copy.item_count, "all_items": copy.all_items,
            "superseded_by": copy.superseded_by,
            "to_recall": [{"item": r.accession, "reason": r.reason} for r in recalls]}


def cmd_edition(args: argparse.Namespace, lang: str) -> int:
    from memoria.operations import trust as trust_ops
    from memoria.operations.actor import Actor

    with open_archive(args, writable=False) as archive:
        report = trust_ops.write_edition(
            archive, Actor.of(archive, lang=lang), args.dest, Audience(args.audience), lang,
            scope=Scope(args.scope) if args.scope else None).value
    t = _t(lang)
    lines = [t["edition"].format(dest=report.dest, n=len(report.items),
                                 made=report.media_made, reused=report.media_reused)]
    if report.removed:
        lines.append(t["edition_removed"].format(items=", ".join(report.removed)))
    lines += [f"  {t['left_out']} {a}: {r}" for a, r in report.left_out]
    lines += [f"  {t['media_left_out']} {a}: {r}" for a, r in report.media_left_out]
    lines += [f"  ! {p}" for p in report.problems]
    emit(args, report.to_dict(), "\n".join(lines))
    return 0 if report.ok else 1


def cmd_copies(args: argparse.Namespace, lang: str) -> int:
    writable = args.copies_command == "recalled"
    with open_archive(args, writable=writable) as archive:
        return _ACTIONS[args.copies_command](archive, args, lang)


def _list(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    t = _t(lang)
    recalls: dict[int, list[copy_store.Recall]] = {}
    for recall in copy_store.pending_recalls(archive):
        recalls.setdefault(recall.copy.id, []).append(recall)
    made = copy_store.list_copies(archive)
    if args.pending:
        made = [c for c in made if c.id in recalls]
    lines = []
    for copy in made:
        lines.append(copy_line(copy, lang))
        for r in recalls.get(copy.id, []):
            reason = REASON["en" if lang == "en" else "es"].get(r.reason, r.reason)
            lines.append(f"    {t['pending']}: {r.accession} ({reason})")
    if not made:
        lines.append(t["nothing_pending"] if args.pending else t["none"])
    elif not args.pending:
        lines.append(t["copies"].format(n=len(made)))
    emit(args, {"copies": [_copy_dict(c, recalls.get(c.id, [])) for c in made]},
         "\n".join(lines))
    return 0


def _recalled(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    copy_store.get_copy(archive, args.copy_id)  # a missing number says so
    items = [item_store.resolve_item(archive, ref) for ref in args.item] or None
    from memoria.operations import trust as trust_ops
    from memoria.operations.actor import Actor

    n = int(trust_ops.mark_recalled(archive, Actor.of(archive, lang=lang), args.copy_id, items,
                                    args.note).value or 0)
    text = (_t(lang)["recalled"] if n else _t(lang)["nothing_to_mark"]).format(
        n=n, id=args.copy_id)
    emit(args, {"copy": args.copy_id, "recalled": n}, text)
    return 0


_ACTIONS: dict[str, Callable[[Archive, argparse.Namespace, str], int]] = {
    "list": _list, "recalled": _recalled}
COMMANDS = {"copies": cmd_copies, "edition": cmd_edition}
