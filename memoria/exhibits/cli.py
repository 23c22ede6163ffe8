"""`memoria exhibit ...`: build, check and export exhibits from scripts.

Registered by memoria/cli.py with `register(subparsers)`; handlers take
`(args, lang)` like the other commands. `check` exits 1 when anything is
blocked, so a script can refuse to ship an exhibit consent does not cover.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from memoria.cli_common import open_archive, print_json
from memoria.domain.model import Scope
from memoria.exhibits.check import EntryCheck, check_exhibit
from memoria.exhibits.model import EXHIBIT_SCOPES, Exhibit, parse_scope
from memoria.operations import exhibits as exhibit_ops
from memoria.operations.actor import Actor
from memoria.storage import exhibits as store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive

JSON_FORMAT = 1


def _scope(value: str) -> Scope:
    try:
        return parse_scope(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers) -> None:
    """Add `exhibit` and its actions to the `memoria` command."""
    scopes = ", ".join(s.value for s in EXHIBIT_SCOPES)
    exhibit = subparsers.add_parser("exhibit", help="build, check and export exhibits")
    sub = exhibit.add_subparsers(dest="exhibit_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="all exhibits")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("show", help="an exhibit's sections and entries")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("create", help="a new, empty exhibit")
    p.add_argument("name")
    p.add_argument("--title", required=True)
    p.add_argument("--title-en", default="")
    p.add_argument("--subtitle", default="")
    p.add_argument("--subtitle-en", default="")
    p.add_argument("--intro", default="")
    p.add_argument("--intro-en", default="")
    p.add_argument("--scope", type=_scope, default=Scope.EXHIBITION, help=scopes)
    p = sub.add_parser("add", help="place an item, a segment or a quotation in an exhibit")
    p.add_argument("name")
    p.add_argument("item", help="accession number or numeric id")
    p.add_argument("--section", help="section title (created if new; default: the last)")
    p.add_argument("--segment", type=int, help="segment id (a part of a testimony)")
    p.add_argument("--quote", default="", help="words quoted from --segment")
    p.add_argument("--caption", default="")
    p.add_argument("--caption-en", default="")
    p.add_argument("--text", default="", help="curatorial text")
    p.add_argument("--text-en", default="")
    p = sub.add_parser("check", help="entries consent does not allow for a scope (exit 1)")
    p.add_argument("name")
    p.add_argument("--scope", type=_scope, help=f"{scopes} (default: the exhibit's)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("export", help="write the exhibit as a static HTML folder")
    p.add_argument("name")
    p.add_argument("dest", type=Path)
    p.add_argument("--scope", type=_scope, help=f"{scopes} (default: the exhibit's)")
    p.add_argument("--kiosk", action="store_true", help="no links out; idle returns to cover")
    p.add_argument("--idle-minutes", type=int, default=3)
    p.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, lang: str) -> int:
    """Dispatch an `exhibit` action (opens the archive the global options name)."""
    writable = args.exhibit_command in ("create", "add", "export")
    from memoria.exhibits.copies import ExportError
    from memoria.media.errors import MediaError

    with open_archive(args, writable) as archive:
        try:
            return _ACTIONS[args.exhibit_command](archive, args, lang)
        except (ExportError, MediaError) as exc:
            print(f"memoria: {exc}", file=sys.stderr)
            return 1


def exhibit_list(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    exhibits = store.list_exhibits(archive)
    counts = store.entry_counts(archive)
    if args.json:
        print_json({"format": JSON_FORMAT, "exhibits": [
            {"name": x.name, "title": x.title.es, "title_en": x.title.en, "scope": x.scope.value,
             "entries": counts.get(x.id, 0)} for x in exhibits]})
        return 0
    for x in exhibits:
        print(f"{x.name:<20} {x.scope.value:<18} {counts.get(x.id, 0):>3}  {x.title.get(lang)}")
    print(f"{len(exhibits)} exhibits" if lang == "en" else f"{len(exhibits)} exposiciones")
    return 0


def _accessions(archive: Archive, exhibit: Exhibit) -> dict[int, str]:
    found = item_store.accessions_and_titles(archive, {e.item_id for e in exhibit.entries})
    return {item_id: accession for item_id, (accession, _title) in found.items()}


def _check_dict(c: EntryCheck, lang: str) -> dict:
    return {"entry": c.entry.id, "accession": c.accession, "kind": c.entry.kind.value,
            "segment": c.entry.segment_id, "allowed": c.allowed, "reasons": list(c.reasons),
            "explanation": c.explain(lang), "consent_records": list(c.consent_ids)}


def exhibit_show(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    """The curator's view (custodian side: real titles), with each entry's verdict."""
    exhibit = store.get_exhibit(archive, args.name)
    verdicts = {c.entry.id: c for c in check_exhibit(archive, exhibit)}
    accessions = _accessions(archive, exhibit)
    if args.json:
        print_json({"format": JSON_FORMAT, "exhibit": {
            "name": exhibit.name, "scope": exhibit.scope.value,
            "title": {"es": exhibit.title.es, "en": exhibit.title.en},
            "subtitle": {"es": exhibit.subtitle.es, "en": exhibit.subtitle.en},
            "intro": {"es": exhibit.intro.es, "en": exhibit.intro.en},
            "sections": [{
                "id": s.id, "title": {"es": s.title.es, "en": s.title.en},
                "entries": [{
                    "id": e.id, "item": accessions[e.item_id], "kind": e.kind.value,
                    "segment": e.segment_id, "quote": e.quote,
                    "caption": {"es": e.caption.es, "en": e.caption.en},
                    "text": {"es": e.text.es, "en": e.text.en},
                    "check": _check_dict(verdicts[e.id], lang),
                } for e in s.entries],
            } for s in exhibit.sections],
        }})
        return 0
    print(f"{exhibit.title.get(lang)}  [{exhibit.name}, {exhibit.scope.value}]")
    if exhibit.subtitle.es:
        print(f"  {exhibit.subtitle.get(lang)}")
    for number, section in enumerate(exhibit.sections, 1):
        print(f"{number}. {section.title.get(lang)}")
        for e in section.entries:
            verdict = verdicts[e.id]
            mark = "ok     " if verdict.allowed else "BLOCKED"
            what = e.kind.value + (f" {e.segment_id}" if e.segment_id else "")
            print(f"   #{e.id:<4} {mark} {accessions[e.item_id]:<14} {what:<12} "
                  f"{e.caption.get(lang) or e.quote}")
            if not verdict.allowed:
                print(f"          {verdict.explain(lang)}")
    return 0


def exhibit_create(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    exhibit_ops.create(
        archive, Actor.of(archive, lang=lang), args.name, args.title, title_en=args.title_en,
        subtitle=args.subtitle, subtitle_en=args.subtitle_en, intro=args.intro,
        intro_en=args.intro_en, scope=args.scope)
    print(f"Exhibit '{args.name}' created." if lang == "en" else
          f"Exposición «{args.name}» creada.")
    return 0


def exhibit_add(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    exhibit_id = store.resolve_exhibit(archive, args.name)
    item_id = item_store.resolve_item(archive, args.item)
    entry_id = exhibit_ops.add_entry_in_section(
        archive, Actor.of(archive, lang=lang), exhibit_id, item_id, args.section,
        segment_id=args.segment, quote=args.quote, caption=args.caption,
        caption_en=args.caption_en, text=args.text, text_en=args.text_en).value
    print(f"Entry #{entry_id} added." if lang == "en" else f"Entrada #{entry_id} agregada.")
    return 0


def exhibit_check(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    exhibit = store.get_exhibit(archive, args.name)
    scope = args.scope or exhibit.scope
    checks = check_exhibit(archive, exhibit, scope)
    bad = [c for c in checks if not c.allowed]
    if args.json:
        print_json({"format": JSON_FORMAT, "exhibit": exhibit.name, "scope": scope.value,
                     "entries": len(checks), "blocked": [_check_dict(c, lang) for c in bad]})
        return 1 if bad else 0
    for c in bad:
        print(f"#{c.entry.id} {c.accession} ({c.entry.kind.value}): {c.explain(lang)}")
    if lang == "en":
        print(f"{len(bad)} of {len(checks)} entries blocked for {scope.value}.")
    else:
        print(f"{len(bad)} de {len(checks)} entradas bloqueadas para {scope.value}.")
    return 1 if bad else 0


def exhibit_export(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    from memoria.exhibits.export import export_exhibit

    result = export_exhibit(archive, args.name, args.dest, scope=args.scope, kiosk=args.kiosk,
                            idle_minutes=args.idle_minutes)
    if args.json:
        print_json({"format": JSON_FORMAT, "dest": str(result.dest), "scope": result.scope.value,
                     "exported": [c.entry.id for c in result.exported],
                     "files": len(result.files),
                     "left_out": [_check_dict(c, lang) for c in result.left_out]})
        return 0
    for c in result.left_out:
        print(f"  left out #{c.entry.id} {c.accession}: {c.explain(lang)}" if lang == "en" else
              f"  omitida #{c.entry.id} {c.accession}: {c.explain(lang)}", file=sys.stderr)
    if lang == "en":
        print(f"Exported {len(result.exported)} entries ({len(result.left_out)} left out) "
              f"to {result.dest}.")
    else:
        print(f"Exportadas {len(result.exported)} entradas ({len(result.left_out)} omitidas) "
              f"en {result.dest}.")
    return 0


_ACTIONS = {"list": exhibit_list, "show": exhibit_show, "create": exhibit_create,
            "add": exhibit_add, "check": exhibit_check, "export": exhibit_export}
