"""The `memoria` command: how scripts, batch work and tests drive an archive.

Errors go to stderr with a non-zero exit and a sentence a person
understands; `--json` output is stable (docs/cli-json.md). Past 600 lines:
the parser of every core subcommand stays in this one place.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from memoria import (
    __version__,
    accounts_cli,
    batch_cli,
    cli_common,
    faults,
    protect_cli,
    purge_cli,
    rotate_cli,
    trash_cli,
)
from memoria.access import ConsentSnapshot, NotVisible, display_name, visible_item_ids
from memoria.asr import cli as asr_cli
from memoria.cli_common import archive_path, open_archive, print_json
from memoria.crypto.keys import KeysError
from memoria.domain.consent import Audience
from memoria.domain.messages import (
    SCOPE_LABELS,
    consent_line,
    default_language,
    error_text,
    explain,
    items_text,
    value_label,
)
from memoria.domain.model import Anonymisation, ConsentStatus, Kind, Provenance, ProvenanceMethod
from memoria.domain.timecode import clock
from memoria.exhibits import cli as exhibit_cli
from memoria.jsonview import JSON_FORMAT_VERSION, item_dict
from memoria.media import cli as media_cli
from memoria.operations import consent as consent_ops
from memoria.operations.actor import Actor, NotPermitted
from memoria.projection import project
from memoria.storage import authorities, consents
from memoria.storage import driver as sqlite3
from memoria.storage import items as item_store
from memoria.storage.archive import Archive, ArchiveDamaged, ArchiveError
from memoria.storage.db import CATALOGUE
from memoria.storage.history import person_item_ids
from memoria.trust import cli as trust_cli
from memoria.trust import copies_cli

EXIT_USAGE = 2
EXIT_REFUSED = 3  # consent does not allow what was asked


class CliError(Exception):
    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _audience(value: str) -> Audience:
    aliases = {"custodia": "custodian", "curador": "curator", "curadora": "curator",
               "investigador": "researcher", "investigadora": "researcher", "publico": "public"}
    try:
        return Audience(aliases.get(value.lower(), value.lower()))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown audience '{value}' (custodian, curator, researcher, public)"
        ) from None


def _kind(value: str) -> Kind:
    from memoria.importing.importer import _parse_kind

    try:
        return _parse_kind(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date (YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="memoria",
        description="Memoria: testimonies, photographs and audio kept with the consent of "
        "the people in them. With no command, opens the desktop window.",
    )
    parser.add_argument("--version", action="version", version=f"memoria {__version__}")
    parser.add_argument(
        "--archive", type=Path, default=None,
        help="archive folder (default: $MEMORIA_ARCHIVE or the user-data folder)",
    )
    parser.add_argument("--lang", choices=["es", "en"], default=None,
                        help="language of messages (default: from the system)")
    parser.add_argument("--account", default=None,
                        help="the account that opens an archive with accounts (default: "
                             "$MEMORIA_ACCOUNT); its passphrase is asked without echo, or "
                             "read from $MEMORIA_PASSPHRASE (less safe: for scripts)")
    # The global options are accepted after the command too ("memoria list --archive X").
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--archive", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument("--lang", choices=["es", "en"], default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS)
    common.add_argument("--account", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = _SubparsersWithCommon(parser.add_subparsers(dest="command", metavar="COMMAND"), common)

    p = sub.add_parser("init", help="create a new, empty archive")
    p.add_argument("path", type=Path)
    p.add_argument("--encrypt", action="store_true",
                   help="encrypt it; asks for the first custodian's account and passphrase "
                        "and shows the recovery key once")

    p = sub.add_parser("demo", help="create an archive filled with fictional sample material")
    p.add_argument("path", type=Path)

    p = sub.add_parser("gui", help="open the desktop window")

    p = sub.add_parser("import", help="import files or folders (one item per file)")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--kind", type=_kind, help="testimony, photograph or audio")
    p.add_argument("--metadata", type=Path, help="CSV mapping file names to metadata")
    p.add_argument("--json", action="store_true")

    for name, text in (("show", "show one item"), ("list", "list items")):
        p = sub.add_parser(name, help=text)
        if name == "show":
            p.add_argument("id", help="accession number or numeric id")
        else:
            p.add_argument("--kind", type=_kind)
            p.add_argument("--sort", default="accession",
                           choices=sorted(item_store.SORT_COLUMNS))
        p.add_argument("--as", dest="audience", type=_audience, default=Audience.CUSTODIAN)
        p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="search the catalogue (full-text index)")
    p.add_argument("query")
    p.add_argument("--as", dest="audience", type=_audience, default=Audience.CUSTODIAN)
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--facets", action="store_true", help="also count items per facet")
    p = sub.add_parser("reindex", help="rebuild the search index from the catalogue")
    p.add_argument("--procs", type=int, default=2, help="processes to index with")

    consent = sub.add_parser("consent", help="show, grant and withdraw consent")
    csub = consent.add_subparsers(dest="consent_command", metavar="ACTION", required=True)
    p = csub.add_parser("show", help="consent records of an item or a person")
    p.add_argument("id", help="item accession/id, or person:ID")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("grant", help="record consent for an item or a person's items")
    p.add_argument("id", nargs="+", help="item accession/id (several: one record per item), "
                   "or person:ID")
    p.add_argument("--confirm-reopen", action="append", default=[], metavar="ID",
                   help="with several items: reopen this withdrawn item (one by one)")
    p.add_argument("--scope", action="append", required=True, dest="scopes")
    p.add_argument("--person", help="whose consent (default: the item's narrator/depicted)")
    p.add_argument("--status", choices=["granted", "restricted", "pending"], default="granted")
    p.add_argument("--embargo-until", type=_iso_date)
    p.add_argument("--review-date", type=_iso_date)
    p.add_argument("--pseudonym")
    p.add_argument("--anonymise", action="append", default=[],
                   choices=[a.value for a in Anonymisation])
    p.add_argument("--form", type=Path, help="scan of the signed form (internal only)")
    p.add_argument("--obtained-by", default="")
    p.add_argument("--reason", default="")
    p = csub.add_parser("withdraw", help="withdraw consent, at once, everywhere")
    p.add_argument("id", help="item accession/id, or person:ID")
    p.add_argument("--reason", required=True)
    p = csub.add_parser("review", help="lift an ended embargo after review")
    p.add_argument("consent_id", type=int)
    p.add_argument("--reason", default="")
    trust_cli.register(sub)
    copies_cli.register(sub)
    exhibit_cli.register(sub)
    media_cli.register(sub)
    protect_cli.register(sub)
    purge_cli.register(sub)
    trash_cli.register(sub)
    asr_cli.register(sub)
    accounts_cli.register(sub)
    rotate_cli.register(sub)
    batch_cli.register(sub)
    return parser


class _SubparsersWithCommon:
    """Adds the shared global options to every subcommand parser, nested ones too."""

    def __init__(self, action: argparse._SubParsersAction, common: argparse.ArgumentParser):
        self._action = action
        self._common = common

    def add_parser(self, name: str, **kwargs) -> argparse.ArgumentParser:
        kwargs.setdefault("parents", []).append(self._common)
        parser = self._action.add_parser(name, **kwargs)
        original = parser.add_subparsers

        def add_subparsers(**sub_kwargs):
            return _SubparsersWithCommon(original(**sub_kwargs), self._common)

        parser.add_subparsers = add_subparsers  # type: ignore[method-assign]
        return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Default deny for everything this process creates (archives, backups, restores, bags,
    # exports, temporary files): readable by its owner only, whatever wrote it.
    os.umask(0o077)
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang = args.lang or default_language()  # open_archive's warnings read it
    if args.command is None or args.command == "gui":
        return _open_gui(args, parser)
    cli_common.lenient = False
    try:
        return _run(args, lang)
    except ArchiveDamaged as exc:
        print(f"memoria: {exc.sentence(lang)}", file=sys.stderr)
        return 1
    except ArchiveError as exc:
        print(f"memoria: {error_text(exc, lang)}", file=sys.stderr)  # es/en
        return getattr(exc, "code", 1) or 1
    except KeysError as exc:
        print(f"memoria: {exc.sentence(lang)}", file=sys.stderr)
        return 1
    except (CliError, ValueError, NotPermitted) as exc:
        print(f"memoria: {exc}", file=sys.stderr)
        return getattr(exc, "code", 1) or 1
    except (faults.Fault, OSError, sqlite3.Error) as exc:
        # The one error path: the disk or the catalogue refused; one sentence, no traceback.
        catalogue = archive_path(args) / CATALOGUE if args.command not in ("init", "demo") \
            else None
        print(f"memoria: {faults.describe(exc, lang, catalogue)}", file=sys.stderr)
        return getattr(exc, "code", 1) or 1
    except KeyboardInterrupt:
        print("memoria: " + consent_line("interrupted", lang), file=sys.stderr)
        return 130


_READERS = {"list", "show", "search"}


def _run(args: argparse.Namespace, lang: str) -> int:
    """Run the command; a reader meeting text that is not UTF-8 runs again, leniently."""
    try:
        return _COMMANDS[args.command](args, lang)
    except sqlite3.OperationalError as exc:
        if args.command not in _READERS or not faults.undecodable(exc) or cli_common.lenient:
            raise
    cli_common.lenient = True
    print("memoria: " + faults.undecodable_warning(lang), file=sys.stderr)
    return _COMMANDS[args.command](args, lang)


def _open_gui(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        from memoria.ui.app import run
    except ImportError:
        parser.print_help()
        return 0
    return run(args.archive)


# -- commands --------------------------------------------------------------------
def cmd_init(args: argparse.Namespace, lang: str) -> int:
    account = cli_common.account_name(args)
    if args.encrypt and not account:
        account = input("Cuenta del primer custodio: " if lang == "es"
                        else "The first custodian's account name: ").strip()
    if args.encrypt or account:
        assert account is not None
        passphrase = cli_common.ask_new_secret(lang, env=cli_common.PASSPHRASE_ENV)
        archive = Archive.create(args.path, encrypt=args.encrypt, account=account,
                                 passphrase=passphrase)
    else:
        archive = Archive.create(args.path)
    recovery, archive.recovery_key = archive.recovery_key, None
    archive.close()
    if args.encrypt:
        print(f"Archivo cifrado creado en {args.path}; la cuenta «{account}» es de custodia."
              if lang == "es" else
              f"Encrypted archive created at {args.path}; “{account}” is a custodian account.")
        assert recovery is not None
        accounts_cli.print_recovery_key(recovery, lang)
        return 0
    print(f"Archivo creado en {args.path}" if lang == "es" else f"Archive created at {args.path}")
    return 0


def cmd_demo(args: argparse.Namespace, lang: str) -> int:
    from memoria.demo import build_demo

    summary = build_demo(args.path, lang=lang)
    print(summary)
    return 0


def cmd_import(args: argparse.Namespace, lang: str) -> int:
    from memoria.importing.importer import CsvMatchesNothing
    from memoria.operations import media as media_ops

    with open_archive(args, writable=True) as archive:
        options = media_ops.ImportOptions(kind=args.kind, metadata_csv=args.metadata, lang=lang)
        try:
            report = media_ops.import_files(archive, Actor.of(archive, lang=lang), args.paths,
                                            options).value
        except CsvMatchesNothing as exc:
            raise CliError(str(exc)) from None
    if args.json:
        print_json({
            "format": JSON_FORMAT_VERSION,
            "files": [
                {"path": str(o.path), "status": o.status, "reason": o.reason,
                 "accession": o.accession, "sha256": o.sha256, "warnings": o.warnings}
                for o in report.outcomes
            ],
            "problems": report.problems,
        })
    else:
        for o in report.outcomes:
            if o.status == "imported":
                print(f"  + {o.accession}  {o.path.name}")
            elif o.status == "duplicate":
                print(f"  = {o.path.name}: "
                      + (f"ya está en el archivo como {o.accession}" if lang == "es"
                         else f"already in the archive as {o.accession}"))
            for warning in o.warnings:
                print(f"  ! {o.path.name}: {warning}", file=sys.stderr)
        for o in report.with_status("failed"):
            print(f"  x {o.sentence(lang)}", file=sys.stderr)
        for problem in report.problems:
            print(f"  ! {problem}", file=sys.stderr)
        counts = {s: len(report.with_status(s)) for s in ("imported", "duplicate", "failed")}
        print(
            f"{counts['imported']} importados, {counts['duplicate']} ya estaban en el archivo, "
            f"{counts['failed']} no se pudieron importar." if lang == "es" else
            f"{counts['imported']} imported, {counts['duplicate']} already in the archive, "
            f"{counts['failed']} could not be imported."
        )
    return 1 if report.with_status("failed") else 0


def cmd_show(args: argparse.Namespace, lang: str) -> int:
    with open_archive(args, writable=False) as archive:
        item_id = item_store.resolve_item(archive, args.id)
        try:
            view = project(archive, item_id, args.audience, lang=lang)
        except NotVisible as refused:
            raise CliError(explain(refused.decision, lang), EXIT_REFUSED) from None
        data = item_dict(archive, view, ConsentSnapshot(archive), lang)
        _guard(archive, args.audience, data, lang)
    if args.json:
        print_json({"format": JSON_FORMAT_VERSION, "item": data})
        return 0
    print(f"{data['accession']}  [{value_label('kind', data['kind'], lang)}]  {data['title']}")
    if data["date"]:
        print(f"  {data['date']['display']}")
    if data["description"]:
        print(f"  {data['description']}")
    for person in data["people"]:
        print(f"  {value_label('role', person['role'], lang)}: {person['name']}")
    for place in data["places"]:
        print(f"  {place['path']}")
    if data["subjects"]:
        print("  " + ", ".join(data["subjects"]))
    for media in data["media"]:
        print(f"  {media['original_name']}  {media['format']}  {media['size']} B  {media['sha256']}")
    print(f"  {data['consent']['explanation']}")
    for exhibit in data.get("exhibits", []):
        label = "exposición" if lang == "es" else "exhibit"
        print(f"  {label}: {exhibit['name']} ({exhibit['title']})")
    for seg in data.get("segments", []):
        print(f"  [{clock(seg['start_ms'])}] {seg['speaker']}: {seg['text']}")
    if data.get("hidden_segments"):
        n = data["hidden_segments"]
        print(f"  ({n} segmentos reservados por el consentimiento)" if lang == "es"
              else f"  ({n} segments withheld by consent)")
    return 0



def _guard(archive: Archive, audience: Audience, data: object, lang: str) -> None:
    """The last guard on what the command is about to print for an outside audience."""
    import json

    from memoria.projection import protector_for
    from memoria.protect import ProtectedNameFound, guard_text

    try:
        guard_text(protector_for(archive, audience, lang),
                   json.dumps(data, ensure_ascii=False),
                   "la salida" if lang == "es" else "the output", lang)
    except ProtectedNameFound as found:
        raise CliError(str(found), EXIT_REFUSED) from None


def _summaries(archive: Archive, ids: list[int], audience: Audience, lang: str) -> list[dict]:
    """The items `audience` may see now: one withdrawn since it was matched is dropped."""
    from memoria.projection import project, protector_for

    snapshot = ConsentSnapshot(archive)
    names = protector_for(archive, audience, lang)  # read once for the whole list
    out = []
    for item_id in ids:
        try:
            view = project(archive, item_id, audience, lang=lang, protector=names)
        except NotVisible:
            continue  # consent changed between the search and this re-check
        out.append(item_dict(archive, view, snapshot, lang, with_segments=False))
    return out


def cmd_list(args: argparse.Namespace, lang: str) -> int:
    with open_archive(args, writable=False) as archive:
        ids = item_store.list_item_ids(archive, args.kind, args.sort)
        visible = visible_item_ids(archive, args.audience)
        items = _summaries(archive, [i for i in ids if i in visible], args.audience, lang)
        _guard(archive, args.audience, items, lang)
    if args.json:
        print_json({"format": JSON_FORMAT_VERSION, "audience": args.audience.value,
                     "count": len(items), "items": items})
        return 0
    for data in items:
        date_text = data["date"]["display"] if data["date"] else ""
        kind = value_label("kind", data["kind"], lang)
        status = value_label("status", data["consent"]["status"], lang)
        print(f"{data['accession']:<14} {kind:<11} {status:<12} {date_text:<18} {data['title']}")
    count = len(items)
    if lang == "es":
        print(f"{count} elemento" if count == 1 else f"{count} elementos")
    else:
        print(f"{count} item" if count == 1 else f"{count} items")
    return 0


def cmd_search(args: argparse.Namespace, lang: str) -> int:
    from memoria.domain.messages import also_searched_text
    from memoria.search.cli_support import run_search, syntax_sentence
    from memoria.search.querylang import QuerySyntaxError

    with open_archive(args, writable=False) as archive:
        try:
            found = run_search(archive, args.query, args.audience, args.limit, args.facets,
                               lang)
        except QuerySyntaxError as exc:
            print("memoria: " + syntax_sentence(exc.code, exc.message, exc.position, lang),
                  file=sys.stderr)
            return 2
        items = _summaries(archive, [h.item_id for h in found.hits], args.audience, lang)
        by_id = {h.item_id: h for h in found.hits}  # a hit withdrawn meanwhile was dropped
        for data in items:
            hit = by_id[data["id"]]
            data.update(score=hit.score, segments=hit.segments, snippet=hit.snippet)
        _guard(archive, args.audience, [items, found.facets], lang)
    if args.json:
        out = {"format": JSON_FORMAT_VERSION, "audience": args.audience.value,
               "query": args.query, "count": len(items), "total": found.total,
               "engine": found.engine, "also_searched": found.also_searched, "items": items}
        if found.facets is not None:
            out["facets"] = found.facets
        print_json(out)
        return 0
    if found.also_searched:
        print(also_searched_text(found.also_searched, lang))
    for data in items:
        first = data["segments"][0]["start_ms"] // 1000 if data["segments"] else None
        at = f"  @{first // 60}:{first % 60:02d}" if first is not None else ""
        print(f"{data['accession']:<14} {data['title']}{at}")
    print(f"{len(items)} de {found.total} resultados" if lang == "es"
          else f"{len(items)} of {found.total} results")
    for name, values in (found.facets or {}).items():
        print(f"{name}: " + ", ".join(f"{v['value']} ({v['count']})" for v in values[:8]))
    return 0


def cmd_reindex(args: argparse.Namespace, lang: str) -> int:
    from memoria.search.cli_support import reindex

    with open_archive(args, writable=False) as archive:
        reindex(archive, procs=max(1, args.procs), lang=lang)
    print("Índice de búsqueda reconstruido." if lang == "es" else "Search index rebuilt.")
    return 0


# -- consent ---------------------------------------------------------------------
def _target(archive: Archive, ref: str) -> tuple[str, int]:
    if ref.lower().startswith(("person:", "persona:")):
        person_id = int(ref.split(":", 1)[1])
        authorities.get_person(archive, person_id)
        return "person", person_id
    return "item", item_store.resolve_item(archive, ref)


def cmd_consent(args: argparse.Namespace, lang: str) -> int:
    writable = args.consent_command != "show"
    with open_archive(args, writable=writable) as archive:
        return _CONSENT[args.consent_command](archive, args, lang)


def consent_show(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    kind, target = _target(archive, args.id)
    records = (consents.records_for_item(archive, target) if kind == "item"
               else consents.records_for_person(archive, target))
    out = []
    for r in records:
        person = authorities.get_person(archive, r.person_id)
        out.append({
            "id": r.id, "person": {"id": person.id, "name": person.name,
                                   "pseudonym": r.pseudonym or person.pseudonym},
            "status": r.status.value, "scopes": sorted(s.value for s in r.scopes),
            "embargo_until": r.embargo_until.isoformat() if r.embargo_until else None,
            "embargo_reviewed": r.embargo_reviewed_at is not None,
            "review_date": r.review_date.isoformat() if r.review_date else None,
            "anonymisation": sorted(a.value for a in r.anonymisation),
            "items": sorted(r.item_ids), "segments": sorted(r.segment_ids),
            "signed_form": bool(r.form_sha256), "superseded_by": r.superseded_by,
            "history": [{"at": e.at, "by": e.actor, "action": e.action,
                         "status": e.status.value, "reason": e.reason}
                        for e in consents.events(archive, r.id)],
        })
    if args.json:
        print_json({"format": JSON_FORMAT_VERSION, "records": out})
        return 0
    if kind == "item":
        print(explain(ConsentSnapshot(archive).decide(target, Audience.RESEARCHER), lang))
    if not out:
        print("Sin registros de consentimiento." if lang == "es" else "No consent records.")
    for r in out:
        scopes = ", ".join(SCOPE_LABELS[lang].get(x, x) for x in r["scopes"]) or "-"
        print(f"#{r['id']} {r['person']['name']}: {value_label('status', r['status'], lang)} "
              f"[{scopes}]"
              + (f" embargo {r['embargo_until']}" if r["embargo_until"] else ""))
        for event in r["history"]:
            print(f"    {event['at']} {event['by']}: {value_label('action', event['action'], lang)}"
                  f" -> {value_label('status', event['status'], lang)}"
                  + (f" ({event['reason']})" if event["reason"] else ""))
    return 0


def _consenting_people(archive: Archive, item_id: int, person: str | None,
                       lang: str = "es") -> list[int]:
    if person:
        found = authorities.person_by_name(archive, person)
        if found is None:
            raise CliError(consent_line("no_person", lang, name=person))
        return [found.id]
    item = item_store.get_item(archive, item_id)
    people = [ip.person.id for ip in item.people if ip.role.value in ("narrator", "depicted")]
    if not people:
        raise CliError(consent_line("nobody", lang, acc=item.accession))
    return list(dict.fromkeys(people))


def consent_grant(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    from memoria.importing.importer import parse_scope

    anonymisation = {Anonymisation(a) for a in args.anonymise}
    if args.pseudonym:
        anonymisation.add(Anonymisation.PSEUDONYM)
    terms = consents.ConsentTerms(
        status=ConsentStatus(args.status), scopes={parse_scope(s) for s in args.scopes},
        embargo_until=args.embargo_until, review_date=args.review_date,
        anonymisation=anonymisation, pseudonym=args.pseudonym,
        provenance=Provenance(
            ProvenanceMethod.SIGNED_FORM if args.form else None, args.obtained_by,
            date.today(), "",
        ),
    )
    if len(args.id) > 1 or args.confirm_reopen:
        person = authorities.person_by_name(archive, args.person) if args.person else None
        if args.person and person is None:
            raise CliError(consent_line("no_person", lang, name=args.person))
        return batch_cli.consent_grant_batch(archive, args, lang, terms,
                                             person.id if person else None)
    kind, target = _target(archive, args.id[0])
    if kind == "person":
        item_ids = person_item_ids(archive, target)
        if not item_ids:
            raise CliError(consent_line("no_items", lang))
        people = [target]
    else:
        item_ids, people = [target], _consenting_people(archive, target, args.person, lang)
    ids = consent_ops.record(archive, Actor.of(archive, lang=lang), people, item_ids, terms,
                             args.form, reason=args.reason).value
    for cid, person_id in zip(ids, people, strict=True):
        name = authorities.get_person(archive, person_id).name
        print(consent_line("recorded", lang, cid=cid, name=name,
                           items=items_text(len(item_ids), lang)))
    notice = copies_cli.recall_notice(archive, item_ids, lang)  # a new embargo, a restriction
    if notice:
        print(notice)
    return 0


def consent_withdraw(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    kind, target = _target(archive, args.id)
    records = (consents.records_for_item(archive, target) if kind == "item"
               else consents.records_for_person(archive, target))
    current = consent_ops.current_records(records)
    if not current:
        raise CliError(consent_line("nothing_to_withdraw", lang))
    # One transaction for all of them: a kill midway never leaves a person half-withdrawn.
    consent_ops.withdraw_all(archive, Actor.of(archive, lang=lang), current, args.reason)
    for record in current:
        person = authorities.get_person(archive, record.person_id)
        print(consent_line("withdrawn", lang, cid=record.id,
                           name=display_name(archive, person, Audience.CUSTODIAN),
                           items=items_text(len(record.item_ids), lang)))
    notice = copies_cli.recall_notice(archive, {i for r in current for i in r.item_ids}, lang)
    if notice:
        print(notice)
    return 0


def consent_review(archive: Archive, args: argparse.Namespace, lang: str) -> int:
    consent_ops.review_embargo(archive, Actor.of(archive, lang=lang), args.consent_id, args.reason)
    print(consent_line("reviewed", lang, cid=args.consent_id))
    return 0


_CONSENT = {"show": consent_show, "grant": consent_grant, "withdraw": consent_withdraw,
            "review": consent_review}
_COMMANDS = {"init": cmd_init, "demo": cmd_demo, "import": cmd_import, "show": cmd_show,
             "list": cmd_list, "search": cmd_search, "reindex": cmd_reindex,
             "consent": cmd_consent,
             **trust_cli.COMMANDS, **copies_cli.COMMANDS, "exhibit": exhibit_cli.run, **media_cli.COMMANDS,
             **protect_cli.COMMANDS, **purge_cli.COMMANDS, **trash_cli.COMMANDS,
             **asr_cli.COMMANDS,
             **accounts_cli.COMMANDS, **rotate_cli.COMMANDS, **batch_cli.COMMANDS}
