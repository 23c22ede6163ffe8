"""`memoria edit` and `memoria consent grant` on several items at once (issue 15).

    memoria edit T-2026-0001 T-2026-0002 --add-subject pesca --remove-subject mar \
        --place "Colombia > Nariño > Tumaco" --date "c. 1998" --language es
    memoria edit 3 4 5 --add-person "Luz Dary Ortiz (fotógrafa)" --note "Lote de junio" --preview
    memoria consent grant T-2026-0001 T-2026-0002 --scope research [--confirm-reopen T-2026-0002]

One operation (memoria.operations.items.batch_edit / consent.record_batch): one
transaction, the same checks as a single edit, each item audited as part of a
batch. `--preview` says what would change and writes nothing.
"""

from __future__ import annotations

import argparse

from memoria.cli_common import emit, open_archive
from memoria.domain.dates import DateParseError, parse_human_date
from memoria.domain.messages import batch_sentence
from memoria.domain.model import Role
from memoria.jsonview import JSON_FORMAT_VERSION
from memoria.operations import Actor
from memoria.operations import consent as consent_ops
from memoria.operations import items as item_ops
from memoria.operations.consent import ConsentTerms
from memoria.operations.items import BatchEdits, PersonRow
from memoria.storage import items as item_store
from memoria.storage.archive import Archive

_FIELDS = {"es": {"subjects": "temas", "places": "lugares", "people": "personas",
                  "date": "fecha", "languages": "idiomas", "notes": "notas"},
           "en": {"subjects": "subjects", "places": "places", "people": "people",
                  "date": "date", "languages": "languages", "notes": "notes"}}


def register(sub: object) -> None:
    p = sub.add_parser("edit", help="change the shared fields of one or more items at once")  # type: ignore[attr-defined]
    p.add_argument("ids", nargs="+", metavar="ID", help="accession numbers or numeric ids")
    p.add_argument("--add-subject", action="append", default=[], metavar="S")
    p.add_argument("--remove-subject", action="append", default=[], metavar="S")
    p.add_argument("--place", "--add-place", dest="add_place", action="append", default=[],
                   metavar="P", help='"Colombia > Nariño > Tumaco"')
    p.add_argument("--remove-place", action="append", default=[], metavar="P")
    p.add_argument("--add-person", action="append", default=[], metavar="'NAME (ROLE)'",
                   help="role: narrator, interviewer, depicted, photographer, author "
                        "(or in Spanish); narrator if none")
    p.add_argument("--remove-person", action="append", default=[], metavar="'NAME (ROLE)'")
    p.add_argument("--date", help='replaces the date: "c. 1998", "1990s", "" to clear')
    p.add_argument("--language", action="append", metavar="CODE",
                   help="replaces the languages (repeat for several)")
    p.add_argument("--note", default="", help="appended to the internal notes")
    p.add_argument("--replace-notes", default=None, metavar="TEXT")
    p.add_argument("--preview", action="store_true", help="say what would change; write nothing")
    p.add_argument("--json", action="store_true")


def resolve(archive: Archive, refs: list[str], lang: str) -> list[int]:
    out = []
    for ref in refs:
        for part in (x.strip() for x in ref.split(",")):
            if not part:
                continue
            try:
                out.append(item_store.resolve_item(archive, part))
            except item_store.ItemError:
                raise ValueError(batch_sentence("unknown_item", lang, id=part)) from None
    return out


def _person(text: str, lang: str) -> PersonRow:
    from memoria.importing.importer import ROLE_WORDS

    name, role = text.strip(), Role.NARRATOR
    if name.endswith(")") and "(" in name:
        name, _, word = name[:-1].rpartition("(")
        found = ROLE_WORDS.get(word.strip().lower())
        if found is None:
            raise ValueError(batch_sentence("unknown_role", lang, role=word.strip(),
                                            name=name.strip()))
        role = found
    return PersonRow(name.strip(), role, None)


def edits_from(args: argparse.Namespace, lang: str) -> BatchEdits:
    date_edtf = None
    if args.date is not None:
        try:
            date_edtf = parse_human_date(args.date).edtf if args.date.strip() else ""
        except DateParseError as exc:
            raise ValueError(batch_sentence("bad_date", lang, date=args.date,
                                            why=exc.text(lang))) from None
    return BatchEdits(
        add_subjects=args.add_subject, remove_subjects=args.remove_subject,
        add_places=[(p, None) for p in args.add_place],
        remove_places=[(p, None) for p in args.remove_place],
        add_people=[_person(p, lang) for p in args.add_person],
        remove_people=[_person(p, lang) for p in args.remove_person],
        date_edtf=date_edtf, languages=args.language, notes_append=args.note,
        notes_replace=args.replace_notes)


def cmd_edit(args: argparse.Namespace, lang: str) -> int:
    with open_archive(args, writable=not args.preview) as archive:
        ids = resolve(archive, args.ids, lang)
        edits = edits_from(args, lang)
        preview = item_ops.preview_batch_edit(archive, ids, edits, lang)
        changed = None
        if not args.preview:
            changed = item_ops.batch_edit(archive, Actor.of(archive, lang=lang), ids, edits,
                                          preview.stamps).value
        names = _FIELDS["en" if lang == "en" else "es"]
        lines = ["  " + batch_sentence("field_count", lang, field=names[k], change=c.change,
                                       already=c.already) for k, c in preview.fields.items()]
        head = (batch_sentence("would_edit", lang, n=len(preview.changing), total=len(ids))
                if args.preview else batch_sentence("edited", lang, n=changed, total=len(ids)))
        emit(args, {"format": JSON_FORMAT_VERSION, "preview": args.preview,
                    "items": ids, "changed": sorted(preview.changing),
                    "fields": {k: {"change": c.change, "already": c.already}
                               for k, c in preview.fields.items()}},
             "\n".join([head, *lines]))
    return 0


def consent_grant_batch(archive: Archive, args: argparse.Namespace, lang: str,
                        terms: ConsentTerms, person_id: int | None) -> int:
    """`consent grant` with several items: one record per item and person."""
    from memoria.trust import copies_cli

    ids = resolve(archive, args.id, lang)
    confirmed = resolve(archive, args.confirm_reopen, lang) if args.confirm_reopen else []
    changes = consent_ops.record_batch(archive, Actor.of(archive, lang=lang), ids, terms,
                                       args.form, person_id=person_id, reason=args.reason,
                                       confirmed=confirmed)
    print(batch_sentence("recorded", lang, n=len(ids), records=len(changes.value)))
    notice = copies_cli.recall_notice(archive, ids, lang)
    if notice:
        print(notice)
    return 0


COMMANDS = {"edit": cmd_edit}
